"""What a title's event is, when no clause states who did it: casualties told in the passive
("تسعة قتلى في هجوم انتحاري بليبيا" -> Nine killed in suicide attack in Libya) and the kind
of story a nominal title heads ("مقتل 14 ..." -> killing)."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from .clauses import Clause
from .headline import BACKGROUND, LIGHT_VERBS, NEGATION, Fact, blocked, place_after, words_before
from .lexicon import Action

_ADJECTIVES = MappingProxyType(
    {
        "انتحاري": "suicide",
        "صاروخي": "missile",
        "جوي": "air",
        "جويه": "air",
        "ارهابي": "terrorist",
        "انتحاريه": "suicide",
        "بحري": "naval",
        "عسكري": "military",
        "مسلح": "armed",
        "صاروخيه": "missile",
        "ارهابيه": "terrorist",
        "عسكريه": "military",
    }
)
_NUMBERS = MappingProxyType(
    {
        "اثنان": 2,
        "اثنين": 2,
        "ثلاثه": 3,
        "ثلاث": 3,
        "اربعه": 4,
        "اربع": 4,
        "خمسه": 5,
        "خمس": 5,
        "سته": 6,
        "ست": 6,
        "سبعه": 7,
        "سبع": 7,
        "ثمانيه": 8,
        "ثماني": 8,
        "تسعه": 9,
        "تسع": 9,
        "عشره": 10,
        "عشر": 10,
    }
)
_NUMBER_EN = ("", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")
_CASUALTIES = MappingProxyType(
    {
        "قتيل": "killed",
        "قتلي": "killed",
        "جريح": "injured",
        "جرحي": "injured",
        "مصابا": "injured",
        "مصابين": "injured",
    }
)


def casualty_fact(clause: Clause, place_ok) -> Fact | None:
    """ "تسعة قتلى في هجوم انتحاري بليبيا" -> Nine killed in suicide attack in Libya."""
    if clause.unit_uncertain:
        return None
    words = clause.words
    for i in range(len(words) - 1):
        count = _NUMBERS.get(words[i].fold)
        unit = _CASUALTIES.get(words[i + 1].fold)
        if count is None or unit is None or words_before(clause, i, 3) & NEGATION:
            continue
        kind = _kind_after(clause, i + 2)
        hits = [h for h in clause.actions if h.first >= i + 2]
        action = next((h.form.action for h in hits), None)
        place = place_after(clause, i + 2, set())
        return Fact(
            _casualty_action(unit, action),
            None,
            None,
            place.entity if place and place_ok(place.entity) else None,
            patient=_NUMBER_EN[count],
            kind=kind,
        )
    return None


def _casualty_action(unit: str, fallback: Action | None) -> Action:
    key = "kill" if unit == "killed" else "injure"
    return Action(key, key, key + "s", unit, unit, fallback.noun if fallback else "", "-", True, "")


def _kind_after(clause: Clause, index: int) -> str | None:
    """ "في هجوم انتحاري" -> "suicide attack": the event noun after "في", with its adjective."""
    if index >= len(clause.words) or clause.words[index].fold != "في":
        return None
    hit = next((h for h in clause.actions if h.first == index + 1), None)
    if hit is None:
        return None
    adj = clause.words[hit.last + 1].fold if hit.last + 1 < len(clause.words) else ""
    return (
        f"{_ADJECTIVES[adj]} {hit.form.action.noun}" if adj in _ADJECTIVES else hit.form.action.noun
    )


def story_kind(clauses: Sequence[Clause]) -> str | None:
    """The event noun heading the title's main clause, with its adjective; else None.

    The main clause is the first that is not background ("بعد", "وسط", "رغم" ...: "بعد احتجاز
    طائرة.. الإمارات تنهي مهمة" is no detention story) nor names alone ("السعودية: ...").
    Later clauses are quotes and asides ('ترامب يوقع "إعلان ..."' is no announcement).
    """
    for clause in clauses:
        if not clause.words or clause.words[0].fold in BACKGROUND:
            continue
        if _heads_clause(clause, len(clause.words)):
            continue  # names only: the speaker or country before a colon
        return _clause_kind(clause)
    return None


def _clause_kind(clause: Clause) -> str | None:
    """The clause's first event noun before any verb that is not a reporting or light verb.

    A verb's kind is left out: title verbs are often figurative ("يسقط" a team beats another,
    "يستعيد ذكرى" recalls a memory), and a verb read literally is stated by the headline
    itself. A verb also governs the nouns after it ("تتراجع عن عملية", "تستعد لحرب"), so
    they are not the story either.
    """
    for hit in clause.actions:
        action = hit.form.action
        if blocked(clause, hit) or action.speech == "say":
            continue  # "قال", "أكد" say how the news is told, not what it is about
        if hit.form.pos != "noun":
            if action.key in LIGHT_VERBS and any(h.first > hit.last for h in clause.actions):
                continue  # "تشن هجوما": the attack is the story, not the launching
            return None
        if not action.noun:
            continue
        if not _heads_clause(clause, hit.first):
            return None  # "قانون مصادرة ...": the noun modifies another noun, the law is the story
        nxt = clause.words[hit.last + 1].fold if hit.last + 1 < len(clause.words) else ""
        return f"{_ADJECTIVES[nxt]} {action.noun}" if nxt in _ADJECTIVES else action.noun
    return None


def _heads_clause(clause: Clause, index: int) -> bool:
    """Only names and numbers come before word ``index``: it heads a nominal title ("مقتل 14")."""
    named = {i for span in clause.names for i in range(span.first, span.last + 1)}
    return all(i in named or clause.words[i].fold.isdigit() for i in range(index))
