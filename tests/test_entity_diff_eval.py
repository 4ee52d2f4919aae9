"""eval/entity_diff.py reports exactly the articles whose entities differ, and what changed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _module():
    spec = importlib.util.spec_from_file_location("entity_diff", ROOT / "eval" / "entity_diff.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_changes_lists_what_each_changed_article_lost_and_gained() -> None:
    old = {
        "a.txt": [["place", "دوما", "Duma"], ["place", "حمص", "Homs"]],
        "b.txt": [["person", "سامي", "Sami"]],
    }
    new = {
        "a.txt": [["place", "دوما", "Douma"], ["place", "حمص", "Homs"]],
        "b.txt": [["person", "سامي", "Sami"]],
    }
    changed = _module().changes(new, old)
    assert changed == {"a.txt": ([("place", "دوما", "Duma")], [("place", "دوما", "Douma")])}
