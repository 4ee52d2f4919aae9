"""The faster tokenizer and rule pass give what the plain versions give (sentences of our own
wording)."""

from __future__ import annotations

import re

import pytest
from news_digest.analysis.entities import cues
from news_digest.analysis.entities.candidates import (
    add,
    gazetteer_match,
    listed_match,
    listed_readings,
    make_hit,
    may_start_listed,
    readings,
    tokenize,
    unique,
)
from news_digest.analysis.entities.cues import WITH_TAGGER, sentence_hits
from news_digest.analysis.entities.gazetteer import load_gazetteer
from news_digest.analysis.entities.records import Tok
from news_digest.arabic import ARABIC_LETTER_CLASS, fold

SENTENCES = (
    "أكد سامح شكري وزير الخارجية المصري أن القاهرة ترحب بالمبادرة الجديدة.",
    'ذكرت وكالة Reuters أن "النهار" نشرت 12 صورة (يونسكو) -- و٣ مقاطع!',
    "قالَ الرئيسُ: إنّ الوفدَ وصلَ إلى بيروت، ثمّ غادرها.",
    "  AT&T's رئيس-الشركة وصل ـ أمس ـ إلى دبي،الإمارات «بسرعة»  ",
    "كتب 3D و A-1 و x9 ثم ٢٠٢٤ م.",
    "",
    "؟!",
)

_PLAIN_RE = re.compile(
    f"[{ARABIC_LETTER_CLASS}\u064b-\u0652\u0640]+|[A-Za-z][A-Za-z0-9&'-]*|[0-9\u0660-\u0669]+"
)


def _plain_tokenize(text: str) -> list[tuple]:
    """The tokenizer as first written: a match object per word, each word folded alone."""
    out: list[tuple] = []
    prev_end = 0
    for match in _PLAIN_RE.finditer(text):
        start, end = match.span()
        gap = text[prev_end:start].strip()
        word = match.group()
        folded = fold(word)
        brk = bool(out) and gap != ""
        out.append((word, start, end, folded, brk, word[0].isascii(), readings(folded), gap))
        prev_end = end
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_tokenize_gives_what_the_plain_tokenizer_gives(text):
    assert [tuple(tok) for tok in tokenize(text)] == _plain_tokenize(text)


def test_a_token_is_an_immutable_record_with_its_marks():
    tok = tokenize("قال، «بيروت")[1]
    assert tok.fold == "بيروت" and tok.brk and tok.quote and tok.comma and not tok.dash
    with pytest.raises(AttributeError):
        tok.fold = "x"  # type: ignore[misc]
    changed = tok._replace(fold="يروت", brk=False)
    assert (changed.fold, changed.brk, changed.text) == ("يروت", False, "بيروت")
    assert isinstance(changed, Tok) and tok.fold == "بيروت"


NAMES = (
    "وقالت أنغيلا ميركل إن وفدا من مجلس الأمن الدولي يزور القاهرة وبيروت.",
    "قال المتحدث باسم الشرطة أحمد الكبيسي ، محمود السامرائي ، ماهر الحسيني إن الهجوم فشل.",
    "استقبل الوزير سامح شكري وماهر الحسيني في مقر حزب الأحرار.",
    "وأكد المتحدث باسم شركة إنرون أن منظمة الأمم المتحدة للتربية (يونسكو) رحبت.",
    "والتقى وزير الخارجية بنظيره في بغداد ثم عاد إلى برلين مع فريق فيراري.",
)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize("text", NAMES)
def test_the_readings_that_can_start_a_listed_name_find_what_all_readings_find(gaz, text):
    toks = tokenize(text)
    for i, tok in enumerate(toks):
        starts = listed_readings(tok.fold, gaz.firsts, gaz.loose_firsts)
        assert (starts is not None) == may_start_listed(
            tok.readings, gaz.firsts, gaz.loose_firsts
        ), tok.text
        found = listed_match(toks, i, gaz, *starts) if starts is not None else None
        assert found == gazetteer_match(toks, i, gaz), tok.text


def test_the_split_loose_index_holds_the_loose_index_in_its_order(gaz):
    for first, patterns in list(gaz.loose_index.items())[:2000]:
        longer = [p for p in patterns if len(p.tokens) > 1]
        assert patterns == tuple(longer) + gaz.loose_singles.get(first, ())
        for pattern in longer:
            assert pattern in gaz.loose_by_second[(first, pattern.tokens[1])]


def _people_in_lists_plainly(toks, hits, gaz):
    # The list pass as first written: a look at every token.
    i = 0
    while i < len(toks):
        hit = hits.get(i)
        if hit is None or hit.type != "person" or hit.first != i:
            i += 1
            continue
        plen, end = cues._list_item(toks, hit.last, hits, gaz)
        if end > hit.last:
            add(hits, make_hit(toks, hit.last, end, plen, "person"))
        i = hit.last


@pytest.mark.parametrize("text", NAMES)
def test_people_in_lists_are_found_as_by_a_look_at_every_token(gaz, text, monkeypatch):
    toks = tokenize(text)
    fast = sentence_hits(toks, gaz, WITH_TAGGER)
    monkeypatch.setattr(cues, "_people_in_lists", _people_in_lists_plainly)
    assert sentence_hits(toks, gaz, WITH_TAGGER) == fast


def test_a_name_listed_after_a_person_is_a_person(gaz):
    for text, names in ((NAMES[1], ("أحمد الكبيسي", "محمود السامرائي", "ماهر الحسيني")),
                        (NAMES[2], ("سامح شكري", "ماهر الحسيني"))):  # fmt: skip
        people = {h.name for h in unique(sentence_hits(tokenize(text), gaz, WITH_TAGGER))}
        assert set(names) <= people
