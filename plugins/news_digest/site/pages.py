"""Site output, part one: every digest article as a pair of Pelican articles (ar + en).

They are added to Pelican's own ArticlesGenerator, so its index, pagination and per-language
feeds handle them like any article; the Arabic one is the original, the English one its
translation.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from html import escape
from typing import Any

from pelican.contents import Article
from pelican.utils import order_content

from ..analysis.english.standfirst import english_date, english_ok, outlet_en
from ..analysis.english.trusted import certain_name
from ..digest import Digest, DigestArticle
from ..linking.link import LinkResult
from ..settings import DigestSettings

logger = logging.getLogger(__name__)


class DigestStrictError(RuntimeError):
    """DIGEST_STRICT is on and some seeds were skipped: the build must fail."""

    exitcode = 1


class DigestPage(Article):
    """A Pelican Article whose URL and output path are computed once: Pelican recomputes them
    from the settings on every access, and every page linking to an article reads its URL."""

    @cached_property
    def url(self) -> str:
        return Article.url.fget(self)

    @cached_property
    def save_as(self) -> str:
        return Article.save_as.fget(self)


def _paragraphs_html(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _base_metadata(article: DigestArticle, settings: DigestSettings) -> dict[str, Any]:
    doc = article.doc
    return {
        "slug": article.slug,
        "date": doc.meta.date or settings.default_date,
        "date_known": doc.meta.date is not None,
        "digest": article,
        "digest_id": doc.id,
    }


@dataclass(frozen=True)
class ArticleLinks:
    """One article's place in the corpus, as its templates need it."""

    related: tuple  # linking.Related records
    duplicate_of: str | None
    also_reported_by: tuple[str, ...]
    story: str | None
    read_also: tuple[tuple[str, str | None], ...]  # (headline, matched article id or None)


def article_links(
    article_id: str, links: LinkResult, headlines: tuple[str, ...] = ()
) -> ArticleLinks:
    return ArticleLinks(
        related=links.related.get(article_id, ()),
        duplicate_of=links.duplicate_of.get(article_id),
        also_reported_by=links.also_reported_by.get(article_id, ()),
        story=links.story_of.get(article_id),
        read_also=tuple(zip(headlines, links.read_also_links.get(article_id, ()), strict=False)),
    )


def summary_text(article: DigestArticle) -> str:
    """The summary sentences as one Arabic paragraph (the lead when there is no summary)."""
    doc, picked = article.doc, article.analysis.summary.sentences
    chosen = [doc.sentences[i].text for i in picked] or [s.text for s in doc.sentences[:2]]
    return " ".join(chosen)


def english_facts(article: DigestArticle) -> str:
    """One English line of what was found: names, then cited sources. Nothing else is said."""
    analysis = article.analysis
    names = [e.en for e in analysis.entities.entities if e.en][:8]
    parts = []
    if names:
        parts.append("Names: " + ", ".join(names) + ".")
    if analysis.sources:
        parts.append("Sources cited: " + ", ".join(s.en for s in analysis.sources) + ".")
    return " ".join(parts)


def arabic_article(
    article: DigestArticle, settings: DigestSettings, pelican: Mapping, context: dict, extra: dict
) -> Article:
    doc = article.doc
    metadata = {
        **_base_metadata(article, settings),
        "title": doc.title,
        "lang": "ar",
        "summary": f"<p>{escape(summary_text(article))}</p>",
        **extra,
    }
    return DigestPage(_paragraphs_html(doc.paragraphs), metadata, pelican, doc.source_file, context)


def english_title(article: DigestArticle) -> str:
    """The composed headline; without one, what the page is, in English (never Arabic)."""
    doc = article.doc
    title = article.analysis.english.title
    if title:
        return title
    outlet, date = outlet_en(doc.meta.source), english_date(doc.meta.date)
    if outlet:
        return f"Arabic report from {outlet}" + (f", {date}" if date else "")
    return f"Arabic report, {date}" if date else "Arabic report"


def english_summary(article: DigestArticle) -> str:
    """The English card text: the standfirst, then the names the article gives, in English
    (only names whose English is certain: a card shows no Arabic beside a guessed spelling)."""
    analysis = article.analysis
    lines = [f'<p class="standfirst">{escape(" ".join(analysis.english.standfirst))}</p>']
    entities = analysis.entities.entities
    names = [e.en for e in entities if english_ok(e.en) and certain_name(e)][:6]
    if names:
        lines.append(f'<p class="names">Names: {escape(", ".join(names))}.</p>')
    return "\n".join(lines)


def english_article(
    article: DigestArticle, settings: DigestSettings, pelican: Mapping, context: dict, extra: dict
) -> Article:
    doc = article.doc
    summary = english_summary(article)
    metadata = {
        **_base_metadata(article, settings),
        "title": english_title(article),
        "lang": "en",
        "summary": summary,
        **extra,
    }
    content = f'{summary}\n<div lang="ar" dir="rtl">{_paragraphs_html(doc.paragraphs)}</div>'
    return DigestPage(content, metadata, pelican, doc.source_file, context)


def report_skipped(digest: Digest, settings: DigestSettings) -> None:
    """Log skipped seeds and articles with warnings; DIGEST_STRICT makes either fatal."""
    warned = [a for a in digest.articles if a.warnings]
    if digest.skipped:
        logger.warning(
            "%d of %d seeds skipped (listed in digest.json under 'skipped')",
            len(digest.skipped),
            len(digest.skipped) + len(digest.articles),
        )
    if warned:
        logger.warning(
            "%d articles published with warnings (digest.json: each article's 'warnings')",
            len(warned),
        )
    if settings.strict and (digest.skipped or warned):
        problems = [f"{s.source_file} skipped ({s.reason})" for s in digest.skipped]
        problems += [f"{a.doc.source_file}: {w}" for a in warned for w in a.warnings]
        raise DigestStrictError("DIGEST_STRICT: " + "; ".join(problems))


@dataclass(frozen=True)
class SiteArticles:
    """The Pelican articles of the digest, by language and id, for cross-links in templates."""

    by_lang: Mapping[str, Mapping[str, Article]]
    listed_en: tuple[Article, ...]  # English articles shown in indexes (no near-duplicates)


def _pair(article: DigestArticle, digest: Digest, settings: DigestSettings, generator):
    links = article_links(article.doc.id, digest.links, article.doc.read_also)
    extra = {"links": links}
    ar = arabic_article(article, settings, generator.settings, generator.context, extra)
    en = english_article(article, settings, generator.settings, generator.context, extra)
    ar.translations, en.translations = [en], [ar]
    return ar, en


def add_to_generator(generator, digest: Digest, settings: DigestSettings) -> SiteArticles:
    """Append the digest's articles to Pelican's ArticlesGenerator, paired as translations.

    Near-duplicate copies become hidden articles: their pages exist (and say whose copy they
    are) but indexes and feeds list only the kept article, with "also reported by".
    """
    by_lang: dict[str, dict[str, Article]] = {"ar": {}, "en": {}}
    listed: dict[bool, tuple[list, list]] = {True: ([], []), False: ([], [])}
    for article in digest.articles:
        ar, en = _pair(article, digest, settings, generator)
        by_lang["ar"][article.doc.id], by_lang["en"][article.doc.id] = ar, en
        originals, translations = listed[article.doc.id not in digest.links.duplicate_of]
        originals.append(ar)
        translations.append(en)
    order = generator.settings["ARTICLE_ORDER_BY"]
    generator.articles = order_content(generator.articles + listed[True][0], order)
    generator.translations = generator.translations + listed[True][1]
    generator.hidden_articles = generator.hidden_articles + listed[False][0]
    generator.hidden_translations = generator.hidden_translations + listed[False][1]
    return SiteArticles(by_lang, tuple(order_content(listed[True][1], order)))
