"""The package layout shows the pipeline: stages import downwards only, no cycles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sitecheck import ROOT

PACKAGE = ROOT / "plugins" / "news_digest"
# Lower rank = lower layer. A module may import from its own layer or a lower one only.
RANKS = {"primitives": 0, "ingest": 1, "analysis": 2, "linking": 2, "site": 4}
PRIMITIVES = {"models", "arabic", "settings", "cache", "progress"}
# Orchestration and the digest records sit above the stages they join; only the plugin's
# entry points and the command line may import them.
ORCHESTRATION = {"digest": 3, "pipeline": 4, "cli": 5, "__init__": 5, "__main__": 5}
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts)


def layer(module: str) -> tuple[str, int]:
    head = module.split(".")[0]
    if head in RANKS:
        return head, RANKS[head]
    if head in ORCHESTRATION:
        return head, ORCHESTRATION[head]
    assert head in PRIMITIVES, f"top-level module {head} is in no layer"
    return "primitives", 0


def resolve(module: str, node: ast.ImportFrom, is_package: bool) -> list[str]:
    """Absolute module names (inside the package) that an import statement reads."""
    if node.level == 0:
        if not (node.module or "").startswith("news_digest"):
            return []
        base = node.module.split(".")[1:]
    else:
        here = module.split(".") if is_package else module.split(".")[:-1]
        here = here[: len(here) - node.level + 1] if node.level > 1 else here
        base = here + (node.module.split(".") if node.module else [])
    names = [".".join(base)] if base else []
    if not node.module:  # from . import a, b: each name is a module
        names = [".".join([*base, alias.name]) for alias in node.names]
    return [n for n in names if n]


def imports() -> dict[str, list[tuple[str, list[str]]]]:
    graph: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        is_package = path.name == "__init__.py"
        if is_package:
            name = name.removesuffix(".__init__") if name != "__init__" else "__init__"
        edges = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                for target in resolve(name if name != "__init__" else "", node, is_package):
                    edges.append((target, [a.name for a in node.names]))
        graph[name] = edges
    return graph


def known(target: str, graph: dict) -> str | None:
    """The module an import names (a name imported from a package resolves to the package)."""
    while target and target not in graph:
        target = target.rpartition(".")[0]
    return target or None


def test_stages_import_downwards_only():
    graph = imports()
    wrong = []
    for module, edges in graph.items():
        if module in ("__init__", "__main__"):
            continue
        stage, rank = layer(module)
        for target, _ in edges:
            target = known(target, graph)
            if target is None or target == "__init__":
                continue
            other, other_rank = layer(target)
            if other != stage and other_rank >= rank:
                wrong.append(f"{module} ({stage}) imports {target} ({other})")
    assert not wrong, "\n".join(wrong)


def test_no_private_names_cross_a_stage():
    graph = imports()
    wrong = [
        f"{module} imports {name} from {target}"
        for module, edges in graph.items()
        for target, names in edges
        for name in names
        if name.startswith("_") and known(target, graph)
        if layer(known(target, graph))[0] != layer(module)[0]
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    graph = {
        module: {known(t, graph_target) for t, _ in edges} - {None, module}
        for graph_target in [imports()]
        for module, edges in graph_target.items()
    }
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            # A package's __init__ re-exporting its own modules is not a cycle.
            if node.startswith(nxt + ".") or nxt == "__init__":
                continue
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path, node, nxt]))
            if nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_modules_are_small_and_the_top_level_is_short():
    long = {
        module_name(p): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top


def test_every_stage_says_what_it_takes_and_gives():
    for stage in ("ingest", "analysis", "analysis/entities", "linking", "site"):
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8")))
        assert doc and "takes" in doc and "gives" in doc, stage


def test_every_data_file_is_listed_with_its_licence():
    readme = (PACKAGE / "data" / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    listed = {line.split("`")[1] for line in rows}
    files = {p.name for p in (PACKAGE / "data").iterdir() if p.name != "README.md"}
    assert files == listed
    assert all(line.count("|") >= 5 for line in rows)  # file, holds, source, licence
