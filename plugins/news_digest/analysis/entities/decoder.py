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
    return Weights(
        labels, _frozen(transitions), _frozen(state), MappingProxyType(ids), _pairs(ids), _near(ids)
    )


def _near(ids: Mapping[str, int]) -> Mapping[str, tuple[int, ...]]:
    """Feature -> the rows of "-2:feature", "-1:feature", "1:feature", "2:feature" (the zero
    row where the model has none): one look-up per feature a neighbour shows."""
    zero = len(ids)
    found: dict[str, list[int]] = {}
    for attr, row in ids.items():
        offset, colon, feature = attr.partition(":")
        if colon and offset in _PREFIXES:
            found.setdefault(feature, [zero] * len(_OFFSETS))[_PREFIXES[offset]] = row
    return MappingProxyType({feature: tuple(rows) for feature, rows in found.items()})


def _pairs(ids: Mapping[str, int]) -> Mapping[tuple[str, str], tuple[int | None, int | None]]:
    """(word, next word) -> rows of the pair's features as seen from the second word (bi-=)
    and from the first (bi+=)."""
    found: dict[tuple[str, str], tuple[int | None, int | None]] = {}
    for attr in ids:
        side, _, pair = attr.partition("=")
        if side in ("bi-", "bi+"):
            first, _, second = pair.partition("|")
            found[(first, second)] = (ids.get(f"bi-={pair}"), ids.get(f"bi+={pair}"))
    return MappingProxyType(found)


@dataclass(frozen=True)
class Scorer:
    """A model's weights and its scores per distinct token (``token_scores``), cached."""

    weights: Weights
    token: Callable[[str], tuple[str, np.ndarray]]


@lru_cache(maxsize=2)
def load_scorer(path: Path = MODEL_PATH) -> Scorer:
    weights = load_weights(path)
    # Bounded: the most frequent words are what it is for (a miss costs some microseconds).
    return Scorer(weights, lru_cache(maxsize=50_000)(partial(token_scores, weights=weights)))


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
    scorer = load_scorer(path)
    weights = scorer.weights
    longest = max(map(len, sentences))
    # Two zero tokens on either side stand for "no neighbour there".
    grid = np.zeros((len(sentences), longest + 4, 1 + len(_OFFSETS), len(weights.labels)))
    keys = []
    for row, sentence in enumerate(sentences):
        cached = [scorer.token(t) for t in sentence]
        keys.append([c[0] for c in cached])
        if cached:
            grid[row, 2 : 2 + len(cached)] = [c[1] for c in cached]
    end = longest + 2
    # Token i sits at 2 + i; what token i + off shows a neighbour at offset off lands on i.
    scores = grid[:, 2:end, 0] + grid[:, : end - 2, 1] + grid[:, 1 : end - 1, 2]
    scores += grid[:, 3 : end + 1, 3] + grid[:, 4:, 4]
    _add_sentence_features(scores, keys, weights)
    return scores


def _add_sentence_features(scores: np.ndarray, keys: Sequence[Sequence[str]], w: Weights) -> None:
    """Adds, in place, what depends on the sentence: listed-name marks (the token's and its
    neighbours'), the sentence's edges and word pairs (see ``tagger.sentence_features``)."""
    where: list[tuple[int, int]] = []
    rows: list[int] = []
    for s, stems in enumerate(keys):
        for i, found in _sentence_rows(stems, w):
            where.append((s, i))
            rows.append(found)
    if rows:
        at = np.array(where).T
        np.add.at(scores, (at[0], at[1]), w.state[rows])


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
    ordered = scores[order]
    sizes = [lengths[s] for s in order]
    best = ordered[:, 0].copy()
    back = []
    active = len(order)
    for t in range(1, sizes[0] if sizes else 0):
        while sizes[active - 1] <= t:
            active -= 1
        step = best[:active, :, None] + transitions  # [sentence, from, to]
        back.append(step.argmax(axis=1))
        best[:active] = step.max(axis=1) + ordered[:active, t]
    paths: list[list[int]] = [[] for _ in lengths]
    for row, s in enumerate(order):
        if sizes[row]:
            paths[s] = _backtrack(int(best[row].argmax()), row, sizes[row], back)
    return paths


def _backtrack(last: int, row: int, length: int, back: Sequence[np.ndarray]) -> list[int]:
    path = [last]
    for t in range(length - 1, 0, -1):
        path.append(int(back[t - 1][row, path[-1]]))
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
