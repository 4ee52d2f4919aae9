"""The project's promises about itself: README commands, CI script, seeds, licence."""

from __future__ import annotations

import re

from sitecheck import ROOT

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_readme_has_exactly_two_setup_commands():
    build, test = readme_commands()
    assert build.endswith("pelican content")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_word_for_word():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in script.splitlines()


def test_seeds_are_byte_identical_to_the_shared_seeds():
    if not SHARED_SEEDS.is_dir():
        import pytest

        pytest.skip(f"{SHARED_SEEDS} not present")
    for shared in SHARED_SEEDS.glob("*.txt"):
        assert (ROOT / "seeds" / shared.name).read_bytes() == shared.read_bytes()


def test_licence_is_agpl():
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_output_and_caches_are_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {"output/", "cache/"} <= set(ignored)


def test_cli_prints_digest_records(tmp_path):
    import json
    import subprocess
    import sys

    seed = ROOT / "seeds" / "003_aabd1932eb51134b.txt"
    result = subprocess.run(
        [sys.executable, "-m", "news_digest", "analyze", str(seed), str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0 and "no such file" in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "news_digest", "analyze", str(seed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    (article,) = record["articles"]
    assert article["id"] == "003_aabd1932eb51134b"
    assert article["urls"] == {
        "ar": "articles/003-aabd1932eb51134b/",
        "en": "en/articles/003-aabd1932eb51134b/",
    }
    assert len(article["paragraphs"]) == 12


def test_code_is_ruff_clean():
    import subprocess
    import sys

    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
