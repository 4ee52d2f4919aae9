"""Verbs whose object is a verbal noun (masdar): "قررت الإمارات إنهاء مهمتها", "أمرت محكمة
بحجب التطبيق", "نفى شن هجوم".

English says these with an infinitive ("decides to end mission") or with the noun itself
("orders ban", "denies attack"). Only verbs listed here take a masdar object, and only a
masdar right after the verb (or after its "ب" or "على") counts: a verbal noun further on is
as often background.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .actors import noun_object
from .clauses import ActionHit, Clause
from .lexicon import Action, forms_by_first_word

# Verbs English follows with "to" and the masdar's verb: decides to end, threatens to withdraw.
_TO_VERBS = frozenset({"decide", "plan", "refuse", "threaten", "promise"})
# Verbs English follows with the masdar's noun: orders ban, announces cancellation ("رفض"
# with a masdar refuses to act, and "rejects rescue" misreads it: not listed).
_NOUN_VERBS = frozenset({"announce", "order", "confirm", "deny", "demand", "call for"})
_NOUN_VERBS |= {"approve", "condemn", "support", "welcome", "start", "criticise"}
_NOUN_VERBS |= {"praise", "postpone"}
# Masdars that are no act of the subject's, or too vague to name one.
_NOT_COMPLEMENTS = frozenset({"say", "state", "report", "decide", "plan"})
# Masdars whose lexicon noun names the story, not the act ("تتويج" crowning is "title",
# "مواجهة" is "match"): "postpones title" would misread them.
_NOT_COMPLEMENTS |= {"crown", "face", "play", "beat", "top", "burn", "flee", "score", "lead"}
_NOT_COMPLEMENTS |= {"record", "save", "control", "fire", "call for", "send", "target"}
_NOT_COMPLEMENTS |= {"die", "die2"}  # "يعلن وفاة كأس القارات": a figurative death
_NOT_COMPLEMENTS |= {"free"}  # "تحرير ميدي": a town is liberated, a prisoner released
_LIGHT_VERBS = frozenset({"launch", "carry out", "wage"})


@dataclass(frozen=True)
class Complement:
    action: Action  # the verb and its masdar as one action: "decide to end", key of the verb
    rest: int  # the word after the masdar, where its own object starts
    takes_object: bool  # the masdar's object completes the English ("to end mission")


def masdar_hit(clause: Clause, index: int, verb: Action) -> ActionHit | None:
    """The verbal noun at index, or after "على" there, or "عن" after announcing ("أعلن عن
    إطلاق"; "امتنع عن التصويت" abstains, no refusal); none behind a "ل" of purpose."""
    skip = ("علي", "عن") if verb.key == "announce" else ("علي",)
    if index < len(clause.words) and clause.words[index].fold in skip:
        index += 1
    hit = next((h for h in clause.actions if h.first == index), None)
    if hit is not None and hit.form.pos != "noun":
        hit = _as_noun(clause, hit)  # "شن" is both "launched" and "launching"
    if hit is None or hit.form.action.key in _NOT_COMPLEMENTS:
        return None
    word = clause.words[index].fold
    if word.startswith("ل") and not word.startswith("لل") and word != hit.form.words[0]:
        return None  # "لدعم": a purpose, not the object
    return hit


def _as_noun(clause: Clause, hit: ActionHit) -> ActionHit | None:
    """The same word read as its action's verbal noun, when the lexicon lists it so."""
    word = clause.words[hit.first]
    for reading in sorted(word.readings, key=lambda r: (-len(r), r)):
        for form in forms_by_first_word().get(reading, ()):
            if (
                form.pos == "noun"
                and form.action.key == hit.form.action.key
                and len(form.words) == 1
            ):
                return ActionHit(hit.first, hit.first, form)
    return None


def _span_at(clause: Clause, index: int):
    return next((s for s in clause.names if s.first == index), None)


def complement(clause: Clause, index: int, verb: Action) -> Complement | None:
    """The verb with the masdar object at index, or None."""
    if verb.key not in _TO_VERBS | _NOUN_VERBS:
        return None
    hit = masdar_hit(clause, index, verb)
    if hit is None:
        return None
    masdar = hit.form.action
    if masdar.key in _LIGHT_VERBS:  # "نفى شن هجوم": the launching is the attack
        nxt = next((h for h in clause.actions if h.first == hit.last + 1), None)
        if nxt is not None and nxt.form.pos == "noun":
            hit, masdar = nxt, nxt.form.action  # else the launching itself: "إطلاق قمر"
        elif masdar.key != "launch":
            return None  # "أعلنت تنفيذ أحكام": what is carried out is unread, no "operation"
    if verb.key in _TO_VERBS:
        to = f" to {masdar.en}"
        action = replace(
            verb, en=verb.en + to, en_s=verb.en_s + to, en_past=verb.en_past + to,
            en_pp=verb.en_pp + to, noun=masdar.noun, prep=masdar.prep, bare=masdar.bare,
            speech="",
        )  # fmt: skip
        return Complement(action, hit.last + 1, True)
    noun = f" {masdar.noun}"
    thing = noun_object(clause, hit.last + 1)
    if thing is not None and not _span_at(clause, hit.last + 1):
        noun, hit = f"{noun} of {thing[0].en}", ActionHit(hit.first, thing[1], hit.form)
    action = replace(
        verb, en=verb.en + noun, en_s=verb.en_s + noun, en_past=verb.en_past + noun,
        en_pp=verb.en_pp + noun, noun=masdar.noun, prep="-", bare=True, speech="",
    )  # fmt: skip
    return Complement(action, hit.last + 1, False)
