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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

import numpy as np

from .tagger import MODEL_PATH, Mention, load_tagger, mark_keys, mentions, own_and_near

logger = logging.getLogger(__name__)

_OFFSETS = (-2, -1, 1, 2)
_PREFIXES = MappingProxyType({str(off): k for k, off in enumerate(_OFFSETS)})


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


@dataclass(frozen=True)
class Scorer:
    """A model's weights and its scores per distinct token (``token_scores``), cached."""

    weights: Weights
    token: Callable[[str], tuple[str, np.ndarray]]
    blank: np.ndarray  # what no token adds: zeros shaped as a token's scores


@lru_cache(maxsize=2)
def load_scorer(path: Path = MODEL_PATH) -> Scorer:
    weights = load_weights(path)
    # Bounded: the most frequent words are what it is for (a miss costs some microseconds).
    token = lru_cache(maxsize=50_000)(partial(token_scores, weights=weights))
    blank = _frozen(np.zeros((1 + len(_OFFSETS), len(weights.labels))))
    return Scorer(weights, token, blank)


def token_scores(token: str, weights: Weights) -> tuple[str, np.ndarray]:
    """(stem, scores): per label, the weights of the token's own features (row 0) and of what
    a neighbour at each offset of ``_OFFSETS`` sees of it (rows 1-4). A feature the model has
    no weight for adds nothing, as in crfsuite."""
    stem, own, near = own_and_near(token)
    zero = weights.state.shape[0] - 1  # every group ends with it, so none is empty
    rows = [i for i in map(weights.ids.get, own) if i is not None]
    rows.append(zero)
    starts = [0]
    seen = [weights.near[f] for f in near if f in weights.near]
    for k in range(len(_OFFSETS)):
        starts.append(len(rows))
        rows.extend([r[k] for r in seen])
        rows.append(zero)
    return stem, _frozen(np.add.reduceat(weights.state[rows], starts))


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
    blank = scorer.blank
    blocks = [blank, blank]
    keys = []
    starts = []
    for sentence in sentences:
        cached = [scorer.token(t) for t in sentence]
        keys.append([c[0] for c in cached])
        starts.append(len(blocks) - 2)
        blocks.extend([c[1] for c in cached])
        blocks += (blank, blank)
    grid = np.array(blocks)  # [position, own / offset, label]
    end = len(blocks) - 2
    # Block p + 2 holds token p; what token p + off shows a neighbour at offset off lands on
    # p. Added in crfsuite's feature order, so the sums are the same to the last bit.
    flat = grid[2:end, 0] + grid[: end - 2, 1] + grid[1 : end - 1, 2]
    flat += grid[3 : end + 1, 3]
    flat += grid[4:, 4]
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
    for row, s in enumerate(order):
        if sizes[row]:
            paths[s] = _backtrack(lasts[row], row, sizes[row], back)
    return paths


def _forward(
    ordered: np.ndarray, sizes: Sequence[int], transitions: np.ndarray
) -> tuple[list[int], list[list[list[int]]]]:
    """(each sentence's best last label, back-pointers [token - 1][sentence][label]) of
    ``ordered``: [token, sentence, label], sentences longest first (``sizes``)."""
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
        back.append(came.tolist())
        # The maximum taken where argmax found it: one call fewer than max() per token.
        best = step[here, came, cols]
        best += ordered[t, :active]
    return lasts, back


def _backtrack(last: int, row: int, length: int, back: Sequence[list[list[int]]]) -> list[int]:
    path = [last]
    for t in range(length - 2, -1, -1):
        path.append(back[t][row][path[-1]])
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
