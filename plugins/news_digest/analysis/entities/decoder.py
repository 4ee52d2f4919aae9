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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path
from types import MappingProxyType

import numpy as np
from scipy.sparse import csr_matrix

from .tagger import MODEL_PATH, Mention, load_tagger, mark_keys, mentions, own_and_near

logger = logging.getLogger(__name__)

_OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class Weights:
    """A CRF model's weights as arrays over its labels (in crfsuite's label order)."""

    labels: tuple[str, ...]
    transitions: np.ndarray  # [from label, to label]
    state: np.ndarray  # [attribute, label]
    ids: Mapping[str, int]  # attribute -> its row in ``state``


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
    state = np.zeros((len(ids), len(labels)))
    for (attr, label), weight in info.state_features.items():
        state[ids[attr], label_ids[label]] = weight
    transitions = np.zeros((len(labels), len(labels)))
    for (first, second), weight in info.transitions.items():
        transitions[label_ids[first], label_ids[second]] = weight
    logger.debug("CRF weights of %s: %d attributes", path, len(ids))
    return Weights(labels, _frozen(transitions), _frozen(state), MappingProxyType(ids))


_Ids = tuple[int, ...]


# Bounded: the most frequent words are what it is for (a miss costs a few microseconds).
@lru_cache(maxsize=50_000)
def token_ids(token: str, path: Path = MODEL_PATH) -> tuple[str, _Ids, tuple[_Ids, ...]]:
    """(stem, the rows of the token's own features, per offset in ``_OFFSETS`` the rows of
    what a neighbour at that offset sees of it); features the model has no weight for are
    left out, as crfsuite leaves them out."""
    ids = load_weights(path).ids
    stem, own, near = own_and_near(token)
    seen = tuple(_known(ids, [f"{off}:{f}" for f in near]) for off in _OFFSETS)
    return stem, _known(ids, own), seen


def _known(ids: Mapping[str, int], features: Sequence[str]) -> _Ids:
    return tuple([i for i in map(ids.get, features) if i is not None])


def sentence_rows(tokens: Sequence[str], path: Path = MODEL_PATH) -> list[list[int]]:
    """Per token, the attribute rows crfsuite would add up, in its order (that of
    ``tagger.sentence_features``), so every score is the same sum."""
    ids = load_weights(path).ids
    cached = [token_ids(t, path) for t in tokens]
    keys = [c[0] for c in cached]
    marks = mark_keys(keys)
    n = len(cached)
    rows = []
    for i in range(n):
        row = list(cached[i][1])
        if marks[i]:
            _add(row, ids, f"gm={marks[i]}")
        if i >= 2:
            row.extend(cached[i - 2][2][0])
        if i >= 1:
            row.extend(cached[i - 1][2][1])
            if marks[i - 1]:
                _add(row, ids, f"-1:gm={marks[i - 1]}")
        else:
            _add(row, ids, "-1:edge")
        if i + 1 < n:
            row.extend(cached[i + 1][2][2])
            if marks[i + 1]:
                _add(row, ids, f"1:gm={marks[i + 1]}")
        else:
            _add(row, ids, "1:edge")
        if i + 2 < n:
            row.extend(cached[i + 2][2][3])
        if i > 0:
            _add(row, ids, f"bi-={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            _add(row, ids, f"bi+={keys[i]}|{keys[i + 1]}")
        rows.append(row)
    return rows


def _add(row: list[int], ids: Mapping[str, int], feature: str) -> None:
    found = ids.get(feature)
    if found is not None:
        row.append(found)


def emissions(sentences: Sequence[Sequence[str]], path: Path = MODEL_PATH) -> list[np.ndarray]:
    """Per sentence, the score of each label at each token (tokens x labels): every token's
    rows summed at once, as one sparse product."""
    weights = load_weights(path)
    rows = [sentence_rows(s, path) for s in sentences]
    flat = [row for sentence in rows for row in sentence]
    indptr = np.fromiter(accumulate(map(len, flat), initial=0), dtype=np.intp)
    indices = np.fromiter(chain.from_iterable(flat), dtype=np.intp, count=int(indptr[-1]))
    shape = (len(flat), weights.state.shape[0])
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=shape)
    scores = np.asarray(matrix @ weights.state)
    ends = list(accumulate(len(s) for s in rows))
    return np.split(scores, ends[:-1]) if ends else []


def best_paths(scores: Sequence[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """Viterbi's best label indices for each sentence's scores, all sentences stepped together
    (longest first; a sentence drops out of the batch once it ends)."""
    order = sorted(range(len(scores)), key=lambda s: -len(scores[s]))
    lengths = [len(scores[s]) for s in order]
    if not lengths or lengths[0] == 0:
        return [[] for _ in scores]
    padded = np.zeros((len(order), lengths[0], transitions.shape[0]))
    for row, s in enumerate(order):
        padded[row, : lengths[row]] = scores[s]
    best = padded[:, 0].copy()
    back = []
    active = len(order)
    for t in range(1, lengths[0]):
        while lengths[active - 1] <= t:
            active -= 1
        step = best[:active, :, None] + transitions  # [sentence, from, to]
        back.append(step.argmax(axis=1))
        best[:active] = step.max(axis=1) + padded[:active, t]
    paths: list[list[int]] = [[] for _ in scores]
    for row, s in enumerate(order):
        if lengths[row]:
            paths[s] = _backtrack(int(best[row].argmax()), row, lengths[row], back)
    return paths


def _backtrack(last: int, row: int, length: int, back: Sequence[np.ndarray]) -> list[int]:
    path = [last]
    for t in range(length - 1, 0, -1):
        path.append(int(back[t - 1][row, path[-1]]))
    path.reverse()
    return path


def tag_sentences(sentences: Sequence[Sequence[str]], path: Path = MODEL_PATH) -> list[list[str]]:
    """IOB2 tags for each tokenised sentence (an empty sentence gets no tags)."""
    weights = load_weights(path)
    paths = best_paths(emissions(sentences, path), weights.transitions)
    return [[weights.labels[i] for i in p] for p in paths]


def tag(tokens: Sequence[str], path: Path = MODEL_PATH) -> list[str]:
    """IOB2 tags (O, B-PER, I-LOC, ...) for one sentence's tokens (see ``tagger.tokenize``)."""
    return tag_sentences([tokens], path)[0]


def tag_sentence(tokens: Sequence[str]) -> list[Mention]:
    """The mentions in one tokenised sentence."""
    return mentions(tag(tokens))
