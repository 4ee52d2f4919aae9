"""Listed names in a title (or lead) that the entity stage did not find in the body.

Entities come from the article body, so a title's "واشنطن تندد ..." has no name to read
when the body says "الولايات المتحدة" instead. A gazetteer entry written in the title, with
its article as listed ("الخليل" is Hebron, "خليل" a given name) and not a stopword, is as
certain here as in the body: its English is curated. Only listed entries are added, never a
guessed name.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...arabic import fold
from ..entities import Entity
from ..entities.gazetteer import Pattern, bare, has_article, load_gazetteer
from .clauses import WORD_RE, readings
from .headline import capitals


def _fits(pattern: Pattern, first: str, rest: list[str]) -> bool:
    """The pattern's tokens are the words from first on, with the listed articles."""
    n = len(pattern.tokens)
    if len(rest) < n - 1 or bare(first) != pattern.tokens[0]:
        return False
    words = [first, *rest[: n - 1]]
    if any(bare(w) != t for w, t in zip(words[1:], pattern.tokens[1:], strict=True)):
        return False
    return not pattern.articles or all(
        has_article(w) == a for w, a in zip(words, pattern.articles, strict=True)
    )


# One-word country names that are also everyday words: مالي (financial), عمان (Amman).
_AMBIGUOUS = frozenset({"مالي", "عمان", "مسقط"})  # مسقط رأس: birthplace


def _unambiguous(entry, single: bool, reading: str, gazetteer) -> bool:
    """Names whose reading the context cannot change: countries and capitals, and people
    named by two words or more, or by a one-word surname no dictionary holds as anything else
    ("السيسي"; not a given name like "عباس", which many people bear). One-word cities
    (صور "pictures", جدة "grandmother", العين
    "the eye") and organisations (حزب العمال: Labour, or the PKK?) are left to the entity
    stage, which reads their context."""
    if single and (reading in gazetteer.stopwords or reading in _AMBIGUOUS):
        return False
    if entry.type == "person":
        kinds = gazetteer.words  # words.tsv, folded, as the entity stage reads it
        kind = kinds.get(reading) or kinds.get(bare(reading), "")
        return not single or kind in ("family", "")
    return entry.type == "place" and (bool(entry.iso) or entry.key in capitals())


def listed_names(text: str, known: Sequence[Entity]) -> list[tuple[Entity, tuple[str, ...]]]:
    """Entries written in text, not among the known entities: each with the folded words it
    is written as there (its first word without a proclitic), for the clause reader. A city
    in a known body's name ("باريس" beside Paris Saint-Germain) is that body, not added."""
    gazetteer = load_gazetteer()
    keys = {e.key for e in known}
    bodies = [e.en for e in known if e.type == "organization"]
    # ... or a word of a body's Arabic name (روما of نادي روما, AS Roma: not Rome), other
    # than a nationality (السعودية of الخارجية السعودية is still Saudi Arabia).
    body_words = {bare(fold(w)) for e in known if e.type == "organization" for w in e.text.split()}
    body_words -= gazetteer.demonyms.keys()
    folded = [fold(w) for w in WORD_RE.findall(text)]
    found: dict[str, tuple[Entity, tuple[str, ...]]] = {}
    for i, word in enumerate(folded):
        for reading in sorted(readings(word), key=lambda r: (-len(r), r)):
            pattern = next(
                (
                    p
                    for p in gazetteer.index.get(bare(reading), ())
                    if _fits(p, reading, folded[i + 1 :])
                ),
                None,
            )
            if pattern is None:
                continue
            entry = pattern.entry
            single = len(pattern.tokens) == 1
            # Whole words: Russia is no part of the Russian Defence Ministry.
            clubbed = single and (
                any(f" {entry.en} " in f" {body} " for body in bodies)
                or bare(reading) in body_words
            )
            if (
                entry.key not in keys
                and not clubbed
                and _unambiguous(entry, single, reading, gazetteer)
            ):
                surface = (reading, *folded[i + 1 : i + len(pattern.tokens)])
                # count 0: not counted in the body
                entity = Entity(entry.key, " ".join(surface), entry.type, entry.en, 0)
                found.setdefault(entry.key, (entity, surface))
            break
    return list(found.values())
