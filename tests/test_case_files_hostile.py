"""`itoh-bot assess` on hostile case files: one line on stderr, exit 2, bounded memory and time.

Issue 14, item 3: a 420-byte YAML alias bomb ran to 3 GB and was killed at 60 s; a
50 MB file of keys ran out of memory; a 50 MB value was echoed in full; /dev/zero gave
a MemoryError traceback; a Latin-1 file a traceback (exit 1); duplicate keys were
silently accepted. Each runs here as the real command in a subprocess held to 512 MB of
address space and 30 s, so a run away parser fails the test instead of the machine.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from flows.case_files import CaseFileError, read_case
from tests.test_cli import ITOH_BOT, ROOT

LARGEST = 1_000_000  # bytes: the README's limit for a case or vignette file
QUOTED = 100  # no value is quoted back longer than this
MEMORY_LIMIT = 512 * 2**20  # `assess` on a good file needs well under 100 MB
TIME_LIMIT = 30.0


def _hold_to_the_limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def assess(path: Path | str) -> subprocess.CompletedProcess[str]:
    command = [str(ITOH_BOT)] if ITOH_BOT.exists() else [sys.executable, "-m", "bot.cli"]
    return subprocess.run([*command, "assess", str(path), "--json"], capture_output=True, text=True,
                          timeout=TIME_LIMIT, cwd=ROOT, preexec_fn=_hold_to_the_limit)


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one line on stderr of a refused file (exit 2, nothing on stdout)."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 600, result.stderr[:2000]
    return result.stderr


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
ALIAS_BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + ALIAS_BOMB + "mri: *i\n"


@pytest.mark.parametrize(("name", "content", "named"), [
    ("bomb.yaml", ALIAS_BOMB.encode(), "alias"),
    ("dup.yaml", b"sex: male\nage: 40\nsex: female\n", "`sex` appears twice"),
    ("dup.json", b'{"sex": "male", "sex": "female"}', "`sex` appears twice"),
    ("latin1.yaml", "sex: männlich\n".encode("latin-1"), "not UTF-8"),
    ("merge.yaml", b"base: &b {sex: male}\ncase:\n  <<: *b\n", "merge keys"),
])
def test_hostile_small_files_are_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, named: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert len(ALIAS_BOMB) < 500
    assert named in refused(assess(path))


def test_a_file_larger_than_any_case_is_refused_unread(tmp_path: Path) -> None:
    keys = tmp_path / "keys.yaml"
    with keys.open("w") as out:  # 50 MB of keys
        for start in range(0, 2_500_000, 100_000):
            out.write("".join(f"k{i}: {i}\n" for i in range(start, start + 100_000)))
    assert keys.stat().st_size > 25 * LARGEST
    assert "larger than" in refused(assess(keys))
    assert "larger than" in refused(assess("/dev/zero"))


@pytest.mark.parametrize("content", [
    "sex: " + "x" * (LARGEST - 100) + "\n",  # a value just under the size cap
    "x" * (LARGEST - 100) + ": 1\n",  # an unknown field's name
    json.dumps({"mri": ["y" * 500_000]}),
])
def test_a_long_value_is_quoted_shortened(tmp_path: Path, content: str) -> None:
    path = tmp_path / ("case.json" if content.startswith("{") else "case.yaml")
    path.write_text(content)
    line = refused(assess(path))
    assert "x" * QUOTED not in line and "y" * QUOTED not in line


def test_yaml_errors_are_one_line_with_the_place(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("sex: male\nage: [unclosed\n")
    with pytest.raises(CaseFileError) as caught:
        read_case(path)
    message = str(caught.value)
    assert "\n" not in message and "line 3" in message, message


def test_anchors_without_aliases_and_ordinary_files_still_read(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("sex: &s male\nage: 45\nmri: [bone_marrow_oedema]\n")
    assert read_case(path).sex == "male"
