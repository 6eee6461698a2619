"""The terminal channel: a script played into the real `itoh-bot demo`, line by line.

Who calls it: bot/scripts/runner.py (`make_driver("terminal")`). The demo runs as a
subprocess on a pseudo-terminal, so it is in its interactive mode and prints the
`> ` prompt exactly when it waits for the next line: each turn is read up to that
prompt, with a deadline, and nothing depends on timing guesses. (With a plain pipe the
demo gives no sign that it has finished a turn, and a `press` needs the numbers shown in
the previous turn before the next line can be typed.) POSIX only: it uses `pty`.

A `press` types the number shown beside the label (or the label itself where the demo
offers it as a word, like "Don't know" for a number question); a `select` types the
numbers separated by commas, as the demo asks. A script in another language starts the
demo with `--lang`, and the turns are read in the language the conversation is in.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from bot.scripts.driver import StepError
from bot.scripts.model import Channel
from bot.scripts.observe import (
    TextReaders,
    TurnView,
    ask_followups,
    labels_in_every_language,
    language_switched,
    norm,
    report_text,
)
from bot.terminal import PROMPT as DEMO_PROMPT
from flows.content import Content

TURN_TIMEOUT = 20.0  # seconds for one reply; generous for a loaded 2-core CI machine
PROMPT = f"\n{DEMO_PROMPT}".encode()  # the demo prints its prompt on a line of its own
EOF = b"\x04"  # Ctrl-D at the start of a line: input() raises EOFError, the demo exits 0
_OPTION = re.compile(r"^  (\d+)\. (?:\[[ x]\] )?(.+)$")
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def demo_command() -> list[str]:
    """The installed console script beside this Python, else the same CLI as a module."""
    script = Path(sys.executable).with_name("itoh-bot")
    return [str(script), "demo"] if script.exists() else [sys.executable, "-m", "bot.cli", "demo"]


class TerminalDriver:
    """Types into one `itoh-bot demo` process and reads what it prints."""

    channel: Channel = "terminal"

    def __init__(self, content: Content, command: list[str] | None = None, timeout: float = TURN_TIMEOUT,
                 columns: int | None = None) -> None:
        # The content the demo process loads too (same package, same ITOH_CONTENT_DIR),
        # to read what it prints.
        self.content = content
        self.readers = TextReaders(content)
        self.argv = command or demo_command()
        self.own_demo = command is None  # the demo itself, which takes --lang
        self.locale = content.default_language
        self.timeout = timeout
        # None: the terminal reports no size, so the demo does not wrap and every option
        # stays on one line for _choices to read. A width makes it wrap as a person sees it.
        self.columns = columns
        self.process: subprocess.Popen[bytes] | None = None
        self.master: int | None = None
        self.choices: list[tuple[str, str]] = []  # (label, what to type) of the question on screen
        self.transitions: set[tuple[str, str]] = set()  # only the engine can see the flow
        self.folder: str | None = None  # the demo's current directory, where /report writes the PDF

    async def start(self, language: str | None = None) -> TurnView:
        """Start the demo in `language` (None: the default language, whatever the locale
        of this process; a command of one's own is started as it is)."""
        self.locale = language or self.content.default_language
        argv = [*self.argv, "--lang", self.locale] if self.own_demo else self.argv
        self.master, slave = os.openpty()
        try:
            attributes = termios.tcgetattr(slave)
            attributes[3] &= ~termios.ECHO  # our typing is shown as "> line", not echoed back
            termios.tcsetattr(slave, termios.TCSANOW, attributes)
            if self.columns is not None:
                fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, self.columns, 0, 0))
            env = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8", "TERM": "dumb"}
            self.folder = tempfile.mkdtemp(prefix="itoh-replay-")
            # stderr on the terminal too: Python's input() writes its prompt there on a tty.
            self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                            cwd=self.folder, close_fds=True, start_new_session=True)
        finally:
            os.close(slave)  # the child has its own copy; ours would keep the terminal open
        default = self.locale == self.content.default_language
        return self._view("$ itoh-bot demo" + ("" if default else f" --lang {self.locale}"), self._read_turn())

    async def say(self, text: str) -> TurnView:
        return self._type(text, f"> {text}")

    async def command(self, name: str) -> TurnView:
        return self._type(f"/{name}", f"> /{name}")

    async def press(self, label: str) -> TurnView:
        typed = self._typed_for(label)
        return self._type(typed, f"> {typed}    [press] {label}")

    async def select(self, labels: list[str]) -> TurnView:
        typed = ",".join(self._typed_for(label) for label in labels)
        return self._type(typed, f"> {typed}    [select] {', '.join(labels)}")

    async def read_summary(self, view: TurnView) -> TurnView:
        """Every section (/more) and the report for the doctor (/report: the demo saves the
        PDF in its current directory and says where), read as part of the first block's turn."""
        await ask_followups(view, self.command)
        report = view.followups[-1]
        reader = self.readers(self.locale)
        path = reader.report_path(report.text)
        if path is None:
            raise StepError("/report did not say where the report for the doctor was saved")
        try:
            report.report = report_text(Path(self.folder or ".", path).read_bytes())
        except ImportError:
            raise StepError("reading the report for the doctor needs pypdf: pip install 'itoh-bot[test]'") from None
        report.report_red_flags = reader.red_flags_in_report(report.report)
        view.summary = reader.summary(view.text, red_flags=report.report_red_flags)
        return view

    async def close(self) -> None:
        if self.process is not None:
            if self.process.poll() is None and self.master is not None:
                with contextlib.suppress(OSError):
                    os.write(self.master, EOF)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
            self.process = None
        if self.master is not None:
            os.close(self.master)
            self.master = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    # ---------------------------------------------------------------------------------

    def _typed_for(self, label: str) -> str:
        if norm(label) in labels_in_every_language(self.content, "why_label"):
            return why_word(self.content, self.locale)  # the terminal has no Why button: the word is typed
        typed = next((typed for shown, typed in self.choices if norm(shown) == norm(label)), None)
        if typed is None:
            raise StepError(f"no option {label!r} on screen; the options are {[s for s, _ in self.choices]}")
        return typed

    def _type(self, line: str, shown: str) -> TurnView:
        if self.master is None or self.process is None or self.process.poll() is not None:
            raise StepError("the demo is not running any more")
        os.write(self.master, line.encode() + b"\n")
        return self._view(shown, self._read_turn())

    def _read_turn(self) -> str:
        """Everything printed until the next prompt (or until the demo exits)."""
        assert self.master is not None
        output = b""
        deadline = time.monotonic() + self.timeout
        while not output.endswith(PROMPT):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StepError(f"no prompt from the demo within {self.timeout:g} s; it printed:\n"
                                + _clean(output))
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.5))
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the demo closed the terminal (it exited)
                chunk = b""
            if not chunk:
                status = self.process.poll() if self.process is not None else None
                raise StepError(f"the demo exited (status {status}); it printed:\n{_clean(output)}")
            output += chunk
        return _clean(output[: -len(PROMPT)])

    def _view(self, shown: str, output: str) -> TurnView:
        self.locale = language_switched(self.content, output) or self.locale
        reader = self.readers(self.locale)
        view = TurnView(shown, said=[output.strip("\n")] if output.strip() else [], locale=self.locale)
        view.warnings = reader.warnings(output)
        view.summary = reader.summary(output)
        view.ended = reader.ended(output)
        view.not_understood = reader.not_understood(output)
        found = reader.question_after_summary(output) if not view.ended else None
        if found is not None:
            view.question, position = found
            self.choices = _choices(self.content, output[position:], self.locale)
            view.buttons = [label for label, _ in self.choices]
        elif view.summary is not None or view.ended:
            self.choices = []
        return view


def why_word(content: Content, locale: str) -> str:
    """What the demo's help (ui.yaml help_terminal) says to type to ask why a question is
    asked, in `locale`: "why", "porquê"."""
    help_text = content.message("help_terminal", locale)
    return next((word for word in content.ui.commands.get("why", []) if f'"{word}"' in help_text), "why")


def _choices(content: Content, block: str, locale: str) -> list[tuple[str, str]]:
    """(label, what to type) for each option listed under a question: "  3. Left", a lone
    word offered ("  (or type "Don't know")") or words ("  or: Done, Cancel"), as the demo
    words them in the conversation's language (ui.yaml or_type, or_choose)."""
    type_word = _line_pattern(content.message("or_type", locale, label="\x00"))
    words = _line_pattern(content.message("or_choose", locale, choices="\x00"))
    choices: list[tuple[str, str]] = []
    for line in block.split("\n")[1:]:
        if match := _OPTION.match(line):
            choices.append((match.group(2), match.group(1)))
        elif match := type_word.match(line):
            choices.append((match.group(1), match.group(1)))
        elif match := words.match(line):
            choices += [(word, word) for word in match.group(1).split(", ")]
    return choices


def _line_pattern(message: str) -> re.Pattern[str]:
    """A line of the demo's: two spaces, then `message`, its one placeholder (NUL) captured."""
    before, after = message.split("\x00")
    return re.compile(f"^  {re.escape(before)}(.+){re.escape(after)}$")


def _clean(output: bytes) -> str:
    text = output.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "")
    return _ESCAPES.sub("", text)
