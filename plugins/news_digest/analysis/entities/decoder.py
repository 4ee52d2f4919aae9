"""The CRF's tags computed from its weights: the same scores and the same best path as
crfsuite's tagger, without building a feature row per token.

crfsuite scores a token's label by adding the weight of every attribute the token carries, and
picks the label sequence by Viterbi over those scores and the label-to-label weights. Most of
its time went to looking up some 35 attribute strings per token, for every sentence, though a
token's own features and what its neighbours see of it never change. Here those sums are made
once per distinct token (bounded cache) and a sentence only adds its few per-sentence features
(listed-name marks, edges, word pairs). Viterbi runs on all sentences of a call at once, one
NumPy step per token position, breaking ties as crfsuite does (the lowest label index wins).

``tests/test_ner_decoder.py`` checks the tags against crfsuite's own on sentences of ours and
on random token sequences.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, pairwise
from pathlib import Path
from types import MappingProxyType

import numpy as np

from .tagger import MODEL_PATH, Mention, load_tagger, mark_keys, mentions, own_and_near

logger = logging.getLogger(__name__)

_OFFSETS = (-2, -1, 1, 2)
_PREFIXES = MappingProxyType({str(off): k for k, off in enumerate(_OFFSETS)})
_NONE_SEEN = ((),) * len(_OFFSETS)


@dataclass(frozen=True)
class Weights:
    """A CRF model's weights as arrays over its labels (in crfsuite's label order)."""

    labels: tuple[str, ...]
    transitions: np.ndarray  # [from label, to label]
    state: np.ndarray  # [attribute, label], and a last row of zeros
    ids: Mapping[str, int]  # attribute -> its row in ``state``
    pairs: Mapping[tuple[str, str], tuple[int | None, int | None]]  # rows of bi-= and bi+=
    near: Mapping[str, tuple[int, ...]]  # feature -> its row at each offset (else the zero row)


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


@lru_cache(maxsize=2)
def load_weights(path: Path = MODEL_PATH) -> Weights:
    tagger = load_tagger(path)
    labels = tuple(tagger.labels())
    label_ids = {label: i for i, label in enumerate(labels)}
    info = tagger.info()
    ids: dict[str, int] = {}
    for attr, _ in info.state_features:
        ids.setdefault(attr, len(ids))
    state = np.zeros((len(ids) + 1, len(labels)))  # the last row stays zero
    for (attr, label), weight in info.state_features.items():
        state[ids[attr], label_ids[label]] = weight
    transitions = np.zeros((len(labels), len(labels)))
    for (first, second), weight in info.transitions.items():
        transitions[label_ids[first], label_ids[second]] = weight
    logger.debug("CRF weights of %s: %d attributes", path, len(ids))
    # Plain dicts, never changed after this: a read-only proxy costs a look-up per feature.
    return Weights(labels, _frozen(transitions), _frozen(state), ids, _pairs(ids), _near(ids))


def _near(ids: Mapping[str, int]) -> Mapping[str, tuple[int, ...]]:
    """Feature -> the rows of "-2:feature", "-1:feature", "1:feature", "2:feature" (the zero
    row where the model has none): one look-up per feature a neighbour shows."""
    zero = len(ids)
    found: dict[str, list[int]] = {}
    for attr, row in ids.items():
        offset, colon, feature = attr.partition(":")
        if colon and offset in _PREFIXES:
            found.setdefault(feature, [zero] * len(_OFFSETS))[_PREFIXES[offset]] = row
    return {feature: tuple(rows) for feature, rows in found.items()}


def _pairs(ids: Mapping[str, int]) -> Mapping[tuple[str, str], tuple[int | None, int | None]]:
    """(word, next word) -> rows of the pair's features as seen from the second word (bi-=)
    and from the first (bi+=)."""
    found: dict[tuple[str, str], tuple[int | None, int | None]] = {}
    for attr in ids:
        side, _, pair = attr.partition("=")
        if side in ("bi-", "bi+"):
            first, _, second = pair.partition("|")
            found[(first, second)] = (ids.get(f"bi-={pair}"), ids.get(f"bi+={pair}"))
    return found


class TokenCache:
    """The stem and scores (``token_scores``) of the tokens met, the scores a row each of one
    table, so that a call gathers its tokens' rows with one index (stacking ~300 small arrays
    per article cost more). Bounded: the least recently used go first, their rows reused.

    A call's new tokens are scored together: one NumPy gather and one sum for all of them cost
    less than a pair of calls per token."""

    def __init__(self, weights: Weights, limit: int = 50_000) -> None:
        self.weights = weights
        self.limit = limit
        self._found: OrderedDict[str, tuple[str, int]] = OrderedDict()  # token -> stem, row
        self._free: list[int] = []
        # Row 0 stays zero: the blank token around each sentence ("no neighbour there").
        self._table = np.zeros((1024, 1 + len(_OFFSETS), len(weights.labels)))

    def gather(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], np.ndarray]:
        """(each sentence's stems, the scores of its tokens, sentences one after the other with
        two blank tokens before each and after the last: [position, own / offset, label])."""
        found = self._found
        distinct = dict.fromkeys(chain.from_iterable(sentences))
        new = []
        for token in distinct:
            if token in found:
                found.move_to_end(token)
            else:
                new.append(token)
        if new:
            self._add(new, len(distinct) - len(new))
        keys = []
        where = [0, 0]
        for sentence in sentences:
            cached = [found[t] for t in sentence]
            keys.append([c[0] for c in cached])
            where.extend([c[1] for c in cached])
            where += (0, 0)
        return keys, self._table.take(where, axis=0)

    def _add(self, tokens: list[str], keep: int) -> None:
        """Scores ``tokens`` into free rows; the oldest go, never one of the ``keep`` tokens
        this call found (so a call longer than ``limit`` stays whole)."""
        found, free = self._found, self._free
        for _ in range(min(len(found) + len(tokens) - self.limit, len(found) - keep)):
            free.append(found.popitem(last=False)[1][1])
        used = len(found) + len(free)
        rows = [free.pop() if free else (used := used + 1) for _ in tokens]
        if used >= len(self._table):
            grown = np.zeros((2 * used, *self._table.shape[1:]))
            grown[: len(self._table)] = self._table
            self._table = grown
        stems, scores = token_scores(tokens, self.weights)
        self._table[rows] = scores
        found.update(zip(tokens, zip(stems, rows, strict=True), strict=True))


@dataclass(frozen=True)
class Scorer:
    """A model's weights and its scores per distinct token, cached."""

    weights: Weights
    tokens: TokenCache


@lru_cache(maxsize=2)
def load_scorer(path: Path = MODEL_PATH) -> Scorer:
    weights = load_weights(path)
    return Scorer(weights, TokenCache(weights))


def token_scores(tokens: Sequence[str], weights: Weights) -> tuple[list[str], np.ndarray]:
    """Each token's stem, and its scores: per label, the weights of its own features (row 0)
    and of what a neighbour at each offset of ``_OFFSETS`` sees of it (rows 1-4). A feature the
    model has no weight for adds nothing, as in crfsuite. Each group of rows is summed in its
    order, all tokens' groups by one ``reduceat``: the same sums as one token at a time."""
    stems: list[str] = []
    rows: list[int] = []
    starts: list[int] = []
    for token in tokens:
        stem, own, near = own_and_near(token)
        stems.append(stem)
        _feature_rows(own, near, weights, rows, starts)
    sums = np.add.reduceat(weights.state[rows], starts)
    return stems, sums.reshape(len(tokens), 1 + len(_OFFSETS), -1)


def _feature_rows(
    own: Sequence[str], near: Sequence[str], w: Weights, rows: list[int], starts: list[int]
) -> None:
    """Appends a token's five groups of rows of ``w.state`` (its own features, then what each
    offset sees) and where each group starts. Every group ends with the zero row, so none is
    empty."""
    ids, seen, zero = w.ids, w.near, len(w.state) - 1
    starts.append(len(rows))
    rows += [i for i in map(ids.get, own) if i is not None]
    rows.append(zero)
    for column in list(zip(*[seen[f] for f in near if f in seen], strict=True)) or _NONE_SEEN:
        starts.append(len(rows))
        rows += column
        rows.append(zero)


def emissions(sentences: Sequence[Sequence[str]], path: Path = MODEL_PATH) -> np.ndarray:
    """The score of each label at each token: [sentence, token, label], sentences padded with
    zeros to the longest. A token's score is its own features' weights, its neighbours' (two
    on each side, within the sentence) and those of the sentence's own features."""
    flat, starts = _flat_emissions(sentences, load_scorer(path))
    lengths = [len(s) for s in sentences]
    scores = np.zeros((len(sentences), max(lengths), flat.shape[1]))
    for row, (start, n) in enumerate(zip(starts, lengths, strict=True)):
        scores[row, :n] = flat[start : start + n]
    return scores


def _flat_emissions(
    sentences: Sequence[Sequence[str]], scorer: Scorer
) -> tuple[np.ndarray, list[int]]:
    """Every sentence's scores one after the other ([position, label]) and where each starts.
    Two zero tokens around each sentence stand for "no neighbour there"."""
    keys, grid = scorer.tokens.gather(sentences)
    starts = list(accumulate((len(k) + 2 for k in keys[:-1]), initial=0))
    end = len(grid) - 2
    # Block p + 2 holds token p; what token p + off shows a neighbour at offset off lands on
    # p. Added in the order the padded grid added them, so the sums are the same to the bit.
    flat = grid[2:end, 0] + grid[: end - 2, 1] + grid[1 : end - 1, 2]
    flat += grid[3 : end + 1, 3] + grid[4:, 4]
    _add_sentence_features(flat, starts, keys, scorer.weights)
    return flat, starts


def _add_sentence_features(
    flat: np.ndarray, starts: Sequence[int], keys: Sequence[Sequence[str]], w: Weights
) -> None:
    """Adds, in place, what depends on the sentence: listed-name marks (the token's and its
    neighbours'), the sentence's edges and word pairs (see ``tagger.sentence_features``)."""
    where: list[int] = []
    rows: list[int] = []
    for start, stems in zip(starts, keys, strict=True):
        for i, found in _sentence_rows(stems, w):
            where.append(start + i)
            rows.append(found)
    if rows:
        np.add.at(flat, where, w.state[rows])


def _sentence_rows(keys: Sequence[str], w: Weights) -> list[tuple[int, int]]:
    """(token index, attribute row) of the features of a token that depend on its sentence."""
    n = len(keys)
    if not n:
        return []
    found = [(0, w.ids.get("-1:edge")), (n - 1, w.ids.get("1:edge"))]
    for i, mark in enumerate(mark_keys(keys)):
        if mark:
            found.append((i, w.ids.get(f"gm={mark}")))
            if i + 1 < n:
                found.append((i + 1, w.ids.get(f"-1:gm={mark}")))
            if i > 0:
                found.append((i - 1, w.ids.get(f"1:gm={mark}")))
    # Most word pairs have no weight: one look-up per pair finds the few that do.
    for i, pair in enumerate(map(w.pairs.get, pairwise(keys)), 1):
        if pair is not None:
            found.extend([(i, pair[0]), (i - 1, pair[1])])
    return [(i, row) for i, row in found if row is not None]


def best_paths(
    scores: np.ndarray, lengths: Sequence[int], transitions: np.ndarray
) -> list[list[int]]:
    """Viterbi's best label indices for each sentence (``scores``: [sentence, token, label],
    padded), all sentences stepped together; a sentence drops out of the batch once it ends."""
    order = sorted(range(len(lengths)), key=lambda s: -lengths[s])
    sizes = [lengths[s] for s in order]
    lasts, back = _forward(scores[order].transpose(1, 0, 2), sizes, transitions)
    paths: list[list[int]] = [[] for _ in lengths]
    labels = len(transitions)
    for row, s in enumerate(order):
        if sizes[row]:
            paths[s] = _backtrack(lasts[row], row * labels, sizes[row], back)
    return paths


def _forward(
    ordered: np.ndarray, sizes: Sequence[int], transitions: np.ndarray
) -> tuple[list[int], list[list[int]]]:
    """(each sentence's best last label, back-pointers [token - 1][sentence * labels + label])
    of ``ordered``: [token, sentence, label], sentences longest first (``sizes``)."""
    rows = np.arange(len(sizes))[:, None]
    here, cols = rows, np.arange(transitions.shape[0])[None, :]
    best = ordered[0].copy()
    lasts = [0] * len(sizes)
    back = []
    active = len(sizes)
    for t in range(1, max(sizes, default=0) + 1):
        if sizes[active - 1] <= t:
            ended = active
            while active and sizes[active - 1] <= t:
                active -= 1
            lasts[active:ended] = best[active:ended].argmax(axis=1).tolist()
            best, here = best[:active], rows[:active]
        if not active:
            break
        step = best[:, :, None] + transitions  # [sentence, from, to]
        came = step.argmax(axis=1)  # ties: the lowest label, as in crfsuite
        back.append(came.ravel().tolist())  # flat: fewer lists for the collector to track
        # The maximum taken where argmax found it: one call fewer than max() per token.
        best = step[here, came, cols]
        best += ordered[t, :active]
    return lasts, back


def _backtrack(last: int, base: int, length: int, back: Sequence[list[int]]) -> list[int]:
    path = [last]
    for t in range(length - 2, -1, -1):
        path.append(back[t][base + path[-1]])
    path.reverse()
    return path


def tag_sentences(sentences: Sequence[Sequence[str]], path: Path = MODEL_PATH) -> list[list[str]]:
    """IOB2 tags for each tokenised sentence (an empty sentence gets no tags)."""
    if not any(sentences):
        return [[] for _ in sentences]
    weights = load_weights(path)
    scores = emissions(sentences, path)
    paths = best_paths(scores, [len(s) for s in sentences], weights.transitions)
    return [[weights.labels[i] for i in p] for p in paths]


def tag(tokens: Sequence[str], path: Path = MODEL_PATH) -> list[str]:
    """IOB2 tags (O, B-PER, I-LOC, ...) for one sentence's tokens (see ``tagger.tokenize``)."""
    return tag_sentences([tokens], path)[0]


def tag_sentence(tokens: Sequence[str]) -> list[Mention]:
    """The mentions in one tokenised sentence."""
    return mentions(tag(tokens))
