"""Site-relative URLs of digest pages, from the same settings Pelican uses for articles."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("ar", "en")


def article_url(slug: str, lang: str, settings: Mapping[str, Any]) -> str:
    key = "ARTICLE_URL" if lang == settings.get("DEFAULT_LANG", "ar") else "ARTICLE_LANG_URL"
    return settings[key].format(slug=slug, lang=lang)


def article_save_as(slug: str, lang: str, settings: Mapping[str, Any]) -> str:
    key = (
        "ARTICLE_SAVE_AS" if lang == settings.get("DEFAULT_LANG", "ar") else "ARTICLE_LANG_SAVE_AS"
    )
    return settings[key].format(slug=slug, lang=lang)


def article_urls(slug: str, settings: Mapping[str, Any]) -> dict[str, str]:
    return {lang: article_url(slug, lang, settings) for lang in LANGS}


def _prefix(lang: str) -> str:
    return "" if lang == "ar" else f"{lang}/"


def entity_url(key: str, lang: str) -> str:
    """entities/<type>/<slug>/: the entity key is already '<type>/<slug>', stable across builds."""
    return f"{_prefix(lang)}entities/{key}/"


def entity_kind_url(kind: str, lang: str) -> str:
    return f"{_prefix(lang)}entities/{kind}/"


def source_url(key: str, lang: str) -> str:
    return f"{_prefix(lang)}sources/{key}/"


def story_url(key: str, lang: str) -> str:
    return f"{_prefix(lang)}stories/{key}/"


def section_url(section: str, lang: str) -> str:
    """Index pages: entities/, sources/, stories/, search/."""
    return f"{_prefix(lang)}{section}/"
