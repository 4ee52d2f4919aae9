"""The CTranslate2 + SentencePiece translator on a tiny model built here (no mocks)."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import tiny_mt
from news_digest.analysis.translation import (
    ARGOS,
    OPUS_MT,
    TranslationCache,
    TranslationModelError,
    Translator,
    find_model_folder,
    load_translator_from_folder,
    load_translator_or_none,
    text_key,
    thread_counts,
    translate_segments,
)

# Our own sentences; some are not among the SentencePiece training sentences on purpose.
TEXTS = [
    "قال الوزير إن الجسر الجديد سيفتح غدا.",
    "هطلت أمطار غزيرة على القرى الجبلية.",
    "فاز الفريق بالمباراة النهائية.",
    "قال الوزير إن الجسر الجديد سيفتح غدا.",
    "",
    "   ",
    "أعلنت البلدية خطة لبناء مكتبة للأطفال.",
]


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("tiny-mt")
    return {
        OPUS_MT: tiny_mt.build_opus_mt(base / "opus-mt-tiny-ar-en"),
        ARGOS: tiny_mt.build_argos(base / "argos" / "translate-ar_en-0_1"),
    }


@pytest.fixture(scope="session")
def translators(tiny_models) -> dict[str, Translator]:
    return {layout: load_translator_from_folder(path, 2) for layout, path in tiny_models.items()}


@pytest.mark.parametrize("layout", [OPUS_MT, ARGOS])
def test_both_layouts_load_with_their_names(tiny_models, translators, layout):
    folder = find_model_folder(tiny_models[layout])
    assert folder.layout == layout
    translator = translators[layout]
    expected = {OPUS_MT: "opus-mt-tiny-ar-en", ARGOS: "argos-ar-en-0.1"}[layout]
    assert translator.name == expected
    assert translator.identity.startswith(expected + "@")


def test_argos_package_found_from_the_folder_it_was_unzipped_into(tiny_models):
    parent = tiny_models[ARGOS].parent
    assert find_model_folder(parent).root == tiny_models[ARGOS]


@pytest.mark.parametrize("layout", [OPUS_MT, ARGOS])
def test_a_batch_gives_one_string_per_text_the_same_every_time(tiny_models, translators, layout):
    first = translators[layout].translate_batch(TEXTS)
    again = load_translator_from_folder(tiny_models[layout], 1).translate_batch(TEXTS)
    assert len(first) == len(TEXTS) and all(isinstance(text, str) for text in first)
    assert first == again
    assert first[0] == first[3]
    assert first[4] == first[5] == ""
    assert any(first), "the tiny model should produce some text"


@pytest.mark.parametrize("layout", [OPUS_MT, ARGOS])
def test_a_text_translates_the_same_alone_and_in_a_batch(translators, layout):
    # The cache relies on this: a text's translation must not depend on its batch companions.
    translator = translators[layout]
    batch = translator.translate_batch(TEXTS)
    assert [translator.translate_batch([text])[0] for text in TEXTS] == batch


def test_a_decoding_that_hits_the_length_limit_gives_no_line(tiny_models):
    translator = Translator(find_model_folder(tiny_models[OPUS_MT]), max_decoding_length=1)
    assert translator.translate_batch(TEXTS) == [""] * len(TEXTS)
    assert translator.dropped == sum(1 for text in TEXTS if text.strip())


def test_a_text_too_long_to_translate_whole_gives_no_line(translators):
    translator = translators[OPUS_MT]
    before = translator.dropped
    long_text = " ".join([TEXTS[0]] * 60)
    assert translator.translate_batch([long_text, TEXTS[1]])[0] == ""
    assert translator.dropped == before + 1


@pytest.mark.parametrize("layout", [OPUS_MT, ARGOS])
def test_the_second_run_translates_nothing(tmp_path, translators, layout):
    translator = translators[layout]
    cache = TranslationCache(tmp_path, translator.identity)
    cold, cold_stats = translate_segments(translator, cache, TEXTS)
    distinct = len({text for text in TEXTS if text.strip()})
    assert cold_stats.unique == cold_stats.translated == distinct
    assert cold_stats.hits == 0 and cold_stats.segments == len(TEXTS)
    assert cold == translator.translate_batch(TEXTS)

    warm_cache = TranslationCache(tmp_path, translator.identity)
    warm, warm_stats = translate_segments(translator, warm_cache, TEXTS)
    assert warm == cold
    assert warm_stats.translated == 0
    assert warm_stats.hits == warm_cache.hits == distinct
    assert warm_cache.misses == 0


def test_only_new_text_is_translated(tmp_path, translators):
    translator = translators[OPUS_MT]
    translate_segments(translator, TranslationCache(tmp_path, translator.identity), TEXTS[:2])
    _, stats = translate_segments(
        translator, TranslationCache(tmp_path, translator.identity), TEXTS
    )
    assert stats.hits == 2
    assert stats.translated == stats.unique - 2


def test_without_a_cache_folder_nothing_is_kept(translators):
    translator = translators[OPUS_MT]
    cache = TranslationCache(None, translator.identity)
    translate_segments(translator, cache, TEXTS)
    _, stats = translate_segments(translator, cache, TEXTS)
    assert stats.hits == 0 and stats.translated == stats.unique


def test_another_model_does_not_see_the_first_ones_translations(tmp_path, translators):
    opus, argos = translators[OPUS_MT], translators[ARGOS]
    translate_segments(opus, TranslationCache(tmp_path, opus.identity), TEXTS)
    _, stats = translate_segments(argos, TranslationCache(tmp_path, argos.identity), TEXTS)
    assert stats.hits == 0


def test_a_damaged_cache_entry_is_translated_again(tmp_path, translators):
    translator = translators[OPUS_MT]
    cache = TranslationCache(tmp_path, translator.identity)
    good, _ = translate_segments(translator, cache, TEXTS[:1])
    entry = next(tmp_path.rglob(f"{text_key(TEXTS[0])}.json"))
    entry.write_text('{"model": "trunc', encoding="utf-8")
    again, stats = translate_segments(translator, cache, TEXTS[:1])
    assert again == good and stats.translated == 1
    assert json.loads(entry.read_text(encoding="utf-8"))["translation"] == good[0]


def test_concurrent_writers_leave_whole_entries(tmp_path):
    cache = TranslationCache(tmp_path, "model@0")

    def write(i: int) -> None:
        cache.put("نص واحد", f"translation {i % 3}")

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, range(200)))
    assert cache.get("نص واحد") in {"translation 0", "translation 1", "translation 2"}
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]


def _broken_copy(tiny_models, tmp_path, layout) -> Path:
    copy = tmp_path / tiny_models[layout].name
    shutil.copytree(tiny_models[layout], copy)
    return copy


@pytest.mark.parametrize(
    ("layout", "damage", "reason"),
    [
        (OPUS_MT, lambda f: (f / "model.bin").unlink(), "missing model.bin"),
        (OPUS_MT, lambda f: (f / "source.spm").write_bytes(b"garbage"), "source.spm"),
        (OPUS_MT, lambda f: (f / "target.spm").unlink(), "missing target.spm"),
        (OPUS_MT, lambda f: (f / "model.bin").write_bytes(b"\0" * 64), "CTranslate2"),
        (OPUS_MT, lambda f: (f / "source_vocabulary.json").unlink(), "vocabulary"),
        (ARGOS, lambda f: (f / "model" / "model.bin").unlink(), "missing model/model.bin"),
        (ARGOS, lambda f: (f / "sentencepiece.model").write_bytes(b"x"), "sentencepiece.model"),
        (ARGOS, lambda f: (f / "metadata.json").write_text("{", "utf-8"), "metadata.json"),
    ],
)
def test_a_broken_folder_names_its_path_and_reason(tiny_models, tmp_path, layout, damage, reason):
    folder = _broken_copy(tiny_models, tmp_path, layout)
    damage(folder)
    with pytest.raises(TranslationModelError) as err:
        load_translator_from_folder(folder, 1)
    assert str(folder) in str(err.value)
    assert reason in str(err.value)


@pytest.mark.parametrize("make", [lambda p: None, lambda p: p.mkdir()])
def test_a_missing_or_empty_folder_is_reported(tmp_path, make):
    folder = tmp_path / "no-model"
    make(folder)
    with pytest.raises(TranslationModelError, match=str(folder)):
        load_translator_from_folder(folder)


def test_identity_follows_the_files_not_the_place(tiny_models, tmp_path):
    original = load_translator_from_folder(tiny_models[OPUS_MT]).identity
    moved = load_translator_from_folder(_broken_copy(tiny_models, tmp_path, OPUS_MT)).identity
    assert moved == original


def test_identity_changes_when_the_weights_change(tiny_models, tmp_path):
    # Same shapes, other random weights: model.bin has the same size, so only its bytes differ.
    retrained = tiny_mt.build_opus_mt(tmp_path / tiny_models[OPUS_MT].name, seed=8)
    before = tiny_models[OPUS_MT] / "model.bin"
    assert (retrained / "model.bin").stat().st_size == before.stat().st_size
    old = load_translator_from_folder(tiny_models[OPUS_MT]).identity
    assert load_translator_from_folder(retrained).identity != old


@pytest.mark.parametrize("workers", [0, 1, 2, 3, 4, 7, 16])
def test_thread_counts_use_the_workers_and_no_more(workers):
    inter, intra = thread_counts(workers)
    assert inter >= 1 and intra >= 1
    assert inter * intra <= max(1, workers)
    assert inter * intra > max(1, workers) // 2


def test_without_a_model_setting_there_is_no_translator():
    assert load_translator_or_none(None, 2) is None
    assert load_translator_or_none("", 2) is None


def test_a_broken_model_setting_is_one_warning_or_an_error_when_strict(tmp_path, caplog):
    folder = tmp_path / "empty-model"
    folder.mkdir()
    with caplog.at_level("WARNING", logger="news_digest.analysis.translation"):
        assert load_translator_or_none(folder, 2) is None
    [record] = caplog.records
    assert str(folder) in record.getMessage() and "\n" not in record.getMessage()
    with pytest.raises(TranslationModelError):
        load_translator_or_none(folder, 2, strict=True)


def test_a_good_model_setting_gives_its_translator(tiny_models):
    translator = load_translator_or_none(str(tiny_models[ARGOS]), 2)
    assert translator is not None and translator.name == "argos-ar-en-0.1"
