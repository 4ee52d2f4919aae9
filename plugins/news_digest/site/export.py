"""digest.json: the machine-readable record of everything the plugin extracted.

The schema is documented in docs/digest-json.md; keys are only ever added, never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from ..digest import Digest, DigestArticle
from ..linking.link import LinkResult
from ..models import Document

SCHEMA_VERSION = 1

UrlFor = Callable[[DigestArticle], Mapping[str, str]]


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source_file": doc.source_file,
        "encoding": doc.encoding,
        "content_hash": doc.content_hash,
        "title": {"ar": doc.title, "en": None},
        "title_derived": doc.title_derived,
        "date": doc.meta.date.isoformat() if doc.meta.date else None,
        "source": doc.meta.source,
        "url": doc.meta.url,
        "category": doc.meta.category,
        "paragraphs": list(doc.paragraphs),
        "sentences": [{"text": s.text, "paragraph": s.paragraph} for s in doc.sentences],
        "read_also": list(doc.read_also),
    }


def analysis_record(article: DigestArticle) -> dict[str, Any]:
    """The structured summary: what the analysis stages found, as plain JSON values."""
    analysis, doc = article.analysis, article.doc
    return {
        "summary": [doc.sentences[i].text for i in analysis.summary.sentences],
        "summary_sentence_indices": list(analysis.summary.sentences),
        "key_points": list(analysis.summary.key_points),
        "entities": entity_records(doc, analysis.entities),
        "dateline": _dateline(analysis.entities.dateline),
        "figures": [asdict(f) for f in analysis.figures],
        "quotes": [_quote(q) for q in analysis.quotes],
        "sources": [{"ar": s.ar, "en": s.en, "key": s.key} for s in analysis.sources],
        "claims": [asdict(c) for c in analysis.claims],
        "english": asdict(analysis.english),
    }


def sentence_offsets(doc: Document) -> list[int]:
    """Where each sentence starts in its paragraph (sentences are verbatim, in order)."""
    offsets, cursor = [], {}
    for sentence in doc.sentences:
        paragraph = doc.paragraphs[sentence.paragraph]
        at = paragraph.find(sentence.text, cursor.get(sentence.paragraph, 0))
        at = max(at, 0)
        cursor[sentence.paragraph] = at + len(sentence.text)
        offsets.append(at)
    return offsets


def entity_records(doc: Document, result) -> list[dict[str, Any]]:
    """Each entity with its mentions: paragraph index, character offsets in that paragraph and
    the surface text, so a reader can see where every name came from."""
    offsets = sentence_offsets(doc)
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in result.mentions:
        sentence = doc.sentences[m.sentence]
        start, end = offsets[m.sentence] + m.start, offsets[m.sentence] + m.end
        paragraph = sentence.paragraph
        mentions.setdefault(m.key, []).append(
            {
                "paragraph": paragraph,
                "start": start,
                "end": end,
                "text": doc.paragraphs[paragraph][start:end],
            }
        )
    return [{**_entity(e), "mentions": mentions.get(e.key, [])} for e in result.entities]


def _dateline(dateline) -> dict[str, Any] | None:
    """The filing place and outlet that open the body (not places the story is about)."""
    if dateline is None:
        return None
    return {
        "text_end": dateline.end,
        "place": dateline.place and {"ar": dateline.place, "key": dateline.place_key,
                                     "en": dateline.place_en},
        "outlet": dateline.outlet and {"ar": dateline.outlet, "en": dateline.outlet_en},
    }  # fmt: skip


def _entity(entity) -> dict[str, Any]:
    keys = ("key", "text", "type", "en", "spelled", "count", "roles", "roles_en")
    return {k: list(v) if isinstance(v := getattr(entity, k), tuple) else v for k in keys}


def _quote(quote) -> dict[str, Any]:
    keys = ("speaker", "speaker_en", "role", "role_en", "text", "direct", "sentence")
    return {k: getattr(quote, k) for k in keys}


def article_record(
    article: DigestArticle, urls: Mapping[str, str], extra_warnings: Iterable[Any] = ()
) -> dict[str, Any]:
    record = document_record(article.doc)
    record["slug"] = article.slug
    record["urls"] = dict(urls)
    record["title"]["en"] = article.analysis.english.title
    record.update(analysis_record(article))
    record["warnings"] = warnings_record((*article.warnings, *extra_warnings))
    return _ordered(record)


def warnings_record(warnings: Iterable[Any]) -> list[dict[str, str]]:
    """isolation.StageWarning records as JSON: what failed or was repaired, in stage order."""
    return [{"stage": w.stage, "message": w.message} for w in warnings]


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    head = ("id", "source_file", "slug", "urls", "title")
    return {**{k: record[k] for k in head}, **{k: v for k, v in record.items() if k not in head}}


def links_record(article_id: str, links: LinkResult) -> dict[str, Any]:
    """Where the article sits in the corpus: related, copies, story, read-also targets."""
    return {
        "related": [
            {"id": r.id, "score": r.score, "shared": list(r.shared)}
            for r in links.related.get(article_id, ())
        ],
        "duplicate_of": links.duplicate_of.get(article_id),
        "also_reported_by": list(links.also_reported_by.get(article_id, ())),
        "story": links.story_of.get(article_id),
        "read_also_links": list(links.read_also_links.get(article_id, ())),
    }


def stories_record(digest: Digest) -> list[dict[str, Any]]:
    return [
        {
            "key": s.key,
            "title": s.title,
            "articles": list(s.article_ids),
            "sources": list(s.sources),
            "entities": list(s.entities),
        }
        for s in digest.links.stories
    ]


def entities_record(digest: Digest) -> list[dict[str, Any]]:
    return [
        {
            "key": e.key,
            "type": e.type,
            "text": e.text,
            "en": e.en,
            "mentions": e.mentions,
            "articles": [{"id": i, "count": c} for i, c in e.articles],
            "cooccurring": [{"key": k, "articles": n} for k, n in e.cooccurring],
            "page": digest.index.has_page(e.key),
        }
        for e in digest.index.entities.values()
    ]


def sources_record(digest: Digest) -> list[dict[str, Any]]:
    return [asdict(s) for s in digest.index.sources.values()]


def machine_translation_record(article: DigestArticle) -> dict[str, Any] | None:
    """The article's machine translations, null for a text the model gave no line."""
    found = article.machine_translation
    if found is None:
        return None

    def lines(texts: tuple[str, ...]) -> list[str | None]:
        return [text or None for text in texts]

    return {
        "model": found.model,
        "identity": found.identity,
        "title": found.title or None,
        "summary": lines(found.summary),
        "key_points": lines(found.key_points),
        "quotes": lines(found.quotes),
        "claims": lines(found.claims),
    }


def _articles_record(
    digest: Digest, url_for: UrlFor, later: Mapping[str, Sequence[Any]]
) -> Iterator[dict[str, Any]]:
    for article in digest.articles:
        record = article_record(article, url_for(article), later.get(article.doc.id, ()))
        record.update(links_record(article.doc.id, digest.links))
        # Only in a build with a model, so a build without one writes the same bytes as before.
        if digest.translation_model is not None:
            record["machine_translation"] = machine_translation_record(article)
        yield record


def digest_fields(
    digest: Digest, url_for: UrlFor, later: Mapping[str, Sequence[Any]] | None = None
) -> dict[str, Any]:
    """The digest record with its article list left lazy, for json_chunks to stream.
    ``later``: warnings per article id from after the digest was built (page rendering)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": _articles_record(digest, url_for, later or {}),
        "skipped": [{"source_file": s.source_file, "reason": s.reason} for s in digest.skipped],
        "stories": stories_record(digest),
        "entities": entities_record(digest),
        "sources": sources_record(digest),
    }


def digest_record(digest: Digest, url_for: UrlFor) -> dict[str, Any]:
    fields = digest_fields(digest, url_for)
    fields["articles"] = list(fields["articles"])
    return fields


def html_safe_json(text: str) -> str:
    """`<`, `>` and `&` as JSON escapes: the same data for any JSON reader, but seed text can
    never close a <script> or be taken for markup."""
    # str.replace, not str.translate: translate goes through a dict per character, 10x slower
    # on a large digest.json.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _dumps(value: Any) -> str:
    # No indent: only then does json use its C encoder, several times faster on a large digest.
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def json_chunks(record: Mapping[str, Any]) -> Iterator[str]:
    """Stable text (same record, same bytes) with <, > and & escaped: safe to inline anywhere.

    One top-level key per line and each item of a top-level list on its own line: a changed
    article is a changed line in a diff, and grep finds one article's whole record. A list
    value may be any iterator, so a large digest is written without being held in memory."""
    yield "{"
    for n, (key, value) in enumerate(record.items()):
        yield ("\n" if not n else ",\n") + html_safe_json(_dumps(key)) + ": "
        if isinstance(value, list | Iterator):
            yield from _list_chunks(value)
        else:
            yield html_safe_json(_dumps(value))
    yield "\n}\n"


def _list_chunks(items: Iterable[Any]) -> Iterator[str]:
    opened = False
    for item in items:
        yield ("[\n  " if not opened else ",\n  ") + html_safe_json(_dumps(item))
        opened = True
    yield "\n]" if opened else "[]"


def to_json(record: Mapping[str, Any]) -> str:
    """json_chunks as one string."""
    return "".join(json_chunks(record))
