"""The English side: a headline composed only from facts extracted from the Arabic text.

There is no offline Arabic->English translation here, so the English title is assembled from
who (the main actors), what (an event word found in the title or lead, from data/events.tsv)
and where (the places named), each piece traceable to the Arabic words it came from. When
DIGEST_TRANSLATOR names a translation callable, its output is used as well, and labelled.
"""

from __future__ import annotations

import csv
import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..arabic import tokens
from ..models import Document
from ..settings import DATA_DIR
from .entities import Entity, EntityResult
from .entities.gazetteer import load_gazetteer

logger = logging.getLogger(__name__)

MAX_NAMES = 2
_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")

Translator = Callable[[str], str]


@dataclass(frozen=True)
class Event:
    en: str
    preposition: str
    forms: tuple[tuple[str, ...], ...]  # folded token sequences


@dataclass(frozen=True)
class EnglishBrief:
    title: str | None  # composed headline, or None when the text names nothing to build on
    event: str | None  # English event word, e.g. "attack"
    event_ar: str | None  # the Arabic word it was found as
    who: tuple[str, ...]  # entity keys, main actors first
    where: tuple[str, ...]  # entity keys of places, most specific first
    translated_title: str | None = None  # from DIGEST_TRANSLATOR, when configured
    translated_summary: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_events() -> tuple[Event, ...]:
    with (DATA_DIR / "events.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple(
        Event(row["en"], row["preposition"], tuple(tuple(tokens(v)) for v in row["ar"].split("|")))
        for row in rows
    )


def _strip_clitics(token: str) -> set[str]:
    """The token and its readings without proclitics: وهاجمت -> هاجمت, بالهجوم -> هجوم."""
    readings = {token}
    for clitic in _PROCLITICS:
        if token.startswith(clitic) and len(token) - len(clitic) >= 3:
            readings.add(token[len(clitic) :])
    return readings


@lru_cache(maxsize=1)
def _events_by_first_word() -> dict[str, tuple[tuple[Event, tuple[str, ...]], ...]]:
    """Event forms indexed by their first word, in file order: one lookup per reading."""
    index: dict[str, list[tuple[Event, tuple[str, ...]]]] = {}
    for event in load_events():
        for form in event.forms:
            index.setdefault(form[0], []).append((event, form))
    return {word: tuple(forms) for word, forms in index.items()}


def find_event(texts: Sequence[str]) -> tuple[Event, str] | None:
    """The first event word in the texts, in order (title first, then the lead).

    At each word, the event listed first in events.tsv wins among the forms found there.
    """
    index = _events_by_first_word()
    order = {event.en: n for n, event in enumerate(load_events())}
    for text in texts:
        words = tokens(text)
        readings = [_strip_clitics(w) for w in words]
        for i, here in enumerate(readings):
            found = [
                (event, form)
                for reading in here
                for event, form in index.get(reading, ())
                if _matches(readings, i, form)
            ]
            if found:
                event, form = min(found, key=lambda pair: order[pair[0].en])
                return event, " ".join(words[i : i + len(form)])
    return None


def _matches(readings: list[set[str]], i: int, form: tuple[str, ...]) -> bool:
    if i + len(form) > len(readings):
        return False
    return all(part in readings[i + k] for k, part in enumerate(form))


def _title_words(doc: Document) -> set[str]:
    return {t for w in tokens(doc.title) for t in _strip_clitics(w)}


def _in_title(entity: Entity, title_words: set[str]) -> bool:
    # Mentions index sentences, and the title is none of them: match its words instead.
    return set(tokens(entity.text)) <= title_words


def _ranked(entities: Sequence[Entity], doc: Document) -> list[Entity]:
    """Entities named in the title first, then by mention count, then key."""
    title_words = _title_words(doc)
    return sorted(entities, key=lambda e: (not _in_title(e, title_words), -e.count, e.key))


def pick_actors(result: EntityResult, doc: Document, exclude: set[str]) -> list[Entity]:
    """The main actor, and a second one only when the title names both."""
    candidates = [
        e for e in result.entities if e.type in ("person", "organization") and e.key not in exclude
    ]
    ranked = _ranked(candidates, doc)
    title_words = _title_words(doc)
    return ranked[:1] + [e for e in ranked[1:MAX_NAMES] if _in_title(e, title_words)]


def pick_places(result: EntityResult, doc: Document) -> list[Entity]:
    """The most specific place (title first), then its country when that is a different one."""
    countries = {e.key for e in load_gazetteer().entries if e.iso}
    places = _ranked([e for e in result.entities if e.type == "place"], doc)
    title_words = _title_words(doc)
    # Within the title's places, a city or region says more than its country.
    places.sort(key=lambda e: (not _in_title(e, title_words), e.key in countries))
    if not places:
        return []
    picked = [places[0]]
    if places[0].key not in countries:
        country = next((p for p in places[1:] if p.key in countries), None)
        if country is not None:
            picked.append(country)
    return picked


def compose_title(actors: list[Entity], event: Event | None, places: list[Entity]) -> str | None:
    who = " and ".join(e.en for e in actors)
    where = ", ".join(e.en for e in places)
    if event is not None:
        what = f"{event.en} {event.preposition}".strip() if where else event.en
        head = f"{who} {what}" if who else what[:1].upper() + what[1:]
        return f"{head} {where}".strip()
    if who and where:
        return f"{who} — {where}"
    return who or (f"News from {where}" if where else None)


def compose(doc: Document, result: EntityResult, outlet_keys: set[str]) -> EnglishBrief:
    found = find_event([doc.title, *(s.text for s in doc.sentences[:1])])
    event, event_ar = found if found else (None, None)
    actors = pick_actors(result, doc, outlet_keys)
    places = pick_places(result, doc)
    return EnglishBrief(
        title=compose_title(actors, event, places),
        event=event.en if event else None,
        event_ar=event_ar,
        who=tuple(e.key for e in actors),
        where=tuple(e.key for e in places),
    )


def load_translator(dotted: str | None) -> Translator | None:
    """Import ``package.module.function`` (or ``package.module:function``); None when unset."""
    if not dotted:
        return None
    module_name, _, attr = dotted.replace(":", ".").rpartition(".")
    function = getattr(importlib.import_module(module_name), attr)
    if not callable(function):
        raise TypeError(f"DIGEST_TRANSLATOR {dotted!r} is not callable")
    return function


def translate(brief: EnglishBrief, title: str, summary: Sequence[str], translator: Translator):
    """The brief with the translator's title and summary; a failing translator is reported."""
    try:
        return replace(
            brief,
            translated_title=translator(title),
            translated_summary=tuple(translator(s) for s in summary),
        )
    except Exception as err:  # a third-party translator may fail in any way: report, go on
        logger.warning("DIGEST_TRANSLATOR failed on %r: %s", title[:40], err)
        return brief
