"""Datelines: the filing place and outlet that open a wire story's body.

"دبي، الإمارات العربية المتحدة (CNN)-- …", "بيروت (رويترز) - …", "(CNN)-- …",
"واشنطن - أ ف ب: …". The place there is where the story was filed, not what it is about: its
names are recorded as the dateline and kept out of the article's entities.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ...arabic import ARABIC_LETTER_CLASS, fold
from ..sources import load_outlets

_L = ARABIC_LETTER_CLASS
# One to four words of a place, optionally ", country" (one to four words more).
_PLACE = rf"[{_L}]+(?:[ \u00a0][{_L}]+){{0,3}}"
_PLACES = rf"(?P<place>{_PLACE}(?:\s*[،,]\s*{_PLACE})?)"
_DASH = r"[-–—ـ]+"
# "PLACE (OUTLET) -- " or "(OUTLET)-- ": the outlet in brackets, then a dash or colon.
_BRACKETED = re.compile(rf"^\s*(?:{_PLACES}\s*)?\((?P<outlet>[^()\n]{{1,30}})\)\s*(?:{_DASH}|:)\s*")
# "PLACE - OUTLET: " or "PLACE - " where the place is all there is before the dash.
_DASHED = re.compile(rf"^\s*{_PLACES}\s*{_DASH}\s*(?:\(?(?P<outlet>[^()\n:]{{1,20}})\)?\s*:\s*)?")


@dataclass(frozen=True)
class Dateline:
    end: int  # characters of the first sentence the dateline takes (its text is [0, end))
    place: str | None  # the place words as written ("دبي، الإمارات العربية المتحدة")
    outlet: str | None  # the outlet as written ("CNN", "رويترز")
    outlet_en: str | None  # the outlet's English name, when it is a known one
    place_key: str | None = None  # the filing place's entity key and English name, when known
    place_en: str | None = None


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    """Folded Arabic and Latin spellings of known outlets -> English name."""
    names: dict[str, str] = {}
    for outlet in load_outlets():
        for form in (*outlet.variants, *outlet.cue_variants, *outlet.latin, outlet.en):
            names.setdefault(fold(form).casefold(), outlet.en)
    names.setdefault("وكالات", "news agencies")
    return names


def _outlet_en(text: str | None) -> str | None:
    if not text:
        return None
    return _outlet_names().get(fold(text.strip()).casefold())


def find_dateline(first_sentence: str, place_starts: Callable[[int], bool]) -> Dateline | None:
    """The dateline at the start of the body's first sentence, if any.

    ``place_starts(end)`` says whether a known place (a gazetteer or rule find) starts the
    sentence and ends by character ``end``: "WORDS (OUTLET)--" and "WORDS - " are datelines
    only then, so an opening like "الحكومة - …" is never taken for one; "(CNN)--" alone is."""
    match = _BRACKETED.match(first_sentence)
    if match:
        outlet = match.group("outlet").strip()
        place = match.group("place")
        if place and not place_starts(match.end("place")):
            return None
        return Dateline(match.end(), place, outlet, _outlet_en(outlet))
    match = _DASHED.match(first_sentence)
    if match is None or match.end() >= len(first_sentence):
        return None
    place = match.group("place")
    outlet = match.group("outlet")
    if not place_starts(match.end("place")):
        return None
    if outlet and _outlet_en(outlet) is None:
        # "بيروت - قال مسؤول:": no known outlet after the dash, so only the place is taken.
        end = re.match(rf"^\s*{_PLACES}\s*{_DASH}\s*", first_sentence).end()
        return Dateline(end, place, None, None)
    return Dateline(match.end(), place, outlet, _outlet_en(outlet))
