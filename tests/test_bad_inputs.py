"""The bad-input corpus: every broken or hostile file gives a warning naming it and the reason, and
never stops the others. Small cases live in tests/data/bad/; large or OS-level ones (50 MB file,
links, pipe, unreadable file, zip bomb, non-UTF-8 name) are made here at test time.

docs/bad-inputs.md is the table of what users get; CASES below is the same table, asserted.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from docx2python import docx2python
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import briefgen.ingest as ingest_module
from briefgen.cli import app
from briefgen.ingest import MAX_SOURCE_BYTES, build_source, ingest, read_limited
from briefgen.ingest.clean import XML_ILLEGAL, clean, normalise
from briefgen.ingest.readers import MAX_DOCX_UNPACKED_BYTES, READERS, UnreadableSource, decode, lines_to_paragraphs, read_text
from briefgen.model import Brief
from briefgen.outdir import LOCK_NAME
from briefgen.schedule import LAST_RUN
from briefgen.pipeline import run
from briefgen.render.sidecar import validate
from briefgen.segment import segment, split_sentences

BAD = Path(__file__).parent / "data" / "bad"
KEPT, SKIPPED = "kept", "skipped"
ODD_NAME = "L'été « spécial » \"Mali\" – Kati.txt"
NON_UTF8_NAME = b"d\xe9p\xeache-\xe0-Gao.txt"  # Latin-1 bytes, as old Windows zips store names
NON_UTF8_SHOWN = "d\ufffdp\ufffdche-\ufffd-Gao.txt"
HUGE_BYTES = 50 * 2**20
# Whatever reads the 50 MB file must never hold more than this at once (it is refused unread).
HUGE_READ_BUDGET = 8 * 2**20

# name in the corpus -> (kept or skipped, what the warning must say; None: no warning at all)
CASES = {
    "empty.txt": (SKIPPED, "the file is empty or only whitespace"),
    "whitespace.txt": (SKIPPED, "the file is empty or only whitespace"),
    "garbage.txt": (SKIPPED, "looks like binary data"),
    "photo.txt": (SKIPPED, "is a PNG image, not text"),
    "huge.txt": (SKIPPED, "MiB, over the 5 MiB limit"),
    "cp1252.txt": (KEPT, "decoded as Windows-1252"),
    "latin1.txt": (KEPT, "decoded as Windows-1252"),
    "utf16-bom.txt": (KEPT, None),
    "utf16-bom-be.txt": (KEPT, None),
    "utf16-nobom.txt": (KEPT, "decoded as UTF-16-LE without BOM"),
    "nul-bytes.txt": (KEPT, "control characters (e.g. NUL) removed"),
    "control-chars.txt": (KEPT, "control characters (e.g. NUL) removed"),
    "english.txt": (KEPT, "in English; its sentences are quoted as they are, not translated"),
    "mixed.txt": (KEPT, None),
    "mac-line-ends.txt": (KEPT, None),
    "long-sentence.txt": (KEPT, None),
    "template-syntax.txt": (KEPT, None),
    "duplicate b copy.txt": (KEPT, None),
    "duplicate-a.txt": (SKIPPED, "same article as"),
    "locked.txt": (SKIPPED, "permission denied"),
    "loop/again": (SKIPPED, "folder reached again through a symbolic link (a loop)"),
    "self-link.txt": (SKIPPED, "symbolic link loop"),
    "dangling.txt": (SKIPPED, "broken symbolic link"),
    "pipe.txt": (SKIPPED, "not a regular file (a pipe, device or socket)"),
    "corrupt.docx": (SKIPPED, "the Word file is corrupt or not a .docx (BadZipFile)"),
    "broken-xml.docx": (SKIPPED, "the Word file is corrupt or not a .docx (XMLSyntaxError)"),
    "zip-bomb.docx": (SKIPPED, "would unpack to"),
    "scripts-only.html": (SKIPPED, "the HTML page has no visible text"),
    "slides.pdf": (SKIPPED, "unsupported file type"),
    "unclosed-tags.html": (KEPT, None),
    "unmatched-marks.md": (KEPT, None),
    ODD_NAME: (KEPT, None),
    NON_UTF8_SHOWN: (KEPT, "the file name is not valid UTF-8"),
}


def make_corpus(folder: Path) -> Path:
    """tests/data/bad plus the cases that cannot or should not be stored in git."""
    shutil.copytree(BAD, folder)
    with (folder / "huge.txt").open("w", encoding="utf-8") as f:
        chunk = ("Le ministre a reçu l'envoyé spécial à Bamako. " * 23000)[: 2**20]
        for _ in range(HUGE_BYTES // len(chunk.encode())):
            f.write(chunk)
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to("..")
    (folder / "self-link.txt").symlink_to("self-link.txt")
    (folder / "dangling.txt").symlink_to("moved-away.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "locked.txt").write_text("Le ministre a reçu l'envoyé spécial à Kolokani. Les délégations ont parlé.")
    (folder / "locked.txt").chmod(0)
    (folder / "zip-bomb.docx").write_bytes(zip_bomb())
    # Inputs that once took minutes (quadratic parsing): the standard HTML parser on unclosed tags,
    # Markdown regexes on unmatched marks.
    (folder / "unclosed-tags.html").write_text("<p>Le ministre a reçu l'envoyé spécial à Ansongo.</p>" + "<a " * 30000)
    (folder / "unmatched-marks.md").write_text("Le ministre a reçu l'envoyé spécial à Ménaka.\n\n" + "*a [b ![c (d " * 10000)
    with open(os.path.join(os.fsencode(folder), NON_UTF8_NAME), "w", encoding="utf-8") as f:
        f.write("Le ministre a reçu l'envoyé spécial à Gao. Les délégations ont parlé de la sécurité.")
    return folder


def zip_bomb() -> bytes:
    """A small .docx-looking zip whose one part unpacks past the limit (zeros compress ~1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * 2**20
            for _ in range(MAX_DOCX_UNPACKED_BYTES // len(block) + 1):
                part.write(block)
    return buffer.getvalue()


def refuse_unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Tests run as root in CI, where chmod 000 does not stop a read: then the refusal the OS
    would give is raised at the read itself. As a normal user the real permission is tested."""
    locked = folder / "locked.txt"
    if not os.access(locked, os.R_OK):
        return
    real = ingest_module.read_limited

    def read(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(ingest_module, "read_limited", read)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_corpus(tmp_path_factory.mktemp("bad") / "corpus")
    yield folder
    (folder / "huge.txt").unlink()  # pytest keeps recent temporary folders; 50 MB each adds up


@pytest.fixture(scope="module")
def brief(corpus: Path):
    with pytest.MonkeyPatch.context() as monkeypatch:
        refuse_unreadable(monkeypatch, corpus)
        return segment(ingest([corpus]))


def _sources(brief) -> dict[str, object]:
    return {s.path.name: s for s in brief.sources}


def _warnings_for(brief, corpus: Path, name: str) -> list[str]:
    return [w.message for w in brief.warnings if w.source == str(corpus / name)]


def test_the_corpus_has_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_is_kept_or_skipped_with_its_reason(brief, corpus, name):
    outcome, reason = CASES[name]
    warnings = _warnings_for(brief, corpus, name)
    assert (Path(name).name in _sources(brief)) == (outcome == KEPT), warnings
    if reason is None:
        assert warnings == []
    else:
        assert any(reason in w for w in warnings), warnings


def test_every_file_in_the_corpus_is_accounted_for(brief, corpus):
    named = {w.source for w in brief.warnings} | {str(s.path) for s in brief.sources}
    stored = {str(corpus / p.name) for p in BAD.iterdir() if not p.name.startswith("~$")}
    assert stored <= named
    assert {str(corpus / name) for name in CASES} == named


def test_office_lock_files_are_ignored_silently(brief):
    assert not any("~$" in w.source for w in brief.warnings)


def test_legacy_encodings_decode_to_the_right_french(brief):
    sources = _sources(brief)
    assert sources["cp1252.txt"].text.startswith("L’envoyé – « spécial » – à Kayes.")
    assert sources["latin1.txt"].text.startswith("Été à Ségou.")
    for name, place in [("utf16-bom.txt", "Mopti"), ("utf16-bom-be.txt", "Gao"), ("utf16-nobom.txt", "Tombouctou")]:
        assert f"l'envoyé spécial américain à {place}." in sources[name].text
        assert "\ufeff" not in sources[name].text and "\x00" not in sources[name].text


def test_classic_mac_line_ends_give_paragraphs_and_join_wrapped_lines(brief):
    assert [p.text for p in _sources(brief)["mac-line-ends.txt"].paragraphs] == [
        "Le ministre des Affaires étrangères a reçu vendredi l'envoyé spécial américain à Bourem.",
        "Les deux délégations ont évoqué la sécurité au Sahel et la coopération économique.",
    ]


def test_control_characters_are_removed_and_words_kept_apart(brief):
    sources = _sources(brief)
    assert "Les deux délégations ont évoqué la sécurité au Sahel et" in sources["nul-bytes.txt"].text
    text = sources["control-chars.txt"].text
    assert "la sécurité au Sahel et la coopération économique entre les deux pays." in text
    assert not any(ord(ch) < 32 and ch not in "\n" for ch in text)


def test_english_article_is_marked_and_mixed_article_is_french(brief):
    sources = _sources(brief)
    assert sources["english.txt"].language == "en"
    assert sources["mixed.txt"].language == "fr"
    assert "The State Department said" in sources["mixed.txt"].text


def test_a_20000_character_sentence_is_kept_whole(brief):
    source = _sources(brief)["long-sentence.txt"]
    longest = max((s for s in source.sentences()), key=lambda s: len(s.text))
    assert len(longest.text) >= 19_900
    assert source.text[longest.start : longest.end] == longest.text


def test_template_and_word_markup_stay_literal_text(brief):
    text = _sources(brief)["template-syntax.txt"].text
    literals = ("{{ 7*7 }}", "{% for x in range(3) %}boucle{% endfor %}", "<w:p><w:r><w:t>injecté</w:t></w:r></w:p>", "{# commentaire #}")
    for literal in literals:
        assert literal in text


def test_duplicate_is_cited_once_and_names_the_copy_kept(brief, corpus):
    (warning,) = _warnings_for(brief, corpus, "duplicate-a.txt")
    kept = _sources(brief)["duplicate b copy.txt"]
    assert warning == f"same article as {corpus / 'duplicate b copy.txt'}; cited once, as {kept.id}"


def test_odd_file_names_are_kept_as_they_are(brief, corpus):
    assert _sources(brief)[ODD_NAME].path == corpus / ODD_NAME


def test_non_utf8_file_name_is_read_and_shown_printable(brief):
    source = _sources(brief)[NON_UTF8_SHOWN]
    assert source.text.startswith("Le ministre a reçu l'envoyé spécial à Gao.")
    for name in [str(source.path)] + [w.source for w in brief.warnings]:
        name.encode("utf-8")  # no surrogate escapes left: JSON and DOCX can carry every name


def test_huge_file_is_refused_without_being_read(corpus):
    huge = corpus / "huge.txt"
    assert huge.stat().st_size > HUGE_BYTES * 0.99
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableSource, match="over the 5 MiB limit"):
            read_limited(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < HUGE_READ_BUDGET


def test_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * MAX_SOURCE_BYTES)
    assert len(read_limited(path)) == MAX_SOURCE_BYTES
    path.write_bytes(b"a" * (MAX_SOURCE_BYTES + 1))
    with pytest.raises(UnreadableSource):
        read_limited(path)


def test_named_paths_that_do_not_exist_or_are_special(tmp_path):
    brief = ingest([tmp_path / "nowhere.txt", Path("/dev/null"), Path("/dev/zero")])
    assert [(w.source, w.message) for w in brief.warnings] == [
        (str(tmp_path / "nowhere.txt"), "no such file or folder"),
        ("/dev/null", "not a regular file (a pipe, device or socket); skipped"),
        ("/dev/zero", "not a regular file (a pipe, device or socket); skipped"),
    ]


def test_a_path_that_cannot_be_inspected_is_reported(tmp_path, monkeypatch):
    """As a normal user, a file inside a folder without search permission cannot even be stat'ed
    (as root it can, so the refusal is simulated)."""
    hidden = tmp_path / "secret" / "article.txt"
    hidden.parent.mkdir()
    hidden.write_text("Le ministre a reçu l'envoyé.")
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if self == hidden:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    brief = ingest([hidden, hidden])
    assert [(w.source, w.message) for w in brief.warnings] == [(str(hidden), "permission denied; make the file readable to include it")]


def test_briefgen_outputs_inside_a_sources_folder_are_not_read_back(tmp_path):
    shutil.copy(BAD / "mixed.txt", tmp_path / "article.txt")
    for name in ("brief-2025-W38.md", "brief-2025-W37 (edited).docx"):
        (tmp_path / name).write_text("# Weekly brief\n\nThe minister received the envoy.", encoding="utf-8")
    brief = ingest([tmp_path])
    assert [s.path.name for s in brief.sources] == ["article.txt"]
    assert [Path(w.source).name for w in brief.warnings] == ["brief-2025-W37 (edited).docx", "brief-2025-W38.md"]
    assert all("a brief written by briefgen" in w.message for w in brief.warnings)


def test_a_folder_that_cannot_be_opened_is_reported(tmp_path, monkeypatch):
    """The refusal is simulated at the listing (root may open any folder)."""
    shutil.copy(BAD / "mixed.txt", tmp_path / "article.txt")
    (tmp_path / "private").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)) == tmp_path / "private":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    brief = ingest([tmp_path])
    assert [s.path.name for s in brief.sources] == ["article.txt"]
    assert [(w.source, w.message) for w in brief.warnings] == [
        (str(tmp_path / "private"), "cannot open the folder (Permission denied); skipped")
    ]


def test_files_of_many_lines_are_read_in_one_pass(tmp_path):
    """Both once took minutes (repeat detection and line joining compared each line with all
    before it); now each line costs about the same whatever comes before."""
    (tmp_path / "lines.txt").write_text("".join(f"Le ministre a reçu la délégation numéro {i}.\n" for i in range(20000)))
    (tmp_path / "wrapped.txt").write_text("Début.\n" + "la suite du texte coupée\n" * 20000)
    sources = {s.path.name: s for s in ingest([tmp_path]).sources}
    assert len(sources["lines.txt"].paragraphs) == 20000
    assert len(sources["wrapped.txt"].paragraphs) == 2


def test_nothing_usable_gives_no_sources(corpus, tmp_path):
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    for name in ("empty.txt", "garbage.txt", "photo.txt", "corrupt.docx", "scripts-only.html"):
        shutil.copy(corpus / name, only_bad / name)
    brief = ingest([only_bad])
    assert brief.sources == []
    assert len(brief.warnings) == 5


# --- The same through the command line: warnings on stderr name the file and the reason. ---

WIDE = {"COLUMNS": "1000"}  # rich wraps at 80 columns otherwise, splitting long messages


def test_sources_command_reports_every_bad_file(corpus, monkeypatch):
    refuse_unreadable(monkeypatch, corpus)
    result = CliRunner().invoke(app, ["sources", str(corpus), "--json"], env=WIDE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    kept = {Path(row["path"]).name for row in data["sources"]}
    assert kept == {Path(name).name for name, (outcome, _) in CASES.items() if outcome == KEPT}
    for name, (_, reason) in CASES.items():
        if reason:
            messages = [w["message"] for w in data["warnings"] if w["source"] == str(corpus / name)]
            assert any(reason in message for message in messages), name


def test_sources_subprocess_prints_warnings_on_stderr(corpus, briefgen_exe, isolated_env):
    result = subprocess.run(
        [briefgen_exe, "sources", corpus], capture_output=True, text=True, env={**isolated_env, **WIDE}, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    for name, (_, reason) in CASES.items():
        if name == "locked.txt" and os.access(corpus / name, os.R_OK):
            continue  # as root the file is readable in a subprocess (refuse_unreadable patches in-process only)
        if reason:
            assert any(line.startswith(f"warning: {corpus / name}: ") and reason in line for line in lines), name


# --- Arbitrary text: cleaning and segmentation never raise and keep their promises. ---

# Pieces French news text is made of, including every trap the cleaners and the splitter know.
TOKENS = (
    "Le", "ministre", "M.", "Mme", "Lt-col.", "gén.", "William B. Stevens", "J.-C.", "«", "»", "“", "”", "...",
    "…", ".", "!", "?", ":", ";", ",", "Accueil »", "0 comments", "155 views", "3 minutes read", "AK12", "12",
    "LAISSER UN COMMENTAIRE", "date 2025-07", "Bamako, 16 septembre 2025 -", "\n", "\n\n", "\r\n", "\t", "\x00",
    "\x0b", "\x0c", "\ufeff", "\u00a0", "\u202f", "\ud7ff", "\ufffd", "{{ 7*7 }}", "<w:p>", "&amp;", "é", "É",
)
french_like = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=60).map(" ".join)
any_text = st.one_of(st.text(), french_like)
PROPERTY_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(any_text)
def test_normalise_leaves_nothing_word_cannot_store(text):
    cleaned, removed = normalise(text)
    assert not XML_ILLEGAL.search(cleaned)
    assert normalise(cleaned) == (cleaned, False)
    assert removed or not XML_ILLEGAL.search(text)


@PROPERTY_SETTINGS
@given(st.lists(french_like, max_size=12), st.one_of(st.none(), french_like))
def test_clean_only_drops_whole_paragraphs(paragraphs, title):
    kept = clean(paragraphs, title)
    tidied = [" ".join(p.split()) for p in paragraphs]
    assert all(" ".join(p.split()) in tidied for p in kept)


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_every_reader_turns_any_bytes_into_text_or_a_reason(data):
    decode(data)
    for reader in set(READERS.values()):
        try:
            document = reader(data)
        except UnreadableSource as exc:
            assert str(exc)
        else:
            assert all(isinstance(p, str) for p in document.paragraphs)


@PROPERTY_SETTINGS
@given(any_text)
def test_any_text_ingests_with_exact_offsets(text):
    data = text.encode("utf-8", "surrogatepass")
    brief = Brief()
    try:
        document = read_text(data)
    except UnreadableSource:
        return
    source = build_source(Path("article.txt"), data, document, brief)
    if source is None:
        assert brief.warnings
        return
    assert not XML_ILLEGAL.search(source.text)
    for paragraph in segment(Brief(sources=[source])).sources[0].paragraphs:
        assert source.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
        for sentence in paragraph.sentences:
            assert source.text[sentence.start : sentence.end] == sentence.text != ""


@PROPERTY_SETTINGS
@given(any_text)
def test_sentences_cover_the_paragraph_in_order_without_overlap(text):
    """Offsets are exact, sentences never overlap, and no visible character is lost between them."""
    spans = split_sentences(text)
    ends = [0]
    for start, end in spans:
        assert ends[-1] <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        ends.append(end)
    assert "".join(_visible(text[s:e]) for s, e in spans) == _visible(text)


@PROPERTY_SETTINGS
@given(any_text)
def test_hard_wrap_joining_keeps_every_character_but_spaces(text):
    assert "".join(_visible(p) for p in lines_to_paragraphs(text)) == _visible(text)


def _visible(text: str) -> str:
    return "".join(text.split())


# --- Whole builds: the brief is made from the rest, and the JSON and stderr say what was skipped. ---


def test_build_over_the_corpus_and_the_seeds(corpus, seeds_dir, briefgen_exe, isolated_env, tmp_path):
    """The real command and the real Apertium engine, as a weekly job would run it."""
    out = tmp_path / "outputs"
    result = subprocess.run(
        [briefgen_exe, "build", corpus, seeds_dir, "--out", out, "--engine", "apertium"],
        capture_output=True, text=True, env={**isolated_env, **WIDE}, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "brief-2025-W38.json").read_text(encoding="utf-8"))
    validate(data)
    lines = result.stderr.splitlines()
    for name, (_, reason) in CASES.items():
        if reason and not (name == "locked.txt" and os.access(corpus / name, os.R_OK)):
            assert any(w["source"] == str(corpus / name) and reason in w["message"] for w in data["warnings"]), name
            assert any(line.startswith(f"warning: {corpus / name}: ") and reason in line for line in lines), name
    by_name = {Path(s["path"]).name: s for s in data["sources"]}
    assert {Path(s["path"]).parent for s in data["sources"]} == {corpus, seeds_dir}
    assert by_name["english.txt"]["language"] == "en" and by_name[ODD_NAME]["language"] == "fr"
    title = by_name["template-syntax.txt"]["title"]
    assert title == "Le tableau {{ 7*7 }} et la balise <w:p><w:r><w:t>x</w:t></w:r></w:p> au ministère"
    document = docx2python(out / "brief-2025-W38.docx").text
    assert "{{ 7*7 }}" in document and "<w:p><w:r><w:t>x</w:t></w:r></w:p>" in document  # shown, not evaluated
    assert ODD_NAME in document or by_name[ODD_NAME]["title"] in document


def test_english_sentences_are_never_sent_to_the_translator(fake_translator, build_config, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(BAD / "english.txt", folder)
    shutil.copy(BAD / "mixed.txt", folder)
    brief = run([folder], build_config, fake_translator)
    english = next(s for s in brief.sources if s.language == "en")
    english_sentences = {s.text for s in english.sentences()}
    assert not english_sentences & set(fake_translator.seen)
    english_points = [p for p in brief.points() if {c.source for c in p.citations} == {english.id}]
    assert english_points, "the English article should give at least one point"
    assert all(p.en == p.fr for p in english_points)


@pytest.fixture
def previous_outputs(tmp_path: Path) -> dict[Path, bytes]:
    out = tmp_path / "outputs"
    out.mkdir()
    files = {out / "brief-2025-W38.docx": b"last week's docx", out / "brief-2025-W38.json": b"last week's json"}
    for path, data in files.items():
        path.write_bytes(data)
    return files


def test_nothing_usable_exits_3_and_replaces_nothing(corpus, previous_outputs, fake_translator, isolated_home, monkeypatch):
    monkeypatch.setattr("briefgen.translate.select_engine", lambda config: fake_translator)
    only_bad = isolated_home / "only-bad"
    only_bad.mkdir()
    for name in ("empty.txt", "photo.txt", "corrupt.docx"):
        shutil.copy(corpus / name, only_bad / name)
    out = next(iter(previous_outputs)).parent
    result = CliRunner().invoke(app, ["build", str(only_bad), "--out", str(out)], env=WIDE)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: No usable French article found in {only_bad}.")
    for name in ("empty.txt", "photo.txt", "corrupt.docx"):
        assert str(only_bad / name) in result.stderr
    assert "Nothing was written." in result.stderr and "Traceback" not in result.stderr
    assert all(path.read_bytes() == data for path, data in previous_outputs.items())
    assert sorted(p.name for p in out.iterdir() if p.name not in (LOCK_NAME, LAST_RUN)) == sorted(p.name for p in previous_outputs)
    assert json.loads((out / LAST_RUN).read_text(encoding="utf-8"))["exit_code"] == 3  # the run is recorded
