"""Everyday words at the edges of the tagger's person names (issue #13).

The tagger sometimes takes in a verb glued before a name (وتجنبت جورجيس، ويرأس يحيى شمص), a
verb or particle after it (أندريس إنييستا حسموا، راؤول كاسترو سيرافق، تامر عبد المنعم لـ) or
reads an everyday phrase as a person (رعاه الله، حسن الحظ). A word is cut off only when its
shape is a conjugated verb whose stem the dictionary knows as an everyday word, and the word
itself is no name part, name nor token of a listed name: precision first, a real name such as
يحيى or تامر (a verb's shape too) stays whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from .gazetteer import bare
from .records import Tok
from .tagger import Lexicon, load_lexicon

_NAME_KINDS = frozenset({"given", "family", "proper"})
_CONJUNCTIONS = ("و", "ف")
_VERB_CONJUNCTIONS = ("و",)  # ف + ي opens too many foreign names (فيمان، فيرجسون)
_PRESENT = frozenset("يتن")  # أ (folded ا) left out: too many names start with it
_PAST_ENDINGS = ("ت", "وا")  # she did / they did
_PRESENT_ENDINGS = ("ون", "وا")  # they do
# Nouns that end everyday phrases, never a name: لحسن الحظ "fortunately".
_PHRASE_ENDS = frozenset({"حظ"})
# Idioms whose second word is a name elsewhere: حصة الأسد "the lion's share" (folded, bare).
_IDIOMS = frozenset({("حصه", "اسد")})
# Particles written apart after a name: لـ (tatweel folded away), على "on" (ى kept only in
# the surface text; folded it is the name علي).
_PARTICLES = frozenset({"ل", "ب", "ك"})
_PREPOSITIONS = frozenset({"على", "إلى", "الى", "حتى"})
_GOD = "الله"
# Particles that open a clause before its subject (أن اليكس..., لكن سامي...): never a first
# name as written (آن, Anne, is spelled with madda).
_LEADING_PARTICLES = frozenset({"أن", "إن", "ان", "لكن", "ثم", "قد", "لقد", "عليه", "بأن"})


def trim_person(toks: Sequence[Tok], first: int, last: int) -> tuple[int, int] | None:
    """The tagger's person span without everyday words at its edges, None when what is left
    is no name (the whole span an everyday phrase)."""
    lex = load_lexicon()
    if _everyday_phrase(toks, first, last, lex) or _idiom(toks, first, last):
        return None
    while last - first > 1 and (
        _verb_like(toks[first].fold, lex, leading=True)
        or _leading_stop(toks[first].fold, lex)
        or toks[first].text in _LEADING_PARTICLES
        or _leading_nationality(toks[first].fold, lex)
    ):
        first += 1
    while last - first > 1 and _trailing_word(toks[last - 1], lex):
        last -= 1
    return first, last


def split_conjoined(toks: Sequence[Tok], first: int, last: int) -> list[tuple[int, int]]:
    """The tagger's person span cut before each word that is "و" glued to a name: it ran over
    "and" into the next person (ليونيل ميسي ولويس سواريز is Messi and Suárez)."""
    lex = load_lexicon()
    cuts = [j for j in range(first + 1, last) if conjoined_name(toks[j].fold, lex)]
    return list(pairwise([first, *cuts, last]))


def conjoined_name(form: str, lex: Lexicon | None = None) -> bool:
    """و glued to a name (ولويس، وسواريز): the word with its و is no word, name or name token
    the lists know (وليام, وارن, وسام are names as written), and what follows و is a name."""
    lex = lex or load_lexicon()
    rest = form[1:]
    if form[:1] != "و" or len(rest) < 3 or form in lex.known or form in lex.name_tokens:
        return False
    return rest in lex.name_parts or rest in lex.name_tokens


def _everyday_phrase(toks: Sequence[Tok], first: int, last: int, lex: Lexicon) -> bool:
    """حسن الحظ (good luck), رعاه الله (God protect him): a verb with its object pronoun before
    الله, or a noun that only ends idioms."""
    if bare(toks[last - 1].fold) in _PHRASE_ENDS:
        return True
    if last - first != 2 or toks[last - 1].text != _GOD:
        return False
    head = toks[first]
    # The pronoun ه, not the ة of هبة الله or رحمة الله, which are names.
    return head.text.endswith("ه") and not _is_name(head.fold, lex) and _common(head.fold, lex)


def _idiom(toks: Sequence[Tok], first: int, last: int) -> bool:
    if first == 0 or last - first != 1:
        return False
    return (bare(toks[first - 1].fold), bare(toks[first].fold)) in _IDIOMS


def _trailing_word(tok: Tok, lex: Lexicon) -> bool:
    if tok.fold in _PARTICLES or tok.text in _PREPOSITIONS:
        return True
    if _inflected_common(tok.fold, lex):
        return True
    if _stop(tok.fold, lex):
        return True
    return _verb_like(tok.fold, lex, leading=False)


def _verb_like(form: str, lex: Lexicon, leading: bool) -> bool:
    """A conjugated verb (past with ت or وا, present or future with its prefix) whose stem is
    an everyday word, and the word no name."""
    # A conjugated verb is no dictionary entry (those are lemmas); a known word (توسن، نقلي)
    # or a token Wikidata persons carry (دورانت، ويسلي، بينوا) is read as written.
    if form in lex.known or form in lex.name_tokens or _is_name(form, lex):
        return False
    stems = _verb_stems(form, leading)
    if any(_common(stem, lex) and stem not in lex.name_parts for stem in stems):
        return True
    # The future's س + prefix is verb enough for a stem spelled like a function word too
    # (ستبعد "will keep away": بعد).
    return any(lex.word_kinds.get(stem) == "stop" for stem in _future_stems(form))


def _future_stems(form: str) -> Iterator[str]:
    for base in (form, form[1:]) if form[:1] in _VERB_CONJUNCTIONS else (form,):
        # As for the present: a long vowel after the prefix reads as a name (ستوبس, Stopes).
        if base[:1] == "س" and base[1:2] in _PRESENT and len(base) >= 5 and base[2] not in "اوي":
            yield base[2:]


def _verb_stems(form: str, leading: bool) -> Iterator[str]:
    """Candidate stems of the verb the word may be. A verb before its subject is singular in
    Arabic, so the plural endings only count after the name (زودوا زوان is a name)."""
    conjoined = form[:1] in _VERB_CONJUNCTIONS and len(form) > 4
    for base in (form, form[1:]) if conjoined else (form,):
        yield from _past_stems(base, conjoined, leading)
        yield from _present_stems(base, leading)


def _past_stems(base: str, conjoined: bool, leading: bool) -> Iterator[str]:
    # Without و a three-letter stem only: هازلت is Hazlitt, حضرت "she attended".
    longest = 5 if conjoined else 3
    for ending in _PAST_ENDINGS[:1] if leading else _PAST_ENDINGS:
        if base.endswith(ending) and 3 <= len(base) - len(ending) <= longest:
            yield base[: -len(ending)]


def _present_stems(base: str, leading: bool) -> Iterator[str]:
    present = base[1:] if base.startswith("س") else base
    # A long vowel right after the prefix (ياوغر) or تش (the "ch" of تشان، تشارلز) reads as a
    # foreign name, not a verb.
    if present[:1] not in _PRESENT or len(present) < 4 or present[1] in "اوي":
        return
    if present.startswith("تش"):
        return
    stem = present[1:]
    yield stem
    for ending in () if leading else _PRESENT_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            yield stem[: -len(ending)]


def _inflected_common(form: str, lex: Lexicon) -> bool:
    """An adjective or adverb in the accusative after a name (ثنائيا "as a brace", داهيا "a
    shrewd one"): no dictionary entry as written, an everyday word without its alif, and no
    name or name token either way."""
    if not form.endswith("يا") or len(form) <= 4:
        return False
    if form in lex.known or form in lex.name_tokens or _is_name(form, lex):
        return False
    stem = form[:-1]
    return _common(stem, lex) and stem not in lex.name_parts


def _leading_nationality(form: str, lex: Lexicon) -> bool:
    """التركي after رئيس الوزراء, before the name: a nationality with the article opening a
    name qualifies the role before it (a family name such as المصري ends a name instead)."""
    return form.startswith("ال") and bare(form) in lex.demonyms


def _leading_stop(form: str, lex: Lexicon) -> bool:
    """وبحسب، وليس: a function word with its conjunction; a bare one may be the transliterated
    first name (آفي، كايتي)."""
    return form[:1] in _CONJUNCTIONS and _stop(form, lex)


def _stop(form: str, lex: Lexicon) -> bool:
    """A function word (في، التي، انه) that is no name part nor a token of a person's name."""
    if lex.word_kinds.get(form) != "stop" or form in lex.name_parts:
        return False
    return form not in lex.name_tokens and not _is_name(form, lex)


def _common(form: str, lex: Lexicon) -> bool:
    return lex.word_kinds.get(form) == "common"


def _is_name(form: str, lex: Lexicon) -> bool:
    """A name part, a name in the dictionary or a token of a listed name, also after و/ف."""
    forms = [form, bare(form)]
    if form[:1] in _CONJUNCTIONS:
        forms.append(form[1:])
    return any(
        f in lex.name_parts or lex.word_kinds.get(f) in _NAME_KINDS or f in lex.gaz_tokens
        for f in forms
    )
