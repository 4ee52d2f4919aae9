"""news_digest.analysis.summary: extractive summary and key points.

The articles below were written for these tests; no corpus text is copied here. The last test
reads ../shared/corpus at test time and skips without it.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
import Stemmer
from news_digest.analysis.summary import (
    KEY_POINT_MAX_WORDS,
    KEY_POINT_OVERLAP,
    KEY_POINT_SLACK,
    Summary,
    content_terms,
    is_continuation,
    is_quote_fragment,
    summarize,
)
from news_digest.ingest.sentences import split_sentences
from news_digest.models import Document, Sentence

ARTICLE = "\n".join(
    (
        "أعلنت وزارة الصحة في الأردن اليوم الأحد افتتاح مستشفى جديد "
        "في مدينة إربد بسعة مئتي سرير لخدمة سكان شمال المملكة.",
        "وقال وزير الصحة إن المستشفى الجديد في إربد سيخفف الضغط "
        "عن مستشفيات العاصمة عمان ويقدم خدمات الطوارئ على مدار الساعة.",
        "وأضاف أن المستشفى في إربد يضم أقساما للطوارئ والجراحة "
        "والأطفال وسيعمل فيه أكثر من خمسمئة موظف من أبناء المدينة.",
        "وبلغت تكلفة بناء المستشفى نحو ثلاثين مليون دينار "
        "بتمويل من صندوق التنمية وبدعم من البنك الدولي.",
        "كما أشار الوزير إلى أن الوزارة تخطط "
        "لافتتاح مستشفيين آخرين في الجنوب خلال العامين المقبلين.",
        "وشهدت مدينة إربد خلال السنوات الماضية نموا "
        "سكانيا كبيرا بسبب حركة اللجوء من الدول المجاورة.",
        '"هذا يوم مهم".',
        "وأكد مدير المستشفى الدكتور سامر العلي أن المستشفى سيستقبل "
        "أول المرضى مطلع الشهر المقبل بعد اكتمال تجهيز غرف العمليات.",
        "وتعاني مستشفيات الشمال منذ سنوات من نقص "
        "الأسرة والأطباء المتخصصين وطول قوائم الانتظار للعمليات الجراحية.",
    )
)

# A continuation sentence that is the most central one of its article: the summary must not
# take it without the sentence before it.
LEANING = "\n".join(
    (
        "ارتفعت أسعار القمح في الأسواق العالمية هذا الأسبوع "
        "بعد موجة جفاف ضربت مناطق زراعة القمح الكبرى.",
        "وتراجعت صادرات القمح من موانئ البحر الأسود بسبب الجفاف وارتفاع كلفة الشحن.",
        "ويتابع التجار تقارير الطقس يوميا لتقدير حجم المحصول المتوقع في الموسم المقبل.",
        "وأضاف أن أسعار القمح في الأسواق العالمية قد ترتفع أكثر "
        "إذا استمر الجفاف في مناطق زراعة القمح وتراجعت الصادرات.",
        "وقالت منظمة الأغذية إن مخزونات الحبوب العالمية "
        "ما زالت كافية لتغطية الطلب حتى نهاية العام.",
    )
)


def make_document(text: str, title: str = "", doc_id: str = "t") -> Document:
    """Paragraphs are lines, sentences come from split_sentences (what structure does)."""
    paragraphs = tuple(line.strip() for line in text.split("\n") if line.strip())
    sentences = tuple(
        Sentence(s, p) for p, paragraph in enumerate(paragraphs) for s in split_sentences(paragraph)
    )
    return Document(
        id=doc_id,
        source_file=f"{doc_id}.txt",
        title=title or (sentences[0].text if sentences else ""),
        title_derived=not title,
        paragraphs=paragraphs,
        sentences=sentences,
        read_also=(),
    )


def seed_document(path: Path) -> Document:
    try:
        from news_digest.ingest.seeds import read_seed
        from news_digest.ingest.structure import build_document
    except ImportError:
        return make_document(path.read_text(encoding="utf-8"), doc_id=path.stem)
    seed = read_seed(path)
    return build_document(seed.id, seed.text)


def assert_well_formed(doc: Document, summary: Summary) -> None:
    chosen = summary.sentences
    assert list(chosen) == sorted(set(chosen)), "reading order, no repeats"
    assert all(0 <= i < len(doc.sentences) for i in chosen)
    for i in chosen:
        if i > 0 and is_continuation(doc.sentences[i].text):
            assert i - 1 in chosen, f"sentence {i} leans on {i - 1}, which is not selected"
    for point in summary.key_points:
        assert (
            point.strip()
            and len(point.replace("…", "").split()) <= KEY_POINT_MAX_WORDS + KEY_POINT_SLACK
        )


def test_summary_is_frozen_and_typed():
    summary = summarize(make_document(ARTICLE))
    assert isinstance(summary.sentences, tuple) and isinstance(summary.key_points, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.sentences = ()  # type: ignore[misc]


def test_deterministic():
    first = summarize(make_document(ARTICLE))
    assert all(summarize(make_document(ARTICLE)) == first for _ in range(3))


@pytest.mark.parametrize(("asked", "expected"), [(1, 2), (2, 2), (3, 3), (4, 4), (9, 4)])
def test_sentence_count_is_clamped_to_two_to_four(asked, expected):
    doc = make_document(ARTICLE)
    summary = summarize(doc, asked)
    assert len(summary.sentences) == expected
    assert_well_formed(doc, summary)


def test_default_is_three_and_starts_with_the_lead():
    summary = summarize(make_document(ARTICLE))
    assert len(summary.sentences) == 3 and summary.sentences[0] == 0


def test_continuation_only_with_its_predecessor():
    doc = make_document(LEANING)
    assert is_continuation(doc.sentences[3].text)
    for n in (2, 3, 4):
        summary = summarize(doc, n)
        assert_well_formed(doc, summary)
        assert 3 not in summary.sentences or 2 in summary.sentences


def test_quote_fragment_not_selected():
    doc = make_document(ARTICLE)
    fragment = next(i for i, s in enumerate(doc.sentences) if s.text.startswith('"'))
    assert fragment not in summarize(doc, 4).sentences


def test_key_points_three_to_six_short_and_distinct():
    stemmer = Stemmer.Stemmer("arabic")
    for text in (ARTICLE, LEANING):
        doc = make_document(text)
        summary = summarize(doc)
        points = summary.key_points
        assert 3 <= len(points) <= 6
        assert_well_formed(doc, summary)
        terms = [set(content_terms(p, stemmer)) for p in points]
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                assert len(a & b) / min(len(a), len(b)) <= KEY_POINT_OVERLAP
        chosen_texts = {doc.sentences[i].text.rstrip(".") for i in summary.sentences}
        assert not set(points) <= chosen_texts, "key points only repeat the summary"


def test_title_steers_the_choice():
    title = "افتتاح مستشفى جديد في إربد بتكلفة ثلاثين مليون دينار"
    summary = summarize(make_document(ARTICLE, title=title), 2)
    assert summary.sentences[0] == 0


@pytest.mark.parametrize("name", ["000_519e36191a9e543d.txt", "003_aabd1932eb51134b.txt"])
def test_seeds(seeds_dir, name):
    doc = seed_document(seeds_dir / name)
    summary = summarize(doc)
    assert len(summary.sentences) == min(3, len(doc.sentences))
    assert 3 <= len(summary.key_points) <= 6
    assert_well_formed(doc, summary)


def test_degenerate_documents():
    assert summarize(make_document("")) == Summary((), ())
    one = make_document("أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.")
    summary = summarize(one)
    assert summary.sentences == (0,)
    assert len(summary.key_points) <= 1
    two = make_document("انتهت القمة.\nوأضاف أن الاجتماع المقبل سيعقد في الربيع.")
    assert summarize(two).sentences == (0, 1)
    symbols = make_document("*** ... ###\n12 34")
    assert_well_formed(symbols, summarize(symbols))


def test_continuation_and_quote_rules():
    assert is_continuation("وأضاف أن المحادثات ستستمر.")
    assert is_continuation("كما أعلنت الوزارة عن خطة.")
    assert is_continuation("وقال إن الوضع تحت السيطرة.")
    assert is_continuation("وأكد: لن نتراجع.")
    assert not is_continuation("وقال مسؤولون إن العملية بدأت فجرا.")
    assert not is_continuation("أعلنت الوزارة عن خطة جديدة.")
    assert is_quote_fragment('"لن نتراجع عن هذا القرار".')
    assert is_quote_fragment('قال: "لن نتراجع عن هذا القرار أبدا مهما حدث".')
    assert not is_quote_fragment('ونقلت الوكالة عن مصدر عسكري قوله إن "الطائرات أطلقت صواريخ".')


def test_ours_at_least_lead_on_a_corpus_subset(corpus_dir, root):
    """ROUGE-1 F of ours >= the length-matched lead on EASC and the first 150 BBC articles."""
    sys.path.insert(0, str(root / "eval"))
    import summaries as harness

    for items, n in (
        (harness.load_easc(corpus_dir), harness.EASC_SENTENCES),
        (harness.load_bbc(corpus_dir)[:150], harness.BBC_SENTENCES),
    ):
        rows, _, count = harness.evaluate(items, n)
        scores = {row.name: row.score for row in rows}
        assert count > 0
        assert scores["OURS"].r1 >= scores["LEAD (same words)"].r1
