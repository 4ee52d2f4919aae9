"""Per-article analysis: every extraction stage run on one Document, in dependency order.

entities first (quotes and claims attribute speakers through them), then the independent
stages, then the English brief composed from what they found. Pure and picklable, so it runs
in worker processes and its result can be cached by content hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from slugify import slugify

from ..ingest.isolation import StageWarning, safely
from ..models import Document
from .claims import Claim, extract_claims
from .english import EnglishBrief, Extracted, compose
from .entities import EntityResult, extract_entities
from .figures import Figure, extract_figures
from .quotes import Quote, extract_quotes, prepared_statements
from .sources import Source, extract_sources, load_outlets
from .summary import Summary, summarize


@dataclass(frozen=True)
class Analysis:
    summary: Summary
    entities: EntityResult
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    english: EnglishBrief
    warnings: tuple[StageWarning, ...] = ()  # stages that failed; their field is left empty


# What a failed stage leaves: its field empty, the rest of the article still published.
NO_ENTITIES = EntityResult((), ())
NO_SUMMARY = Summary((), ())
NO_ENGLISH = EnglishBrief(None, (), False, None, None, (), ())


@lru_cache(maxsize=1)
def outlet_keys() -> frozenset[str]:
    """Entity keys of news outlets (the gazetteer's scheme): cited sources, never actors."""
    return frozenset(f"organization/{slugify(outlet.en)}" for outlet in load_outlets())


def analyze(doc: Document, summary_sentences: int = 3) -> Analysis:
    """Every stage, each contained: one that raises leaves its field empty, with a warning."""
    warnings: list[StageWarning] = []

    def run(stage, fn, fallback):
        return safely(stage, doc.source_file, fn, fallback, warnings)

    entities = run("entities", lambda: extract_entities(doc), NO_ENTITIES)
    # quotes and claims read the same statements
    statements = run("statements", lambda: prepared_statements(doc, entities), [])
    figures = run("figures", lambda: extract_figures(doc), ())
    quotes = run("quotes", lambda: extract_quotes(doc, entities, statements), ())
    claims = run("claims", lambda: extract_claims(doc, entities, statements), ())
    extracted = Extracted(quotes, figures, claims)
    return Analysis(
        summary=run("summary", lambda: summarize(doc, summary_sentences), NO_SUMMARY),
        entities=entities,
        figures=figures,
        quotes=quotes,
        sources=run("sources", lambda: extract_sources(doc), ()),
        claims=claims,
        english=run(
            "english", lambda: compose(doc, entities, set(outlet_keys()), extracted), NO_ENGLISH
        ),
        warnings=tuple(warnings),
    )
