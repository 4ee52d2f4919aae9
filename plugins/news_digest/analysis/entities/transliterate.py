"""Readable English spellings for Arabic names that no gazetteer holds.

Order of preference, per name:
1. every token is in the curated ``name_parts.tsv`` (with the -ullah, Abdul- and al- rules):
   the spelling English-language news uses, deterministic and instant;
2. otherwise the ``arabic_name_romanizer`` package's shipped names dictionary (Wikidata
   spellings), given a country hint so Afghan names come out as "Zabihullah", Arab ones as
   "Tariq", with the package's own letter rules for units the dictionary lacks. Its ONNX model
   is not loaded: at ~3 ms per unknown name (and 0.5 s to load) it would dominate the per-article
   budget, and a dictionary spelling or a rule spelling reads well enough. Results are memoised
   because names repeat across articles;
3. without that package, a letter-by-letter fallback that still reads as a name (never
   Buckwalter).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from ...arabic import fold, tokens
from .gazetteer import load_gazetteer

logger = logging.getLogger(__name__)

# Without a hint the package spells the French way (Tarek, Moujahid); Jordan's convention is the
# plain English one (Tariq, Muhammad, Mujahid).
DEFAULT_COUNTRY = "JO"

_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ئ": "", "ؤ": "", "ى": "a", "ة": "a",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y",
}  # fmt: skip
_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def _romanizer() -> Any | None:
    """The package's dictionary-only Transliterator, loaded once; None when not installed."""
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:
        logger.info("arabic-name-romanizer not installed: using the rule-based fallback")
        return None
    return Transliterator(auto_load_model=False)


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _letters(token: str) -> str:
    """Letter-by-letter reading: long vowels kept, an 'a' between bare consonant pairs."""
    out: list[str] = []
    for i, char in enumerate(token):
        latin = _LETTERS.get(char, "")
        if char == "و" and i > 0:
            latin = "u" if (out and out[-1][-1:] not in _VOWELS) else "w"
        elif (char == "ي" and 0 < i < len(token) - 1 and out and out[-1][-1:] not in _VOWELS) or (
            char == "ي" and i == len(token) - 1
        ):
            latin = "i"
        if out and latin and latin[0] not in _VOWELS and out[-1][-1:] not in _VOWELS and i > 1:
            out.append("a")
        out.append(latin)
    return _capital("".join(out) or token)


def _known(token: str) -> str | None:
    """The curated spelling of one folded token, with the compound rules; None if unknown."""
    parts = load_gazetteer().name_parts
    if token in parts:
        return parts[token].en
    if token.startswith("عبد") and len(token) > 4:
        rest = token[3:]
        return "Abdullah" if rest == "الله" else _abdul(rest)
    if token.startswith("ال") and len(token) > 3:
        inner = _known(token[2:])
        return f"al-{inner}" if inner else None
    return None


def _abdul(rest: str) -> str | None:
    inner = _known(rest[2:] if rest.startswith("ال") else rest)
    return f"Abdul {inner}" if inner else None


def _join_compounds(words: list[str], folded: list[str]) -> list[str]:
    """X الله -> Xullah, عبد X -> Abdul X: the way these compounds are written in English."""
    out: list[str] = []
    for word, token in zip(words, folded, strict=True):
        if token == "الله" and out and out[-1] not in ("Abdul", "Abd"):
            out[-1] = out[-1].rstrip("a") + "ullah"
        elif token == "الله" and out:
            out[-1] = "Abdullah"
        elif out and out[-1] == "Abd":
            out[-1] = f"Abdul {word.removeprefix('al-')}"
        else:
            out.append(word)
    return out


def _curated(folded: list[str]) -> str | None:
    words: list[str] = []
    for token in folded:
        if token in ("الله", "عبد"):
            words.append("Abd" if token == "عبد" else "")
            continue
        known = _known(token)
        if known is None:
            return None
        words.append(known)
    joined = _join_compounds(words, folded)
    return _capital(" ".join(w for w in joined if w))


def curated_spelling(name: str) -> str | None:
    """The spelling from the curated name parts alone (name_parts.tsv with the عبد/الله
    compounds), or None when a word of the name is not listed there."""
    folded = tokens(fold(name))
    return _curated(folded) if folded else None


@lru_cache(maxsize=8192)
def romanize(name: str, country: str | None = None) -> str:
    """English spelling of an Arabic personal name (see the module docstring for the order)."""
    folded = tokens(fold(name))
    if not folded:
        return name
    curated = _curated(folded)
    if curated:
        return curated
    romanizer = _romanizer()
    if romanizer is not None:
        result = romanizer.transliterate(" ".join(folded), country=country or DEFAULT_COUNTRY)
        if isinstance(result, str) and result:
            return result
    return _fallback(folded)


def _fallback(folded: list[str]) -> str:
    words = [_known(token) or _letters(token.removeprefix("ال")) for token in folded]
    return _capital(" ".join(_join_compounds(words, folded)))


def romanize_phrase(text: str) -> str:
    """A non-name phrase (an organisation's complement): token by token, al- kept."""
    words = []
    for token in tokens(fold(text)):
        known = _known(token)
        if known:
            words.append(known)
        elif token.startswith("ال") and len(token) > 3:
            words.append("al-" + _letters(token[2:]))
        else:
            words.append(_letters(token))
    return _capital(" ".join(words))
