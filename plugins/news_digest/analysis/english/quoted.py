"""A quoted subject joined back to its verb: "\"فيسبوك\" توقف شركة" is Facebook suspending a
company, and "رئيس \"ستارباكس\" يعتذر" is Starbucks' chief apologising.

Clauses end at quotation marks (clauses.py), so a name in quotes falls in a clause of its own
and the verb after it has no subject. When only quotation marks and spaces stand between
them, and the words before are no more than a short phrase of names and role words with no
action word, the words before and the clause from its verb are one clause again. Everything
else (what the subject is, whether it can act) is decided on the joined clause as on any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .clauses import ActionHit, Clause, Span

_QUOTE_GAP = frozenset(' "«»\u201c\u201d')
_MAX_SUBJECT = 5  # words: a longer run before the quote is more than a subject


def _only_quotes(text: str, before: Clause, after: Clause) -> bool:
    gap = text[before.words[-1].end : after.words[0].start]
    return bool(gap.strip()) and set(gap) <= _QUOTE_GAP


def _verb_first(clause: Clause) -> bool:
    return any(h.first == 0 and h.form.pos != "noun" for h in clause.actions)


def _subject_group(clauses: Sequence[Clause], k: int, text: str) -> int | None:
    """The index of the first clause of the quoted subject before clause k, or None."""
    start = k
    while start > 0 and _only_quotes(text, clauses[start - 1], clauses[start]):
        start -= 1
    group = clauses[start:k]
    if not group or any(c.actions for c in group):
        return None
    if sum(len(c.words) for c in group) > _MAX_SUBJECT or not any(c.names for c in group):
        return None
    return start


def _joined(group: Sequence[Clause], clause: Clause) -> Clause:
    words, names, hits = [], [], []
    for part in (*group, clause):
        n = len(words)
        names += [Span(s.first + n, s.last + n, s.entity, s.clitic) for s in part.names]
        hits += [ActionHit(h.first + n, h.last + n, h.form) for h in part.actions]
        words += part.words
    return replace(
        clause,
        words=tuple(words),
        names=tuple(names),
        actions=tuple(hits),
        after_quote=False,
        after_comma=group[0].after_comma,
    )


def join_quoted_subjects(clauses: Sequence[Clause], text: str) -> list[Clause]:
    """The clauses, each verb-first clause after a quoted subject joined to that subject."""
    out: list[Clause] = []
    for k, clause in enumerate(clauses):
        start = _subject_group(clauses, k, text) if clause.after_quote else None
        if start is None or not _verb_first(clause) or len(out) < k - start:
            out.append(clause)
            continue
        group = clauses[start:k]
        del out[len(out) - (k - start) :]
        out.append(_joined(group, clause))
    return out
