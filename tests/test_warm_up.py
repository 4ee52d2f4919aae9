"""The warm-up before worker processes fork: an article of ours that takes every stage through
its tables and models, loaded once in the parent."""

from __future__ import annotations

import multiprocessing

import pytest
from news_digest.analysis.entities.decoder import load_scorer
from news_digest.analysis.entities.resolution import _person_english
from news_digest.analysis.entities.romanize import model_spelling, romanize_name, spell_token
from news_digest.ingest.structure import build_document
from news_digest.pipeline import _WARM_UP_TEXT, _warm_up, analyze_contained


def test_the_warm_up_article_reaches_every_kind_of_table() -> None:
    analysis = analyze_contained(build_document("warm-up", _WARM_UP_TEXT), 3)
    spelled = {e.type: set() for e in analysis.entities.entities}
    for entity in analysis.entities.entities:
        spelled[entity.type].add(entity.spelled)
    assert {"listed", "guessed"} <= spelled["person"]  # the gazetteer and the name model
    assert "place" in spelled and "organization" in spelled
    assert analysis.quotes and analysis.figures
    assert not analysis.warnings


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers are forked only on fork"
)
def test_warm_up_loads_the_models_in_this_process() -> None:
    # The name caches above the model too: a name spelled before never reaches it.
    for cache in (load_scorer, spell_token, model_spelling, romanize_name, _person_english):
        cache.cache_clear()
    _warm_up(3)
    assert load_scorer.cache_info().currsize == 1
    assert model_spelling.cache_info().currsize >= 1
