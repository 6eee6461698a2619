"""The terminal demo, as a real subprocess, fed what a person or a pipe can send (issue 14).

Digits int() refuses, at a question and in /change (item 2), must be an error and a
question again, never a traceback and exit 1.
"""

from __future__ import annotations

from tests.test_cli import ROOT, run

SEED_000 = (ROOT / "tests/demo/seed-000.txt").read_text()


def test_digits_int_refuses_are_an_error_at_a_question_and_in_change() -> None:
    result = run("demo", stdin="፩\n᧚\n𐩀\n" + SEED_000 + "/change\n፩\n2᧚\n/quit\n")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stdout + result.stderr
    for typed in ("፩", "᧚", "𐩀", "2᧚"):
        assert f'Sorry, I did not understand "{typed}"' in result.stdout, typed
