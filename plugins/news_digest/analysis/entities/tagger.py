"""A trained tagger for person, place and organisation names (a CRF, python-crfsuite).

The model (``data/ner.crfsuite``) is trained by ``tools/train_ner.py`` on NewsFANE Gold
(CC BY-SA 3.0, see ``data/LICENSE-ner.md``); ``data/README-ner.md`` documents the classes and
the scores. Tags are IOB2 over the types ``PER``, ``LOC`` and ``ORG``.

Input is raw news text cut by ``tokenize``: runs of letters and digits, and every other
non-space character on its own, the way ANERcorp is tokenised. Clitics stay on their word
(والعراق، بالقاهرة): the features split them off, so training text (which NewsFANE writes with
clitics apart) is joined back the same way before training.

Every token is folded (``arabic.fold``: hamza-carrying alefs to bare alef, ى to ي, ة to ه, no
tashkeel) before any feature: NewsFANE is written without hamza and with ي for ى, news is not.
Features of one token do not depend on its neighbours, so they are computed once per distinct
token (``lru_cache``). Tagging is ``decoder``'s: it adds up the same features' weights.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pycrfsuite

from ...arabic import ARABIC_LETTER_CLASS, fold
from ...settings import DATA_DIR
from .gazetteer import bare, load_gazetteer, settled

logger = logging.getLogger(__name__)

MODEL_PATH = DATA_DIR / "ner.crfsuite"
# Folded Arabic tokens of Wikidata person labels with their counts (CC0; tools/train_ner.py).
NAME_TOKENS_PATH = DATA_DIR / "ner_name_tokens.tsv"
# Stem -> cluster IDs learned from unlabelled news (tools/ner_clusters.py).
CLUSTERS_PATH = DATA_DIR / "ner_clusters.tsv"
TYPES = ("PER", "LOC", "ORG")

# A word: Arabic letters (with tashkeel/tatweel), Latin letters, digits of any script.
_TOKEN_RE = re.compile(
    f"[{ARABIC_LETTER_CLASS}\u064b-\u0652\u0670\u0640A-Za-z0-9\u0660-\u0669\u06f0-\u06f9]+|\\S"
)
_LATIN_RE = re.compile("[A-Za-z]")
_DIGIT_RE = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_ARABIC_RE = re.compile(f"[{ARABIC_LETTER_CLASS}]")

# Proclitic groups, longest first; those ending in the article are safe to strip on their own.
_ARTICLE_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل")
_PROCLITICS = ("ول", "وب", "فل", "فب", "وك", "و", "ف", "ب", "ل", "ك")
_OFFSETS = (-2, -1, 1, 2)
_GAZ_TYPES = MappingProxyType({"person": "PER", "place": "LOC", "organization": "ORG"})


@dataclass(frozen=True)
class Mention:
    """A tagged name: tokens ``start`` (inclusive) to ``end`` (exclusive) of the input."""

    type: str  # PER | LOC | ORG
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    """The project's word lists as folded, article-free token sets (built once)."""

    gaz_tokens: Mapping[str, frozenset[str]]  # token -> entity types whose names contain it
    index: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]  # first token -> names
    name_parts: Mapping[str, str]  # token -> given | family
    word_kinds: Mapping[str, str]  # token -> common | given | family | proper | stop
    roles: frozenset[str]  # tokens of role phrases (رئيس، وزير، الشيخ)
    demonyms: frozenset[str]
    name_tokens: Mapping[str, str]  # token -> how often Wikidata persons carry it (bucket)
    clusters: Mapping[str, tuple[str, ...]]  # stem -> cluster features (c64=.., c256=.., c1024=..)
    known: frozenset[str]  # every token above: a proclitic is split only to reach one


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` as (token, start, end) character offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    gaz = load_gazetteer()
    types: dict[str, set[str]] = {}
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry in gaz.entries:
        kind = _GAZ_TYPES.get(entry.type)
        if kind is None:
            continue
        for variant in entry.ar:
            toks = tuple(bare(fold(t)) for t in variant.split())
            if not toks or (len(toks) == 1 and len(toks[0]) < 3):
                continue
            for tok in toks:
                types.setdefault(tok, set()).add(kind)
            index.setdefault(toks[0], []).append((toks, kind))
    sorted_index = {
        first: tuple(sorted(set(names), key=lambda n: (-len(n[0]), n)))
        for first, names in index.items()
    }
    parts = {bare(fold(k)): w.kind for k, w in gaz.name_parts.items()}
    kinds = {bare(fold(k)): v for k, v in gaz.words.items()}
    roles = frozenset(bare(t) for phrase in gaz.roles for t in phrase)
    demonyms = frozenset(bare(fold(k)) for k in gaz.demonyms)
    names = _name_tokens(NAME_TOKENS_PATH)
    known = frozenset(types) | frozenset(parts) | frozenset(kinds) | roles | demonyms
    lexicon = Lexicon(
        gaz_tokens={k: frozenset(v) for k, v in types.items()},
        index=sorted_index,
        name_parts=parts,
        word_kinds=kinds,
        roles=roles,
        demonyms=demonyms,
        name_tokens=names,
        clusters=_clusters(CLUSTERS_PATH),
        known=known,
    )
    return settled(lexicon)


def _count_bucket(count: int) -> str:
    return "1" if count < 2 else ("2-4" if count < 5 else ("5-19" if count < 20 else "20+"))


def _name_tokens(path: Path) -> dict[str, str]:
    """Token -> count bucket; an empty table (and a warning) when the file is missing."""
    if not path.is_file():
        logger.warning("%s missing: NER runs without Wikidata name tokens", path)
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        token, _, count = line.partition("\t")
        found[token] = _count_bucket(int(count))
    return found


def _clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Stem -> ("c64=7", "c256=30", "c1024=301"); empty (and a warning) when the file is missing."""
    if not path.is_file():
        logger.warning("%s missing: NER runs without word clusters", path)
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    names = lines[0].split("\t")[1:]
    found = {}
    for line in lines[1:]:
        stem, *ids = line.split("\t")
        found[stem] = tuple(f"{name}={i}" for name, i in zip(names, ids, strict=True))
    return found


def split_clitics(folded: str, known: frozenset[str]) -> tuple[str, str]:
    """(proclitics, stem without the article) of a folded token.

    A group ending in the article (وال، بال، لل) is always split; a bare و/ف/ب/ل/ك only when the
    whole word is not a known word and the rest is one (so لبنان and واشنطن stay whole).
    """
    for pre in _ARTICLE_PROCLITICS:
        if folded.startswith(pre) and len(folded) - len(pre) >= 2:
            return pre, folded[len(pre) :]
    whole = bare(folded)
    if whole != folded:
        return "ال", whole
    if whole in known:
        return "", whole
    for pre in _PROCLITICS:
        rest = folded[len(pre) :]
        if folded.startswith(pre) and len(rest) >= 2 and rest in known:
            return pre, rest
    return "", whole


def _shape(token: str) -> str:
    if _ARABIC_RE.search(token):
        return "ar-lat" if _LATIN_RE.search(token) else "ar"
    if _LATIN_RE.search(token):
        if token.isupper():
            return "LAT"
        return "Lat" if token[:1].isupper() else "lat"
    if _DIGIT_RE.search(token):
        return "num"
    return "punct"


def _length(stem: str) -> str:
    n = len(stem)
    return str(n) if n <= 3 else ("4-5" if n <= 5 else ("6-8" if n <= 8 else "9+"))


# Bounded: each entry holds ~50 feature strings (five times over, neighbours prefixed), and
# worker processes each keep their own; the most frequent words are what the cache is for.
@lru_cache(maxsize=20_000)
def token_features(token: str) -> tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(stem, own features, per offset in ``_OFFSETS`` the set a neighbour sees, prefixed).

    Cached per token, prefixes included, so a sentence only concatenates tuples.
    """
    stem, own, near = own_and_near(token)
    return stem, own, tuple(tuple(f"{off}:{f}" for f in near) for off in _OFFSETS)


def own_and_near(token: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(stem, own features, the features a neighbour sees, before their offset prefix)."""
    lex = load_lexicon()
    folded = fold(token).lower()
    pre, stem = split_clitics(folded, lex.known)
    near = [f"s={stem}", f"sh={_shape(fold(token))}"]
    if pre:
        near.append(f"pre={pre}")
    near.extend(f"gz={kind}" for kind in sorted(lex.gaz_tokens.get(stem, ())))
    if stem in lex.name_parts:
        near.append(f"np={lex.name_parts[stem]}")
    if stem in lex.word_kinds:
        near.append(f"wk={lex.word_kinds[stem]}")
    if stem in lex.roles:
        near.append("role")
    if stem in lex.demonyms:
        near.append("dem")
    if stem in lex.name_tokens:
        near.append(f"wd={lex.name_tokens[stem]}")
    near.extend(lex.clusters.get(stem, ("c=none",)))
    own = [
        f"w={folded}",
        f"len={_length(stem)}",
        f"p2={stem[:2]}",
        f"p3={stem[:3]}",
        f"x1={stem[-1:]}",
        f"x2={stem[-2:]}",
        f"x3={stem[-3:]}",
        f"p4={stem[:4]}",
        f"x4={stem[-4:]}",
        *near,
    ]
    if not pre and folded != stem:
        own.append("al")
    return stem, tuple(own), tuple(near)


def stems(tokens: Sequence[str]) -> list[str]:
    return [token_features(t)[0] for t in tokens]


def gazetteer_marks(tokens: Sequence[str]) -> list[str]:
    """B-/I-type of the longest listed name at each token ("" where none), left to right."""
    return mark_keys(stems(tokens))


def mark_keys(keys: Sequence[str]) -> list[str]:
    """``gazetteer_marks`` of tokens given by their stems."""
    index = _names_by_length()
    marks = [""] * len(keys)
    end = 0  # a name found covers its tokens: none of them starts another
    # Few tokens start a listed name: only those are tried.
    for i in [i for i, key in enumerate(keys) if key in index]:
        if i < end:
            continue
        for length, names in index[keys[i]]:
            kind = names.get(tuple(keys[i : i + length]))
            if kind:
                marks[i] = f"B-{kind}"
                marks[i + 1 : i + length] = [f"I-{kind}"] * (length - 1)
                end = i + length
                break
    return marks


@lru_cache(maxsize=1)
def _names_by_length() -> dict[str, tuple[tuple[int, dict[tuple[str, ...], str]], ...]]:
    """First token -> (length, {name's tokens: type}), longest first: the name the lexicon's
    index lists first (the longest, then by tokens and type) in one look-up per length."""
    found = {}
    for first, names in load_lexicon().index.items():
        by_length: dict[int, dict[tuple[str, ...], str]] = {}
        for tokens, kind in names:
            by_length.setdefault(len(tokens), {}).setdefault(tokens, kind)
        found[first] = tuple(sorted(by_length.items(), key=lambda group: -group[0]))
    return found


def sentence_features(tokens: Sequence[str]) -> list[list[str]]:
    """CRF features of every token of one sentence: its own, ±2 neighbours', listed names.

    What training sees; tagging adds up the same features' weights (``decoder``)."""
    return _assemble([token_features(t) for t in tokens])


_Cached = tuple[str, tuple, tuple[tuple, ...]]  # (stem, own features, neighbours' per offset)


def _assemble(cached: Sequence[_Cached]) -> list[list]:
    keys = [c[0] for c in cached]
    marks = mark_keys(keys)
    n = len(cached)
    rows = []
    for i in range(n):
        row = list(cached[i][1])
        if marks[i]:
            row.append(f"gm={marks[i]}")
        if i >= 2:
            row.extend(cached[i - 2][2][0])
        if i >= 1:
            row.extend(cached[i - 1][2][1])
            if marks[i - 1]:
                row.append(f"-1:gm={marks[i - 1]}")
        else:
            row.append("-1:edge")
        if i + 1 < n:
            row.extend(cached[i + 1][2][2])
            if marks[i + 1]:
                row.append(f"1:gm={marks[i + 1]}")
        else:
            row.append("1:edge")
        if i + 2 < n:
            row.extend(cached[i + 2][2][3])
        if i > 0:
            row.append(f"bi-={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            row.append(f"bi+={keys[i]}|{keys[i + 1]}")
        rows.append(row)
    return rows


@lru_cache(maxsize=2)
def load_tagger(path: Path = MODEL_PATH) -> pycrfsuite.Tagger:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: NER model missing; run tools/train_ner.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    logger.debug("NER model loaded from %s", path)
    return tagger


def mentions(tags: Sequence[str]) -> list[Mention]:
    """Spans of an IOB2 tag sequence; an I- without its B- starts a mention (CoNLL reading)."""
    found: list[Mention] = []
    start, kind = -1, ""
    for i, label in enumerate([*tags, "O"]):
        prefix, _, this = label.partition("-")
        if kind and (prefix != "I" or this != kind):
            found.append(Mention(kind, start, i))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return found
