"""Naming: English for rule-found names, roles and complements (demonyms, modifiers,
titles), and the Arabic surface of a span.
"""

from __future__ import annotations

from collections.abc import Sequence

from .candidates import is_stop, role_at
from .gazetteer import (
    Gazetteer,
    Word,
    bare,
)
from .records import MAX_COMPLEMENT, Cue, Hit, Tok

# Titles written without the article that still stand right before a name.
_BARE_TITLES = frozenset({"د", "وزير", "وزيرة"})


def demonym_of(tok: Tok, gaz: Gazetteer) -> Word | None:
    return demonym_word(tok.fold, gaz) if tok.fold.startswith("ال") else None


def demonym_word(form: str, gaz: Gazetteer) -> Word | None:
    """The demonym of an adjective with the article; الألماني folds to الالماني, and its table
    key lost the أل of ألماني as if it were an article too, so that is tried next."""
    word = gaz.demonyms.get(bare(form))
    if word is None and form.startswith("الال"):
        word = gaz.demonyms.get(bare(bare(form)))
    return word


def _modifier_en(tok: Tok, gaz: Gazetteer) -> str | None:
    """English of a post-nominal adjective (nationality, former …); None if not one."""
    demonym = demonym_of(tok, gaz)
    if demonym is not None:
        return demonym.en
    word = gaz.roles.get((tok.fold,))
    return word.en if word is not None and word.kind == "adj" else None


def _complement(
    toks: Sequence[Tok], j: int, hits: dict[int, Hit], gaz: Gazetteer
) -> tuple[int, list[str] | None]:
    """Noun phrase after a role word: gazetteer names, role nouns, article words.

    Returns the index after it and its English parts (None when a word is not known).
    """
    parts: list[str] | None = []
    start = j
    while j < len(toks) and j - start < MAX_COMPLEMENT and not (toks[j].brk and j > start):
        if j in hits and hits[j].type != "person":
            hit = hits[j]
            if parts is not None:
                parts.append(_entity_phrase(hit))
            j = hit.last
            continue
        size, word = role_at(toks, j, gaz, {"noun", "field"})
        if size:
            if parts is not None:  # a field (الخارجية) takes no article: minister of finance
                parts.append(f"{'f' if word.kind == 'field' else 'n'}:{word.en}")
            j += size
            continue
        modifier = _modifier_en(toks[j], gaz)
        # Feminine adjectives agree with the complement (الحكومة الأفغانية); masculine ones
        # with the title before it (وزير الخارجية الروسي), which the caller collects.
        if modifier is not None and j > start and toks[j].fold.endswith("ه"):
            if parts is not None:
                parts.insert(0, f"a:{modifier}")
            j += 1
            continue
        if modifier is not None:
            break  # a masculine adjective belongs to the title: the caller takes it
        if toks[j].fold.startswith("ال") and not is_stop(toks[j], gaz):
            parts = None  # a word we cannot translate: keep the Arabic role only
            j += 1
            continue
        break
    return j, parts


def _entity_phrase(hit: Hit) -> str:
    en = hit.entry.en if hit.entry else hit.en or ""
    return f"o:{en}" if hit.type == "organization" else f"p:{en}"


def _english_complement(parts: list[str]) -> str:
    """Arabic construct order to English: شرطة قندوز -> the Kunduz police."""
    adjectives = [p[2:] for p in parts if p.startswith("a:")]
    words: list[str] = []
    for part in (p for p in parts if not p.startswith("a:")):
        kind, text = part[:2], part[2:]
        if kind == "p:" and words and not words[-1].startswith("the "):
            words[-1] = f"{text} {words[-1]}"
        elif kind == "p:" and words:
            words[-1] = f"the {text} {words[-1][4:]}"
        elif kind == "f:":
            words.append(text if not words else f"of {text}")
        elif kind in ("n:", "o:"):
            words.append(f"the {text}" if not words else f"of the {text}")
        else:
            words.append(text)
    phrase = " ".join(words)
    if adjectives and phrase.startswith("the "):
        phrase = f"the {' '.join(adjectives)} {phrase[4:]}"
    return phrase


def _role_english(head: Word, modifiers: list[str], parts: list[str] | None) -> str | None:
    if parts is None:
        return None
    # Arabic adjectives follow the noun inside out: الرئيس الأميركي السابق = former US president.
    head_en = " ".join([*reversed(modifiers), head.en])
    if not parts:
        return head_en
    link = "" if head.kind == "spokesman" else " of"
    return f"{head_en}{link} {_english_complement(parts)}"


def cue_at(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> Cue | None:
    """A role or title phrase at token i with its modifiers and complement."""
    size, head = role_at(toks, i, gaz, {"title", "spokesman"})
    if not size:
        return None
    j = i + size
    modifiers: list[str] = []
    while j < len(toks) and not toks[j].brk and (en := _modifier_en(toks[j], gaz)):
        modifiers.append(en)
        j += 1
    end, parts = _complement(toks, j, hits, gaz)
    while end < len(toks) and not toks[end].brk and (en := _modifier_en(toks[end], gaz)):
        modifiers.append(en)  # وزير الخارجية الروسي: the nationality follows the complement
        end += 1
    # A title without the article is in construct (رئيس جهاز …, حاكم قندهار): what follows is
    # its complement, so with none we recognise, the next word is a noun, not a name.
    construct = not toks[i].fold.lstrip("وف").startswith("ال") and head.ar not in _BARE_TITLES
    if (head.kind == "spokesman" or construct) and end == j:
        return None
    role = _surface(toks, i, end, gaz)
    return Cue(end, role, _role_english(head, modifiers, parts))


def _surface(toks: Sequence[Tok], first: int, last: int, gaz: Gazetteer) -> str:
    """The sentence words first..last, without a leading و/ف conjunction."""
    words = [t.text for t in toks[first:last]]
    folded = toks[first].fold
    if folded[:1] in ("و", "ف") and folded not in gaz.role_firsts:
        words[0] = words[0][1:]
    return " ".join(words)
