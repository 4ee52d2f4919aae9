"""News agencies and outlets: the curated list, and the ones an article cites.

An article *cites* an outlet when a cue says so: a noun such as وكالة/قناة/صحيفة right before
the name, a clitic لـ/بـ on it ("لوكالة فرانس برس", لـ"العربية"), or a reporting word shortly
before it (بحسب، وفق، نقلت، ذكرت، أفادت، أبرزها …). Names that are also ordinary words
(العربية "Arabic", الجزيرة "the island", طلوع "rising") are kept in a separate ``cue_variants``
column and only count with a strong cue, so that "اللغة العربية" never cites Al Arabiya.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..arabic import ARABIC_LETTER_CLASS, fold
from ..models import Document
from ..settings import DATA_DIR

logger = logging.getLogger(__name__)

OUTLETS_TSV = DATA_DIR / "outlets.tsv"
KINDS = frozenset({"agency", "outlet", "tv", "newspaper"})

# How many words before a name a reporting cue may stand ("بحسب ما نقلت وكالة ...").
CUE_WINDOW = 8
# Ambiguous names need their cue much closer, and in quote marks: أفادت "طلوع".
AMBIGUOUS_CUE_WINDOW = 3

_L = ARABIC_LETTER_CLASS
_QUOTES = "\"'«»“”„"
# Tashkeel and tatweel, dropped exactly as arabic.fold drops them.
_DROPPED = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
_FOLD_CHAR = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
_FOLD_TABLE = str.maketrans(_FOLD_CHAR | dict.fromkeys(_DROPPED, None))


def _folded_words(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


# Folded nouns that name a medium: the word right before the outlet's name.
_OUTLET_NOUNS = _folded_words(
    "وكالة لوكالة بوكالة الوكالة وكالتا قناة لقناة بقناة القناة صحيفة لصحيفة بصحيفة "
    "الصحيفة صحيفتا جريدة لجريدة بجريدة موقع لموقع بموقع شبكة لشبكة بشبكة إذاعة لإذاعة "
    "تلفزيون لتلفزيون التلفزيون مجلة لمجلة بمجلة أنباء للأنباء مراسل لمراسل مراسلة "
    "ل ب"  # a detached clitic: لـ "العربية" after tatweel is folded away
)
# Folded reporting cues: a name within a few words after one of these is being cited.
_CUE_WORDS = _folded_words(
    "بحسب حسب وفق وفقا وفقاً نقلت نقل نقلا نقلاً ذكرت ذكر أفادت أفاد أوردت أورد قالت "
    "أكدت أشارت نشرت بثت أبرزها أبرزهم منها عن تقرير تقارير مقابلة حديث تصريحات تصريح "
    "أعلنت كشفت أوضحت بينت نقلته ذكرته أوردته أفادته بثته نشرته أضافت"
)
_TOKEN_RE = re.compile(f"[{_L}0-9A-Za-z]+")
_LATIN_GLOSS_RE = re.compile(f"^[\\s{_QUOTES}]*\\(\\s*[A-Za-z][A-Za-z .\\-]*\\)")


@dataclass(frozen=True)
class Outlet:
    """One agency or outlet.

    ``variants`` are Arabic spellings safe to match anywhere (entity extraction may use them);
    ``cue_variants`` are spellings that are also ordinary words and need a cue; ``latin``
    are Latin-script forms ("AFP", "tolo").
    """

    key: str
    en: str
    kind: str
    variants: tuple[str, ...]
    cue_variants: tuple[str, ...] = ()
    latin: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    ar: str  # the name as the article writes it
    en: str
    key: str


@dataclass(frozen=True)
class _Hit:
    """One accepted citation inside one sentence."""

    position: int
    outlet: Outlet
    surface: str


def _split_field(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=1)
def load_outlets() -> tuple[Outlet, ...]:
    """The curated outlets in ``data/outlets.tsv``, in file order."""
    outlets: list[Outlet] = []
    with OUTLETS_TSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            kind = row["kind"].strip()
            if kind not in KINDS:
                logger.warning("outlets.tsv: %s has unknown kind %r", row["key"], kind)
            outlets.append(
                Outlet(
                    key=row["key"].strip(),
                    en=row["en"].strip(),
                    kind=kind,
                    variants=_split_field(row["ar"]),
                    cue_variants=_split_field(row["ar_cue"] or ""),
                    latin=_split_field(row["latin"] or ""),
                )
            )
    return tuple(outlets)


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """``fold(text)`` plus, for every folded character, its index in ``text``."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):
        return folded, range(len(text))  # nothing dropped: the common, cheap case
    return folded, [index for index, char in enumerate(text) if char not in _DROPPED]


@dataclass(frozen=True)
class _Matcher:
    arabic: re.Pattern[str]
    latin: re.Pattern[str] | None
    by_variant: dict[str, tuple[Outlet, bool]]  # folded variant -> (outlet, needs a cue)
    by_latin: dict[str, Outlet]  # lower-cased Latin form -> outlet
    # A character that can start a Latin form (the same case folding): most sentences have
    # none, and this finds that sooner than the forms' alternation does.
    latin_start: re.Pattern[str] | None = None


def _variant_pattern(variant: str) -> str:
    # Any run of whitespace in the text may separate the words of a name.
    return r"\s+".join(re.escape(part) for part in variant.split())


def _latin_pattern(form: str) -> str:
    # Short all-caps acronyms (AP, SANA) are case-sensitive: "sana", "ap" are words.
    body = _variant_pattern(form)
    return body if form.isupper() and len(form) <= 4 else f"(?i:{body})"


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    by_variant: dict[str, tuple[Outlet, bool]] = {}
    by_latin: dict[str, Outlet] = {}
    for outlet in load_outlets():
        for variant in outlet.variants:
            by_variant.setdefault(fold(variant), (outlet, False))
        for variant in outlet.cue_variants:
            by_variant.setdefault(fold(variant), (outlet, True))
        for form in outlet.latin:
            by_latin.setdefault(form.lower(), outlet)
    names = sorted(by_variant, key=len, reverse=True)  # longest first: سكاي نيوز عربية
    with_al = [n[2:] for n in names if n.startswith("ال")]
    alt = "|".join(_variant_pattern(n) for n in names)
    alt_al = "|".join(_variant_pattern(n) for n in with_al)
    arabic = re.compile(
        f"(?<![{_L}])(?:(?P<cl>[وف]?[لبك]?)(?P<q>[{_QUOTES}]?)(?P<n>{alt})"
        f"|(?P<cl2>[وف]?لل)(?P<n2>{alt_al}))(?![{_L}])"
    )
    latin_forms = sorted({f for o in load_outlets() for f in o.latin}, key=len, reverse=True)
    latin = None
    if latin_forms:
        alt_latin = "|".join(_latin_pattern(f) for f in latin_forms)
        latin = re.compile(f"(?<![A-Za-z])(?:{alt_latin})(?![A-Za-z])")
    firsts = "".join(sorted({re.escape(f.split()[0][0]) for f in latin_forms}))
    start = re.compile(f"(?i:[{firsts}])") if latin_forms else None
    return _Matcher(arabic, latin, by_variant, by_latin, start)


def _masked_spans(folded: str, headlines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where a read-also headline was glued into this sentence: not the article's words."""
    spans = []
    for headline in headlines:
        start = folded.find(headline)
        if start != -1:
            spans.append((start, start + len(headline)))
    return spans


@dataclass(frozen=True)
class _Context:
    """The folded text around one name match, and how the name itself is written."""

    before: str
    after: str
    clitic: str  # و/ف + ل/ب/ك glued to the name
    opened: bool  # a quote mark right before the name
    name: str = ""  # the folded name as matched

    @property
    def closed(self) -> bool:
        return self.after[:1] in _QUOTES or self.after.startswith(".")


def _is_cue(word: str) -> bool:
    return word in _CUE_WORDS or (word[:1] in "وف" and word[1:] in _CUE_WORDS)


def _is_cited(ctx: _Context, ambiguous: bool) -> bool:
    """Whether the context of one name match says the article cites the outlet."""
    if ctx.name and ctx.name.split()[0] in _OUTLET_NOUNS:
        return True  # the name carries its own cue: "قناة العربية", "وكالة الأناضول"
    words = _TOKEN_RE.findall(ctx.before)
    quoted = ctx.opened and ctx.closed
    has_clitic = any(c in ctx.clitic for c in "لب")
    # "موقع بالرياض" is a place, "موقع «الرياض»" a newspaper.
    if words and words[-1] in _OUTLET_NOUNS and (not has_clitic or quoted):
        return True
    if _LATIN_GLOSS_RE.match(ctx.after):
        return True  # "طلوع" (tolo): the Latin gloss names the outlet
    if ambiguous:
        near = words[-AMBIGUOUS_CUE_WINDOW:]
        return quoted and (has_clitic or any(_is_cue(w) for w in near))
    if has_clitic or ctx.after.lstrip(_QUOTES + " ").startswith(":"):
        return True
    return any(_is_cue(w) for w in words[-CUE_WINDOW:])


def _arabic_hits(text: str, headlines: tuple[str, ...]) -> list[_Hit]:
    folded, offsets = fold_with_offsets(text)
    masked = _masked_spans(folded, headlines)
    matcher = _matcher()
    hits: list[_Hit] = []
    for match in matcher.arabic.finditer(folded):
        if any(start <= match.start() < end for start, end in masked):
            continue
        group = "n" if match.group("n") is not None else "n2"
        name = " ".join(match.group(group).split())
        outlet, ambiguous = matcher.by_variant[name if group == "n" else "ال" + name]
        ctx = _Context(
            before=folded[: match.start()],
            after=folded[match.end() :],
            clitic=match.group("cl") if group == "n" else match.group("cl2"),
            opened=bool(match.group("q")) or folded[match.start() - 1 : match.start()] in _QUOTES,
            name=name,
        )
        if not _is_cited(ctx, ambiguous):
            logger.debug("outlet name %r without a citing cue", name)
            continue
        surface = text[offsets[match.start(group)] : offsets[match.end(group) - 1] + 1]
        surface = surface if group == "n" else "ال" + surface
        hits.append(_Hit(offsets[match.start(group)], outlet, surface))
    return hits


def _latin_hits(text: str) -> list[_Hit]:
    """Latin forms: a dateline "(AFP)" or a cited name; "عبر شاشة MBC" is not a citation."""
    matcher = _matcher()
    if matcher.latin is None or not matcher.latin_start.search(text):
        return []
    hits = []
    for match in matcher.latin.finditer(text):
        outlet = matcher.by_latin[" ".join(match.group().split()).lower()]
        before, after = text[: match.start()], text[match.end() :]
        in_parens = before.rstrip().endswith("(") and after.lstrip().startswith(")")
        opened = before[-1:] in _QUOTES
        ctx = _Context(fold(before), after, "", opened)
        if in_parens or _is_cited(ctx, ambiguous=False):
            hits.append(_Hit(match.start(), outlet, match.group()))
    return hits


def _sentence_hits(text: str, headlines: tuple[str, ...]) -> list[_Hit]:
    arabic = _arabic_hits(text, headlines)
    # A Latin form only stands on its own (a dateline "(AFP)"); as a gloss it was
    # already counted with the Arabic name before it.
    latin = [h for h in _latin_hits(text) if all(h.outlet != a.outlet for a in arabic)]
    return sorted(arabic + latin, key=lambda hit: hit.position)


def extract_sources(doc: Document) -> tuple[Source, ...]:
    """Outlets the article cites, once each, in order of first citation."""
    headlines = tuple(fold(h) for h in doc.read_also if h.strip())
    seen: set[str] = set()
    sources: list[Source] = []
    for sentence in doc.sentences:
        for hit in _sentence_hits(sentence.text, headlines):
            if hit.outlet.key in seen:
                continue
            seen.add(hit.outlet.key)
            sources.append(Source(ar=hit.surface, en=hit.outlet.en, key=hit.outlet.key))
    logger.debug("%s cites %d outlets", doc.id, len(sources))
    return tuple(sources)
