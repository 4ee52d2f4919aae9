"""English spellings of Arabic names, learned from name data.

Order of preference, per name:
1. the curated gazetteers: a whole name as listed (people, places, organisations, countries),
   then a listed run of two or more tokens inside it, then the curated name parts;
2. the token table ``data/name_tokens.tsv`` (Wikidata and Google name pairs, the most frequent
   English spelling of each Arabic token), first by the exact token, then by its folded form;
3. a joint-sequence transliteration model (``data/name_model.tsv``, trained by
   ``tools/build_name_data.py``) for tokens no table holds: each Arabic letter aligned to
   0-2 English letters, scored by an n-gram model over the pairs, best first by beam search,
   with a bonus for spellings the name data knows as English names.

Around the tokens, the conventions of English-language news: the article as "al-", بن as
"bin" (ابن opening a name as "Ibn"), عبد + name as one given name ("Abdel Fattah",
"Abdullah"), X + الله fused ("Nasrallah"). Everything is deterministic and cached per token.
"""

from __future__ import annotations

import csv
import logging
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ...arabic import compatibility_fold, fold, strip_marks
from ...settings import DATA_DIR
from .gazetteer import bare_tokens, load_gazetteer, settled
from .joint import (  # noqa: F401 (the model's names, as tools and tests know them)
    BEAM,
    END,
    MAX_ARABIC_CHUNK,
    NBEST,
    START,
    JointModel,
    build_joint_model,
    decode,
    read_model_rows,
)

logger = logging.getLogger(__name__)


TOKENS_FILE = "name_tokens.tsv"
MODEL_FILE = "name_model.tsv"

# Log-probability bonus for a candidate that the name data knows as an English spelling, plus a
# share of its log frequency: tuned by tools/build_name_data.py on its own dev pairs.
DEFAULT_KNOWN_BONUS = 2.0
DEFAULT_FREQ_WEIGHT = 0.3

_ARABIC_WORD_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+")
_NAME_TOKEN_RE = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+|[A-Za-z0-9][A-Za-z0-9'.-]*"
)
# Letters of Persian and Urdu spelling that Arabic writes otherwise.
_LETTER_TABLE = str.maketrans({"ی": "ي", "ک": "ك", "ہ": "ه", "ھ": "ه", "ۀ": "ه", "ٱ": "ا"})
# Latin letters that Unicode decomposition does not reduce to ASCII.
_LATIN_TABLE = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"}
)
_LATIN_KEEP_RE = re.compile("[^a-z'-]")


@lru_cache(maxsize=65536)  # names recur: each of their words is keyed several times per use
def arabic_key(token: str) -> str:
    """The table's key for an Arabic token: no tashkeel, tatweel or presentation forms,
    Persian letters as Arabic, Arabic letters only."""
    text = strip_marks(compatibility_fold(token)).translate(_LETTER_TABLE)
    return "".join(_ARABIC_WORD_RE.findall(text))


def second_key(token: str) -> str:
    """The second-chance key: ``arabic_key`` with hamza alefs, ى and ة folded."""
    return fold(arabic_key(token))


def latin_spelling(text: str) -> str:
    """A name's spelling as plain lower-case ASCII letters (ö -> o, ß -> ss), with ' and -."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LATIN_TABLE))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("\u2019", "'").replace("\u02bc", "'")
    return _LATIN_KEEP_RE.sub("", plain).strip("'-")


# --- the token table -----------------------------------------------------------------------


@dataclass(frozen=True)
class TokenTable:
    """Arabic key -> (English spelling, its count), by exact key and by folded key."""

    exact: Mapping[str, tuple[str, int]]
    folded: Mapping[str, tuple[str, int]]
    english: Mapping[str, int]  # every English spelling in the table -> its total count

    def spell(self, token: str) -> str | None:
        found = self.exact.get(arabic_key(token)) or self.folded.get(second_key(token))
        return found[0] if found else None


# Arabic consonants as the Latin letter classes their spellings use: enough to tell a real
# spelling of a name from a misaligned pair (كوهين is Cohen, not Bendahan).
_CONSONANT_CLASS = str.maketrans(
    "بتثجحخدذرزسشصضطظغفقكلمنهة", "btsjhkdzrzsssdtzgfkklmnhh", "اأإآوىيءؤئع"
)
_LATIN_CLASS = (("ph", "f"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("kh", "k"), ("gh", "g"))


def _consonants_en(spelling: str) -> str:
    text = spelling.lower()
    for pair, letter in _LATIN_CLASS:
        text = text.replace(pair, letter)
    text = text.translate(str.maketrans("cqvxwy", "kkfkhh"))
    return "".join(c for c in text if c.isalpha() and c not in "aeiouh'")


def _fits(arabic: str, spelling: str) -> float:
    mapped = "".join(c for c in arabic.translate(_CONSONANT_CLASS) if c.isalpha() and c != "h")
    return SequenceMatcher(None, mapped, _consonants_en(spelling)).ratio()


def _best(counts: Mapping[str, int], arabic: str = "") -> tuple[str, int]:
    """The most frequent spelling; among equally frequent ones, the one whose consonants fit
    the Arabic best, then the alphabetically first (deterministic)."""
    top = max(counts.values())
    tied = [spelling for spelling, count in counts.items() if count == top]
    if len(tied) == 1:  # the usual case: no consonant fit to compute (it dominates loading)
        return tied[0], top
    return min(tied, key=lambda sp: (-_fits(arabic, sp), sp)), top


def build_token_table(rows: Iterable[tuple[str, str, int]]) -> TokenTable:
    exact: dict[str, dict[str, int]] = defaultdict(dict)
    folded: dict[str, dict[str, int]] = defaultdict(dict)
    english: dict[str, int] = defaultdict(int)
    for ar, en, count in rows:
        exact[ar][en] = exact[ar].get(en, 0) + count
        key = fold(ar)
        folded[key][en] = folded[key].get(en, 0) + count
        english[en] += count
    return TokenTable(
        exact=MappingProxyType({ar: _best(c, ar) for ar, c in exact.items()}),
        folded=MappingProxyType({ar: _best(c, ar) for ar, c in folded.items()}),
        english=MappingProxyType(dict(english)),
    )


def read_token_rows(path: Path) -> list[tuple[str, str, int]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["ar"], row["en"], int(row["count"])) for row in reader]


@lru_cache(maxsize=2)
def load_token_table(data_dir: Path = DATA_DIR) -> TokenTable:
    path = data_dir / TOKENS_FILE
    if not path.exists():
        logger.warning("%s is missing: run tools/build_name_data.py; no token table", path)
        return build_token_table(())
    return settled(build_token_table(read_token_rows(path)))


# --- the joint-sequence model --------------------------------------------------------------


@lru_cache(maxsize=2)
def load_model(data_dir: Path = DATA_DIR) -> JointModel | None:
    path = data_dir / MODEL_FILE
    if not path.exists():
        logger.warning("%s is missing: run tools/build_name_data.py; no learned model", path)
        return None
    order, ngrams = read_model_rows(path)
    logger.debug("name model: order %d, %d n-grams", order, len(ngrams))
    return settled(build_joint_model(ngrams, order))


def rescore(
    candidates: Sequence[tuple[str, float]],
    english: Mapping[str, int],
    known_bonus: float = DEFAULT_KNOWN_BONUS,
    freq_weight: float = DEFAULT_FREQ_WEIGHT,
) -> str | None:
    """The best candidate once spellings known as English names get their bonus."""

    def value(item: tuple[str, float]) -> tuple[float, str]:
        spelling, score = item
        count = english.get(spelling, 0)
        if count:
            score += known_bonus + freq_weight * math.log(count)
        return (-score, spelling)

    return min(candidates, key=value)[0] if candidates else None


@lru_cache(maxsize=1)
def _rescoring() -> tuple[float, float]:
    """The bonus weights the build script tuned (a ``# rescore`` line of the model file)."""
    path = DATA_DIR / MODEL_FILE
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("#"):
                    break
                if line.startswith("# rescore"):
                    bonus, weight = line.split()[2:4]
                    return float(bonus), float(weight)
    return DEFAULT_KNOWN_BONUS, DEFAULT_FREQ_WEIGHT


@lru_cache(maxsize=65536)
def model_spelling(token: str) -> str | None:
    """The learned model's spelling of one Arabic token (lower case); None without a model."""
    model = load_model()
    key = arabic_key(token)
    if model is None or not key:
        return None
    bonus, weight = _rescoring()
    return rescore(decode(model, key), load_token_table().english, bonus, weight)


def _letters_fallback(token: str) -> str:
    """Without any model: a crude letter reading, so a name still gets an English form."""
    table = {
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
        "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
        "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
        "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u", "ي": "i", "ى": "a", "ة": "a",
    }  # fmt: skip
    return "".join(table.get(char, "") for char in arabic_key(token))


# --- names ---------------------------------------------------------------------------------

ARTICLE = "ال"
ABD = "عبد"
ALLAH = "الله"
SON_OF = ("بن", "ابن")


@dataclass(frozen=True)
class Curated:
    """The curated gazetteers as the namer needs them: whole names and name parts."""

    names: Mapping[tuple[str, ...], str]  # bare folded tokens of a listed name -> English
    longest: int  # tokens in the longest listed name
    parts: Mapping[str, str]  # folded token -> curated English spelling


@lru_cache(maxsize=1)
def load_curated() -> Curated:
    gazetteer = load_gazetteer()
    names: dict[tuple[str, ...], str] = {}
    for entry in gazetteer.entries:
        for variant in entry.ar:
            names.setdefault(bare_tokens(variant), entry.en)  # the first file to list it wins
    parts = {key: word.en for key, word in gazetteer.name_parts.items()}
    curated = Curated(
        names=MappingProxyType(names),
        longest=max((len(k) for k in names), default=1),
        parts=MappingProxyType(parts),
    )
    return settled(curated)


def _bare(key: str) -> str:
    return key[2:] if key.startswith(ARTICLE) and len(key) > 3 else key


def _capitalise(word: str) -> str:
    """Title case for one spelled name: O'Brien, McDonald, Jean-Pierre."""
    parts = word.split("-")
    out = []
    for part in parts:
        part = part[:1].upper() + part[1:]
        if len(part) > 2 and part[1] == "'":
            part = part[:2] + part[2:3].upper() + part[3:]
        if len(part) > 3 and part.startswith("Mc"):
            part = "Mc" + part[2].upper() + part[3:]
        out.append(part)
    return "-".join(out)


@lru_cache(maxsize=65536)
def spell_token(token: str) -> str:
    """One Arabic token's English spelling, lower case unless curated: curated name parts, the
    token table, the learned model, a letter reading. No article or compound conventions."""
    key = arabic_key(token)
    if not key:
        return token
    curated = load_curated().parts.get(fold(key))
    if curated:
        return curated
    return load_token_table().spell(key) or model_spelling(key) or _letters_fallback(key)


def _name_word(key: str) -> str:
    """A token inside a name: an article-bearing surname as "al-X", else its spelling."""
    curated = load_curated().parts.get(fold(key))
    if curated:
        return curated
    bare = _bare(key)
    if bare != key:
        return "al-" + _capitalise(spell_token(bare))
    return _capitalise(spell_token(key))


def known_word(raw: str) -> str | None:
    """One word's spelling from the curated parts or the token table ("al-X" for a word with
    the article); None for a word neither holds (no model guess: see romanize_known)."""
    key = arabic_key(raw) if _ARABIC_WORD_RE.fullmatch(raw) else ""
    if not key:
        return None
    curated = load_curated().parts.get(fold(key))
    if curated:
        return curated
    bare = _bare(key)
    spelled = load_token_table().spell(bare)
    if spelled is None:
        return None
    return ("al-" if bare != key else "") + _capitalise(spelled)


@lru_cache(maxsize=32768)  # a name recurs across articles; the answer depends on it alone
def spelled_from_data(name: str) -> bool:
    """Every Arabic word of the name is a curated part, in the token table, or a link word of a
    compound (بن، عبد، الله): its spelling is known, not guessed by the model."""
    for raw in _NAME_TOKEN_RE.findall(name):
        key = _name_token(raw)
        if not key or not _ARABIC_WORD_RE.fullmatch(raw):
            continue
        if fold(key) in (ABD, ALLAH, *SON_OF) or known_word(raw) is not None:
            continue
        return False
    return True


def _fused(first: str, second: str) -> str | None:
    """A compound's spelling as one token, when the data or curated parts hold it fused."""
    joined = first + second
    curated = load_curated().parts.get(fold(joined))
    return curated or (_capitalise(s) if (s := load_token_table().spell(joined)) else None)


def _compound(keys: Sequence[str], i: int) -> tuple[str, int] | None:
    """عبد X, X الله, بن: (English, tokens used) for a compound starting at ``i``."""
    key = keys[i]
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    if key == ABD and nxt:
        if fold(nxt) == ALLAH:
            return "Abdullah", 2
        fused = _fused(key, nxt)
        head = _capitalise(spell_token(ABD))
        return fused or f"{head} {_capitalise(spell_token(_bare(nxt)))}", 2
    if nxt and fold(nxt) == ALLAH:
        fused = _fused(key, nxt)
        return fused or _capitalise(spell_token(key).rstrip("a") + "allah"), 2
    if fold(key) in SON_OF and len(keys) > 1:
        return ("Ibn" if i == 0 else "bin"), 1
    return None


def _listed_run(folded: Sequence[str], i: int) -> tuple[str, int] | None:
    """The longest listed name of two or more tokens starting at ``i``."""
    curated = load_curated()
    for size in range(min(curated.longest, len(folded) - i), 1, -1):
        english = curated.names.get(tuple(_bare(t) for t in folded[i : i + size]))
        if english:
            return english, size
    return None


def _name_token(raw: str) -> str:
    """An Arabic token as its key (empty when only marks or tatweel), a Latin one as is."""
    return arabic_key(raw) if _ARABIC_WORD_RE.fullmatch(raw) else raw


@lru_cache(maxsize=32768)  # as spelled_from_data: one spelling per distinct name
def romanize_name(name: str) -> str:
    """The English spelling of one Arabic name; Latin tokens in it are kept as written."""
    tokens = [_name_token(t) for t in _NAME_TOKEN_RE.findall(name)]
    tokens = [t for t in tokens if t]
    if not tokens:
        return ""
    folded = [fold(t) for t in tokens]
    whole = load_curated().names.get(tuple(_bare(t) for t in folded))
    if whole:
        return whole
    words: list[str] = []
    i = 0
    while i < len(tokens):
        if not _ARABIC_WORD_RE.fullmatch(tokens[i]):
            words.append(tokens[i])
            i += 1
            continue
        found = _listed_run(folded, i) or _compound(tokens, i)
        english, used = found or (_name_word(tokens[i]), 1)
        words.append(english)
        i += used
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def romanize_names(names: Sequence[str]) -> list[str]:
    """One English spelling per input name, in order (the CLI's ``romanize`` command)."""
    return [romanize_name(name) for name in names]


def main(argv: Sequence[str] | None = None) -> int:
    """``romanize NAME...``: print one English spelling per line, in order."""
    names = list(sys.argv[1:] if argv is None else argv)
    if not names:
        print("usage: romanize NAME...", file=sys.stderr)
        return 2
    for english in romanize_names(names):
        print(english)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
