"""The action lexicon: Arabic verbs and verbal nouns of wire news, with English headline forms.

data/actions.tsv lists each action once, with the Arabic third person masculine past and present
and the verbal nouns; the inflected forms (feminine, plural, dual, the future prefix) are
generated here, so the file stays readable. Forms are folded (arabic.fold) like the text.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ...arabic import tokens
from ...settings import DATA_DIR

# Prepositions a verb form may end with ("رحب ب", "سيطر على"): written glued or apart in the
# text, so only the verb itself is matched.
_TRAILING_PARTICLES = frozenset({"ب", "ل", "في", "علي", "عن", "مع", "من", "الي"})


@dataclass(frozen=True)
class Action:
    key: str
    en: str  # base form: "attack"
    en_s: str  # third person singular present: "attacks"
    en_past: str  # "attacked"
    en_pp: str  # past participle, for the passive: "attacked"
    noun: str  # the kind of story: "attack"
    prep: str  # before a target: "" direct object, "-" no target, else "on", "with" ...
    bare: bool  # reads as a headline with no target ("Houthis attack")
    speech: str  # reporting verbs: say, warn, deny ...; empty for events


@dataclass(frozen=True)
class Form:
    action: Action
    words: tuple[str, ...]  # folded tokens
    pos: str  # past | present | noun


def _verb_words(form: str) -> tuple[str, ...]:
    words = tokens(form)
    while len(words) > 1 and words[-1] in _TRAILING_PARTICLES:
        words.pop()
    return tuple(words)


def _past_forms(stem: tuple[str, ...]) -> list[tuple[str, ...]]:
    head, rest = stem[0], stem[1:]
    endings = ("", "ت", "وا", "ا", "تا")
    return [(head + e, *rest) for e in endings]


def _present_forms(stem: tuple[str, ...]) -> list[tuple[str, ...]]:
    head, rest = stem[0], stem[1:]
    if not head.startswith("ي"):
        return [stem]
    base = head[1:]
    heads = [head, "ت" + base, head + "ون", head + "ان", head + "وا", "ت" + base + "ان"]
    return [(h, *rest) for h in heads] + [("س" + h, *rest) for h in heads[:3]]


def _split(value: str) -> list[str]:
    return [v for v in (value or "").split("|") if v.strip()]


def _row_forms(action: Action, row: dict[str, str]) -> list[Form]:
    forms: list[Form] = []
    for past in _split(row["past"]):
        forms += [Form(action, f, "past") for f in _past_forms(_verb_words(past))]
    for present in _split(row["present"]):
        forms += [Form(action, f, "present") for f in _present_forms(_verb_words(present))]
    for noun in _split(row["nouns"]):
        words = tuple(tokens(noun))
        forms.append(Form(action, words, "noun"))
        if words and not words[0].endswith(("ا", "ه", "ي")):  # accusative: هجوما
            forms.append(Form(action, (words[0] + "ا", *words[1:]), "noun"))
    return [f for f in forms if f.words]


@lru_cache(maxsize=1)
def load_actions() -> tuple[tuple[Action, ...], tuple[Form, ...]]:
    """The actions and all their forms, in file order."""
    with (DATA_DIR / "actions.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    actions, forms = [], []
    for row in rows:
        action = Action(
            row["key"], row["en"], row["en_s"], row["en_past"], row["en_pp"], row["noun"],
            row["prep"], row["bare"] == "yes", row["speech"],
        )  # fmt: skip
        actions.append(action)
        forms += _row_forms(action, row)
    return tuple(actions), tuple(forms)


@lru_cache(maxsize=1)
def forms_by_first_word() -> dict[str, tuple[Form, ...]]:
    """Forms indexed by their first folded word, longest first (the most specific wins)."""
    index: dict[str, list[Form]] = {}
    for form in load_actions()[1]:
        index.setdefault(form.words[0], []).append(form)
    return {w: tuple(sorted(fs, key=lambda f: -len(f.words))) for w, fs in index.items()}
