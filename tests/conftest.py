"""Shared fixtures: the plugin on sys.path, the seeds, and the optional shared corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus, or a skip with the reason when this checkout has none beside it."""
    if not CORPUS.is_dir():
        pytest.skip(
            f"research corpus not found at {CORPUS}; place ../shared/corpus beside the repo"
        )
    return CORPUS


@pytest.fixture(scope="session")
def site_seeds(tmp_path_factory, seeds_dir) -> Path:
    """The seeds plus three dated articles of our own about one event, so the site has a story."""
    import shutil

    folder = tmp_path_factory.mktemp("site-seeds")
    for path in [*seeds_dir.glob("*.txt"), *(ROOT / "tests" / "fixtures" / "story").glob("*.txt")]:
        shutil.copy(path, folder / path.name)
    return folder


# Hypothesis budgets (tests/test_fuzz.py). "ci", the default: a fixed, deterministic run that
# keeps the suite fast. "long": HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
def _hypothesis_profiles() -> None:
    import os

    from hypothesis import HealthCheck, settings

    slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    settings.register_profile(
        "ci", max_examples=40, derandomize=True, deadline=None, suppress_health_check=slow
    )
    settings.register_profile(
        "long", max_examples=2000, derandomize=False, deadline=None, suppress_health_check=slow
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
