"""Which entity names an English headline may print: those whose English is known, not guessed.

A gazetteer entry's English is curated; a name built only from listed name parts (given and
family names, bin/al link words) is too, and so is one whose every word the Wikidata/Google
name data spells (``Entity.spelled``). A name that needed letter-by-letter transliteration
("Kaloub" for Klopp) may be wrong, and a wrong name is worse than none, so it is left out of
headlines and standfirsts (the entity pages still show it).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from types import MappingProxyType

from ...arabic import fold, tokens
from ...settings import DATA_DIR
from ..entities import Entity
from ..entities.gazetteer import load_gazetteer

# A listed entry, listed name parts, or every word spelled by the name data: known, not guessed.
_KNOWN_SPELLINGS = frozenset({"listed", "curated", "data"})
NAME_LINKS = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "abdul", "bu", "de", "van"})


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str]]:
    keys = frozenset(e.key for e in load_gazetteer().entries)
    return keys, frozenset(_parts().values())


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    """Listed name parts: folded Arabic -> English, lower case."""
    with (DATA_DIR / "name_parts.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {fold(row["ar"]): row["en"].lower() for row in rows}


_LINK_WORDS = MappingProxyType({"بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "abu"})


def part_built(entity: Entity) -> bool:
    """Every Arabic word of the name is a listed name part (or bin, ibn ...) and the English
    is that part's listed spelling, word for word: "خالد بن سلمان" -> Khalid bin Salman is
    as certain as the parts table, whichever stage spelled it."""
    arabic = tokens(entity.text)
    english = [w for w in re.split(r"[\s\-]+", entity.en.lower()) if w]
    if len(arabic) < 2 or len(arabic) != len(english):
        return False
    parts = _parts()
    return all(
        _LINK_WORDS.get(ar) == en or parts.get(ar) == en
        for ar, en in zip(arabic, english, strict=True)
    )


def trusted(entity: Entity) -> bool:
    keys, parts = _known()
    if entity.key in keys or entity.spelled in _KNOWN_SPELLINGS:
        return True
    if entity.type != "person":
        return False
    words = [w for w in re.split(r"[\s\-]+", entity.en.lower()) if w]
    return len(words) >= 2 and all(w in parts or w in NAME_LINKS for w in words)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Folded words of titles and roles (roles.tsv): "الرئيس", "وزير", "الأمين العام" ..."""
    with (DATA_DIR / "roles.tsv").open(encoding="utf-8", newline="") as handle:
        words = {w for row in csv.DictReader(handle, delimiter="\t") for w in tokens(row["ar"])}
    return frozenset(w[2:] if w.startswith("ال") else w for w in words)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The English of roles.tsv's titles, lower case: "sultan", "sheikh", "king" ..."""
    with (DATA_DIR / "roles.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return frozenset(row["en"].lower() for row in rows if row["kind"] == "title")


def certain_name(entity: Entity) -> bool:
    """A name an English headline may make the actor: trusted, and for a person listed or
    built from listed name parts. Name-data spellings chosen by frequency were wrong for one
    person in five on a read sample of ant_multisource headlines ("Harry Ken", "De Bruin")."""
    if not trusted(entity):
        return False
    keys, _ = _known()
    if entity.key in keys or entity.spelled != "data" or part_built(entity):
        return True
    # Name data spells people: a place or body it spells is certain only as one plain word
    # ("Liverpool"); "Al-Pete al-Abid" (the White House) was a letter-by-letter reading.
    words = entity.en.split()
    return entity.type != "person" and len(words) == 1 and not entity.en.lower().startswith("al-")
