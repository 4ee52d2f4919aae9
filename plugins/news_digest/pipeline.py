"""The whole digest, stage by stage: ingest -> structure -> analysis -> linking.

Pelican-free, so the command line, the tests and the benchmarks run exactly what the build runs.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from slugify import slugify

from .analysis.article import Analysis, analyze
from .analysis.english import load_translator, translate
from .analysis.machine_translation import MachineTranslation, translate_articles
from .analysis.translation import load_translator_or_none
from .cache import AnalysisCache
from .digest import Digest, DigestArticle
from .ingest.isolation import StageWarning, describe, safely
from .ingest.metadata import HeaderSplit, load_sidecar, merge, meta_from_fields, split_header
from .ingest.seeds import SeedText, ingest_files, ingest_folder
from .ingest.structure import build_document
from .linking.entity_index import IndexInput, build_index
from .linking.link import LinkInput, LinkResult, LinkSettings, link
from .models import Document, SeedMeta, Skipped
from .progress import stage
from .settings import DigestSettings

logger = logging.getLogger(__name__)


# Below this many uncached documents, starting worker processes costs more than it saves.
PARALLEL_MIN_DOCS = 64
# An article of our own that takes every analysis stage through its tables and models (a listed
# and an unlisted person, a place, a quotation, a figure): see ``_warm_up``.
_WARM_UP_TEXT = (
    "وزير الخارجية يلتقي نظيره في القاهرة\n\n"
    "وأكد سامح شكري، وزير الخارجية المصري، أن محادثاته مع الوزير كرزوفيل مانتيسكو في القاهرة كانت "
    '"مثمرة جدا وصريحة"، مضيفا أن قيمة الاتفاقات تبلغ 5 ملايين دولار، حسب ما ذكرت وكالة رويترز.'
)


def link_inputs(articles: Sequence[DigestArticle]) -> list[LinkInput]:
    return [
        LinkInput(
            id=a.doc.id,
            title=a.doc.title,
            text=a.doc.text,
            date=a.doc.meta.date,
            source=a.doc.meta.source,
            entities=tuple((e.key, e.type, e.count) for e in a.analysis.entities.entities),
            entity_names={e.key: (e.text, e.en) for e in a.analysis.entities.entities},
            read_also=a.doc.read_also,
        )
        for a in articles
    ]


def index_inputs(articles: Sequence[DigestArticle], links: LinkResult) -> list[IndexInput]:
    """Kept articles only: a near-duplicate copy would count its agency story twice."""
    return [
        IndexInput(a.doc.id, a.analysis.entities.entities, a.analysis.sources, a.doc.meta.source)
        for a in articles
        if a.doc.id not in links.duplicate_of
    ]


def document_from_seed(
    seed: SeedText,
    sidecar: SeedMeta | None = None,
    warnings: list[StageWarning] | None = None,
) -> Document:
    """Structure one decoded seed: header block, sidecar metadata, then the text itself.

    A failing metadata step costs the metadata only (noted in ``warnings``); a failing
    structure step raises, and the caller skips the seed."""
    name = seed.source_file
    header = safely("metadata", name, lambda: split_header(seed.text), None, warnings)
    if header is None:
        header = HeaderSplit({}, seed.text)
    meta = safely(
        "metadata", name, lambda: meta_from_fields(header.fields, name), SeedMeta(), warnings
    )
    if sidecar is not None:
        meta = merge(meta, sidecar)
    return build_document(
        seed.id,
        header.body,
        meta=meta,
        source_file=seed.source_file,
        content_hash=seed.content_hash,
        encoding=seed.encoding,
    )


def assign_slugs(ids: list[str]) -> dict[str, str]:
    """Stable, URL-safe slugs from seed ids; clashes get -2, -3 … in id order."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in sorted(ids):
        base = slugify(doc_id, max_length=80) or "article"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[doc_id] = slug
    return slugs


def analyze_contained(doc: Document, summary_sentences: int) -> Analysis | str:
    """analyze(), or the error as text when something outside its stages fails (the caller
    skips the seed): a worker process must never take the build down with it."""
    try:
        return analyze(doc, summary_sentences)
    except Exception as err:  # analyze contains each stage; this is the last line
        return describe(err)


def _analyze_many(docs: Sequence[Document], summary_sentences: int, workers: int) -> list:
    """Analyse documents, over worker processes when there are enough to pay for them."""
    work = partial(analyze_contained, summary_sentences=summary_sentences)
    results: list[Analysis] = []
    with stage("Analysing articles", len(docs)) as advance:
        if workers < 2 or len(docs) < PARALLEL_MIN_DOCS:
            for doc in docs:
                results.append(work(doc))
                advance(1)
            return results
        chunk = max(1, min(64, len(docs) // (workers * 8)))
        _warm_up(summary_sentences)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(work, docs, chunksize=chunk):
                results.append(result)
                advance(1)
    return results


def _warm_up(summary_sentences: int) -> None:
    """Loads every stage's tables and models here, once, when worker processes are forked
    from this one: they start with them instead of each loading its own (about 0.9 s of CPU
    per worker on a 2-core build). Nothing of the article is kept."""
    if multiprocessing.get_start_method(allow_none=False) != "fork":
        return
    analyze_contained(build_document("warm-up", _WARM_UP_TEXT), summary_sentences)


def analyze_documents(
    docs: Sequence[Document], settings: DigestSettings, cache: AnalysisCache
) -> list[Analysis]:
    """Cached analyses where the text is unchanged; the rest computed (in parallel)."""
    settings_key = f"summary={settings.summary_sentences}"
    keys = [cache.key(doc, settings_key) for doc in docs]
    found = [_cached(cache, key) for key in keys]
    missing = [i for i, hit in enumerate(found) if hit is None]
    fresh = _analyze_many([docs[i] for i in missing], settings.summary_sentences, settings.workers)
    for i, analysis in zip(missing, fresh, strict=True):
        found[i] = analysis
        if isinstance(analysis, Analysis):
            cache.put(keys[i], analysis)
    logger.info("Analysis: %d cached, %d computed", len(docs) - len(missing), len(missing))
    return found


def _cached(cache: AnalysisCache, key: str) -> Analysis | None:
    hit = cache.get(key)
    if hit is not None and not isinstance(hit, Analysis):
        logger.warning("Ignoring cache entry %s: not an analysis result", key[:12])
        return None
    return hit


def apply_translator(
    docs: Sequence[Document], analyses: list[Analysis], dotted: str | None
) -> list[Analysis]:
    """Add DIGEST_TRANSLATOR's title and summary to each English brief (never cached)."""
    translator = load_translator(dotted)
    if translator is None:
        return analyses
    out = []
    for doc, analysis in zip(docs, analyses, strict=True):
        summary = [doc.sentences[i].text for i in analysis.summary.sentences]
        brief = safely(
            "translation",
            doc.source_file,
            lambda: translate(analysis.english, doc.title, summary, translator),  # noqa: B023
            analysis.english,
        )
        out.append(replace(analysis, english=brief))
    return out


def machine_translations(
    docs: Sequence[Document],
    analyses: list[Analysis],
    settings: DigestSettings,
    translation_cache: Path | None,
) -> tuple[str | None, list[MachineTranslation | None], list[Analysis]]:
    """(model name, one record per article, analyses): DIGEST_TRANSLATION_MODEL when it loads;
    otherwise the DIGEST_TRANSLATOR hook, as before. Never both: two translations of one text
    side by side would only confuse the reader."""
    translator = load_translator_or_none(
        settings.translation_model, settings.workers, settings.strict
    )
    if translator is None:
        return None, [None] * len(docs), apply_translator(docs, analyses, settings.translator)
    if settings.translator:
        logger.warning("DIGEST_TRANSLATOR %s unused: the model translates", settings.translator)
    records, _ = translate_articles(translator, translation_cache, docs, analyses)
    return translator.name, records, analyses


def build_digest(
    settings: DigestSettings,
    cache: AnalysisCache | None = None,
    translation_cache: Path | None = None,
) -> Digest:
    """``translation_cache``: the folder (CACHE_PATH) machine translations are kept under."""
    ingested = ingest_folder(settings.seeds_path, settings.max_seed_bytes)
    return _digest_from(ingested.seeds, ingested.skipped, settings, cache, translation_cache)


def build_digest_from_files(
    paths: list[Path],
    settings: DigestSettings,
    cache: AnalysisCache | None = None,
    translation_cache: Path | None = None,
) -> Digest:
    ingested = ingest_files(paths, settings.max_seed_bytes)
    return _digest_from(ingested.seeds, ingested.skipped, settings, cache, translation_cache)


def _digest_from(
    seeds: tuple[SeedText, ...],
    skipped: tuple[Skipped, ...],
    settings: DigestSettings,
    cache: AnalysisCache | None,
    translation_cache: Path | None = None,
) -> Digest:
    sidecar, skipped = _sidecar(settings, skipped)
    structured = [structure_seed(seed, sidecar.get(seed.id)) for seed in seeds]
    skipped += tuple(s for s in structured if isinstance(s, Skipped))
    docs = [d for d in structured if not isinstance(d, Skipped)]
    analyses = analyze_documents([d.doc for d in docs], settings, cache or AnalysisCache(None))
    for d, analysis in zip(docs, analyses, strict=True):
        if isinstance(analysis, str):
            skipped += (_skip(d.doc.source_file, f"analysis failed: {analysis}"),)
    kept = [(d, a) for d, a in zip(docs, analyses, strict=True) if isinstance(a, Analysis)]
    kept_docs = [d.doc for d, _ in kept]
    model, translated, analyses = machine_translations(
        kept_docs, [a for _, a in kept], settings, translation_cache
    )
    slugs = assign_slugs([doc.id for doc in kept_docs])
    articles = tuple(
        DigestArticle(d.doc, slugs[d.doc.id], analysis, d.warnings + analysis.warnings, machine)
        for (d, _), analysis, machine in zip(kept, analyses, translated, strict=True)
    )
    skipped = tuple(sorted(skipped, key=lambda s: s.source_file))
    links = link(link_inputs(articles), LinkSettings(related_max=settings.related_max))
    index = build_index(index_inputs(articles, links), settings.entity_page_min_articles)
    logger.info(
        "Digest: %d articles (%d near-duplicates), %d stories, %d entities; %d seeds skipped",
        len(articles),
        len(links.duplicate_of),
        len(links.stories),
        len(index.entities),
        len(skipped),
    )
    return Digest(articles, skipped, links, index, model)


@dataclass(frozen=True)
class Structured:
    """A seed's Document with the warnings of the steps that made it."""

    doc: Document
    warnings: tuple[StageWarning, ...]


def structure_seed(seed: SeedText, sidecar: SeedMeta | None) -> Structured | Skipped:
    """document_from_seed, contained: a seed whose structure step fails is skipped."""
    warnings = list(seed.warnings)
    try:
        doc = document_from_seed(seed, sidecar, warnings)
    except Exception as err:  # one seed's defect must not stop the build
        return _skip(seed.source_file, f"structure failed: {describe(err)}")
    return Structured(doc, tuple(warnings))


def _sidecar(
    settings: DigestSettings, skipped: tuple[Skipped, ...]
) -> tuple[dict[str, SeedMeta], tuple[Skipped, ...]]:
    """The sidecar's rows; an unreadable sidecar is listed under skipped and ignored."""
    path = settings.metadata_csv
    try:
        return load_sidecar(path), skipped
    except Exception as err:  # a broken CSV costs its metadata, never the articles
        assert path is not None  # load_sidecar reads nothing without a path
        return {}, (*skipped, _skip(path.name, f"metadata CSV ignored: {describe(err)}"))


def _skip(source_file: str, reason: str) -> Skipped:
    logger.warning("Skipping seed %s: %s", source_file, reason)
    return Skipped(source_file, reason)
