"""The trained tagger and the rules, one sentence at a time: the tagger decides first.

Chosen on NewsFANE's dev part (``eval/entities.py --systems``): the tagger's names stand as it
finds them; a rule's name is added where the tagger found nothing that overlaps it, when it is
a listed name, a name after a role cue, or a place or organisation found by a rule. A person
that only the shape rules see (two unknown words in a row) needs the tagger's agreement, which
is how everyday words stop becoming people. Rule finds the tagger confirms keep what the rule
knew: the listed entry, the role and the rule-made English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from ...arabic import fold
from .bodies import NOUN_SENSES, listed_entry
from .candidates import add, gazetteer_match, make_hit, role_at, unique
from .decoder import tag_sentences
from .edges import conjoined_name, split_conjoined, trim_person
from .gazetteer import Gazetteer, bare
from .records import NAMED_HEADS, Hit, Tok
from .tagger import load_lexicon, mentions, split_clitics
from .tagger import tokenize as tagger_tokens

_SEATS = ("organization", "place")  # (listed kind, tagger's kind) where the list wins
_TYPES = MappingProxyType({"PER": "person", "LOC": "place", "ORG": "organization"})
# A listed name that is an everyday feminine noun too (bodies.NOUN_SENSES) is that noun when an
# adjective or relative agreeing with a feminine noun follows (القاعدة الجوية، القاعدة التي);
# al-Qaeda's own adjectives agree with تنظيم (تنظيم القاعدة الإرهابي).
_FEMININE_RELATIVE = "التي"


def learned_spans(
    texts: Sequence[str], token_lists: Sequence[Sequence[Tok]]
) -> list[list[tuple[str, int, int]]]:
    """Per sentence, (type, first, last) over its rule tokens of the names the tagger finds
    in its text; the sentences are tagged together (one batch is faster than one each)."""
    tagged = [tagger_tokens(text) for text in texts]
    tags = tag_sentences([[t for t, _, _ in sentence] for sentence in tagged])
    return [
        _spans(sentence, labels, toks)
        for sentence, labels, toks in zip(tagged, tags, token_lists, strict=True)
    ]


def _spans(
    tagged: Sequence[tuple[str, int, int]], labels: Sequence[str], toks: Sequence[Tok]
) -> list[tuple[str, int, int]]:
    spans = []
    for mention in mentions(labels):
        start, end = tagged[mention.start][1], tagged[mention.end - 1][2]
        covered = [i for i, tok in enumerate(toks) if tok.start < end and start < tok.end]
        if covered:
            spans.append((_TYPES[mention.type], covered[0], covered[-1] + 1))
    return spans


def _proclitic_length(tok: Tok) -> int:
    """Folded characters of the conjunction/preposition before the name (not its article)."""
    if conjoined_name(tok.fold):
        return 1  # ولويس: the tagger's clitic reading keeps و on names it does not list
    pre, _ = split_clitics(tok.fold, load_lexicon().known)
    if pre == "لل":
        return 2  # ل + the article with its alef dropped: the name starts after both
    return len(pre) - 2 if pre.endswith("ال") else len(pre)


def _learned_hit(
    toks: Sequence[Tok], span: tuple[str, int, int], rules: list[Hit], gaz: Gazetteer
) -> Hit:
    type_, first, last = span
    size, title = role_at(toks, first, gaz, {"title"}) if type_ == "person" else (0, None)
    if not size or last - first <= size:
        return _spanned_hit(toks, span, rules, gaz)
    # الأميرة ديانا, اللاعب X: the title is the person's role, not a word of the name (as
    # NewsFANE and ANERcorp tag it: outside the name).
    hit = _spanned_hit(toks, (type_, first + size, last), rules, gaz)
    return hit if hit.role else replace(hit, role=title.ar, role_en=title.en)


def _spanned_hit(
    toks: Sequence[Tok], span: tuple[str, int, int], rules: list[Hit], gaz: Gazetteer
) -> Hit:
    type_, first, last = span
    # A person the rules found right after a role cue, overlapping the tagger's find: the cue
    # says where the name starts (العقيد تركي المالكي where the tagger saw only المالكي; المتحدث
    # باسم شرطة قندوز سيد سرفار حسيني where it took قندوز in), so the cued span stands.
    cued = next((h for h in rules if h.role and h.type == type_ == "person"
                 and h.first < last and first < h.last), None)  # fmt: skip
    if cued is not None and (
        _role_tail(toks, first, cued) or cued.first <= first < last <= cued.last
    ):
        return cued
    same = next((h for h in rules if (h.first, h.last, h.type) == (first, last, type_)), None)
    if same is not None:
        return same
    # Inside a listed name of its kind (القاعدة of تنظيم القاعدة في جزيرة العرب): the listed one.
    around = next((h for h in rules if h.entry is not None and h.type == type_
                   and h.first <= first and last <= h.last), None)  # fmt: skip
    if around is not None:
        return around
    listed = gazetteer_match(toks, first, gaz)
    # A seat that stands for its institution (البيت الأبيض, الكرملين): the tagger sees a
    # place, the list knows the White House; other kinds of disagreement keep the tagger's.
    agrees = listed is not None and (listed.type == type_ or (listed.type, type_) == _SEATS)
    if agrees and (listed.first, listed.last) == (first, last):
        return listed
    hit = make_hit(toks, first, last, _proclitic_length(toks[first]), type_)
    cued = next((h for h in rules if h.role and h.first < last and first < h.last), None)
    if cued is not None and cued.type == type_:
        return replace(hit, role=cued.role, role_en=cued.role_en)
    return hit


def _role_tail(toks: Sequence[Tok], first: int, cued: Hit) -> bool:
    """The tagger's find starts inside the role phrase before the cued name (the قندوز of
    المتحدث باسم شرطة قندوز)."""
    lead = " ".join(t.text for t in toks[first : cued.first])
    return bool(lead) and (cued.role or "").endswith(lead)


def _rule_kept(hit: Hit) -> bool:
    """Rule finds that stand without the tagger: listed names (of two words or more, or
    organisations), cued names, places and organisations found by rule. Never a person the
    rules saw only by a first name or the shape of its words (on NewsFANE's dev part keeping
    them costs more precision than it gains recall), and never a one-word listed person or
    place the tagger does not see in its context (صور "pictures" is not the city of Tyre)."""
    if hit.entry is not None and hit.last - hit.first == 1 and hit.role is None:
        return hit.type == "organization"
    return hit.entry is not None or hit.role is not None or hit.type != "person"


def merge_sentence(
    toks: Sequence[Tok],
    rule_hits: dict[int, Hit],
    spans: list[tuple[str, int, int]],
    gaz: Gazetteer,
) -> dict[int, Hit]:
    """Token index -> hit: the tagger's names, then the kept rule finds that overlap none."""
    rules = unique(rule_hits)
    merged: dict[int, Hit] = {}
    for span in _trimmed(toks, spans):
        add(merged, _learned_hit(toks, span, rules, gaz))
    for hit in rules:
        taken = any(i in merged for i in range(hit.first, hit.last))
        if not taken and _rule_kept(hit) and not _misread(toks, hit, gaz):
            add(merged, hit)
    for hit in unique(merged):
        if _noun_sense(toks, hit) or _lone_adjective(toks, hit, gaz):
            for index in range(hit.first, hit.last):
                del merged[index]
    return merged


def _lone_adjective(toks: Sequence[Tok], hit: Hit, gaz: Gazetteer) -> bool:
    """A nationality adjective alone (السورية "the Syrian", سعودية) read as a place or body:
    the noun it qualifies was left out, and the adjective names nothing by itself."""
    if hit.entry is not None or hit.last - hit.first != 1 or hit.type == "person":
        return False
    form = bare(fold(hit.name))
    if form not in gaz.demonyms:
        return False
    # تشيلي is Chile as well as Chilean, الفرنسية also AFP ("the French [agency]"): a listed
    # name or an outlet's short name stays.
    if (form,) in gaz.cued_outlets or listed_entry(hit.name) is not None:
        return False
    return not (hit.first and toks[hit.first - 1].fold in NAMED_HEADS)  # فريق العربي: a club


def _noun_sense(toks: Sequence[Tok], hit: Hit) -> bool:
    """A one-word name that is an everyday noun here, by the feminine word agreeing with it."""
    if hit.last - hit.first != 1 or hit.last >= len(toks):
        return False
    if bare(fold(hit.name)) not in NOUN_SENSES:
        return False
    after = toks[hit.last]
    if after.brk:
        return False
    form = after.fold
    return form == _FEMININE_RELATIVE or (form.startswith("ال") and form.endswith("ه"))


def _trimmed(toks: Sequence[Tok], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The tagger's persons one per person (two joined by و are cut apart) and without the
    everyday words at their edges (edges.py); a person that is all everyday phrase (رعاه الله)
    is dropped."""
    out = []
    for type_, first, last in spans:
        if type_ != "person":
            out.append((type_, first, last))
            continue
        for part in split_conjoined(toks, first, last):
            kept = trim_person(toks, *part)
            if kept is not None:
                out.append((type_, *kept))
    return out


def _misread(toks: Sequence[Tok], hit: Hit, gaz: Gazetteer) -> bool:
    return _clitic_misreading(toks, hit, gaz) or _everyday_person(toks, hit)


def _everyday_person(toks: Sequence[Tok], hit: Hit) -> bool:
    """A rule's person that is an everyday phrase: حاكم دبي، رعاه الله ("God protect him")
    read as a name after its role."""
    return hit.type == "person" and trim_person(toks, hit.first, hit.last) is None


def _clitic_misreading(toks: Sequence[Tok], hit: Hit, gaz: Gazetteer) -> bool:
    """A one-word listed name read by cutting a proclitic off an everyday word: وفيات is
    "and deaths", not و + Fiat. The tagger, which sees the context, may still find it."""
    tok = toks[hit.first]
    whole = tok.readings[0][1]
    cut = hit.start > tok.start
    return hit.last - hit.first == 1 and cut and gaz.words.get(whole) in ("common", "stop")
