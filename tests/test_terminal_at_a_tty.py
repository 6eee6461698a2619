"""The demo at a real terminal: long lines break between words; arrow keys edit the answer.

The demo runs on a pseudo-terminal (with its window size set, as a terminal emulator
sets it), so this is what a person sees and types.
"""

from __future__ import annotations

import pytest

from bot.scripts.drivers.terminal import TerminalDriver
from bot.terminal import wrap_for_terminal
from flows.content import get_content

CONTENT = get_content()

WIDTH = 60


def words(text: str) -> str:
    return " ".join(text.split())


async def shown_at(columns: int | None) -> list[str]:
    """What the demo prints up to the X-ray question (the longest option labels)."""
    driver = TerminalDriver(CONTENT, columns=columns)
    try:
        screens = [await driver.start()]
        # Not pregnant; then the tests done: an X-ray, whose findings are asked next.
        for answer in ["female", "34", "1", "left", "x-ray"]:
            screens.append(await driver.say(answer))
    finally:
        await driver.close()
    shown = ["\n".join(screen.said) for screen in screens]
    xray = get_content().text(get_content().questions["xray"].text)
    assert words(xray) in words(shown[-1]), "the demo did not reach the X-ray question"
    return shown


async def test_the_demo_breaks_long_lines_between_words_at_the_terminal_width() -> None:
    content = get_content()
    screens = await shown_at(WIDTH)
    lines = "\n".join(screens).splitlines()
    assert max(len(line) for line in lines) <= WIDTH, max(lines, key=len)
    # Nothing lost and no word cut in two: the greeting reads the same word for word.
    assert words(content.message("welcome")) in words(screens[0])
    # An option that wraps continues under its label, not under its number (the X-ray's
    # fourth option; the tests checklist before it has a fourth option too, so look at its screen).
    label = content.text(content.options["xray"][3].label)
    xray = screens[-1].splitlines()
    at = next(i for i, line in enumerate(xray) if line.startswith("  4. [ ] "))
    assert words(" ".join(xray[at:at + 2]))[len("4. [ ] "):].startswith(words(label)[:40])
    assert xray[at + 1].startswith(" " * len("  4. [ ] ")) and not xray[at + 1].startswith(" " * 10)


async def test_a_terminal_that_reports_no_size_is_left_to_wrap_itself() -> None:
    screens = await shown_at(None)
    assert any(len(line) > WIDTH for line in screens[0].splitlines())


@pytest.mark.parametrize("width", [20, 40, 80])
def test_wrapping_keeps_every_word_and_fits_the_width(width: int) -> None:
    text = "\n".join([
        "• Take weight off the painful hip. Use two crutches, or a walking frame (protected weight bearing).",
        "  10. [x] Worn-away or destroyed joint surfaces (erosions or joint destruction)",
        "!! Go to an emergency department today: fever with hip pain can be an infection of the joint.",
        "short line",
        "",
        "a-word-longer-than-any-terminal-line-is-left-whole-rather-than-cut-into-pieces",
    ])
    wrapped = wrap_for_terminal(text, width)
    assert words(wrapped) == words(text)
    assert all(len(line) <= width or " " not in line.strip() for line in wrapped.splitlines())
    assert "short line\n\n" in wrapped  # lines that fit, blank ones too, are untouched


async def test_arrow_keys_edit_the_answer_being_typed() -> None:
    # "rigt", left arrow, "h": with line editing the answer is "right"; without it the
    # escape sequence would be part of the answer and it would not be understood.
    driver = TerminalDriver(CONTENT)
    try:
        await driver.start()
        for answer in ["female", "34", "1"]:
            await driver.say(answer)
        edited = await driver.say("rigt\x1b[Dh")
    finally:
        await driver.close()
    shown = "\n".join(edited.said)
    assert "✓ Which hip: Right" in shown, shown
