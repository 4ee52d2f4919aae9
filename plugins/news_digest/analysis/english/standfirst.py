"""The English standfirst: two or three sentences composed from the facts extracted.

In order of use: the main event (or the names and kind of story), who is quoted and in what
way (warning, denial ...), the main figure, the main claim and its claimant, and the outlet
and date. A sentence is written only from fields that are English already (names, roles,
figures, the lexicon); anything else is left out rather than romanised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from types import MappingProxyType

from ...arabic import fold
from ...models import Document
from ..claims import Claim
from ..figures import Figure
from ..quotes import Quote
from ..sources import load_outlets
from .clauses import clauses_of
from .trusted import NAME_LINKS, title_words

MAX_SENTENCES = 3
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_SPEECH = MappingProxyType(
    {
        "warn": "issuing a warning",
        "deny": "issuing a denial",
        "accuse": "making accusations",
        "threaten": "issuing a threat",
        "demand": "making demands",
        "urge": "making an appeal",
        "announce": "making an announcement",
        "condemn": "condemning what happened",
    }
)
_MONTHS = "January February March April May June July August September October November December"
_FIGURE_KINDS = ("count", "money", "percent")


def english_ok(text: str | None) -> bool:
    """Fully English: no Arabic script, and some Latin letters."""
    return (
        bool(text)
        and not _ARABIC_SCRIPT.search(text)
        and any("a" <= c.lower() <= "z" for c in text)
    )


def _speech_phrase(doc: Document, quote: Quote) -> str:
    """How the speaker spoke: a reporting verb of the quote's sentence outside the quoted
    words (a verb inside them is someone else's; a noun such as "إعلان الاستقلال" or
    "بحذر" is no act of speech)."""
    text = doc.sentences[quote.sentence].text if quote.sentence < len(doc.sentences) else ""
    inside = text.find(quote.text) if quote.text else -1
    for clause in clauses_of(text, 0, {}, ()):
        for hit in clause.actions:
            start = clause.words[hit.first].start
            quoted = inside >= 0 and inside <= start < inside + len(quote.text)
            if hit.form.pos != "noun" and not quoted and hit.form.action.speech in _SPEECH:
                return ", " + _SPEECH[hit.form.action.speech]
    return ""


def _speaker(quote: Quote, doubtful: frozenset[str]) -> str | None:
    """Who is quoted, in English: the name, with its role; the role alone when the name's
    English is only a guess ("Samu Ohmtiti" for Samuel Umtiti) and the role says whose it is
    ("the Egyptian minister of foreign affairs", not a bare "the judge"); None otherwise."""
    name, role = quote.speaker_en, quote.role_en if english_ok(quote.role_en) else None
    # A bare title read as the speaker (الفريق: "the team", or a lieutenant general) is no name.
    if english_ok(name) and name not in doubtful and name.lower() not in title_words():
        name = _with_article(name)
        return f"{name} ({role})" if role and role.lower() not in name.lower() else name
    if role is None or len(role.split()) < 2 or role.lower() in title_words():
        return None  # a bare title ("Major General", "crown prince") says not whose it is
    return _with_article(role)


_NAME_PARTICLES = NAME_LINKS | {"von", "der"}


def _with_article(who: str) -> str:
    """A role phrase takes "The" ("The Spanish coach", "The governor of Kandahar"); a name,
    whose words are capitalised but for particles (al-Nasser, bin), does not."""
    words = [w for w in who.split() if w.split("-")[0].lower() not in _NAME_PARTICLES]
    common = [w for w in words if w[:1].islower() and w not in ("of", "for", "the", "and")]
    if not common or who.lower().startswith("the "):
        return who
    return "The " + who


def quote_sentence(
    doc: Document, quotes: Sequence[Quote], doubtful: frozenset[str] = frozenset()
) -> str | None:
    outlets = _outlet_english()
    # Someone quoted says more than the agency that carried the words (SANA, Anadolu): an
    # outlet is named only when nobody else is.
    for quote in sorted(quotes, key=lambda q: q.speaker_en in outlets):
        who = _speaker(quote, doubtful)
        if who is not None:
            return f"{who} is quoted in the article{_speech_phrase(doc, quote)}."
    return None


def figure_sentence(figures: Sequence[Figure]) -> str | None:
    for kind in _FIGURE_KINDS:
        for figure in figures:
            if (
                figure.kind == kind
                and english_ok(figure.en)
                and any(c.isalpha() for c in figure.en)
            ):
                return f"A figure it gives: {figure.en}."
    return None


def claim_sentence(claims: Sequence[Claim], doubtful: frozenset[str] = frozenset()) -> str | None:
    for claim in claims:
        if english_ok(claim.claimant_en) and claim.claimant_en not in doubtful:
            tail = ", which it says cannot be independently verified" if claim.unverifiable else ""
            return f"It reports a claim by {claim.claimant_en}{tail}."
    return None


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for outlet in load_outlets():
        for form in (outlet.en, outlet.key, *outlet.latin):
            names[re.sub(r"[\s\-_.]", "", form.lower())] = outlet.en
        for form in outlet.variants:
            names[fold(form).replace(" ", "")] = outlet.en
    return names


@lru_cache(maxsize=1)
def _outlet_english() -> frozenset[str]:
    return frozenset(_outlet_names().values())


def outlet_en(source: str | None) -> str | None:
    """The outlet of the seed's metadata in English: from outlets.tsv, or its own Latin name."""
    if not source:
        return None
    key = re.sub(r"[\s\-_.]", "", source.lower())
    found = _outlet_names().get(key) or _outlet_names().get(fold(source).replace(" ", ""))
    if found:
        return found
    return source if english_ok(source) else None


def english_date(date: datetime | None) -> str | None:
    return f"{date.day} {_MONTHS.split()[date.month - 1]} {date.year}" if date else None


def published_sentence(doc: Document) -> str | None:
    outlet, date = outlet_en(doc.meta.source), english_date(doc.meta.date)
    if outlet and date:
        return f"It was published by {outlet} on {date}."
    if outlet:
        return f"It was published by {outlet}."
    return f"It is dated {date}." if date else None


def standfirst(
    first: str | None,
    doc: Document,
    quotes,
    figures,
    claims,
    doubtful: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Two or three English sentences, the event (or names) first. ``doubtful``: English names
    that are guesses (letter readings, spellings chosen by frequency), never printed here."""
    candidates = [
        first,
        quote_sentence(doc, quotes, doubtful),
        figure_sentence(figures),
        claim_sentence(claims, doubtful),
        published_sentence(doc),
    ]
    picked = [s for s in candidates if s][:MAX_SENTENCES]
    if len(picked) < 2:
        picked.append("No further facts could be composed in English from the Arabic text.")
    return tuple(picked)
