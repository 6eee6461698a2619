"""The engine is passed in: only entry points build it; everything else is handed it.

`get_content()` and `get_engine()` are cached, process-wide factories. A module that
calls them reaches for a global, which hides what it depends on and ties it to the
installed content. So they are called only where a program starts (the commands of
bot/cli.py, start-up, the Telegram bot and worker, replay, the bench) and in the one
place the engine is made of the content; every other module takes the content or the
engine as a parameter. This scans flows/ and bot/ (calls anywhere, also inside
functions) so that a new call elsewhere fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTORIES = frozenset({"get_content", "get_engine"})

# (module file, function) where a program starts and builds its one engine or content.
ENTRY_POINTS = frozenset({
    ("flows/dialogue.py", "get_engine"),  # the engine of the installed content, made once
    ("bot/cli.py", "_demo"),
    ("bot/cli.py", "_assess"),
    ("bot/cli.py", "_questionnaire"),
    ("bot/cli.py", "_evaluate"),
    ("bot/cli.py", "_record"),
    ("bot/cli.py", "_diagram"),
    ("bot/startup.py", "start"),  # loads the content before connecting, so an error stops start-up
    ("bot/telegram/application.py", "run_bot"),
    ("bot/telegram/worker.py", "run_worker"),
    ("bot/scripts/cli.py", "replay"),
    ("bot/bench/cli.py", "run"),
    ("bot/bench/cli.py", "_profile"),
})


def factory_calls(source: str) -> list[tuple[str, int]]:
    """(enclosing function or "<module>", line) of every call to a factory in `source`."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inside = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Call):
                callee = child.func
                name = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
                if name in FACTORIES:
                    found.append((function, child.lineno))
            visit(child, inside)

    visit(ast.parse(source), "<module>")
    return found


def test_the_scan_finds_calls_at_module_level_in_functions_and_through_a_module() -> None:
    source = "import flows.content\nA = get_content()\ndef f():\n    return flows.content.get_content()\n" \
             "class C:\n    def m(self):\n        return get_engine().content\n"
    assert factory_calls(source) == [("<module>", 2), ("f", 4), ("m", 7)]


def test_only_entry_points_call_get_content_or_get_engine() -> None:
    outside = []
    for package in ("flows", "bot"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            for function, line in factory_calls(path.read_text(encoding="utf-8")):
                if (relative, function) not in ENTRY_POINTS:
                    outside.append(f"{relative}:{line} in {function}")
    assert outside == [], "pass the content or engine in instead of calling the factory here: " + ", ".join(outside)


def test_every_listed_entry_point_still_exists_and_calls_a_factory() -> None:
    # A stale entry in the list would quietly allow a call there later.
    listed = {(relative, function) for relative, function in ENTRY_POINTS}
    calling = {(relative, function) for relative, _ in listed
               for function, _ in factory_calls((ROOT / relative).read_text(encoding="utf-8"))}
    assert listed <= calling, sorted(listed - calling)
