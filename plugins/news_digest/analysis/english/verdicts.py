"""A court's sentence: "قضت محكمة عراقية بإعدام 6 نساء" (Iraqi court sentences 6 women to
death), "قضت محكمة هندية بسجن X" or "قضت محكمة على X بالسجن" (Indian court jails X).

Only a court's "قضت" with the penalty right after it (or after "على" and whom) counts, and
only when whom is said: a certain name, a role, or unnamed people with their number. Any
other ruling ("قضت المحكمة بحجب تطبيق") states nothing here.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from ..entities import Entity
from .actors import is_role, role_actor
from .clauses import Clause, Span
from .lexicon import Action, load_actions
from .people import counted_people
from .trusted import certain_name

# The penalty's masdar (after its "ب" and article) -> the action English news uses for it.
_PENALTIES = MappingProxyType({"اعدام": "sentence", "سجن": "jail", "حبس": "jail"})


def _penalty(clause: Clause, index: int) -> str | None:
    if index >= len(clause.words):
        return None
    word = clause.words[index].fold
    if not word.startswith("ب"):
        return None
    return _PENALTIES.get(word[1:].removeprefix("ال"))


def _sentenced(clause: Clause, index: int) -> Span | None:
    """Whom the court sentences: unnamed people with their number, a certain person's
    name, or a role phrase ("الرئيسة السابقة")."""
    if (people := counted_people(clause, index)) is not None:
        return Span(index, people[1], people[0], "")
    span = next((s for s in clause.names if s.first == index), None)
    if span is not None:
        ok = span.entity.type == "person" and not span.clitic and certain_name(span.entity)
        return span if ok else None
    found = role_actor(clause, index)
    return Span(index, found[1], found[0], "") if found and is_role(found[0]) else None


def verdict(clause: Clause, rest: int, actor: Entity) -> tuple[Action, Span] | None:
    """The sentence a court's ruling states from rest, as (action, whom), or None."""
    if "court" not in actor.en.lower().split() or rest >= len(clause.words):
        return None
    if clause.words[rest].fold == "علي":  # "قضت على X بالسجن"
        whom = _sentenced(clause, rest + 1)
        penalty = _penalty(clause, whom.last + 1) if whom else None
    else:  # "قضت بسجن X"
        penalty = _penalty(clause, rest)
        whom = _sentenced(clause, rest + 1) if penalty else None
    if penalty is None or whom is None:
        return None
    action = next(a for a in load_actions()[0] if a.key == penalty)
    if penalty == "sentence":
        whom = replace(whom, entity=replace(whom.entity, en=f"{whom.entity.en} to death"))
    return action, whom
