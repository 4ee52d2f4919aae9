"""Reliability: decoding rule, containment, fault isolation per stage, atomic cache writes."""

from __future__ import annotations

import multiprocessing
import os
import pickle

import pytest
from news_digest import pipeline
from news_digest.analysis import article as article_stages
from news_digest.cache import AnalysisCache
from news_digest.ingest.seeds import SeedError, decode_counted, ingest_folder, read_seed
from news_digest.pipeline import build_digest
from news_digest.settings import DigestSettings
from news_digest.site.templating import hijri_date, localdate

ARTICLE = (
    "افتتاح مكتبة عامة في إربد\n\n"
    "افتتحت بلدية إربد مكتبة عامة جديدة في وسط المدينة يوم الخميس بحضور المحافظ.\n"
    "وقال رئيس البلدية إن المكتبة تضم عشرين ألف كتاب وقاعة للأطفال."
)


def settings_for(folder, **extra):
    return DigestSettings.from_mapping({"DIGEST_SEEDS_PATH": str(folder), **extra})


def test_utf8_with_a_few_bad_bytes_is_utf8_not_cp1256():
    parts = [ARTICLE[:20].encode(), ARTICLE[20:60].encode(), ARTICLE[60:].encode()]
    damaged = parts[0] + b"\xff" + parts[1] + b"\xc0\xfe" + parts[2]
    text, codec, replaced = decode_counted(damaged)
    assert codec == "utf-8" and replaced == 3
    assert "افتتاح مكتبة" in text and "ط§" not in text


def test_cp1256_is_still_read_as_cp1256():
    text, codec, replaced = decode_counted(ARTICLE.encode("cp1256"))
    assert (text, codec, replaced) == (ARTICLE, "cp1256", 0)


def test_html_references_are_decoded_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE + "\nقال &quot;نعم&quot; &amp;amp; &#1605;&#x645; &lt;b&gt;", "utf-8")
    text = read_seed(path).text
    assert 'قال "نعم" &amp; مم <b>' in text


def test_fifo_and_outside_symlink_are_skipped_without_blocking(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "secret.txt"
    seeds.mkdir()
    outside.write_text(ARTICLE, encoding="utf-8")
    (seeds / "link.txt").symlink_to(outside)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    result = ingest_folder(seeds)
    reasons = {s.source_file: s.reason for s in result.skipped}
    assert [s.id for s in result.seeds] == ["ok"]
    assert "outside the seeds folder" in reasons["link.txt"]
    assert "FIFO" in reasons["pipe.txt"]


def test_read_seed_refuses_a_fifo_given_directly(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    with pytest.raises(ValueError, match="FIFO"):
        read_seed(tmp_path / "p.txt")


@pytest.mark.parametrize("year", [1, 2999, 9999])
def test_any_representable_date_formats(year):
    from datetime import UTC, datetime

    moment = datetime(year, 12, 31, tzinfo=UTC)
    assert str(year) in localdate(moment, "ar") and str(year) in localdate(moment, "en")
    assert hijri_date(moment) == ""
    assert hijri_date(datetime(2021, 7, 10, tzinfo=UTC)).endswith("هـ")


def _boom(*args, **kwargs):
    raise RuntimeError("stage exploded")


def test_a_failing_analysis_stage_drops_only_its_field(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(article_stages, "extract_figures", _boom)
    digest = build_digest(settings_for(tmp_path))
    (article,) = digest.articles
    assert article.analysis.figures == ()
    assert article.analysis.summary.sentences  # the other stages still ran
    assert [(w.stage, w.message) for w in article.warnings] == [
        ("figures", "failed: RuntimeError: stage exploded")
    ]


def test_a_failing_structure_step_skips_only_that_seed(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + "\nوأضاف أن الدخول مجاني.", encoding="utf-8")
    real = pipeline.build_document

    def fragile(doc_id, *args, **kwargs):
        if doc_id == "a":
            raise IndexError("bad paragraph")
        return real(doc_id, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_document", fragile)
    digest = build_digest(settings_for(tmp_path))
    assert [a.doc.id for a in digest.articles] == ["b"]
    assert [(s.source_file, s.reason) for s in digest.skipped] == [
        ("a.txt", "structure failed: IndexError: bad paragraph")
    ]


def test_a_failing_metadata_step_keeps_the_article(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Date: 2021-01-01\n\n" + ARTICLE, encoding="utf-8")
    monkeypatch.setattr(pipeline, "meta_from_fields", _boom)
    (article,) = build_digest(settings_for(tmp_path)).articles
    assert article.doc.meta.date is None
    assert article.warnings[0].stage == "metadata"


def test_unreadable_sidecar_is_listed_and_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes(b"id,date\na,\xff\xfe\x00bad\n")
    digest = build_digest(settings_for(tmp_path))
    assert [a.doc.id for a in digest.articles] == ["a"]
    assert digest.skipped[0].source_file == "metadata.csv"


def test_corrupt_cache_entry_is_a_miss(tmp_path, caplog):
    cache = AnalysisCache(tmp_path)
    cache.put("ab" * 32, {"x": 1})
    path = tmp_path / "ab" / f"{'ab' * 32}.pickle"
    path.write_bytes(path.read_bytes()[:5])
    assert cache.get("ab" * 32) is None
    assert "Ignoring unreadable cache entry" in caplog.text


def _hammer(folder: str, worker: int, rounds: int) -> None:
    cache = AnalysisCache(__import__("pathlib").Path(folder))
    payload = [worker] * 20_000  # large enough that a torn write would be seen
    for n in range(rounds):
        cache.put(f"{n % 4:02d}" + "0" * 62, payload)
        cache.get(f"{(n + 1) % 4:02d}" + "0" * 62)


def test_two_processes_putting_one_cache_never_leave_a_corrupt_entry(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_hammer, args=(str(tmp_path), w, 150)) for w in (1, 2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0
    entries = sorted(tmp_path.rglob("*.pickle"))
    assert len(entries) == 4
    for entry in entries:
        value = pickle.loads(entry.read_bytes())
        assert value in ([1] * 20_000, [2] * 20_000)
    assert not list(tmp_path.rglob("*.tmp"))


def test_two_concurrent_builds_share_one_cache(tmp_path, seeds_dir):
    cache = tmp_path / "cache"
    context = multiprocessing.get_context("spawn")
    runs = [context.Process(target=_build, args=(str(seeds_dir), str(cache))) for _ in (1, 2)]
    for process in runs:
        process.start()
    for process in runs:
        process.join(300)
        assert process.exitcode == 0
    shared = AnalysisCache.under(cache)
    for entry in shared.folder.rglob("*.pickle"):
        assert isinstance(pickle.loads(entry.read_bytes()), article_stages.Analysis)


def _build(seeds: str, cache: str) -> None:
    settings = settings_for(seeds, DIGEST_WORKERS=1)
    build_digest(settings, AnalysisCache.under(cache))


def test_strict_fails_on_warnings_too(tmp_path, monkeypatch):
    from news_digest.site.pages import DigestStrictError, report_skipped

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(article_stages, "extract_quotes", _boom)
    settings = settings_for(tmp_path, DIGEST_STRICT=True)
    with pytest.raises(DigestStrictError, match=r"a\.txt: quotes: failed"):
        report_skipped(build_digest(settings), settings)


def test_empty_seed_is_a_seed_error(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    with pytest.raises(SeedError, match="empty"):
        read_seed(tmp_path / "e.txt")


class _Broken:
    def render(self, *args, **kwargs):
        raise KeyError("missing")


def test_an_article_page_that_fails_to_render_is_left_out(tmp_path):
    from types import SimpleNamespace

    from news_digest.site.writer import ChangedOnlyWriter

    digest = SimpleNamespace(doc=SimpleNamespace(source_file="a.txt", id="a"))
    page = SimpleNamespace(digest=digest)
    writer = ChangedOnlyWriter(str(tmp_path), settings={})
    writer.write_file("articles/a/index.html", _Broken(), {}, article=page)
    (warning,) = writer.render_warnings["a"]
    assert warning.stage == "render" and "KeyError" in warning.message
    assert not (tmp_path / "articles" / "a" / "index.html").exists()
    strict = ChangedOnlyWriter(str(tmp_path), settings={"DIGEST_STRICT": True})
    with pytest.raises(KeyError):
        strict.write_file("articles/a/index.html", _Broken(), {}, article=page)


def test_outputs_are_replaced_whole_and_leave_no_temporary(tmp_path):
    from news_digest.site.writer import write_bytes_if_changed, write_chunks_if_changed

    target = tmp_path / "digest.json"
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    assert write_chunks_if_changed(target, iter(["{", "}"]))
    assert target.read_text(encoding="utf-8") == "{}" and target.stat().st_ino != inode
    assert write_bytes_if_changed(tmp_path / "sitemap.xml", b"<urlset/>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.json", "sitemap.xml"]


def test_feeds_are_titled_and_declared_in_their_language(tmp_path):
    from types import SimpleNamespace

    from news_digest.site.feed_meta import feed_lang
    from news_digest.site.writer import ChangedOnlyWriter

    settings = {"SITENAME": "موجز الأخبار", "SITENAME_EN": "News Digest", "FEED_MAX_ITEMS": 5}
    writer = ChangedOnlyWriter(str(tmp_path), settings={**settings, "DEFAULT_LANG": "ar"})
    context = {**settings, "SITEURL": "", "FEED_DOMAIN": "http://x"}
    assert feed_lang([SimpleNamespace(lang="en")], settings) == "en"
    feed = writer.write_feed([], context, None)  # no articles: the default language
    assert (feed.feed["title"], feed.feed["language"]) == ("موجز الأخبار", "ar")
    writer._feed_lang = "en"
    feed = writer._create_new_feed("atom", None, context)
    assert (feed.feed["title"], feed.feed["language"]) == ("News Digest", "en")
    assert feed.feed["subtitle"].startswith("A structured digest")
