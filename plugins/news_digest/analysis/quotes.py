"""Quotes: direct quotations and reported statements, with who said them.

A speech verb (قال، أكد، أعلن، أوضح، أشار، أضاف …) opens a statement; its speaker is the person
named between the verb and the "أن/إن" that starts the reported clause (Arabic puts the subject
after the verb), else an organisation or outlet there, else a role phrase ("مسؤولون"), else a
name right before the verb, else — for "وأضاف:" and "وقال لصحافيين:" with no subject — the
speaker of the previous statement. A quotation takes the speaker of the verb before it.
Words in quote marks that are only a name ("طلوع"، "طالبان") are not quotations.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..arabic import ARABIC_LETTER_CLASS, fold
from ..ingest.sentences import quote_spans
from ..models import Document
from .entities import role_english
from .entities.gazetteer import bare, has_article, load_gazetteer
from .sources import fold_with_offsets, load_outlets

if TYPE_CHECKING:  # only the shapes are used: any object with these fields will do
    from .entities import Entity, EntityResult, Mention

logger = logging.getLogger(__name__)

# Unattributed quotations shorter than this are more often titles and names than speech.
MIN_UNATTRIBUTED_QUOTE_WORDS = 8
MAX_SUBJECT_WORDS = 6
MAX_VERB_TO_CLAUSE_WORDS = 25

_L = ARABIC_LETTER_CLASS


def _folded_words(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


_QUOTE_MARKS = "\"'«»“”„"

# Folded speech verbs: past stems take ت (she), وا (they), تا/ا (two); a few are listed whole.
_VERB_STEMS = "قال اكد اعلن اوضح اشار اضاف ذكر صرح شدد اعتبر افاد كشف لفت تابع حذر نقل اورد"
_VERB_WHOLE = "راي رات راوا نفي نفت نفوا يقول تقول يقولون يري تري يؤكد تؤكد يضيف تضيف قائلا"
_CLAIM_VERBS = "زعم زعمت زعموا ادعي ادعت ادعوا"
_COMPLEMENTIZER = r"(?:الي\s+|علي\s+)?ب?(?P<an>ان(?P<pro>ه|ها|هم|هما|نا|ني)?)"
_FILLERS = _folded_words(
    "من جهته جهتها جانبه جانبها بدوره بدورها أيضا أيضاً كذلك أمس اليوم الثلاثاء السبت الأحد "
    "الاثنين الأربعاء الخميس الجمعة"
)
_FIRST_PERSON = _folded_words("نحن أنا لنا إننا أننا إنني أنني لدينا عندنا")
# Words that open a prepositional phrase, where the subject ends: لوكالة، في، خلالها، عبر.
_PREP_START = ("ل", "في", "خلال", "عبر")


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words without quote marks, or the reported clause
    speaker: str | None  # the Arabic name, or a role phrase ("مسؤولون") when no name is given
    speaker_en: str | None
    role: str | None
    role_en: str | None
    direct: bool
    sentence: int


@dataclass(frozen=True)
class Speaker:
    name: str
    en: str | None = None
    role: str | None = None
    role_en: str | None = None


@dataclass(frozen=True)
class Statement:
    """One speech verb in one sentence (offsets are in the sentence's own text)."""

    verb_start: int
    verb_end: int
    clause_start: int | None  # after "أن/إن" or ":"; None when the verb has no clause
    speaker: Speaker | None
    claim: bool  # زعم/ادعى: a claim verb, reported by claims.py rather than here


@dataclass(frozen=True)
class _Named:
    """One entity mention inside the sentence being read."""

    start: int
    end: int
    entity: Entity
    mention: Mention


def _verb_alternation() -> str:
    forms = []
    for stem in _VERB_STEMS.split():
        forms += [stem, stem + "ت", stem + "وا", stem + "ا", stem + "تا"]
    forms += _VERB_WHOLE.split()
    return "|".join(sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern[str]:
    claims = "|".join(_CLAIM_VERBS.split())
    return re.compile(
        f"(?<![{_L}])[وف]?(?:(?P<claim>{claims})|(?P<verb>{_verb_alternation()}))(?![{_L}])"
    )


_COMP_RE = re.compile(f"(?<![{_L}]){_COMPLEMENTIZER}(?![{_L}])|:")
# "بحسب ما نقلت", "وفق ما ذكرت", "حسبما أفادت": a source aside, not a statement. ("كما أكد"
# is "also confirmed" far more often than "as he said", so it stays a statement.)
_ASIDE_RE = re.compile(f"(?:(?<![{_L}])ما|حسبما)\\s*$")
_CLAUSE_STOP_RE = re.compile(
    r"[،,;؛]\s*(?:في حين|فيما|بينما|وفق|وفقا|حسب|بحسب|نقلا|مشيرا|مضيفا|لافتا|موضحا)"
    r"|[،,]\s*و?(?:ذلك|هو)\s+(?=ادعاء|زعم)|\s+-\s+"
)


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    """Folded outlet spelling -> English name, to name a speaker such as "طلوع"."""
    names: dict[str, str] = {}
    for outlet in load_outlets():
        for variant in outlet.variants + outlet.cue_variants:
            names.setdefault(fold(variant), outlet.en)
    return names


def _named_in(sentence: int, entities: EntityResult | None, text: str) -> list[_Named]:
    if entities is None:
        return []
    by_key = {entity.key: entity for entity in entities.entities}
    named = [
        _Named(m.start, m.end, by_key[m.key], m)
        for m in entities.mentions
        if m.sentence == sentence and m.key in by_key and 0 <= m.start < m.end <= len(text)
    ]
    return sorted(named, key=lambda n: n.start)


# Spellings a speaker's English name may be printed from: a listed entry, listed name parts,
# a rule's words over Latin script. Name-data and model spellings may be wrong ("Harry Ken";
# "Wzarah Al-Kharajih" for a ministry): the English page then shows the Arabic name.
_CERTAIN_SPELLINGS = frozenset({"listed", "curated", "rule"})


def speaker_of(named: _Named) -> Speaker:
    entity, role = named.entity, named.mention.role
    role = role or (entity.roles[0] if entity.roles else None)
    role_en = None
    if role in entity.roles and len(entity.roles_en) == len(entity.roles):
        role_en = entity.roles_en[entity.roles.index(role)]
    english = entity.en if entity.spelled in _CERTAIN_SPELLINGS else None
    return Speaker(entity.text, english, role, role_en)


# --- which quote marks hold a quotation -------------------------------------------------


def _first_person(words: list[str]) -> bool:
    # "سيطرتنا", "نحن": the speaker's own voice, even in a three-word fragment.
    return any(w in _FIRST_PERSON or (len(w) > 4 and w.endswith("نا")) for w in words)


def is_quotation(inner: str, before: str) -> bool:
    """Whether quoted words are speech rather than a name or term in quote marks."""
    words = fold(inner).split()
    if not any(re.search(f"[{_L}]", w) for w in words):
        return False
    if len(words) >= 4 or _first_person(words):
        return True
    lead = fold(before).rstrip()
    return lead.endswith(":") or lead.endswith(("قائلا", "بالقول"))


def direct_spans(text: str) -> list[tuple[int, int]]:
    """Spans (with their quote marks) of the quotations in one sentence."""
    return [(s, e) for s, e in quote_spans(text) if is_quotation(text[s + 1 : e - 1], text[:s])]


# --- speech verbs and their speakers ---------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    """One sentence prepared once: its folded form, offsets, quotations and names."""

    text: str
    folded: str
    offsets: Sequence[int]
    quotes: tuple[tuple[int, int], ...]
    named: tuple[_Named, ...]

    def orig(self, folded_pos: int) -> int:
        if folded_pos >= len(self.offsets):
            return len(self.text)
        return self.offsets[folded_pos]

    def quoted(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)


def _prepare(text: str, index: int, entities: EntityResult | None) -> _Sentence:
    folded, offsets = fold_with_offsets(text)
    named = tuple(_named_in(index, entities, text))
    return _Sentence(text, folded, offsets, tuple(direct_spans(text)), named)


def _verb_matches(sent: _Sentence) -> list[re.Match[str]]:
    found = []
    for match in _verb_re().finditer(sent.folded):
        if sent.quoted(sent.orig(match.start())):
            continue  # words inside a quotation are the quoted speaker's, not a new statement
        if _ASIDE_RE.search(sent.folded[: match.start()]):
            continue
        found.append(match)
    return found


def _person_between(named: tuple[_Named, ...], start: int, end: int) -> _Named | None:
    for item in named:
        if start <= item.start < end and item.entity.type == "person":
            return item
    return None


# As written (folded على is the name علي).
_MEDIUM_PREPOSITIONS = frozenset({"على", "عبر", "في", "من", "إلى", "الى", "عن", "مع"})


def _org_right_after(sent: _Sentence, start: int, end: int) -> Speaker | None:
    """An organisation or outlet as the subject: the first word or two after the verb."""
    head = sent.text[start:end]
    lead_words = len(head.split()[:2])
    for item in sent.named:
        before = sent.text[start : item.start].split()
        leading = len(before) < lead_words
        # "كتب على تويتر": after a preposition the name is the medium, not the subject.
        medium = bool(before) and before[-1].strip(_QUOTE_MARKS) in _MEDIUM_PREPOSITIONS
        if start <= item.start < end and item.entity.type != "place" and leading and not medium:
            return speaker_of(item)
    words = [w.strip(_QUOTE_MARKS + "،,") for w in head.split()]
    words = [w for w in words if w]
    for size in (2, 1):
        name = " ".join(words[:size])
        if fold(name) in _outlet_names() and not (len(words[:size]) == 1 and _everyday(name)):
            return Speaker(name, _outlet_names()[fold(name)])
    return None


def _everyday(word: str) -> bool:
    """An outlet named by an everyday word: after a speech verb, "وقال البيان" is "the
    statement said", not the newspaper Al Bayan (likewise الحياة, الوطن, اليوم); a bare
    name such as طلوع stays the outlet."""
    form = _clean(word)
    return has_article(form) and load_gazetteer().words.get(bare(form)) in ("common", "stop")


def _clean(word: str) -> str:
    return fold(word).strip(_QUOTE_MARKS + "،,:؛;.()")


def _phrase_after(sent: _Sentence, start: int, end: int) -> tuple[str | None, bool]:
    """A role phrase between the verb and its clause ("مسؤولون حكوميون", "وفد من مسؤولي
    طالبان"), and whether any words stood there at all (none: the subject is carried)."""
    words = sent.text[start:end].split()
    while words and _clean(words[0]) in _FILLERS:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        bare = _clean(word)
        # "قال على تويتر": where he spoke; as written, since folded على is the name علي.
        medium = word.strip(_QUOTE_MARKS + "،,:") in ("على", "عبر")
        if not bare or bare.startswith(("ل", "خلال")) or bare in _PREP_START or medium:
            break
        kept.append(word.strip(_QUOTE_MARKS + "،,:"))
        if word[-1] in "،,:":
            break
    if not kept:
        return None, False  # only "لصحافيين" or "في بيان": the subject is the last speaker
    if len(kept) > MAX_SUBJECT_WORDS:
        return None, True
    return " ".join(kept), True


_BEFORE_STOP = _folded_words("أن إن إلا كما لكن ثم حيث بينما فيما حين إذ و")


def _phrase_before(sent: _Sentence, verb_start: int) -> str | None:
    """SVO order, "إلا أن حاكم قندهار قال إن": one to three words back to a connector."""
    kept: list[str] = []
    for word in reversed(sent.text[:verb_start].split()):
        if word[-1] in "،,.:؛;" or _clean(word) in _BEFORE_STOP or word[-1] in _QUOTE_MARKS:
            break
        kept.insert(0, word)
        if len(kept) > 3:
            return None
    return " ".join(kept) or None


def _org_en_within(sent: _Sentence, start: int, end: int) -> str | None:
    orgs = {n.entity.en for n in sent.named if start <= n.start < end and n.entity.type != "place"}
    return orgs.pop() if len(orgs) == 1 else None


def _resolve(
    sent: _Sentence, verb: tuple[int, int], region_end: int
) -> tuple[Speaker | None, bool]:
    """The speaker of one verb, and whether the text names one (False: carry the last)."""
    verb_start, verb_end = verb
    subject = sent.text[verb_end:region_end].split()[:1]
    if subject and _clean(subject[0]) in _REPORT_NOUNS:  # "أشارت الصحيفة إلى قلق ماتيس"
        return Speaker(subject[0].strip(_QUOTE_MARKS + "،,"), None), True
    person = _person_between(sent.named, verb_end, region_end)
    if person is not None:
        return speaker_of(person), True
    org = _org_right_after(sent, verb_end, region_end)
    if org is not None:
        return org, True
    phrase, has_words = _phrase_after(sent, verb_end, region_end)
    if phrase:
        start = sent.text.find(phrase, verb_end)
        en = _org_en_within(sent, start, start + len(phrase)) or role_english(phrase)
        return Speaker(phrase, en), True
    if has_words:
        return None, True
    for item in reversed(sent.named):
        gap = sent.text[item.end : verb_start]
        if item.end <= verb_start and not gap.strip() and item.entity.type != "place":
            if sent.text[: item.start].split()[-1:] == [_ON_BEHALF]:
                return _spokesman(sent, item.start), True
            return speaker_of(item), True
    before = _phrase_before(sent, verb_start)
    return (Speaker(before, role_english(before)), True) if before else (None, False)


# A report as the subject right after the verb: the person named after it is what the report
# is about ("أشارت الصحيفة إلى قلق ماتيس": the paper speaks, Mattis is not quoted).
_REPORT_NOUNS = _folded_words("الصحيفة الوكالة القناة المجلة التقرير الدراسة")


# "المتحدث باسم إردوغان قال": the one named after باسم is whose spokesman speaks, not who.
_ON_BEHALF = "باسم"


def _spokesman(sent: _Sentence, owner_start: int) -> Speaker | None:
    """The person named just before "spokesman for X" (at most four words between), if any."""
    for item in reversed(sent.named):
        words = sent.text[item.end : owner_start].split()
        if item.end <= owner_start and len(words) <= 4 and item.entity.type == "person":
            return speaker_of(item)
    return None


def _statements(sent: _Sentence, carried: Speaker | None) -> tuple[list[Statement], Speaker | None]:
    """Every speech verb of the sentence with its speaker; also the speaker to carry on."""
    verbs = _verb_matches(sent)
    statements = []
    for index, verb in enumerate(verbs):
        limit = verbs[index + 1].start() if index + 1 < len(verbs) else len(sent.folded)
        span = (sent.orig(verb.start()), sent.orig(verb.end() - 1) + 1)
        clause = _clause_start(sent, verb, limit)
        region_end = clause[0] if clause else _region_end(sent, span[1], sent.orig(limit))
        speaker, named = _resolve(sent, span, region_end)
        if not named:
            speaker = carried
        if speaker is not None:
            carried = speaker
        claim = verb.group("claim") is not None
        statements.append(
            Statement(span[0], span[1], clause[1] if clause else None, speaker, claim)
        )
    return statements, carried


def _region_end(sent: _Sentence, verb_end: int, limit: int) -> int:
    """Without "أن": the subject runs to the next quotation or the next verb."""
    starts = [s for s, _ in sent.quotes if s >= verb_end]
    return min([limit, *starts])


def _clause_start(sent: _Sentence, verb: re.Match[str], limit: int) -> tuple[int, int] | None:
    """Where the verb's "أن/إن/:" starts and where its clause starts, if before ``limit``."""
    for comp in _COMP_RE.finditer(sent.folded, verb.end(), limit):
        if len(sent.folded[verb.end() : comp.start()].split()) > MAX_VERB_TO_CLAUSE_WORDS:
            return None
        if sent.quoted(sent.orig(comp.start())):
            continue
        # "أنها باتت تسيطر": a pronoun on أن is the clause's subject, so keep it.
        keep = comp.group(0) != ":" and comp.group("pro") is not None
        clause = sent.orig(comp.start("an")) if keep else sent.orig(comp.end() - 1) + 1
        return sent.orig(comp.start()), clause
    return None


def _quote_speaker(statements: list[Statement], start: int, end: int) -> Speaker | None:
    """The verb before the quotation, else a verb just after it ("…"، قال فلان)."""
    before = [s for s in statements if s.verb_end <= start and not s.claim]
    if before:
        return before[-1].speaker
    after = [s for s in statements if s.verb_start >= end and s.verb_start - end <= 6]
    return after[0].speaker if after else None


def _quote(text: str, speaker: Speaker | None, direct: bool, index: int) -> Quote:
    if speaker is None:
        return Quote(text, None, None, None, None, direct, index)
    return Quote(text, speaker.name, speaker.en, speaker.role, speaker.role_en, direct, index)


def clause_text(text: str, start: int, end: int) -> str:
    """The reported clause from ``start``, cut before "، في حين …" or "، وفق قوله"."""
    piece = text[start:end]
    stop = _CLAUSE_STOP_RE.search(fold(piece))
    if stop:
        piece = piece[: stop.start()]
    return piece.strip(" \t\n.،,:؛;" + _QUOTE_MARKS)


def _sentence_quotes(sent: _Sentence, statements: list[Statement], index: int) -> list[Quote]:
    quotes: list[tuple[int, Quote]] = []
    for start, end in sent.quotes:
        speaker = _quote_speaker(statements, start, end)
        inner = sent.text[start + 1 : end - 1].strip()
        if speaker is None and len(inner.split()) < MIN_UNATTRIBUTED_QUOTE_WORDS:
            continue  # more likely a title or a slogan than speech
        quotes.append((start, _quote(inner, speaker, True, index)))
    for number, statement in enumerate(statements):
        if statement.clause_start is None or statement.claim or statement.speaker is None:
            continue
        following = [s.verb_start for s in statements[number + 1 :]]
        end = min([len(sent.text), *following])
        if any(statement.clause_start <= s < end for s, _ in sent.quotes):
            continue  # the clause is a quotation, reported above as direct speech
        clause = clause_text(sent.text, statement.clause_start, end)
        if len(clause.split()) >= 2:
            quotes.append((statement.verb_start, _quote(clause, statement.speaker, False, index)))
    return [quote for _, quote in sorted(quotes, key=lambda pair: pair[0])]


# "الحركة" and its kind stand for an organisation named elsewhere in the article.
_GENERIC_ORGS = _folded_words("الحركة الجماعة التنظيم الحزب المنظمة الوزارة الحكومة الشركة")
_MOVEMENT_WORDS = _folded_words("الحركة الجماعة التنظيم")


def _generic_org(doc: Document, entities: EntityResult | None, noun: str) -> Entity | None:
    """The organisation a generic noun refers to: the most-mentioned one whose name or a
    mention contains the noun ("حركة طالبان" for الحركة), or whose name lies inside such a
    name (طالبان); else, for a movement, the most-mentioned organisation of all."""
    if entities is None:
        return None
    stem = noun.removeprefix("ال")
    orgs = [e for e in entities.entities if e.type == "organization"]
    names = {fold(e.text) for e in orgs if stem in fold(e.text).split()}
    for mention in entities.mentions:
        if mention.sentence < len(doc.sentences) and any(e.key == mention.key for e in orgs):
            surface = fold(doc.sentences[mention.sentence].text[mention.start : mention.end])
            if stem in surface.split():
                names.add(surface)
    related = [e for e in orgs if any(fold(e.text) in name for name in names)]
    if related:
        return max(related, key=lambda e: e.count)
    if noun in _MOVEMENT_WORDS and orgs:
        return max(orgs, key=lambda e: e.count)
    return None


def _with_referent(
    speaker: Speaker | None, doc: Document, entities: EntityResult | None
) -> Speaker | None:
    if speaker is None or speaker.en is not None or fold(speaker.name) not in _GENERIC_ORGS:
        return speaker
    entity = _generic_org(doc, entities, fold(speaker.name))
    return speaker if entity is None else Speaker(speaker.name, entity.en)


def prepared_statements(
    doc: Document, entities: EntityResult | None
) -> list[tuple[_Sentence, list[Statement]]]:
    """Each sentence with its statements, speakers carried across sentences."""
    carried: Speaker | None = None
    prepared = []
    for index, sentence in enumerate(doc.sentences):
        sent = _prepare(sentence.text, index, entities)
        statements, carried = _statements(sent, carried)
        statements = [
            replace(st, speaker=_with_referent(st.speaker, doc, entities)) for st in statements
        ]
        prepared.append((sent, statements))
    return prepared


Prepared = list[tuple[_Sentence, list[Statement]]]


def extract_quotes(
    doc: Document, entities: EntityResult | None, prepared: Prepared | None = None
) -> tuple[Quote, ...]:
    """Direct quotations and reported statements, in reading order. `prepared` is
    prepared_statements(doc, entities) when the caller already has it (claims need it too)."""
    quotes: list[Quote] = []
    if prepared is None:
        prepared = prepared_statements(doc, entities)
    for index, (sent, statements) in enumerate(prepared):
        quotes.extend(_sentence_quotes(sent, statements, index))
    logger.debug("%s: %d quotes", doc.id, len(quotes))
    return tuple(quotes)
