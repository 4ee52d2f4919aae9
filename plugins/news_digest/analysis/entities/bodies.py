"""English for a state body or place no list holds, from the project's own tables: a body noun
(data/actor_nouns.tsv) followed by nationality adjectives (data/demonyms.tsv), as in
"وزارة الخارجية الروسية" -> Russian Foreign Ministry, "البنك المركزي التركي" -> Turkish Central
Bank. Every word must be accounted for; anything else ("وزارة الطاقة الأميركية", whose
ministry the table lacks) keeps the name data's reading. The English is then certain, not a
letter-by-letter guess ("Wzarah Al-Kharajih Al-Rousih"). A head noun before a listed place
makes a place or body of it (ريف دمشق -> Damascus countryside), and a descriptor before a
listed organisation (موقع تويتر) is that organisation.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from ...arabic import fold, tokens
from ...settings import DATA_DIR
from .gazetteer import GazetteerEntry, bare, has_article, load_gazetteer

# The table's rows that name a body, not a person's role (minister), a market (lira, oil
# prices) or people (protesters): only these make an organisation's name.
_BODIES = frozenset(
    {
        "army", "forces", "air force", "navy", "air defences", "police", "security forces",
        "government", "parliament", "cabinet", "foreign ministry", "defence ministry",
        "interior ministry", "health ministry", "justice ministry", "finance ministry",
        "court", "supreme court", "central bank", "embassy", "stock exchange",
        "government forces", "coalition forces", "security authorities", "election commission",
        "judiciary", "presidency", "coast guard", "border guard", "general staff",
        "national security council", "intelligence", "coalition",
    }
)  # fmt: skip


@lru_cache(maxsize=1)
def load_bodies() -> Mapping[tuple[str, ...], str]:
    """Folded words of a body noun -> its English, title-cased (Foreign Ministry)."""
    with (DATA_DIR / "actor_nouns.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    found: dict[tuple[str, ...], str] = {}
    for row in rows:
        if row["en"] not in _BODIES:
            continue
        english = " ".join(word[:1].upper() + word[1:] for word in row["en"].split())
        for arabic in row["ar"].split("|"):
            found.setdefault(tuple(fold(arabic).split()), english)
    return MappingProxyType(found)


@lru_cache(maxsize=8192)  # bodies recur across articles
def body_english(name: str) -> str | None:
    """The English of "body noun + nationality adjectives", or None for any other name."""
    words = tuple(fold(name).split())
    bodies = load_bodies()
    for size in range(len(words) - 1, 0, -1):  # the longest body noun, one adjective at least
        body = bodies.get(words[:size])
        if body is None:
            continue
        adjectives = [_demonym(word) for word in words[size:]]
        if all(adjectives) and len(set(adjectives)) == len(adjectives):
            return " ".join([*adjectives, body])  # type: ignore[list-item]
        return None
    return None


def _demonym(word: str) -> str | None:
    found = load_gazetteer().demonyms.get(bare(word))
    return None if found is None else found.en[:1].upper() + found.en[1:]  # International


# Listed names that are everyday feminine nouns too (bare folded): القاعدة is also "the base",
# "the rule" (see ensemble._noun_sense).
NOUN_SENSES = frozenset({"قاعده"})


# Head nouns before a listed place that make a place or body of it (ميناء الحديدة -> Hodeidah
# port). Only heads whose English is fixed: جامعة كولومبيا is Columbia University, not one of
# Colombia, so university is not among them.
_HEADED = MappingProxyType(
    {
        "ريف": "{} countryside", "ميناء": "{} port", "مرفا": "{} port", "مطار": "{} Airport",
        "نهر": "{} River", "مضيق": "{} Strait", "منتخب": "{} national team",
        "شرطه": "{} Police", "بورصه": "{} Stock Exchange",
    }
)  # fmt: skip
# Nouns that only say what kind of body the listed name after them is (موقع تويتر, شركة أبل).
_DESCRIPTORS = frozenset({"موقع", "شبكه", "شركه", "مجموعه"})


def listed_entry(words: str) -> GazetteerEntry | None:
    """The entry listing exactly these words, with the article where it is written: دوما is
    the Syrian town, الدوما the Russian parliament (the gazetteer's index, first file first)."""
    folded = tokens(words)
    if not folded:
        return None
    bare_words = tuple(bare(word) for word in folded)
    articles = tuple(has_article(word) for word in folded)
    for pattern in load_gazetteer().index.get(bare_words[0], ()):
        if pattern.tokens == bare_words and pattern.articles == articles:
            return pattern.entry
    return None


def _head_and_listed(name: str) -> tuple[str, GazetteerEntry | None]:
    head, _, rest = name.partition(" ")
    return fold(head), listed_entry(rest)


@lru_cache(maxsize=8192)
def headed_english(name: str) -> str | None:
    """ "Head noun + listed place" in English (ريف دمشق -> Damascus countryside), else None."""
    head, entry = _head_and_listed(name)
    pattern = _HEADED.get(head)
    if pattern is None or entry is None or entry.type != "place":
        return None
    return pattern.format(entry.en)


@lru_cache(maxsize=8192)
def described_entry(name: str, type_: str) -> GazetteerEntry | None:
    """The listed organisation a descriptor noun introduces (موقع تويتر is Twitter) or, for a
    name found as an organisation, a nationality adjective follows (يوفنتوس الإيطالي is
    Juventus)."""
    head, entry = _head_and_listed(name)
    if head not in _DESCRIPTORS:
        rest, _, last = name.rpartition(" ")
        own = type_ == "organization" and rest and _proper(rest.split()[0])
        entry = listed_entry(rest) if own and _demonym(fold(last)) else None
    return entry if entry is not None and entry.type == "organization" else None


def _proper(word: str) -> bool:
    """A name's first word that names by itself (يوفنتوس، أبل), not a common noun: وزارة
    الخارجية الروسية or مجلس الأمن الروسي is that country's own body, not the listed one."""
    form = bare(fold(word))
    return form not in NOUN_SENSES and load_gazetteer().words.get(form) != "common"
