"""The package works installed from a wheel, not only editable: content/ ships inside it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from flows.content import default_root

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_every_content_file_and_the_console_script(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(tmp_path.glob("itoh_bot-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"content/{path.name}" for path in default_root().glob("*.yaml")}
    assert shipped and shipped <= names, shipped - names
    assert "content/PROVENANCE.md" in names
    assert {"flows/dialogue.py", "bot/cli.py", "bot/storage/sqlite/store.py", "bot/storage/redis/store.py"} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "itoh-bot = bot.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
