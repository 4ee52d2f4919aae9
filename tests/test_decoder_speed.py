"""The faster decoding parts give what the plain ones gave: a token cache that forgets, the
listed-name marks found by length, Viterbi over sentences of every length."""

from __future__ import annotations

import random

import numpy as np
from news_digest.analysis.entities.decoder import (
    TokenCache,
    best_paths,
    load_weights,
    tag_sentences,
    token_scores,
)
from news_digest.analysis.entities.tagger import load_lexicon, mark_keys, tokenize

# Sentences written for these tests.
SENTENCES = (
    "أوضح وزير الخارجية المصري سامح شكري مساء أمس في القاهرة أن المحادثات مستمرة .",
    "وصل الرئيس إلى بغداد، والتقى رئيس الوزراء في قصر الحكومة.",
    "أعلنت وكالة الأنباء أن الوفد سيغادر الرياض غدا",
)


def words(text: str) -> list[str]:
    return [token for token, _, _ in tokenize(text)]


def test_a_cache_too_small_for_one_article_scores_as_a_large_one() -> None:
    sentences = [words(text) for text in SENTENCES]
    calls = [[s] for s in sentences] + [sentences, sentences[:1], sentences[1:]]
    small, large = TokenCache(load_weights(), limit=12), TokenCache(load_weights())
    for call in calls * 2:  # misses, hits and evictions (rows reused) alike
        small_keys, small_scores = small.gather(call)
        large_keys, large_scores = large.gather(call)
        assert small_keys == large_keys
        assert small_scores.tobytes() == large_scores.tobytes()


def test_scores_of_tokens_together_are_those_of_each_alone() -> None:
    tokens = words(" ".join(SENTENCES))
    stems, together = token_scores(tokens, load_weights())
    for token, stem, scores in zip(tokens, stems, together, strict=True):
        alone_stems, alone = token_scores([token], load_weights())
        assert [stem] == alone_stems
        assert scores.tobytes() == alone[0].tobytes()


def _marks_one_name_at_a_time(keys: list[str]) -> list[str]:
    """``mark_keys`` as it was written first: every listed name tried at every token."""
    index = load_lexicon().index
    marks = [""] * len(keys)
    i = 0
    while i < len(keys):
        for names, kind in index.get(keys[i], ()):
            if tuple(keys[i : i + len(names)]) == names:
                marks[i] = f"B-{kind}"
                for j in range(i + 1, i + len(names)):
                    marks[j] = f"I-{kind}"
                i += len(names) - 1
                break
        i += 1
    return marks


def test_listed_name_marks_are_found_as_before() -> None:
    names = [name for listed in load_lexicon().index.values() for name, _ in listed]
    rng = random.Random(7)
    for _ in range(2000):
        keys: list[str] = ["و"]
        for name in rng.sample(names, rng.randint(1, 4)):
            keys += name[: rng.randint(1, len(name))] if rng.random() < 0.4 else name
        assert mark_keys(keys) == _marks_one_name_at_a_time(keys)


def test_a_batch_of_every_length_tags_each_sentence_as_alone() -> None:
    sentences = [[], *(words(text) for text in SENTENCES), ["ماكرون"], []]
    assert tag_sentences(sentences) == [tag_sentences([s])[0] for s in sentences]


def test_viterbi_batch_drops_sentences_as_they_end() -> None:
    rng = np.random.default_rng(3)
    lengths = [5, 1, 3, 0, 5, 2]
    scores = rng.normal(size=(len(lengths), 5, 4))
    transitions = rng.normal(size=(4, 4))
    alone = [
        best_paths(scores[i : i + 1, :n], [n], transitions)[0] if n else []
        for i, n in enumerate(lengths)
    ]
    assert best_paths(scores, lengths, transitions) == alone
