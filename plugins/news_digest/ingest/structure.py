"""Structure: from clean seed text to a Document (title, paragraphs, sentences, read-also list).

Real seeds are messy: a title line or none, paragraphs glued with ".,", and "اقرأ أيضاً" lists
of other headlines pasted into the body, the last one running straight into the next sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import ARABIC_LETTER_CLASS
from ..models import Document, SeedMeta, Sentence
from .sentences import quote_spans, split_sentences

TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 250
DERIVED_TITLE_MAX_WORDS = 12
HEADLINE_MAX_WORDS = 18

_GLUE_RE = re.compile(r"([.!?؟…][\"»”']?)\s*\.?,(?=\s|$)")
_READ_ALSO_RE = re.compile(r"[اإأ]قر[أا]\s+[أا]يض(?:اً|ًا|ا)?\s*[:：]?")
_BULLET_RE = re.compile(r"(?:^|\s)[*•●▪◦■►◆]+(?=\s|$)")
_LINE_BULLET_RE = re.compile(r"^\s*(?:[*•●▪◦■►◆-]|\d+[.)])\s*")
# Words that open a news sentence but never end a headline: where a pasted list's last
# headline runs into the body, the body restarts at one of these.
_BODY_RESTART = (
    "في حين",
    "فيما",
    "بينما",
    "من جهته",
    "من جهتها",
    "من جانبه",
    "من جانبها",
    "في غضون ذلك",
    "إلى ذلك",
    "يذكر أن",
    "يشار إلى",
    "وقال",
    "وقالت",
    "وأضاف",
    "وأضافت",
    "وأكد",
    "وأكدت",
    "وأعلن",
    "وأعلنت",
    "وذكر",
    "وذكرت",
    "وأفاد",
    "وأفادت",
    "وكان",
    "وكانت",
    "ويأتي",
    "وتأتي",
)
# Clauses that set the scene rather than say what happened; a derived title leaves them out.
_SCENE_OPENERS = re.compile(
    r"^(?:و?بعد|و?قبل|وسط|في ظل|مع|بحسب|حسب|وفق|وفقا|نقلا|أبرزها|وذلك|اليوم|أمس|منذ|خلال"
    r"|على خلفية|في أعقاب|إثر|عقب)(?:\s|$)"
)
_TIME_ONLY = re.compile(
    r"^(?:اليوم|أمس|مساء|صباح|ليل|فجر)\s*(?:ال)?(?:سبت|أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة)?$"
)
_TRAILING_FUNCTION_WORDS = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "عن",
        "مع",
        "بين",
        "أن",
        "إن",
        "و",
        "أو",
        "ثم",
        "حتى",
        "التي",
        "الذي",
        "الذين",
        "لدى",
        "عند",
        "بعد",
        "قبل",
        "ما",
        "لا",
        "لم",
        "لن",
        "قد",
    ]
)


@dataclass(frozen=True)
class ReadAlsoSplit:
    body: str
    headlines: tuple[str, ...]


def repair_glue(text: str) -> str:
    """Paragraphs pasted together as "sentence., next" become real paragraph breaks."""
    return _GLUE_RE.sub(lambda m: m.group(1) + "\n\n", text)


def split_title_line(text: str) -> tuple[str | None, str]:
    """A short first line followed by a blank line is the title; otherwise there is none."""
    lines = text.split("\n")
    if len(lines) < 3 or lines[1].strip() or not lines[0].strip():
        return None, text
    first = lines[0].strip()
    if len(first.split()) > TITLE_MAX_WORDS or len(first) > TITLE_MAX_CHARS:
        return None, text
    return first, "\n".join(lines[2:]).strip()


def extract_read_also(text: str) -> ReadAlsoSplit:
    """Move every "اقرأ أيضاً" list out of the body; return the body and the headlines."""
    headlines: list[str] = []
    while (match := _READ_ALSO_RE.search(text)) is not None:
        before, after = text[: match.start()], text[match.end() :]
        items, rest = _list_items(after)
        headlines.extend(items)
        text = _join_parts(before, rest)
    return ReadAlsoSplit(text.strip(), tuple(headlines))


def _join_parts(before: str, rest: str) -> str:
    before, rest = before.rstrip(), rest.lstrip()
    if not before or not rest:
        return before + rest
    return f"{before}\n\n{rest}"


def _list_items(after: str) -> tuple[list[str], str]:
    """Headlines right after the marker, and the text that follows the list."""
    line, sep, remainder = after.partition("\n")
    if line.strip():
        items, rest = _inline_items(line)
        return items, _join_parts(rest, remainder) if sep else rest
    return _block_items(remainder)


def _inline_items(line: str) -> tuple[list[str], str]:
    pieces = [p.strip() for p in _BULLET_RE.split(line)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return [], ""
    headline, rest = split_headline_tail(pieces[-1])
    items = pieces[:-1] + ([headline] if headline else [])
    return items, rest


def _block_items(text: str) -> tuple[list[str], str]:
    """One headline a line (optionally bulleted) until a blank line after items or a long line."""
    lines = text.split("\n")
    items: list[str] = []
    end = len(lines)
    for index, line in enumerate(lines):
        stripped = _LINE_BULLET_RE.sub("", line).strip()
        if (not stripped and items) or (stripped and not _headline_like(stripped)):
            end = index
            break
        if stripped:
            items.append(stripped)
    return items, "\n".join(lines[end:])


def _headline_like(text: str) -> bool:
    return len(text.split()) <= HEADLINE_MAX_WORDS and not _has_sentence_end(text[:-1])


def _has_sentence_end(text: str) -> bool:
    spans = quote_spans(text)
    return any(c in ".!?؟" and not any(s < i < e for s, e in spans) for i, c in enumerate(text))


def split_headline_tail(item: str) -> tuple[str, str]:
    """Split the last list item into (headline, body text that ran on after it)."""
    words = item.split()
    if len(words) <= HEADLINE_MAX_WORDS and not _has_sentence_end(item):
        return item, ""
    for i in range(3, min(len(words), HEADLINE_MAX_WORDS + 1)):
        tail = " ".join(words[i:])
        if tail.startswith(_BODY_RESTART):
            return " ".join(words[:i]), tail
    first = split_sentences(item)[0]
    if len(first.split()) <= HEADLINE_MAX_WORDS:
        return first.rstrip("."), item[len(first) :].strip()
    return "", item  # no safe cut: keep the text in the body rather than lose it


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Each non-empty line is a paragraph: news text puts one paragraph on a line."""
    return tuple(p.strip() for p in text.split("\n") if p.strip())


def derive_title(sentences: tuple[Sentence, ...]) -> str:
    """A short, faithful title from the first sentence: its main clause, in its own words."""
    for sentence in sentences[:3]:
        title = _main_clause(sentence.text)
        if len(title.split()) >= 3:
            return title
    words = sentences[0].text.split() if sentences else []
    return _trim_words(words) or "مقال بلا عنوان"


def _main_clause(sentence: str) -> str:
    clauses = [c.strip() for c in re.split(r"[،,؛;:]", _strip_end(sentence)) if c.strip()]
    picked: list[str] = []
    for clause in _content_clauses(clauses):
        picked.extend(clause.split())
        if len(picked) >= 6:
            break
    return _trim_words(picked)


def _content_clauses(clauses: list[str]) -> list[str]:
    """Drop scene-setting clauses, and the "و…" clauses coordinated with them."""
    kept: list[str] = []
    in_scene = False
    for clause in clauses:
        if _SCENE_OPENERS.match(clause) or (in_scene and clause.startswith("و")):
            in_scene = True
        elif not _TIME_ONLY.match(clause):
            in_scene = False
            kept.append(clause)
    return kept


def _strip_end(sentence: str) -> str:
    return re.sub(r"[.!?؟…\s]+$", "", sentence)


def _trim_words(words: list[str]) -> str:
    words = [w for w in words[:DERIVED_TITLE_MAX_WORDS]]
    while words and (words[-1] in _TRAILING_FUNCTION_WORDS or not _has_letter(words[-1])):
        words.pop()
    return " ".join(words).strip('"«»“” ')


def _has_letter(word: str) -> bool:
    return re.search(f"[{ARABIC_LETTER_CLASS}A-Za-z0-9]", word) is not None


def split_into_sentences(paragraphs: tuple[str, ...]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(text, index)
        for index, paragraph in enumerate(paragraphs)
        for text in split_sentences(paragraph)
    )


def build_document(
    doc_id: str,
    text: str,
    meta: SeedMeta | None = None,
    source_file: str | None = None,
    content_hash: str = "",
    encoding: str = "utf-8",
) -> Document:
    """Turn clean article text (header block already removed) into a Document."""
    meta = meta or SeedMeta()
    title_line, body = split_title_line(text)
    split = extract_read_also(repair_glue(body))
    paragraphs = split_paragraphs(split.body)
    sentences = split_into_sentences(paragraphs)
    title = title_line or meta.title or derive_title(sentences)
    return Document(
        id=doc_id,
        source_file=source_file or f"{doc_id}.txt",
        title=title,
        title_derived=not (title_line or meta.title),
        paragraphs=paragraphs,
        sentences=sentences,
        read_also=split.headlines,
        meta=meta,
        content_hash=content_hash,
        encoding=encoding,
    )
