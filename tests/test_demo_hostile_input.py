"""The terminal demo, as a real subprocess, fed what a person or a pipe can send (issue 14).

Digits int() refuses, at a question and in /change (item 2), must be an error and a
question again, never a traceback and exit 1. Escape sequences must not be shown back
raw, neither in the piped demo's echo nor in the /change error, and bytes the locale's
encoding cannot read (or replies it cannot write) must not end the demo (item 6).
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.test_cli import ITOH_BOT, ROOT, run

SEED_000 = (ROOT / "tests/demo/seed-000.txt").read_text()


def test_digits_int_refuses_are_an_error_at_a_question_and_in_change() -> None:
    result = run("demo", stdin="፩\n᧚\n𐩀\n" + SEED_000 + "/change\n፩\n2᧚\n/quit\n")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stdout + result.stderr
    for typed in ("፩", "᧚", "𐩀", "2᧚"):
        assert f'Sorry, I did not catch "{typed}"' in result.stdout, typed


def test_escape_sequences_are_never_shown_back_raw() -> None:
    clear_screen, cursor_up = "\x1b[2J\x1b[H", "\x1b[A"
    result = run("demo", stdin=f"{clear_screen}female\n" + SEED_000 + f"/change\n{cursor_up}9\n/quit\n")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "\x1b" not in result.stdout, [line for line in result.stdout.splitlines() if "\x1b" in line]
    assert "> [2J[Hfemale" in result.stdout  # the echo, without its control characters
    assert 'Sorry, I did not catch "[A9"' in result.stdout  # the /change error too


def test_a_locale_that_is_not_utf8_does_not_end_the_demo() -> None:
    # EUC-JP stands for any such locale: 0xff is not text in it, and it has no ✓ to print.
    command = [str(ITOH_BOT)] if ITOH_BOT.exists() else [sys.executable, "-m", "bot.cli"]
    env = {**os.environ, "PYTHONIOENCODING": "euc_jp"}
    result = subprocess.run([*command, "demo"], input=b"fem\xffale\nfemale\n34\n/quit\n", capture_output=True,
                            timeout=60, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in result.stderr
    assert "How old are you".encode("euc_jp") in result.stdout
