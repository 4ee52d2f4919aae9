"""The English side: a headline and standfirst composed only from facts read in the Arabic text.

There is no offline Arabic->English translation here. The headline states an actor, an action
and a place only when one clause of the title or lead says so (headline.py); otherwise only
the main names and the kind of story. The standfirst adds who is quoted, the main figure,
the main claim and the outlet (standfirst.py). When DIGEST_TRANSLATOR names a translation
callable, its output is used as well, and labelled.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ...arabic import tokens
from ...models import Document
from ..claims import Claim
from ..entities import Entity, EntityResult
from ..entities.gazetteer import load_gazetteer
from ..figures import Figure
from ..quotes import Quote
from .actors import demonym_of, is_role, owned_role, role_actor
from .apposition import join_appositions
from .clauses import Clause, clauses_of, entity_surfaces
from .headline import (
    MAX_NAMES,
    OBJECTS_OF,
    Fact,
    blocked,
    can_act,
    subject_after,
    verb_fact,
)
from .kinds import casualty_fact, story_kind
from .quoted import join_quoted_subjects
from .stand_ins import lead_roles, with_roles
from .standfirst import english_ok, standfirst
from .title_names import listed_names
from .trusted import certain_name, role_words, trusted
from .wording import BARE_SPEECH, event_sentence, fallback_headline, fallback_sentence, headline

logger = logging.getLogger(__name__)

Translator = Callable[[str], str]


@dataclass(frozen=True)
class EnglishBrief:
    title: str | None  # composed headline, or None when the text names nothing to build on
    standfirst: tuple[str, ...]  # two or three English sentences
    stated: bool  # the headline states an actor (or passive subject) and an action
    action: str | None  # lexicon key of the stated action
    kind: str | None  # kind of story, e.g. "missile interception"
    who: tuple[str, ...]  # entity keys: the actor, or the names the headline lists
    where: tuple[str, ...]  # entity key of the stated place
    target: str | None = None  # entity key of the stated target
    from_lead: bool = False  # the fact was read in the lead, not the title
    translated_title: str | None = None  # from DIGEST_TRANSLATOR, when configured
    translated_summary: tuple[str, ...] = ()
    actor_en: str | None = None  # the stated actor's English, also for a role ("Syrian army")


@dataclass(frozen=True)
class Extracted:
    """What the standfirst is composed from, besides the entities."""

    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()


@lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    return frozenset(e.key for e in load_gazetteer().entries if e.iso)


def text_units(doc: Document, result: EntityResult) -> tuple[list[Clause], list[Clause]]:
    """Clauses of the title and of the lead sentence (its dateline cut off)."""
    sentences = [s.text for s in doc.sentences]
    surfaces = entity_surfaces(result, sentences)
    entities = list(result.entities)
    for entity, surface in listed_names(doc.title, result.entities):
        entities.append(entity)  # listed names the body writes otherwise ("واشنطن")
        surfaces[entity.key] = {surface}
    title = join_quoted_subjects(clauses_of(doc.title, 0, surfaces, entities), doc.title)
    lead: list[Clause] = []
    if sentences:
        # The entity stage found the dateline (filing place and outlet): the lead starts after it.
        start = result.dateline.end if result.dateline else 0
        lead = clauses_of(sentences[0], start, surfaces, entities, sentence=True)
        lead = join_appositions(lead)
    # An unsure name the lead gives a role acts in the title under that role.
    title = with_roles(title, lead_roles(lead))
    return title, lead


def _speech_title(
    doc: Document, title: list[Clause], lead: list[Clause], excluded: frozenset[str]
) -> Fact | None:
    """ "X: ..." titles: X is quoted. The quoted part's names are its topic, never its actors.

    A person or body speaks; a country only when the lead opens with a reporting verb
    ("بريطانيا: ..." then "قال ..."), since a place before a colon is often a topic label.
    """
    if len(title) < 2 or title[0].unit_uncertain:
        return None
    if ":" not in doc.title[title[0].words[-1].end : title[1].words[0].start]:
        return None
    who = _title_speaker(title[0], excluded)
    if who is None:
        return None
    reported, speaker = _lead_speech(lead, excluded)
    if who.type == "place" and (not _speaks_for(speaker, who) or _tells_own_news(title[1])):
        return None  # "فرنسا: رئيس الوزراء يؤكد ...": the country labels who speaks
    topic = [s.entity for c in title[1:] for s in c.names if s.entity.key != who.key]
    topic = [e for e in dict.fromkeys(topic) if trusted(e) and e.key not in excluded][:2]
    if topic and reported is None:
        return Fact(_say(), who, None, None, speech_topic=tuple(topic))
    if reported is not None and not (reported.bare or reported.speech in BARE_SPEECH):
        reported = None  # "انتقد ..." with its object unread: "criticises" would dangle
    if speaker is not None and speaker.key != who.key:
        reported = None  # "الكرملين: لا أساس ..." after "اتهمت لندن": London's verb, not his
    return Fact(reported or _say(), who, None, None)


def _title_speaker(clause: Clause, excluded: frozenset[str]) -> Entity | None:
    """Who speaks before a title's colon: the whole clause is one name ("غوتيريس"), a name
    after titles ("الأمير خالد بن سلمان"), or a role that says whose it is ("وزير خارجية
    البحرين", "مدرب توتنهام"; a bare "الجيش" does not say whose)."""
    last = _speaker_end(clause)
    role = role_actor(clause, 0)
    if role is not None and role[1] == last:
        if not is_role(role[0]):
            return role[0] if can_act(role[0], country_keys(), excluded) else None
        return role[0] if owned_role(clause, 0) else None
    span = next((s for s in clause.names if s.last == last and not s.clitic), None)
    if span is None or not can_act(span.entity, country_keys(), excluded):
        return None
    titles = role_words()
    if all(w.fold.removeprefix("ال") in titles for w in clause.words[: span.first]):
        return span.entity
    return None


# What may follow a speaker before the colon: whom or what about ("ترامب لروسيا:",
# "بوتين عن ضربة سوريا:", "ماتيس حول الهجوم:") or how ("أردوغان مغردا:").
_ABOUT = frozenset({"عن", "حول", "بشان", "من", "في", "امام", "خلال", "مغردا", "متهما"})


def _speaker_end(clause: Clause) -> int:
    """The last word of the speaker: the clause's end, or the word before what the speaker
    speaks to or about. A clause with a verb is no speaker with a topic."""
    end = len(clause.words) - 1
    if any(h.form.pos != "noun" for h in clause.actions):
        return end
    for k in range(1, len(clause.words)):
        word = clause.words[k]
        to = any(s.first == k and s.clitic in ("ل", "لل") for s in clause.names)
        if word.fold in _ABOUT or to:
            return k - 1
    return end


def _lead_speech(lead: Sequence[Clause], excluded: frozenset[str]):
    """The reporting verb opening the lead ("نفت ...", "حذر ...") and who speaks, when plain."""
    for clause in lead[:1]:
        hit = next((h for h in clause.actions if h.form.pos != "noun"), None)
        if hit is None or hit.first != 0 or not hit.form.action.speech or blocked(clause, hit):
            continue
        who = subject_after(clause, hit, lambda e: can_act(e, country_keys(), excluded))
        return hit.form.action, (who.entity if who else None)
    return None, None


def _speaks_for(speaker: Entity | None, country: Entity) -> bool:
    """The lead's speaker is the country of a "country: ..." title, or one of its bodies."""
    if speaker is None:
        return False
    if speaker.key == country.key:
        return True
    demonym = demonym_of(country)
    return bool(demonym) and is_role(speaker) and speaker.en.split()[0] == demonym


def _tells_own_news(clause: Clause) -> bool:
    """The words after a place's colon are a story of their own, not its words: they open
    with a role ("رئيس الوزراء يؤكد"), an event ("مقتل عشرات ..."), or a named or definite
    subject with its verb ("أردوغان يقرر", "القادة العرب ينددون")."""
    if not clause.words:
        return True
    if clause.words[0].fold.removeprefix("ال") in role_words():
        return True
    if any(h.first == 0 for h in clause.actions):
        return True
    ends = {s.last for s in clause.names}
    for hit in clause.actions:
        if hit.form.pos != "noun" and hit.first > 0:
            before = clause.words[hit.first - 1].fold
            if hit.first - 1 in ends or before.startswith("ال"):
                return True
    return False


def _say():
    return next(a for a in _actions() if a.key == "say")


def _actions():
    from .lexicon import load_actions  # local: the lexicon is only needed for speech titles

    return load_actions()[0]


def find_fact(
    clauses: Sequence[Clause], excluded: frozenset[str], lead: bool = False
) -> Fact | None:
    """The first fact of the clauses; in a lead only its first clause with a verb counts."""
    for clause in clauses:
        for hit in clause.actions:
            fact = verb_fact(clause, hit, country_keys(), excluded)
            if fact is not None:
                return fact
            if hit.form.pos != "noun":
                break  # the clause's first verb decides: later verbs depend on it
        fact = casualty_fact(clause, lambda e: True)
        if fact is not None:
            return fact
        if lead and any(h.form.pos != "noun" for h in clause.actions):
            return None  # the lead's main clause said nothing certain: later ones depend on it
    return None


def _title_hedged(title: Sequence[Clause]) -> bool:
    """The title negates, questions or hedges its verb: the lead may not state it as fact.

    Only words up to a clause's first verb count: in "X يؤكد أن حكومته لن تتراجع" the
    negation is in what X says, and X's saying it is plain.
    """
    return any(c.unit_uncertain or any(blocked(c, h) for h in _main_hits(c)) for c in title)


def _main_hits(clause: Clause) -> list:
    """The clause's action words up to and with its first verb."""
    out = []
    for hit in clause.actions:
        out.append(hit)
        if hit.form.pos != "noun":
            break
    return out


def _agrees_with_title(fact: Fact, title: Sequence[Clause], lead: Sequence[Clause]) -> bool:
    """A lead's fact is the title's story only when the title names its actor or its action."""
    names = {s.entity.key for c in title for s in c.names}
    actions = {h.form.action.key for c in title for h in c.actions}
    nouns = {h.form.action.noun for c in title for h in c.actions if h.form.action.noun}
    if fact.action.key in actions or fact.action.noun in nouns:
        return True  # the noun: "حجب تلغرام" is the block a court "orders"
    # The title's own verb, unread, names another event: the lead's first fact may not be it.
    # A verb of many senses without its news object ("يحصد 10 مليارات") names no event of ours.
    verbs = [
        h
        for c in title
        for h in c.actions
        if h.form.pos != "noun" and h.form.action.key not in OBJECTS_OF
    ]
    if fact.actor is None:
        return False
    if verbs:
        # "فينغر يكشف ..." told by "قال مدرب أرسنال، فينغر، ...": one statement, one speaker
        said = fact.action.speech and all(h.form.action.speech for h in verbs)
        return bool(said) and _named_in(fact.actor, names, title, lead)
    return _named_in(fact.actor, names, title, lead) or _verb_first(lead)


def _verb_first(lead: Sequence[Clause]) -> bool:
    """A wire lead opening with its verb ("أعلنت وزارة ...", "قال الرئيس ...", also after an
    adverbial "في تطور جديد، ...") tells the news a verbless title only labels ("توقعات
    مستقرة للنمو", "قانون أميركي لردع ...")."""
    main = next((c for c in lead if any(h.form.pos != "noun" for h in c.actions)), None)
    if main is None or main.after_comma:
        return False  # after a comma that follows a name or verb, the clause is no opening
    return any(h.first == 0 and h.form.pos != "noun" for h in main.actions)


def _named_in(actor: Entity, names: set[str], title: Sequence[Clause], lead) -> bool:
    """The title names the actor, maybe by the family name alone ("غوتيريس" for the lead's
    "أنطونيو غوتيريس"): a person's last word, of four letters or more, among its words."""
    if actor.key in names:
        return True
    if actor.type != "person":
        return False
    spelled = {tuple(tokens(actor.text))} | {
        tuple(w.fold for w in c.words[s.first : s.last + 1])
        for c in lead
        for s in c.names
        if s.entity.key == actor.key
    }
    words = {r for c in title for w in c.words for r in w.readings}
    return any(len(p) >= 2 and len(p[-1]) >= 4 and p[-1] in words for p in spelled)


def _lead_tells_title(
    fact: Fact, doc: Document, title: Sequence[Clause], lead: Sequence[Clause]
) -> bool:
    """The lead's fact may stand for the title's story.

    A negated or questioned title only as a reported denial ("بنتاغون: لا صحة ..." told by
    "نفت وزارة الدفاع ..."); a title quoting someone ("X: ...") by the lead's reporting verb,
    which names who speaks; any other title when it names the fact's actor or action.
    """
    if fact.actor is not None and fact.actor.en.split()[-1] in _ATTRIBUTIONS:
        return False  # "ذكرت مصادر ..." in a lead says where the news came from, not the news
    if _title_hedged(title):
        return fact.action.speech == "deny"
    if fact.action.speech and _quotes_someone(doc, title):
        return True
    return _agrees_with_title(fact, title, lead)


_ATTRIBUTIONS = frozenset({"source", "sources", "media"})


def _before_colon(doc: Document, title: list[Clause]) -> list[Clause]:
    """The title's clauses up to a colon: what follows it is someone's words, not the
    article's fact ("مصادر: إدارة ترامب قصفت سوريا" states no bombing)."""
    for k in range(1, len(title)):
        if ":" in doc.title[title[k - 1].words[-1].end : title[k].words[0].start]:
            return title[:k] if _may_speak(title[k - 1]) else title
    return title


def _may_speak(clause: Clause) -> bool:
    """Before a colon, a speaker rather than a label ("دوري أبطال أوروبا: ...", "القدس: ...",
    "عاجل: ...", "قضية سكريبال: ..."). Unknown words are taken for a speaker ("كبير مترجمي
    القذافي: ليبيا دعمت ..."): what follows is then someone's claim, never the article's fact."""
    words = [w.fold.removeprefix("ال") for w in clause.words]
    if words[0] in _TOPIC_WORDS or words[0] in _LABEL_WORDS:
        return False
    if any(can_act(s.entity, country_keys(), frozenset()) for s in clause.names):
        return True
    named = {k for s in clause.names for k in range(s.first, s.last + 1)}
    # names alone that cannot speak (a league, a stadium) label the story
    return len(named) < len(words) or not clause.names


# Nouns heading a topic label before a colon ("قضية سكريبال: ..."), not a speaker.
_TOPIC_WORDS = frozenset({"قضيه", "ملف", "ازمه", "حادثه", "مقتل", "اغتيال", "محاكمه", "فضيحه"})
_LABEL_WORDS = frozenset({"عاجل", "مباشر", "فيديو", "بالفيديو", "بالصور", "شاهد", "خاص", "تقرير"})
_LABEL_WORDS |= {"دوري", "كاس", "بطوله", "مونديال", "انفوغراف", "صور", "رياضه"}


def _quotes_someone(doc: Document, title: Sequence[Clause]) -> bool:
    if len(title) < 2:
        return False
    return ":" in doc.title[title[0].words[-1].end : title[1].words[0].start]


def _listed_names(clauses: Sequence[Clause], excluded: frozenset[str]) -> list[Entity]:
    names = [s.entity for c in clauses for s in c.names]
    return [
        e
        for e in dict.fromkeys(names)
        if e.key not in excluded and english_ok(e.en) and certain_name(e)
    ][:MAX_NAMES]


def compose(
    doc: Document, result: EntityResult, outlet_keys: set[str], extracted: Extracted = Extracted()
) -> EnglishBrief:
    excluded = frozenset(outlet_keys)
    title, lead = text_units(doc, result)
    fact = _speech_title(doc, title, lead, excluded) or find_fact(
        _before_colon(doc, title), excluded
    )
    from_lead = False
    if fact is None:
        fact = find_fact(lead, excluded, lead=True)
        if fact is not None and not _lead_tells_title(fact, doc, title, lead):
            fact = None
        from_lead = True
    # The title's kind only: a lead's first event noun is as often background (measured on
    # the 100 gold articles, about one in ten lead kinds named the story).
    kind = story_kind(title)
    if fact is not None:
        text, first = headline(fact), event_sentence(fact)
    else:
        names = _listed_names(title, excluded) or _listed_names(lead, excluded)[:2]
        text, first = fallback_headline(names, kind), fallback_sentence(names, kind)
    if text is not None and not english_ok(text):
        text, first, fact = None, None, None  # a name without English: say nothing rather
    doubtful = frozenset(e.en for e in result.entities if not certain_name(e))
    lines = standfirst(first, doc, extracted.quotes, extracted.figures, extracted.claims, doubtful)
    return _brief(fact, text, lines, kind, from_lead and fact is not None, title, lead, excluded)


def _brief(fact, text, lines, kind, from_lead, title, lead, excluded) -> EnglishBrief:
    if fact is not None:
        # Roles and plain-noun objects are no entity of the article: only their English is kept.
        who = (fact.actor.key,) if fact.actor and not is_role(fact.actor) else ()
        target = fact.target.key if fact.target and not is_role(fact.target) else None
        return EnglishBrief(
            text, lines, True, _stated_action(fact), kind, who,
            (fact.place.key,) if fact.place else (), target, from_lead,
            actor_en=fact.actor.en if fact.actor else None,
        )  # fmt: skip
    names = _listed_names(title, excluded) or _listed_names(lead, excluded)[:2]
    return EnglishBrief(text, lines, False, None, kind, tuple(e.key for e in names), ())


def _stated_action(fact: Fact) -> str:
    """The action the headline states: "makes statement" says, whichever verb was read."""
    speech = fact.action.speech
    if fact.target is None and not fact.speech_topic and speech in BARE_SPEECH:
        return speech
    return fact.action.key


def load_translator(dotted: str | None) -> Translator | None:
    """Import ``package.module.function`` (or ``package.module:function``); None when unset."""
    if not dotted:
        return None
    module_name, _, attr = dotted.replace(":", ".").rpartition(".")
    function = getattr(importlib.import_module(module_name), attr)
    if not callable(function):
        raise TypeError(f"DIGEST_TRANSLATOR {dotted!r} is not callable")
    return function


def translate(brief: EnglishBrief, title: str, summary: Sequence[str], translator: Translator):
    """The brief with the translator's title and summary; a failing translator is reported."""
    try:
        return replace(
            brief,
            translated_title=translator(title),
            translated_summary=tuple(translator(s) for s in summary),
        )
    except Exception as err:  # a third-party translator may fail in any way: report, go on
        logger.warning("DIGEST_TRANSLATOR failed on %r: %s", title[:40], err)
        return brief
