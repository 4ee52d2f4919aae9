"""Entity extraction: the two seeds, clitics, roles, determinism, data files, ANERcorp smoke."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest
from news_digest.analysis.entities import (
    EntityResult,
    extract_entities,
    readings,
    tokenize,
    word_kind,
)
from news_digest.analysis.entities.gazetteer import DATA_DIR, load_gazetteer
from news_digest.ingest.seeds import read_seed
from news_digest.ingest.structure import build_document
from news_digest.models import Document, Sentence

from docs import doc_of

ROOT = Path(__file__).resolve().parent.parent
SEED_1 = "000_519e36191a9e543d"
SEED_2 = "003_aabd1932eb51134b"


def _seed(seeds_dir: Path, stem: str) -> Document:
    return build_document(stem, read_seed(seeds_dir / f"{stem}.txt").text)


def _doc(*sentences: str) -> Document:
    return Document(
        id="t",
        source_file="t.txt",
        title=sentences[0],
        title_derived=True,
        paragraphs=sentences,
        sentences=tuple(Sentence(text, i) for i, text in enumerate(sentences)),
        read_also=(),
    )


def _by_en(result: EntityResult) -> dict[str, tuple[str, str]]:
    return {e.en: (e.type, e.key) for e in result.entities}


@pytest.fixture(scope="module")
def seed1(seeds_dir: Path) -> EntityResult:
    return extract_entities(_seed(seeds_dir, SEED_1))


@pytest.fixture(scope="module")
def seed2(seeds_dir: Path) -> EntityResult:
    return extract_entities(_seed(seeds_dir, SEED_2))


@pytest.mark.parametrize(
    ("en", "type_"),
    [
        ("Taliban", "organization"),
        ("Kandahar", "place"),
        ("Afghanistan", "place"),
        ("Iran", "place"),
        ("Islam Qala", "place"),
        ("China", "place"),
        ("Kabul", "place"),
        ("Moscow", "place"),
        ("Ministry of Interior", "organization"),
        ("AFP", "organization"),
        ("Joe Biden", "person"),
        ("Zabihullah Mujahid", "person"),
        ("Muhammad Naeem", "person"),
    ],
)
def test_seed1_entities(seed1: EntityResult, en: str, type_: str) -> None:
    assert _by_en(seed1)[en][0] == type_


@pytest.mark.parametrize(
    ("en", "type_"),
    [
        ("Taliban", "organization"),
        ("Kunduz", "place"),
        ("Kabul", "place"),
        ("Doha", "place"),
        ("Tajikistan", "place"),
        ("United States", "place"),
        ("Afghanistan", "place"),
        ("AFP", "organization"),
        ("Associated Press", "organization"),
        ("Ministry of Defence", "organization"),
        ("Barack Obama", "person"),
        ("Zabihullah Mujahid", "person"),
    ],
)
def test_seed2_entities(seed2: EntityResult, en: str, type_: str) -> None:
    assert _by_en(seed2)[en][0] == type_


def test_seed_officials_come_from_rules(seed1: EntityResult, seed2: EntityResult) -> None:
    """Spokesmen no list holds: found by their role cue, with the role kept."""
    people = {e.text: e for e in (*seed1.entities, *seed2.entities) if e.type == "person"}
    for name in ("طارق عريا", "سيد سرفار حسيني", "صديق صديقي", "غلام رباني", "روح الله أحمد زاي"):
        assert name in people, name
        assert people[name].roles, name
    mujahid = people["ذبيح الله مجاهد"]
    assert mujahid.key == "person/zabihullah-mujahid"
    assert mujahid.roles == ("المتحدث باسم طالبان",)
    assert mujahid.roles_en == ("spokesman for the Taliban",)
    assert people["صديق صديقي"].roles_en == ("spokesman for the presidency",)
    assert people["باراك أوباما"].roles_en == ("former US president",)


def test_seed_people_are_exactly_these(seed1: EntityResult, seed2: EntityResult) -> None:
    """No false people: اليوم الجمعة, يمكن, وكالة … are not names."""
    names = {e.text for e in (*seed1.entities, *seed2.entities) if e.type == "person"}
    assert names == {
        "جو بايدن",
        "ذبيح الله مجاهد",
        "طارق عريا",
        "محمد نعيم",
        "باراك أوباما",
        "سيد سرفار حسيني",
        "صديق صديقي",
        "غلام رباني",
        "روح الله أحمد زاي",
    }


def test_clitics_count_as_the_name(seed1: EntityResult) -> None:
    taliban = next(e for e in seed1.entities if e.key == "organization/taliban")
    assert taliban.text == "طالبان"
    assert taliban.count >= 7  # لطالبان and bare طالبان alike


def test_read_also_is_not_extracted(seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, SEED_1)
    assert any("روسيا" in item for item in doc.read_also)
    keys = {e.key for e in extract_entities(doc).entities}
    assert "place/russia" not in keys


def test_mentions_point_at_the_name(seed1: EntityResult, seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, SEED_1)
    for mention in seed1.mentions:
        surface = doc.sentences[mention.sentence].text[mention.start : mention.end]
        assert surface.strip() == surface and surface
    keys = {e.key for e in seed1.entities}
    assert {m.key for m in seed1.mentions} == keys
    counts = {e.key: e.count for e in seed1.entities}
    assert sum(counts.values()) == len(seed1.mentions)


def test_sorted_and_deterministic(seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, SEED_2)
    first, second = extract_entities(doc), extract_entities(doc)
    assert first == second
    order = [(-e.count, e.key) for e in first.entities]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("وصل الوفد إلى وبالولايات المتحدة أمس.", "place/united-states"),
        ("قال مسؤول في للعراق إن الوضع هادئ.", "place/iraq"),
        ("زار الرئيس أميركا وأفغانستان.", "place/united-states"),
        ("عقد اجتماع في مزار شريف.", "place/mazar-i-sharif"),
        ("أعلن حلف شمال الأطلسي خطة جديدة.", "organization/nato"),
    ],
)
def test_clitics_and_variants(text: str, key: str) -> None:
    assert key in {e.key for e in extract_entities(_doc(text)).entities}


def test_adjective_is_not_a_place() -> None:
    result = extract_entities(_doc("انسحبت القوات الأفغانية من المدينة."))
    assert "place/afghanistan" not in {e.key for e in result.entities}


def test_article_must_agree() -> None:
    """خليل (a first name) is not الخليل (Hebron)."""
    result = extract_entities(_doc("وصل خليل إلى المدينة."))
    assert "place/hebron" not in {e.key for e in result.entities}


def test_role_cues_make_people() -> None:
    result = extract_entities(_doc("وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مثمرة."))
    lavrov = next(e for e in result.entities if e.type == "person")
    assert lavrov.en == "Sergey Lavrov"
    assert lavrov.roles == ("وزير الخارجية الروسي",)
    assert lavrov.roles_en == ("Russian minister of foreign affairs",)


def test_surname_alone_is_the_same_person() -> None:
    result = extract_entities(
        _doc("قال المتحدث باسم الشرطة أحمد الكبيسي إن الهجوم فشل.", "وأضاف الكبيسي أن التحقيق جار.")
    )
    people = [e for e in result.entities if e.type == "person"]
    assert len(people) == 1 and people[0].count == 2


def test_tokens_and_readings() -> None:
    toks = tokenize("وبالولايات، المتحدة")
    assert [t.text for t in toks] == ["وبالولايات", "المتحدة"]
    assert toks[1].brk
    assert (2, "ولايات", True) in readings(toks[0].fold)


def test_data_files_are_sorted_unique_and_typed() -> None:
    gaz = load_gazetteer()
    assert gaz.index and gaz.name_parts and gaz.roles
    keys: set[str] = set()
    for name in ("countries.tsv", "places.tsv", "organizations.tsv", "people.tsv"):
        with (DATA_DIR / name).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert [r["key"] for r in rows] == sorted(r["key"] for r in rows), name
        for row in rows:
            assert row["key"].split("/")[0] == row["type"] in {"person", "place", "organization"}
            assert row["key"] not in keys, row["key"]
            assert row["key"].isascii() and row["en"] and row["ar"]
            keys.add(row["key"])


def test_seed_officials_are_not_in_the_gazetteers() -> None:
    """Officials of the seeds must come from rules, never from the lists."""
    listed = " ".join(v for e in load_gazetteer().entries for v in e.ar)
    for name in ("ذبيح الله", "طارق عريا", "سرفار", "صديق صديقي", "غلام رباني", "محمد نعيم"):
        assert name not in listed


def test_anercorp_smoke(corpus_dir: Path) -> None:
    """A few ANERcorp sentences go through without error and find some places."""
    path = corpus_dir / "anercorp" / "ANERCorp_CamelLab_test.dev.txt"
    words = [
        line.split()[0]
        for line in path.read_text(encoding="utf-8").splitlines()[:400]
        if line.strip()
    ]
    result = extract_entities(_doc(" ".join(words)))
    assert any(e.type == "place" for e in result.entities)


def test_anercorp_f1_reaches_the_target(corpus_dir: Path) -> None:
    """The evaluation script's own measure (eval/entities.py) stays at or above the target."""
    spec = importlib.util.spec_from_file_location("eval_entities", ROOT / "eval" / "entities.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    sentences = module.read_sentences(corpus_dir / "anercorp" / "ANERCorp_CamelLab_test.dev.txt")
    assert module.overall_f1(sentences) >= module.TARGET_F1


def test_held_out_newsfane_f1_stays_above_its_floor(corpus_dir: Path) -> None:
    """NewsFANE's test part, kept out of training and tuning: measured 0.73 (rules alone 0.64)."""
    spec = importlib.util.spec_from_file_location("eval_entities", ROOT / "eval" / "entities.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    sentences = module.newsfane("test")
    assert module.overall_f1(sentences) >= 0.70
    assert module.overall_f1(sentences, learned=False) < module.overall_f1(sentences)


def test_words_tell_names_from_everyday_words() -> None:
    gaz = load_gazetteer()
    kinds = {w: word_kind(tokenize(w)[0], gaz) for w in ("محمد", "وقالت", "سائق", "يتنافسون")}
    assert kinds == {"محمد": "given", "وقالت": "common", "سائق": "common", "يتنافسون": "common"}


def test_unknown_word_pairs_are_foreign_names() -> None:
    result = extract_entities(_doc("وفاز جينسون باتون بالسباق أمس."), learned=False)
    assert [e.text for e in result.entities if e.type == "person"] == ["جينسون باتون"]


def test_a_name_stops_at_an_everyday_word() -> None:
    result = extract_entities(_doc("وحل جينسون باتون سائق الفريق ثانيا."))
    assert [e.text for e in result.entities if e.type == "person"] == ["جينسون باتون"]


def test_given_name_alone_after_full_name_is_the_same_person() -> None:
    result = extract_entities(
        _doc("قال المدرب جوزيه مورينيو إن الفريق جاهز.", "وأضاف جوزيه أن اللاعبين بخير.")
    )
    keys = {m.key for m in result.mentions}
    assert len(keys) == 1
    assert len(result.mentions) == 2


def test_kind_head_keeps_the_listed_organisation() -> None:
    result = extract_entities(_doc("أعلنت حركة حماس رفضها للخطة."))
    assert [e.key for e in result.entities if e.type == "organization"] == ["organization/hamas"]


def test_common_words_are_not_taken_for_gazetteer_names(seeds_dir: Path) -> None:
    """الوحدات الحدودية (border units) in seed 000 is not the Al-Wehdat club."""
    path = next(seeds_dir.glob("000_*.txt"))
    doc = build_document(path.stem, path.read_text(encoding="utf-8"))
    keys = {e.key for e in extract_entities(doc).entities}
    assert "organization/al-wehdat" not in keys


def _people(*sentences: str) -> list[str]:
    """People the rules find (without the tagger): the rules' own mechanics."""
    result = extract_entities(_doc(*sentences), learned=False)
    return [e.text for e in result.entities if e.type == "person"]


def _typed(*sentences: str) -> set[tuple[str, str]]:
    """What the rules find (without the tagger): the rules' own mechanics."""
    return {(e.type, e.text) for e in extract_entities(_doc(*sentences), learned=False).entities}


def test_nationality_announces_a_name_that_looks_like_words() -> None:
    """After الفنلندي / والفرنسي a first word that is also an everyday word starts a name."""
    assert _people("وحل الفنلندي سلام فيتالينو في المركز الثالث .") == ["سلام فيتالينو"]
    assert _people("وتأهل والفرنسي جوني ماركيتو أيضا .") == ["جوني ماركيتو"]


def test_place_nouns_introduce_places() -> None:
    assert ("place", "دوروفيلا") in _typed("وصل الوفد إلى مدينة دوروفيلا أمس .")
    assert ("place", "كارانيتا") in _typed("ويقع المصنع في بلدة كارانيتا الصغيرة .")
    assert not any(t == "place" for t, _ in _typed("زار الوفد مدينة كبيرة في الشمال ."))


def test_media_and_team_heads_name_organisations() -> None:
    assert ("organization", "نوفاتيكو") in _typed('وقالت شركة " نوفاتيكو " إنها ستغلق المصنع .')
    assert ("organization", "ماراتيللو") in _typed("وحل جوني فيتالو سائق فريق ماراتيللو ثانيا .")
    assert not any(t == "organization" for t, _ in _typed("وعمل فريق العمل طوال الليل ."))


def test_first_name_takes_nisba_and_inner_words() -> None:
    assert _people("لنا حديث مع سعيد الحربي اليوم .") == ["سعيد الحربي"]
    assert _people("بعد القبض على خالد شيخ محمد أمس .") == ["خالد شيخ محمد"]


def test_link_words_take_their_complement() -> None:
    """آل / بن are followed by the rest of the name even when it reads as an everyday word."""
    assert _people("استقبل الأمير حمد بن خليفة آل ثاني الوفد .") == ["حمد بن خليفة آل ثاني"]


def test_ranking_line_names_driver_and_team() -> None:
    found = _typed("الترتيب العام : 1 - ماركو كاستيلو ألمانيا تويوتا 39 دقيقة .")
    assert ("person", "ماركو كاستيلو") in found
    assert ("organization", "تويوتا") in found


def test_names_listed_after_a_person_are_people() -> None:
    people = _people("وشارك في اللقاء خالد العمري ، سعيد الحربي ، بطرس ، جوني فيتالو وميركوفيتش .")
    assert set(people) == {"خالد العمري", "سعيد الحربي", "بطرس", "جوني فيتالو", "ميركوفيتش"}


def test_bracketed_acronym_after_an_organisation() -> None:
    found = _typed("وقالت منظمة الصحة العالمية ( هووو ) إن الوضع خطير .")
    assert ("organization", "هووو") in found


def test_relation_nouns_announce_people() -> None:
    assert "ميركوف دانيلكو" in _people("وفاز جوني فيتالو مع زميله الروسي ميركوف دانيلكو .")


def test_inflected_everyday_words_are_common() -> None:
    gaz = load_gazetteer()
    for word in ("علاقاتنا", "انتهت", "جاؤوا"):
        assert word_kind(tokenize(word)[0], gaz) == "common", word


def test_proper_noun_after_a_compass_point_is_a_place() -> None:
    assert ("place", "ادرنه") in _typed("وقع زلزال قوي شمال ادرنه صباح اليوم .")
    assert not any(t == "place" for t, _ in _typed("وصل الوفد إلى قاعة كبيرة ."))


def test_name_stops_before_inflected_everyday_word() -> None:
    """An adverb in the accusative, a dual verb or a word with a pronoun ends the name."""
    assert _people("وحل كريم منصور متقدما على منافسيه .") == ["كريم منصور"]
    assert _people("وأنهى الوزير سامي نصار مهمتها أمس .") == ["سامي نصار"]


def test_article_demonym_with_hamza_cues_a_name() -> None:
    """الألماني folds to الالماني: still the German adjective before a name."""
    assert _people("وحل الألماني كيفر ثانيا .") == ["كيفر"]


def test_particle_with_pronoun_is_not_a_name() -> None:
    assert _people("وقال إنني لن أتراجع .") == []
    assert _people("وقال لكنني لن أتراجع .") == []


def test_short_imperfect_verb_ends_a_name() -> None:
    assert "سيوز تقل" not in _people("وكانت المركبة سيوز تقل الرواد .")


def test_conjunction_and_title_start_no_name() -> None:
    found = _typed("وتعمل مؤسسة والسيد كمال حمدي معا .")
    assert not any(t == "organization" for t, _ in found)
    assert ("person", "كمال حمدي") in found


def test_a_listed_name_with_a_title_is_reported_without_it():
    text = "استقبل البابا فرنسيس وفدا من رجال الدين في الفاتيكان أمس."
    result = extract_entities(_doc(text))
    spans = [text[m.start : m.end] for m in result.mentions if m.key == "person/pope-francis"]
    assert spans == ["فرنسيس"]


def test_a_word_that_starts_with_waw_is_not_a_listed_name():
    # وفدا is "a delegation", not "and Fida" continuing a list of people.
    found = extract_entities(_doc("استقبل البابا فرنسيس وفدا من رجال الدين أمس.")).entities
    assert [e.en for e in found if e.type == "person"] == ["Pope Francis"]


def test_a_listed_person_in_another_spelling_is_found():
    """أنغيلا for أنجيلا, آبيه for آبي, غاني for غني: transliterations of one name differ."""
    found = extract_entities(_doc("والتقت أنغيلا ميركل بنظيرها شينزو آبيه في برلين أمس .")).entities
    assert {"Angela Merkel", "Shinzo Abe"} <= {e.en for e in found if e.type == "person"}
    found = extract_entities(_doc("وقال الرئيس اشرف غاني إن الحوار مستمر .")).entities
    assert "Ashraf Ghani" in {e.en for e in found}


def test_short_words_never_match_a_name_by_their_consonants():
    # بين كي من has the consonants of بان كي مون but no word spelled as listed.
    found = extract_entities(_doc("ولا فرق بين كي من يسافر ومن يقيم .")).entities
    assert "Ban Ki-moon" not in {e.en for e in found}


def test_a_title_in_apposition_closes_the_name():
    assert _people("وقال سامي بشر أمين عام الاتحاد إن المؤتمر ناجح .") == ["سامي بشر"]


def test_a_family_name_after_an_everyday_word_ends_a_first_names_name():
    people = _people("وقال وزير الإعلام الباكستاني سامي عظيم خان إن الاتهامات باطلة .")
    assert people == ["سامي عظيم خان"]


def test_a_world_ranking_announces_a_player():
    assert _people("وفاز المصنف 43 عالميا جيري ماروفاك على منافسه .") == ["جيري ماروفاك"]


def test_a_lone_surname_agrees_with_the_names_article():
    """يوسف إسلام is a person; بالإسلام later is the religion, not his surname."""
    text = ("وزار السيد يوسف إسلام المؤسسة أمس .", "وألقى محاضرة تعرف بالإسلام وفضائله .")
    result = extract_entities(_doc(*text))
    assert [m.sentence for m in result.mentions if m.key.startswith("person/")] == [0]


def test_a_verb_prefix_never_stands_before_a_particle():
    """نوفاك is not ن + وفاك: a name the dictionary does not know stays unknown."""
    assert word_kind(tokenize("نوفاك")[0], load_gazetteer()) is None
    assert word_kind(tokenize("يتنافسون")[0], load_gazetteer()) == "common"


def test_ali_is_a_name_between_names_and_after_a_title():
    """على folds to علي: between first names and right after a title it is the name Ali."""
    assert _people("ووصل السيد محمود علي يوسف وزير الدولة أمس .") == ["محمود علي يوسف"]
    assert _people("وحضر السيد علي الحربي المدير العام للمؤسسة .") == ["علي الحربي"]
    assert not any("علي" in p.split() for p in _people("وحصل سامي نصار على الجائزة الأولى ."))


def test_a_long_listed_name_is_found_in_another_spelling():
    found = _typed("وأعلنت فولكسفاجن عن خطة جديدة .")
    assert ("organization", "فولكس فاغن") in found


def test_other_spellings_must_be_close_and_end_alike():
    """هورفورد (Horford) has Harvard's consonants, الدنماركي is an adjective, محمد صالح is a
    name of its own, not a spelling of محمد صلاح."""
    found = {e.en for e in extract_entities(_doc("وسجل هورفورد عشرين نقطة أمس .")).entities}
    assert "Harvard University" not in found
    found = {e.en for e in extract_entities(_doc("وقال السفير الدنماركي كلمة .")).entities}
    assert "Denmark" not in found
    found = {e.en for e in extract_entities(_doc("وقال محمد صالح إن الفريق جاهز .")).entities}
    assert "Mohamed Salah" not in found


def test_a_preposition_with_the_article_starts_no_name():
    assert _people("وتلا آيات من القرآن ثم قرأ للقرآن الكريم تفسيرا .") == []


def test_an_ambiguous_outlet_name_after_a_medium_noun_is_the_outlet():
    found = {
        e.en: e.type
        for e in extract_entities(_doc("وأفاد مراسل الجزيرة في غزة بأن القصف توقف .")).entities
    }
    assert found.get("Al Jazeera") == "organization"
    found = {
        e.en for e in extract_entities(_doc("وعاد الصيادون إلى الجزيرة قبل الغروب .")).entities
    }
    assert "Al Jazeera" not in found


def test_a_foreign_organisation_keeps_its_name_behind_the_article():
    found = {e.en for e in extract_entities(_doc("وتحطمت طائرة البوينغ قرب المطار .")).entities}
    assert "Boeing" in found
    found = {e.key for e in extract_entities(_doc("ووصل الوفد إلى الخليل صباحا .")).entities}
    assert not any(key.startswith("person/") for key in found)


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        (
            "دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الشركة أرباحا قياسية هذا العام.",
            "Dubai",
            "CNN",
        ),
        ("بيروت - أ ف ب: أعلن الجيش اللبناني إغلاق الطريق الساحلي صباح اليوم.", "Beirut", "AFP"),
        ("(CNN)-- نشرت الشركة تقريرها السنوي عن أرباح الربع الأول.", None, "CNN"),
    ],
)
def test_a_dateline_is_the_filing_place_not_a_place_the_story_is_about(opening, place, outlet):
    result = extract_entities(doc_of(opening))
    assert result.dateline is not None
    assert result.dateline.place_en == place
    assert result.dateline.outlet_en == outlet
    assert place is None or all(e.en != place for e in result.entities)


def test_an_opening_that_is_not_a_place_is_no_dateline():
    result = extract_entities(doc_of("الحكومة - أعلنت وزارة الصحة عن حالات جديدة في القاهرة."))
    assert result.dateline is None
    assert "Cairo" in {e.en for e in result.entities}


def test_a_place_named_again_in_the_story_stays_an_entity():
    text = "دبي، الإمارات العربية المتحدة (CNN)-- افتتح في دبي أمس معرض كبير للطيران."
    result = extract_entities(doc_of(text))
    assert [e.count for e in result.entities if e.en == "Dubai"] == [1]


def test_a_surname_after_another_first_name_is_someone_else():
    result = extract_entities(doc_of("وقال العقيد تركي المالكي إن الدفاعات اعترضت صاروخا."))
    assert [(e.en, e.type) for e in result.entities] == [("Turki al-Maliki", "person")]


def test_a_bare_family_name_is_the_listed_person_only_when_the_article_says_so():
    alone = extract_entities(doc_of("وقال المالكي إن الوضع مستقر في البلاد."))
    assert "Nouri al-Maliki" not in {e.en for e in alone.entities}
    text = "وقال نوري المالكي إن الانتخابات ستجري في موعدها. وأضاف المالكي أن الوضع مستقر."
    supported = extract_entities(doc_of(text))
    assert [(e.en, e.count) for e in supported.entities] == [("Nouri al-Maliki", 2)]


def test_everyday_words_need_the_tagger_to_become_a_person():
    text = "وقال الجيران إنهما يعيشان فعليا في المدينة منذ سنوات."
    ruled = {e.text for e in extract_entities(_doc(text), learned=False).entities}
    assert "يعيشان فعليا" in ruled  # the shape rule alone takes two unknown words for a name
    assert not [e for e in extract_entities(_doc(text)).entities if e.type == "person"]


def test_a_one_word_listed_place_needs_its_context():
    pictures = extract_entities(doc_of("نشرت الوكالة صور الدمار في المدينة بعد القصف."))
    assert "Tyre" not in {e.en for e in pictures.entities}
    city = extract_entities(doc_of("قصفت الطائرات مدينة صور في جنوب لبنان."))
    assert "Tyre" in {e.en for e in city.entities}


def test_a_role_cue_says_where_the_tagged_name_starts():
    text = "وأكد المتحدث باسم شرطة قندوز سيد سرفار حسيني لوكالة فرانس برس أن الهجوم بدأ."
    people = [e for e in extract_entities(doc_of(text)).entities if e.type == "person"]
    assert [(e.text, e.roles) for e in people] == [
        ("سيد سرفار حسيني", ("المتحدث باسم شرطة قندوز",))
    ]


def test_an_everyday_word_is_no_listed_name_behind_a_clitic() -> None:
    # وفيات is "and deaths", not و + the carmaker Fiat; Fiat written alone is still found.
    from docs import doc_of

    deaths = extract_entities(doc_of("وأضاف أن الصواعق أسفرت عن وفيات آخرين في المدينة."))
    assert not any(e.en == "Fiat" for e in deaths.entities)
    fiat = extract_entities(doc_of("وقالت شركة فيات إنها ستغلق المصنع."))
    assert any(e.en == "Fiat" for e in fiat.entities)


def test_frequent_foreign_names_have_their_own_english() -> None:
    # Listed people are spelled as English-language news spells them, not by name frequency.
    from docs import doc_of

    doc = doc_of(
        "وقال وزير الدفاع الأمريكي جيمس ماتيس إن الضربة نجحت، ورد مدرب ليفربول يورغن كلوب."
    )
    names = {e.en for e in extract_entities(doc).entities}
    assert {"Jim Mattis", "Jurgen Klopp"} <= names


def test_a_listed_seat_of_power_is_its_institution() -> None:
    # The tagger reads البيت الأبيض and الكرملين as places; the list knows the institutions.
    from docs import doc_of

    doc = doc_of("وقال البيت الأبيض إن الرئيس سيزور المنطقة، ورد الكرملين ببيان.")
    found = {(e.en, e.type, e.spelled) for e in extract_entities(doc).entities}
    assert ("White House", "organization", "listed") in found
    assert ("Kremlin", "organization", "listed") in found
