"""Appositions set off by commas, joined back to the subject they describe.

A lead often names its subject twice, split by commas: "قال عادل الجبير، وزير الخارجية
السعودي، إن ..." or "استقبل الرئيس المصري، عبد الفتاح السيسي، ...". Clauses end at commas, so
the role and the name fall in different clauses. When a verb-first clause holds nothing but
the verb and its subject, and the next clause is only a role or a name, the two are one
subject: the apposition is joined on (``Clause.aside`` marks where), and nothing else is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .actors import role_actor
from .clauses import ActionHit, Clause, Span, is_time
from .trusted import role_words

_MAX_ASIDE = 8  # words: a longer clause is more than a name or a role


def _covered(clause: Clause, start: int) -> int | None:
    """The last word of one name or role phrase from start (time words after it allowed)."""
    span = next((s for s in clause.names if s.first == start), None)
    if span is not None:
        last = span.last if not span.clitic else None
    else:
        found = role_actor(clause, start)
        last = found[1] if found else None
    if last is None:
        return None
    while last + 1 < len(clause.words) and is_time(clause.words[last + 1]):
        last += 1
    return last


def _verb_and_subject(clause: Clause) -> bool:
    """ "قال عادل الجبير": a verb first, then one name or role phrase, and nothing else."""
    verb = next((h for h in clause.actions if h.first == 0 and h.form.pos != "noun"), None)
    if verb is None or clause.after_comma or clause.after_quote:
        return False
    start = verb.last + 1
    while start < len(clause.words) and is_time(clause.words[start]):
        start += 1
    return start < len(clause.words) and _covered(clause, start) == len(clause.words) - 1


def _is_apposition(clause: Clause) -> bool:
    """A role or a name alone, set off by a comma: "وزير الخارجية السعودي"."""
    if not clause.after_comma or len(clause.words) > _MAX_ASIDE:
        return False
    if any(h.form.pos != "noun" for h in clause.actions):
        return False
    first = clause.words[0].fold
    named = any(s.first == 0 and not s.clitic for s in clause.names)
    return named or first.removeprefix("ال") in role_words() or role_actor(clause, 0) is not None


def _joined(head: Clause, aside: Clause) -> Clause:
    n = len(head.words)
    names = head.names + tuple(
        Span(s.first + n, s.last + n, s.entity, s.clitic) for s in aside.names
    )
    hits = head.actions + tuple(ActionHit(h.first + n, h.last + n, h.form) for h in aside.actions)
    return replace(head, words=head.words + aside.words, names=names, actions=hits, aside=n)


def join_appositions(clauses: Sequence[Clause]) -> list[Clause]:
    """The clauses, with an apposition joined to a verb-first clause that is verb + subject."""
    out: list[Clause] = []
    k = 0
    while k < len(clauses):
        clause = clauses[k]
        if k + 1 < len(clauses) and _verb_and_subject(clause) and _is_apposition(clauses[k + 1]):
            out.append(_joined(clause, clauses[k + 1]))
            k += 2
            continue
        out.append(clause)
        k += 1
    return out
