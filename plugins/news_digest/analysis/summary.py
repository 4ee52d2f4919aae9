"""Extractive summary and key points for one article.

Everything is fitted on the article itself (no corpus model, nothing shipped but a stopword
list): sentences are scored by TF-ISF centrality (cosine to the article's term centroid),
similarity to the title and first sentence, and a lead-position prior, then picked greedily
with MMR so the summary does not repeat itself. A sentence that only makes sense after the one
before it ("وأضاف ...", "كما ...") is taken only when that one is taken too. Key points are the
best runs of whole clauses of the top-ranked sentences, at most 15 words, deduplicated.

Global parameters are the module constants below; eval/summaries.py measures them on EASC and
BBC Arabic against LEAD, TextRank and LexRank.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass

import Stemmer

from ..arabic import TOKEN_RE, fold
from ..ingest.sentences import quote_spans
from ..models import Document

logger = logging.getLogger(__name__)

MIN_SENTENCES = 2
MAX_SENTENCES = 4
DEFAULT_SENTENCES = 3
MAX_KEY_POINTS = 5  # the issue allows 3–6; five lines is what a reader skims
KEY_POINT_MAX_WORDS = 15
KEY_POINT_MIN_WORDS = 4
KEY_POINT_SLACK = 3  # a sentence this many words over the limit is kept whole

W_CENTRAL = 1.0  # cosine to the article centroid
W_QUERY = 1.0  # cosine to the title (when the outlet's own) plus the first sentence
W_POSITION = 0.9  # lead prior: news puts the core of the story first ...
POSITION_DECAY = 0.5  # ... as W_POSITION * exp(-POSITION_DECAY * index)
MMR_LAMBDA = 0.8  # relevance vs novelty in the greedy pick
DUPLICATE_COSINE = 0.6  # this close to a chosen sentence is a repeat: never taken
MIN_WORDS = 6  # shorter sentences are captions, datelines or fragments
LONG_WORDS = 90  # past this a run-on's score shrinks by LONG_WORDS / words
MAX_WORDS = 150  # past this it is a paragraph the splitter could not cut: last resort only
QUOTE_MIN_OUTSIDE_WORDS = 5  # fewer words outside quotation marks: a quote fragment
KEY_POINT_OVERLAP = 0.5  # key points sharing more than this share of terms are duplicates
LEAD_IN_WORDS = 3  # a comma after this few opening words ends a lead-in ("من جهته،")

# Opening words (folded) that hand the subject or the topic over from the previous sentence.
_CONTINUATION_TEXT = """
واضاف وتابع واشار كما واوضح واستطرد ومضي واردف ولفت وزاد واعتبر وبين واستدرك وختم ونوه
واكمل واختتم وشدد وهذا وهذه وذلك وهو وهي وهم وهما لكنه لكنها ولكنه ولكنها ايضا كذلك
بدوره بدورها وبدوره وبدورها
"""
# After "و<verb>", these mean no speaker is named: "وقال إن ..." continues the last speaker.
_SUBJECTLESS_TEXT = "ان انه انها انهم انهما قائلا قائله"
# Function words (folded) that carry no topic.
_STOPWORDS_TEXT = """
في من الي علي عن مع ان او ثم لا لم لن ما ماذا هل قد لقد كان كانت يكون تكون كانوا
هذا هذه ذلك تلك هولاء الذي التي الذين اللذين اللتين اللاتي هو هي هم هن انا نحن انت
له لها لهم لهن به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم اليه اليها
عند عندما حيث حين بين بعد قبل خلال منذ حتي لدي دون غير سوي كل بعض اي اذا اذ
لكن لكنه بل ام اما الا ليس ليست وقد وكان وكانت وهو وهي وهذا وهذه وذلك وفي ومن
والتي والذي ولا ولم وان وما كما ايضا كذلك فقط جدا اكثر اقل نحو عبر ضد امام وراء
تحت فوق مثل وفق وفقا حول اليوم امس يوم قال وقال قالت وقالت اضاف واضاف يمكن
هناك هنا ثمه وذكر ذكر اشار واشار اكد واكد
"""
# Words (folded) that open a scene-setting clause, which a key point leaves out.
_SCENE_OPENER_TEXT = "بعد وبعد قبل وقبل وسط مع عقب اثر اثناء خلال منذ رغم برغم وبرغم"
# Words (folded) that open a new clause: a key point may end just before them.
_CLAUSE_OPENER_TEXT = """
حيث وذلك مما بينما وسط بحسب وفق وفقا بعدما عقب لكن ولكن الا فيما اذ وبذلك الذي التي الذين
والذي والتي والذين حين عندما بعد قبل مقابل بهدف
"""

_QUOTE_CHARS = '"«»“”„'
_WORD_EDGE_PUNCT = _QUOTE_CHARS + "،,:؛;.()"
_CLAUSE_END_RE = re.compile(r"[،؛:,;]$")
_TRAILING_PUNCT_RE = re.compile(r"[\s،؛:,;.\-–—]+$")
# One table doing arabic.strip_marks (tashkeel, Quranic marks, tatweel) and ascii_digits: it
# runs once per word, where the pyarabic calls would cost more than the whole ranking.
_MARKS = [*range(0x610, 0x61B), *range(0x64B, 0x660), 0x670, *range(0x6D6, 0x6EE), 0x640]
_CLEAN_TABLE = {
    **dict.fromkeys(_MARKS),
    **{0x660 + d: str(d) for d in range(10)},
    **{0x6F0 + d: str(d) for d in range(10)},
}
# arabic.fold's letter mapping, for words whose marks are already gone.
_LETTER_FOLD = str.maketrans("أإآٱىة", "اااايه")


@dataclass(frozen=True)
class Summary:
    sentences: tuple[int, ...]  # indices into doc.sentences, in reading order (2–4)
    key_points: tuple[str, ...]  # 3–5 short, non-redundant Arabic lines


@dataclass(frozen=True)
class _Sentence:
    """What ranking needs to know about one sentence."""

    index: int
    text: str
    words: tuple[str, ...]  # whitespace words of the text
    word_terms: tuple[tuple[str, ...], ...]  # content stems of each word (often none)
    continuation: bool
    quote_fragment: bool

    @property
    def terms(self) -> Counter[str]:
        return Counter(t for terms in self.word_terms for t in terms)

    @property
    def usable(self) -> bool:
        """Fit to stand in a summary on its own merits."""
        fits = MIN_WORDS <= len(self.words) <= MAX_WORDS
        return fits and not self.quote_fragment


@dataclass(frozen=True)
class _Ranking:
    """Per-article statistics shared by sentence selection and key points."""

    sentences: tuple[_Sentence, ...]
    weights: dict[str, float]  # term -> inverse sentence frequency
    vectors: tuple[dict[str, float], ...]  # unit TF-ISF vector of each sentence
    scores: tuple[float, ...]


def summarize(doc: Document, n_sentences: int = DEFAULT_SENTENCES) -> Summary:
    """Pick 2–4 sentences (fewer only when the article has fewer) and 3–5 key points."""
    if not doc.sentences:
        return Summary((), ())
    stemmer = Stemmer.Stemmer("arabic")
    ranking = _rank(doc, stemmer)
    wanted = min(max(n_sentences, MIN_SENTENCES), MAX_SENTENCES, len(doc.sentences))
    chosen = _select(ranking, wanted)
    points = _key_points(ranking, chosen)
    logger.debug("summary of %s: sentences %s, %d key points", doc.id, chosen, len(points))
    return Summary(tuple(chosen), tuple(points))


# --- terms -------------------------------------------------------------------------------


def content_terms(text: str, stemmer: Stemmer.Stemmer) -> list[str]:
    """Folded Snowball stems of the text's non-stopword tokens, in order."""
    return [t for terms in _word_terms(text.split(), stemmer) for t in terms]


def _word_terms(words: list[str], stemmer: Stemmer.Stemmer) -> list[tuple[str, ...]]:
    """Content stems per whitespace word, stemmed in one batch. Stemming comes before
    folding: the Snowball stemmer needs the ta marbuta that folding turns into ha."""
    owners: list[int] = []
    tokens: list[str] = []
    for position, word in enumerate(words):
        for token in TOKEN_RE.findall(word.translate(_CLEAN_TABLE)):
            # Snowball keeps the conjunction on "والحكومات"; drop it so it meets "الحكومات".
            if len(token) > 4 and token[:3] in ("وال", "فال"):
                token = token[1:]
            if len(token) > 1 and token.translate(_LETTER_FOLD) not in _STOPWORDS:
                owners.append(position)
                tokens.append(token)
    per_word: list[list[str]] = [[] for _ in words]
    for position, stem in zip(owners, stemmer.stemWords(tokens), strict=True):
        per_word[position].append(stem.translate(_LETTER_FOLD))
    return [tuple(terms) for terms in per_word]


def _describe(index: int, text: str, stemmer: Stemmer.Stemmer) -> _Sentence:
    words = text.split()
    return _Sentence(
        index=index,
        text=text,
        words=tuple(words),
        word_terms=tuple(_word_terms(words, stemmer)),
        continuation=index > 0 and is_continuation(text),
        quote_fragment=is_quote_fragment(text),
    )


def is_continuation(text: str) -> bool:
    """Whether the sentence leans on the one before: a continuation opener ("وأضاف", "كما"),
    or a reporting verb with no named speaker ("وقال إن ...", "وأكد:")."""
    words = fold(text[:80]).split()[:2]
    if not words:
        return False
    first = words[0].strip(_WORD_EDGE_PUNCT)
    if first in _CONTINUATION_OPENERS:
        return True
    if not (first.startswith("و") and len(first) > 3):
        return False
    second = words[1].strip(_WORD_EDGE_PUNCT) if len(words) > 1 else ""
    return words[0].endswith(":") or second in _SUBJECTLESS_NEXT


def is_quote_fragment(text: str) -> bool:
    """A sentence that opens inside a quotation, or says almost nothing outside one: without
    its speaker and context it does not stand alone."""
    stripped = text.strip()
    if not any(mark in stripped for mark in _QUOTE_CHARS):
        return False  # the common case, and quote_spans walks the text in Python
    if stripped[:1] in _QUOTE_CHARS:
        return True
    spans = quote_spans(stripped)
    edges = [0, *(x for span in spans for x in span), len(stripped)]
    outside = " ".join(stripped[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True))
    return bool(spans) and len(outside.split()) < QUOTE_MIN_OUTSIDE_WORDS


def _fold_word(word: str) -> str:
    return word.translate(_CLEAN_TABLE).translate(_LETTER_FOLD).strip(_WORD_EDGE_PUNCT)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONTINUATION_OPENERS = _word_set(_CONTINUATION_TEXT)
_SUBJECTLESS_NEXT = _word_set(_SUBJECTLESS_TEXT)
_STOPWORDS = _word_set(_STOPWORDS_TEXT)
_CLAUSE_OPENERS = _word_set(_CLAUSE_OPENER_TEXT)
_SCENE_OPENERS = _word_set(_SCENE_OPENER_TEXT)


# --- ranking -----------------------------------------------------------------------------


def _rank(doc: Document, stemmer: Stemmer.Stemmer) -> _Ranking:
    sentences = tuple(_describe(i, s.text, stemmer) for i, s in enumerate(doc.sentences))
    counts = [s.terms for s in sentences]
    weights = _isf(counts)
    vectors = tuple(_tfidf(c, weights) for c in counts)
    query = _query_vector(doc, stemmer, weights)
    centroid = _unit(_sum_vectors(vectors))
    scores = tuple(_score(s, v, centroid, query) for s, v in zip(sentences, vectors, strict=True))
    return _Ranking(sentences, weights, vectors, scores)


def _score(sentence: _Sentence, vector, centroid, query) -> float:
    score = W_CENTRAL * _cosine(vector, centroid) + W_QUERY * _cosine(vector, query)
    score += W_POSITION * math.exp(-POSITION_DECAY * sentence.index)
    # Run-ons are hard to read in a summary box; shrink rather than forbid (EASC has many).
    return score * min(1.0, LONG_WORDS / max(len(sentence.words), 1))


def _isf(counts: list[Counter[str]]) -> dict[str, float]:
    """Inverse sentence frequency: the article's own IDF, its sentences as documents."""
    df: Counter[str] = Counter()
    for terms in counts:
        df.update(terms.keys())
    n = len(counts)
    return {term: math.log((n + 1) / (count + 0.5)) for term, count in df.items()}


def _tfidf(terms: Counter[str], weights: dict[str, float]) -> dict[str, float]:
    return _unit({t: (1 + math.log(c)) * weights.get(t, 0.0) for t, c in terms.items()})


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def _sum_vectors(vectors) -> dict[str, float]:
    total: dict[str, float] = {}
    for vector in vectors:
        for term, value in vector.items():
            total[term] = total.get(term, 0.0) + value
    return total


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _query_vector(doc: Document, stemmer: Stemmer.Stemmer, weights) -> dict[str, float]:
    """Title plus first sentence: what the story is about, in the writer's own words. A
    derived title is cut from the first sentence, so it would add nothing."""
    title = "" if doc.title_derived else doc.title
    text = f"{title} {doc.sentences[0].text}"
    return _tfidf(Counter(content_terms(text, stemmer)), weights)


# --- selection ---------------------------------------------------------------------------


def _select(ranking: _Ranking, wanted: int) -> list[int]:
    """Greedy MMR over usable sentences first, then over all if too few are usable."""
    chosen: list[int] = []
    usable = [s.index for s in ranking.sentences if s.usable]
    for pool in (usable, list(range(len(ranking.sentences)))):
        while len(chosen) < wanted:
            best = _best_candidate(ranking, pool, chosen)
            if best is None:
                break
            chosen.append(best)
    return sorted(chosen)


def _best_candidate(ranking: _Ranking, pool: list[int], chosen: list[int]) -> int | None:
    best, best_value = None, -math.inf
    for index in pool:
        if index in chosen or _dangling(ranking.sentences[index], chosen):
            continue
        vector = ranking.vectors[index]
        redundancy = max((_cosine(vector, ranking.vectors[j]) for j in chosen), default=0.0)
        if redundancy > DUPLICATE_COSINE:
            continue
        value = MMR_LAMBDA * ranking.scores[index] - (1 - MMR_LAMBDA) * redundancy
        if value > best_value:  # strict: a tie keeps the earlier sentence
            best, best_value = index, value
    return best


def _dangling(sentence: _Sentence, chosen: list[int]) -> bool:
    return sentence.continuation and sentence.index - 1 not in chosen


# --- key points --------------------------------------------------------------------------


def _key_points(ranking: _Ranking, chosen: list[int]) -> list[str]:
    """Short clauses in reading order, near-duplicates skipped. The lead fact comes from the
    best summary sentence; the rest prefer sentences the summary left out, so the points add
    to it rather than repeat it. Sentences that cannot stand alone come last, if needed."""
    order = sorted(range(len(ranking.scores)), key=lambda i: (-ranking.scores[i], i))
    alone = [i for i in order if _stands_alone(ranking.sentences[i])]
    top = [i for i in alone if i in chosen][:1]
    candidates = top + [i for i in alone if i not in chosen]
    candidates += [i for i in order if i not in candidates]
    picked: list[tuple[int, str, frozenset[str]]] = []
    for index in candidates:
        point, terms = key_point(ranking.sentences[index])
        if len(point.split()) < KEY_POINT_MIN_WORDS or not terms:
            continue
        if any(_overlap(terms, other) > KEY_POINT_OVERLAP for _, _, other in picked):
            continue
        picked.append((index, point, terms))
        if len(picked) == MAX_KEY_POINTS:
            break
    return [point for _, point, _ in sorted(picked)]


def _stands_alone(sentence: _Sentence) -> bool:
    return not (sentence.continuation or sentence.quote_fragment)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the other: a short point inside a long one counts."""
    return len(a & b) / max(min(len(a), len(b)), 1)


def key_point(sentence: _Sentence) -> tuple[str, frozenset[str]]:
    """The sentence's main clause and what follows it in whole clauses, at most
    KEY_POINT_MAX_WORDS words; a clause too long for that is cut at a word, with an ellipsis."""
    words = sentence.words
    bounds = _clause_bounds(words)
    start = _main_clause_start(words, bounds)
    last = start + KEY_POINT_MAX_WORDS
    if len(words) <= last + KEY_POINT_SLACK:
        last = len(words)  # a few words over: the whole sentence reads better than a cut
    fitting = [b for b in bounds if start + KEY_POINT_MIN_WORDS <= b <= last]
    end = fitting[-1] if fitting else _hard_cut(words, start, min(len(words), last))
    text = _TRAILING_PUNCT_RE.sub("", " ".join(words[start:end]))
    if end < len(words) and not fitting:
        text += " …"
    return text, frozenset(t for terms in sentence.word_terms[start:end] for t in terms)


def _hard_cut(words: tuple[str, ...], start: int, end: int) -> int:
    """Cut before a quotation left open and never after a function word ("في", "إلى")."""
    opener = _unclosed_quote(words[start:end])
    if opener is not None and opener >= KEY_POINT_MIN_WORDS:
        end = start + opener
    while end - start > KEY_POINT_MIN_WORDS and _fold_word(words[end - 1]) in _STOPWORDS:
        end -= 1
    return end


def _unclosed_quote(words: tuple[str, ...]) -> int | None:
    """Offset of the word opening a quotation that is still open after the last word."""
    open_at = None
    for i, word in enumerate(words):
        for char in word:
            if char in "«“":
                open_at = i
            elif char in "»”":
                open_at = None
            elif char == '"':
                open_at = i if open_at is None else None
    return open_at


def _main_clause_start(words: tuple[str, ...], bounds: list[int]) -> int:
    """Skip a short lead-in ("من جهته،") and leading scene-setting clauses ("بعد أسابيع من
    العنف، ...", "وسط ..."): the point starts where the news does."""
    in_scene = False
    for start, end in itertools.pairwise(bounds):
        first = _fold_word(words[start])
        scene = first in _SCENE_OPENERS or (in_scene and first.startswith("و"))
        lead_in = start == 0 and end <= LEAD_IN_WORDS and _CLAUSE_END_RE.search(words[end - 1])
        if not (scene or lead_in):
            return start if len(words) - start >= KEY_POINT_MIN_WORDS else 0
        in_scene = scene
    return 0


def _clause_bounds(words: tuple[str, ...]) -> list[int]:
    """Word offsets where a clause may start or end: after , ؛ : and before clause openers."""
    bounds = {0, len(words)}
    for i, word in enumerate(words):
        if _CLAUSE_END_RE.search(word):
            bounds.add(i + 1)
        if i and _fold_word(word) in _CLAUSE_OPENERS:
            bounds.add(i)
    return sorted(bounds)
