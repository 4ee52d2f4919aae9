"""Corpus-level linking: related articles, duplicates, read-also targets and stories."""

from __future__ import annotations

import csv
import random
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from news_digest.arabic import tokens
from news_digest.linking import similarity as sim
from news_digest.linking.link import LinkInput, LinkResult, LinkSettings, link

# Short texts written for these tests: three distinct subjects, a few sentences each.
FLOOD = (
    "ضربت فيضانات عنيفة مدينة البصرة جنوب العراق بعد أمطار غزيرة استمرت ثلاثة أيام. "
    "وقال الدفاع المدني إن المياه غمرت مئات المنازل وأجبرت آلاف السكان على النزوح. "
    "وأعلنت الحكومة حالة الطوارئ في المحافظة وأرسلت فرق الإنقاذ والقوارب إلى الأحياء المنكوبة. "
    "وحذرت الأرصاد الجوية من استمرار هطول الأمطار حتى نهاية الأسبوع."
)
FLOOD_2 = (
    "ارتفع عدد ضحايا الفيضانات في البصرة إلى عشرين قتيلا بعد أن غمرت المياه أحياء جديدة. "
    "وواصلت فرق الإنقاذ والدفاع المدني إجلاء السكان بالقوارب من المنازل المنكوبة. "
    "وقالت الحكومة العراقية إن حالة الطوارئ مستمرة وإن الأمطار الغزيرة قد تعود."
)
FOOTBALL = (
    "فاز الفريق الأول لنادي الاتحاد على ضيفه الهلال بهدفين مقابل هدف في مباراة مثيرة بالدوري. "
    "وسجل المهاجم البرازيلي الهدف الأول في الشوط الأول قبل أن يعادل الضيوف بضربة جزاء. "
    "وحسم المدافع اللقاء برأسية في الدقائق الأخيرة ليرفع فريقه إلى صدارة الترتيب."
)
FLOOD_3 = (
    "تواصل فرق الإنقاذ في البصرة إجلاء السكان من الأحياء التي غمرتها مياه الفيضانات. "
    "وقال مسؤول في الدفاع المدني إن القوارب نقلت مئات العائلات إلى مدارس تحولت إلى ملاجئ. "
    "وتوقعت الأرصاد تراجع الأمطار الغزيرة خلال يومين."
)
ECONOMY = (
    "أغلقت البورصة على ارتفاع طفيف مدعومة بمكاسب أسهم المصارف وشركات الاتصالات. "
    "وقال محللون إن المستثمرين ينتظرون قرار البنك المركزي بشأن أسعار الفائدة الأسبوع المقبل. "
    "وتراجعت أسهم شركات التأمين بعد نتائج فصلية جاءت دون التوقعات."
)


def item(
    ident: str, title: str, text: str, day: int = 1, source: str | None = "A", **kw
) -> LinkInput:
    return LinkInput(
        id=ident,
        title=title,
        text=text,
        date=datetime(2020, 5, day),
        source=source,
        entities=kw.get("entities", ()),
        entity_names=kw.get("entity_names", {}),
        read_also=kw.get("read_also", ()),
    )


def small_corpus() -> list[LinkInput]:
    return [
        item("a1", "فيضانات البصرة تجبر آلاف السكان على النزوح", FLOOD, 1, "A"),
        item("a2", "ارتفاع عدد ضحايا فيضانات البصرة", FLOOD_2, 2, "B"),
        item("b1", "الاتحاد يهزم الهلال ويتصدر الدوري", FOOTBALL, 1, "A"),
        item("c1", "البورصة تغلق على ارتفاع بدعم المصارف", ECONOMY, 1, "C"),
    ]


def seed_input(path: Path) -> LinkInput:
    """A seed as LinkInput: title from line 1 when a blank line follows, else the first words."""
    lines = path.read_text(encoding="utf-8").strip().split("\n")
    if len(lines) > 2 and not lines[1].strip():
        title, body = lines[0].strip(), "\n".join(lines[2:])
    else:
        body = "\n".join(lines)
        title = " ".join(body.split()[:10])
    return LinkInput(path.stem, title, body, None, None, (), {}, ())


def test_seeds_link_to_each_other(seeds_dir: Path) -> None:
    first, second = (seed_input(p) for p in sorted(seeds_dir.glob("*.txt"))[:2])
    result = link([first, second])
    assert [r.id for r in result.related[first.id]] == [second.id]
    assert [r.id for r in result.related[second.id]] == [first.id]
    shared = result.related[first.id][0].shared
    assert any(s.startswith("term:") for s in shared)
    assert "term:طالبان" in shared  # the shared subject explains the link


def test_related_same_subject_only() -> None:
    result = link(small_corpus())
    assert [r.id for r in result.related["a1"]] == ["a2"]
    assert [r.id for r in result.related["a2"]] == ["a1"]
    assert result.related["b1"] == ()  # nothing else about football: no link at all
    assert result.related["c1"] == ()
    link_a = result.related["a1"][0]
    assert 0 < link_a.score <= 1
    assert link_a.shared and all(s.startswith("term:") for s in link_a.shared)


def test_entities_blend_and_explain() -> None:
    basra = (("place/basra", "place", 3), ("org/civil_defence", "org", 1))
    items = small_corpus()
    items[0] = replace(items[0], entities=basra)
    items[1] = replace(items[1], entities=(("place/basra", "place", 2),))
    plain = link(small_corpus()).related["a1"][0]
    blended = link(items).related["a1"][0]
    assert blended.shared[0] == "place/basra"
    assert blended.score > plain.score  # a shared rare entity adds to the text similarity


def test_min_score_setting_filters() -> None:
    result = link(small_corpus(), LinkSettings(min_score=0.99))
    assert all(rel == () for rel in result.related.values())


def test_near_duplicates_kept_earliest_and_excluded_from_related() -> None:
    items = small_corpus()
    copy = "بغداد - وكالات " + FLOOD.replace("ثلاثة أيام", "ثلاثة ايام متواصلة")
    items += [
        item("z9", "فيضانات في البصرة", copy, 1, "D"),  # same day, larger id: the copy
        item("a0", "البصرة تغرق", FLOOD, 3, "E"),  # smaller id but later date: a copy too
    ]
    result = link(items)
    assert result.duplicate_of == {"a0": "a1", "z9": "a1"}
    assert result.also_reported_by == {"a1": ("z9", "a0")}  # (date, id) order
    for ident in ("a1", "a2", "z9", "a0"):
        assert all(r.id not in ("z9", "a0") for r in result.related[ident])
    assert [r.id for r in result.related["a1"]] == ["a2"]
    assert [r.id for r in result.related["z9"]] == ["a2"]


def test_rewritten_story_is_not_a_duplicate() -> None:
    result = link(small_corpus())
    assert result.duplicate_of == {}
    assert result.also_reported_by == {}


def test_read_also_links() -> None:
    items = small_corpus()
    heads = ("فيضانات البصره تجبر الاف السكان علي النزوح", "زلزال يضرب اليابان", "")
    items[2] = replace(items[2], read_also=heads)
    items[0] = replace(items[0], read_also=("فيضانات البصرة تجبر آلاف السكان على النزوح",))
    result = link(items)
    assert result.read_also_links["b1"] == ("a1", None, None)
    assert result.read_also_links["a1"] == (None,)  # its own title: not a link to itself
    assert result.read_also_links["c1"] == ()


def test_stories_timeline_key_and_outlets() -> None:
    items = small_corpus()
    items.append(item("a3", "البصرة: فرق الإنقاذ تواصل إجلاء السكان", FLOOD_3, 2, "C"))
    result = link(items, LinkSettings(stories=replace(LinkSettings().stories, min_score=0.2)))
    assert len(result.stories) == 1
    story = result.stories[0]
    assert story.key == "story-a1"
    assert story.article_ids == ("a1", "a2", "a3")
    assert story.sources == ("A", "B", "C")
    assert story.title in {it.title for it in items[:2]} | {items[-1].title}
    assert result.story_of == {"a1": "story-a1", "a2": "story-a1", "a3": "story-a1"}


def test_stories_need_dates_close_together() -> None:
    items = small_corpus()
    items[1] = replace(items[1], date=datetime(2020, 8, 1))
    settings = LinkSettings(stories=replace(LinkSettings().stories, min_score=0.2))
    assert link(items, settings).stories == ()


def test_single_outlet_single_day_is_not_a_story() -> None:
    items = [replace(it, source="A", date=datetime(2020, 5, 1)) for it in small_corpus()]
    settings = LinkSettings(stories=replace(LinkSettings().stories, min_score=0.2))
    assert link(items, settings).stories == ()


def test_deterministic_whatever_the_input_order() -> None:
    items = [*small_corpus(), item("z9", "فيضانات", "عاجل " + FLOOD, 1, "D")]
    expected = link(items)
    shuffled = items[:]
    random.Random(4).shuffle(shuffled)
    assert _normalised(link(shuffled)) == _normalised(expected)


def _normalised(result: LinkResult) -> tuple:
    return (
        sorted(result.related.items()),
        sorted(result.duplicate_of.items()),
        sorted(result.also_reported_by.items()),
        result.stories,
        sorted(result.story_of.items()),
    )


def test_empty_and_tiny_inputs() -> None:
    empty = link([])
    assert empty.related == {} and empty.stories == ()
    one = link([small_corpus()[0]])
    assert one.related == {"a1": ()}
    blank = link([item("x", "", ""), item("y", "", "")])
    assert blank.related == {"x": (), "y": ()}


def test_duplicate_ids_rejected() -> None:
    with pytest.raises(ValueError):
        link([small_corpus()[0], small_corpus()[0]])


def test_chunked_neighbours_match_any_chunk_size() -> None:
    rng = np.random.default_rng(0)
    matrix = sp.random(50, 40, density=0.2, format="csr", random_state=rng, dtype=np.float32)
    space = sim.Space(matrix)
    groups = np.arange(50)
    allowed = np.ones(50, bool)
    small = sim.neighbours(space, 5, groups, allowed, chunk=7)
    large = sim.neighbours(space, 5, groups, allowed, chunk=64)
    for a, b in zip(small.indices, large.indices, strict=True):
        assert a.tolist() == b.tolist()
    assert all(i not in idx for i, idx in enumerate(small.indices))  # never itself


def test_analysis_folds_then_stems() -> None:
    analyzed = sim.analyze([tokens("المدينة والمدينه مدينة للمدينة في الحكومة والحكومة")])
    stems = analyzed.stems[0]
    assert len(stems) == 6  # the stopword is dropped
    assert len(set(stems[:4])) == 1 and len(set(stems[4:])) == 1  # spellings and clitics


# --- the research corpus (skipped when ../shared/corpus is absent) ---------------------------


def load_corpus(folder: Path, limit: int | None = None) -> tuple[list[LinkInput], dict[str, str]]:
    with open(folder / "metadata.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    items = []
    for row in rows:
        lines = (folder / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8").split("\n")
        date = datetime.strptime(row["date"], "%Y-%m-%d") if row.get("date") else None
        items.append(
            LinkInput(row["id"], lines[0], "\n".join(lines[2:]), date, row["source"], (), {}, ())
        )
    return items, {r["id"]: r.get("category", "") for r in rows}


def test_douma_story_spans_outlets(corpus_dir: Path) -> None:
    items, _ = load_corpus(corpus_dir / "ant_multisource")
    result = link(items)
    titles = {it.id: it.title for it in items}
    douma = [s for s in result.stories if sum("دوما" in titles[i] for i in s.article_ids) >= 3]
    assert douma, "no story gathers the Douma coverage"
    assert max(len(s.sources) for s in douma) >= 3


def test_seeds_still_link_among_corpus_articles(seeds_dir: Path, corpus_dir: Path) -> None:
    items, _ = load_corpus(corpus_dir / "ant_multisource", limit=600)
    first, second = (seed_input(p) for p in sorted(seeds_dir.glob("*.txt"))[:2])
    result = link([*items, first, second])
    assert second.id in [r.id for r in result.related[first.id]]
    assert first.id in [r.id for r in result.related[second.id]]


def test_agency_copies_found(corpus_dir: Path) -> None:
    items, _ = load_corpus(corpus_dir / "saudinewsnet")
    result = link(items)
    by_lead: dict[tuple[str, ...], list[LinkInput]] = {}
    for it in items:
        toks = tokens(it.text)
        if len(toks) >= 20:
            by_lead.setdefault(tuple(toks[:20]), []).append(it)
    gold = [
        (a.id, b.id)
        for group in by_lead.values()
        for n, a in enumerate(group)
        for b in group[n + 1 :]
        if a.source != b.source
    ]
    kept = result.duplicate_of
    found = sum(kept.get(a, a) == kept.get(b, b) for a, b in gold)
    assert gold and found / len(gold) >= 0.95
