"""Attack nouns whose nationality adjectives name who attacks: "ضربات أمريكية بريطانية فرنسية".

A nationality adjective after an attack noun names its agent (an American strike is one the
United States makes), so a title with no verb of its own may still say who acts. Only attack
nouns: after "اعتقال" or "مقتل" the adjective names the victim, so nothing is read there.
"""

from __future__ import annotations

from .clauses import Clause
from .entities import Entity
from .entities.gazetteer import load_gazetteer
from .entities.naming import demonym_word
from .headline import _ADJECTIVES, Fact, _place_after, blocked

_AGENT_NOUNS = frozenset({"attack", "strike", "bomb", "raid", "shell"})


def _nation(fold: str) -> Entity | None:
    """The country of an indefinite nationality adjective ("أمريكية", "فرنسي")."""
    form = fold[:-1] if fold.endswith("ه") else fold
    if form.startswith("ال") or not form.endswith("ي"):
        return None
    gaz = load_gazetteer()
    word = demonym_word("ال" + form, gaz)
    if word is None:
        return None
    entry = next((e for e in gaz.entries if e.iso == word.kind), None)
    if entry is None:
        return None
    return Entity(entry.key, word.ar, "place", entry.en, 1, spelled="listed")


def nominal_fact(clause: Clause) -> Fact | None:
    """ "ضربات عسكرية أمريكية ... في سوريا" -> US, Britain and France: military strikes."""
    for hit in clause.actions:
        if hit.form.pos != "noun" or hit.form.action.key not in _AGENT_NOUNS:
            continue
        if blocked(clause, hit):
            return None
        k, kind = hit.last + 1, []
        words = clause.words
        while k < len(words) and words[k].fold in _ADJECTIVES:
            kind.append(_ADJECTIVES[words[k].fold])
            k += 1
        nations: list[Entity] = []
        while k < len(words) and (nation := _nation(words[k].fold)) is not None:
            nations.append(nation)
            k += 1
        if not nations:
            return None
        noun = hit.form.action.noun
        plural = words[hit.first].fold.endswith("ات")
        if kind == ["air"] and noun in ("bombing", "raid"):
            noun = "strike"  # "غارات جوية": English says air strikes
        nominal = " ".join([*kind, noun + ("s" if plural else "")])
        place = _place_after(clause, k, set())
        return Fact(
            hit.form.action, nations[0], None, place.entity if place else None,
            co_actors=tuple(nations[1:]), nominal=nominal,
        )  # fmt: skip
    return None
