"""The site in a real browser: Debian's Chromium, driven headless by Selenium, over a loopback server.

Skipped only when Chromium or its driver is not installed (CI installs both, see .ci/run). The
screenshot of the Homs event page is left in artifacts/ for CI to keep.
"""

from __future__ import annotations

import csv
import functools
import shutil
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support.dataset import REPO
from tests.support.site import HOMS, shared_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None, reason="Chromium and chromium-driver are not installed"
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)
ARTIFACTS = REPO / "artifacts"

# Contrast of every visible text element against its background, WCAG 2.1 AA (see the script).
CONTRAST_SCRIPT = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(release, tmp_path_factory)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)  # a script that loads every page in turn (_in_every_page)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _rows(table: str) -> list[dict[str, str]]:
    with (REPO / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


# Loads each page in turn into a frame of a desktop window's size and runs a function body in it;
# returns {page: what the body returned}. One WebDriver call for the whole site: a frame's
# navigation costs Chromium about half a top-level one, and the frame's viewport is what its media
# queries and layout see, as a window's is.
IN_EVERY_PAGE = """
const [pages, body, done] = arguments;
const frame = document.createElement('iframe');
frame.style.cssText = 'position: fixed; top: 0; left: 0; border: 0; width: 1280px; height: 1000px';
document.body.appendChild(frame);
const results = {};
const next = (i) => {
  if (i === pages.length) { frame.remove(); done(results); return; }
  frame.onload = () => {
    results[pages[i]] = frame.contentWindow.eval('(function () {' + body + '})()');
    next(i + 1);
  };
  frame.src = pages[i];
};
next(0);
"""

# Per page, at desktop size: the ready state, the visible heading, the texts below AA contrast and
# the highlighted spans (an event page's one mark per claim; a document page's text per claim id,
# joined from the nested marks); then the page's widths once its frame is narrowed to a phone's
# viewport (media queries and layout follow the viewport live, so no second load is needed).
EVERY_PAGE_CHECK = f"""
const h1 = document.querySelector('h1');
const seen = {{
  ready: document.readyState,
  heading: h1 && h1.checkVisibility() ? h1.innerText.trim() : '',
  lowContrast: (function () {{ {CONTRAST_SCRIPT} }})(),
  claimMarks: Array.from(document.querySelectorAll('mark[data-claim]'), m => [m.dataset.claim, m.textContent]),
  claimSpans: {{}},
}};
for (const m of document.querySelectorAll('mark[data-claims]'))
  for (const id of m.dataset.claims.split(' ')) seen.claimSpans[id] = (seen.claimSpans[id] || '') + m.textContent;
const frame = window.frameElement, root = document.documentElement, size = [frame.style.width, frame.style.height];
frame.style.width = '390px';
frame.style.height = '900px';
seen.phone = [root.scrollWidth, root.clientWidth];
[frame.style.width, frame.style.height] = size;
return seen;
"""


def _pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.fixture(scope="module")
def every_page(browser, server: str, site: Path) -> tuple[dict[str, dict], list[dict]]:
    """What EVERY_PAGE_CHECK saw on each page, and the console errors of loading them all."""
    _errors(browser)  # start from an empty log
    browser.get(server + "index.html")
    seen = browser.execute_async_script(IN_EVERY_PAGE, _pages(site), EVERY_PAGE_CHECK)
    assert sorted(seen) == _pages(site)
    return seen, _errors(browser)


def test_every_page_loads_without_console_errors_and_with_aa_contrast(every_page) -> None:
    seen, errors = every_page
    for page, what in seen.items():
        assert what["ready"] == "complete", page
        assert what["heading"], page
        assert what["lowContrast"] == [], page
    assert errors == []


def test_homs_page_shows_interception_claims_side_by_side_marked_contested(browser, server: str) -> None:
    browser.get(f"{server}events/{HOMS}.html")
    section = browser.find_element("css selector", "section.predicate:has(#p-munitions_intercepted)")
    heading = section.find_element("css selector", "h3")
    assert "contested" in heading.find_element("css selector", ".contested").text
    claims = section.find_elements("css selector", "article.claim")
    expected = [
        c["claim_id"] for c in _rows("claims") if c["event_id"] == HOMS and c["predicate"] == "munitions_intercepted"
    ]
    assert sorted(claim.get_attribute("id") for claim in claims) == sorted(expected)
    first, second = claims[0].rect, claims[1].rect
    assert first["y"] == second["y"] and second["x"] > first["x"] + first["width"] - 1  # one row, side by side
    ARTIFACTS.mkdir(exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height, 8000))
    try:
        assert browser.save_screenshot(str(ARTIFACTS / "homs-event-page.png"))
    finally:
        browser.set_window_size(1280, 1000)


def test_every_highlighted_span_is_its_claims_quote(every_page) -> None:
    seen, _ = every_page
    claims = _rows("claims")
    quotes = {claim["claim_id"]: claim["quote"] for claim in claims}
    marked: dict[str, str] = {}
    for event_id in sorted({claim["event_id"] for claim in claims}):
        marks = seen[f"events/{event_id}.html"]["claimMarks"]
        marked.update(dict(marks))
        assert len(marks) == len({claim_id for claim_id, _ in marks})
    assert marked == quotes
    for source_id in sorted({claim["source_id"] for claim in claims}):
        expected = {c["claim_id"]: c["quote"] for c in claims if c["source_id"] == source_id}
        assert seen[f"sources/{source_id}.html"]["claimSpans"] == expected, source_id


def _search(browser, words: str) -> list[str]:
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    page = browser.find_element("css selector", "html")
    box = browser.find_element("id", "q")
    box.clear()
    box.send_keys(words, Keys.ENTER)
    # The form loads search.html; asking for #status while that navigation is under way aborts the command.
    WebDriverWait(browser, 10).until(staleness_of(page))
    WebDriverWait(browser, 10).until(lambda d: "result" in d.find_element("id", "status").text)
    return [link.get_attribute("href") for link in browser.find_elements("css selector", "#results a")]


def test_search_for_kulit_finds_his_claims(browser, server: str) -> None:
    _errors(browser)  # start from an empty log
    browser.get(server + "index.html")
    found = _search(browser, "Kulit")
    kulit = [c for c in _rows("claims") if c["claimant_actor_id"] == "act-vadim-kulit"]
    assert kulit
    for claim in kulit:
        assert f"{server}events/{claim['event_id']}.html#{claim['claim_id']}" in found
    assert f"{server}actors/act-vadim-kulit.html" in found
    assert _errors(browser) == []


def test_search_finds_curly_apostrophes_and_dashes_typed_straight(browser, server: str) -> None:
    """The quotes keep the documents' curly apostrophes (Syria\u2019s) and dashes; a reader types
    straight ones on a keyboard, and found none of the claims that quote those words."""
    _errors(browser)  # start from an empty log
    browser.get(server + "index.html")
    curly = [c for c in _rows("claims") if "Syria\u2019s aerial" in c["quote"]]
    assert curly
    found = _search(browser, "Syria's aerial")
    for claim in curly:
        assert f"{server}events/{claim['event_id']}.html#{claim['claim_id']}" in found
    assert _search(browser, "Putin-Biden") == _search(browser, "Putin\u2013Biden") != []
    assert _errors(browser) == []


def test_site_works_from_file_urls(browser, site: Path) -> None:
    _errors(browser)  # start from an empty log
    browser.get((site / "index.html").as_uri())
    assert browser.find_elements("css selector", "svg a")
    found = _search(browser, "BUK-M2E")
    assert any(link.endswith("#clm-002-011") for link in found)
    assert _errors(browser) == []


def test_keyboard_reaches_the_search_box_and_the_claims(browser, server: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{server}events/{HOMS}.html")
    browser.execute_script(
        "document.activeElement.blur(); window.scrollTo(0, 0); window.reached = [];"
        " document.addEventListener('focusin', () => { const a = document.activeElement;"
        " const claim = a.closest('article.claim');"
        " window.reached.push([a.tagName, a.id, claim ? claim.id : '', a.matches(':focus-visible')]); });"
    )
    presses = ActionChains(browser)
    for _ in range(80):
        presses.send_keys(Keys.TAB)
    presses.perform()  # one WebDriver call; each press's focus is recorded as it lands
    reached = browser.execute_script("return window.reached;")
    assert len(reached) == 80  # every press moved the focus to an element of the page
    assert reached[0][0] == "A"  # the skip link comes first
    assert any(tag == "INPUT" and element_id == "q" for tag, element_id, _, _ in reached)
    claims_reached = {claim for _, _, claim, _ in reached if claim}
    assert len(claims_reached) >= 3
    assert all(visible for _, _, _, visible in reached)  # focus is always drawn


def test_no_page_scrolls_sideways_on_a_phone(every_page) -> None:
    seen, _ = every_page
    assert [page for page, what in seen.items() if what["phone"][0] > what["phone"][1]] == []
