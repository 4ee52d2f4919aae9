"""Machine-readable site metadata: JSON Feeds, sitemap.xml, robots.txt, page head metadata.

Everything is deterministic: dates come from the articles (never the build clock), lists are
sorted, JSON keys are in a fixed order. Absolute URLs start with SITEURL, or with FEED_DOMAIN
in the development set-up where SITEURL is empty.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup
from pelican.generators import Generator

from .export import html_safe_json, to_json
from .feed_meta import FEED_DESCRIPTIONS, feed_title
from .generator import write_if_changed
from .search import url_of
from .writer import PageHead

logger = logging.getLogger(__name__)

LANGS = ("ar", "en")
OG_LOCALES = MappingProxyType({"ar": "ar_AR", "en": "en_US"})
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
SEARCH_SECTION = "search/"
_PAGINATED = re.compile(r"(^|/)index\d+\.html$")


def absolute_base(settings: Mapping[str, Any]) -> str:
    """The site's absolute root URL without a trailing slash."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if urlsplit(siteurl).scheme:
        return siteurl
    domain = (settings.get("FEED_DOMAIN") or "http://localhost:8000").rstrip("/")
    return domain + siteurl


def absolute_url(path: str, settings: Mapping[str, Any]) -> str:
    """Absolute URL of a site-relative path or of an output file name (…/index.html → …/)."""
    return absolute_base(settings) + "/" + url_of(path.lstrip("/"))


def lang_prefix(lang: str, settings: Mapping[str, Any]) -> str:
    return "" if lang == settings.get("DEFAULT_LANG", "ar") else f"{lang}/"


# --- JSON Feed 1.1 --------------------------------------------------------------------------


def _feed_item(article: Any, settings: Mapping[str, Any]) -> dict[str, Any]:
    doc = getattr(getattr(article, "digest", None), "doc", None)
    meta = getattr(doc, "meta", None)
    url = absolute_url(article.url, settings)
    item: dict[str, Any] = {"id": url, "url": url, "title": article.title}
    if getattr(meta, "url", None):
        item["external_url"] = meta.url
    item["content_html"] = article.content
    item["summary"] = Markup(article.summary).striptags()
    if getattr(article, "date_known", False):
        item["date_published"] = article.date.isoformat()
    if getattr(meta, "source", None):
        item["authors"] = [{"name": meta.source}]
    item["language"] = article.lang
    return item


def json_feed(lang: str, articles: Sequence[Any], settings: Mapping[str, Any]) -> str:
    """A JSON Feed 1.1 document of `articles` (already in the site's order)."""
    title = feed_title(lang, settings)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": absolute_url(lang_prefix(lang, settings), settings),
        "feed_url": absolute_url(f"feeds/{lang}.json", settings),
        "description": FEED_DESCRIPTIONS[lang],
        "language": lang,
        "items": [_feed_item(a, settings) for a in articles],
    }
    return to_json(feed)


def feed_articles(context: Mapping[str, Any], lang: str) -> list[Any]:
    """The articles a language's index lists, in its order (hidden near-duplicates left out)."""
    if lang == "en":
        return list(context.get("translations_en", []))
    return [a for a in context.get("articles", []) if a.lang == lang]


# --- Generator: JSON feeds and the two search pages ------------------------------------------


class ReaderGenerator(Generator):
    """Writes feeds/<lang>.json and the search page of each language."""

    def generate_context(self) -> None:
        pass  # everything comes from the articles generator's context

    def generate_output(self, writer) -> None:
        limit = self.settings.get("FEED_MAX_ITEMS")  # as Pelican's Atom feeds: the latest only
        for lang in LANGS:
            articles = feed_articles(self.context, lang)[:limit]
            text = json_feed(lang, articles, self.settings)
            path = Path(self.output_path) / "feeds" / f"{lang}.json"
            if write_if_changed(path, text):
                logger.info("Wrote %s", path)
        self._write_search_pages(writer)

    def _write_search_pages(self, writer) -> None:
        alternates = [(lang, lang_prefix(lang, self.settings) + SEARCH_SECTION) for lang in LANGS]
        template = self.get_template("search")
        for lang, url in alternates:
            other = next(u for other_lang, u in alternates if other_lang != lang)
            writer.write_file(
                url + "index.html",
                template,
                self.context,
                lang=lang,
                alternates=alternates,
                other_url=other,
            )


def get_generators(pelican) -> tuple[type[Generator], ...]:
    return ReaderGenerator, SitemapGenerator


# --- sitemap.xml and robots.txt, from the heads of the pages the writer wrote ------------------


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), sorted


def sitemap_entry(rel_path: str, head: PageHead, settings: Mapping[str, Any]) -> SitemapEntry:
    loc = absolute_url(rel_path, settings)
    base = absolute_base(settings) + "/"
    links = {lang: urljoin(base, href) for lang, href in head.alternates}
    if links and head.lang:
        links[head.lang] = loc  # each URL lists itself among its alternates
    return SitemapEntry(loc, tuple(sorted(links.items())))


def sitemap_entries(heads: Mapping[str, PageHead], settings: Mapping[str, Any]) -> list:
    """Every indexable page: not paginated continuations, not marked noindex."""
    entries = [
        sitemap_entry(rel, head, settings)
        for rel, head in heads.items()
        if rel.endswith(".html") and not _PAGINATED.search(rel) and head.lang and not head.noindex
    ]
    return sorted(entries, key=lambda e: e.loc)


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{escape(entry.loc)}</loc>")
        lines.extend(
            f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>'
            for lang, href in entry.alternates
        )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(settings: Mapping[str, Any]) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url('sitemap.xml', settings)}\n"


class SitemapGenerator(Generator):
    """sitemap.xml and robots.txt. Runs after every page-writing generator (registered after
    them), so the writer has seen every page's head; then the writer saves its page manifest."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        output = Path(self.output_path)
        entries = sitemap_entries(writer.heads, self.settings)
        write_if_changed(output / "sitemap.xml", sitemap_xml(entries))
        write_if_changed(output / "robots.txt", robots_txt(self.settings))
        logger.info("Sitemap: %d pages", len(entries))
        writer.finish()


# --- <head> metadata: canonical URL, Open Graph, JSON-LD ---------------------------------------


def _thing(entity: Any, lang: str) -> dict[str, Any]:
    kinds = {"person": "Person", "place": "Place", "organization": "Organization"}
    name, other = (entity.text, entity.en) if lang == "ar" else (entity.en, entity.text)
    thing = {"@type": kinds.get(entity.type, "Thing"), "name": name or other}
    if other and other != thing["name"]:
        thing["alternateName"] = other
    return thing


def _entities(article: Any) -> list[Any]:
    analysis = getattr(getattr(article, "digest", None), "analysis", None)
    found = getattr(getattr(analysis, "entities", None), "entities", ())
    # Most-mentioned first; the key breaks ties so the order never changes between builds.
    return sorted(found, key=lambda e: (-e.count, e.key))


def _translation_ref(article: Any, settings: Mapping[str, Any]) -> dict[str, Any]:
    """The other language's page: the original points at its translation and back."""
    others = getattr(article, "translations", None) or []
    if not others:
        return {}
    original = article.lang == settings.get("DEFAULT_LANG", "ar")
    key = "workTranslation" if original else "translationOfWork"
    return {key: {"@id": absolute_url(others[0].url, settings) + "#article"}}


def news_article(article: Any, settings: Mapping[str, Any]) -> dict[str, Any]:
    """schema.org NewsArticle of an article page; only what the digest knows."""
    url = absolute_url(article.url, settings)
    meta = getattr(getattr(getattr(article, "digest", None), "doc", None), "meta", None)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url + "#article",
        "url": url,
        "mainEntityOfPage": url,
        "headline": str(article.title)[:110],  # Google reads at most 110 characters
        "inLanguage": article.lang,
        "description": Markup(article.summary).striptags(),
    }
    if getattr(article, "date_known", False):
        data["datePublished"] = article.date.isoformat()
    if getattr(meta, "source", None):
        outlet = {"@type": "NewsMediaOrganization", "name": meta.source}
        data["publisher"] = data["sourceOrganization"] = outlet
    if getattr(meta, "url", None):
        data["isBasedOn"] = meta.url
    entities = [_thing(e, article.lang) for e in _entities(article)]
    if entities:
        data["about"], data["mentions"] = entities[:3], entities[3:30] or None
    data.update(_translation_ref(article, settings))
    return {k: v for k, v in data.items() if v is not None}


def json_ld(data: Mapping[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json">, safe to put in the page as it is."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return Markup(html_safe_json(text))


def head_filters(settings: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "absolute_url": partial(absolute_url, settings=settings),
        "news_article_ld": lambda article: json_ld(news_article(article, settings)),
        "og_locale": lambda lang: OG_LOCALES.get(lang, lang),
    }


def on_generator_init(generator) -> None:
    generator.env.filters.update(head_filters(generator.settings))
