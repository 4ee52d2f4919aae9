import re
from pathlib import Path

import pytest
from news_digest.ingest.seeds import read_seed
from news_digest.ingest.structure import (
    build_document,
    extract_read_also,
    repair_glue,
    split_headline_tail,
    split_title_line,
)

SEED_000 = "000_519e36191a9e543d.txt"
SEED_003 = "003_aabd1932eb51134b.txt"


@pytest.fixture(scope="module")
def docs(seeds_dir: Path):
    seeds = {name: read_seed(seeds_dir / name) for name in (SEED_000, SEED_003)}
    return {name: build_document(s.id, s.text) for name, s in seeds.items()}


def test_seed_003_title_line_is_the_title(docs):
    doc = docs[SEED_003]
    assert doc.title == "طالبان تشن هجوماً على قندوز وتأخذ مرضى في مستشفى كرهائن"
    assert not doc.title_derived


def test_seed_003_glued_paragraphs_are_repaired(docs):
    doc = docs[SEED_003]
    assert len(doc.paragraphs) == 12
    assert not any(".," in p for p in doc.paragraphs)
    assert doc.paragraphs[1].startswith("ويأتي الهجوم")
    # The quote that closes a paragraph keeps its mark and full stop.
    assert doc.paragraphs[3].endswith('هجمات طالبان".')


def test_seed_000_read_also_list_leaves_the_body(docs):
    doc = docs[SEED_000]
    assert len(doc.read_also) == 12
    assert doc.read_also[0].startswith("الجيش الأفغاني يستعيد السيطرة")
    # The last headline ran into the body with no separator.
    assert doc.read_also[-1].endswith("وسط مخاوف أمنية")
    assert doc.paragraphs[1].startswith('في حين أفادت "طلوع"')
    body = doc.text
    assert "اقرأ أيضاً" not in body and "*" not in body
    assert not any(h in body for h in doc.read_also)


def test_seed_000_derived_title_is_short_faithful_and_whole_words(docs):
    doc = docs[SEED_000]
    assert doc.title_derived
    words = doc.title.split()
    assert 3 <= len(words) <= 12
    body_words = set(re.findall(r"\S+", doc.text.replace("،", " ")))
    assert all(w in body_words for w in words), doc.title
    assert "قندهار" in doc.title
    assert not any(w in doc.title for w in ("وول", "ستريت", "سفارته"))


def test_seed_sentences_cover_the_body(docs):
    for doc in docs.values():
        joined = " ".join(s.text for s in doc.sentences)
        assert joined.replace(" ", "") == "".join(doc.paragraphs).replace(" ", "")
    assert len(docs[SEED_003].sentences) == 15


def test_title_line_needs_a_blank_line_and_a_short_line():
    assert split_title_line("عنوان قصير\n\nالنص هنا.")[0] == "عنوان قصير"
    assert split_title_line("سطر واحد فقط من النص.")[0] is None
    long_line = " ".join(["كلمة"] * 40)
    assert split_title_line(f"{long_line}\n\nالنص.")[0] is None


def test_glue_repair_only_touches_sentence_end_commas():
    assert repair_glue("جملة أولى., جملة ثانية") == "جملة أولى.\n\n جملة ثانية"
    assert repair_glue('قال "نعم"., ثم') == 'قال "نعم".\n\n ثم'
    assert repair_glue("العدد 3,5 مليون، وكذلك") == "العدد 3,5 مليون، وكذلك"


def test_read_also_block_with_one_headline_a_line():
    text = (
        "فقرة أولى من الخبر.\nاقرأ أيضا:\n• عنوان أول هنا\n• عنوان ثان هنا\n\nفقرة ثانية من الخبر."
    )
    split = extract_read_also(text)
    assert split.headlines == ("عنوان أول هنا", "عنوان ثان هنا")
    assert split.body == "فقرة أولى من الخبر.\n\nفقرة ثانية من الخبر."


def test_read_also_spelling_variants():
    for marker in ("اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا"):
        split = extract_read_also(f"نص الخبر. {marker} * عنوان أول * عنوان ثان")
        assert split.headlines == ("عنوان أول", "عنوان ثان"), marker


def test_headline_tail_split_keeps_text_it_cannot_place():
    assert split_headline_tail("عنوان قصير") == ("عنوان قصير", "")
    headline, rest = split_headline_tail(
        "أمريكا تكثف خطط الإخلاء وسط مخاوف أمنية فيما قال الجيش إن الوضع مستقر."
    )
    assert headline == "أمريكا تكثف خطط الإخلاء وسط مخاوف أمنية"
    assert rest.startswith("فيما قال")


def test_document_without_sentences_still_gets_a_title():
    doc = build_document("x", "")
    assert doc.title and doc.paragraphs == ()
