"""Start-up: `itoh-bot demo` launch to the first question, and the content load on its own.

Who uses it: bot/bench/cli.py. The demo runs on a pseudo-terminal, as a person starts
it, and the clock runs from just before the process is spawned until the first
question's text appears on the terminal (interpreter start, imports, content load and
validation, Machine construction, the first step). The content load is then timed in
a fresh interpreter, part by part, so the start-up figure can be read against it.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from flows.dialogue import Engine

JSON = dict[str, Any]
TIMEOUT = 30.0

_CONTENT_PROBE = """
import json, time
t0 = time.perf_counter()
import flows.content, flows.machine, flows.answers, flows.dialogue
t1 = time.perf_counter()
content = flows.content.get_content()
t2 = time.perf_counter()
flows.machine.FlowMachine(content)
t3 = time.perf_counter()
flows.answers.AnswerReader(content, content.default_language)
t4 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "content_load_s": t2 - t1, "machine_s": t3 - t2, "reader_s": t4 - t3}))
"""


def demo_command() -> list[str]:
    """The installed console script if it is next to this interpreter, else `python -m bot.cli`."""
    script = Path(sys.executable).with_name("itoh-bot")
    if script.exists():
        return [str(script), "demo"]
    found = shutil.which("itoh-bot")
    return [found, "demo"] if found else [sys.executable, "-m", "bot.cli", "demo"]


def first_question_text(engine: Engine) -> str:
    content, machine = engine.content, engine.machine
    question = content.questions[machine.question_of[machine.initial]]
    return content.text(question.text).splitlines()[0]


def time_to_first_question(command: list[str], marker: str, cwd: Path) -> float:
    """Seconds from spawn to `marker` on the demo's terminal."""
    master, slave = pty.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, close_fds=True)
    os.close(slave)
    seen = b""
    wanted = marker.encode()
    try:
        while wanted not in seen:
            if time.perf_counter() - started > TIMEOUT:
                raise TimeoutError(f"no first question within {TIMEOUT:g} s: {seen[-200:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break
        elapsed = time.perf_counter() - started
        if wanted not in seen:
            raise RuntimeError(f"the demo ended before asking: {seen[-200:]!r}")
        return elapsed
    finally:
        proc.kill()
        proc.wait(5)
        os.close(master)


def run_startup(runs: int, cwd: Path, engine: Engine) -> JSON:
    command = demo_command()
    marker = first_question_text(engine)
    times = [time_to_first_question(command, marker, cwd) for _ in range(runs)]
    probes = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _CONTENT_PROBE], capture_output=True, text=True, check=True,
                             cwd=cwd)
        probes.append(json.loads(out.stdout))
    return {
        "command": " ".join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command)),
        "runs": runs,
        "to_first_question_s": statistics.median(times),
        "to_first_question_max_s": max(times),
        **{key: statistics.median(p[key] for p in probes) for key in probes[0]},
    }
