"""Candidate spans: word tokens with their clitic readings, listed names found in the
gazetteer (exactly or in another spelling), and what kind of word a token is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ...arabic import ARABIC_LETTER_CLASS, fold
from .gazetteer import (
    Gazetteer,
    GazetteerEntry,
    Pattern,
    Word,
    bare,
    same_name,
    skeleton,
)
from .records import Hit, Tok

# A token's readings (see ``readings``): (clitic length, bare form, had the article).
Readings = tuple[tuple[int, str, bool], ...]

_TOKEN_CLASSES = (
    f"[{ARABIC_LETTER_CLASS}\u064b-\u0652\u0640]+|[A-Za-z][A-Za-z0-9&'-]*|[0-9\u0660-\u0669]+"
)
# A token with what stands before it: every character that can open a token opens one, so the
# gap is the run of all other characters. findall gives both as strings, without match objects.
_TOKEN_STARTS = f"{ARABIC_LETTER_CLASS}\u064b-\u0652\u0640A-Za-z0-9\u0660-\u0669"
_GAP_TOKEN_RE = re.compile(f"([^{_TOKEN_STARTS}]*)({_TOKEN_CLASSES})")


# Proclitic letters that may stand before a name; "لل" is ل + the article with its alef dropped.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل", "ولل", "فلل")


_CLITIC_LETTERS = frozenset("وفبلك")


SPEECH_TEXT = (
    "قال أكد أعلن أضاف أوضح أشار ذكر صرح أفاد تابع اعتبر رأى شدد دعا طالب نفى كشف وصف "
    "زعم حذر أعرب قالت أكدت أعلنت أضافت أوضحت أشارت ذكرت صرحت"
)


# Link words inside names: they never end a name and never start one.
NAME_LINKS = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ال", "الله", "الدين", "عبد"})


# Folded titles that some listed variants start with (البابا فرنسيس، الملك سلمان): the match
# still needs them, but the name reported starts after them, as for a name the rules find.
_NAME_TITLES = frozenset(
    {"الملك", "الملكه", "البابا", "الامير", "الاميره", "الشيخ", "الشيخه", "السلطان", "الملا"}
    | {"الامام", "السيد", "السيده", "الدكتور", "الرئيس", "الحاخام", "الكاردينال"}
)


def tokenize(text: str) -> list[Tok]:
    pairs = _GAP_TOKEN_RE.findall(text)
    if not pairs:
        return []
    # Folding a sentence's words at once is far cheaper than word by word: no word holds a
    # space, and folding neither adds nor removes one.
    folds = fold(" ".join([word for _, word in pairs])).split(" ")
    toks: list[Tok] = []
    end = 0
    for (raw_gap, word), folded in zip(pairs, folds, strict=True):
        start = end + len(raw_gap)
        end = start + len(word)
        gap = raw_gap.strip()
        brk = gap != "" and bool(toks)
        toks.append(Tok(word, start, end, folded, brk, word[0].isascii(), readings(folded), gap))
    return toks


@lru_cache(maxsize=50_000)  # every token of every sentence: words recur
def readings(token: str) -> tuple[tuple[int, str, bool], ...]:
    """(clitic length, bare form, had the article) of a folded token, the literal one first."""
    literal = bare(token)
    if token[:1] not in _CLITIC_LETTERS:
        return ((0, literal, literal != token),)
    out = [(0, literal, literal != token)]
    for prefix in _PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            rest = token[len(prefix) :]
            form = bare(rest)  # the article: taken off, or ل + its alef dropped (لل)
            out.append((len(prefix), form, form != rest or prefix.endswith("لل")))
    return tuple(out)


def _clitic_chars(tok: Tok, folded_len: int) -> int:
    """Map a clitic length in folded characters onto the surface token (tashkeel skipped)."""
    seen = 0
    for i, char in enumerate(tok.text):
        if seen == folded_len:
            return i
        if not ("\u064b" <= char <= "\u0652" or char == "\u0640"):
            seen += 1
    return len(tok.text)


def make_hit(
    toks: Sequence[Tok], first: int, last: int, plen: int, type_: str, **kw: object
) -> Hit:
    start = toks[first].start + _clitic_chars(toks[first], plen)
    end = toks[last - 1].end
    name = toks[first].text[start - toks[first].start :]
    name = " ".join([name] + [t.text for t in toks[first + 1 : last]])
    return Hit(first, last, start, end, type_, name, **kw)  # type: ignore[arg-type]


def gazetteer_match(toks: Sequence[Tok], i: int, gaz: Gazetteer) -> Hit | None:
    """The longest gazetteer variant starting at token i (fewer clitics win ties)."""
    if not may_start_listed(toks[i].readings, gaz.firsts, gaz.loose_firsts):
        return None
    return listed_match(toks, i, gaz, toks[i].readings, toks[i].readings)


def listed_match(
    toks: Sequence[Tok], i: int, gaz: Gazetteer, exact: Readings, loosely: Readings
) -> Hit | None:
    """``gazetteer_match`` trying only these readings of token i, as listed and in another
    spelling (the others start no name: see ``listed_readings``)."""
    best: tuple[int, int, GazetteerEntry] | None = None
    # Only the patterns whose second token is the next word's can go on (see _continues).
    after = toks[i + 1].readings[0][1] if i + 1 < len(toks) else ""
    for plen, form, article in exact:
        for pattern in gaz.by_second.get((form, after), ()) + gaz.singles.get(form, ()):
            size = len(pattern.tokens)
            if best is not None and size <= best[0] - i:
                break
            agrees = pattern.articles[0] == article or _brand_with_article(pattern, form, gaz)
            if agrees and _continues(toks, i, pattern):
                best = (i + size, plen, pattern.entry)
                break
    if best is None and loosely:
        best = _loose_match(toks, i, gaz, loosely)
    if best is None:
        return None
    last, plen, entry = best
    if entry.type == "person" and last - i > 1 and toks[i].fold[plen:] in _NAME_TITLES:
        i, plen = i + 1, 0  # a listed "البابا فرنسيس": the title is not part of the name
    return make_hit(toks, i, last, plen, entry.type, entry=entry, group=entry.key)


# Once per distinct word, not per position. 20,000 words (~4 MB) keep 95% of the hits of
# 50,000 over 3,000 articles, in 5 MB less.
@lru_cache(maxsize=20_000)
def may_start_listed(
    tok_readings: tuple[tuple[int, str, bool], ...], firsts: frozenset[str], loose: frozenset[str]
) -> bool:
    """Whether a listed name can start at a token with these readings: a first token of the
    index, or a skeleton of the loose index. Most tokens start none."""
    return any(form in firsts or skeleton(form) in loose for _, form, _ in tok_readings)


def listed_readings(
    folded: str, firsts: frozenset[str], loose: frozenset[str]
) -> tuple[Readings, Readings] | None:
    """The readings of a token of this folded form that can start a listed name: (as listed,
    in another spelling), or None when none can (most words; see ``may_start_listed``)."""
    found = readings(folded)
    exact = tuple([reading for reading in found if reading[1] in firsts])
    loosely = tuple([reading for reading in found if skeleton(reading[1]) in loose])
    return (exact, loosely) if exact or loosely else None


_FOREIGN = frozenset({None, "proper"})  # word kinds of a word that is no everyday Arabic one


def _brand_with_article(pattern: Pattern, form: str, gaz: Gazetteer) -> bool:
    """البوينغ: Arabic puts the article on a foreign organisation's one-word name; the name is
    still the listed one when the word is no everyday Arabic word or name (الخليل is Hebron,
    خليل a name)."""
    one_word = len(pattern.tokens) == 1 and not pattern.articles[0]
    return one_word and pattern.entry.type == "organization" and gaz.words.get(form) in _FOREIGN


def _loose_match(
    toks: Sequence[Tok], i: int, gaz: Gazetteer, loosely: Readings
) -> tuple[int, int, GazetteerEntry] | None:
    """A listed name in another spelling: every word has the listed word's skeleton and the
    article where it has one. In a person's name of several words one word at least, not an
    everyday word, is spelled as listed (أنغيلا ميركل for أنجيلا ميركل), so a chance run of
    short words never matches; a one-word name must be no everyday word or listed first name."""
    # What the skeleton test below would find of the second word, without building words.
    after = skeleton(toks[i + 1].readings[0][1]) if i + 1 < len(toks) else ""
    for plen, form, article in loosely:
        first = skeleton(form)
        patterns = gaz.loose_by_second.get((first, after), ()) + gaz.loose_singles.get(first, ())
        for pattern in patterns:
            size = len(pattern.tokens)
            if i + size > len(toks) or pattern.articles[0] != article:
                continue
            words = [form, *(t.readings[0][1] for t in toks[i + 1 : i + size])]
            rest = zip(toks[i + 1 : i + size], pattern.articles[1:], strict=True)
            if any(t.brk or t.readings[0][2] != a for t, a in rest):
                continue
            if [skeleton(w) for w in words] != list(pattern.tokens):
                continue
            pairs = list(zip(words, pattern.spelled, strict=True))
            if not all(same_name(w, s) for w, s in pairs):
                continue
            if any(w != s and gaz.words.get(w) == "given" for w, s in pairs):
                continue  # محمد صالح: a first name is itself, not a spelling of صلاح
            if size == 1:
                if word_kind(toks[i], gaz) in _FOREIGN:
                    return i + 1, plen, pattern.entry
                continue
            if any(w == s and gaz.words.get(w) not in ("common", "stop") for w, s in pairs):
                return i + size, plen, pattern.entry
    return None


def _continues(toks: Sequence[Tok], i: int, pattern: Pattern) -> bool:
    if i + len(pattern.tokens) > len(toks):
        return False
    for offset in range(1, len(pattern.tokens)):
        tok = toks[i + offset]
        form, _, article = tok.readings[0][1], 0, tok.readings[0][2]
        if tok.brk or form != pattern.tokens[offset] or article != pattern.articles[offset]:
            return False
    return True


def role_at(toks: Sequence[Tok], i: int, gaz: Gazetteer, kinds: set[str]) -> tuple[int, Word]:
    """The longest role phrase of the given kinds at token i: (token count, word) or (0, -)."""
    for plen in (0, 1):
        head = toks[i].fold[plen:]
        if head not in gaz.role_firsts:
            if plen == 0 and toks[i].fold[:1] in ("و", "ف"):
                continue
            break
        for size in (3, 2, 1):
            if i + size > len(toks) or any(t.brk for t in toks[i + 1 : i + size]):
                continue
            key = (head, *(t.fold for t in toks[i + 1 : i + size]))
            word = gaz.roles.get(key)
            if word is not None and word.kind in kinds:
                return size, word
        if plen == 0 and toks[i].fold[:1] not in ("و", "ف"):
            break
    return 0, Word("", "", "")


# Every kind of roles.tsv: a phrase of two or three of its words is a role, never a name.
ROLE_KINDS = frozenset({"title", "spokesman", "noun", "field", "adj"})


def is_stop(tok: Tok, gaz: Gazetteer) -> bool:
    """A function word or common noun, also behind a clitic (لوكالة, للصحفيين), or a particle
    with a first-person pronoun (إنني، لكننا)."""
    if any(tok.fold[plen:] in gaz.stopwords for plen, _, _ in tok.readings):
        return True
    if tok.fold.endswith(("ني", "نا")) and len(tok.fold) >= 4:
        base = tok.fold[:-2]
        return base in gaz.stopwords or (base.endswith("ن") and base[:-1] in gaz.stopwords)
    return False


# Endings and imperfect-verb prefixes taken off to find the dictionary form of an everyday word
# (ميزانيتها -> ميزانية, مسؤولون -> مسؤول, يتنافسون -> تنافس, دعما -> دعم); a name is looked up
# as written first, so stripping only ever proves a word common.
_PRONOUNS = ("هما", "هم", "ها", "كم", "نا", "ه", "ي")


_ENDINGS = ("تين", "يين", "ات", "ون", "ين", "ان", "وا", "ا", "ه", "ي", "ت")


_VERB_PREFIXES = ("ي", "ت", "ن", "ا", "سي", "ست")


def _strip_ends(forms: list[str], endings: tuple[str, ...]) -> list[str]:
    out = list(forms)
    for form in forms:
        for ending in endings:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                stem = form[: -len(ending)]
                out.append(stem)
                if stem.endswith("ات") and len(stem) >= 5:  # علاقات(نا) -> علاقة
                    out.append(stem[:-2] + "ه")
                if stem.endswith("ت"):  # ميزانيت(ها): ta marbuta before a pronoun
                    out.append(stem[:-1] + "ه")
                elif stem.endswith(("ؤ", "ئ")):  # جاؤ(وا) -> جاء
                    out.append(stem[:-1] + "ء")
                if ending == "ت":  # انتهت -> انتهى (folded ي): a past verb ending in alef maqsura
                    out.append(stem + "ي")
    return out


def _stems(form: str) -> tuple[list[str], list[str]]:
    """(the form and its forms without endings, forms without a verb or participle prefix)."""
    ends = _strip_ends(_strip_ends([form], _PRONOUNS), _ENDINGS)
    out: list[str] = []
    for stem in ends:
        for prefix in _VERB_PREFIXES:
            if stem.startswith(prefix) and len(stem) > 4:
                rest = stem[len(prefix) :]
                out.append(rest)
                if rest[:1] in ("س", "ن"):  # تستهدف -> استهدف, ينتقد -> انتقد
                    out.append("ا" + rest)
        if stem.startswith("م") and len(stem) > 4:  # ممنهج -> منهج, مستهدف -> استهدف
            out.append(stem[1:])
            if stem[1:2] in ("س", "ن"):
                out.append("ا" + stem[1:])
    return ends, out


def word_kind(tok: Tok, gaz: Gazetteer, stems: bool = True) -> str | None:
    """common | given | family | proper for a token (clitics and article tried), None if unknown.

    A reading listed as written wins over stems, so وليد stays a name and وقالت a verb. Without
    ``stems`` only the written readings count: a name's next word (طارق عريا) may look like an
    inflected noun (عري + ا) and still be a name.
    """
    for _plen, form, _article in tok.readings:
        kind = gaz.words.get(form)
        if kind is not None:
            return "common" if kind == "stop" else kind
    if not stems:
        return None
    for _plen, form, _article in tok.readings:
        ends, prefixed = _stems(form)
        if any(gaz.words.get(stem) in ("common", "stop") for stem in ends[1:]):
            return "common"
        # A verb prefix stands before verbs, never before a particle (نوفاك is not ن + وفاك).
        if any(gaz.words.get(stem) == "common" for stem in prefixed):
            return "common"
    return None


def is_common(tok: Tok, gaz: Gazetteer, stems: bool = True) -> bool:
    if tok.fold in gaz.name_parts or tok.fold in NAME_LINKS:
        return False
    return word_kind(tok, gaz, stems) == "common"


def add(hits: dict[int, Hit], hit: Hit) -> None:
    if not hit.group:  # a hit that has its group already (merging, aliases) is kept as is
        hit = replace(hit, group=f"{hit.type}:{fold(hit.name)}")
    hits[hit.first] = hit
    for k in range(hit.first + 1, hit.last):
        hits[k] = hits[hit.first]


def unique(hits: dict[int, Hit]) -> list[Hit]:
    return [hit for index, hit in sorted(hits.items()) if hit.first == index]
