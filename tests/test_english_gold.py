"""The gold file eval/data/english_gold.tsv: well formed, English only, the sampled ids."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "data" / "english_gold.tsv"
COLUMNS = ["id", "split", "actor", "action", "target", "place", "negated", "kind", "notes"]
# Any Arabic-script letter means corpus text leaked into the file (it must hold English only).
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _rows() -> list[dict[str, str]]:
    with open(GOLD, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def _selector():
    spec = importlib.util.spec_from_file_location(
        "select_english_sample", ROOT / "eval" / "select_english_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_rows_are_well_formed():
    rows = _rows()
    assert len(rows) == 170
    assert len({row["id"] for row in rows}) == len(rows)
    assert [row["split"] for row in rows] == ["dev"] * 30 + ["seen"] * 70 + ["test"] * 70
    for row in rows:
        assert None not in row.values(), row["id"]
        assert re.fullmatch(r"ant_\d{5}", row["id"])
        assert row["negated"] in {"yes", "no"}, row["id"]
        assert row["kind"], row["id"]
        for column in ("actor", "action", "target", "place"):
            alternatives = row[column].split("|") if row[column] else []
            assert all(alt and alt == alt.strip() for alt in alternatives), (row["id"], column)


def test_gold_holds_no_arabic_text():
    assert not ARABIC_SCRIPT.search(GOLD.read_text(encoding="utf-8"))


def test_selection_is_seeded_and_split_in_order():
    select = _selector().select
    ids = [f"x{n:04d}" for n in range(500)]
    picked = select(ids)
    assert picked == select(list(ids))
    assert len({id_ for id_, _ in picked}) == 170
    assert [split for _, split in picked] == ["dev"] * 30 + ["seen"] * 70 + ["test"] * 70
    assert [id_ for id_, _ in select(ids, seed=1)] != [id_ for id_, _ in picked]


def test_gold_ids_are_the_selected_sample(corpus_dir):
    module = _selector()
    folder = corpus_dir / "ant_multisource"
    if not (folder / "articles").is_dir():
        pytest.skip(f"ant_multisource not found at {folder}")
    expected = module.select(module.article_ids(folder))
    assert [(row["id"], row["split"]) for row in _rows()] == expected
