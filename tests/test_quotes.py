"""Quotes: direct quotations and reported statements with their speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_digest.analysis.entities import Entity, EntityResult, Mention, extract_entities
from news_digest.analysis.quotes import Quote, extract_quotes, is_quotation
from news_digest.ingest.structure import build_document
from news_digest.models import Document

from docs import doc_of, growth_ratio, seed

# (Arabic name, type, English, role, English role) for the seeds' hand-made entities.
PEOPLE = (
    ("ذبيح الله مجاهد", "person", "Zabihullah Mujahid", "المتحدث باسم طالبان", "Taliban spokesman"),
    ("طارق عريا", "person", "Tariq Arian", "المتحدث باسم وزارة الداخلية", "Interior spokesman"),
    ("سيد سرفار حسيني", "person", "Sayed Sarwar Hussaini", "المتحدث باسم شرطة قندوز", None),
    ("روح الله أحمد زاي", "person", "Rohullah Ahmadzai", "المتحدث باسم وزارة الدفاع", None),
    ("صديق صديقي", "person", "Sediq Sediqqi", None, None),
    ("غلام رباني", "person", "Ghulam Rabbani", None, None),
    ("محمد نعيم", "person", "Mohammad Naeem", None, None),
    ("طالبان", "organization", "Taliban", None, None),
    ("قندهار", "place", "Kandahar", None, None),
)


def entities_for(doc: Document, table: tuple = PEOPLE) -> EntityResult:
    """Hand-made entity result: every occurrence of each name is a mention."""
    entities, mentions = [], []
    for name, type_, en, role, role_en in table:
        key = f"{type_}/{en.lower().replace(' ', '-')}"
        found = []
        for index, sentence in enumerate(doc.sentences):
            start = sentence.text.find(name)
            while start != -1:
                found.append(Mention(index, start, start + len(name), key, role))
                start = sentence.text.find(name, start + 1)
        if found:
            roles = (role,) if role else ()
            roles_en = (role_en,) if role and role_en else ()
            entities.append(Entity(key, name, type_, en, len(found), roles, roles_en))
            mentions.extend(found)
    return EntityResult(tuple(entities), tuple(sorted(mentions, key=lambda m: m.sentence)))


def direct(quotes: tuple[Quote, ...]) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in quotes if q.direct]


def test_seed_000_direct_quotes(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "000")
    quotes = extract_quotes(doc, entities_for(doc))
    assert direct(quotes) == [
        ("ذبيح الله مجاهد", "تحت سيطرتنا الكاملة"),
        (
            "طارق عريا",
            "جميع قوات الأمن الأفغانية بما في ذلك الوحدات الحدودية موجودة في المنطقة "
            "والجهود جارية لاستعادة الموقع",
        ),
    ]
    first = next(q for q in quotes if q.direct)
    assert first.role == "المتحدث باسم طالبان" and first.speaker_en == "Zabihullah Mujahid"
    assert first.role_en == "Taliban spokesman" and first.sentence == 5
    # "طلوع" and "طالبان" in quote marks are names, not quotations.
    assert not any(q.text in {"طلوع", "طالبان"} for q in quotes)


def test_seed_000_reported_speech(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "000")
    reported = {q.speaker: q for q in extract_quotes(doc, entities_for(doc)) if not q.direct}
    assert reported["حاكم قندهار"].text.startswith("الوضع تحت السيطرة")
    assert reported["مسؤولون حكوميون"].text == "القتال جار"
    assert reported["طالبان"].text == "الحركة استولت على بلدة إسلام قلعة الحدودية"
    assert reported["طالبان"].speaker_en == "Taliban"
    assert reported["طلوع"].speaker_en == "TOLOnews"
    assert reported["وفد من مسؤولي طالبان"].text.startswith("الحركة سيطرت على حوالي 250")
    # "واعتبر أن …" carries the speaker of "كما شدد … محمد نعيم" in the sentence before.
    assert reported["محمد نعيم"].text.startswith("طالبان تعتمد سياسة المفاوضات")
    assert not reported["محمد نعيم"].text.endswith("وفق قوله")


def test_seed_003_direct_quotes(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "003")
    quotes = extract_quotes(doc, entities_for(doc))
    got = direct(quotes)
    assert [speaker for speaker, _ in got] == [
        "سيد سرفار حسيني",
        "ذبيح الله مجاهد",  # "وقال لصحافيين:" carries the previous sentence's speaker
        "روح الله أحمد زاي",  # "وأضاف:" likewise
    ]
    assert got[0][1] == "القتال متواصل. وصلت القوات الخاصة وهي تحاول صدّ هجمات طالبان"
    assert got[1][1].startswith("هاجمت طالبان مدينة قندوز هذا الصباح")
    assert got[2][1] == "يمكن أن نهاجم بسهولة كبيرة لكننا لا نريد خسائر بشرية"
    assert all(q.speaker for q in quotes)


def test_seed_003_reported_speech(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "003")
    quotes = extract_quotes(doc, entities_for(doc))
    assert [q.speaker for q in quotes if not q.direct] == [
        "مسؤولون",
        "ذبيح الله مجاهد",
        "صديق صديقي",
        "غلام رباني",
        "روح الله أحمد زاي",
        "روح الله أحمد زاي",  # "وأضاف أن 26 …" in the next paragraph
    ]


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seeds_with_real_extractor(seeds_dir: Path, prefix: str) -> None:
    doc = seed(seeds_dir, prefix)
    quotes = extract_quotes(doc, extract_entities(doc))
    expected = {
        "000": ["ذبيح الله مجاهد", "طارق عريا"],
        "003": ["سيد سرفار حسيني", "ذبيح الله مجاهد", "روح الله أحمد زاي"],
    }[prefix]
    assert [q.speaker for q in quotes if q.direct] == expected
    # English only where the spelling is certain: the model's guesses stay Arabic.
    english = {
        "000": ["Zabihullah Mujahid", None],
        "003": ["Sayed Sarwar Hosseini", "Zabihullah Mujahid", None],
    }[prefix]
    assert [q.speaker_en for q in quotes if q.direct] == english


def test_a_speaker_whose_english_is_guessed_keeps_the_arabic_name() -> None:
    """A listed person's English is printed; a name spelled letter by letter is not."""
    doc = doc_of(
        'وقال جو بايدن: "سنواصل دعم الحلفاء". وقال كرزوفيل مانتيسكو: "لن نتراجع أبدا عن ذلك".'
    )
    quotes = {q.speaker: q.speaker_en for q in extract_quotes(doc, extract_entities(doc))}
    assert quotes["جو بايدن"] == "Joe Biden"
    assert quotes["كرزوفيل مانتيسكو"] is None


def test_speaker_before_quote_and_after() -> None:
    doc = doc_of('وقال محمد نعيم: "سنواصل المفاوضات حتى النهاية".')
    assert direct(extract_quotes(doc, entities_for(doc))) == [
        ("محمد نعيم", "سنواصل المفاوضات حتى النهاية")
    ]
    doc = doc_of("«لن نتراجع عن مواقفنا أبدا في هذه المفاوضات»، قال محمد نعيم.")
    assert direct(extract_quotes(doc, entities_for(doc))) == [
        ("محمد نعيم", "لن نتراجع عن مواقفنا أبدا في هذه المفاوضات")
    ]


def test_names_in_quote_marks_are_not_quotes() -> None:
    assert not is_quotation("طالبان", "هاجمت حركة ")
    assert not is_quotation("فرانس برس", "لوكالة ")
    assert is_quotation("تحت سيطرتنا الكاملة", "أن المعبر ")
    assert is_quotation("الحرب تحتدم", "وزير الدفاع: ")


def test_without_entities() -> None:
    doc = doc_of('وأكد المتحدث باسم الشرطة، أن "القتال متواصل في شمال المدينة منذ الصباح".')
    [quote] = extract_quotes(doc, None)
    # The role words alone give the English: no entity is needed for it.
    assert quote.speaker == "المتحدث باسم الشرطة"
    assert quote.speaker_en == "spokesman for the police"


def test_a_role_phrase_speaker_gets_its_english() -> None:
    doc = doc_of('إلا أن حاكم قندهار قال إن "الوضع تحت السيطرة الكاملة في المدينة".')
    [quote] = extract_quotes(doc, extract_entities(doc))
    assert quote.speaker == "حاكم قندهار" and quote.speaker_en == "governor of Kandahar"
    doc = doc_of('وقال مسؤولون حكوميون إن "القتال جار في أطراف المدينة منذ الصباح".')
    [quote] = extract_quotes(doc, extract_entities(doc))
    assert quote.speaker_en is None  # a word we cannot put into English: none is invented


@pytest.mark.parametrize(
    "text",
    [
        "",
        'وقال "',
        'وقال: "لم ينته' + " كلام" * 400,
        '«»“”"" وأضاف: وأضاف: وأضاف:',
        '<a href="x">قال إن</a> <b>"نحن هنا"</b>',
        "قال إن" * 2000,
        "وأضاف ١٢٣ أن ٤٥٦",
    ],
)
def test_hostile_inputs(text: str) -> None:
    doc = doc_of(text)
    quotes = extract_quotes(doc, EntityResult((), ()))
    assert isinstance(quotes, tuple)


def test_empty_document() -> None:
    assert extract_quotes(doc_of(), EntityResult((), ())) == ()


def test_corpus_smoke(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "ant_multisource" / "articles").glob("*.txt"))[:60]
    attributed = total = 0
    for path in files:
        doc = build_document(path.stem, path.read_text(encoding="utf-8"))
        for quote in extract_quotes(doc, extract_entities(doc)):
            assert quote.text and not quote.text.startswith(('"', "«"))
            total += 1
            attributed += quote.speaker is not None
    assert total > 50 and attributed / total > 0.7


def test_time_grows_linearly_with_text() -> None:
    paragraph = (
        'وقال المتحدث باسم الوزارة إن "الوضع تحت السيطرة الكاملة الآن". وأضاف: "لا خسائر". ' * 5
    )
    assert growth_ratio(lambda d: extract_quotes(d, EntityResult((), ())), paragraph) < 3


def test_an_everyday_word_is_no_outlet_and_a_platform_no_speaker() -> None:
    # "وقال البيان" is "the statement said", not the newspaper Al Bayan.
    doc = doc_of('وقال البيان: "الحكومة ستواصل دعم المزارعين في كل المحافظات".')
    [quote] = extract_quotes(doc, extract_entities(doc))
    assert quote.speaker_en != "Al Bayan"
    # "قال على تويتر": the platform is where he spoke, not who spoke.
    doc = doc_of('وقال مستخدم على تويتر "هذا القرار سيغير حياة الملايين في البلاد".')
    [quote] = extract_quotes(doc, extract_entities(doc))
    assert quote.speaker == "مستخدم" and quote.speaker_en is None
