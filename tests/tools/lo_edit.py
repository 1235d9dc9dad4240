"""Edit a DOCX the way an analyst does, with LibreOffice itself: run by Debian's /usr/bin/python3
(the `uno` module of python3-uno), never by the project's venv.

    /usr/bin/python3 tests/tools/lo_edit.py IN.docx OUT.docx EDITS.json PROFILE_DIR

EDITS.json: {"author": "Jane Analyst", "track_changes": false,
             "edits": [{"replace": "old text", "with": "new text"},
                       {"delete_paragraph": "text in it"},
                       {"after_paragraph": "text in it", "insert": "a new paragraph", "bold": "a word"}]}

LibreOffice starts headless with a private profile, listening on a pipe only (no network), edits
through its own API (search, the text cursor, change tracking) and saves as Word 2007+.
"""

import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_SECONDS = 60


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def set_user_name(ctx, author):
    """LibreOffice writes its user's name as the document's last-modified-by on save."""
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit(f"text not found in the document: {text!r}")
    return found


def apply(doc, edit):
    if "replace" in edit:
        find(doc, edit["replace"]).setString(edit["with"])
    elif "delete_paragraph" in edit:
        found = find(doc, edit["delete_paragraph"])
        cursor = found.getText().createTextCursorByRange(found)
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)  # and its paragraph mark: the paragraph is gone, not just emptied
        cursor.setString("")
    elif "after_paragraph" in edit:
        found = find(doc, edit["after_paragraph"])
        text = found.getText()
        cursor = text.createTextCursorByRange(found)
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        text.insertString(cursor, edit["insert"], False)
        if edit.get("bold"):
            bold = find(doc, edit["bold"])
            bold.CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
    else:
        raise SystemExit(f"unknown edit {edit}")


def main(source, target, edits_file, profile):
    spec = json.load(open(edits_file, encoding="utf-8"))
    pipe = f"briefgen_test_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{os.path.abspath(profile)}", "--headless", "--invisible",
         "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        if spec.get("author"):
            set_user_name(ctx, spec["author"])
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                           (prop("Hidden", True),))
        doc.RecordChanges = bool(spec.get("track_changes"))
        for edit in spec.get("edits", []):
            apply(doc, edit)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as the office quits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
