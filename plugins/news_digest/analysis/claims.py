"""Claims: statements the article itself marks as claims, or as impossible to verify.

Two kinds of marker: a claim verb (زعم، ادعى) whose clause is the claim and whose subject the
claimant; and a marker noun or phrase (ادعاء، مزاعم، "يستحيل التحقق منه بشكل مستقل"، "لم يتسنَّ
التحقق") that comments on a statement — the one earlier in the same sentence, else the last one
of the previous sentence. Speakers are resolved exactly as for quotes (quotes.py), so "الحركة"
comes out as the movement the article is about.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..arabic import ARABIC_LETTER_CLASS, fold
from ..models import Document
from .quotes import Prepared, Speaker, Statement, clause_text, prepared_statements
from .sources import fold_with_offsets

if TYPE_CHECKING:
    from .entities import EntityResult

logger = logging.getLogger(__name__)

_L = ARABIC_LETTER_CLASS
# Folded. "لم يتسنَّ" loses its shadda to folding; يتسنى/يتسني are both written.
_UNVERIFIABLE_RE = re.compile(
    f"(?<![{_L}])[وف]?"
    r"(?P<cue>(?:يستحيل|لا\s+يمكن|لم\s+يمكن|لم\s+يتسن[يا]?|لا\s+يتسن[يا]|يتعذر|تعذر|دون\s+ان\s+يتسن[يا]?"
    r"|يصعب)\s+(?:لنا\s+|ل[" + _L + r"]+\s+)?(?:التحقق|التاكد|تاكيد|التثبت))"
)
# Three kinds of claim noun, each pointing at the claim from a different side:
# "وهو ادعاء" comments on the statement before it; "مزاعم/ادعاءات بأن…" introduces the claim
# after it; "الهجوم المزعوم" marks the noun phrase before it. "الادعاء" (definite) is the
# prosecution in court reports, so it is not a marker.
_COMMENT_RE = re.compile(f"(?<![{_L}])(?P<cue>ادعاء)(?![{_L}])")
_ALLEGATIONS_RE = re.compile(
    f"(?<![{_L}])(?P<cue>(?:ال|و|ب|ل|بال|وال)?(?:مزاعم|ادعاءات))(?![{_L}])"
)
_ALLEGED_RE = re.compile(f"(?<![{_L}])(?P<cue>(?:ال)?(?:مزعوم|مزعومه))(?![{_L}])")
_PHRASE_STOP = '،,.:؛;()"«»“”'
MAX_CLAIM_PHRASE_WORDS = 15


@dataclass(frozen=True)
class Claim:
    text: str  # the claimed statement
    claimant: str | None
    claimant_en: str | None
    cue: str  # the marker as written: "وزعمت", "ادعاء", "يستحيل التحقق"
    unverifiable: bool
    sentence: int


@dataclass(frozen=True)
class _Marker:
    start: int  # offsets in the sentence's own text
    end: int
    kind: str  # comment | allegations | alleged | verify
    unverifiable: bool


def _marker(text: str) -> _Marker | None:
    """The first claim noun or "cannot be verified" phrase of a sentence."""
    folded, offsets = fold_with_offsets(text)
    unverifiable = _UNVERIFIABLE_RE.search(folded)
    found = [
        (match, kind)
        for kind, pattern in (
            ("verify", _UNVERIFIABLE_RE),
            ("comment", _COMMENT_RE),
            ("allegations", _ALLEGATIONS_RE),
            ("alleged", _ALLEGED_RE),
        )
        if (match := pattern.search(folded)) is not None
    ]
    if not found:
        return None
    first, kind = min(found, key=lambda pair: pair[0].start())
    start, end = offsets[first.start("cue")], offsets[first.end("cue") - 1] + 1
    return _Marker(start, end, kind, unverifiable is not None)


def _words_after(text: str, start: int) -> str:
    """The words after an "allegations" noun, up to the end of the clause."""
    piece = re.split(f"[{re.escape(_PHRASE_STOP)}]", text[start:], maxsplit=1)[0]
    return " ".join(piece.split()[:MAX_CLAIM_PHRASE_WORDS])


def _words_before(text: str, end: int) -> str:
    """The noun phrase an "alleged" adjective follows: back to a preposition or comma."""
    kept: list[str] = []
    for word in reversed(text[:end].split()):
        if word[-1] in _PHRASE_STOP or fold(word) in _PREPOSITIONS or len(kept) == 4:
            break
        kept.insert(0, word)
    return " ".join(kept)


_OWNER_RE = re.compile(r"^((?:\S+\s+){1,3}?)ب?[أإا]ن(?:ه|ها|هم)?\s+")


def _split_owner(phrase: str) -> tuple[str | None, str]:
    """ "مزاعم إسرائيل بأن المسيرات …": whose allegations, and what they allege."""
    match = _OWNER_RE.match(phrase)
    if match is None:
        return None, phrase
    return match.group(1).strip(), phrase[match.end() :]


_PREPOSITIONS = frozenset(fold(w) for w in ("في", "من", "على", "عن", "إلى", "مع", "بعد", "قبل"))


def _claim(text: str, speaker: Speaker | None, cue: str, unverifiable: bool, index: int) -> Claim:
    name = speaker.name if speaker else None
    english = speaker.en if speaker else None
    return Claim(text, name, english, cue, unverifiable, index)


def _statement_text(text: str, statements: list[Statement], number: int) -> str:
    statement = statements[number]
    following = [s.verb_start for s in statements[number + 1 :]]
    end = min([len(text), *following])
    return clause_text(text, statement.clause_start or statement.verb_end, end)


def _verb_claims(
    text: str, statements: list[Statement], index: int, marker: _Marker | None
) -> list[Claim]:
    claims = []
    for number, statement in enumerate(statements):
        if not statement.claim or statement.clause_start is None:
            continue
        claimed = _statement_text(text, statements, number)
        cue = text[statement.verb_start : statement.verb_end]
        unverifiable = marker is not None and marker.unverifiable
        claims.append(_claim(claimed, statement.speaker, cue, unverifiable, index))
    return claims


@dataclass(frozen=True)
class _Previous:
    """The sentence before, for a marker that comments on it ("ولم يتسن التحقق من ذلك")."""

    text: str
    statements: list[Statement]


def _marked_claim(
    text: str, statements: list[Statement], marker: _Marker, previous: _Previous | None, index: int
) -> Claim:
    """The statement a claim noun or "unverifiable" phrase comments on."""
    cue = text[marker.start : marker.end]
    if marker.kind == "allegations":
        owner, claimed = _split_owner(_words_after(text, marker.end))
        speaker = Speaker(owner) if owner else None
        return _claim(claimed, speaker, cue, marker.unverifiable, index)
    if marker.kind == "alleged":
        return _claim(_words_before(text, marker.start), None, cue, marker.unverifiable, index)
    before = [n for n, s in enumerate(statements) if s.verb_end <= marker.start and not s.claim]
    if before:
        statement = statements[before[-1]]
        start = statement.clause_start or statement.verb_end
        claimed = clause_text(text, start, min(marker.start, len(text)))
        return _claim(claimed, statement.speaker, cue, marker.unverifiable, index)
    own = clause_text(text, 0, marker.start)
    if len(own.split()) >= 4 or previous is None:
        return _claim(own, None, cue, marker.unverifiable, index)
    with_clause = [n for n, s in enumerate(previous.statements) if s.clause_start is not None]
    if with_clause:
        number = with_clause[-1]
        claimed = _statement_text(previous.text, previous.statements, number)
        return _claim(claimed, previous.statements[number].speaker, cue, True, index - 1)
    return _claim(clause_text(previous.text, 0, len(previous.text)), None, cue, True, index - 1)


def _sentence_claims(
    text: str, statements: list[Statement], previous: _Previous | None, index: int
) -> list[Claim]:
    marker = _marker(text)
    claims = _verb_claims(text, statements, index, marker)
    if marker is not None and not claims:
        claim = _marked_claim(text, statements, marker, previous, index)
        if len(claim.text.split()) >= 2:
            claims.append(claim)
    return claims


def _merge(claims: list[Claim], new: list[Claim]) -> None:
    """A marker on the previous sentence's claim ("ولم يتسن التحقق منها") flags that claim
    instead of repeating it."""
    for claim in new:
        last = claims[-1] if claims else None
        if last is not None and last.sentence == claim.sentence and last.text == claim.text:
            claims[-1] = replace(last, unverifiable=last.unverifiable or claim.unverifiable)
        else:
            claims.append(claim)


def extract_claims(
    doc: Document, entities: EntityResult | None, prepared: Prepared | None = None
) -> tuple[Claim, ...]:
    """Claims and unverifiable statements, in reading order (`prepared`: see extract_quotes)."""
    claims: list[Claim] = []
    previous: _Previous | None = None
    if prepared is None:
        prepared = prepared_statements(doc, entities)
    for index, (sent, statements) in enumerate(prepared):
        _merge(claims, _sentence_claims(sent.text, statements, previous, index))
        previous = _Previous(sent.text, statements)
    logger.debug("%s: %d claims", doc.id, len(claims))
    return tuple(claims)
