"""What templates see: numbering, links and fallbacks decided once for every format."""

from __future__ import annotations

from dataclasses import replace

from briefgen.model import Actor, Citation, Discrepancy, EngineInfo, Version
from briefgen.render.context import build_view


class Recorder:
    """Marks that say what they were asked for, in order."""

    def __init__(self) -> None:
        self.asked: list[tuple] = []

    def footnote(self, citation):
        self.asked.append(("footnote", citation.quote))
        return len(self.asked)

    def link(self, label, anchor="", url=""):
        self.asked.append(("link", label, anchor, url))
        return f"link:{anchor or url}"

    def bookmark(self, name):
        self.asked.append(("bookmark", name))
        return f"bookmark:{name}"

    def anchor(self, kind, fr, text):
        self.asked.append(("anchor", kind, fr))
        return f"anchor:{kind}:{text}"


def test_sources_are_numbered_by_date_with_bookmarks_and_web_links(brief, config):
    view = build_view(brief, config, Recorder())
    assert [s.outlet for s in view.sources] == ["Studio Tamani", "RFI", "Africa-Press", "Sahel Tribune",
                                               "Outlet not stated"]
    assert [s.bookmark for s in view.sources] == [f"bookmark:src_{n}" for n in range(1, 6)]
    assert [s.web_link for s in view.sources] == ["", *(f"link:{s.url}" for s in view.sources[1:3]), "", ""]
    assert view.sources[4].label == "Source [5]" and view.sources[4].date == "undated"
    assert [link.link for link in view.timeline[0].sources] == ["link:src_2"]


def test_footnotes_are_requested_in_reading_order(brief, config):
    marks = Recorder()
    view = build_view(brief, config, marks)
    kj_refs = [c.ref for kj in view.key_judgements for c in kj.citations]
    point_refs = [c.ref for s in view.sections for p in s.points for c in p.citations]
    version_refs = [c.ref for d in view.discrepancies for v in d.versions for c in v.citations]
    refs = kj_refs + point_refs + version_refs
    assert refs == sorted(refs) and len(refs) == sum(1 for a in marks.asked if a[0] == "footnote")
    assert all(c.ref == "" for e in view.timeline for c in e.citations)  # the timeline links, it does not cite


def test_key_judgements_developed_in_a_section_link_there(brief, config):
    view = build_view(brief, config, Recorder())
    visit, stevens, standalone, _ = view.key_judgements
    assert (visit.section_title, visit.section_link, visit.citations) == ("Diplomacy", "link:pt_1", [])
    assert stevens.section_anchor == "pt_3"
    assert standalone.section_anchor == standalone.bookmark == "" and len(standalone.citations) == 1
    assert [p.bookmark for p in view.sections[0].points] == ["bookmark:pt_1", "bookmark:pt_2", "bookmark:pt_3"]


def test_untranslated_points_show_the_french_and_say_so(brief, config):
    brief.sections[0].points[0].en = ""
    point = build_view(brief, config).sections[0].points[0]
    assert point.en == point.fr and not point.translated


def test_missing_period_and_engine_are_stated_not_invented(brief, config):
    brief.period, brief.engine, brief.generated_at = None, None, None
    view = build_view(brief, config)
    assert view.period.label == "Period not set" and view.title == "Press Brief"
    assert view.engine.label == "Translation engine not recorded"
    assert view.generated.endswith("UTC")


def test_long_actor_lists_keep_the_most_mentioned_in_their_order(brief, config):
    brief.actors = [Actor(f"Person {i}", "person", None, ["rfi"], mentions=i % 10) for i in range(30)]
    view = build_view(brief, replace(config, max_actors=6))
    assert [a.name for a in view.actors] == [f"Person {i}" for i in (8, 9, 18, 19, 28, 29)]
    assert view.actors_note == "The 6 most-mentioned of 30 actors are listed; the JSON sidecar lists them all."
    everyone = build_view(brief, replace(config, max_actors=0))
    assert len(everyone.actors) == 30 and everyone.actors_note == ""


def test_long_discrepancy_lists_keep_those_most_outlets_report_and_cite_only_those(brief, config):
    def version(*sources: str) -> Version:
        return Version("v", [Citation(s, 1, f"quote {s}", 0, 7) for s in sources])

    brief.discrepancies = [
        Discrepancy("one outlet", [version("rfi"), version("rfi")]),
        Discrepancy("three outlets", [version("rfi", "sahel"), version("studio")]),
        Discrepancy("two outlets", [version("rfi"), version("sahel")]),
    ]
    view = build_view(brief, replace(config, max_discrepancies=2))
    assert [d.topic for d in view.discrepancies] == ["three outlets", "two outlets"]
    assert view.discrepancies_note == (
        "The 2 most widely reported of 3 discrepancies are listed; the JSON sidecar lists them all."
    )

    def footnotes(limit: int) -> int:
        marks = Recorder()
        build_view(brief, replace(config, max_discrepancies=limit), marks)
        return sum(1 for asked in marks.asked if asked[0] == "footnote")

    assert footnotes(0) - footnotes(2) == 2  # the left-out discrepancy's two citations are not footnoted


def test_actor_roles_show_in_english_and_keep_the_french(brief, config):
    diop = brief.actors[1]
    diop.role, diop.role_en = "ministre des Affaires étrangères", "Minister of Foreign Affairs"
    view = build_view(brief, config)
    listed = {a.name: a for a in view.actors}
    assert (listed["Abdoulaye Diop"].role, listed["Abdoulaye Diop"].role_fr) == (
        "Minister of Foreign Affairs", "ministre des Affaires étrangères"
    )
    assert listed["William B. Stevens"].role == listed["William B. Stevens"].role_fr  # untranslated: as stated


def test_gist_notice_and_lexicon_figures_exactly_when_apertium_made_the_english(brief, config):
    brief.engine = EngineInfo("apertium", "3.8.3", "fra-cat+cat-eng", lexicon_entries=312)
    brief.untranslated = ["mutualiser", "tractations"]
    view = build_view(brief, config)
    assert "Gist-quality machine translation" in view.engine.notice and "briefgen models install" in view.engine.notice
    assert "domain lexicon (312 entries)" in view.engine.limits
    assert "2 French words were left untranslated" in view.engine.limits
    brief.engine = EngineInfo("argos", "1.9", "translate-fr_en-1_9")
    view = build_view(brief, config)
    assert view.engine.notice == "" and "lexicon" not in view.engine.limits


def test_translated_english_is_anchored_to_its_french_where_an_analyst_may_edit_it(brief, config):
    marks = Recorder()
    view = build_view(brief, config, marks)
    anchored = {(kind, fr) for _, kind, fr in (a for a in marks.asked if a[0] == "anchor")}
    translated = [p for p in brief.points() if p.en]
    assert {("p", p.fr) for p in translated} <= anchored
    assert {("k", p.fr) for p in brief.key_judgements if p.en} <= anchored
    assert {("r", a.role) for a in brief.listed_actors(config.max_actors) if a.role_en} <= anchored
    assert all(kind in "pkr" for kind, _ in anchored)
    assert all(p.en.startswith("anchor:p:") for s in view.sections for p in s.points if p.translated)
    assert all(not str(p.en).startswith("anchor:") for p in view.new_points)  # a second copy is not anchored


def test_the_methodology_counts_what_came_from_the_translation_memory(brief, config):
    assert build_view(brief, config).memory_note == ""
    points = brief.points()
    brief.from_memory = {" ".join(points[0].fr.split()), " ".join(points[1].fr.split())}
    assert build_view(brief, config).memory_note == (
        "2 points take their English from the translation memory: analysts’ corrections of earlier briefs, "
        "used instead of the engine’s output.")
    brief.from_memory = {" ".join(points[0].fr.split())}
    assert build_view(brief, config).memory_note.startswith("1 point takes its English from the translation memory")


def test_an_unconfirmed_event_is_marked_in_the_timeline(brief, config):
    brief.timeline[0].hedged = True
    view = build_view(brief, config, Recorder())
    assert view.timeline[0].date.endswith(" (unconfirmed)")
    assert not any(e.date.endswith("(unconfirmed)") for e in view.timeline[1:])
