"""Arabic-aware, quote-aware sentence splitting.

pyarabic's splitter cuts at every Arabic comma; news prose strings whole paragraphs together with
the comma, so we only end sentences at . ! ? ؟ … and never inside a quotation ("…", «…», “…”).
"""

from __future__ import annotations

import re

from ..arabic import ARABIC_LETTER_CLASS

# A quotation longer than this is treated as a stray quote mark, not a span to protect:
# an unbalanced " must not swallow the rest of a paragraph.
MAX_QUOTE_CHARS = 600

_PAIRS = {"«": "»", "“": "”", "„": "”", '"': '"'}
_OPENER_RE = re.compile("[" + "".join(_PAIRS) + "]")
_TERMINATORS = ".!?؟…"
_CLOSERS = "\"»”')]"
# One Arabic letter before a full stop is an abbreviation (د. for doctor, م. for engineer).
_ABBREV_RE = re.compile(f"(?:^|[\\s(])[{ARABIC_LETTER_CLASS}]$")
_LATIN_ABBREV_RE = re.compile(r"(?:^|\s)(?:[A-Z]|[A-Z][a-z]{1,3}|U\.S|e\.g|i\.e|vs)$")
_ABBREV_WINDOW = 8  # longer than the longest abbreviation above plus the space before it
_TERMINATOR_RE = re.compile(f"[{re.escape(_TERMINATORS)}]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Half-open character spans of balanced quotations, outermost only."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (found := _OPENER_RE.search(text, i)) is not None:
        i = found.start()
        closer = _PAIRS[text[i]]
        end = text.find(closer, i + 1, i + 1 + MAX_QUOTE_CHARS)
        if end == -1:
            i += 1  # stray mark: ignore it rather than protect the rest of the text
            continue
        spans.append((i, end + 1))
        i = end + 1
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    # A terminator right before the closing mark ends the quotation and the sentence with it.
    return any(start < pos < end - 2 for start, end in spans)


def _is_boundary(text: str, pos: int) -> bool:
    """Whether the terminator at ``pos`` ends a sentence (the caller handles quotes)."""
    if text[pos] != ".":
        return True
    previous, after = text[pos - 1 : pos], text[pos + 1 : pos + 2]
    if previous.isdigit() and after.isdigit():
        return False  # decimal point: 3.5
    if after == "." or previous == ".":
        return False  # part of an ellipsis written with full stops
    # Only the few characters before the stop matter; search(text, lo, pos) keeps `^` meaning
    # the paragraph's start and `$` meaning the stop, without copying the text before it.
    lo = max(0, pos - _ABBREV_WINDOW)
    return not (_ABBREV_RE.search(text, lo, pos) or _LATIN_ABBREV_RE.search(text, lo, pos))


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping their punctuation."""
    text = paragraph.strip()
    if not text:
        return []
    spans = quote_spans(text)
    sentences: list[str] = []
    start = 0
    i = 0
    while (found := _TERMINATOR_RE.search(text, i)) is not None:
        i = found.start()
        if not _inside(i, spans) and _is_boundary(text, i):
            end = i + 1
            while end < len(text) and (text[end] in _TERMINATORS or text[end] in _CLOSERS):
                end += 1
            if end >= len(text) or text[end].isspace() or _starts_arabic(text, end):
                piece = text[start:end].strip()
                if piece:
                    sentences.append(piece)
                start = end
                i = end
                continue
        i += 1
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return _merge_fragments(sentences)


def _starts_arabic(text: str, pos: int) -> bool:
    # "المدينة.وقال": a missing space after the full stop still ends the sentence.
    return (
        re.match(f"[{ARABIC_LETTER_CLASS}]", text[pos]) is not None
        and pos > 0
        and text[pos - 1] in ".؟!"
    )


def _merge_fragments(sentences: list[str]) -> list[str]:
    """Glue pieces with no letter at all (a lone "…" or "(1)." ) onto the sentence before."""
    merged: list[str] = []
    for sentence in sentences:
        if merged and not re.search(r"\w", sentence):
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
    return merged
