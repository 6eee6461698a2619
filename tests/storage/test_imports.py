"""bot/storage's modules import one another without a cycle, and nothing else of the project.

Every import statement counts, including those inside functions (a lazy import
hides a cycle from start-up, not from the reader). ``from bot.storage.x import y``
is an edge to ``bot.storage.x`` (and to ``bot.storage.x.y`` when that is a module):
``from bot.storage import redis_scripts`` runs the package's ``__init__`` first, which
is how the old bot.storage -> factory -> redis -> bot.storage cycle came about.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "storage"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    root = PACKAGE.parents[1]
    return (root / relative).with_suffix(".py").is_file() or (root / relative / "__init__.py").is_file()


def imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            names.add(node.module)
            names.update(sub for alias in node.names if is_module(sub := f"{node.module}.{alias.name}"))
    return names


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imported(ast.parse(path.read_text())) for name, path in modules.items()}


def cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    path: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node):], node]
        if node in done or node not in edges:
            return None
        path.append(node)
        for nxt in sorted(edges[node]):
            found = visit(nxt)
            if found:
                return found
        path.pop()
        done.add(node)
        return None

    return visit(start)


def test_storage_modules_form_no_import_cycle() -> None:
    edges = graph()
    assert "bot.storage.redis.store" in edges and "bot.storage.sqlite.store" in edges  # the walk found them
    for start in sorted(edges):
        cycle = cycle_from(start, edges)
        assert cycle is None, " -> ".join(cycle)


def test_storage_imports_nothing_else_of_the_project() -> None:
    outside = {
        f"{module}: {name}"
        for module, names in graph().items()
        for name in names
        if name.split(".")[0] in ("bot", "flows") and not name.startswith("bot.storage")
    }
    assert not outside


def test_the_cycle_check_sees_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}}
    assert cycle_from("a", edges) == ["a", "b", "c", "a"]
    # The old layout's cycle, as its modules wrote it.
    tree = ast.parse("def f():\n    from bot.storage import redis_scripts\n")
    assert "bot.storage" in imported(tree)
