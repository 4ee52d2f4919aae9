"""Common-noun phrases a headline may state besides names: a verb's object, a role as actor.

"بايرن يمدد عقد ريبيري" has no named target, but its object is a plain noun whose English is
certain ("contract"), so "Bayern Munich extends Frank Ribery's contract" says only what the
title says. "استقبل الرئيس المصري، عبدالفتاح السيسي" names its actor by a role whose English
is known ("Egyptian president") while the name itself is only guessed: the role is printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .entities import Entity
from .entities.cues import role_english
from .entities.gazetteer import load_gazetteer
from .entities.naming import demonym_word

# Object nouns of wire-news verbs, folded (nominative/genitive and accusative forms).
_OBJECTS = {
    "عقد": "contract", "عقدا": "contract", "مهمه": "mission", "اتفاق": "agreement",
    "اتفاقا": "agreement", "اتفاقيه": "agreement", "صفقه": "deal", "قرار": "decision",
    "قرارا": "decision", "قانون": "law", "قانونا": "law", "خطه": "plan", "مبادره": "initiative",
    "حمله": "campaign", "عمليه": "operation", "زياره": "visit", "اجتماع": "meeting",
    "اجتماعا": "meeting", "اجتماعات": "meetings", "محادثات": "talks", "مفاوضات": "negotiations",
    "مشروع": "project", "مشروعا": "project",
    "مشرعين": "lawmakers", "مدانا": "convict", "سفير": "ambassador", "سفيرا": "ambassador",
    "انتخابات": "election", "مؤتمر": "conference", "مؤتمرا": "conference", "قمه": "summit",
    "جائزه": "award", "مقترح": "proposal", "مقترحا": "proposal",
    "اقتراح": "proposal", "اقتراحا": "proposal", "الدول": "countries",
    "لقب": "title", "بطوله": "championship", "مباراه": "match",
}  # fmt: skip
# State bodies that a nationality adjective names: "الجيش الإسرائيلي" -> Israeli army.
_BODIES = {
    "الجيش": "army", "القوات": "forces", "الحكومه": "government", "الشرطه": "police",
    "البرلمان": "parliament", "الرئاسه": "presidency", "الاقتصاد": "economy",
    "البحريه": "navy", "السلطات": "authorities", "المعارضه": "opposition",
    "القضاء": "judiciary", "الخارجيه": "foreign ministry", "الداخليه": "interior ministry",
}  # fmt: skip
# A person's place in a named team or body: "مدرب توتنهام" -> Tottenham Hotspur coach.
_MEMBERS = {
    "مدرب": "coach", "لاعب": "player", "مدافع": "defender", "مهاجم": "striker",
    "حارس": "goalkeeper", "رئيس": "chief", "قائد": "captain", "نجم": "star",
}  # fmt: skip
# "عمدة بلدة فرنسية": the office of an unnamed town the nationality places.
_OFFICES = {"عمده": "mayor", "محافظ": "governor", "حاكم": "governor"}
_TOWNS = {"بلده": "town", "مدينه": "city", "قريه": "village", "ولايه": "state"}
_MAX_ROLE_WORDS = 5
# role_english's "head of the Facebook" reads in a headline as "Facebook chief".
_HEAD_OF = re.compile(r"^head of (?:the )?([A-Z].*)$")


def object_english(words: Sequence, index: int, genitive: Entity | None) -> str | None:
    """English of the plain noun at index, with a following trusted person's name as owner."""
    if index >= len(words):
        return None
    noun = _OBJECTS.get(words[index].fold)
    if noun is None:
        return None
    if genitive is not None and genitive.type == "person":
        return f"{genitive.en}'s {noun}"
    return noun


def role_entity(words: Sequence) -> Entity | None:
    """A role phrase ("الرئيس المصري") as an actor, when its English is known and names
    whose role it is (a nationality or a named body): "president" alone says too little."""
    if not words or len(words) > _MAX_ROLE_WORDS:
        return None
    phrase = " ".join(w.text for w in words)
    english = _body_english(words) or role_english(phrase)
    if not english:
        return None
    head = _HEAD_OF.match(english)
    if head:
        english = f"{head.group(1)} chief"
    if " the " in f" {english} " and "United Nations" not in english:
        return None  # "of the X" from a word-by-word rule: not headline English
    if not _qualified(english):
        return None  # no qualifier, or one spelled letter by letter ("Al-Hkam Committee")
    folded = "-".join(w.fold for w in words)
    return Entity(f"role/{folded}", phrase, "role", english, 1, spelled="listed")


def role_stand_in(entity: Entity) -> Entity | None:
    """A person whose name is only guessed, by the role the article gives them ("الرئيس
    المصري، عبدالفتاح السيسي" -> Egyptian president), when that role's English is certain."""
    if entity.type != "person" or not entity.roles_en or len(entity.roles) != len(entity.roles_en):
        return None
    english = entity.roles_en[0]
    if not _qualified(english) or (" the " in f" {english} " and "United Nations" not in english):
        return None
    return Entity(f"role/{entity.key}", entity.roles[0], "role", english, 1, spelled="listed")


def _qualified(english: str) -> bool:
    names = [w for w in re.split(r"[\s\-]+", english) if w[:1].isupper()]
    return bool(names) and all(w in _listed_words() for w in names)


def _body_english(words: Sequence) -> str | None:
    """A state body and its nationality, both definite ("القوات الإسرائيلية"): exactly two
    words, so that "الجيش السوري الحر" (the Free Syrian Army) is never the Syrian army; or
    the office of an unnamed town of a nation ("عمدة بلدة فرنسية", mayor of a French town)."""
    if len(words) == 3 and words[0].fold in _OFFICES and words[1].fold in _TOWNS:
        form = words[2].fold[:-1] if words[2].fold.endswith("ه") else words[2].fold
        nation = demonym_word("ال" + form, load_gazetteer()) if not form.startswith("ال") else None
        if nation is None:
            return None
        a = "an" if nation.en[:1] in "AEIOU" else "a"
        return f"{_OFFICES[words[0].fold]} of {a} {nation.en} {_TOWNS[words[1].fold]}"
    if len(words) != 2 or words[0].fold not in _BODIES:
        return None
    adjective = words[1].fold
    adjective = adjective[:-1] if adjective.endswith("ه") else adjective
    nation = demonym_word(adjective, load_gazetteer()) if adjective.startswith("ال") else None
    return f"{nation.en} {_BODIES[words[0].fold]}" if nation is not None else None


@lru_cache(maxsize=1)
def _listed_words() -> frozenset[str]:
    """Capitalised words a role's English may hold: those of listed names and nationalities."""
    gaz = load_gazetteer()
    words = {w for e in gaz.entries for w in re.split(r"[\s\-]+", e.en)}
    words |= {w for d in gaz.demonyms.values() for w in re.split(r"[\s\-]+", d.en)}
    return frozenset(w for w in words if w[:1].isupper())


def member_role(words: Sequence, body: Entity | None) -> Entity | None:
    """A member noun and the named body right after it, the whole phrase ("مدرب توتنهام")."""
    if len(words) < 2 or words[0].fold not in _MEMBERS or body is None:
        return None
    if body.type != "organization" or not body.en:
        return None
    folded = "-".join(w.fold for w in words)
    english = f"{body.en} {_MEMBERS[words[0].fold]}"
    return Entity(f"role/{folded}", " ".join(w.text for w in words), "role", english, 1)
