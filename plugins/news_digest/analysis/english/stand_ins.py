"""Roles that stand in for people whose English name is unsure.

A person whose name only the name-frequency data spells ("كلوب" -> "Kalub"?) never acts in a
headline under that name. When the lead gives the same person a role that says whose it is
("مدرب ليفربول يورغن كلوب", "غوارديولا، مدرب مانشستر سيتي،"), the title's name may act
under that role: "كلوب يحذر" -> Liverpool coach warns. The role's English is certain; the
name is never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..entities import Entity
from .actors import is_role, role_actor
from .clauses import Clause, Span
from .trusted import certain_name


def _role_before(clause: Clause, person: Span) -> Entity | None:
    """ "مدرب ليفربول يورغن كلوب": a role phrase ending at the person."""
    for start in range(max(0, person.first - 6), person.first):
        found = role_actor(clause, start)
        if found is not None and found[1] == person.last and is_role(found[0]):
            return found[0]
    return None


def _role_after(clause: Clause, person: Span) -> Entity | None:
    """ "غوارديولا، مدرب مانشستر سيتي،": a role set off by commas right after the person."""
    if clause.aside != person.last + 1:
        return None
    found = role_actor(clause, person.last + 1)
    return found[0] if found is not None and is_role(found[0]) else None


def lead_roles(lead: Sequence[Clause]) -> dict[str, Entity]:
    """Unsure people of the lead -> the role it gives them."""
    out: dict[str, Entity] = {}
    for clause in lead:
        for span in clause.names:
            if span.entity.type != "person" or certain_name(span.entity) or span.clitic:
                continue
            role = _role_before(clause, span) or _role_after(clause, span)
            if role is not None:
                out.setdefault(span.entity.key, role)
    return out


def with_roles(clauses: Sequence[Clause], roles: dict[str, Entity]) -> list[Clause]:
    """The clauses with each unsure person the lead gives a role named by that role."""
    if not roles:
        return list(clauses)
    out = []
    for clause in clauses:
        names = tuple(
            replace(s, entity=roles[s.entity.key]) if s.entity.key in roles else s
            for s in clause.names
        )
        out.append(replace(clause, names=names))
    return out
