"""Content vectors for linking: folded, stemmed Arabic TF-IDF and sparse top-k neighbours.

Everything here stays sparse or works on bounded row chunks: the all-pairs similarity is never
materialised as an N x N matrix. A chunk of rows is multiplied against the whole (sparse) corpus,
turned into a small dense block, reduced to its top candidates, and thrown away.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import scipy.sparse as sp
import Stemmer
from sklearn.feature_extraction.text import TfidfVectorizer

logger = logging.getLogger(__name__)

# Function words that carry no topic; already folded (ة->ه, ى->ي, hamza alefs->ا) because they
# are compared with folded tokens. IDF (and max_df) discounts the rest of the common vocabulary;
# listed here are the words common in every section of a news site yet below max_df in a corpus
# of one section, and the ones a link must never be explained by.
_STOPWORDS_TEXT = """
    في من الي علي عن مع ان او ما لا لم لن قد ثم بين حتي منذ عند الذي التي الذين اللذين اللتين
    هذا هذه ذلك تلك هناك هنا هو هي هم هن انه انها كان كانت يكون تكون كانوا وقد وفي ومن والي
    وعلي وان او اي كل بعض غير بعد قبل خلال حيث كما اذا اذ لقد ليس له لها لهم به بها فيه فيها
    منه منها عليه عليها اليه اليها وهو وهي الا اما ايضا اكثر اقل حول ضد دون لدي تم وقال
    قال وقالت قالت يوم اليوم امس عام وكان وكانت التي والتي الذي والذي الي اي وذلك وهذا وهذه
    يمكن مثل نحو عبر لكن ولكن بل كذلك فقط ولا وما ومع وعن الان جدا
    بشان بسبب فيما بان بانه بانها فان عندما بعدما بينما حين مما ضمن تحت داخل خارج لما لان
    فقد بما رغم نفسه نفسها اثناء عقب اثر اجل جميع عده عدد احد احدي اخري اخر الاخري الاخر
    بشكل امام يتم يجب لكنه لكنها ربما يبدو هل نحن انهم يكن بذلك الكثير العديد اضافه
    بالاضافه بينهم بينها انما لذلك مجرد سوي ام عليهم عنه عنها لديه لديها تجاه
"""
# Reporting verbs and attributions ("he added", "according to"), day and month names (Gregorian
# and Levantine), relative time ("last week") and agency bylines: every article has some, so two
# articles sharing them share a writing style (often an outlet's), not a subject.
_NEWS_BOILERPLATE_TEXT = """
    اضاف اضافت قائلا قائله اكد اكدت اوضح اوضحت تابع اشار اشارت مشيرا مشيره نقلت نقل ذكرت ذكر
    اعلن اعلنت جاء قوله بحسب وفقا وفق حسب صرح لفت اعتبر يقول تقول يضيف
    السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه
    يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    كانون شباط اذار نيسان ايار حزيران تموز ايلول تشرين
    الماضي الماضيه المقبل المقبله الحالي الحاليه الاسبوع الشهر العام عاما مساء صباح
    الوقت حاليا ايام سنوات ساعات ساعه دقائق غدا
    وكاله الانباء صحيفه مصادر مصدر تقارير تقرير رويترز فرانس برس اسوشيتد cnn bbc
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split()) | frozenset(_NEWS_BOILERPLATE_TEXT.split())
_CONJUNCTIONS = ("و", "ف")  # written attached: واضاف, فقد, وبحسب are their stopword
_NUMBER_PREFIXES = "والبلف"  # letters glued to a number: و6, ال30, ب2018, لل18
MIN_TOKEN_CHARS = 2
MAX_DF_MIN_DOCS = 20  # below this many documents a max_df cut would remove the shared topic words
TITLE_WEIGHT = 2  # the headline names the event; count its words twice


@dataclass(frozen=True)
class Analyzed:
    """Stemmed token lists per document and a readable word for each stem."""

    stems: tuple[tuple[str, ...], ...]
    display: dict[str, str]  # stem -> most frequent surface word (folded), for explanations


@dataclass(frozen=True)
class Vectors:
    matrix: sp.csr_matrix  # rows L2-normalised, float32
    vocabulary: tuple[str, ...]  # column -> stem


@dataclass(frozen=True)
class Neighbours:
    """Per row, candidate columns and scores, best first (ties by column = by input order)."""

    indices: tuple[np.ndarray, ...]
    scores: tuple[np.ndarray, ...]


def content_words(folded: Sequence[str]) -> list[str]:
    """Folded tokens (``arabic.tokens``) without function words, single letters or numbers."""
    return [t for t in folded if len(t) >= MIN_TOKEN_CHARS and not is_stopword(t)]


def is_stopword(token: str) -> bool:
    """A function or boilerplate word (with or without و/ف attached) or a number.

    Numbers go even with a prefix glued on (و6, ال30): dates, scores and counts repeat across
    unrelated articles. Latin letters with digits (F16, S400, 5G) name things and stay.
    """
    if token in STOPWORDS:
        return True
    if token[0] in _CONJUNCTIONS and token[1:] in STOPWORDS:
        return True
    return token.lstrip(_NUMBER_PREFIXES).isdigit() or token.isdigit()


def analyze(docs: Sequence[Sequence[str]]) -> Analyzed:
    """Filter and stem folded token lists; each distinct word is stemmed once."""
    stemmer = Stemmer.Stemmer("arabic")
    words = [content_words(doc) for doc in docs]
    counts = Counter(chain.from_iterable(words))
    vocab = sorted(counts)
    stem_of = dict(zip(vocab, stemmer.stemWords([stemmer_input(w) for w in vocab]), strict=True))
    best: dict[str, tuple[int, str]] = {}
    for word in vocab:  # the most frequent surface form names the stem (ties: first in order)
        stem = stem_of[word]
        if stem not in best or counts[word] > best[stem][0]:
            best[stem] = (counts[word], word)
    stems = tuple(tuple(map(stem_of.__getitem__, ws)) for ws in words)
    # Shown to readers: give the folded word its ta marbuta back (المدينه -> المدينة).
    return Analyzed(stems=stems, display={s: stemmer_input(w) for s, (_, w) in best.items()})


def stemmer_input(word: str) -> str:
    """Undo the two foldings that confuse Snowball: ``ه`` for ``ة`` and a leading ``و`` + ``ال``.

    ``fold`` writes ta marbuta as ha; Snowball strips a final ة but keeps ه after the article
    (المدينه -> مدينه, yet مدينه -> مدين), so a final ه goes back to ة (a pronoun ه is a suffix
    to drop either way). Snowball does not split the conjunction و from the article ال.
    """
    if word.startswith("وال") and len(word) > 5:
        word = word[1:]
    if word.endswith("ه") and len(word) > 3:
        word = word[:-1] + "ة"
    return word


def tfidf(docs: Sequence[Sequence[str]]) -> Vectors:
    """Sublinear TF-IDF over pre-tokenised documents, rows L2-normalised."""
    n = len(docs)
    vectorizer = TfidfVectorizer(
        analyzer=_identity,
        sublinear_tf=True,
        max_df=0.5 if n >= MAX_DF_MIN_DOCS else 1.0,
        dtype=np.float32,
    )
    if not any(docs):
        return Vectors(sp.csr_matrix((n, 0), dtype=np.float32), ())
    try:
        matrix = vectorizer.fit_transform(docs).tocsr()
    except ValueError:
        # Every term is in more than half the documents (a folder of copies): nothing
        # distinguishes them, so there is no text signal to link on.
        logger.info("No distinguishing terms across %d documents", n)
        return Vectors(sp.csr_matrix((n, 0), dtype=np.float32), ())
    vocabulary = tuple(vectorizer.get_feature_names_out())
    return Vectors(matrix=matrix, vocabulary=vocabulary)


def _identity(doc: Sequence[str]) -> Sequence[str]:
    return doc


def with_title(title: Sequence[str], body: Sequence[str]) -> list[str]:
    return [*title] * TITLE_WEIGHT + [*body]


@dataclass(frozen=True)
class Space:
    """What related-article scores are computed from: text and (optional) entity vectors.

    The score of a pair is the text cosine times ``1 + entity_weight * entity cosine``: shared
    entities raise a link the words already support, but never make one on their own. (A blend
    ``(1 - w) * text + w * entities`` did: two articles naming only the same country have an
    entity cosine near 1, and on ant_multisource that blend lowered top-3 category agreement
    on both halves, 0.799 -> 0.779 and 0.772 -> 0.759, where this product keeps 0.794 / 0.769
    while linking more articles.) Articles without entities keep their text score.
    """

    text: sp.csr_matrix
    entities: sp.csr_matrix | None = None
    entity_weight: float = 0.0


def block_scores(space: Space, rows: slice) -> np.ndarray:
    """Dense scores of a row chunk against every article (chunk x N, never N x N)."""
    block = (space.text[rows] @ space.text.T).toarray()
    ent = space.entities
    if ent is None or ent.shape[1] == 0 or space.entity_weight <= 0:
        return block
    block *= 1 + space.entity_weight * (ent[rows] @ ent.T).toarray()
    return block


def neighbours(
    space: Space, k: int, group_of: np.ndarray, allowed: np.ndarray, chunk: int = 256
) -> Neighbours:
    """The k best allowed articles per article, skipping its own duplicate group (and itself)."""
    indices: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    for start in range(0, space.text.shape[0], chunk):
        rows = slice(start, start + chunk)
        block = block_scores(space, rows)
        block[:, ~allowed] = -1.0
        block[group_of[rows][:, None] == group_of[None, :]] = -1.0
        for row in block:
            idx, val = _best(row, k)
            indices.append(idx)
            scores.append(val)
    return Neighbours(indices=tuple(indices), scores=tuple(scores))


def top_k(left: sp.csr_matrix, right: sp.csr_matrix, k: int, chunk: int = 256) -> Neighbours:
    """The k best rows of ``right`` for each row of ``left`` by dot product, chunk by chunk."""
    indices: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    for start in range(0, left.shape[0], chunk):
        for row in (left[start : start + chunk] @ right.T).toarray():
            idx, val = _best(row, k)
            indices.append(idx)
            scores.append(val)
    return Neighbours(indices=tuple(indices), scores=tuple(scores))


def _best(row: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Top k positive entries, by score descending then index ascending."""
    positive = np.flatnonzero(row > 0)
    if positive.size > k:
        # Keep every candidate tied with the k-th score so the tie-break by index is exact.
        kth = np.partition(row[positive], positive.size - k)[positive.size - k]
        positive = positive[row[positive] >= kth]
    order = np.lexsort((positive, -row[positive]))[:k]
    chosen = positive[order]
    return chosen, row[chosen]


def shared_terms(
    matrix: sp.csr_matrix, pairs: Sequence[tuple[int, int]], vocabulary: Sequence[str], limit: int
) -> list[list[str]]:
    """Per pair of rows, the stems both carry by tf-idf weight product (ties by stem).

    One elementwise product over all pairs at once: per-pair sparse operations cost more in
    Python overhead than in arithmetic.
    """
    if not pairs:
        return []
    left = matrix[[i for i, _ in pairs]]
    right = matrix[[j for _, j in pairs]]
    products = left.multiply(right).tocsr()
    found = []
    for n in range(products.shape[0]):
        cols, weights = _row(products, n)
        order = np.lexsort((cols, -weights))[:limit]  # vocabulary is sorted: col order = stem
        found.append([vocabulary[c] for c in cols[order]])
    return found


def _row(matrix: sp.csr_matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
    return matrix.indices[lo:hi], matrix.data[lo:hi]


def keyed_matrix(rows: Iterable[dict[str, float]], n: int) -> tuple[sp.csr_matrix, list[str]]:
    """A sparse matrix from per-row {key: weight} dicts, columns in sorted key order."""
    rows = list(rows)
    keys = sorted({k for r in rows for k in r})
    column = {k: c for c, k in enumerate(keys)}
    data, ind, ptr = [], [], [0]
    for r in rows:
        for k in sorted(r):
            ind.append(column[k])
            data.append(r[k])
        ptr.append(len(ind))
    shape = (n, len(keys))
    return sp.csr_matrix((np.asarray(data, np.float32), ind, ptr), shape=shape), keys
