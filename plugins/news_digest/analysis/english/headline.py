"""The main event of an article, read from one clause of its title or lead, as an English headline.

A Fact (actor, action, target, place) is stated only when one clause says it in that relation:
the actor is the name right before the verb (subject first) or right after it (verb first);
the target is the name the verb governs; the place is a place introduced by "في" or "بـ"
after the verb. A negated, modal, subordinate, conditional or questioned verb states nothing.
When no clause gives a fact, the headline says only what is certain: the main names and the
kind of story ("Houthis, Jazan: missile interception").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from types import MappingProxyType

from ..entities import Entity
from .actors import is_role, role_actor
from .clauses import ActionHit, Clause, Span, is_time
from .complements import complement
from .lexicon import Action, load_actions
from .objects import PERSON_OBJECT_VERBS, object_span, prep_object
from .people import is_people
from .trusted import certain_name, role_words, title_words, trusted
from .verdicts import verdict

MAX_NAMES = 3
# Words that, shortly before a verb, stop it being a plain statement of fact.
NEGATION = frozenset(
    {"لم", "لن", "لا", "ما", "ليس", "ليست", "ليسوا", "غير", "عدم", "دون", "بدون", "لما"}
)
_MODAL = frozenset({"قد", "ان", "يجب", "يمكن", "ينبغي", "يعتزم", "تعتزم", "يريد", "تريد", "يسعي"})
_MODAL |= {"حيث", "الذي", "التي", "الذين", "عندما", "بعدما", "كما", "مما"}
_MODAL |= {"تسعي", "يحاول", "تحاول", "يرجح", "يتوقع", "كاد", "لكي", "كي", "حتي"}
# Words before a name that make someone else the subject: his spokesman, adviser, lawyer ...
_PROXIES = frozenset({"باسم", "متحدث", "المتحدث", "مستشار", "مساعد", "محامي", "مكتب", "اداره"})
_PROXIES |= {"نائب", "ابن", "ابنه", "زوجه", "شقيق", "نجل", "حكومه", "فريق", "مدرب", "انصار"}
_PROXIES |= {"انصار", "انصاره", "مقربون", "عائله", "ممثل", "سفير", "قوات"}
# Nouns that say what kind of thing the name after them is: "شركة آبل" is Apple.
_CLASSIFIERS = frozenset({"شركه", "نادي", "منظمه", "موقع", "تطبيق", "مجموعه", "حركه"})
_CLASSIFIERS |= {"جماعه", "تنظيم", "ميليشيا", "ميليشيات", "مليشيا"}
# Contests: a person beats a person, a team a team ("رونالدو يسحق يوفنتوس" is his team's win).
_CONTESTS = frozenset({"beat", "draw", "lose", "face", "knock out"})
# Plain nouns of people (object_nouns.tsv), objects of the verbs above only: "تقتل شابا".
_PEOPLE = frozenset({"man", "woman", "child", "journalist", "soldier", "teenager"})
# Verbs whose object is never a person: a role right after their subject is its apposition.
_NO_PERSON_OBJECT = frozenset({"say", "state", "confirm", "deny", "announce", "reveal", "report"})
_NO_PERSON_OBJECT |= {"admit"}
_PLACE_WINDOW = 8  # words after the verb's object within which its place is given
_GROUND = frozenset({"area", "positions", "border"})
# What each verb of many senses takes in its news sense: "يسجل هدفا" scores, "سجل نموا"
# records; "ينشر صورا" publishes, "ينشر قوات" deploys; "يحصد جائزة" wins, "يحصد أرواحا" kills.
OBJECTS_OF = MappingProxyType(
    {
        "score": frozenset({"goal", "goals", "hat-trick", "brace"}),
        "publish": frozenset({"photo", "photos", "video", "report", "statement", "list"}),
        "set": frozenset({"date"}),
        "spark": frozenset({"criticism", "controversy", "fears", "anger", "concern", "panic"}),
        "chair": frozenset({"meeting", "summit", "conference", "delegation", "session"}),
        "win award": frozenset({"award", "medal", "title"}),
        "propose": frozenset({"plan", "initiative", "law", "budget", "strategy", "legislation"}),
        # "الكويت تصدر حكما" issues a ruling: تصدر tops only a list or a table.
        "top": frozenset({"list", "ranking", "standings", "table", "group"}),
        # "تستخدم حق النقض" uses its veto; any other use is too plain to be the news
        "use": frozenset({"veto"}),
    }
)
_QUANTITY_VERBS = frozenset({"fall", "rise", "grow", "slow"})
# What rises and falls: "رئيس روما يقفز في نافورة" jumps, no price rises.
_QUANTITIES = frozenset({"prices", "economy", "exchange", "currency", "rate", "rates", "index"})
_QUANTITIES |= {"production", "exports", "imports", "growth", "inflation", "unemployment"}
_QUANTITIES |= {"dollar", "euro", "rouble", "lira", "yuan", "stocks"}
LIGHT_VERBS = frozenset({"launch", "carry out", "wage"})
_PLACE_PREPS = frozenset({"في", "داخل"})
_TARGET_PREPS = frozenset({"علي", "ضد", "مع", "نحو", "الي", "باتجاه", "لـ"})


@dataclass(frozen=True)
class Fact:
    action: Action
    actor: Entity | None  # None in the passive ("Nine killed ...")
    target: Entity | None
    place: Entity | None
    patient: str | None = None  # passive subject, in English: "Nine"
    kind: str | None = None  # what the passive happened in: "suicide attack"
    speech_topic: tuple[Entity, ...] = ()  # for "X: ..." titles, names in the quoted part
    co_actors: tuple[Entity, ...] = ()  # "US, Britain and France strike ..."


def words_before(clause: Clause, index: int, window: int) -> set[str]:
    return {w.fold for w in clause.words[max(0, index - window) : index]}


def blocked(clause: Clause, hit: ActionHit) -> bool:
    """True when the verb is negated, modal, subordinate or in a question or condition."""
    if clause.unit_uncertain:
        return True
    near = words_before(clause, hit.first, 3) - _unmanned(clause, hit.first)
    if near & NEGATION:
        return True
    # "سـ" and present verbs are plain news; "قد" + present, "أن" + verb, "يريد" ... are not.
    if words_before(clause, hit.first, 1) & {"لدي"}:
        return True  # "لدى وصوله": upon; "السفير لدى بريطانيا يطلب" is the ambassador to it
    return bool(words_before(clause, hit.first, 2) & _MODAL)


def _unmanned(clause: Clause, index: int) -> set[str]:
    """ "دون طيار" (unmanned) before the verb: a drone, no negation."""
    words = [w.fold for w in clause.words[max(0, index - 3) : index + 1]]
    pairs = itertools.pairwise(words)
    return {w for w, nxt in pairs if w in ("دون", "بدون") and nxt == "طيار"}


def _span_at(clause: Clause, index: int) -> Span | None:
    return next((s for s in clause.names if s.first == index), None)


def _span_ending(clause: Clause, index: int) -> Span | None:
    return next((s for s in clause.names if s.last == index), None)


# Capitals English news names for their governments ("Beijing sanctions Washington"); not
# contested or divided seats (Jerusalem, Tripoli, Sanaa), where the name says whose it is not.
_CAPITALS = frozenset(
    {
        "place/washington",
        "place/moscow",
        "place/beijing",
        "place/tehran",
        "place/damascus",
        "place/ankara",
        "place/riyadh",
        "place/cairo",
        "place/paris",
        "place/london",
        "place/baghdad",
        "place/doha",
        "place/abu-dhabi",
        "place/berlin",
        "place/tokyo",
        "place/pyongyang",
        "place/seoul",
        "place/amman",
        "place/beirut",
        "place/rabat",
        "place/algiers",
        "place/tunis",
        "place/khartoum",
        "place/new-delhi",
        "place/islamabad",
        "place/madrid",
        "place/rome",
        "place/ottawa",
        "place/manama",
        "place/muscat",
        "place/kabul",
        "place/kyiv",
        "place/kiev",
    }
)


def capitals() -> frozenset[str]:
    return _CAPITALS


def can_act(entity: Entity, countries: frozenset[str], excluded: frozenset[str]) -> bool:
    if entity.key.startswith("role/") and entity.key not in excluded:
        return True  # a role standing in for an unsure name (stand_ins.py): its English is ours
    if entity.key in excluded or not entity.en or not certain_name(entity):
        return False
    if entity.type == "person" and entity.en.lower() in title_words():
        return False  # "Sultan" alone is a title read as a name: who is meant is unsure
    return entity.type in ("person", "organization") or entity.key in countries | _CAPITALS


def _target_after(clause: Clause, index: int, action: Action) -> Span | None:
    """The name the verb governs: right after it, or after one of its prepositions."""
    if action.prep == "-":
        return None
    span = _span_at(clause, index)
    if span is not None and not trusted(span.entity):
        return None
    if span is not None and not span.clitic.endswith(("ب", "ل")):
        return span
    if index < len(clause.words) and clause.words[index].fold in _TARGET_PREPS:
        after = _span_at(clause, index + 1)
        return after if after is not None and trusted(after.entity) else None
    if span is not None and span.entity.type == "place" and span.clitic.endswith("ب"):
        return None  # "قضت محكمة ... بصربيا": "بـ" a place says where, not whom
    if span is not None and action.prep:  # "على" glued as a clitic is not Arabic; "ل" is
        return span
    return None


def place_after(clause: Clause, index: int, exclude: set[int]) -> Span | None:
    """The place the event happens: "في" or "بـ" a place, before any phrase of background
    ("النفط يرتفع مع تراجع الحفر بأميركا": America is where the drilling falls)."""
    stop = next(
        (k for k in range(index, len(clause.words)) if clause.words[k].fold in BACKGROUND),
        len(clause.words),
    )
    # A purpose ("لدعم التنمية في لبنان": to support growth in Lebanon) has its own place.
    purposes = [h.first for h in clause.actions if h.first >= index and _purpose(clause, h)]
    stop = min([stop, index + _PLACE_WINDOW, *purposes])
    for span in clause.names:
        if span.first < index or span.first >= stop or span.first in exclude:
            continue
        if span.entity.type != "place":
            continue
        if not certain_name(span.entity):
            continue
        prev = clause.words[span.first - 1].fold if span.first else ""
        if span.clitic.endswith("ب") or prev in _PLACE_PREPS:
            return span
    return None


def _purpose(clause: Clause, hit: ActionHit) -> bool:
    """An action word behind "ل" ("لدعم"): a verbal noun of purpose, whatever form matched."""
    word = clause.words[hit.first].fold
    return word.startswith("ل") and word != hit.form.words[0]


def _role_like(clause: Clause, index: int) -> bool:
    """A title or nisba word that may stand between a verb and its named subject."""
    word = clause.words[index]
    if any(s.first <= index <= s.last for s in clause.names):
        return any(s.first <= index <= s.last and s.clitic.endswith("ل") for s in clause.names)
    if _is_classifier(word):
        return True  # "شركة آبل", "نادي بايرن": the name is the company, the club
    bare = {r[2:] if r.startswith("ال") else r for r in word.readings}
    return bool(bare & role_words()) or (word.fold.startswith("ال") and word.fold.endswith("ي"))


def _classified(clause: Clause, first: int) -> bool:
    """Only a classifier noun comes before the name: "شركة آبل تطلق"."""
    return first == 1 and _is_classifier(clause.words[0])


def _is_classifier(word) -> bool:
    return bool({r.removeprefix("ال") for r in word.readings} & _CLASSIFIERS)


def _after_time(clause: Clause, index: int) -> int:
    """The first word from index that is no day or time word ("الأحد", "اليوم")."""
    while index < len(clause.words) and is_time(clause.words[index]):
        index += 1
    return index


def _role_span(clause: Clause, start: int, last: int | None) -> Span | None:
    """A role or body phrase from start (ending at last, when given) as the actor's span."""
    found = role_actor(clause, start)
    word = clause.words[start] if start < len(clause.words) else None
    if found is None and start == 0 and word is not None and word.fold.startswith("و"):
        # "..والتحالف يدمر": the "و" opening the clause joins clauses, the role is its subject
        bare_word = replace(word, fold=word.fold[1:])
        found = role_actor(replace(clause, words=(bare_word, *clause.words[1:])), 0)
    if found is None or (last is not None and found[1] != last):
        return None
    return Span(start, found[1], found[0], "")


def _first_of_joined(clause: Clause, last: Span, ok) -> Span | None:
    """ "أرامكو وتوتال توقعان": from the last of names joined by "و", the first of them."""
    spans = {s.last: s for s in clause.names}
    span = last
    while span.clitic == "و":
        if not ok(span.entity) or span.first - 1 not in spans:
            return None
        span = spans[span.first - 1]
    if span.clitic or not ok(span.entity):
        return None
    return span if all(_role_like(clause, k) for k in range(span.first)) else None


def _subject_before(clause: Clause, hit: ActionHit, ok) -> Span | None:
    """Subject first: the name right before the verb, with only role words before it."""
    span = _span_ending(clause, hit.first - 1)
    if span is None or span.first > 0 or not certain_name(span.entity):
        # "وزير خارجية مصر يزور": the role, not the country; a body spelled by guess: its role
        role = _role_span(clause, 0, hit.first - 1)
        if role is not None or span is None:
            return role
    # "..وموسكو تتوعد": a "و" opening the clause joins it to the one before, not the name
    # to another name
    opening = span.clitic == "و" and span.first == 0
    if span.clitic == "و" and not opening:
        return _first_of_joined(clause, span, ok)
    if (span.clitic and not opening) or not ok(span.entity):
        return None
    if span.first and span.entity.type != "person" and not _classified(clause, span.first):
        return None  # "مدرب توتنهام يحذر": the club is the coach's, not the subject
    words = {w.fold for w in clause.words[: span.first]}
    if words & _PROXIES:
        return None  # "متحدث باسم القائد حفتر يقول": the spokesman speaks, not Haftar
    if all(_role_like(clause, k) for k in range(span.first)):
        return span
    return None


def _coordinated_subject(clause: Clause, hit: ActionHit, ok) -> Span | None:
    """ "أرسنال يفرط في تقدمه ويخسر": a second present verb joined by "و" shares the subject
    of the clause's first verb, when both carry the same person prefix (ي or ت)."""
    word = clause.words[hit.first]
    if hit.form.pos != "present" or not word.fold.startswith(("وي", "وت")):
        return None
    span = _span_at(clause, 0)
    if span is None or span.clitic or not ok(span.entity) or span.last + 1 >= hit.first:
        return None
    first_verb = clause.words[span.last + 1].fold
    if first_verb[:1] != word.fold[1:2] or any(h.first < hit.first for h in clause.actions):
        return None
    return span


def subject_after(clause: Clause, hit: ActionHit, ok) -> Span | None:
    """Verb first (the clause's first word): the first name after it, role words between."""
    if hit.first != 0 or clause.after_quote or clause.after_comma:
        # "موسكو ودمشق تتهمان إسرائيل": a name after a non-initial verb is its object, and
        # after a quotation ("الإف بي آي" يداهم ...) the subject is the quoted name before it;
        # after a comma the verb goes on with the sentence's subject ("أمير قطر، ...، يصل").
        return None
    first = clause.words[0].fold
    if first[:1] in ("و", "ف") and first != hit.form.words[0]:
        # a verb joined by "و" or "ف" ("..ويناشد الحريري") has an earlier subject; a verb
        # whose own first letter is "و" ("وقع", "وصل") has not
        return None
    start = _after_time(clause, hit.last + 1)
    each = [w.fold for w in clause.words[start : start + 2]] == ["كل", "من"]
    if each:
        start += 2  # "أدانت كل من دمشق وموسكو": each of the names joined after it
    role = None if each else _role_span(clause, start, None)
    if role is not None:
        return role
    for k in range(start, min(len(clause.words), start + 5)):
        span = _span_at(clause, k)
        if span is not None and not span.clitic and ok(span.entity):
            classified = k == start + 1 and _is_classifier(clause.words[start])
            if k > start and span.entity.type != "person" and not classified:
                return None  # "قال مدرب مانشستر يونايتد": the club qualifies the role
            return span
        if span is not None and k == start:
            return _role_after_name(clause, hit, span)
        if not _role_like(clause, k) or clause.words[k].fold in _PROXIES:
            return None  # "قال مكتب الرئيس بوش": his office speaks, not Bush
    return None


def _role_after_name(clause: Clause, hit: ActionHit, name: Span) -> Span | None:
    """ "قال عادل الجبير، وزير الخارجية السعودي، إن": a person whose English is unsure, set
    off by the role after his name, acts under that role (Saudi foreign minister). Only for
    verbs with no direct object, or with the role set off by commas: after "استقبل X" a role
    is as often the one received."""
    if name.entity.type != "person" or name.clitic:
        return None
    if not (hit.form.action.key in _NO_PERSON_OBJECT or clause.aside == name.last + 1):
        return None
    found = role_actor(clause, name.last + 1)
    if found is None or not is_role(found[0]):
        return None
    return Span(name.first, found[1], found[0], "")


def _co_actors(clause: Clause, actor: Span, ok) -> tuple[list[Span], int]:
    """ "الولايات المتحدة وبريطانيا وفرنسا": names joined by "و" act together."""
    spans, rest = [actor], actor.last + 1
    while (nxt := _span_at(clause, rest)) is not None and nxt.clitic == "و" and ok(nxt.entity):
        spans.append(nxt)
        rest = nxt.last + 1
    return spans, rest


def verb_fact(clause: Clause, hit: ActionHit, countries, excluded) -> Fact | None:
    """Actor-verb(-target)(-place) from one verb of one clause, or None."""
    if hit.form.pos == "noun":
        hit = _heading_masdar(clause, hit)
    if hit is None or blocked(clause, hit):
        return None

    def ok(entity: Entity) -> bool:
        return can_act(entity, countries, excluded)

    before = _subject_before(clause, hit, ok)
    if before is not None:
        actors, rest = _co_actors(clause, before, ok)
        if rest != hit.first:
            return None
        rest = hit.last + 1
    elif (shared := _coordinated_subject(clause, hit, ok)) is not None:
        actors, rest = [shared], hit.last + 1
    else:
        after = subject_after(clause, hit, ok)
        if after is None:
            return None
        actors, rest = _co_actors(clause, after, ok)
    if _court_misread(actors[0].entity, hit.form.action):
        return None
    if actors[0].entity.en == "oil prices" and hit.form.action.key not in _QUANTITY_VERBS:
        return None  # "النفط" alone is its price: it rises and falls, it does nothing else
    if hit.form.action.key in _QUANTITY_VERBS and not _quantity(actors[0].entity):
        return None  # "دمشق تتراجع" backs down: only prices and economies fall and rise
    action, rest = _light_verb(clause, hit.form.action, _after_time(clause, rest))
    rest = _after_time(clause, rest)
    target = _target_after(clause, rest, action) or object_span(clause, rest, action)
    target = target or prep_object(clause, rest, action)
    if target is None and (found := verdict(clause, rest, actors[0].entity)) is not None:
        action, target = found  # "قضت محكمة بإعدام 6 نساء": sentences 6 women to death
    if target is None:
        action, rest, target = _with_complement(clause, rest, action)
    if target is not None and target.first == rest + 1 and clause.words[rest].fold == "مع":
        action = replace(action, prep="with")  # "يتفق مع": agrees with, not "agrees on"
    if target is not None and target.entity.key in {a.entity.key for a in actors}:
        target = None
    if target is None and not action.bare and not _reports(clause, rest, action):
        return None
    if action.key == "win" and target is not None and clause.words[rest].fold == "علي":
        action = _beat()  # "فاز على ليفربول": beats Liverpool
    if action.key == "crown" and target is not None and is_role(target.entity):
        # "توج الهلال بلقب الدوري": crowned with a title (passive), so it wins it
        action, target = _action("win title"), None
    if not _object_fits(action, actors[0].entity, target):
        return None
    # no "إلى" or "لـ" between: "دعا قمة القدس" calls on it, "دعا لقمة" calls for one
    direct = target is not None and target.first == rest and not target.clitic
    called = target is not None and (not is_role(target.entity) or action.key == "call for")
    if action.key in ("call for", "demand") and called and (direct or not is_role(target.entity)):
        # "دعا مصر", "دعا القمة": a country, person or meeting is called on, not called for
        action = replace(action, en="call on", en_s="calls on", en_past="called on")
    taken = {target.first} if target else set()
    place = (
        None if action.speech else place_after(clause, target.last + 1 if target else rest, taken)
    )
    return Fact(
        action,
        actors[0].entity,
        target.entity if target else None,
        place.entity if place else None,
        co_actors=tuple(a.entity for a in actors[1:]),
    )


def _with_complement(clause: Clause, rest: int, action: Action):
    """ "قررت إنهاء مهمة": decides to end mission. A masdar whose own object is missing
    leaves the verb as it was ("يهدد بتوقيف مدعية": threatens, the arrested unnamed)."""
    comp = complement(clause, rest, action)
    if comp is None:
        return action, rest, None
    target = None
    if comp.takes_object:
        target = _target_after(clause, comp.rest, comp.action)
        target = target or object_span(clause, comp.rest, comp.action)
    if target is None and not comp.action.bare:
        return action, rest, None
    return comp.action, comp.rest, target


def _reports(clause: Clause, rest: int, action: Action) -> bool:
    """ "أعلنت السلطات أن ...": a reporting verb whose object is what is said."""
    return bool(action.speech) and rest < len(clause.words) and clause.words[rest].fold in _THAT


_THAT = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم"})


def _quantity(actor: Entity) -> bool:
    return is_role(actor) and actor.en.split()[-1].lower() in _QUANTITIES


# Masdars whose following name is their subject, not their object: "وفاة X" (X dies),
# "استقالة X", "فوز X على Y", "انسحاب X من Y", "ارتفاع أسعار النفط". A transitive verb's
# masdar takes its object there ("اعتقال X": X is arrested), so it states no actor.
_GENITIVE_SUBJECT = frozenset({"die", "resign", "step down", "surrender", "withdraw"})
_GENITIVE_SUBJECT |= {"qualify", "win", "draw", "lose", "arrive", "return", "rise", "fall"}
_GENITIVE_SUBJECT |= {"grow", "slow", "apologise", "flee"}
# "رحيل X" is as often X's leaving a club as X's death: only "وفاة" is a death.
_DEATH_NOUNS = frozenset({"وفاه"})


def _heading_masdar(clause: Clause, hit: ActionHit) -> ActionHit | None:
    """A nominal title headed by such a masdar, read as the verb it names."""
    action = hit.form.action
    if hit.first != 0 or action.key not in _GENITIVE_SUBJECT or clause.after_comma:
        return None
    if action.key == "die" and clause.words[0].fold not in _DEATH_NOUNS:
        return None
    return replace(hit, form=replace(hit.form, pos="past"))


def _court_misread(actor: Entity, action: Action) -> bool:
    """A court's "أدان" convicts and its "أكد" upholds: never "condemns" or "says"."""
    return "court" in actor.en.lower().split() and bool(action.speech)


def _beat() -> Action:
    return _action("beat")


def _action(key: str) -> Action:
    return next(a for a in load_actions()[0] if a.key == key)


def _object_fits(action: Action, actor: Entity, target: Span | None) -> bool:
    """Readings the object rules out: "أوقف بيانا" halts a statement (no arrest), "منح X
    فرصة" gives a chance (no award to X), and a player does not beat a club."""
    if action.key == "attack" and actor.type == "person":
        return False  # a person's "هاجم" is a verbal attack ("لافروف يهاجم ...")
    if action.key == "acquit" and "court" not in actor.en.lower().split():
        return False  # "موسكو تبرئ دمشق" clears it in words: only a court acquits
    if target is None:
        return action.key not in OBJECTS_OF
    thing = target.entity.key.startswith("thing/")
    if action.key in OBJECTS_OF:
        return thing and target.entity.en.split()[-1] in OBJECTS_OF[action.key]
    ground = target.entity.en.split()[-1] in _GROUND
    if thing and (action.key in ("capture", "recapture") and not ground):
        return False  # "تستعيد خدمة الإنترنت" restores a service: nothing is captured
    if thing and action.key == "hack" and ground:
        return False  # "تخترق مواقع" breaks through positions: no hacking
    person = thing and (target.entity.en.split()[-1] in _PEOPLE or is_people(target.entity))
    if action.key in PERSON_OBJECT_VERBS and thing and not person:
        return False  # "خطف هدفا" snatches a goal: only people are kidnapped, jailed ...
    if person and action.key not in PERSON_OBJECT_VERBS:
        return False  # "يستقبل رجلا": someone unnamed is news only as a victim
    if action.key in ("award", "announce") and not thing:
        return False  # "أعلن الرئيس الحداد": what is announced is no name ("NASA announces NASA")
    return action.key not in _CONTESTS or target.entity.type == actor.type


def _light_verb(clause: Clause, action: Action, rest: int) -> tuple[Action, int]:
    """ "تشن هجوما على" (launch an attack on) is the attack itself: the noun names the action."""
    if action.key not in LIGHT_VERBS:
        return action, rest
    noun = next((h for h in clause.actions if h.first == rest and h.form.pos == "noun"), None)
    if noun is None or noun.form.action.key in LIGHT_VERBS:
        return action, rest
    return noun.form.action, noun.last + 1


BACKGROUND = frozenset({"بعد", "قبل", "عقب", "وسط", "رغم", "بسبب", "اثر", "اثناء", "خلال", "مع"})
BACKGROUND |= {"بشان", "حول"}  # "بشأن الأسلحة في سوريا": what it is about has its own place


_GROUP_NOUNS = frozenset({"forces", "guards", "brigades", "units", "rebels", "militias", "troops"})
_GROUP_NOUNS |= {"police", "authorities", "protesters", "gunmen", "prosecutors", "defences"}
_GROUP_NOUNS |= {"prices", "aircraft", "researchers", "stocks", "officials", "leaders"}
_GROUP_NOUNS |= {"ministers", "sources", "media"}


def is_plural(entity: Entity) -> bool:
    """English agreement: "Houthis fire" but "Pentagon fires", "United States fires"."""
    name = entity.en
    if " and " in name:
        return True
    if entity.type != "organization":
        return False
    words = name.split(" in ")[0].split()  # "Authorities in Myanmar" agree with "authorities"
    if words[-1].lower() in _GROUP_NOUNS:
        return True
    if len(words) == 1:
        return name.endswith("s") and not name.endswith(("ss", "us", "as"))
    return False
