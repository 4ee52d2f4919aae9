"""Actors and objects named by a common noun: "الجيش السوري" (Syrian army), "عقد ريبيري".

A role or body noun (data/actor_nouns.tsv) is an actor only with what makes its English
certain: a nationality adjective ("البرلمان المصري" -> Egyptian parliament), a country or
organisation it belongs to ("مدرب توتنهام" -> Tottenham Hotspur coach), a place it sits in
("محكمة في موسكو" -> court in Moscow), or nothing for the few nouns that read well alone
(police, army, protesters). A listed person right after the role names the actor instead
("وزير الطاقة السعودي خالد الفالح" -> Khalid al-Falih). An unknown adjective after the noun
("القوات الخاصة") leaves the actor unsure, and an unsure actor is dropped.

A plain-noun object (data/object_nouns.tsv: contract, law, deal ...) completes a verb whose
object no name gives: "يمدد عقد ريبيري" -> extends Frank Ribery's contract.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from slugify import slugify

from ...arabic import tokens
from ...settings import DATA_DIR
from ..entities import Entity
from ..entities.gazetteer import bare, load_gazetteer
from .clauses import Clause, Span
from .trusted import certain_name

_FORMER = frozenset({"السابق", "السابقه", "الاسبق"})
# Adjectives of a body that keep its English certain ("القوات الحكومية" -> government forces).
_BODY_ADJECTIVES = MappingProxyType(
    {
        "الحكوميه": "government",
        "الامنيه": "security",
        "الشرعيه": "government",
        "النظاميه": "government",
        "العسكريه": "military",
        "الاتحادي": "federal",
        "الاتحاديه": "federal",
        "الجويه": "air",
        "البحريه": "naval",
        "العالميه": "global",
        "العربي": "Arab",
        "العرب": "Arab",
        "الدولي": "international",
    }
)
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "envoy", "adviser"})
_PERSON_ROLES = frozenset({"president", "minister", "king", "prince", "leader", "emir"})
# "في ولاية كاليفورنيا": the kind of place between "في" and its name.
_REGION_NOUNS = frozenset({"ولايه", "مدينه", "محافظه", "اقليم", "جزيره", "منطقه"})
# Roles a nationality qualifies as the person's own, never as whose the role is.
_PERSONAL_ROLES = frozenset({"coach", "manager", "star", "player", "founder", "owner"})


@dataclass(frozen=True)
class NounRow:
    words: tuple[str, ...]  # folded
    en: str
    alone: bool


@lru_cache(maxsize=2)
def _rows(name: str) -> tuple[NounRow, ...]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out = [
        NounRow(tuple(tokens(ar)), row["en"], row.get("alone") == "yes")
        for row in rows
        for ar in row["ar"].split("|")
    ]
    return tuple(sorted((r for r in out if r.words), key=lambda r: (-len(r.words), r.words)))


@lru_cache(maxsize=1)
def _demonym_by_iso() -> dict[str, str]:
    """One adjective per country: the first listed, but British for the United Kingdom
    (its nations' adjectives, English, Scottish, Welsh, share its code)."""
    out: dict[str, str] = {"GB": "British"}
    for word in load_gazetteer().demonyms.values():
        out.setdefault(word.kind, word.en)
    return out


@lru_cache(maxsize=1)
def _iso_by_key() -> dict[str, str]:
    return {e.key: e.iso for e in load_gazetteer().entries if e.iso}


def demonym_of(entity: Entity) -> str | None:
    """A country's nationality adjective in English ("Russian"), or None."""
    iso = _iso_by_key().get(entity.key)
    return _demonym_by_iso().get(iso) if iso else None


def _match(clause: Clause, start: int, table: str) -> NounRow | None:
    """The longest row whose words are the clause's words from start (no proclitic; objects
    also with the article: "العقوبات" is "عقوبات")."""
    words = clause.words
    for row in _rows(table):
        end = start + len(row.words)
        if end > len(words):
            continue
        folds = [w.fold for w in words[start:end]]
        if table == "object_nouns.tsv":
            folds = [bare(f) for f in folds]
            wanted = [bare(w) for w in row.words]
        else:
            wanted = list(row.words)
        if folds == wanted:
            return row
    return None


def _span_at(clause: Clause, index: int) -> Span | None:
    return next((s for s in clause.names if s.first == index), None)


def _named_at(clause: Clause, index: int) -> bool:
    """A name whose English is certain starts at index. A body the tagger took for a name
    and spelled by guess ("وزارة الصحة الفلسطينية" as "Wzarah Al-Shah ...") is read as the
    role phrase it is (Palestinian health ministry)."""
    span = _span_at(clause, index)
    return span is not None and certain_name(span.entity)


def _demonym(word: str) -> str | None:
    demonyms = load_gazetteer().demonyms
    # "الألماني": the table holds "ألماني" without its own "ال" too (see naming.py)
    found = demonyms.get(bare(word)) or demonyms.get(bare(bare(word)))
    return found.en if found is not None else None


def _owner(clause: Clause, index: int) -> tuple[str, int] | None:
    """What the noun belongs to, in English: a nationality, a country, an organisation."""
    if index >= len(clause.words):
        return None
    demonym = _demonym(clause.words[index].fold)
    if demonym is not None and not _span_at(clause, index):
        return demonym, index
    span = _span_at(clause, index)
    if span is None or not certain_name(span.entity) or span.clitic not in ("", "ل", "لل"):
        return None
    iso = _iso_by_key().get(span.entity.key)
    if iso and span.entity.type == "place":
        return _demonym_by_iso().get(iso, span.entity.en), span.last
    if span.entity.type == "organization" or (span.entity.type == "place" and not span.clitic):
        return span.entity.en, span.last
    return None


def _whose(clause: Clause, index: int) -> tuple[str, int] | None:
    """ "مستشار ترامب": the person a role belongs to, when the name's English is certain."""
    span = _span_at(clause, index)
    if span is None or span.clitic or span.entity.type != "person":
        return None
    return (f"{span.entity.en}'s", span.last) if certain_name(span.entity) else None


def _led_by(clause: Clause, index: int) -> tuple[str, int] | None:
    """ "قوات التحالف بقيادة السعودية": the coalition its leader names (Saudi-led)."""
    if index + 1 >= len(clause.words) or clause.words[index].fold != "بقياده":
        return None
    span = _span_at(clause, index + 1)
    if span is None or span.clitic or not certain_name(span.entity):
        return None
    iso = _iso_by_key().get(span.entity.key)
    if iso and span.entity.type == "place":
        return _demonym_by_iso().get(iso, span.entity.en), span.last
    return (span.entity.en, span.last) if span.entity.type == "organization" else None


def _speaks_for(clause: Clause, index: int) -> tuple[str, int] | None:
    """ "المتحدثة باسم وزارة الخارجية الروسية", "مبعوث الرئيس الروسي": whom a spokesman,
    envoy or adviser speaks for may itself be a role phrase (Russian foreign ministry
    spokeswoman, Russian president's envoy)."""
    inner = role_actor(clause, index)
    if inner is None or not is_role(inner[0]):
        return None
    person = inner[0].en.split()[-1] in _PERSON_ROLES  # the president's envoy
    return (f"{inner[0].en}'s" if person else inner[0].en), inner[1]


def _posted_to(clause: Clause, index: int) -> tuple[str, int] | None:
    """ "السفير الروسي لدى بريطانيا": where an ambassador is posted."""
    if index + 1 >= len(clause.words) or clause.words[index].fold not in ("لدي", "في"):
        return None
    span = _span_at(clause, index + 1)
    if span is None or span.clitic or not certain_name(span.entity):
        return None
    return span.entity.en, span.last


def _seat(clause: Clause, index: int) -> tuple[str, int] | None:
    """ "محكمة في موسكو", "السلطات في ولاية كاليفورنيا": the place a body sits in."""
    if index + 1 >= len(clause.words) or clause.words[index].fold != "في":
        return None
    step = 2 if bare(clause.words[index + 1].fold) in _REGION_NOUNS else 1
    span = _span_at(clause, index + step)
    if span is None or span.entity.type != "place" or not certain_name(span.entity):
        return None
    return span.entity.en, span.last


def _unsure_next(clause: Clause, index: int) -> bool:
    """An adjective we cannot read follows: the actor's English would be incomplete."""
    if index >= len(clause.words) or _span_at(clause, index):
        return False
    word = clause.words[index].fold
    if _demonym(word) is not None:
        return False  # "مدرب أرسنال الإنجليزي": the nationality is the club's
    return word.startswith("ال") and word.endswith(("ي", "يه")) and word not in _FORMER


def _entity(en: str, kind: str = "role") -> Entity:
    return Entity(f"{kind}/{slugify(en)}", "", "organization", en, 0, spelled="rule")


def _of_owner(en: str, clause: Clause, index: int) -> str:
    """ "رئيس فيسبوك" is the company's chief (headline English): a president only of a country."""
    span = _span_at(clause, index)
    if en == "president" and span is not None and span.entity.type == "organization":
        return "chief"
    return en


# How English news names these offices in two countries: "US Secretary of State", not
# "US foreign minister"; "British Home Secretary", not "British interior minister".
_NATIONAL_TITLES = MappingProxyType(
    {
        "US": MappingProxyType(
            {
                "foreign minister": "Secretary of State",
                "foreign ministry": "State Department",
                "defence minister": "Defense Secretary",
                "defence ministry": "Defense Department",
                "justice ministry": "Justice Department",
                "finance minister": "Treasury Secretary",
                "finance ministry": "Treasury",
                "justice minister": "Attorney General",
            }
        ),
        "British": MappingProxyType(
            {
                "foreign minister": "Foreign Secretary",
                "foreign ministry": "Foreign Office",
                "defence minister": "Defence Secretary",
                "interior minister": "Home Secretary",
                "interior ministry": "Home Office",
            }
        ),
    }
)


def _national_title(owner: str, en: str) -> str:
    return f"{owner} {_NATIONAL_TITLES.get(owner, {}).get(en, en)}"


def _apposition(clause: Clause, index: int, en: str) -> tuple[Entity, int] | None:
    """ "الرئيس المصري عبد الفتاح السيسي": a person after the role is the actor, named when
    the name's English is certain, else by the role (the name still belongs to it). Titles
    may stand between ("ولي العهد السعودي الأمير محمد بن سلمان")."""
    while index < len(clause.words) and _span_at(clause, index) is None and _title(clause, index):
        index += 1
    person = _span_at(clause, index)
    if person is not None and is_role(person.entity) and not person.clitic:
        return _entity(en), person.last  # an unsure name already standing as its role
    if person is None or person.entity.type != "person" or person.clitic:
        return None
    if certain_name(person.entity):
        return person.entity, person.last
    return _entity(en), person.last


_TITLES = frozenset({"امير", "شيخ", "دكتور", "سيد", "سيده", "ملك", "سلطان", "مشير", "فريق"})
_TITLES |= {"لواء", "عميد", "عقيد", "سير", "حاخام", "مفتي", "بابا"}


def _title(clause: Clause, index: int) -> bool:
    """An honorific or rank before a name: "الأمير", "الشيخ", "الدكتور"."""
    return bare(clause.words[index].fold) in _TITLES


def _state(clause: Clause, start: int) -> tuple[Entity, int] | None:
    """ "ولاية ألاباما الأميركية": a state named as one acts as its government (English news:
    "Alabama executes ..."); a country's nationality may follow."""
    if start + 1 >= len(clause.words) or clause.words[start].fold != "ولايه":
        return None
    span = _span_at(clause, start + 1)
    if span is None or span.clitic or span.entity.type != "place" or not certain_name(span.entity):
        return None
    if _iso_by_key().get(span.entity.key):
        return None  # a country is no state of another
    last = span.last
    if last + 1 < len(clause.words) and _demonym(clause.words[last + 1].fold):
        last += 1
    en = span.entity.en
    return Entity(f"role/{slugify(en)}", "", "place", en, 0, spelled="rule"), last


def _football_federation(clause: Clause, start: int) -> tuple[Entity, int] | None:
    """ "الاتحاد التونسي لكرة القدم": a federation says whose and of what sport only together;
    "الاتحاد" with a nationality alone may be a union of states or of workers."""
    words = [w.fold for w in clause.words[start : start + 4]]
    if len(words) < 4 or words[0] not in ("الاتحاد", "اتحاد") or words[2:] != ["لكره", "القدم"]:
        return None
    demonym = _demonym(words[1])
    if demonym is None:
        return None
    return _entity(f"{demonym} football federation"), start + 3


def role_actor(clause: Clause, start: int) -> tuple[Entity, int] | None:
    """The actor a role or body noun phrase names from start, and its last word index."""
    if _named_at(clause, start):
        return None  # a listed name is named by its own English
    if (state := _state(clause, start) or _football_federation(clause, start)) is not None:
        return state
    row = _match(clause, start, "actor_nouns.tsv")
    if row is None:
        return None
    last = start + len(row.words) - 1
    en = row.en
    if last + 1 < len(clause.words) and clause.words[last + 1].fold in _BODY_ADJECTIVES:
        last += 1
        en = f"{_BODY_ADJECTIVES[clause.words[last].fold]} {en}"
    # "الرئيس ترامب" is Trump; "مستشار ترامب" (no article: a genitive) is Trump's adviser.
    definite = clause.words[last].fold.startswith("ال")
    named = _apposition(clause, last + 1, en) if definite else None
    if named is not None and (row.alone or not is_role(named[0])):
        return named  # a bare "الرئيس" is named only by a person whose English is certain
    owner = _owner(clause, last + 1) or (None if definite else _whose(clause, last + 1))
    if row.alone and row.en[:1].isupper():
        # "ميليشيات الحوثي الإيرانية": the name says whose; a nationality after it is a label
        label = owner is not None and _demonym(clause.words[owner[1]].fold) is not None
        return _entity(en), owner[1] if label else last
    if owner is not None and row.en in _PERSONAL_ROLES and _demonym(clause.words[owner[1]].fold):
        return None  # "المدرب الألماني": the coach's own nationality, not whose coach he is
    led = None if owner else _led_by(clause, last + 1)
    if led is not None:
        owner = (f"{led[0]}-led", led[1])
    if owner is None and row.en in _SPOKESPEOPLE:
        owner = _speaks_for(clause, last + 1)
    seat = None if owner else _seat(clause, last + 1)
    pan_arab = en.startswith("Arab ")  # "التحالف العربي": whose coalition is said
    if owner is None and seat is None and not row.alone and not pan_arab:
        return None
    if owner is not None:
        en, last = _national_title(owner[0], _of_owner(en, clause, last + 1)), owner[1]
    elif seat is not None:
        en, last = f"{en} in {seat[0]}", seat[1]
    if row.en in ("ambassador", "envoy") and (posted := _posted_to(clause, last + 1)):
        en, last = f"{en} to {posted[0]}", posted[1]
    if last + 1 < len(clause.words) and clause.words[last + 1].fold in _FORMER:
        en, last = f"former {en}", last + 1
    if (named := _apposition(clause, last + 1, en)) is not None:
        return named
    if _unsure_next(clause, last + 1):
        return None
    return _entity(en), last


def owned_role(clause: Clause, start: int) -> bool:
    """The role phrase from start says whose it is ("وزير خارجية البحرين", "الجيش المصري"),
    beyond a noun that reads alone ("الجيش": whose army?)."""
    row = _match(clause, start, "actor_nouns.tsv")
    found = role_actor(clause, start)
    return row is not None and found is not None and found[0].en != row.en


def noun_object(clause: Clause, start: int) -> tuple[Entity, int] | None:
    """A plain-noun object with its owner: "عقد ريبيري" -> Frank Ribery's contract."""
    row = _match(clause, start, "object_nouns.tsv")
    if row is None:
        return None
    last = start + len(row.words) - 1
    nxt = last + 1
    adjective = (
        _BODY_ADJECTIVES.get("ال" + bare(clause.words[nxt].fold), "")
        if nxt < len(clause.words)
        else ""
    )
    if adjective:  # "مواقع عسكرية" -> military positions
        row, last, nxt = NounRow(row.words, f"{adjective} {row.en}", row.alone), nxt, nxt + 1
    demonym = _demonym(clause.words[nxt].fold) if nxt < len(clause.words) else None
    span = _span_at(clause, nxt)
    if demonym is not None and span is None:
        return _entity(f"{demonym} {row.en}", "thing"), nxt
    if span is not None and not span.clitic and certain_name(span.entity):
        owner = span.entity.en
        if span.entity.type == "place":  # "قمة القدس": the Jerusalem summit
            return _entity(f"{owner} {row.en}", "thing"), span.last
        mark = "'" if owner.endswith("s") else "'s"  # Houthis' positions, Ribery's contract
        return _entity(f"{owner}{mark} {row.en}", "thing"), span.last
    return _entity(row.en, "thing"), last


def is_role(entity: Entity) -> bool:
    """A role or object read from common nouns: not an entity of the article."""
    return entity.key.startswith(("role/", "thing/"))
