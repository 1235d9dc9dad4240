"""The translation memory as files to share: TMX 1.4 (what CAT tools such as OmegaT and Trados read) and JSON.

TMX: one <tu> per entry, French source and English target <tuv>s, the analyst as `changeid`, the
edit's time as `changedate`, briefgen's own fields as `x-briefgen-*` <prop>s (TMX 1.4's way for
tool-specific data). Import reads any TMX 1.4 with French and English variants (inline codes are
dropped, their text kept) and briefgen's JSON export.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from lxml import etree

import briefgen
from briefgen.errors import ConfigError
from briefgen.memory import MemoryEntry

FORMATS = ("tmx", "json")
JSON_SCHEMA = "briefgen/memory@1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_DATE = "%Y%m%dT%H%M%SZ"  # TMX 1.4: ISO 8601 basic format, UTC
PROPS = ("kind", "item", "brief", "machine")  # MemoryEntry fields carried as <prop type="x-briefgen-...">
# Inline codes whose content is native markup, not text (TMX 1.4 §3.7); <hi> and <sub> hold text.
CODE_TAGS = {"bpt", "ept", "it", "ph", "ut"}


def export_entries(entries: list[MemoryEntry], fmt: str, out: Path) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    data = to_tmx(entries) if fmt == "tmx" else to_json(entries)
    out.write_bytes(data)


def to_tmx(entries: list[MemoryEntry]) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "briefgen", "creationtoolversion": briefgen.__version__, "segtype": "sentence",
        "o-tmf": "briefgen", "adminlang": "en", "srclang": "fr", "datatype": "plaintext",
    })
    body = etree.SubElement(root, "body")
    for entry in entries:
        tu = etree.SubElement(body, "tu", _tu_attributes(entry))
        for name in PROPS:
            if getattr(entry, name):
                etree.SubElement(tu, "prop", type=f"x-briefgen-{name}").text = getattr(entry, name)
        for lang, text in (("fr", entry.fr), ("en", entry.en)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


def _tu_attributes(entry: MemoryEntry) -> dict[str, str]:
    attributes = {"tuid": str(entry.id)} if entry.id else {}
    if entry.author:
        attributes["changeid"] = entry.author
    if entry.modified:
        when = dt.datetime.fromisoformat(entry.modified).astimezone(dt.timezone.utc)
        attributes["changedate"] = when.strftime(TMX_DATE)
    return attributes


def to_json(entries: list[MemoryEntry]) -> bytes:
    rows = [{k: v for k, v in vars(e).items() if k != "id"} for e in entries]
    return (json.dumps({"schema": JSON_SCHEMA, "entries": rows}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_entries(path: Path) -> list[MemoryEntry]:
    """Entries from a TMX or briefgen JSON file (by content, whatever its extension)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    if data.lstrip()[:1] == b"{":
        return _from_json(data, path)
    return _from_tmx(data, path)


def _from_json(data: bytes, path: Path) -> list[MemoryEntry]:
    try:
        document = json.loads(data)
        if document.get("schema") != JSON_SCHEMA:
            raise ValueError(f"not a {JSON_SCHEMA} file")
        return [MemoryEntry(**{k: str(v) for k, v in row.items() if k in MemoryEntry.__dataclass_fields__})
                for row in document["entries"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path} is not a briefgen memory export ({exc}).") from exc


def _from_tmx(data: bytes, path: Path) -> list[MemoryEntry]:
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"{path} is neither TMX nor a briefgen JSON export ({exc}).") from exc
    if root.tag != "tmx":
        raise ConfigError(f"{path} is not a TMX file (its root element is <{root.tag}>).")
    entries = []
    for tu in root.iter("tu"):
        texts = {_lang(tuv): _seg_text(tuv.find("seg")) for tuv in tu.findall("tuv")}
        fr, en = texts.get("fr"), texts.get("en")
        if fr and en:
            props = {p.get("type", "")[len("x-briefgen-"):]: p.text or "" for p in tu.findall("prop")
                     if p.get("type", "").startswith("x-briefgen-")}
            entries.append(MemoryEntry(
                fr, en, **{k: v for k, v in props.items() if k in PROPS},
                author=tu.get("changeid") or tu.get("creationid") or "",
                modified=_iso(tu.get("changedate") or tu.get("creationdate")),
            ))
    return entries


def _lang(tuv: etree._Element) -> str:
    """"fr-FR" -> "fr"; TMX 1.1 files use `lang` instead of `xml:lang`."""
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").split("-")[0].split("_")[0].lower()


def _seg_text(seg: etree._Element | None) -> str:
    if seg is None:
        return ""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in CODE_TAGS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _iso(tmx_date: str | None) -> str:
    if not tmx_date:
        return ""
    try:
        return dt.datetime.strptime(tmx_date, TMX_DATE).replace(tzinfo=dt.timezone.utc).isoformat()
    except ValueError:
        return ""
