"""digest.json: the machine-readable record of everything the plugin extracted.

The schema is documented in docs/digest-json.md; keys are only ever added, never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .models import Document
from .pipeline import Digest, DigestArticle

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


def article_record(article: DigestArticle, urls: Mapping[str, str]) -> dict[str, Any]:
    record = document_record(article.doc)
    record["slug"] = article.slug
    record["urls"] = dict(urls)
    return _ordered(record)


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    head = ("id", "source_file", "slug", "urls", "title")
    return {**{k: record[k] for k in head}, **{k: v for k, v in record.items() if k not in head}}


def digest_record(digest: Digest, url_for: UrlFor) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [article_record(a, url_for(a)) for a in digest.articles],
        "skipped": [{"source_file": s.source_file, "reason": s.reason} for s in digest.skipped],
    }


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def to_json(record: Mapping[str, Any]) -> str:
    """Stable text (same record, same bytes) with <, > and & escaped: safe to inline anywhere."""
    return json.dumps(record, ensure_ascii=False, indent=2).translate(_HTML_SAFE) + "\n"
