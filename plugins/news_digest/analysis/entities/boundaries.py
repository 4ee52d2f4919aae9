"""Boundaries: where a name starts and ends (first names, family names, link words,
everyday words that close a name) for persons found by cue, given name or shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .candidates import (
    NAME_LINKS,
    ROLE_KINDS,
    add,
    is_common,
    is_stop,
    make_hit,
    role_at,
    word_kind,
)
from .gazetteer import (
    Gazetteer,
)
from .naming import cue_at, demonym_of
from .records import MAX_NAME_TOKENS, Hit, Tok

_THAT = frozenset({"ان", "انه", "انها", "بان"})


def name_start_ok(tok: Tok, gaz: Gazetteer) -> bool:
    if tok.latin or tok.fold.startswith("ال") or len(tok.fold) < 2:
        return False
    if is_stop(tok, gaz) or tok.fold in NAME_LINKS - {"عبد", "ابو"}:
        return False
    if tok.fold[:1] in ("و", "ف") and (tok.fold[1:],) in gaz.roles:
        return False  # والسيد, فالرئيس: "and" + a title, not a name
    if tok.fold[:1] in ("ي", "ت") and len(tok.fold) <= 5 and word_kind(tok, gaz) is None:
        return False  # يريد, تؤدي: an imperfect verb no stem rule reaches, not a name
    # للقرآن, بالسيف: a preposition and the article make a noun, unless the word is a name.
    behind_article = any(plen and article for plen, _, article in tok.readings)
    if behind_article and gaz.words.get(tok.fold) not in ("given", "family", "proper"):
        return False
    return (tok.fold,) not in gaz.roles and not is_common(tok, gaz)


# Endings no name part carries but everyday words after a name do: the accusative of an adverb
# (متقدما، تكريما), a dual verb (اعتقلا), an attached pronoun (مهمتها، موقفهم).
NOT_NAME_ENDINGS = ("هما", "هم", "ها", "ا")


def _inflected_common(tok: Tok, gaz: Gazetteer) -> bool:
    """The word is an everyday one with an ending a name does not take (stem of 4+ letters)."""
    if tok.fold in gaz.name_parts or word_kind(tok, gaz, False) is not None:
        return False
    for ending in NOT_NAME_ENDINGS:
        stem = tok.fold[: -len(ending)]
        if tok.fold.endswith(ending) and len(stem) >= 4:
            forms = {stem, stem[:-1] + "ه"} if stem.endswith("ت") else {stem}
            if any(gaz.words.get(form) in ("common", "stop") for form in forms):
                return True
    return False


def _name_continues(tok: Tok, gaz: Gazetteer, length: int = 1) -> bool:
    if tok.brk or tok.latin or tok.fold.isdigit() or is_stop(tok, gaz):
        return False
    if tok.fold in NAME_LINKS or tok.fold in gaz.name_parts:
        return True
    if demonym_of(tok, gaz) is not None or (tok.fold,) in gaz.roles:
        return False
    if tok.fold.startswith("ال") and tok.fold.endswith("ي") and len(tok.fold) >= 6:
        return True  # a nisba (الحربي), also where the adjective is an everyday word
    if is_common(tok, gaz, False) or _inflected_common(tok, gaz):
        return False
    if tok.fold.startswith("ال"):
        # Family names with the article are nisbas (الظواهري; a root of two letters at least,
        # so ألقى, folded القي, is a verb) or listed (الحسن).
        return (tok.fold.endswith("ي") and len(tok.fold) >= 5) or tok.fold[2:] in gaz.name_parts
    if tok.fold[:1] in ("ي", "ت") and len(tok.fold) in (3, 4):
        return False  # يقوم, تبدأ, تقل: an imperfect verb, not a listed name
    # A conjunction glued on ends the name (وسفير); after two words, so does a preposition.
    limit = "و" if length < 2 else "وبلفك"
    return tok.fold[:1] not in limit or len(tok.fold) < 4


_LINKS_TAKING = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد"})


def _link_complement(toks: Sequence[Tok], k: int, gaz: Gazetteer) -> bool:
    """The word after بن / أبو / آل … inside a name, whatever else it means (آل ثاني)."""
    tok = toks[k]
    if toks[k - 1].fold not in _LINKS_TAKING or tok.brk or tok.latin or tok.fold.isdigit():
        return False
    return not is_stop(tok, gaz) and len(tok.fold) >= 2


def name_end(
    toks: Sequence[Tok], j: int, hits: dict[int, Hit], gaz: Gazetteer, started: bool = False
) -> int:
    """Index after the name that starts at token j (j itself when there is none).

    ``started``: the caller knows a name starts at j (a title before علي), whatever j reads as.
    """
    if j >= len(toks) or j in hits:
        return j
    # روح الله, نصر الله: a compound whose first word alone is an everyday noun.
    compound = j + 1 < len(toks) and toks[j + 1].fold == "الله" and not toks[j + 1].brk
    start_ok = started or compound or name_start_ok(toks[j], gaz)
    if not start_ok or role_at(toks, j, gaz, ROLE_KINDS)[0] > 1:
        return j
    k = j + 1
    while k < len(toks) and k - j < MAX_NAME_TOKENS and k not in hits:
        if (
            not _name_continues(toks[k], gaz, k - j)
            and not _link_complement(toks, k, gaz)
            and not _given_among_names(toks, k, gaz)
        ):
            break
        if role_at(toks, k, gaz, ROLE_KINDS)[0] > 1:
            break  # كمال بشر أمين عام …: أمين here opens a title, not a third name
        k += 1
    while k - 1 > j and toks[k - 1].fold in NAME_LINKS - {"الله", "الدين"}:
        k -= 1  # a name does not end on بن / أبو / عبد
    return k


def _given_like_particle(tok: Tok, gaz: Gazetteer) -> bool:
    """A first name spelled like a particle once folded: علي (Ali, and على "on")."""
    part = gaz.name_parts.get(tok.fold)
    return part is not None and part.kind == "given" and is_stop(tok, gaz)


def _given_among_names(toks: Sequence[Tok], k: int, gaz: Gazetteer) -> bool:
    """محمود علي يوسف: such a first name between names is a name, not the particle."""
    if not _given_like_particle(toks[k], gaz) or k + 1 >= len(toks) or toks[k + 1].brk:
        return False
    nxt = toks[k + 1]
    return _plain_given(nxt, gaz) or _family(nxt, gaz)


def given_name(tok: Tok, gaz: Gazetteer) -> tuple[int, str] | None:
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


def person_by_cue(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Apply a role cue at i: name a person after it, or give a role to the one there."""
    cue = cue_at(toks, i, hits, gaz)
    if cue is None:
        return i
    j = cue.end
    if j in hits and hits[j].type == "person":
        hits[j] = replace(hits[j], role=cue.role, role_en=cue.role_en)
        return hits[j].last
    end = name_end(toks, j, hits, gaz)
    if end == j and j < len(toks) and _given_like_particle(toks[j], gaz):
        # السيد علي السويدي: right after a title, علي is the name when a name word follows.
        after = name_end(toks, j, hits, gaz, started=True)
        end = after if after > j + 1 else j
    if end == j:
        return cue.end
    end = first_name_tail(toks, j, end, hits, gaz)
    add(hits, make_hit(toks, j, end, 0, "person", role=cue.role, role_en=cue.role_en))
    return end


def person_by_given_name(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    given = given_name(toks[i], gaz)
    if given is None:
        return i
    plen, _ = given
    stripped = toks[i]._replace(fold=toks[i].fold[plen:])
    end = name_end([*toks[:i], stripped, *toks[i + 1 :]], i, hits, gaz)
    if end > i:
        end = _given_name_tail(toks, end, hits, gaz)
    if end < i + 2 and not follows_name(toks, end):
        return i  # a lone first name that is also an everyday word: not enough on its own
    add(hits, make_hit(toks, i, end, plen, "person"))
    return end


def _given_name_tail(toks: Sequence[Tok], end: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Words a dictionary reads as everyday ones that still go on a name begun by a first name.

    A nisba with the article (سعيد الحربي: حربي is also "military") and an everyday word between
    two first names (خالد شيخ محمد) belong to the name: a first name takes no adjective.
    """
    if end >= len(toks) or end in hits or toks[end].brk or is_stop(toks[end], gaz):
        return end
    tok = toks[end]
    if (tok.fold,) in gaz.roles or demonym_of(tok, gaz) is not None or tok.latin:
        return end
    if tok.fold.startswith("ال") and tok.fold.endswith("ي") and len(tok.fold) >= 5:
        return end + 1
    nxt = end + 1
    if (
        nxt >= len(toks)
        or nxt in hits
        or toks[nxt].brk
        or tok.fold.startswith(("ال", "و"))
        or _inflected_common(tok, gaz)
    ):
        return end
    if role_at(toks, nxt, gaz, {"title"})[0]:
        return nxt  # كمال بشر أمين عام …: the title in apposition closes a two-word name
    if _plain_given(toks[nxt], gaz) or _family(toks[nxt], gaz):
        after = name_end(toks, nxt, hits, gaz)  # nxt itself when على (folded علي) is no name
        return after if after > nxt else end
    return end


def first_name_tail(
    toks: Sequence[Tok], j: int, end: int, hits: dict[int, Hit], gaz: Gazetteer
) -> int:
    """Where a name found at j..end ends once a first name at j takes its tail."""
    if not _plain_given(toks[j], gaz):
        return end
    return _given_name_tail(toks, end, hits, gaz)


def _plain_given(tok: Tok, gaz: Gazetteer) -> bool:
    """A first name as written, with no conjunction glued on."""
    return given_name(tok, gaz) == (0, tok.fold)


def _family(tok: Tok, gaz: Gazetteer) -> bool:
    """A listed family name as written (طارق عظيم خان: خان ends the name)."""
    part = gaz.name_parts.get(tok.fold)
    return (part is not None and part.kind == "family") or gaz.words.get(tok.fold) == "family"


_NAME_KINDS = frozenset({None, "given", "family", "proper"})


def person_by_shape(toks: Sequence[Tok], i: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Two or more name-shaped words in a row (جينسون باتون): no dictionary knows them as words.

    Transliterated foreign names are exactly the words an Arabic dictionary lacks; one such word
    alone is too often an unusual inflection, so a pair is the least we take.
    """
    if word_kind(toks[i], gaz) not in _NAME_KINDS or toks[i].fold in NAME_LINKS:
        return i
    end = name_end(toks, i, hits, gaz)
    if end - i < 2 or any(word_kind(t, gaz) not in _NAME_KINDS for t in toks[i:end]):
        return i
    add(hits, make_hit(toks, i, end, 0, "person"))
    return end


def all_name_words(toks: Sequence[Tok], gaz: Gazetteer) -> bool:
    """Every word is a listed name or unknown to the dictionaries (none is an everyday word)."""
    return all(word_kind(tok, gaz) in _NAME_KINDS for tok in toks)


def follows_name(toks: Sequence[Tok], k: int) -> bool:
    return k < len(toks) and not toks[k].brk and toks[k].fold in _THAT


def cued_name_end(toks: Sequence[Tok], j: int, hits: dict[int, Hit], gaz: Gazetteer) -> int:
    """Like ``name_end``, after a cue that announces a name (الفنلندي، زميله …).

    Transliterated names often coincide with everyday words; after such a cue a first word
    that is one still starts a name when a word unknown to the dictionaries follows it.
    """
    end = name_end(toks, j, hits, gaz)
    if end > j or j >= len(toks) or j in hits:
        return end
    tok = toks[j]
    if tok.latin or tok.fold.startswith("ال") or tok.fold.isdigit() or len(tok.fold) < 3:
        return j
    if is_stop(tok, gaz) or (tok.fold,) in gaz.roles or tok.fold in NAME_LINKS:
        return j
    k = j + 1
    while k < len(toks) and k - j < 3 and k not in hits and _name_continues(toks[k], gaz, k - j):
        k += 1
    if k - j < 2 or word_kind(toks[k - 1], gaz) is not None:
        return j
    return k
