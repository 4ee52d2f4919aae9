"""The decoder gives crfsuite's own tags: on sentences of ours, on random word sequences, in
batches and alone; its Viterbi finds the best path of small hand-made lattices."""

from __future__ import annotations

from itertools import pairwise, product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from news_digest.analysis.entities.decoder import (
    best_paths,
    emissions,
    load_weights,
    tag,
    tag_sentence,
    tag_sentences,
)
from news_digest.analysis.entities.tagger import load_tagger, sentence_features, tokenize
from news_digest.ingest.sentences import split_sentences

# Sentences written for these tests: names with titles, a listed organisation, an outlet,
# clitics on names, punctuation and digits, one word alone.
SENTENCES = (
    "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن وزارة الخارجية ستصدر بيانا .",
    "واستقبل وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف أمس.",
    "أعلن البيت الأبيض أن الرئيس سيزور بغداد والقاهرة خلال 3 أيام، وفق وكالة رويترز.",
    "وذكرت صحيفة الغارديان البريطانية أن شركة مايكروسوفت ستفتح مكتبا في الرياض",
    "ماكرون",
    "؟ ! ، .",
)
# Words to draw random sentences from: names, places, organisations, everyday words, marks.
VOCABULARY = sorted(
    {token for text in SENTENCES for token, _, _ in tokenize(text)}
    | {"الحوثيين", "بالبيت", "للأمم", "المتحدة", "طرابلس", "محمد", "صلاح", "Reuters", "2018"}
)


def words(text: str) -> list[str]:
    return [token for token, _, _ in tokenize(text)]


def crfsuite_tags(tokens: list[str]) -> list[str]:
    """The reference: crfsuite's tagger given the features training gave it."""
    return list(load_tagger().tag(sentence_features(tokens))) if tokens else []


@pytest.mark.parametrize("text", SENTENCES)
def test_tags_are_crfsuites(text: str) -> None:
    assert tag(words(text)) == crfsuite_tags(words(text))


def test_a_batch_tags_each_sentence_as_alone() -> None:
    sentences = [words(text) for text in SENTENCES]
    assert tag_sentences(sentences) == [tag(s) for s in sentences]


def test_empty_sentences_get_no_tags_and_leave_the_others_alone() -> None:
    sentence = words(SENTENCES[0])
    assert tag_sentences([]) == []
    assert tag_sentences([[], []]) == [[], []]
    assert tag_sentences([[], sentence, []]) == [[], crfsuite_tags(sentence), []]
    assert tag_sentence([]) == []


def test_the_names_of_our_sentence_are_found() -> None:
    toks = words(SENTENCES[1])
    found = {(m.type, " ".join(toks[m.start : m.end])) for m in tag_sentence(toks)}
    assert ("PER", "جون كيري") in found
    assert ("LOC", "جنيف") in found


def test_scores_are_padded_to_the_longest_sentence() -> None:
    scores = emissions([words("ماكرون"), words(SENTENCES[0])])
    assert scores.shape == (2, len(words(SENTENCES[0])), len(load_weights().labels))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCABULARY), max_size=12), min_size=1, max_size=4))
def test_random_word_sequences_get_crfsuites_tags(sentences: list[list[str]]) -> None:
    assert tag_sentences(sentences) == [crfsuite_tags(s) for s in sentences]


def _brute_force(scores: np.ndarray, transitions: np.ndarray) -> float:
    """The best path's score over every label sequence."""
    labels = range(scores.shape[1])
    return max(
        sum(scores[t, y] for t, y in enumerate(path))
        + sum(transitions[a, b] for a, b in pairwise(path))
        for path in product(labels, repeat=len(scores))
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_viterbi_finds_the_best_path(length: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    transitions = rng.normal(size=(3, 3))
    lattices = [rng.normal(size=(n, 3)) for n in (length, 1, max(1, length - 1))]
    padded = np.zeros((3, length, 3))
    for i, lattice in enumerate(lattices):
        padded[i, : len(lattice)] = lattice
    paths = best_paths(padded, [len(x) for x in lattices], transitions)
    for path, lattice in zip(paths, lattices, strict=True):
        score = sum(lattice[t, y] for t, y in enumerate(path)) + sum(
            transitions[a, b] for a, b in pairwise(path)
        )
        assert len(path) == len(lattice)
        assert score == pytest.approx(_brute_force(lattice, transitions))


def test_ties_go_to_the_first_label_as_in_crfsuite() -> None:
    flat = np.zeros((1, 3, 2))
    assert best_paths(flat, [3], np.zeros((2, 2))) == [[0, 0, 0]]


def test_weights_follow_the_models_labels() -> None:
    weights = load_weights()
    assert weights.labels == tuple(load_tagger().labels())
    assert not weights.state[-1].any()  # the zero row every token's sums end with
    assert weights.transitions.shape == (len(weights.labels),) * 2


def test_news_the_project_never_saw_gets_crfsuites_tags(corpus_dir) -> None:
    """Every sentence of 150 corpus articles (read at test time), tagged an article at a
    time as extraction does: the same tags."""
    files = sorted((corpus_dir / "ant_multisource" / "articles").glob("*.txt"))[:150]
    if not files:
        pytest.skip(f"no ant_multisource articles under {corpus_dir}")
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        article = [words(s) for line in lines for s in split_sentences(line)]
        assert tag_sentences(article) == [crfsuite_tags(s) for s in article], path.name
