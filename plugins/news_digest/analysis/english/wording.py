"""English wording of a Fact: a present-tense headline and a past-tense standfirst clause.

Headlines use the news convention (present tense, passive without "is/are", no articles):
"Houthis attack Jazan", "Nine killed in suicide attack in Libya". Every word is either a
name's English, the lexicon's English, or fixed function words.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from ..entities import Entity
from .actors import is_role
from .headline import Fact, is_plural
from .people import in_running_text, is_people

BARE_SPEECH = MappingProxyType(
    {
        "deny": "issue{s} denial",
        "warn": "issue{s} warning",
        "threaten": "issue{s} threat",
        "say": "make{s} statement",
        "demand": "make{s} demands",
        "urge": "make{s} appeal",
        "accuse": "make{s} accusations",
        "announce": "make{s} announcement",
    }
)


def join_names(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _target(fact: Fact) -> str:
    if fact.target is None:
        return ""
    prep = fact.action.prep if fact.action.prep not in ("", "-") else ""
    return f" {prep} {fact.target.en}".replace("  ", " ") if prep else f" {fact.target.en}"


def _place(fact: Fact) -> str:
    if fact.place is None or (fact.target and fact.place.key == fact.target.key):
        return ""
    return f" in {fact.place.en}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(fact: Fact) -> str:
    if fact.actor is None:  # passive: "Nine killed in suicide attack in Libya"
        kind = f" in {fact.kind}" if fact.kind else ""
        return _capital(f"{fact.patient} {fact.action.en_pp}{kind}{_place(fact)}")
    if fact.speech_topic:
        return f"{fact.actor.en} speaks on {join_names(e.en for e in fact.speech_topic)}"
    plural = is_plural(fact.actor) or bool(fact.co_actors)
    who = join_names(e.en for e in (fact.actor, *fact.co_actors))
    verb = fact.action.en if plural else fact.action.en_s
    if fact.target is None and fact.action.speech in BARE_SPEECH:
        verb = BARE_SPEECH[fact.action.speech].format(s="" if plural else "s")
    return _capital(f"{who} {verb}{_target(fact)}{_place(fact)}")


def _the(entity: Entity) -> str:
    """Plural groups and role nouns take "the" in running text ("the Houthis", "the Syrian
    army"); names and places do not."""
    if is_people(entity):
        return in_running_text(entity)
    if entity.en.startswith("the ") or entity.en.endswith(" prices"):
        return entity.en  # "oil prices rose": prices in general, not particular ones
    return f"the {entity.en}" if is_plural(entity) or is_role(entity) else entity.en


def event_sentence(fact: Fact) -> str:
    """The fact as a past-tense sentence, attributed to the article."""
    if fact.actor is None:
        noun = "person was" if fact.patient == "One" else "people were"
        kind = f" in {article(fact.kind)}" if fact.kind else ""
        what = f"{fact.patient.lower()} {noun} {fact.action.en_pp}{kind}{_place(fact)}"
        return f"The article reports that {what}."
    if fact.speech_topic:
        topic = join_names(_the(e) for e in fact.speech_topic)
        return f"{_capital(_the(fact.actor))} is quoted in the title on {topic}."
    target = _target(fact)
    if fact.target is not None:
        target = target.replace(fact.target.en, _the(fact.target))
    who = join_names(_the(e) for e in (fact.actor, *fact.co_actors))
    verb = fact.action.en_past
    if fact.target is None and fact.action.speech in BARE_SPEECH:
        verb = BARE_SPEECH[fact.action.speech].format(s="").replace("issue ", "issued a ")
        verb = (
            verb.replace("make ", "made a ")
            .replace("a demands", "demands")
            .replace("a accusations", "accusations")
        )
        verb = verb.replace("a appeal", "an appeal").replace("a announcement", "an announcement")
    return f"The article reports that {who} {verb}{target}{_place(fact)}."


def article(noun: str) -> str:
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun  # "preparations", "talks": no article
    return f"an {noun}" if noun[:1].lower() in "aeio" else f"a {noun}"


def fallback_headline(names: Sequence[Entity], kind: str | None) -> str | None:
    """Only what is certain: the main names and the kind of story."""
    listed = ", ".join(e.en for e in names)
    if listed and kind:
        return f"{listed}: {kind}"
    if listed:
        return listed
    return None


def fallback_sentence(names: Sequence[Entity], kind: str | None) -> str | None:
    listed = join_names(_the(e) for e in names)
    if listed and kind:
        return f"The article concerns {article(kind)} and names {listed}."
    if listed:
        return f"The article names {listed}."
    if kind:
        return f"The article concerns {article(kind)}."
    return None
