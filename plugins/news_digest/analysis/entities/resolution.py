"""Resolution: hits grouped into one entity per referent within the article (aliases of
multi-word names), English names, and merged entities with their mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from slugify import slugify

from ...arabic import fold
from ...models import Document
from .bodies import body_english, described_entry, headed_english
from .candidates import NAME_LINKS, add, make_hit, role_at, tokenize, unique
from .cues import HEAD_ENGLISH, WITH_TAGGER, sentence_hits
from .dateline import Dateline, find_dateline
from .ensemble import learned_spans, merge_sentence
from .gazetteer import (
    Gazetteer,
    GazetteerEntry,
    bare,
    has_article,
    load_gazetteer,
)
from .records import Entity, EntityResult, Hit, Mention, Tok
from .romanize import known_word, romanize_name, spelled_from_data
from .transliterate import curated_spelling, romanize_phrase


@dataclass(frozen=True)
class Alias:
    """A word of a person's multi-word name that may stand for the whole name."""

    hit: Hit
    article: bool  # written with the article (الظواهري): a lone mention must agree


def _aliases(sentences: list[dict[int, Hit]], gaz: Gazetteer) -> dict[str, Alias]:
    """Parts of people's multi-word names: a later bare مجاهد or لاريجاني is the same person."""
    aliases: dict[str, Alias] = {}
    for hits in sentences:
        for hit in unique(hits):
            if hit.type != "person":
                continue
            for part, article in _alias_parts(hit.name):
                if gaz.words.get(part) not in ("common", "stop"):
                    aliases.setdefault(part, Alias(hit, article))
    return aliases


def _alias_parts(name: str) -> list[tuple[str, bool]]:
    """(bare folded word, had the article) for the words of a name that can stand for it alone
    (not بن / عبد / short ones); empty for a one-word name."""
    words = [fold(word) for word in name.split()]
    if len(words) < 2:
        return []
    return [
        (bare(w), has_article(w))
        for w in words
        if len(bare(w)) >= 3 and bare(w) not in NAME_LINKS and not w.startswith("عبد")
    ]


def _alias_hits(toks: Sequence[Tok], hits: dict[int, Hit], aliases: dict[str, Alias]) -> None:
    if not aliases:
        return  # an article naming no one by several words: nothing to look for
    for i, tok in enumerate(toks):
        hit = hits.get(i)
        if hit is not None and hit.last == i + 1 and hit.type == "person" and hit.entry is None:
            alias = aliases.get(bare(fold(hit.name)))
            if alias is not None:  # وأضاف جوزيه: a rule found the given name of a known person
                hits[i] = replace(hit, group=alias.hit.group)
            continue
        if hit is not None:
            continue
        for plen, form, article in tok.readings:
            alias = aliases.get(form)
            # Written as in the name: بالإسلام is not the إسلام of يوسف إسلام.
            if alias is not None and alias.article == article:
                add(hits, make_hit(toks, i, i + 1, plen, "person", group=alias.hit.group))
                break


@lru_cache(maxsize=8192)  # places and organisations recur across articles
def _spelled_out(text: str) -> str:
    """A place or organisation no list holds, word by word: the name data's spelling, else a
    letter reading. (The learned model, costly, is kept for people's names.)"""
    words = [known_word(word) or romanize_phrase(word) for word in text.split()]
    joined = " ".join(w for w in words if w)
    return joined[:1].upper() + joined[1:]


def _entity(group: list[Hit]) -> Entity:
    first = group[0]
    longest = max(group, key=lambda h: (len(h.name), h.name)).name
    listed = first.entry or _described(longest, first.type)
    type_ = first.type if first.entry is not None or listed is None else listed.type
    if listed is not None:
        key, text, en, spelled = listed.key, listed.ar[0], listed.en, "listed"
    else:
        text = longest
        en, spelled = _english(type_, longest, group)
        key = f"{type_}/{_slug(en) or _slug(fold(longest))}"
    roles = tuple(dict.fromkeys(h.role for h in group if h.role))
    roles_en = tuple(dict.fromkeys(h.role_en for h in group if h.role and h.role_en))
    return Entity(key, text, type_, en, len(group), roles, roles_en, spelled)


def _described(name: str, type_: str) -> GazetteerEntry | None:
    """The listed body a name no list holds stands for (موقع تويتر, found as a place, is
    Twitter; يوفنتوس الإيطالي is Juventus), unless the name is a country's own body
    (وزارة الخارجية الروسية is not the listed generic ministry)."""
    return None if body_english(name) is not None else described_entry(name, type_)


@lru_cache(maxsize=16384)  # slugify is costly and the same English names recur
def _slug(text: str) -> str:
    return slugify(text)


def _english(type_: str, name: str, group: list[Hit]) -> tuple[str, str]:
    """(English name, where it comes from) for a name no list holds."""
    if type_ == "person":
        return _person_english(name)
    body = body_english(name) or headed_english(name)  # Russian Foreign Ministry, Hodeidah port
    if body is not None:
        return body, "rule"
    ruled = next((h.en for h in group if h.en), None)  # حزب X -> X Party
    if ruled is None:
        return _spelled_out(name), ("data" if spelled_from_data(name) else "guessed")
    return ruled, ("rule" if _rule_words_only(ruled, name) else "guessed")


@lru_cache(maxsize=16384)  # a person's name recurs across articles; the answer is the name's
def _person_english(name: str) -> tuple[str, str]:
    """Curated name parts first, then the name data, then the learned model."""
    curated = curated_spelling(name)
    if curated:
        return curated, "curated"
    return romanize_name(name), ("data" if spelled_from_data(name) else "guessed")


def _rule_words_only(english: str, name: str) -> bool:
    """The rule's English is the name's own Latin words and a head's English (حزب Podemos ->
    Podemos Party); where it spelled Arabic words letter by letter ("Al-Akhuan Organization"
    for تنظيم الإخوان, "Qdat Court" for محكمة قضت) it is a guess."""
    own = set(name.split())
    return all(word in own or word in HEAD_ENGLISH for word in english.split())


def extract_entities(doc: Document, learned: bool = True) -> EntityResult:
    """People, places and organisations named in the article's sentences (not read-also).

    ``learned=False`` runs the rules alone (the evaluation's baseline)."""
    gaz = load_gazetteer()
    token_lists = [tokenize(sentence.text) for sentence in doc.sentences]
    rules = WITH_TAGGER if learned else ()
    sentences = [sentence_hits(toks, gaz, rules) for toks in token_lists]
    if learned:
        spans = learned_spans([sentence.text for sentence in doc.sentences], token_lists)
        sentences = [
            merge_sentence(toks, hits, found, gaz)
            for toks, hits, found in zip(token_lists, sentences, spans, strict=True)
        ]
    _unsupported_surnames(token_lists, sentences, gaz)
    aliases = _aliases(sentences, gaz)
    for toks, hits in zip(token_lists, sentences, strict=True):
        _alias_hits(toks, hits, aliases)
    dateline = _dateline(doc, sentences)
    groups: dict[str, list[Hit]] = {}
    located: list[tuple[int, Hit]] = []
    for index, hits in enumerate(sentences):
        for hit in unique(hits):
            groups.setdefault(hit.group, []).append(hit)
            located.append((index, hit))
    entities = {group: _entity(members) for group, members in groups.items()}
    mentions = tuple(
        Mention(index, hit.start, hit.end, entities[hit.group].key, hit.role)
        for index, hit in located
    )
    return EntityResult(_merge(entities.values()), mentions, dateline)


def _is_surname_form(hit: Hit) -> bool:
    """A listed person matched by one word with the article (المالكي), while the list also has
    their full name: a family name many people share."""
    entry = hit.entry
    if entry is None or entry.type != "person" or hit.last - hit.first != 1:
        return False
    return has_article(fold(hit.name)) and any(len(v.split()) > 1 for v in entry.ar)


def _titled(toks: Sequence[Tok], first: int, gaz: Gazetteer) -> bool:
    """A title or role phrase right before token `first` (الرئيس الأسد، رئيس الوزراء المالكي)."""
    return any(
        first >= size and role_at(toks, first - size, gaz, {"title", "spokesman"})[0] == size
        for size in (1, 2, 3)
    )


def _unsupported_surnames(
    token_lists: list[list[Tok]], sentences: list[dict[int, Hit]], gaz: Gazetteer
) -> None:
    """A bare family name is the listed person only when the article supports it: their full
    name elsewhere in it, or a title right before it. Otherwise it is a person the lists do not
    know (another المالكي), named from the text itself."""
    full = {h.entry.key for hits in sentences for h in unique(hits)
            if h.entry is not None and not _is_surname_form(h)}  # fmt: skip
    for toks, hits in zip(token_lists, sentences, strict=True):
        for hit in unique(hits):
            if not _is_surname_form(hit) or hit.entry.key in full or _titled(toks, hit.first, gaz):
                continue
            hits[hit.first] = replace(hit, entry=None, en=None, group=f"person:{fold(hit.name)}")


def _dateline(doc: Document, sentences: list[dict[int, Hit]]) -> Dateline | None:
    """Find the dateline of the body's first sentence and take its hits out of that sentence."""
    if not doc.sentences or doc.sentences[0].paragraph != 0:
        return None
    hits = sentences[0]
    places = [h for h in unique(hits) if h.type == "place"]
    found = find_dateline(
        doc.sentences[0].text, lambda end: any(h.first == 0 and h.end <= end for h in places)
    )
    if found is None:
        return None
    taken = [h for h in unique(hits) if h.start < found.end]
    for hit in taken:
        for index in range(hit.first, hit.last):
            hits.pop(index, None)
    place = next((h for h in taken if h.type == "place"), None)
    if place is None:
        return found
    if place.entry is not None:
        return replace(found, place_key=place.entry.key, place_en=place.entry.en)
    return replace(found, place_en=place.en)


def _merge(entities: Sequence[Entity] | object) -> tuple[Entity, ...]:
    """Entities whose keys coincide (a rule find that is also listed) become one."""
    merged: dict[str, Entity] = {}
    for entity in entities:  # type: ignore[attr-defined]
        other = merged.get(entity.key)
        if other is None:
            merged[entity.key] = entity
            continue
        merged[entity.key] = replace(
            other,
            count=other.count + entity.count,
            roles=tuple(dict.fromkeys(other.roles + entity.roles)),
            roles_en=tuple(dict.fromkeys(other.roles_en + entity.roles_en)),
        )
    return tuple(sorted(merged.values(), key=lambda e: (-e.count, e.key)))
