"""Evaluate the corpus-level linking step against ../shared/corpus (research licence: read only).

    python eval/linking.py                      # everything, scale at 2,500/5,000/10,000
    python eval/linking.py --limit 500 --scale ''   # quick run, no scale measurement
    python eval/linking.py --split a --scale ''     # ant_multisource half "a" only (tuning half)

Measures (targets in brackets):
- ant_multisource: share of top-3 related links whose article has the same category (>= 0.90),
  with coverage (share of articles with at least one related link, links per article) since a
  higher ``min_score`` trades coverage for agreement. Printed alongside, as diagnostics of label
  noise: the same share with middleEast = internationalNews, the share among links between two
  articles of the same outlet (one outlet's own taxonomy), the share among detected
  near-duplicate pairs (the same text: the most a perfect linker could reach), and a sample of
  off-category links. ``--split a`` / ``--split b`` link one fixed random half (seed 0) of
  ant_multisource only: parameters are tuned on "a" and reported on "b" too;
- saudinewsnet: recall of gold near-duplicate pairs (>= 0.95) and a printed sample of detected
  pairs for precision by reading (>= 0.95). Gold pair: two articles from DIFFERENT outlets whose
  bodies both have at least 20 tokens and the same first 20 tokens, tokens being
  ``news_digest.arabic.tokens`` (folded: no tashkeel/tatweel, hamza alefs->ا, ى->ي, ة->ه, ASCII
  digits; punctuation dropped). A gold pair is found when both articles end in the same
  duplicate group;
- stories: the 10 largest clusters of ant_multisource, titles and outlets, for a reader to judge;
- scale: link() on 2,500 / 5,000 / 10,000 articles (ant_multisource replicated; replica r of an
  article has id "<id>~r<r>" and the same text), each size in its own subprocess; wall time of
  link() alone and peak RSS (10,000 in < 30 s).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.arabic import tokens  # noqa: E402
from news_digest.linking.link import LinkInput, LinkResult, LinkSettings, link  # noqa: E402

logger = logging.getLogger(__name__)

CORPUS = ROOT.parent / "shared" / "corpus"
GOLD_WORDS = 20
SAMPLE_PAIRS = 40


@dataclass(frozen=True)
class Corpus:
    items: tuple[LinkInput, ...]
    category: dict[str, str]


def load(
    folder: Path, limit: int | None = None, with_entities: bool = False, split: str = ""
) -> Corpus:
    """LinkInputs from a corpus folder: line 1 title, line 2 blank, then the body."""
    with open(folder / "metadata.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    if split:
        rows = [r for r in rows if r["id"] in half(sorted(r["id"] for r in rows), split)]
    extract = entity_extractor() if with_entities else None
    items = []
    for row in rows:
        lines = (folder / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8").split("\n")
        body = "\n".join(lines[2:]).strip()
        item = LinkInput(
            id=row["id"],
            title=lines[0].strip(),
            text=body,
            date=datetime.strptime(row["date"], "%Y-%m-%d") if row.get("date") else None,
            source=row.get("source") or None,
            entities=(),
            entity_names={},
            read_also=(),
        )
        items.append(with_entities_of(item, extract) if extract else item)
    return Corpus(tuple(items), {r["id"]: r.get("category", "") for r in rows})


def half(ids: Sequence[str], which: str) -> set[str]:
    """One of two fixed halves of ``ids`` ("a" or "b"): a seeded shuffle, so both mix outlets,
    categories and days the way the whole corpus does."""
    shuffled = list(ids)
    random.Random(0).shuffle(shuffled)
    middle = len(shuffled) // 2
    return set(shuffled[:middle] if which == "a" else shuffled[middle:])


def entity_extractor():
    """``news_digest.analysis.entities.extract_entities`` when that module exists, else None."""
    try:
        from news_digest.analysis.entities import extract_entities  # type: ignore[import-not-found]
    except ImportError:
        logger.warning("news_digest.analysis.entities not available: linking without entities")
        return None
    return extract_entities


def with_entities_of(item: LinkInput, extract) -> LinkInput:
    """Fill entities with the lead's extractor; any mismatch of its API leaves them empty."""
    from news_digest.ingest.sentences import split_sentences
    from news_digest.models import Document, Sentence

    paragraphs = tuple(p for p in item.text.split("\n") if p.strip())
    sentences = tuple(
        Sentence(text, n) for n, para in enumerate(paragraphs) for text in split_sentences(para)
    )
    doc = Document(item.id, item.id + ".txt", item.title, False, paragraphs, sentences, ())
    try:
        found = extract(doc).entities
        entities = tuple((e.key, e.type, int(e.count)) for e in found)
        names = {e.key: (e.text, e.en) for e in found}
    except (AttributeError, TypeError, ValueError) as err:
        logger.warning("entity extraction failed for %s: %s", item.id, err)
        return item
    return replace(item, entities=entities, entity_names=names)


# AlArabiya files all foreign news under internationalNews (it has no middleEast section) and
# France24 most of it: the same event gets either label depending on the outlet.
MERGED = {"middleEast": "news", "internationalNews": "news"}


def category_precision(
    corpus: Corpus, result: LinkResult, top: int = 3, merge: bool = False
) -> tuple[float, int, int]:
    """Share of top-`top` related links within the same category; links and linked articles."""
    same = total = linked = 0
    cat = (
        corpus.category if not merge else {k: MERGED.get(v, v) for k, v in corpus.category.items()}
    )
    for art, rel in result.related.items():
        linked += bool(rel)
        for r in rel[:top]:
            total += 1
            same += cat[art] == cat[r.id]
    return (same / total if total else 0.0), total, linked


def same_outlet_precision(corpus: Corpus, result: LinkResult, top: int = 3) -> tuple[float, int]:
    """Top-`top` agreement among links whose two articles come from the same outlet."""
    source = {it.id: it.source for it in corpus.items}
    links = [(a, r.id) for a, rel in result.related.items() for r in rel[:top]]
    pairs = [(a, b) for a, b in links if source[a] == source[b]]
    same = sum(corpus.category[a] == corpus.category[b] for a, b in pairs)
    return (same / len(pairs) if pairs else 0.0), len(pairs)


def duplicate_agreement(corpus: Corpus, result: LinkResult) -> tuple[float, int]:
    """Category agreement among detected near-duplicate pairs (one text, several labels)."""
    pairs = detected_pairs(result)
    same = sum(corpus.category[a] == corpus.category[b] for a, b in pairs)
    return (same / len(pairs) if pairs else 0.0), len(pairs)


def print_off_category(corpus: Corpus, result: LinkResult, count: int = 10) -> None:
    by_id = {it.id: it for it in corpus.items}
    cat = corpus.category
    links = [(a, r) for a, rel in sorted(result.related.items()) for r in rel[:3]]
    off = [(a, r) for a, r in links if cat[a] != cat[r.id]]
    sample = random.Random(0).sample(off, min(count, len(off)))
    print(f"\n  sample of {len(sample)} off-category top-3 links (of {len(off)}):")
    for a, r in sample:
        print(f"  - {r.score:.2f} {cat[a]} -> {cat[r.id]}; why: {', '.join(r.shared)}")
        for ident in (a, r.id):
            print(f"      {ident} [{by_id[ident].source}] {by_id[ident].title}")


def gold_pairs(items: Sequence[LinkInput]) -> set[tuple[str, str]]:
    """Pairs from different outlets whose bodies share their first GOLD_WORDS folded tokens."""
    by_lead: dict[tuple[str, ...], list[LinkInput]] = {}
    for it in items:
        toks = tokens(it.text)
        if len(toks) >= GOLD_WORDS:
            by_lead.setdefault(tuple(toks[:GOLD_WORDS]), []).append(it)
    pairs = set()
    for group in by_lead.values():
        for a, b in combinations(sorted(group, key=lambda x: x.id), 2):
            if a.source != b.source:
                pairs.add((a.id, b.id))
    return pairs


def group_of(result: LinkResult, ident: str) -> str:
    return result.duplicate_of.get(ident, ident)


def detected_pairs(result: LinkResult) -> list[tuple[str, str]]:
    """Every pair inside a duplicate group (what the site would present as the same copy)."""
    pairs = []
    for kept, copies in sorted(result.also_reported_by.items()):
        pairs.extend(combinations(sorted((kept, *copies)), 2))
    return pairs


def print_sample(pairs: Sequence[tuple[str, str]], by_id: dict[str, LinkInput]) -> None:
    rng = random.Random(0)
    sample = sorted(rng.sample(list(pairs), min(SAMPLE_PAIRS, len(pairs))))
    print(f"\n  sample of {len(sample)} detected duplicate pairs (first 12 words of each body):")
    for n, (a, b) in enumerate(sample, 1):
        print(f"  {n:2d} 5-gram overlap {overlap(by_id[a].text, by_id[b].text):.2f}")
        for ident in (a, b):
            it = by_id[ident]
            words = " ".join(it.text.split()[:12])
            print(f"  {n:2d} {ident} [{it.source}] {words}")
        print()


def overlap(a: str, b: str, width: int = 5) -> float:
    """Share of the shorter body's word 5-grams found in the other (a reading aid)."""
    grams = [
        {tuple(t[i : i + width]) for i in range(len(t) - width + 1)} for t in (tokens(a), tokens(b))
    ]
    small, big = sorted(grams, key=len)
    return len(small & big) / len(small) if small else 0.0


def timed_link(items: Sequence[LinkInput]) -> tuple[LinkResult, float]:
    start = time.perf_counter()
    result = link(items)
    return result, time.perf_counter() - start


def eval_ant(limit: int | None, with_entities: bool, split: str = "") -> list[tuple[str, str, str]]:
    corpus = load(CORPUS / "ant_multisource", limit, with_entities, split)
    result, seconds = timed_link(corpus.items)
    precision, links, linked = category_precision(corpus, result)
    n = len(corpus.items)
    every = sum(len(rel) for rel in result.related.values())
    name = "ant_multisource" + (f" half {split}" if split else "")
    print(f"\n== {name}: {n} articles, link() {seconds:.1f} s")
    print(f"  articles with >= 1 related link: {linked}/{n}; top-3 links judged: {links}")
    print(
        f"  near-duplicate groups: {len(result.also_reported_by)}, stories: {len(result.stories)}"
    )
    print_stories(result, {it.id: it for it in corpus.items})
    print_off_category(corpus, result)
    merged, _, _ = category_precision(corpus, result, merge=True)
    outlet, outlet_links = same_outlet_precision(corpus, result)
    copies, copy_pairs = duplicate_agreement(corpus, result)
    return [
        (f"{name} top-3 same category", f"{precision:.3f}", ">= 0.90"),
        ("  same, middleEast = internationalNews", f"{merged:.3f}", "(label-noise check)"),
        (f"  same, links within one outlet ({outlet_links})", f"{outlet:.3f}", "(diagnostic)"),
        (f"  same, near-duplicate pairs ({copy_pairs})", f"{copies:.3f}", "(label ceiling)"),
        ("  articles with >= 1 related link", f"{linked / n:.3f}", "(coverage)"),
        ("  related links per article", f"{every / n:.2f}", f"(max {LinkSettings().related_max})"),
    ]


def print_stories(result: LinkResult, by_id: dict[str, LinkInput], count: int = 10) -> None:
    print(f"\n  {count} largest stories:")
    for story in result.stories[:count]:
        days = sorted(
            {by_id[i].date.date().isoformat() for i in story.article_ids if by_id[i].date}
        )
        print(f"  - {story.key}: {len(story.article_ids)} articles, {days[0]}..{days[-1]}")
        print(f"    title: {story.title}")
        print(f"    outlets: {', '.join(story.sources)}")
        for ident in story.article_ids[:6]:
            print(f"      {ident} [{by_id[ident].source}] {by_id[ident].title}")
        if len(story.article_ids) > 6:
            print(f"      ... and {len(story.article_ids) - 6} more")


def eval_snn(limit: int | None) -> list[tuple[str, str, str]]:
    corpus = load(CORPUS / "saudinewsnet", limit)
    result, seconds = timed_link(corpus.items)
    gold = gold_pairs(corpus.items)
    found = [p for p in gold if group_of(result, p[0]) == group_of(result, p[1])]
    recall = len(found) / len(gold) if gold else 0.0
    detected = detected_pairs(result)
    by_id = {it.id: it for it in corpus.items}
    print(f"\n== saudinewsnet: {len(corpus.items)} articles, link() {seconds:.1f} s")
    print(f"  gold pairs (different outlets, same first {GOLD_WORDS} folded tokens): {len(gold)}")
    print(f"  detected: {len(result.also_reported_by)} groups, {len(detected)} pairs")
    for a, b in sorted(set(gold) - set(found))[:10]:
        print(f"  missed {a}/{b}: 5-gram overlap {overlap(by_id[a].text, by_id[b].text):.2f}")
    print_sample(detected, by_id)
    low = sum(overlap(by_id[a].text, by_id[b].text) < 0.5 for a, b in detected)
    print(f"  detected pairs with < 0.5 5-gram overlap (chained through a third copy): {low}")
    return [("saudinewsnet near-duplicate recall", f"{recall:.3f}", ">= 0.95")]


def scale_worker(size: int) -> None:
    """One size in this process: replicate ant_multisource, run link(), print JSON."""
    base = load(CORPUS / "ant_multisource").items
    items = [
        replace(it, id=f"{it.id}~r{n // len(base)}") if n >= len(base) else it
        for n, it in ((n, base[n % len(base)]) for n in range(size))
    ]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result, seconds = timed_link(items)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # A second, untimed run under tracemalloc: the memory link() itself allocates (numpy and
    # scipy buffers included), which maxrss hides behind the loading high-water mark.
    tracemalloc.start()
    link(items)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "size": size,
                "seconds": seconds,
                "rss_before_mb": before / 1024,
                "rss_peak_mb": peak / 1024,
                "traced_peak_mb": traced / 2**20,
                "groups": len(result.also_reported_by),
            }
        )
    )


def eval_scale(sizes: Sequence[int]) -> list[tuple[str, str, str]]:
    rows = []
    print("\n== scale (each size in its own subprocess)")
    for size in sizes:
        out = (
            subprocess.run(
                [sys.executable, __file__, "--scale-worker", str(size)],
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        m = json.loads(out)
        print(
            f"  {size:6d} articles: link() {m['seconds']:.1f} s, link() peak allocation"
            f" {m['traced_peak_mb']:.0f} MB (tracemalloc), process peak RSS"
            f" {m['rss_peak_mb']:.0f} MB (after loading {m['rss_before_mb']:.0f} MB),"
            f" duplicate groups {m['groups']}"
        )
        target = "< 30 s" if size == 10_000 else "~linear"
        rows.append(
            (
                f"scale {size} articles: link() time / peak allocation",
                f"{m['seconds']:.1f} s / {m['traced_peak_mb']:.0f} MB",
                target,
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus")
    parser.add_argument("--scale", default="2500,5000,10000", help="sizes, '' to skip")
    parser.add_argument("--entities", action="store_true", help="use news_digest.analysis.entities")
    parser.add_argument("--split", choices=("a", "b"), default="", help="one half of ant")
    parser.add_argument("--scale-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not CORPUS.is_dir():
        print(f"research corpus not found at {CORPUS}; nothing to evaluate (skipped)")
        return 0
    if args.scale_worker:
        scale_worker(args.scale_worker)
        return 0
    table = eval_ant(args.limit, args.entities, args.split) + eval_snn(args.limit)
    table += eval_scale([int(s) for s in args.scale.split(",") if s.strip()])
    print("\n== summary\n  measure | value | target")
    for name, value, target in table:
        print(f"  {name} | {value} | {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
