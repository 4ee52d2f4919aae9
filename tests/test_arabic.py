"""Folding with one str.translate: the same text pyarabic's tashkeel and tatweel stripping gave."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from news_digest.arabic import fold, strip_marks
from pyarabic import araby

# Arabic letters, every mark and tatweel, the letters folding maps, Latin, digits and spaces.
_TEXT = st.text(
    st.sampled_from([chr(c) for c in range(0x0610, 0x0660)] + list("أإآٱىةابتa Z1،\u200f")),
    max_size=40,
)


def _strip_marks_by_pyarabic(text: str) -> str:
    return araby.strip_tatweel(araby.strip_tashkeel(text))


@given(_TEXT)
def test_strip_marks_is_pyarabics_stripping(text: str) -> None:
    assert strip_marks(text) == _strip_marks_by_pyarabic(text)


@given(_TEXT)
def test_fold_strips_then_maps(text: str) -> None:
    folded = _strip_marks_by_pyarabic(text)
    for old, new in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")):
        folded = folded.replace(old, new)
    assert fold(text) == folded


def test_vocalised_word() -> None:
    assert fold("الْعَرَبِيَّةُ") == "العربيه"
    assert strip_marks("العـــــربية") == "العربية"
