"""DIGEST_TRANSLATION_MODEL through whole `pelican content` builds, on a tiny model built here.

No mocks: the model is a real CTranslate2 Transformer with random weights and real SentencePiece
models (tests/tiny_mt.py), so loading, batching, caching, labelling and digest.json all run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tiny_mt
from news_digest.pipeline import build_digest
from news_digest.settings import DigestSettings
from sitecheck import _py, build

MODEL = "opus-mt-tiny-ar-en"
LABEL = f"Machine translation ({MODEL})"
# The one line translate_segments logs per build (shown with -v).
STATS = re.compile(
    r"Translation \((?P<model>[^)]+)\): (?P<segments>\d+) segments, (?P<distinct>\d+) distinct, "
    r"(?P<cached>\d+) cached, (?P<translated>\d+) translated"
)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    return tiny_mt.build_opus_mt(tmp_path_factory.mktemp("mt") / MODEL)


def run(seeds: Path, output: Path, cache: Path, model: Path, *extra: str):
    # One -e with every setting: sitecheck.build passes them all after a single flag.
    settings = [f"DIGEST_TRANSLATION_MODEL={_py(str(model))}", "DIGEST_SEARCH=false", *extra]
    with pytest.MonkeyPatch.context() as env:
        # Pelican's rich log wraps at the terminal width: keep each record on one line.
        env.setenv("COLUMNS", "400")
        return build(seeds, output, *settings, cache=cache, flags=("-v",))


def stats_of(result) -> dict[str, str]:
    [found] = STATS.finditer(result.stdout + result.stderr)
    return found.groupdict()


@pytest.fixture(scope="module")
def builds(tmp_path_factory, seeds_dir, tiny_model):
    """A cold build and a second one with the same CACHE_PATH into a fresh output folder."""
    base = tmp_path_factory.mktemp("mt-build")
    cache = base / "cache"
    cold = run(seeds_dir, base / "cold", cache, tiny_model)
    assert cold.returncode == 0, cold.stderr + cold.stdout
    warm = run(seeds_dir, base / "warm", cache, tiny_model)
    assert warm.returncode == 0, warm.stderr + warm.stdout
    return base, cold, warm


def test_the_english_page_labels_each_translated_block(builds, seeds_dir):
    base = builds[0]
    digest = json.loads((base / "cold" / "digest.json").read_text(encoding="utf-8"))
    for article in digest["articles"]:
        html = (base / "cold" / article["urls"]["en"] / "index.html").read_text("utf-8")
        mt = article["machine_translation"]
        blocks = [mt["title"]] + [
            k for k in ("summary", "key_points", "quotes", "claims") if any(mt[k])
        ]
        assert html.count(LABEL) == len([b for b in blocks if b])
        assert html.count('<details class="mt-original">') == sum(
            1 for k in ("summary", "key_points", "quotes", "claims") for line in mt[k] if line
        ) + bool(mt["title"])
        # The Arabic original of the title, one click away and marked as Arabic.
        assert f'<p lang="ar" dir="rtl">{article["title"]["ar"]}</p></details>' in html
        # The composed headline stays the page's h1.
        assert f"<h1>{article['title']['en']}</h1>" in html
        arabic = (base / "cold" / article["urls"]["ar"] / "index.html").read_text("utf-8")
        assert "Machine translation" not in arabic


def test_digest_json_carries_the_translations_with_the_model_name(builds):
    digest = json.loads((builds[0] / "cold" / "digest.json").read_text(encoding="utf-8"))
    assert digest["articles"]
    for article in digest["articles"]:
        mt = article["machine_translation"]
        assert mt["model"] == MODEL and mt["identity"].startswith(MODEL + "@")
        assert len(mt["summary"]) == len(article["summary"])
        assert len(mt["key_points"]) == len(article["key_points"])
        assert len(mt["quotes"]) == len(article["quotes"])
        assert len(mt["claims"]) == len(article["claims"])
        assert all(line is None or line.strip() for line in mt["summary"] + mt["quotes"])


def test_the_second_build_translates_nothing(builds):
    _, cold, warm = builds
    first, second = stats_of(cold), stats_of(warm)
    assert first["model"] == second["model"] == MODEL
    assert int(first["translated"]) == int(first["distinct"]) > 0
    assert first["cached"] == "0"
    assert second["segments"] == first["segments"]
    assert second["cached"] == second["distinct"] == first["distinct"]
    assert second["translated"] == "0"
    base = builds[0]
    cold_json = (base / "cold" / "digest.json").read_bytes()
    assert (base / "warm" / "digest.json").read_bytes() == cold_json


def test_without_digest_cache_nothing_is_kept(tmp_path, seeds_dir, tiny_model):
    result = run(seeds_dir, tmp_path / "out", tmp_path / "cache", tiny_model, "DIGEST_CACHE=false")
    assert result.returncode == 0, result.stderr
    assert stats_of(result)["cached"] == "0"
    assert not (tmp_path / "cache" / "translations").exists()


def test_a_broken_model_folder_is_one_warning_and_strict_fails(tmp_path, seeds_dir, tiny_model):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "source.spm").write_bytes((tiny_model / "source.spm").read_bytes())
    result = run(seeds_dir, tmp_path / "out", tmp_path / "cache", broken)
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    warnings = [line for line in log.splitlines() if "WARNING" in line and str(broken) in line]
    assert len(warnings) == 1 and "missing model.bin" in warnings[0]
    digest = (tmp_path / "out" / "digest.json").read_text(encoding="utf-8")
    assert "machine_translation" not in digest
    strict = run(seeds_dir, tmp_path / "out2", tmp_path / "cache", broken, "DIGEST_STRICT=true")
    assert strict.returncode != 0
    assert str(broken) in strict.stdout + strict.stderr


def test_the_model_replaces_the_translator_hook(tmp_path, seeds_dir, tiny_model, caplog):
    settings = DigestSettings.from_mapping(
        {
            "DIGEST_SEEDS_PATH": str(seeds_dir),
            "DIGEST_TRANSLATION_MODEL": str(tiny_model),
            "DIGEST_TRANSLATOR": "translator_stub.translate",
            "DIGEST_WORKERS": 1,
        }
    )
    with caplog.at_level("WARNING"):
        digest = build_digest(settings, translation_cache=tmp_path)
    assert digest.translation_model == MODEL
    assert all(a.analysis.english.translated_title is None for a in digest.articles)
    assert all(a.machine_translation is not None for a in digest.articles)
    assert any("DIGEST_TRANSLATOR" in r.getMessage() for r in caplog.records)
    assert (tmp_path / "translations").is_dir()
