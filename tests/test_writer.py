"""ChangedOnlyWriter: unchanged output is not rewritten; Pelican's overwrite rules still hold."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from news_digest.site.writer import ChangedOnlyWriter, get_writer, write_bytes_if_changed
from pelican.writers import FileOverwriteFailedError
from sitecheck import ROOT, build, snapshot

ARABIC = "أعلنت وزارة الزراعة اليوم عن برنامج جديد لدعم صغار المزارعين في المحافظات الجنوبية."
EXTRA_SEEDS = {
    "w_farm.txt": f"برنامج لدعم المزارعين\n\n{ARABIC} وقال الوزير إن البرنامج يبدأ الشهر المقبل.",
    "w_port.txt": (
        "افتتاح ميناء جديد\n\nافتتح رئيس الوزراء ميناء تجاريا جديدا على الساحل الشمالي "
        "بكلفة بلغت مئتي مليون دولار، وقال إن الميناء سيوفر آلاف فرص العمل."
    ),
}
# Outputs every article change may touch: listings, feeds, exports and the search index.
SHARED_OUTPUTS = ("index", "en/index", "feeds/", "digest.json", "sitemap.xml", "pagefind/")
# Not written through the Writer: Pelican's StaticGenerator copies theme files on every build
# (shutil.copyfile, new mtimes). The Pagefind bundle (search.py) is synced and so included.
NOT_WRITER = ("theme/",)


def _writer(tmp_path: Path) -> ChangedOnlyWriter:
    return ChangedOnlyWriter(str(tmp_path), settings={})


def test_identical_bytes_are_not_rewritten(tmp_path):
    page = tmp_path / "a" / "index.html"
    assert write_bytes_if_changed(page, "نص".encode())
    before = page.stat().st_mtime_ns
    assert not write_bytes_if_changed(page, "نص".encode())
    assert page.stat().st_mtime_ns == before
    assert write_bytes_if_changed(page, "نص آخر".encode())
    assert page.read_bytes() == "نص آخر".encode()


def test_writer_records_written_and_unchanged(tmp_path):
    path = str(tmp_path / "page.html")
    writer = _writer(tmp_path)
    with writer._open_w(path, "utf-8") as handle:
        handle.write("<p>مرحبا</p>")
    again = _writer(tmp_path)
    with again._open_w(path, "utf-8") as handle:
        handle.write("<p>مرحبا</p>")
    assert writer.stats.written == {path}
    assert again.stats.unchanged == {path} and not again.stats.written


def test_overwrite_protection_is_kept(tmp_path):
    path = str(tmp_path / "page.html")
    writer = _writer(tmp_path)
    with writer._open_w(path, "utf-8") as handle:
        handle.write("first")
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(path, "utf-8")
    with writer._open_w(path, "utf-8", override=True) as handle:
        handle.write("override")
    with writer._open_w(path, "utf-8") as handle:  # after an override: silently skipped
        handle.write("ignored")
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(path, "utf-8", override=True)
    assert Path(path).read_text(encoding="utf-8") == "override"


def test_failed_render_keeps_the_old_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("good", encoding="utf-8")
    with pytest.raises(RuntimeError), _writer(tmp_path)._open_w(str(page), "utf-8") as handle:
        handle.write("half a pa")
        raise RuntimeError("template failed")
    assert page.read_text(encoding="utf-8") == "good"


def test_receiver_returns_the_class():
    assert get_writer(object()) is ChangedOnlyWriter


def _mtimes(site: Path) -> dict[str, int]:
    return {
        str(p.relative_to(site)): p.stat().st_mtime_ns
        for p in site.rglob("*")
        if p.is_file() and not str(p.relative_to(site)).startswith(NOT_WRITER)
    }


def _changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, mtime in after.items() if before.get(name) != mtime}


def _linking_to(site: Path, slug: str) -> set[str]:
    """Pages that link to an article: they may legitimately change with it (related links)."""
    needle = f"/articles/{slug}/"
    return {
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if needle in p.read_text(encoding="utf-8")
    }


def _build(seeds: Path, site: Path, cache: Path) -> None:
    result = build(seeds, site, cache=cache)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, seeds_dir) -> Path:
    folder = tmp_path_factory.mktemp("writer-seeds")
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for name, text in EXTRA_SEEDS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_rebuilds_rewrite_only_what_changed(tmp_path, seeds):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _build(seeds, site, cache)
    first = _mtimes(site)
    _build(seeds, site, cache)  # identical input: not one file may be touched
    assert _mtimes(site) == first

    # Only words the article already has: related-link scores are TF-IDF over the corpus, so a
    # new word would (rightly) change the scores shown on other articles' pages too.
    seed = seeds / "w_port.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + " وقال إن الميناء جديد.", "utf-8")
    _build(seeds, site, cache)

    own = {"articles/w-port/index.html", "en/articles/w-port/index.html"}
    changed = _changed(first, _mtimes(site))
    assert own <= changed
    others = changed - own - _linking_to(site, "w-port")
    assert {name for name in others if not name.startswith(SHARED_OUTPUTS)} == set()
    assert "articles/w-farm/index.html" not in changed


RENDER_LOG = re.compile(r"Pages: (\d+) written, (\d+) unchanged\s+\((\d+) of them")


def _pages_log(result) -> tuple[int, int, int]:
    found = RENDER_LOG.search(result.stdout + result.stderr)
    assert found, result.stdout + result.stderr
    return tuple(int(n) for n in found.groups())


@pytest.mark.slow
def test_incremental_rebuilds_equal_clean_builds(tmp_path, seeds):
    """Pages skipped by their key (page_keys.py) must be exactly what a clean build writes:
    after adding an article and after editing one that belongs to a story."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    for path in (ROOT / "tests" / "fixtures" / "story").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    added = folder / "w_port.txt"
    port = added.read_text(encoding="utf-8")
    added.unlink()
    site, cache = tmp_path / "site", tmp_path / "cache"
    _build(folder, site, cache)

    added.write_text(port, encoding="utf-8")
    result = build(folder, site, cache=cache, flags=("-v",))
    assert result.returncode == 0, result.stderr
    written, _, not_rendered = _pages_log(result)
    assert not_rendered > written  # most pages were not even rendered
    _build(folder, tmp_path / "clean-1", tmp_path / "cache-1")
    assert snapshot(site) == snapshot(tmp_path / "clean-1")

    story = sorted(folder.glob("flood_*.txt"))[1]
    story.write_text(story.read_text(encoding="utf-8") + "\nوقال مسؤول إن المياه انحسرت.", "utf-8")
    _build(folder, site, cache)
    _build(folder, tmp_path / "clean-2", tmp_path / "cache-2")
    assert snapshot(site) == snapshot(tmp_path / "clean-2")
