"""Romanisation of names no list holds: readable English, never Buckwalter."""

from __future__ import annotations

import pytest
from news_digest.analysis.entities.transliterate import _fallback, romanize, romanize_phrase


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("ذبيح الله مجاهد", "Zabihullah Mujahid"),
        ("محمد نعيم", "Muhammad Naeem"),
        ("غلام رباني", "Ghulam Rabbani"),
        ("عبد الله", "Abdullah"),
        ("عبدالرحمن", "Abdul Rahman"),
        ("عبد الرحمن", "Abdul Rahman"),
        ("صديق صديقي", "Siddiq Siddiqui"),
    ],
)
def test_curated_parts(arabic: str, english: str) -> None:
    assert romanize(arabic) == english


def test_unknown_parts_read_as_a_name() -> None:
    name = romanize("طارق عريا", "AF")
    assert name.startswith("Tariq ") and name.isascii()
    assert name.split()[1][0].isupper()


def test_fallback_is_readable_ascii() -> None:
    out = _fallback(["طارق", "عريا"])
    assert out.isascii() and out.startswith("Tariq") and "$" not in out


def test_phrase() -> None:
    assert romanize_phrase("التجمع").startswith("Al-")
