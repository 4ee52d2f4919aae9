"""The built site in a real browser: Playwright (PyPI) driving Debian's Chromium.

Never `playwright install`: the browser is the system's /usr/bin/chromium. Skips with the reason
when Chromium, Playwright or axe-core (npm ci) is missing. The site is served from 127.0.0.1 by
http.server in a thread; any request to another host is blocked and fails the test.
Screenshots go to artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sitecheck import ROOT, build, publish_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("DIGEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PHONE = (360, 740)
DESKTOP = (1280, 900)
PROJECT_PREFIX = "/news-digest"
HAMZA = "أفغانستان"
NO_HAMZA = "افغانستان"
DIACRITICS = "أَفْغَانِسْتَان"


# --- serving -----------------------------------------------------------------------------------


def _handler(directory: Path, prefix: str):
    """A quiet static file handler serving `directory` at `prefix` (404 elsewhere)."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            if prefix and not (path == prefix or path.startswith(prefix + "/")):
                return str(directory / "__outside_the_prefix__")
            return super().translate_path(path[len(prefix) :] or "/")

        def log_message(self, format: str, *args) -> None:
            pass  # keep pytest output readable

    return functools.partial(Handler, directory=str(directory))


@contextmanager
def bound_server() -> Iterator[http.server.ThreadingHTTPServer]:
    """A server bound to a free port on 127.0.0.1, serving once given a handler."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def start(server: http.server.ThreadingHTTPServer, directory: Path, prefix: str = "") -> str:
    server.RequestHandlerClass = _handler(directory, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}{prefix}"


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="playwright is not installed (pip install -r requirements.txt)",
    )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_seeds) -> Iterator[tuple[str, Path]]:
    """(base URL, output folder) of the seeds site built with the development settings, its
    search index split into several shards (as an archive's is) so searches merge them."""
    output = tmp_path_factory.mktemp("browser") / "output"
    result = build(site_seeds, output, "DIGEST_SEARCH_SHARD_SIZE=2")
    assert result.returncode == 0, result.stderr[-4000:]
    listing = json.loads((output / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert len(listing["shards"]) > 2, listing
    with bound_server() as server:
        yield start(server, output), output


@dataclass
class Visit:
    """A browser page plus what it asked for that it should not have."""

    page: object
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@contextmanager
def visit(browser, viewport=DESKTOP, color_scheme="light") -> Iterator[Visit]:
    width, height = viewport
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=color_scheme
    )
    page = context.new_page()
    record = Visit(page)

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:")):
            route.continue_()
        else:  # a third-party request: blocked, and the test fails
            record.outside.append(url)
            route.abort()

    page.route("**/*", guard)
    page.on("response", lambda r: r.status >= 400 and record.failed.append(f"{r.status} {r.url}"))
    try:
        yield record
    finally:
        context.close()
    assert not record.outside, f"third-party requests: {record.outside}"
    assert not record.failed, f"failed requests: {record.failed}"


def first_dir(output: Path, pattern: str) -> str | None:
    found = sorted(p.parent for p in output.glob(pattern + "/index.html"))
    return found[0].relative_to(output).as_posix() + "/" if found else None


def article_paths(output: Path) -> list[str]:
    return sorted(p.parent.name for p in output.glob("articles/*/index.html"))


def page_paths(output: Path) -> list[str]:
    """Pages to check, in both languages: home, an article, search, about, and the first story
    and entity pages (with their index pages) when the build has them."""
    paths = ["", "articles/" + article_paths(output)[0] + "/", "search/", "about/"]
    for pattern in ("stories", "stories/*", "entities", "entities/*/*", "sources/*"):
        found = first_dir(output, pattern)
        if found:
            paths.append(found)
    paths = [p for p in paths if (output / p / "index.html").is_file()]
    return paths + ["en/" + p for p in paths if (output / "en" / p / "index.html").is_file()]


def search(page, base: str, lang_prefix: str, query: str) -> list[str]:
    """Run a search from the search page's form; the result links, sorted."""
    page.goto(f"{base}/{lang_prefix}search/")
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_function(
        "q => document.getElementById('search-results').dataset.query === q", arg=query
    )
    links = page.eval_on_selector_all("#search-results a", "els => els.map(e => e.href)")
    return sorted(links)


# --- tests -------------------------------------------------------------------------------------


def test_home_article_and_language_switch(browser, site):
    base, output = site
    with visit(browser) as v:
        page = v.page
        page.goto(base + "/")
        assert page.get_attribute("html", "lang") == "ar"
        assert page.get_attribute("html", "dir") == "rtl"
        page.click(".article-list .card-title a")
        page.wait_for_load_state()
        arabic_url = page.url
        slug = re.search(r"/articles/([^/]+)/$", arabic_url).group(1)
        assert slug in article_paths(output)
        page.click(".lang-switch")
        page.wait_for_load_state()
        assert page.url == f"{base}/en/articles/{slug}/"
        assert page.get_attribute("html", "lang") == "en"
        assert page.get_attribute("html", "dir") == "ltr"
        page.click(".lang-switch")
        page.wait_for_load_state()
        assert page.url == arabic_url


def test_arabic_search_matches_with_or_without_hamza_and_diacritics(browser, site):
    base, output = site
    # The two seeds mention Afghanistan; the story fixtures (flood-*) do not.
    seeds = [slug for slug in article_paths(output) if not slug.startswith("flood")]
    expected = {f"{base}/articles/{slug}/" for slug in seeds}
    with visit(browser) as v:
        with_hamza = search(v.page, base, "", HAMZA)
        assert v.page.get_attribute("html", "dir") == "rtl"
        assert v.page.locator("#search-results mark").count() > 0
        without_hamza = search(v.page, base, "", NO_HAMZA)
        with_diacritics = search(v.page, base, "", DIACRITICS)
    assert expected <= set(with_hamza), with_hamza  # both seeds mention Afghanistan
    assert with_hamza == without_hamza == with_diacritics


def test_arabic_search_matches_ha_for_ta_marbuta(browser, site):
    base, _ = site
    with visit(browser) as v:
        correct = search(v.page, base, "", "المدينة")
        with_ha = search(v.page, base, "", "المدينه")  # a common spelling of the same word
    assert with_ha and set(with_ha) <= set(correct)


def test_query_in_the_address_runs_the_search_and_english_has_its_own_index(browser, site):
    base, _ = site
    with visit(browser) as v:
        v.page.goto(f"{base}/en/search/?q=Taliban")
        v.page.wait_for_selector("#search-results li")
        links = v.page.eval_on_selector_all("#search-results a", "els => els.map(e => e.href)")
    assert links and all(link.startswith(f"{base}/en/") for link in links), links


def test_no_horizontal_scrolling_on_a_360px_phone(browser, site):
    base, output = site
    too_wide = []
    with visit(browser, viewport=PHONE) as v:
        for path in page_paths(output):
            v.page.goto(f"{base}/{path}")
            widths = v.page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if widths[0] > widths[1]:
                too_wide.append(f"/{path}: {widths[0]}px > {widths[1]}px")
    assert not too_wide, too_wide


def test_screenshots_phone_and_desktop_in_both_languages(browser, site):
    base, output = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    article = "articles/" + article_paths(output)[0] + "/"
    shots = []
    for size_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        with visit(browser, viewport=viewport) as v:
            for lang, prefix in (("ar", ""), ("en", "en/")):
                for name, path in (("home", ""), ("article", article)):
                    v.page.goto(f"{base}/{prefix}{path}")
                    v.page.evaluate("document.fonts.ready")
                    target = SCREENSHOTS / f"{name}-{lang}-{size_name}.png"
                    v.page.screenshot(path=str(target), full_page=True)
                    shots.append(target)
    assert all(s.stat().st_size > 1000 for s in shots)


def test_self_hosted_fonts_are_used(browser, site):
    base, _ = site
    with visit(browser) as v:
        v.page.goto(base + "/")
        v.page.evaluate("document.fonts.ready")
        loaded = v.page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
        )
    assert any("Naskh" in family for family in loaded), loaded


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, site, color_scheme):
    if not AXE.is_file():
        pytest.skip(f"axe-core not found at {AXE}: run `npm ci` in the repository root")
    base, output = site
    report, counts = [], {}
    with visit(browser, color_scheme=color_scheme) as v:
        for path in page_paths(output):
            query = f"?q={HAMZA}" if path.endswith("search/") else ""
            v.page.goto(f"{base}/{path}{query}")
            if query:
                v.page.wait_for_selector("#search-results li")
            found = axe_violations(v.page)
            counts[path or "/"] = len(found)
            report += [f"/{path}: {x['id']} ({x['impact']}): {x['help']}" for x in found]
    print(f"axe ({color_scheme}): {json.dumps(counts, ensure_ascii=False)}")
    assert not report, "\n".join(report)


def test_project_site_under_a_base_path(browser, tmp_path, site_seeds):
    """As on GitHub Pages at https://<user>.github.io/<repo>/: every request stays under the
    prefix (the server answers 404 elsewhere, which fails the visit)."""
    output = tmp_path / "output"
    with bound_server() as server:
        host, port = server.server_address[:2]
        base = f"http://{host}:{port}{PROJECT_PREFIX}"
        result = publish_build(site_seeds, output, base)
        assert result.returncode == 0, result.stderr[-4000:]
        start(server, output, PROJECT_PREFIX)
        with visit(browser) as v:
            v.page.goto(base + "/")
            v.page.click(".article-list .card-title a")
            v.page.wait_for_load_state()
            assert v.page.url.startswith(base + "/articles/")
            v.page.click(".lang-switch")
            v.page.wait_for_load_state()
            assert v.page.url.startswith(base + "/en/articles/")
            links = search(v.page, base, "", NO_HAMZA)
    assert links and all(link.startswith(base + "/") for link in links), links
    assert any(link.startswith(base + "/articles/") for link in links), links
