"""The joint-sequence name model and its beam decoder (used by ``romanize``).

An interpolated Witten-Bell n-gram model over joint (Arabic chunk, English chunk) tokens, read
from ``data/name_model.tsv`` (trained by ``tools/build_name_data.py``). Decoding spells one
Arabic key as the ``NBEST`` most likely English strings, by a beam search over the chunks.

Three things keep decoding cheap without changing a single score:

- the probabilities of all English options of a chunk are computed as one vector per history,
  and a history the model never saw is skipped for its longest seen suffix (interpolation
  would only pass the shorter history's estimate through), so the memo is keyed by far fewer
  histories;
- a hypothesis's extensions are not all built before pruning: a candidate that scores below
  the ``beam``-th best extension of some single hypothesis can never be among the ``beam``
  best, so only those at or above that threshold are built and pruned as before;
- the END scores that close the last hypotheses come as one memoised vector per (last tokens,
  chunk), and only the ``nbest`` best spellings are sorted out.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import filterfalse, islice, repeat
from operator import truediv
from pathlib import Path
from types import MappingProxyType

# Joint tokens are "arabic|english"; the n-gram rows name the model's order in their length.
START, END = "^", "$"
MAX_ARABIC_CHUNK = 1
# Chosen on the dev pairs (a tenth of Google's train words, out of all training): beam 4 spells
# as well as 12 there (top-1 0.258 vs 0.250 on 400 words) in a quarter of the time.
BEAM = 4
MEMO_MAX = 50_000  # entries of the model's probability memo (about 20 MB)
# Entries of each option memo: one holds every option of a chunk (tens of floats). Keyed by
# seen histories only, 500 already catch most lookups; worker processes each keep their own.
OPTION_MEMO_MAX = 500
NBEST = 4
# Entries of the memo of option probabilities after a history of one token or none: all longer
# histories interpolate with them, and clearing them with the rest made about a third of all
# vectors again. Articles meet a few thousand such keys (a vector each: ~13 MB when full).
SHORT_MEMO_MAX = 4000
# Options of a chunk that no history above the empty one has counts for, computed before the
# step of a hypothesis that will not end the word (see top_steps): they bound the rest.
TOP_PLAIN = 4
# Last options per hypothesis that END closes first (see _ended_top): mostly enough.
END_TOP = 6


@dataclass(frozen=True)
class Steps:
    """The options of one chunk after one history, as the beam extends a hypothesis with them."""

    logps: tuple[float, ...]  # log probability of each option, in the order of ``options``
    tokens: tuple[str, ...]  # its joint token ("chunk|english")
    english: tuple[str, ...]
    ranked: tuple[int, ...]  # option indexes, most likely first
    chunk: str = ""  # the Arabic chunk whose options these are
    # Only the most likely options (see top_steps): ``logps`` maps each of ``ranked`` to its
    # log probability, and every option left out is at most as likely as the last of them.
    partial: bool = False
    history: tuple[str, ...] = ()  # the seen history they follow


@dataclass(frozen=True)
class JointModel:
    """An interpolated Witten-Bell n-gram model over joint (Arabic chunk, English chunk) tokens."""

    order: int
    counts: Mapping[tuple[str, ...], int]  # n-gram (history + token) -> count
    history: Mapping[tuple[str, ...], tuple[int, int]]  # history -> (total, distinct followers)
    options: Mapping[str, tuple[str, ...]]  # Arabic chunk -> English chunks seen with it
    vocabulary: int
    joint_tokens: Mapping[str, tuple[str, ...]] = field(  # chunk -> "chunk|english" per option
        default_factory=dict, compare=False, repr=False
    )
    # (history, Arabic chunk) -> (option index, count) of each option seen after the history:
    # the counts of ``counts`` that a vector of option probabilities needs, without a lookup
    # for every option (most were never seen after a long history).
    seen: Mapping[tuple[tuple[str, ...], str], tuple[tuple[int, int], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # Memo of logprob: decoding asks for the same (history, token) over and over, and the
    # interpolation recurses through every shorter history each time. Not part of the value.
    _memo: dict = field(default_factory=dict, compare=False, repr=False)
    # (seen history, Arabic chunk) -> probabilities of the chunk's options (see _option_probs),
    # and -> Steps (see option_steps).
    _option_memo: dict = field(default_factory=dict, compare=False, repr=False)
    _step_memo: dict = field(default_factory=dict, compare=False, repr=False)
    # The option probabilities after histories of one token or none, kept apart (see
    # SHORT_MEMO_MAX): every longer history's vector is built on them.
    _short_memo: dict = field(default_factory=dict, compare=False, repr=False)
    # Arabic chunk -> English option -> its index in ``options``.
    option_index: Mapping[str, Mapping[str, int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # Arabic chunk -> its options' probabilities after the empty history, and their indexes
    # most likely first (see top_steps): one entry per chunk.
    _chunk_memo: dict = field(default_factory=dict, compare=False, repr=False)
    # (last order-2 tokens, Arabic chunk) -> log probability of END after each option (_ended).
    _end_memo: dict = field(default_factory=dict, compare=False, repr=False)
    # (history before a token, Arabic chunk) -> (option index, history ending in its token) of
    # each option whose history the model saw: where END's seen suffix is longer (_end_logprobs).
    end_over: Mapping[tuple[tuple[str, ...], str], tuple[tuple[int, tuple[str, ...]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def logprob(self, history: tuple[str, ...], token: str) -> float:
        # Keyed by the seen suffix: the same value (see seen_suffix), far more memo hits.
        key = (self.seen_suffix(history[-(self.order - 1) :] if self.order > 1 else ()), token)
        found = self._memo.get(key)
        if found is None:
            found = math.log(self._prob(*key))
            _remember(self._memo, key, found, MEMO_MAX)
        return found

    def _prob(self, history: tuple[str, ...], token: str) -> float:
        lower = 1.0 / self.vocabulary if not history else self._prob(history[1:], token)
        return self.mix(history, token, lower)

    def mix(self, history: tuple[str, ...], token: str, lower: float) -> float:
        """The estimate after ``history``, interpolated with ``lower`` (the shorter history's)."""
        total, types = self.history.get(history, (0, 0))
        if total == 0:
            return lower
        return (self.counts.get((*history, token), 0) + types * lower) / (total + types)

    def seen_suffix(self, history: tuple[str, ...]) -> tuple[str, ...]:
        """The longest suffix of ``history`` the model has counts after: an unseen history
        interpolates nothing, its estimate is that of the shorter one."""
        while history and history not in self.history:
            history = history[1:]
        return history


def _remember(memo: dict, key: object, value: object, limit: int) -> None:
    # Bounded: a worker process keeps its memos all build long.
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value


def build_joint_model(ngrams: Mapping[tuple[str, ...], int], order: int) -> JointModel:
    """The model from its n-gram counts (all orders 1..order, as the build script writes)."""
    history: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    options: dict[str, set[str]] = defaultdict(set)
    for gram, count in ngrams.items():
        entry = history[gram[:-1]]
        entry[0] += count
        entry[1] += 1
        if len(gram) == 1 and gram[0] not in (START, END):
            arabic, _, english = gram[0].partition("|")
            options[arabic].add(english)
    ordered = {a: tuple(sorted(e)) for a, e in options.items()}
    return JointModel(
        order=order,
        counts=MappingProxyType(dict(ngrams)),
        history=MappingProxyType({h: (v[0], v[1]) for h, v in history.items()}),
        options=MappingProxyType(ordered),
        vocabulary=max(1, sum(1 for gram in ngrams if len(gram) == 1)),
        joint_tokens=MappingProxyType(
            {a: tuple(f"{a}|{e}" for e in english) for a, english in ordered.items()}
        ),
        seen=MappingProxyType(_seen_options(ngrams, ordered)),
        end_over=MappingProxyType(_seen_histories(history, ordered)),
        option_index=MappingProxyType(
            {a: {e: i for i, e in enumerate(english)} for a, english in ordered.items()}
        ),
    )


def _seen_options(
    ngrams: Mapping[tuple[str, ...], int], options: Mapping[str, tuple[str, ...]]
) -> dict[tuple[tuple[str, ...], str], tuple[tuple[int, int], ...]]:
    index = {a: {e: i for i, e in enumerate(english)} for a, english in options.items()}
    seen: dict[tuple[tuple[str, ...], str], list[tuple[int, int]]] = defaultdict(list)
    for gram, count in ngrams.items():
        arabic, _, english = gram[-1].partition("|")
        position = index.get(arabic, {}).get(english)
        if position is not None and gram[-1] not in (START, END):
            seen[(gram[:-1], arabic)].append((position, count))
    return {key: tuple(pairs) for key, pairs in seen.items()}


def _seen_histories(
    histories: Mapping[tuple[str, ...], object], options: Mapping[str, tuple[str, ...]]
) -> dict[tuple[tuple[str, ...], str], tuple[tuple[int, tuple[str, ...]], ...]]:
    index = {a: {e: i for i, e in enumerate(english)} for a, english in options.items()}
    over: dict[tuple[tuple[str, ...], str], list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for history in histories:
        if not history or history[-1] in (START, END):
            continue
        arabic, _, english = history[-1].partition("|")
        position = index.get(arabic, {}).get(english)
        if position is not None:
            over[(history[:-1], arabic)].append((position, history))
    return {key: tuple(pairs) for key, pairs in over.items()}


def read_model_rows(path: Path) -> tuple[int, dict[tuple[str, ...], int]]:
    ngrams: dict[tuple[str, ...], int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            gram, _, count = line.rstrip("\n").rpartition("\t")
            ngrams[tuple(gram.split(" "))] = int(count)
    return max((len(g) for g in ngrams), default=1), ngrams


def option_probs(model: JointModel, history: tuple[str, ...], chunk: str) -> tuple[float, ...]:
    """The interpolated probability of each English option of ``chunk`` after ``history``
    (a seen history: see ``seen_suffix``), memoised at every order: the shorter histories are
    shared by many longer ones. Each value is ``mix`` of the option, computed alike."""
    key = (history, chunk)
    short = len(history) <= 1
    memo = model._short_memo if short else model._option_memo
    found = memo.get(key)
    if found is not None:
        return found
    if history:
        lower = option_probs(model, model.seen_suffix(history[1:]), chunk)
    else:
        lower = (1.0 / model.vocabulary,) * len(model.options.get(chunk, ()))
    total, types = model.history.get(history, (0, 0))
    if total == 0:
        found = lower
    else:
        denom = total + types
        # mix() with a count of 0, as (types * low) / denom: the same two float operations as
        # a comprehension would do, without a Python-level step per option.
        probs = list(map(truediv, map(float(types).__mul__, lower), repeat(float(denom))))
        for index, count in model.seen.get(key, ()):
            probs[index] = (count + types * lower[index]) / denom
        found = tuple(probs)
    _remember(memo, key, found, SHORT_MEMO_MAX if short else OPTION_MEMO_MAX)
    return found


def option_steps(
    model: JointModel, context: tuple[str, ...], chunk: str, full: bool = True
) -> Steps:
    """The steps of every option of ``chunk`` after ``context`` (the last order-1 tokens);
    with ``full`` False, possibly only the most likely ones (see ``top_steps``)."""
    seen = model.seen_suffix(context)
    key = (seen, chunk, full)
    found = model._step_memo.get(key)
    if found is None:
        found = _all_steps(model, seen, chunk) if full else top_steps(model, seen, chunk)
        _remember(model._step_memo, key, found, OPTION_MEMO_MAX)
    return found


def _all_steps(model: JointModel, seen: tuple[str, ...], chunk: str) -> Steps:
    logps = tuple(map(math.log, option_probs(model, seen, chunk)))
    options = model.options.get(chunk, ())
    ranked = tuple(sorted(range(len(logps)), key=logps.__getitem__, reverse=True))
    return Steps(logps, model.joint_tokens.get(chunk, ()), options, ranked, chunk, False, seen)


def _chunk_table(model: JointModel, chunk: str) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """The chunk's option probabilities after the empty history, and its options by them."""
    found = model._chunk_memo.get(chunk)
    if found is None:
        lowest = option_probs(model, (), chunk)
        order = tuple(sorted(range(len(lowest)), key=lowest.__getitem__, reverse=True))
        found = (lowest, order)
        _remember(model._chunk_memo, chunk, found, SHORT_MEMO_MAX)
    return found


def _levels(
    model: JointModel, history: tuple[str, ...], chunk: str
) -> list[tuple[int, int, dict[int, int]]]:
    """(distinct followers, denominator, count by option seen) of each history that
    ``option_probs`` interpolates through above the empty one, shortest first."""
    levels = []
    while history:
        total, types = model.history.get(history, (0, 0))
        if total:
            levels.append((types, total + types, dict(model.seen.get((history, chunk), ()))))
        history = model.seen_suffix(history[1:])
    levels.reverse()
    return levels


def _interpolate(values: dict[int, float], levels: list[tuple[int, int, dict[int, int]]]) -> None:
    """Each option's ``option_probs`` value, in place, from its empty-history one: the same
    operations, level by level (a level a step for all the options at once)."""
    for types, denom, counts in levels:
        for index, low in values.items():  # only existing keys reassigned: iteration allows it
            count = counts.get(index)
            values[index] = types * low / denom if count is None else (count + types * low) / denom


def top_steps(model: JointModel, seen: tuple[str, ...], chunk: str) -> Steps:
    """The most likely options of ``chunk`` after ``seen``, without the whole vector.

    An option no history above the empty one has counts for gets the same operations from
    its empty-history probability as every other such option, so they keep that order: the
    first TOP_PLAIN of them bound all the others, and only the options seen after some
    history need computing besides (about a tenth of them)."""
    lowest, order = _chunk_table(model, chunk)
    levels = _levels(model, seen, chunk)
    special = set().union(*(counts for _, _, counts in levels))
    plain = list(islice(filterfalse(special.__contains__, order), TOP_PLAIN))
    if not plain:  # every option is special (or none at all): the whole vector
        return _all_steps(model, seen, chunk)
    values = {i: lowest[i] for i in (*special, *plain)}
    _interpolate(values, levels)
    bound = values[plain[-1]] if len(plain) == TOP_PLAIN else -math.inf
    kept = sorted((i for i, v in values.items() if v >= bound), key=values.__getitem__)
    kept.reverse()
    logps = {i: math.log(values[i]) for i in kept}
    partial = bound != -math.inf
    options = model.options.get(chunk, ())
    tokens = model.joint_tokens.get(chunk, ())
    return Steps(logps, tokens, options, tuple(kept), chunk, partial, seen)  # type: ignore[arg-type]


# A hypothesis of the beam: (score, joint history, English so far). Plain tuples: decoding
# makes many of them.
_Hypothesis = tuple[float, tuple[str, ...], str]
# A hypothesis waiting to be extended by the options of its next chunk.
_Pending = tuple[_Hypothesis, Steps]


def _threshold(pending: list[_Pending], width: int) -> float:
    """The best ``width``-th extension score of any one hypothesis: its ``width`` better or
    equal extensions stay distinct through pruning, so nothing scoring less can be kept."""
    best = -math.inf
    for (score, _, _), steps in pending:
        if len(steps.ranked) >= width:
            best = max(best, score + steps.logps[steps.ranked[width - 1]])
    return best


def _extensions(
    model: JointModel, pending: list[_Pending], keep: int, width: int
) -> list[_Hypothesis]:
    """The extensions of the pending hypotheses that can survive pruning to ``width``, in the
    order of a full expansion (hypothesis, then option)."""
    floor = _threshold(pending, width)
    out: list[_Hypothesis] = []
    for (score, history, spelled), steps in pending:
        if steps.partial and score + steps.logps[steps.ranked[-1]] >= floor:
            # Options left out may still reach the floor: all of them, then.
            steps = option_steps(model, steps.history, steps.chunk)
        chosen = []
        for index in steps.ranked:
            if score + steps.logps[index] < floor:
                break
            chosen.append(index)
        chosen.sort()
        out.extend(
            (score + steps.logps[i], (*history, steps.tokens[i])[keep:], spelled + steps.english[i])
            for i in chosen
        )
    return out


def _prune(hyps: list[_Hypothesis], width: int) -> list[_Hypothesis]:
    # One hypothesis per (history, spelling): the rest can only score lower from here on.
    best: dict[tuple[tuple[str, ...], str], _Hypothesis] = {}
    for hyp in hyps:
        key = (hyp[1], hyp[2])
        if key not in best or hyp[0] > best[key][0]:
            best[key] = hyp
    return heapq.nlargest(width, best.values(), key=lambda h: (h[0], h[2]))


def _logaddexp(a: float, b: float) -> float:
    high, low = max(a, b), min(a, b)
    return high if low == -math.inf else high + math.log1p(math.exp(low - high))


def decode(
    model: JointModel, word: str, beam: int = BEAM, nbest: int = NBEST
) -> list[tuple[str, float]]:
    """The ``nbest`` English spellings of one Arabic key, with their log scores, best first."""
    if not word:
        return []
    keep = -(model.order - 1)
    context = model.order - 1
    pending: list[list[_Pending]] = [[] for _ in range(len(word) + 1)]
    stack: list[_Hypothesis] = [(0.0, (START,)[keep:] if model.order > 1 else (), "")]
    for i in range(len(word)):
        if i:
            stack = _prune(_extensions(model, pending[i], keep, beam), beam)
        for hyp in stack:
            recent = hyp[1][-context:] if context else ()
            for size in range(1, MAX_ARABIC_CHUNK + 1):
                if i + size <= len(word):
                    last = i + size == len(word)  # END needs every option (_ended)
                    steps = option_steps(model, recent, word[i : i + size], last)
                    pending[i + size].append((hyp, steps))
    return _ended(model, pending[len(word)], keep, nbest)


def _ended(
    model: JointModel, pending: list[_Pending], keep: int, nbest: int
) -> list[tuple[str, float]]:
    """The ``nbest`` best spellings once END closes the last hypotheses: from their most
    likely options when these settle it (see ``_ended_top``), else from all of them."""
    found = _ended_top(model, pending, keep, nbest)
    return _ended_all(model, pending, keep, nbest) if found is None else found


def _ended_top(
    model: JointModel, pending: list[_Pending], keep: int, nbest: int
) -> list[tuple[str, float]] | None:
    """``_ended_all``'s answer from the END_TOP most likely last options of each hypothesis,
    or None when it may not be that. A spelling all of whose options are left out sums at most
    len(pending) of them, each no more than its hypothesis's score plus the best option left
    out (END only lowers it); the spellings kept get every option that spells them, added up
    in the same order as there."""
    names: set[str] = set()
    outside = -math.inf
    for (score, _, spelled), steps in pending:
        names.update(spelled + steps.english[i] for i in steps.ranked[:END_TOP])
        if len(steps.ranked) > END_TOP:
            outside = max(outside, score + steps.logps[steps.ranked[END_TOP]])
    names.discard("")  # no spelling at all
    scored: dict[str, float] = {}
    for (score, history, spelled), steps in pending:
        prefix = history[keep + 1 :] if keep < -1 else ()
        index = model.option_index.get(steps.chunk, {})
        for name in names:
            option = index.get(name[len(spelled) :]) if name.startswith(spelled) else None
            if option is not None:
                total = (score + steps.logps[option]) + _end_logprob(
                    model, prefix, steps.tokens[option]
                )
                old = scored.get(name)
                scored[name] = total if old is None else _logaddexp(old, total)
    best = heapq.nsmallest(nbest, [(-total, name) for name, total in scored.items()])
    if outside > -math.inf and (
        len(best) < nbest or outside + math.log(len(pending)) + 1e-6 >= -best[-1][0]
    ):
        return None
    return [(name, -negated) for negated, name in best]


def _end_logprob(model: JointModel, prefix: tuple[str, ...], token: str) -> float:
    """``model.logprob((*prefix, token), END)``, by its seen suffix and the memo."""
    history = (*prefix, token) if model.order > 1 else ()
    while history and history not in model.history:
        history = history[1:]
    logp = model._memo.get((history, END))
    return model.logprob(history, END) if logp is None else logp


def _ended_all(
    model: JointModel, pending: list[_Pending], keep: int, nbest: int
) -> list[tuple[str, float]]:
    """Every extension of the last hypotheses, closed by END (none pruned: they all add up)."""
    scored: dict[str, float] = {}
    for (score, history, spelled), steps in pending:
        ends = _end_logprobs(model, history[keep + 1 :] if keep < -1 else (), steps)
        for logp, end, english in zip(steps.logps, ends, steps.english, strict=True):
            total = (score + logp) + end
            name = spelled + english
            if name:  # one spelling, several segmentations: their probabilities add up
                old = scored.get(name)
                scored[name] = total if old is None else _logaddexp(old, total)
    # The nbest smallest of (-score, name): a full sort's first nbest (names are distinct).
    best = heapq.nsmallest(nbest, [(-total, name) for name, total in scored.items()])
    return [(name, -negated) for negated, name in best]


def _end_logprobs(model: JointModel, prefix: tuple[str, ...], steps: Steps) -> tuple[float, ...]:
    """``model.logprob((*prefix, token), END)`` for each option of ``steps``, memoised: the
    last hypotheses of many words share their last tokens. The seen suffix and the memo are
    looked up here, a call per option being most of the cost (``prefix``: order-2 tokens)."""
    key = (prefix, steps.chunk)
    found = model._end_memo.get(key)
    if found is not None:
        return found
    # Each option's history is its longest suffix the model saw (seen_suffix): the empty one
    # unless end_over lists a longer one; the longest listed is applied last.
    base = model.logprob((), END)
    ends = [base] * len(steps.tokens)
    if model.order > 1:
        for start in range(len(prefix), -1, -1):
            for index, history in model.end_over.get((prefix[start:], steps.chunk), ()):
                logp = model._memo.get((history, END))
                ends[index] = model.logprob(history, END) if logp is None else logp
    found = tuple(ends)
    _remember(model._end_memo, key, found, OPTION_MEMO_MAX)
    return found
