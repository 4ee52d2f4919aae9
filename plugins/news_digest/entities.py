"""Named entities (people, places, organisations) with English names.

Two passes per sentence over word tokens:

1. Gazetteer: at each token, the clitic readings of that token (و ف ب ل ك and their
   combinations, then the article) are looked up in an index keyed by the first bare token;
   the longest variant that matches wins. Well-known entities only.
2. Rules for what no list holds: a role/title cue (المتحدث باسم X، الرئيس، وزير الخارجية …,
   حاكم X) followed by a name; a speech verb (قال، أكد …) followed by a name and إن/أن; a known
   given name followed by name-shaped tokens; an organisation head noun (حزب، حركة، شركة …)
   followed by its complement; Latin-script capitalised words (brands, acronyms).

A surname found by rule also counts where it recurs alone later in the article.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from slugify import slugify

from .arabic import ARABIC_LETTER_CLASS, fold
from .gazetteer import Gazetteer, GazetteerEntry, Pattern, Word, bare, has_article, load_gazetteer
from .models import Document
from .transliterate import romanize, romanize_phrase

logger = logging.getLogger(__name__)

_TOKEN_RE = re.compile(
    f"[{ARABIC_LETTER_CLASS}\u064b-\u0652\u0640]+|[A-Za-z][A-Za-z0-9&'-]*|[0-9\u0660-\u0669]+"
)
# Proclitic letters that may stand before a name; "لل" is ل + the article with its alef dropped.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل", "ولل", "فلل")
_CLITIC_LETTERS = frozenset("وفبلك")
_SPEECH_TEXT = (
    "قال أكد أعلن أضاف أوضح أشار ذكر صرح أفاد تابع اعتبر رأى شدد دعا طالب نفى كشف وصف "
    "زعم حذر أعرب قالت أكدت أعلنت أضافت أوضحت أشارت ذكرت صرحت"
)
_SPEECH_VERBS = frozenset(map(fold, _SPEECH_TEXT.split()))
_THAT = frozenset({"ان", "انه", "انها", "بان"})
# Link words inside names: they never end a name and never start one.
_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ال", "الله", "الدين", "عبد"})
_ORG_HEADS = {
    "حزب": "Party", "حركه": "Movement", "جماعه": "Group", "تنظيم": "Organization",
    "جبهه": "Front", "منظمه": "Organization", "شركه": "Company", "جامعه": "University",
    "بنك": "Bank", "مصرف": "Bank", "اتحاد": "Union", "نادي": "Club", "معهد": "Institute",
    "مؤسسه": "Foundation", "هيئه": "Authority", "لجنه": "Committee", "صندوق": "Fund",
    "صحيفه": "newspaper", "محكمه": "Court", "جمعيه": "Association", "مجلس": "Council",
}  # fmt: skip
# Titles written without the article that still stand right before a name.
_BARE_TITLES = frozenset({"د", "وزير", "وزيرة"})
# Heads that describe rather than name: the organisation's name is what follows (شركة إنرون).
_DESCRIPTOR_HEADS = frozenset({"شركه", "صحيفه", "مجموعه"})
MAX_NAME_TOKENS = 5
MAX_COMPLEMENT = 5


@dataclass(frozen=True)
class Mention:
    sentence: int
    start: int
    end: int
    key: str
    role: str | None


@dataclass(frozen=True)
class Entity:
    key: str
    text: str
    type: str
    en: str
    count: int
    roles: tuple[str, ...] = ()
    roles_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityResult:
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    fold: str
    brk: bool  # punctuation (not just space) between the previous token and this one
    latin: bool
    readings: tuple[tuple[int, str, bool], ...]  # see readings(); computed once per token


@dataclass(frozen=True)
class Hit:
    """One recognised span, tokens [first, last) of a sentence."""

    first: int
    last: int
    start: int  # char offset of the name (after any clitic)
    end: int
    type: str
    name: str  # Arabic surface of the name, clitic stripped
    entry: GazetteerEntry | None = None
    en: str | None = None  # rule-made English when not a person (persons: romanised later)
    role: str | None = None
    role_en: str | None = None
    group: str = ""  # what mentions of one entity share


@dataclass(frozen=True)
class Cue:
    end: int  # token index after the cue and its complement
    role: str
    role_en: str | None


def tokenize(text: str) -> list[Tok]:
    # Folding the sentence once is far cheaper than per word; when folding removed nothing
    # (no tashkeel or tatweel, the usual case) the offsets of both texts agree.
    folded_text = fold(text)
    same = len(folded_text) == len(text)
    toks: list[Tok] = []
    prev_end = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        brk = bool(toks) and text[prev_end:start].strip() != ""
        word = match.group()
        folded = folded_text[start:end] if same else fold(word)
        toks.append(Tok(word, start, end, folded, brk, word[0].isascii(), readings(folded)))
        prev_end = end
    return toks


def readings(token: str) -> tuple[tuple[int, str, bool], ...]:
    """(clitic length, bare form, had the article) of a folded token, the literal one first."""
    out = [(0, bare(token), has_article(token))]
    if token[:1] not in _CLITIC_LETTERS:
        return tuple(out)
    for prefix in _PROCLITICS:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and len(rest) >= 3:
            article = prefix.endswith("لل") or has_article(rest)
            out.append((len(prefix), bare(rest), article))
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


def _hit(toks: Sequence[Tok], first: int, last: int, plen: int, type_: str, **kw: object) -> Hit:
    start = toks[first].start + _clitic_chars(toks[first], plen)
    end = toks[last - 1].end
    name = toks[first].text[start - toks[first].start :]
    name = " ".join([name] + [t.text for t in toks[first + 1 : last]])
    return Hit(first, last, start, end, type_, name, **kw)  # type: ignore[arg-type]


def _gazetteer_match(toks: Sequence[Tok], i: int, gaz: Gazetteer) -> Hit | None:
    """The longest gazetteer variant starting at token i (fewer clitics win ties)."""
    best: tuple[int, int, GazetteerEntry] | None = None
    for plen, form, article in toks[i].readings:
        for pattern in gaz.index.get(form, ()):
            size = len(pattern.tokens)
            if best is not None and size <= best[0] - i:
                break
            if pattern.articles[0] == article and _continues(toks, i, pattern):
                best = (i + size, plen, pattern.entry)
                break
    if best is None:
        return None
    last, plen, entry = best
    return _hit(toks, i, last, plen, entry.type, entry=entry, group=entry.key)


def _continues(toks: Sequence[Tok], i: int, pattern: Pattern) -> bool:
    if i + len(pattern.tokens) > len(toks):
        return False
    for offset in range(1, len(pattern.tokens)):
        tok = toks[i + offset]
        form, _, article = tok.readings[0][1], 0, tok.readings[0][2]
        if tok.brk or form != pattern.tokens[offset] or article != pattern.articles[offset]:
            return False
    return True


def _role_at(toks: Sequence[Tok], i: int, gaz: Gazetteer, kinds: set[str]) -> tuple[int, Word]:
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


def _is_stop(tok: Tok, gaz: Gazetteer) -> bool:
    """A function word or common noun, also behind a clitic (لوكالة, للصحفيين)."""
    return any(tok.fold[plen:] in gaz.stopwords for plen, _, _ in tok.readings)


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
                if stem.endswith("ت"):  # ميزانيت(ها): ta marbuta before a pronoun
                    out.append(stem[:-1] + "ه")
    return out


def _stems(form: str) -> list[str]:
    out = _strip_ends(_strip_ends([form], _PRONOUNS), _ENDINGS)
    for stem in list(out):
        out.extend(stem[len(p) :] for p in _VERB_PREFIXES if stem.startswith(p) and len(stem) > 4)
    return out


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
        if any(gaz.words.get(stem) in ("common", "stop") for stem in _stems(form)[1:]):
            return "common"
    return None


def _is_common(tok: Tok, gaz: Gazetteer, stems: bool = True) -> bool:
    if tok.fold in gaz.name_parts or tok.fold in _NAME_LINKS:
        return False
    return word_kind(tok, gaz, stems) == "common"


def _demonym(tok: Tok, gaz: Gazetteer) -> Word | None:
    return gaz.demonyms.get(bare(tok.fold)) if tok.fold.startswith("ال") else None


def _modifier_en(tok: Tok, gaz: Gazetteer) -> str | None:
    """English of a post-nominal adjective (nationality, former …); None if not one."""
    demonym = _demonym(tok, gaz)
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
        size, word = _role_at(toks, j, gaz, {"noun", "field"})
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
        if toks[j].fold.startswith("ال") and not _is_stop(toks[j], gaz):
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


def _cue(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> Cue | None:
    """A role or title phrase at token i with its modifiers and complement."""
    size, head = _role_at(toks, i, gaz, {"title", "spokesman"})
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


def _name_start_ok(tok: Tok, gaz: Gazetteer) -> bool:
    if tok.latin or tok.fold.startswith("ال") or len(tok.fold) < 2:
        return False
    if _is_stop(tok, gaz) or tok.fold in _NAME_LINKS - {"عبد", "ابو"}:
        return False
    if tok.fold[:1] in ("ي", "ت") and len(tok.fold) <= 5 and word_kind(tok, gaz) is None:
        return False  # يريد, تؤدي: an imperfect verb no stem rule reaches, not a name
    return (tok.fold,) not in gaz.roles and not _is_common(tok, gaz)


def _name_continues(tok: Tok, gaz: Gazetteer, length: int = 1) -> bool:
    if tok.brk or tok.latin or tok.fold.isdigit() or _is_stop(tok, gaz):
        return False
    if tok.fold in _NAME_LINKS or tok.fold in gaz.name_parts:
        return True
    if _demonym(tok, gaz) is not None or (tok.fold,) in gaz.roles or _is_common(tok, gaz, False):
        return False
    if tok.fold.startswith("ال"):
        # Family names with the article are nisbas (الظواهري) or listed (الحسن).
        return tok.fold.endswith("ي") or tok.fold[2:] in gaz.name_parts
    if tok.fold[:1] in ("ي", "ت") and len(tok.fold) == 4:
        return False  # يقوم, تبدأ: an imperfect verb, not a listed name
    # A conjunction glued on ends the name (وسفير); after two words, so does a preposition.
    limit = "و" if length < 2 else "وبلفك"
    return tok.fold[:1] not in limit or len(tok.fold) < 4


def _name_end(toks: Sequence[Tok], j: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Index after the name that starts at token j (j itself when there is none)."""
    if j >= len(toks) or j in hits:
        return j
    # روح الله, نصر الله: a compound whose first word alone is an everyday noun.
    compound = j + 1 < len(toks) and toks[j + 1].fold == "الله" and not toks[j + 1].brk
    if not compound and not _name_start_ok(toks[j], gaz):
        return j
    k = j + 1
    while k < len(toks) and k - j < MAX_NAME_TOKENS and k not in hits:
        if not _name_continues(toks[k], gaz, k - j):
            break
        k += 1
    while k - 1 > j and toks[k - 1].fold in _NAME_LINKS - {"الله", "الدين"}:
        k -= 1  # a name does not end on بن / أبو / عبد
    return k


def _given(tok: Tok, gaz: Gazetteer) -> tuple[int, str] | None:
    """(clitic length, given name) when the token is a first name, behind و at most."""
    for plen, _form, _ in tok.readings[:2]:
        if plen > 1:
            continue
        rest = tok.fold[plen:]
        part = gaz.name_parts.get(rest)
        if (
            (part is not None and part.kind == "given")
            or (rest.startswith("عبد") and len(rest) > 4)
            or gaz.words.get(rest) == "given"
        ):
            return plen, rest
        if plen == 0 and rest[:1] != "و":
            break
    return None


def _person_by_cue(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Apply a role cue at i: name a person after it, or give a role to the one there."""
    cue = _cue(toks, i, hits, gaz)
    if cue is None:
        return i
    j = cue.end
    if j in hits and hits[j].type == "person":
        hits[j] = replace(hits[j], role=cue.role, role_en=cue.role_en)
        return hits[j].last
    end = _name_end(toks, j, hits, gaz)
    if end == j:
        return cue.end
    _add(hits, _hit(toks, j, end, 0, "person", role=cue.role, role_en=cue.role_en))
    return end


def _person_by_given_name(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    given = _given(toks[i], gaz)
    if given is None:
        return i
    plen, _ = given
    stripped = replace(toks[i], fold=toks[i].fold[plen:])
    end = _name_end([*toks[:i], stripped, *toks[i + 1 :]], i, hits, gaz)
    if end < i + 2 and not _follows_name(toks, end):
        return i  # a lone first name that is also an everyday word: not enough on its own
    _add(hits, _hit(toks, i, end, plen, "person"))
    return end


_NAME_KINDS = frozenset({None, "given", "family", "proper"})


def _person_by_shape(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Two or more name-shaped words in a row (جينسون باتون): no dictionary knows them as words.

    Transliterated foreign names are exactly the words an Arabic dictionary lacks; one such word
    alone is too often an unusual inflection, so a pair is the least we take.
    """
    if word_kind(toks[i], gaz) not in _NAME_KINDS or toks[i].fold in _NAME_LINKS:
        return i
    end = _name_end(toks, i, hits, gaz)
    if end - i < 2 or any(word_kind(t, gaz) not in _NAME_KINDS for t in toks[i:end]):
        return i
    _add(hits, _hit(toks, i, end, 0, "person"))
    return end


def _follows_name(toks: Sequence[Tok], k: int) -> bool:
    return k < len(toks) and not toks[k].brk and toks[k].fold in _THAT


def _person_by_demonym(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """الروسي NAME: a masculine nationality adjective right before a name-shaped word."""
    if _demonym(toks[i], gaz) is None or toks[i].fold.endswith(("ه", "ون", "ين")):
        return i
    j = i + 1
    if j >= len(toks) or toks[j].brk or toks[j].fold.endswith(("ه", "ها", "هم", "ات")):
        return i
    end = _name_end(toks, j, hits, gaz)
    if end == j:
        return i
    _add(hits, _hit(toks, j, end, 0, "person"))
    return end


def _person_by_speech(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """قال/أكد … NAME إن: a name of any shape between a speech verb and its "that"."""
    verb = toks[i].fold.lstrip("وف") if toks[i].fold[:1] in "وف" else toks[i].fold
    if verb not in _SPEECH_VERBS and toks[i].fold not in _SPEECH_VERBS:
        return i
    j = i + 1
    if j >= len(toks) or toks[j].brk:
        return i  # وأضاف: "…" opens a quotation, not a name
    end = _name_end(toks, j, hits, gaz)
    if end == j or not _follows_name(toks, end) or end - j > 3:
        return i
    _add(hits, _hit(toks, j, end, 0, "person"))
    return end


def _organization_by_head(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """حزب/حركة/شركة … + its complement (article words, or one foreign word and those)."""
    for plen, _form, _ in toks[i].readings[:3]:
        head = toks[i].fold[plen:]
        if head in _ORG_HEADS:
            break
    else:
        return i
    k = i + 1
    if k < len(toks) and not toks[k].fold.startswith("ال") and _name_start_ok(toks[k], gaz):
        k += 1
    while k < len(toks) and k - i <= 3 and k not in hits and not toks[k].brk:
        if not toks[k].fold.startswith("ال") or _is_stop(toks[k], gaz):
            break
        k += 1
    if k == i + 1 or toks[i + 1].brk:
        return i
    if k == i + 2 and toks[i + 1].fold.startswith("ال") and toks[i + 1].fold.endswith("ه"):
        return i  # جماعة مسلحة, منظمة إرهابية: a description, not a name
    complement = " ".join(t.text for t in toks[i + 1 : k])
    if head in _DESCRIPTOR_HEADS:
        _add(hits, _hit(toks, i + 1, k, 0, "organization", en=romanize_phrase(complement)))
    else:
        en = f"{romanize_phrase(complement)} {_ORG_HEADS[head]}"
        _add(hits, _hit(toks, i, k, plen, "organization", en=en))
    return k


def _latin_organization(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Capitalised Latin words in Arabic text are brand, company or agency names."""
    if not toks[i].latin or not toks[i].text[:1].isupper() or len(toks[i].text) < 3:
        return i
    k = i + 1
    while k < len(toks) and toks[k].latin and toks[k].text[:1].isupper() and not toks[k].brk:
        k += 1
    if k - i > 2:
        return k  # a Latin phrase (a title, a slogan), not a name
    _add(hits, _hit(toks, i, k, 0, "organization", en=" ".join(t.text for t in toks[i:k])))
    return k


def _add(hits: dict[int, Hit], hit: Hit) -> None:
    group = hit.group or f"{hit.type}:{fold(hit.name)}"
    hits[hit.first] = replace(hit, group=group)
    for k in range(hit.first + 1, hit.last):
        hits[k] = hits[hit.first]


_RULES = (
    _person_by_cue,
    _organization_by_head,
    _person_by_given_name,
    _person_by_demonym,
    _person_by_speech,
    _latin_organization,
    _person_by_shape,
)


def sentence_hits(toks: Sequence[Tok], gaz: Gazetteer) -> dict[int, Hit]:
    """Token index -> hit covering it (the gazetteer first, then the rules on the rest)."""
    hits: dict[int, Hit] = {}
    i = 0
    while i < len(toks):
        hit = _gazetteer_match(toks, i, gaz)
        if hit is not None:
            _add(hits, hit)
        i = hit.last if hit is not None else i + 1
    i = 0
    while i < len(toks):
        nxt = i
        if i not in hits:
            for rule in _RULES:
                nxt = rule(toks, i, hits, gaz)
                if nxt != i:
                    break
        i = max(nxt, i + 1)
    return hits


def _aliases(sentences: list[dict[int, Hit]], gaz: Gazetteer) -> dict[str, Hit]:
    """Surnames of rule-found people: a later bare مجاهد is the same مجاهد."""
    aliases: dict[str, Hit] = {}
    for hits in sentences:
        for hit in _unique(hits):
            if hit.type != "person" or hit.entry is not None:
                continue
            last = bare(fold(hit.name.split()[-1]))
            part = gaz.name_parts.get(last)
            if len(last) >= 3 and (part is None or part.kind != "given"):
                aliases.setdefault(last, hit)
    return aliases


def _alias_hits(toks: Sequence[Tok], hits: dict[int, Hit], aliases: dict[str, Hit]) -> None:
    for i, tok in enumerate(toks):
        if i in hits:
            continue
        for plen, form, _ in tok.readings:
            source = aliases.get(form)
            if source is not None:
                _add(hits, _hit(toks, i, i + 1, plen, "person", group=source.group))
                break


def _unique(hits: dict[int, Hit]) -> list[Hit]:
    return [hit for index, hit in sorted(hits.items()) if hit.first == index]


def _country_hint(sentences: list[dict[int, Hit]]) -> str | None:
    """The article's most mentioned country: spelling convention for its people's names."""
    counts = Counter(
        hit.entry.iso for hits in sentences for hit in _unique(hits) if hit.entry and hit.entry.iso
    )
    return counts.most_common(1)[0][0] if counts else None


def _entity(group: list[Hit], country: str | None) -> Entity:
    first = group[0]
    longest = max(group, key=lambda h: (len(h.name), h.name)).name
    if first.entry is not None:
        key, text, en = first.entry.key, first.entry.ar[0], first.entry.en
    else:
        text = longest
        en = first.en if first.type != "person" else romanize(longest, country)
        key = f"{first.type}/{slugify(en) or slugify(fold(longest))}"
    roles = tuple(dict.fromkeys(h.role for h in group if h.role))
    roles_en = tuple(dict.fromkeys(h.role_en for h in group if h.role and h.role_en))
    return Entity(key, text, first.type, en, len(group), roles, roles_en)


def extract_entities(doc: Document) -> EntityResult:
    """People, places and organisations named in the article's sentences (not read-also)."""
    gaz = load_gazetteer()
    token_lists = [tokenize(sentence.text) for sentence in doc.sentences]
    sentences = [sentence_hits(toks, gaz) for toks in token_lists]
    aliases = _aliases(sentences, gaz)
    for toks, hits in zip(token_lists, sentences, strict=True):
        _alias_hits(toks, hits, aliases)
    country = _country_hint(sentences)
    groups: dict[str, list[Hit]] = {}
    located: list[tuple[int, Hit]] = []
    for index, hits in enumerate(sentences):
        for hit in _unique(hits):
            groups.setdefault(hit.group, []).append(hit)
            located.append((index, hit))
    entities = {group: _entity(members, country) for group, members in groups.items()}
    mentions = tuple(
        Mention(index, hit.start, hit.end, entities[hit.group].key, hit.role)
        for index, hit in located
    )
    return EntityResult(_merge(entities.values()), mentions)


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
