"""The Pelican-free pipeline: caching by content hash, parallel analysis, the translator hook."""

import shutil

from news_digest.cache import AnalysisCache
from news_digest.pipeline import build_digest
from news_digest.settings import DigestSettings
from news_digest.site.export import digest_record


def settings_for(folder, **extra):
    return DigestSettings.from_mapping({"DIGEST_SEEDS_PATH": str(folder), **extra})


def urls(article):
    return {"ar": article.slug, "en": article.slug}


def test_cached_build_equals_fresh_build(tmp_path, seeds_dir):
    cache = AnalysisCache.under(tmp_path / "cache")
    fresh = build_digest(settings_for(seeds_dir), cache)
    assert any((tmp_path / "cache").rglob("*.pickle"))
    cached = build_digest(settings_for(seeds_dir), cache)
    assert digest_record(cached, urls) == digest_record(fresh, urls)


def test_cache_entries_follow_content_not_file_names(tmp_path, seeds_dir):
    cache = AnalysisCache.under(tmp_path / "cache")
    build_digest(settings_for(seeds_dir), cache)
    before = set((tmp_path / "cache").rglob("*.pickle"))
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, renamed / seed.name)
    build_digest(settings_for(renamed), cache)
    assert set((tmp_path / "cache").rglob("*.pickle")) == before


def test_parallel_analysis_matches_serial(tmp_path, seeds_dir):
    folder = tmp_path / "many"
    folder.mkdir()
    text = (seeds_dir / "003_aabd1932eb51134b.txt").read_text(encoding="utf-8")
    for i in range(70):  # above PARALLEL_MIN_DOCS, each text distinct
        (folder / f"a{i:03d}.txt").write_text(text + f"\nوأضاف المتحدث {i}.", encoding="utf-8")
    serial = build_digest(settings_for(folder, DIGEST_WORKERS=1))
    parallel = build_digest(settings_for(folder, DIGEST_WORKERS=2))
    assert digest_record(parallel, urls) == digest_record(serial, urls)


def test_translator_adds_labelled_translations(seeds_dir):
    digest = build_digest(settings_for(seeds_dir, DIGEST_TRANSLATOR="translator_stub.translate"))
    brief = digest.articles[1].analysis.english
    assert brief.translated_title == "[en] 10 words"
    assert len(brief.translated_summary) == len(digest.articles[1].analysis.summary.sentences)


def test_failing_translator_is_reported_not_fatal(seeds_dir, caplog):
    digest = build_digest(settings_for(seeds_dir, DIGEST_TRANSLATOR="translator_stub.broken"))
    assert digest.articles[0].analysis.english.translated_title is None
    assert "DIGEST_TRANSLATOR failed" in caplog.text
