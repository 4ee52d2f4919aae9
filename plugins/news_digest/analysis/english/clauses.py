"""Clauses of a title or lead sentence, with the names and action words found in each.

A clause is a run of words with no punctuation between them: a headline's ".." or ":" or a
lead's commas end one. Facts are only ever read inside one clause, so a name in one part of a
title is never joined to a verb in another. The lead is read from where its dateline ends
(``EntityResult.dateline``, "بيروت - (أ ف ب)", "دبي، الإمارات (CNN)"): the filing city is not
where the news happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...arabic import fold
from ..entities import Entity, EntityResult
from .lexicon import Form, forms_by_first_word

_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3A-Za-z0-9\u064b-\u0652\u0640]+")
WORD_RE = _WORD
_BREAK = re.compile(r"[.,:;!?\"«»()\[\]|،؛؟\u2013\u2014\u201c\u201d-]|\.\.")
# Proclitics, longest first; a reading keeps at least three letters.
_PROCLITICS = (
    "وبال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "وس",
    "فس",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
)


@dataclass(frozen=True)
class Word:
    text: str  # as written
    fold: str
    readings: frozenset[str]  # the folded word without each proclitic
    start: int
    end: int
    glued: bool = False  # joined to the word before by "_", inside one hashtag


@dataclass(frozen=True)
class Span:
    first: int  # word indexes in the clause, inclusive
    last: int
    entity: Entity
    clitic: str  # the proclitic glued to the name's first word ("ب" in "بليبيا")


@dataclass(frozen=True)
class ActionHit:
    first: int
    last: int
    form: Form


@dataclass(frozen=True)
class Clause:
    words: tuple[Word, ...]
    names: tuple[Span, ...]
    actions: tuple[ActionHit, ...]
    unit_uncertain: bool  # the title or sentence asks a question or sets a condition
    after_quote: bool = False  # a quotation mark ends the words before: they may be its subject
    after_comma: bool = False  # a comma ends the words before: it goes on with their sentence
    aside: int = -1  # where an apposition set off by commas was joined on (apposition.py)


def readings(folded: str) -> frozenset[str]:
    out = {folded}
    for clitic in _PROCLITICS:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 3:
            out.add(folded[len(clitic) :])
    return frozenset(out)


def _words(text: str, offset: int = 0) -> list[list[Word]]:
    """The words of text split into clauses at punctuation.

    A day or time set off by commas ("قال الجيش، الأحد، إن") is no clause of its own: it is
    left out, and the words around it stay one clause.
    """
    clauses: list[list[Word]] = [[]]
    commas: list[bool] = [False]  # the clause began at a comma, not at a stronger break
    last = offset
    for m in _WORD.finditer(text, offset):
        gap = text[last : m.start()]
        if _BREAK.search(gap) and clauses[-1]:
            clauses.append([])
            commas.append(gap.strip() in ("،", ","))
        folded = fold(m.group())
        glued = gap == "_" and bool(clauses[-1])
        clauses[-1].append(Word(m.group(), folded, readings(folded), m.start(), m.end(), glued))
        last = m.end()
    return _join_time_asides([c for c in clauses if c], commas)


def is_time(word: Word) -> bool:
    return word.fold in TIME_WORDS


def _join_time_asides(clauses: list[list[Word]], commas: list[bool]) -> list[list[Word]]:
    out: list[list[Word]] = []
    k = 0
    while k < len(clauses):
        words = clauses[k]
        aside = all(is_time(w) for w in words) and 0 < k < len(clauses) - 1
        if aside and commas[k] and commas[k + 1] and out:
            out[-1] = out[-1] + clauses[k + 1]
            k += 2
            continue
        out.append(list(words))
        k += 1
    return out


def entity_surfaces(result: EntityResult, sentences: Sequence[str]) -> dict[str, set[tuple]]:
    """Folded word sequences each entity is written as, from its mentions and its text."""
    surfaces: dict[str, set[tuple]] = {
        e.key: {tuple(fold(w) for w in e.text.split())} for e in result.entities
    }
    for m in result.mentions:
        if m.sentence < len(sentences) and m.key in surfaces:
            words = _WORD.findall(sentences[m.sentence][m.start : m.end])
            if words:
                surfaces[m.key].add(tuple(fold(w) for w in words))
    return surfaces


def _name_spans(words: Sequence[Word], by_first: dict[str, list]) -> list[Span]:
    spans: list[Span] = []
    i = 0
    while i < len(words):
        best = None
        # Sorted, longest reading (least clitic cut) first: ties go the same way every run
        # (set order changes with PYTHONHASHSEED, and with it a headline).
        for reading in sorted(words[i].readings, key=lambda r: (-len(r), r)):
            for surface, entity in by_first.get(reading, ()):
                n = len(surface)
                rest = words[i + 1 : i + n]
                fits = len(rest) == n - 1 and all(
                    surface[k + 1] in w.readings for k, w in enumerate(rest)
                )
                if fits and (best is None or n > best[0]):
                    clitic = words[i].fold[: len(words[i].fold) - len(reading)]
                    best = (n, entity, clitic)
        if best and _whole_tag(words, i, i + best[0] - 1):
            spans.append(Span(i, i + best[0] - 1, best[1], best[2]))
            i += best[0]
        else:
            i += 1
    return spans


def _whole_tag(words: Sequence[Word], first: int, last: int) -> bool:
    """A name neither starts nor ends inside a hashtag ("#كيم_جونغ_أون" is one name, not
    "Kim" and "Jong Aung")."""
    starts_inside = words[first].glued
    ends_inside = last + 1 < len(words) and words[last + 1].glued
    return not (starts_inside or ends_inside)


def _action_hits(words: Sequence[Word], taken: set[int]) -> list[ActionHit]:
    index = forms_by_first_word()
    hits: list[ActionHit] = []
    for i, word in enumerate(words):
        if i in taken:
            continue
        for reading in sorted(word.readings, key=lambda r: (-len(r), r)):
            clitic = word.fold[: len(word.fold) - len(reading)]
            form = next(
                (
                    f
                    for f in index.get(reading, ())
                    if _follows(words, i, f.words)
                    and _clitic_fits(clitic, f.pos)
                    and not (f.pos != "noun" and i and words[i - 1].fold in _PREPOSITIONS)
                ),
                None,
            )
            if form:
                hits.append(ActionHit(i, i + len(form.words) - 1, form))
                break
    return hits


# A preposition governs a noun: "في تطور جديد" is a development, never "develops".
_PREPOSITIONS = frozenset({"في", "من", "علي", "الي", "عن", "مع", "حول", "خلال", "منذ", "ضد"})
_PREPOSITIONS |= {"نحو", "عند", "بين", "تحت", "فوق", "عبر", "بعد", "قبل"}


def _clitic_fits(clitic: str, pos: str) -> bool:
    """A verb takes no article and no "ب"/"ك" ("الأمر" is a matter, never "ordered")."""
    return pos == "noun" or not ("ال" in clitic or clitic.startswith(("ب", "ك")) or clitic == "لل")


def _follows(words: Sequence[Word], i: int, form: tuple[str, ...]) -> bool:
    if i + len(form) > len(words):
        return False
    return all(part in words[i + k].readings for k, part in enumerate(form[1:], 1))


_QUOTES = ('"', "«", "»", "\u201c", "\u201d")
TIME_WORDS = frozenset(
    {"اليوم", "امس", "غدا", "يوم", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه"}
) | {"السبت", "الاحد", "صباح", "مساء", "فجر", "ليل", "ليله", "الماضي", "المقبل", "الحالي"}
_UNCERTAIN = frozenset({"هل", "لو", "لولا", "اذا", "ربما", "لعل", "ماذا", "لماذا", "كيف", "متي"})


def clauses_of(
    text: str, start: int, surfaces: dict[str, set[tuple]], entities, sentence: bool = False
) -> list[Clause]:
    """Clauses of text from start, each with its names and action words.

    A title is one unit: a question or condition anywhere in it makes every clause uncertain.
    In a lead sentence (``sentence``) a condition or question word makes uncertain only its
    own clause and those after it ("قال X إن ... إذا ..." still says X spoke); a question
    mark still makes the whole sentence a question.
    """
    by_first: dict[str, list] = {}
    for entity in entities:
        for surface in sorted(surfaces.get(entity.key, ())):
            if surface:
                by_first.setdefault(surface[0], []).append((surface, entity))
    split = _words(text, start)
    asked = "؟" in text or "?" in text
    uncertain = asked or bool({w.fold for c in split for w in c} & _UNCERTAIN)
    teaser = None if sentence else _teaser(text, split)
    out = []
    end = start
    for k, words in enumerate(split):
        if teaser is not None:
            uncertain = k >= teaser
        names = _name_spans(words, by_first)
        taken = {k for s in names for k in range(s.first, s.last + 1)}
        gap = text[end : words[0].start]
        quoted = any(q in gap for q in _QUOTES)
        hits = tuple(_action_hits(words, taken))
        if sentence:
            uncertain = asked or uncertain_before(out) or bool({w.fold for w in words} & _UNCERTAIN)
        # After a comma the sentence goes on, unless all before was an adverbial phrase with
        # no name and no verb ("في تطور جديد، أعلن الجيش ..."): then its main clause starts.
        comma = any(c.names or _has_verb(c) for c in out) and gap.strip() in ("،", ",")
        out.append(Clause(tuple(words), tuple(names), hits, uncertain, quoted, comma))
        end = words[-1].end
    return out


# A title's teaser question after its statement: "دراسة تحذر من ... فهل سنعود للقماش؟".
_TEASERS = frozenset({"فهل", "فماذا", "فما", "فكيف", "فمن", "فلماذا", "ماذا", "هل", "كيف"})
_TEASERS |= {"وماذا", "وهل", "وكيف", "ولماذا"}


def _teaser(text: str, split: list[list[Word]]) -> int | None:
    """The index of a title's closing question clause after "..", when all before it is a
    plain statement (no question or condition word, no question mark): that statement is
    the news, the question only invites reading on."""
    for k in range(1, len(split)):
        if split[k][0].fold not in _TEASERS:
            continue
        if ".." not in text[split[k - 1][-1].end : split[k][0].start]:
            return None
        before = text[: split[k][0].start]
        plain = not ({w.fold for c in split[:k] for w in c} & _UNCERTAIN)
        return k if plain and "؟" not in before and "?" not in before else None
    return None


def _has_verb(clause: Clause) -> bool:
    return any(h.form.pos != "noun" for h in clause.actions)


def uncertain_before(clauses: Sequence[Clause]) -> bool:
    return bool(clauses) and clauses[-1].unit_uncertain
