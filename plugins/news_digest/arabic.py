"""Arabic text primitives shared by every stage: character classes, folding, digits.

Folding (``fold``) is the one normalisation used wherever two spellings of the same word must
compare equal: hamza-carrying alefs to bare alef, alef maqsura to ya, ta marbuta to ha, no
tashkeel or tatweel. It is the same folding EASC applied to its reference summaries.
"""

from __future__ import annotations

import re
import unicodedata

# Letters proper (no digits, punctuation or tashkeel): the basic block and the supplement.
ARABIC_LETTER_CLASS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc\u0750-\u077f"
ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTER_CLASS}]")
ARABIC_WORD_RE = re.compile(f"[{ARABIC_LETTER_CLASS}\u064b-\u0652\u0640]+")

# Tokens of Arabic letters or digits (any script of digits), the unit ROUGE and TF-IDF count.
TOKEN_RE = re.compile(f"[{ARABIC_LETTER_CLASS}0-9\u0660-\u0669\u06f0-\u06f9a-zA-Z]+")

_FOLD_TABLE = str.maketrans(
    {
        "\u0623": "\u0627",  # أ
        "\u0625": "\u0627",  # إ
        "\u0622": "\u0627",  # آ
        "\u0671": "\u0627",  # ٱ
        "\u0649": "\u064a",  # ى -> ي
        "\u0629": "\u0647",  # ة -> ه
    }
)

# Tashkeel (fathatan .. sukun, shadda: pyarabic's TASHKEEL) and tatweel, deleted. One
# str.translate does what pyarabic's strip_tashkeel and strip_tatweel do (they remove exactly
# these characters) without their per-character Python loop; folding deletes and maps at once.
_MARKS_TABLE = dict.fromkeys(range(0x064B, 0x0653)) | {0x0640: None}
_STRIP_FOLD_TABLE = _MARKS_TABLE | _FOLD_TABLE

_DIGIT_TABLE = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
_TO_ARABIC_INDIC = str.maketrans(
    "0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
)


def strip_marks(text: str) -> str:
    """Remove tashkeel (harakat, tanwin, shadda, sukun) and tatweel."""
    return text.translate(_MARKS_TABLE)


def fold(text: str) -> str:
    """Fold spelling variants so that equal words compare equal (see module docstring)."""
    return text.translate(_STRIP_FOLD_TABLE)


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII digits."""
    return text.translate(_DIGIT_TABLE)


def arabic_indic_digits(text: str) -> str:
    """ASCII digits to Arabic-Indic digits, for display on Arabic pages."""
    return text.translate(_TO_ARABIC_INDIC)


def tokens(text: str) -> list[str]:
    """Folded tokens of Arabic letters, Latin letters and digits (ASCII digits)."""
    return TOKEN_RE.findall(ascii_digits(fold(text)))


def arabic_letter_count(text: str) -> int:
    return len(ARABIC_LETTER_RE.findall(text))


def is_arabic_word(word: str) -> bool:
    return bool(word) and ARABIC_LETTER_RE.search(word) is not None


def compatibility_fold(text: str) -> str:
    """Turn Arabic presentation forms (legacy encodings, PDFs) into ordinary letters.

    NFKC is applied only to the presentation-form blocks: applied to everything it would also
    rewrite digits, ligatures and punctuation that the text means literally.
    """
    return _PRESENTATION_FORMS_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


_PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
