"""The documentation the code points to exists and names what the code has.

* Every `docs/....md` path written in bot/, README.md or docs/*.md is a file in the
  repository (the bot's error lines send people to docs/telegram.md).
* Every relative Markdown link in README.md and docs/*.md resolves, and a link to a
  heading of a Markdown file (`../README.md#privacy-...`) names a heading that is there.
* docs/case-format.md names every Case field and every value it allows, every condition
  id of content/conditions.yaml, and every key `assess --json` / `evaluate --json` print.
* docs/telegram.md names every setting (environment variable) and every menu command.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.settings import Settings
from bot.telegram.application import COMMANDS
from flows.assessment import assess
from flows.case import CASE_FIELDS, Case, field_values
from flows.content import get_content
from flows.evaluation import Evaluation

CONTENT = get_content()

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CASE_FORMAT = DOCS / "case-format.md"
TELEGRAM = DOCS / "telegram.md"

DOCS_PATH = re.compile(r"(?<![\w./-])docs/[\w./-]+?\.md\b")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def sources() -> list[Path]:
    return [*sorted((ROOT / "bot").rglob("*.py")), ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def prose_lines(path: Path) -> list[str]:
    """The lines of a Markdown file outside fenced code blocks."""
    lines, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def anchors(path: Path) -> set[str]:
    """GitHub's ids for the headings of a Markdown file."""
    seen: Counter[str] = Counter()
    ids = set()
    for line in prose_lines(path):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading is None:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).replace("`", "").lower()).replace(" ", "-")
        ids.add(slug if not seen[slug] else f"{slug}-{seen[slug]}")
        seen[slug] += 1
    return ids


def test_every_docs_path_mentioned_exists() -> None:
    mentioned: dict[str, set[str]] = {}
    for source in sources():
        for match in DOCS_PATH.findall(source.read_text(encoding="utf-8")):
            mentioned.setdefault(match, set()).add(str(source.relative_to(ROOT)))
    assert "docs/telegram.md" in mentioned, "the bot's token errors should point to docs/telegram.md"
    missing = {path: sorted(where) for path, where in mentioned.items() if not (ROOT / path).is_file()}
    assert not missing, f"docs mentioned but not in the repository: {missing}"


@pytest.mark.parametrize("page", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    broken = []
    for line in prose_lines(page):
        for target in LINK.findall(line):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # a URL, or a heading of the same page
            file_part, _, anchor = target.partition("#")
            linked = (page.parent / file_part).resolve()
            if not linked.exists():
                broken.append(target)
            elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
                broken.append(f"{target} (no such heading)")
    assert not broken, f"{page.relative_to(ROOT)}: broken links {broken}"


def backticked(name: object) -> str:
    return f"`{name}`"


def test_case_format_names_every_case_field() -> None:
    text = CASE_FORMAT.read_text(encoding="utf-8")
    fields = set(CASE_FIELDS) | set(Case.model_fields)
    missing = sorted(name for name in fields if backticked(name) not in text)
    assert not missing, f"docs/case-format.md does not name these Case fields: {missing}"


def test_case_format_names_every_value() -> None:
    text = CASE_FORMAT.read_text(encoding="utf-8")
    missing = sorted(
        f"{name}: {value}"
        for name in CASE_FIELDS
        for value in field_values(name) or ()
        if isinstance(value, str) and backticked(value) not in text
    )
    assert not missing, f"docs/case-format.md does not name these values: {missing}"


def test_case_format_names_every_condition() -> None:
    text = CASE_FORMAT.read_text(encoding="utf-8")
    data = yaml.safe_load((ROOT / "content/conditions.yaml").read_text(encoding="utf-8"))
    ids = [condition["id"] for condition in data["conditions"]]
    assert ids, "content/conditions.yaml lists no conditions"
    missing = [cid for cid in [*ids, *data.get("dangerous", [])] if backticked(cid) not in text]
    assert not missing, f"docs/case-format.md does not name these condition ids: {missing}"


def test_case_format_names_every_output_key() -> None:
    text = CASE_FORMAT.read_text(encoding="utf-8")
    keys = [*assess(Case(), CONTENT).to_json(), "content_version", *Evaluation().to_json()]
    missing = [key for key in keys if backticked(key) not in text]
    assert not missing, f"docs/case-format.md does not name these output keys: {missing}"


def test_telegram_names_every_setting_and_command() -> None:
    text = TELEGRAM.read_text(encoding="utf-8")
    missing = [name.upper() for name in Settings.model_fields if backticked(name.upper()) not in text]
    missing += [f"/{command}" for command in COMMANDS if backticked(f"/{command}") not in text]
    assert not missing, f"docs/telegram.md does not name: {missing}"
