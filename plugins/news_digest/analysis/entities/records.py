"""The records of entity extraction: tokens, recognised spans (hits), cues, and the
entities and mentions an article's analysis hands on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .dateline import Dateline
from .gazetteer import (
    GazetteerEntry,
)

# Heads that describe rather than name: the organisation's name is what follows (شركة إنرون).
DESCRIPTOR_HEADS = frozenset({"شركه", "صحيفه", "مجموعه"})


# Heads that say what kind of body a listed name is (حركة حماس), never part of that name.
KIND_HEADS = frozenset({"حركه", "جماعه", "تنظيم", "شركه", "صحيفه", "مجموعه", "منظمه"})


_QUOTES = ('"', "«", "»", "“", "”")


# Heads for media and teams, whose name follows: تلفزيون "…", فريق فيراري, موقع ويكيليكس.
# A driver's (سائق فيراري) and a correspondent's (مراسل الجزيرة) complement is theirs too.
NAMED_HEADS = frozenset(
    {"فريق", "تلفزيون", "قناه", "مجله", "جريده", "موقع", "اذاعه", "نادي", "سائق", "مراسل"}
)


MAX_NAME_TOKENS = 5


MAX_COMPLEMENT = 5


@dataclass(frozen=True)
class Mention:
    sentence: int
    start: int
    end: int
    key: str
    role: str | None


@dataclass(frozen=True)
class Entity:
    key: str
    text: str
    type: str
    en: str
    count: int
    roles: tuple[str, ...] = ()
    roles_en: tuple[str, ...] = ()
    # Where the English name comes from: "listed" (a gazetteer entry), "curated" (listed name
    # parts), "data" (every word spelled by the Wikidata/Google name data), "rule" (a rule's
    # words: "X Party"), "guessed" (the learned model or a letter reading): may be wrong.
    spelled: str = "listed"


@dataclass(frozen=True)
class EntityResult:
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    # The filing place and outlet opening the body ("دبي، الإمارات (CNN)--"): kept out of
    # the entities, since the story is not about where it was filed.
    dateline: Dateline | None = None


# A named tuple, not a frozen dataclass: every word of every sentence makes one, and a tuple
# is built in a third of the time. Immutable all the same; it never leaves the entity stage.
class Tok(NamedTuple):
    text: str
    start: int
    end: int
    fold: str
    brk: bool  # punctuation (not just space) between the previous token and this one
    latin: bool
    readings: tuple[tuple[int, str, bool], ...]  # see readings(); computed once per token
    gap: str = ""  # what stands between the previous token (or the sentence start) and this one

    @property
    def quote(self) -> bool:
        return any(mark in self.gap for mark in _QUOTES)

    @property
    def dash(self) -> bool:
        return "-" in self.gap or "\u2013" in self.gap

    @property
    def comma(self) -> bool:
        return "،" in self.gap or "," in self.gap


@dataclass(frozen=True)
class Hit:
    """One recognised span, tokens [first, last) of a sentence."""

    first: int
    last: int
    start: int  # char offset of the name (after any clitic)
    end: int
    type: str
    name: str  # Arabic surface of the name, clitic stripped
    entry: GazetteerEntry | None = None
    en: str | None = None  # rule-made English when not a person (persons: romanised later)
    role: str | None = None
    role_en: str | None = None
    group: str = ""  # what mentions of one entity share
    rule: str = ""  # which rule found it ("" for the gazetteer and the tagger)


@dataclass(frozen=True)
class Cue:
    end: int  # token index after the cue and its complement
    role: str
    role_en: str | None
