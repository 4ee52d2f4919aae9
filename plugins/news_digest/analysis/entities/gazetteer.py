"""Typed, read-only access to the entity gazetteers in ``data/*.tsv``.

Every Arabic form is stored folded (``arabic.fold``) and tokenised, with the article ال taken
off each token (``bare``), so matching is insensitive to hamza/ta-marbuta spelling and to the
article. The index is keyed by the first bare token: a lookup costs one dict access per text
token, never a scan of the gazetteer. News agencies come from ``sources.load_outlets()`` (owned
by the outlets module) and are treated as organisations.
"""

from __future__ import annotations

import csv
import gc
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from slugify import slugify

from ...arabic import fold, tokens
from ...settings import DATA_DIR

logger = logging.getLogger(__name__)

ENTITY_FILES = ("countries.tsv", "places.tsv", "organizations.tsv", "people.tsv")


@dataclass(frozen=True)
class GazetteerEntry:
    key: str
    type: str  # "person" | "place" | "organization"
    en: str
    ar: tuple[str, ...]  # Arabic variants as written in the data file; ar[0] is canonical
    iso: str = ""  # ISO 3166 alpha-2, countries only


@dataclass(frozen=True)
class Pattern:
    """One Arabic variant of an entry, as bare folded tokens."""

    tokens: tuple[str, ...]
    entry: GazetteerEntry
    # Which tokens carry the article: the text must agree (الخليل is Hebron, خليل a name).
    articles: tuple[bool, ...] = ()
    # For a pattern of skeletons (see ``skeleton``): the bare tokens as listed.
    spelled: tuple[str, ...] = ()


@dataclass(frozen=True)
class Word:
    """A row of the small word tables: name parts, demonyms, role words."""

    ar: str
    en: str
    kind: str  # name_parts: given|family; roles: title|spokesman|noun|adj; demonyms: ISO code


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...]
    index: Mapping[str, tuple[Pattern, ...]]  # first bare token -> patterns, longest first
    name_parts: Mapping[str, Word]  # folded token -> part
    demonyms: Mapping[str, Word]  # bare folded adjective (masc. and fem.) -> demonym
    roles: Mapping[tuple[str, ...], Word]  # folded tokens of the phrase -> role word
    role_firsts: frozenset[str]  # first tokens of the role phrases: a cheap pre-check
    stopwords: frozenset[str]  # folded
    # Skeleton of the first token -> people's names of two or more words and long one-word
    # names as skeletons, for the other spellings of transliterated names (أنجيلا/أنغيلا
    # ميركل، شينزو آبي/آبيه، فولكسفاغن/فولكسفاجن).
    loose_index: Mapping[str, tuple[Pattern, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # Outlets' names that are also everyday words (الجزيرة، العربية), as bare tokens: only
    # right after a medium's noun (مراسل الجزيرة) are they the outlet.
    cued_outlets: Mapping[tuple[str, ...], GazetteerEntry] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # Folded form -> common | given | family | proper (words.tsv, generated from library data):
    # tells everyday words from names where no rule or list decides.
    words: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # The keys of ``index`` and ``loose_index`` as frozensets: hashable, so a token can be
    # checked against both once per distinct word (candidates.listed_readings).
    firsts: frozenset[str] = field(init=False, default=frozenset(), repr=False)
    loose_firsts: frozenset[str] = field(init=False, default=frozenset(), repr=False)
    # ``index`` split by the second token: (first, second) -> the longer patterns, and first
    # -> the one-token ones, each in index order. علي (also the folded على) starts dozens of
    # names; only those going on with the text's next word need a look.
    by_second: Mapping[tuple[str, str], tuple[Pattern, ...]] = field(
        init=False, default_factory=lambda: MappingProxyType({}), repr=False
    )
    singles: Mapping[str, tuple[Pattern, ...]] = field(
        init=False, default_factory=lambda: MappingProxyType({}), repr=False
    )
    # ``loose_index`` split the same way, by the second token's skeleton.
    loose_by_second: Mapping[tuple[str, str], tuple[Pattern, ...]] = field(
        init=False, default_factory=lambda: MappingProxyType({}), repr=False
    )
    loose_singles: Mapping[str, tuple[Pattern, ...]] = field(
        init=False, default_factory=lambda: MappingProxyType({}), repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", frozenset(self.index))
        object.__setattr__(self, "loose_firsts", frozenset(self.loose_index))
        by_second, singles = _split_by_second(self.index)
        object.__setattr__(self, "by_second", by_second)
        object.__setattr__(self, "singles", singles)
        by_second, singles = _split_by_second(self.loose_index)
        object.__setattr__(self, "loose_by_second", by_second)
        object.__setattr__(self, "loose_singles", singles)


def _split_by_second(
    index: Mapping[str, tuple[Pattern, ...]],
) -> tuple[Mapping[tuple[str, str], tuple[Pattern, ...]], Mapping[str, tuple[Pattern, ...]]]:
    """(first, second) -> the longer patterns, and first -> the one-token ones, in index order
    (longest first, so a key's longer patterns all come before its one-token ones)."""
    longer: dict[tuple[str, str], list[Pattern]] = {}
    singles: dict[str, list[Pattern]] = {}
    for first, patterns in index.items():
        for pattern in patterns:
            if len(pattern.tokens) > 1:
                longer.setdefault((first, pattern.tokens[1]), []).append(pattern)
            else:
                singles.setdefault(first, []).append(pattern)
    split = {key: tuple(found) for key, found in longer.items()}
    alone = {key: tuple(found) for key, found in singles.items()}
    return MappingProxyType(split), MappingProxyType(alone)


def bare(token: str) -> str:
    """A folded token without the article ال (kept when too little would remain)."""
    if token.startswith("ال") and len(token) > 3:
        return token[2:]
    return token


def bare_tokens(text: str) -> tuple[str, ...]:
    return tuple(bare(token) for token in tokens(text))


def has_article(token: str) -> bool:
    return bare(token) != token


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _entity_rows(data_dir: Path) -> Iterable[GazetteerEntry]:
    for name in ENTITY_FILES:
        for row in _read_tsv(data_dir / name):
            variants = tuple(v.strip() for v in row["ar"].split("|") if v.strip())
            yield GazetteerEntry(row["key"], row["type"], row["en"], variants, row.get("iso") or "")


def _outlet_entries(cued: bool = False) -> list[GazetteerEntry]:
    """Outlets and agencies from the sources module, when that module is installed: their
    unambiguous names, or with ``cued`` the ones that are also everyday words (الجزيرة)."""
    try:
        from ..sources import load_outlets
    except ImportError:
        logger.info("news_digest.sources not available: outlets are not matched as entities")
        return []
    entries = []
    for outlet in load_outlets():
        variants = tuple(v for v in (outlet.cue_variants if cued else outlet.variants) if v)
        if variants:
            key = f"organization/{slugify(outlet.en)}"
            entries.append(GazetteerEntry(key, "organization", outlet.en, variants))
    return entries


def _cued_outlets() -> Mapping[tuple[str, ...], GazetteerEntry]:
    """Bare tokens of the outlets' ambiguous names -> the outlet."""
    found: dict[tuple[str, ...], GazetteerEntry] = {}
    for entry in _outlet_entries(cued=True):
        for variant in entry.ar:
            found.setdefault(bare_tokens(variant), entry)
    return MappingProxyType(found)


def _longest_first(
    grouped: Mapping[str, Mapping[object, Pattern]],
) -> Mapping[str, tuple[Pattern, ...]]:
    """First token -> its patterns, longest first (so the first full match is the longest)."""
    return MappingProxyType(
        {
            first: tuple(sorted(patterns.values(), key=lambda p: (-len(p.tokens), p.entry.key)))
            for first, patterns in grouped.items()
        }
    )


def build_index(entries: Iterable[GazetteerEntry]) -> Mapping[str, tuple[Pattern, ...]]:
    """First bare token -> patterns, longest first (so the first full match is the longest)."""
    grouped: dict[str, dict[tuple[tuple[str, ...], tuple[bool, ...]], Pattern]] = {}
    for entry in entries:
        for variant in entry.ar:
            folded = tokens(variant)
            toks = tuple(bare(token) for token in folded)
            if not toks or (len(toks) == 1 and len(toks[0]) < 3):
                continue  # one- or two-letter names would match clitics and particles
            # The first file to claim a spelling keeps it: countries before cities of that name.
            articles = tuple(has_article(token) for token in folded)
            pattern = Pattern(toks, entry, articles)
            grouped.setdefault(toks[0], {}).setdefault((toks, articles), pattern)
    return _longest_first(grouped)


_LONG_VOWELS = str.maketrans("", "", "اوي")


def _without_final_ha(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith("ه") and token[-2] in "اوي" else token


@lru_cache(maxsize=50_000)  # called for every token of every sentence: words recur
def skeleton(token: str) -> str:
    """A bare folded token with the letters that transliterations of one name disagree on
    taken out: long vowels after the first letter, a final ه after a vowel (آبيه), and غ
    written for the g that others write ج."""
    token = _without_final_ha(token.replace("غ", "ج"))
    return token[:1] + token[1:].translate(_LONG_VOWELS)


# How alike (difflib ratio) two spellings with one skeleton must be: هارفارد and هورفورد
# (Harvard, Horford) differ in every vowel, كامبريدج and كامبردج in one.
MIN_SPELLING_RATIO = 0.8


def same_name(word: str, listed: str) -> bool:
    """Two spellings with one skeleton are one name: they end alike (an added ي makes an
    adjective: الدنماركي) and differ in few letters."""
    if _without_final_ha(word)[-1:] != _without_final_ha(listed)[-1:]:
        return False
    return word == listed or SequenceMatcher(None, word, listed).ratio() >= MIN_SPELLING_RATIO


# A one-word name matched by its skeleton alone needs this many letters in it.
MIN_LOOSE_SKELETON = 5


def build_loose_index(entries: Iterable[GazetteerEntry]) -> Mapping[str, tuple[Pattern, ...]]:
    """Skeleton patterns of people's names of two or more words and of long one-word names
    (فولكسفاغن), longest first."""
    grouped: dict[str, dict[tuple[str, ...], Pattern]] = {}
    for entry in entries:
        for variant in entry.ar:
            folded = tokens(variant)
            spelled = tuple(bare(token) for token in folded)
            if len(spelled) == 1 and len(skeleton(spelled[0])) < MIN_LOOSE_SKELETON:
                continue  # a short word is too little to match by its consonants alone
            if len(spelled) > 1 and entry.type != "person":
                continue
            toks = tuple(skeleton(token) for token in spelled)
            articles = tuple(has_article(token) for token in folded)
            pattern = Pattern(toks, entry, articles, spelled)
            grouped.setdefault(toks[0], {}).setdefault(toks, pattern)
    return _longest_first(grouped)


def _words(path: Path, kind_column: str) -> list[Word]:
    return [Word(row["ar"], row["en"], row[kind_column]) for row in _read_tsv(path)]


def _demonym_forms(words: list[Word]) -> Mapping[str, Word]:
    """Masculine and feminine (ـية) forms of each adjective, folded and bare."""
    forms: dict[str, Word] = {}
    for word in words:
        for variant in word.ar.split("|"):
            base = " ".join(bare_tokens(variant))
            forms.setdefault(base, word)
            forms.setdefault(base + "ه", word)  # folded ة
            forms.setdefault(base + "ون", word)
            forms.setdefault(base + "ين", word)
    return MappingProxyType(forms)


_T = TypeVar("_T")


def settled(loaded: _T) -> _T:
    """``loaded`` once the collector has stopped tracking everything built so far: the
    tables an entities loader builds once per process (gazetteer, tagger lexicon, name data:
    hundreds of thousands of objects, never garbage) were walked again by every full
    collection, which cost about an eighth of an article's extraction. Reference counting
    still frees what is frozen."""
    gc.freeze()
    return loaded


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    entries = tuple(_entity_rows(data_dir)) + tuple(_outlet_entries())
    parts = {fold(w.ar): w for w in _words(data_dir / "name_parts.tsv", "kind")}
    roles = {tuple(tokens(w.ar)): w for w in _words(data_dir / "roles.tsv", "kind")}
    stop = frozenset(fold(row["ar"]) for row in _read_tsv(data_dir / "stopwords.tsv"))
    words = {row["ar"]: row["kind"] for row in _read_tsv(data_dir / "words.tsv")}
    logger.debug("gazetteer: %d entries", len(entries))
    gazetteer = Gazetteer(
        entries=entries,
        index=build_index(entries),
        loose_index=build_loose_index(entries),
        cued_outlets=_cued_outlets(),
        name_parts=MappingProxyType(parts),
        demonyms=_demonym_forms(_words(data_dir / "demonyms.tsv", "country")),
        roles=MappingProxyType(roles),
        role_firsts=frozenset(key[0] for key in roles),
        stopwords=stop,
        words=MappingProxyType(words),
    )
    return settled(gazetteer)
