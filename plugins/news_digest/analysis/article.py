"""Per-article analysis: every extraction stage run on one Document, in dependency order.

entities first (quotes and claims attribute speakers through them), then the independent
stages, then the English brief composed from what they found. Pure and picklable, so it runs
in worker processes and its result can be cached by content hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from slugify import slugify

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


@lru_cache(maxsize=1)
def outlet_keys() -> frozenset[str]:
    """Entity keys of news outlets (the gazetteer's scheme): cited sources, never actors."""
    return frozenset(f"organization/{slugify(outlet.en)}" for outlet in load_outlets())


def analyze(doc: Document, summary_sentences: int = 3) -> Analysis:
    entities = extract_entities(doc)
    statements = prepared_statements(doc, entities)  # quotes and claims read the same ones
    figures = extract_figures(doc)
    quotes = extract_quotes(doc, entities, statements)
    claims = extract_claims(doc, entities, statements)
    return Analysis(
        summary=summarize(doc, summary_sentences),
        entities=entities,
        figures=figures,
        quotes=quotes,
        sources=extract_sources(doc),
        claims=claims,
        english=compose(doc, entities, set(outlet_keys()), Extracted(quotes, figures, claims)),
    )
