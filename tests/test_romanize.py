"""English spellings of Arabic names from name data: tables first, the learned model after."""

from __future__ import annotations

import heapq
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from news_digest.analysis.entities import romanize as rz

needs_data = pytest.mark.skipif(
    not (rz.DATA_DIR / rz.MODEL_FILE).exists() or not (rz.DATA_DIR / rz.TOKENS_FILE).exists(),
    reason="name data not built: run tools/build_name_data.py",
)


@needs_data
@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("جون بولتون", "John Bolton"),
        ("نافاس", "Navas"),
        ("دونالد ترامب", "Donald Trump"),
        ("محمد بن سلمان", "Mohammed bin Salman"),  # listed: the curated spelling
    ],
)
def test_names_in_their_usual_english_spelling(arabic: str, english: str) -> None:
    assert rz.romanize_name(arabic) == english


@needs_data
def test_article_and_compounds_follow_news_conventions() -> None:
    assert rz.romanize_name("عبد الله") == "Abdullah"
    assert " bin " in rz.romanize_name("خالد بن سلطان")
    assert rz.romanize_name("ابن سلمان").startswith("Ibn ")
    name = rz.romanize_name("سالم الزهراني")
    assert name.startswith("Salem al-") or name.startswith("Salim al-")
    assert rz.romanize_name("عبد السلام").startswith("Abd")


@needs_data
def test_a_token_no_table_holds_is_spelled_by_the_model() -> None:
    word = "كارزوفيتش"  # made up: no table lists it
    assert rz.load_token_table().spell(word) is None
    spelled = rz.model_spelling(word)
    assert spelled and spelled.isascii() and spelled[0] in "kc"


def test_exact_key_first_then_folded_key() -> None:
    table = rz.build_token_table([("أحمد", "ahmed", 5), ("احمد", "ahmad", 2)])
    assert table.spell("أحمد") == "ahmed"
    assert table.spell("احمد") == "ahmad"
    assert table.spell("إحمد") == "ahmed"  # unseen alef: the folded key, 7 votes to ahmed


def test_most_frequent_spelling_wins_and_ties_are_deterministic() -> None:
    table = rz.build_token_table([("سمير", "samir", 3), ("سمير", "sameer", 1)])
    assert table.spell("سمير") == "samir"
    tie = rz.build_token_table([("ريم", "reem", 2), ("ريم", "rim", 2)])
    assert tie.spell("ريم") == "reem"


def test_keys_ignore_marks_tatweel_and_persian_letters() -> None:
    assert rz.arabic_key("مُحَمَّـد") == "محمد"
    assert rz.arabic_key("علی") == "علي"
    assert rz.latin_spelling("Ørsted-Müller") == "orsted-muller"


def test_title_case_of_spelled_names() -> None:
    assert rz._capitalise("o'brien") == "O'Brien"
    assert rz._capitalise("mcdonald") == "McDonald"
    assert rz._capitalise("jean-pierre") == "Jean-Pierre"


def test_a_tiny_model_decodes_what_it_was_given() -> None:
    grams = {}
    for units in (["ب|b", "ا|a", "ب|b"], ["ب|b", "و|o", "ب|b"], ["ب|b", "ا|a", "ب|b"]):
        seq = [rz.START, *units, rz.END]
        for n in (1, 2, 3):
            for k in range(len(seq) - n + 1):
                gram = tuple(seq[k : k + n])
                if gram != (rz.START,):
                    grams[gram] = grams.get(gram, 0) + 1
    model = rz.build_joint_model(grams, 3)
    best = rz.decode(model, "باب")
    assert best[0][0] == "bab"
    assert rz.decode(model, "") == []


def test_deterministic() -> None:
    names = ["جون بولتون", "كيلور نافاس", "آمبر رود", "فلاديمير بوتين"]
    first = rz.romanize_names(names)
    for cached in (rz.romanize_name, rz.arabic_key, rz.spell_token, rz.model_spelling):
        cached.cache_clear()
    assert rz.romanize_names(names) == first
    assert len(first) == len(names)


@pytest.mark.parametrize("odd", ["", "   ", "123", "،،", "ـــ", "َُ", "Bolton", "جون\u200fبولتون"])
def test_odd_input_does_not_crash(odd: str) -> None:
    assert isinstance(rz.romanize_name(odd), str)


def test_cli_prints_one_line_per_name_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert rz.main(["جون بولتون", "دونالد ترامب"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == rz.romanize_names(["جون بولتون", "دونالد ترامب"])
    assert rz.main([]) == 2


ARABIC_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
_LATIN_NAME = re.compile(r"[A-Za-z' -]*")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(ARABIC_LETTERS, min_size=1, max_size=9), min_size=1, max_size=4))
def test_any_arabic_letters_give_latin_letters(words: list[str]) -> None:
    out = rz.romanize_name(" ".join(words))
    assert out.isascii()
    assert _LATIN_NAME.fullmatch(out), out


def _full_beam(model: rz.JointModel, word: str, beam: int = rz.BEAM) -> list[tuple[str, float]]:
    """The decoder written the slow way: every option of every hypothesis scored through
    ``_prob``'s recursion over all histories, all extensions built, then pruned."""
    keep = -(model.order - 1)
    stack = [(0.0, (rz.START,)[keep:], "")]
    for i, chunk in enumerate(word):
        grown = []
        for score, history, spelled in stack:
            for english in model.options.get(chunk, ()):
                token = f"{chunk}|{english}"
                logp = math.log(model._prob(history[keep:], token))
                grown.append((score + logp, (*history, token)[keep:], spelled + english))
        if i == len(word) - 1:
            stack = grown
            break
        best: dict = {}
        for hyp in grown:
            if (hyp[1], hyp[2]) not in best or hyp[0] > best[(hyp[1], hyp[2])][0]:
                best[(hyp[1], hyp[2])] = hyp
        stack = heapq.nlargest(beam, best.values(), key=lambda h: (h[0], h[2]))
    scored: dict[str, float] = {}
    for score, history, spelled in stack:
        total = score + math.log(model._prob(history[keep:], rz.END))
        old = scored.get(spelled, -math.inf)
        high, low = max(old, total), min(old, total)
        scored[spelled] = high if low == -math.inf else high + math.log1p(math.exp(low - high))
    return sorted(scored.items(), key=lambda item: (-item[1], item[0]))[: rz.NBEST]


@needs_data
@pytest.mark.parametrize("word", ["كارزوفيتش", "بولتون", "نافاس", "شيفتشينكو", "أوغلو", "ي"])
def test_the_decoder_scores_exactly_as_the_full_beam(word: str) -> None:
    """Vectors per seen history, memos and the pruning threshold change no score."""
    model = rz.load_model()
    key = rz.arabic_key(word)
    assert rz.decode(model, key) == _full_beam(model, key)
