"""Jinja filters for the theme: dates and digits per language, from CLDR via Babel.

Babel carries its own CLDR data, so output never depends on the locales installed on the host.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial
from typing import Any

from babel.dates import format_date
from hijridate import Gregorian
from jinja2 import pass_context
from markupsafe import Markup

from ..analysis.english.standfirst import outlet_en
from ..arabic import arabic_indic_digits, ascii_digits
from ..linking.entity_index import source_key
from . import urls

logger = logging.getLogger(__name__)


def localdate(moment: datetime, lang: str, arabic_digits: bool = False, fmt: str = "long") -> str:
    """The date in the language's CLDR format; ISO 8601 when Babel cannot format it."""
    try:
        text = format_date(moment.date(), format=fmt, locale=lang)
    except (ValueError, OverflowError, ArithmeticError) as err:
        logger.warning("Date %s shown as ISO 8601: Babel cannot format it (%s)", moment, err)
        text = moment.date().isoformat()
    if lang == "ar":
        return arabic_indic_digits(text) if arabic_digits else ascii_digits(text)
    return text


def hijri_date(moment: datetime, arabic_digits: bool = False) -> str:
    """The Umm al-Qura Hijri date in Arabic, e.g. "29 ذو القعدة 1442 هـ"; empty outside the
    calendar's table (hijridate covers 1924-2077 only), so the page shows the Gregorian date."""
    try:
        hijri = Gregorian(moment.year, moment.month, moment.day).to_hijri()
    except (ValueError, OverflowError):
        return ""
    text = f"{hijri.day} {hijri.month_name('ar')} {hijri.year} هـ"
    return arabic_indic_digits(text) if arabic_digits else text


def digits(value: Any, lang: str, arabic_digits: bool = False) -> str:
    text = str(value)
    return arabic_indic_digits(text) if lang == "ar" and arabic_digits else text


def alternates(content: Any) -> list[tuple[str, str]]:
    """(lang, url) of a page and each of its translations, Arabic first: the hreflang set."""
    pairs = {content.lang: content.url}
    pairs.update((t.lang, t.url) for t in getattr(content, "translations", []))
    return sorted(pairs.items(), key=lambda pair: (pair[0] != "ar", pair[0]))


def outlet_name(source: str | None, lang: str) -> str:
    """An outlet as the seed's metadata names it; on English pages its English name, or ""."""
    if lang == "ar" or not source:
        return source or ""
    return outlet_en(source) or ""


def tests() -> dict[str, Any]:
    return {"startingwith": lambda value, prefix: str(value).startswith(prefix)}


def filters(settings: dict[str, Any]) -> dict[str, Any]:
    arabic = bool(settings.get("DIGEST_ARABIC_DIGITS", False))
    return {
        "localdate": partial(localdate, arabic_digits=arabic),
        "digits": partial(digits, arabic_digits=arabic),
        "alternates": alternates,
        "entity_url": urls.entity_url,
        "entity_kind_url": urls.entity_kind_url,
        "source_url": urls.source_url,
        "story_url": urls.story_url,
        "section_url": urls.section_url,
        "hijri": partial(hijri_date, arabic_digits=arabic),
        "source_key": source_key,
        "outlet": outlet_name,
    }


# Links drawn thousands of times per build (every related link, every entity and story page's
# article list): Python functions, not Jinja macros, whose call overhead dominated rendering.
@pass_context
def article_link(context: Any, article_id: str, lang: str) -> Markup:
    """A link to an article's page in `lang`; an Arabic title on an English page is marked."""
    target = context["digest_articles"][lang][article_id]
    title_lang = getattr(target, "title_lang", None)
    marked = Markup(' lang="ar" dir="rtl"' if title_lang not in (None, lang) else "")
    return Markup('<a href="{}/{}"{}>{}</a>').format(
        context["SITEURL"], target.url, marked, target.title
    )


@pass_context
def entity_name(context: Any, key: str, lang: str) -> Markup:
    """A link to an entity's page, named in `lang`; the bare name for an entity without a page
    of its own; nothing for a key the index lacks."""
    index = context["NEWS_DIGEST"].index
    entry = index.entities.get(key)
    if entry is None:
        return Markup("")
    name = entry.text if lang == "ar" else entry.en
    if not index.has_page(key):
        return Markup("{}").format(name)
    return Markup('<a href="{}/{}">{}</a>').format(
        context["SITEURL"], urls.entity_url(key, lang), name
    )


@pass_context
def story_title(context: Any, story: Any, lang: str) -> str:
    """A story's title in `lang`: on English pages the English headline of its lead article."""
    if lang == "ar":
        return story.title
    by_id = context["NEWS_DIGEST"].by_id
    lead = next((i for i in story.article_ids if by_id[i].doc.title == story.title), None)
    return str(context["digest_articles"][lang][lead or story.article_ids[0]].title)


def template_functions() -> dict[str, Any]:
    return {"article_link": article_link, "entity_name": entity_name, "story_title": story_title}
