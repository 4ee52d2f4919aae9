"""The name model's decoding shortcuts give exactly the values of the full computation they
replace (invented Arabic names)."""

from __future__ import annotations

import math

import pytest
from news_digest.analysis.entities import joint
from news_digest.analysis.entities.romanize import load_model

WORDS = ("زيدونا", "كرمالو", "بشتيرة", "ظافيس", "ب")


@pytest.fixture(scope="module")
def model():
    loaded = load_model()
    if loaded is None:
        pytest.skip("no name model")
    return loaded


def _end_in_full(model, prefix, steps):
    # Every option's END log probability by the model's own lookup (seen suffix, interpolation).
    return tuple(
        model.logprob((*prefix, token) if model.order > 1 else (), joint.END)
        for token in steps.tokens
    )


def _prefixes(model, word):
    tokens = [model.joint_tokens[c][0] for c in word if c in model.joint_tokens]
    history = (joint.START, *tokens)
    width = model.order - 2
    return {history[max(0, i - width) : i] for i in range(len(history) + 1)} | {()}


@pytest.mark.parametrize("word", WORDS)
def test_end_scores_from_the_seen_histories_match_the_full_lookup(model, word):
    for prefix in _prefixes(model, word):
        steps = joint.option_steps(model, (), word[-1])
        model._end_memo.clear()
        assert joint._end_logprobs(model, prefix, steps) == _end_in_full(model, prefix, steps)


def test_seen_histories_list_every_seen_history_of_an_option(model):
    over = model.end_over
    for history in list(model.history)[:5000]:
        if not history or history[-1] in (joint.START, joint.END):
            continue
        arabic, _, english = history[-1].partition("|")
        index = model.options[arabic].index(english)
        assert (index, history) in over[(history[:-1], arabic)]


def _probs_in_full(model, history, chunk):
    # The interpolation option by option, through every shorter seen history.
    count = len(model.options.get(chunk, ()))
    if not history:
        lower = [1.0 / model.vocabulary] * count
    else:
        lower = _probs_in_full(model, model.seen_suffix(history[1:]), chunk)
    total, types = model.history.get(history, (0, 0))
    if total == 0:
        return lower
    seen = dict(model.seen.get((history, chunk), ()))
    return [(seen.get(i, 0) + types * lower[i]) / (total + types) for i in range(count)]


@pytest.mark.parametrize("word", WORDS)
def test_option_probabilities_match_the_comprehension(model, word):
    keep = -(model.order - 1)
    tokens = [model.joint_tokens[c][-1] for c in word if c in model.joint_tokens]
    history = (joint.START, *tokens)[keep:]
    for start in range(len(history) + 1):
        seen = model.seen_suffix(history[start:])
        for chunk in set(word):
            model._option_memo.clear()
            model._short_memo.clear()
            got = joint.option_probs(model, seen, chunk)
            assert list(got) == _probs_in_full(model, seen, chunk)
            assert all(p > 0 and math.isfinite(p) for p in got)


def _histories(model, word):
    keep = -(model.order - 1)
    for pick in (0, -1):
        tokens = [model.joint_tokens[c][pick] for c in word if c in model.joint_tokens]
        history = (joint.START, *tokens)[keep:]
        for start in range(len(history) + 1):
            yield model.seen_suffix(history[start:])


@pytest.mark.parametrize("word", WORDS)
def test_top_steps_are_the_best_of_the_full_vector(model, word):
    for seen in _histories(model, word):
        for chunk in set(word):
            full = joint._all_steps(model, seen, chunk)
            top = joint.top_steps(model, seen, chunk)
            assert top.tokens == full.tokens and top.english == full.english
            for index in top.ranked:  # the same values, option by option
                assert top.logps[index] == full.logps[index]
            best = [full.logps[i] for i in full.ranked]
            assert [top.logps[i] for i in top.ranked] == best[: len(top.ranked)]
            if top.partial:  # whatever was left out is no more likely than the last kept
                left = set(range(len(full.logps))) - set(top.ranked)
                assert all(full.logps[i] <= top.logps[top.ranked[-1]] for i in left)
            else:
                assert sorted(top.ranked) == list(range(len(full.logps)))


@pytest.mark.parametrize("word", WORDS)
def test_decoding_with_top_steps_matches_full_steps(model, word, monkeypatch):
    fast = joint.decode(model, word, beam=3, nbest=5)
    model._step_memo.clear()
    monkeypatch.setattr(joint, "top_steps", joint._all_steps)
    assert joint.decode(model, word, beam=3, nbest=5) == fast
    model._step_memo.clear()


@pytest.mark.parametrize("word", WORDS)
def test_ended_from_the_top_options_matches_all_options(model, word):
    keep = -(model.order - 1)
    start = (joint.START,)[keep:]
    longer = (*start, *(model.joint_tokens[c][0] for c in word[:-1] if c in model.joint_tokens))
    hyps = [(0.0, start, ""), (-0.2, longer[keep:], "b"), (-9.0, start, "bo"), (-0.1, start, "")]
    pending = [(h, joint.option_steps(model, h[1][keep:], word[-1])) for h in hyps]
    for nbest in (1, 4, 50):
        found = joint._ended_top(model, pending, keep, nbest)
        full = joint._ended_all(model, pending, keep, nbest)
        assert found is None or found == full
        assert joint._ended(model, pending, keep, nbest) == full


def test_one_end_score_matches_the_vector(model):
    steps = joint.option_steps(model, (), "س")
    for prefix in ((), (joint.START,), (joint.START, steps.tokens[0])):
        prefix = prefix[-(model.order - 2) :] if model.order > 2 else ()
        model._end_memo.clear()
        vector = joint._end_logprobs(model, prefix, steps)
        assert [joint._end_logprob(model, prefix, t) for t in steps.tokens] == list(vector)


@pytest.mark.parametrize("word", WORDS)
def test_decoding_matches_closing_every_option(model, word, monkeypatch):
    fast = joint.decode(model, word)
    monkeypatch.setattr(joint, "_ended_top", lambda *args: None)
    assert joint.decode(model, word) == fast
