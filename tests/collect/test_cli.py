"""`briefgen collect`, then `briefgen build`: the brief's Sources show each article's real outlet,
title, date and link. And `briefgen weekly --collect`."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from typer.testing import CliRunner

from briefgen.cli import app

from .conftest import TEST_LIMITS

FEEDS = ["/feeds/rss20.xml", "/feeds/atom.xml", "/feeds/rss10.rdf", "/feeds/rss091.xml"]


def write_config(folder: Path, site, feeds=FEEDS, urls=()) -> None:
    limits = "\n".join(f"{key} = {json.dumps(value)}" for key, value in TEST_LIMITS.items())
    (folder / "briefgen.toml").write_text(
        f"[collect]\nfeeds = {json.dumps([site.url(f) for f in feeds])}\nurls = {json.dumps([site.url(u) for u in urls])}\n{limits}\n",
        encoding="utf-8")


def test_collect_then_build_gives_sources_with_outlet_title_date_and_link(site, isolated_home):
    write_config(isolated_home, site)
    collected = CliRunner().invoke(app, ["collect", "--json"])
    assert collected.exit_code == 0, collected.output
    report = json.loads(collected.stdout)
    assert report["counts"] == {"new": 13, "had": 1, "skipped": 3, "failed": 1}
    built = CliRunner().invoke(app, ["build", "sources", "--out", "outputs", "--quiet"])
    assert built.exit_code == 0, built.output
    sources = json.loads((isolated_home / "outputs" / "brief-2025-W38.json").read_text(encoding="utf-8"))["sources"]
    liptako = next(s for s in sources if s["outlet"] == "Le Courrier du Liptako")
    assert (liptako["title"], liptako["date"], liptako["author"], liptako["url"]) == (
        "Liptako-Gourma : les ministres de la Défense réunis à Ouagadougou", "2025-09-09", "Salif Sawadogo",
        "https://www.courrierduliptako.example/spip.php?article10457")
    assert all(s["outlet"] and s["title"] and s["date"] and s["url"] for s in sources)
    document = docx.Document(str(isolated_home / "outputs" / "brief-2025-W38.docx"))
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert {s["url"] for s in sources} <= links
    listed = "\n".join(p.text for p in document.paragraphs)
    assert "Le Courrier du Liptako — Liptako-Gourma : les ministres de la Défense réunis à Ouagadougou, 9 September 2025" in listed


def test_the_summary_names_each_new_file_and_each_failure(site, isolated_home):
    result = CliRunner().invoke(app, ["collect", "--url", site.url("/site/opengraph.html"), "--url", site.url("/hostile/to-file"),
                                      "--into", "mine"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Collected into mine/: 1 new, 0 already had, 0 skipped, 1 failed (3 requests).",
        "  new      2025-09-12-le-quotidien-de-niamey-niger-la-production-de-petrole-brut-repart.md",
        f"  failed   {site.url('/hostile/to-file')}: redirected to 'file:///etc/passwd': only http and https are fetched, not file:",
    ]


def test_nothing_configured_is_exit_2_with_what_to_do(isolated_home):
    result = CliRunner().invoke(app, ["collect"])
    assert result.exit_code == 2
    assert "Nothing to collect: give --feed or --url, or list feeds/urls under [collect] in briefgen.toml." in result.output


def test_weekly_collect_collects_then_builds_the_week(site, isolated_home):
    write_config(isolated_home, site, feeds=["/feeds/rss10.rdf"], urls=["/site/yoast-graph.html"])
    (isolated_home / "sources").mkdir()
    result = CliRunner().invoke(app, ["weekly", "sources", "--out", "outputs", "--week", "2025-W38", "--collect"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Collected into sources/: 5 new, 0 already had, 0 skipped, 0 failed")
    data = json.loads((isolated_home / "outputs" / "brief-2025-W38.json").read_text(encoding="utf-8"))
    assert {s["outlet"] for s in data["sources"]} == {"Bamako Hebdo", "Le Quotidien de Niamey", "Lagune Info", "L'Écho du Sahel"}  # 4 September is before the look-back


def test_progress_lines_name_each_address_as_it_is_done(capsys):
    from briefgen.cli.collect import _print_progress
    from briefgen.collect import Outcome

    _print_progress(Outcome("http://127.0.0.1/a", "new", path=Path("a.md")))
    _print_progress(Outcome("http://127.0.0.1/b", "failed", "HTTP 404 Not Found"))
    assert capsys.readouterr().err.splitlines() == [
        "     new article http://127.0.0.1/a", "  FAILED article http://127.0.0.1/b (HTTP 404 Not Found)"]
