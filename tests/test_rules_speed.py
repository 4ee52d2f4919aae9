"""The faster tokenizer and rule pass give what the plain versions give (sentences of our own
wording)."""

from __future__ import annotations

import re

import pytest
from news_digest.analysis.entities.candidates import readings, tokenize
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
