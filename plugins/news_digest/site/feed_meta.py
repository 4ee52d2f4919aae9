"""Feed-level metadata per language: title, subtitle and language of each feed.

Pelican titles every Atom feed with SITENAME and declares no language; the English feed must
be titled in English and both must say which language they are in (xml:lang). The JSON feeds
(feeds.py) and the Atom feeds (the writer) read the same values from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

FEED_DESCRIPTIONS = MappingProxyType(
    {
        "ar": "موجز منظم للأخبار العربية: ملخصات وأسماء وأرقام واقتباسات.",
        "en": "A structured digest of Arabic news: summaries, names, figures and quotes.",
    }
)
# The setting that names the site in each language (SITENAME is the default language's).
_TITLE_SETTING = MappingProxyType({"ar": "SITENAME", "en": "SITENAME_EN"})
_SUBTITLE_SETTING = MappingProxyType({"ar": "SITESUBTITLE", "en": "SITESUBTITLE_EN"})


def feed_title(lang: str, settings: Mapping[str, Any]) -> str:
    return str(settings.get(_TITLE_SETTING.get(lang, "SITENAME")) or settings.get("SITENAME", ""))


def feed_subtitle(lang: str, settings: Mapping[str, Any]) -> str:
    chosen = settings.get(_SUBTITLE_SETTING.get(lang, "SITESUBTITLE"))
    return str(chosen or FEED_DESCRIPTIONS.get(lang, ""))


def feed_lang(elements: Sequence[Any], settings: Mapping[str, Any]) -> str:
    """The language of a feed: its articles' (Pelican writes one feed per language)."""
    langs = {getattr(e, "lang", None) for e in elements} - {None}
    if len(langs) == 1:
        return str(langs.pop())
    return str(settings.get("DEFAULT_LANG", "ar"))
