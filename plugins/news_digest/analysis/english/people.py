"""Unnamed people as the object of a verb done to people: "تعتقل 70 ضابطا" (arrests 70
officers), "يختطفون مسؤولا" (kidnap official), "تفرج عن مهاجرين" (releases migrants).

Only nouns of people listed here count, and only with what fixes their number in English: a
count in digits or words before the noun, the dual ending, an indefinite singular (accusative,
so it is the object: "ضابطا") or a plural. No name is involved: the English is ours.
"""

from __future__ import annotations

from types import MappingProxyType

from slugify import slugify

from ..entities import Entity
from ..entities.gazetteer import bare
from .clauses import Clause

# Each noun of people: its indefinite accusative singular (the object itself: "ضابطا"), the
# singular after a count ("3000 جندي"), the dual, the plural; its English singular and plural.
# "لاعب" is left out: a club's "يوقف 18 لاعبا" suspends its players, nobody is arrested.
_ROWS = (
    ("ضابطا ضابط ضابطين ضباط", "officer", "officers"),
    ("شخصا شخص شخصين اشخاص", "person", "people"),
    ("جنديا جندي جنديين جنود", "soldier", "soldiers"),
    ("مسؤولا مسؤول مسؤولين مسؤولين", "official", "officials"),
    ("مهاجرا مهاجر مهاجرين مهاجرين", "migrant", "migrants"),
    ("ناشطا ناشط ناشطين ناشطين", "activist", "activists"),
    ("صحفيا صحفي صحفيين صحفيين", "journalist", "journalists"),
    ("مدنيا مدني مدنيين مدنيين", "civilian", "civilians"),
    ("طفلا طفل طفلين اطفال", "child", "children"),
    ("امراه امراه امراتين نساء", "woman", "women"),
    ("مدانا مدان مدانين مدانين", "convict", "convicts"),
    ("متهما متهم متهمين متهمين", "defendant", "defendants"),
    ("فلسطينيا فلسطيني فلسطينيين فلسطينيين", "Palestinian", "Palestinians"),
    ("متظاهرا متظاهر متظاهرين متظاهرين", "protester", "protesters"),
    ("صيادا صياد صيادين صيادين", "fisherman", "fishermen"),
    ("طالبا طالب طالبين طلاب", "student", "students"),
    ("مسلحا مسلح مسلحين مسلحين", "gunman", "gunmen"),
    ("حوثيا حوثي حوثيين حوثيين", "Houthi", "Houthis"),
    ("دبلوماسيا دبلوماسي دبلوماسيين دبلوماسيين", "diplomat", "diplomats"),
)


def _table() -> MappingProxyType:
    """Folded form -> (singular English, plural English, what the form says of the number);
    a form that is both dual and plural ("مسؤولين") reads as plural."""
    out: dict[str, tuple[str, str, str]] = {}
    for forms, singular, plural in _ROWS:
        for form, number in zip(forms.split(), ("one", "counted", "two", "many"), strict=True):
            out[form] = (singular, plural, number)
    return MappingProxyType(out)


PEOPLE_NOUNS = _table()

_NUMBER_WORDS = MappingProxyType(
    {"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6}
    | {"سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10}
)
_ABOUT = MappingProxyType({"اكثر من": "more than", "نحو": "about", "قرابه": "nearly"})
KEY_PREFIX = "thing/people-"


def _count(clause: Clause, index: int) -> tuple[str, int, int] | None:
    """A count at index: its English, its value and the index after it."""
    if index >= len(clause.words):
        return None
    word = clause.words[index].fold
    if word.isdigit():
        return f"{int(word):,}", int(word), index + 1
    if word in _NUMBER_WORDS:
        value = _NUMBER_WORDS[word]
        return str(value), value, index + 1
    if word == "عشرات":
        return "dozens of", 24, index + 1
    return None


def _noun(clause: Clause, index: int) -> tuple[str, str, str] | None:
    if index >= len(clause.words):
        return None
    word = clause.words[index].fold
    return PEOPLE_NOUNS.get(word) or PEOPLE_NOUNS.get(bare(word))


def counted_people(clause: Clause, index: int) -> tuple[Entity, int] | None:
    """The unnamed people at index ("70 ضابطا", "شخصين", "أكثر من 1000 طفل") and the index
    of their last word, or None."""
    about = ""
    for arabic, english in _ABOUT.items():
        words = arabic.split()
        if [w.fold for w in clause.words[index : index + len(words)]] == words:
            about, index = f"{english} ", index + len(words)
            break
    count = _count(clause, index)
    start = count[2] if count else index
    noun = _noun(clause, start)
    if noun is None:
        return None
    singular, plural, form = noun
    if count is not None:
        text, value, _ = count
        en = f"{text} {plural}" if value != 1 else f"{text} {singular}"
    elif about or form == "counted":
        return None  # "أكثر من" with no count, or a bare singular that is no object
    elif form == "two":
        en = f"two {plural}"
    else:
        en = singular if form == "one" else plural
    en = about + en
    key = KEY_PREFIX + slugify(en)
    return Entity(key, "", "organization", en, 0, spelled="rule"), start


def is_people(entity: Entity) -> bool:
    return entity.key.startswith(KEY_PREFIX)


_SINGULARS = frozenset(row[1] for row in _ROWS)


def in_running_text(entity: Entity) -> str:
    """The people in a sentence: "an officer", "70 officers", "migrants" (no "the": they
    were not named before)."""
    en = entity.en
    if en in _SINGULARS:
        return f"an {en}" if en[:1].lower() in "aeio" else f"a {en}"
    return en


def fits(action_key: str, entity: Entity) -> bool:
    """ "يطرد 3000 جندي" dismisses soldiers from an army: only diplomats are expelled."""
    return action_key != "expel" or entity.en.endswith(("diplomat", "diplomats"))
