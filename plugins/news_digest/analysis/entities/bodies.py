"""English for a state body no list holds, from the project's own tables: a body noun
(data/actor_nouns.tsv) followed by nationality adjectives (data/demonyms.tsv), as in
"وزارة الخارجية الروسية" -> Russian Foreign Ministry, "البنك المركزي التركي" -> Turkish Central
Bank. Every word must be accounted for; anything else ("وزارة الطاقة الأميركية", whose
ministry the table lacks) keeps the name data's reading. The English is then certain, not a
letter-by-letter guess ("Wzarah Al-Kharajih Al-Rousih").
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from ...arabic import fold
from ...settings import DATA_DIR
from .gazetteer import bare, load_gazetteer

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
