"""Objects no name gives: a plain noun ("يمدد عقد" extends contract), a role ("يستقبل ولي
العهد السعودي"), unnamed people ("تعتقل 70 ضابطا"), or a noun after the preposition a verb
governs ("دعت لاجتماع" calls for a meeting). Split from headline.py, which reads the clause.
"""

from __future__ import annotations

from dataclasses import replace

from .actors import noun_object, role_actor
from .clauses import Clause, Span
from .lexicon import Action
from .people import counted_people, fits

# Verbs whose plain object may be a role ("يستقبل ولي العهد"), not any verb ("يرفض نجم").
_ROLE_OBJECT_VERBS = frozenset({"receive", "meet", "call", "congratulate", "thank", "summon"})
_ROLE_OBJECT_VERBS |= {"visit", "dismiss", "appoint", "hold talks", "discuss"}
PERSON_OBJECT_VERBS = frozenset({"arrest", "kidnap", "detain", "execute", "jail", "free"})
PERSON_OBJECT_VERBS |= {"release", "deport", "expel", "kill", "injure", "try", "sentence"}
PERSON_OBJECT_VERBS |= {"take captive"}
# Verbs whose plain-noun object follows "لـ", "بـ" or "إلى" (see prep_object).
_PREP_OBJECT_VERBS = frozenset({"call for", "demand"})


def _span_at(clause: Clause, index: int) -> Span | None:
    return next((s for s in clause.names if s.first == index), None)


def object_span(clause: Clause, index: int, action: Action) -> Span | None:
    """A plain-noun or role object, for verbs that take one directly ("يمدد عقد" extends
    contract, "يستقبل ولي العهد السعودي" receives the Saudi crown prince)."""
    if action.prep or action.speech == "say" or _span_at(clause, index) is not None:
        return None
    about = action.key == "announce" and index < len(clause.words)
    if index < len(clause.words) and clause.words[index].fold == "علي":
        if action.key == "ban":
            return None  # "حظرت على الشركات بيع ...": whom a ban binds, not what is banned
        index += 1  # "سيطر على منطقة": English takes the object directly (captures area)
    elif about and clause.words[index].fold == "عن":
        index += 1  # "أعلن عن خطة": announces plan
    if action.key in PERSON_OBJECT_VERBS:
        start = index + (index < len(clause.words) and clause.words[index].fold == "عن")
        people = counted_people(clause, start)  # "تعتقل 70 ضابطا"
        if people is not None and fits(action.key, people[0]):
            return Span(start, people[1], people[0], "")
    found = noun_object(clause, index)
    if found is None and action.key in _ROLE_OBJECT_VERBS:
        found = role_actor(clause, index)
    return Span(index, found[1], found[0], "") if found else None


def prep_object(clause: Clause, index: int, action: Action) -> Span | None:
    """A plain-noun object after the preposition the verb governs: "دعت لاجتماع" calls for a
    meeting, "دعت إلى اجتماع" too, "طالبت بتحقيق" demands an investigation."""
    if action.key not in _PREP_OBJECT_VERBS or index >= len(clause.words):
        return None
    word = clause.words[index]
    if word.fold == "الي":
        found = noun_object(clause, index + 1)
        return Span(index + 1, found[1], found[0], "الي") if found else None
    if word.fold[:1] not in ("ل", "ب") or _span_at(clause, index) is not None:
        return None
    unglued = (*clause.words[:index], replace(word, fold=word.fold[1:]), *clause.words[index + 1 :])
    found = noun_object(replace(clause, words=unglued), index)
    return Span(index, found[1], found[0], word.fold[0]) if found else None
