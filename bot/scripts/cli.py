"""`itoh-bot replay`: run conversation scripts outside pytest, and report flow coverage.

Who calls it: bot/cli.py's `replay` handler, with the parsed arguments. Every script is
loaded first, so a malformed one stops the run before anything is played (exit 2, with
the file, step and reason); then each script is played on each chosen channel and one
line per script says PASS or FAIL (with `--verbose`, one line per step). A failure shows
the step, the diff and the transcript so far. Exit 0 when all pass, 1 on any failure.

`--channel telegram` plays into the real PTB Application with the in-process fake
Telegram (bot/fake_telegram/), part of the package, so it works when installed too.
`--coverage` also plays every script on the engine and reports which transitions of
content/flow.yaml they take (N/M and the ones missed), and how many questions were asked
before the summary: the median over the scripts that reach it and the seed demos' answer
files (tests/demo/*.txt, the `demo` folder beside the scripts' folder, or `demos`).
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path
from typing import TextIO

from bot.scripts.model import CHANNELS, Channel, Script, ScriptError, load_script
from bot.scripts.runner import ScriptResult, run_script
from flows.content import Content
from flows.dialogue import Engine, get_engine, step
from flows.machine import SUMMARY_STATE
from flows.messages import UserInput


def find_scripts(paths: list[Path]) -> list[Path]:
    """Files as given; folders expanded to their *.yaml / *.yml files, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
        else:
            found.append(path)
    return found


def replay(paths: list[Path], channels: list[str] | None, *, coverage: bool = False, verbose: bool = False,
           out: TextIO | None = None, demos: list[Path] | None = None) -> int:
    """Play the scripts; 0 all passed, 1 a failure, 2 a malformed script or none given."""
    out = out or sys.stdout
    engine = get_engine()  # the replay's one engine: scripts are checked against its content, played on it
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB warns about retry_after otherwise
    chosen: list[Channel] = list(CHANNELS) if not channels or "all" in channels else [
        c for c in CHANNELS if c in channels]
    files = find_scripts(paths)
    if not files:
        print("itoh-bot: no scripts found", file=sys.stderr)
        return 2
    scripts: list[tuple[Path, Script]] = []
    malformed = []
    for path in files:
        try:
            scripts.append((path, load_script(path, engine.content)))
        except ScriptError as exc:
            malformed.append(str(exc))
    if malformed:
        for message in malformed:
            print(f"itoh-bot: malformed script: {message}", file=sys.stderr)
        return 2
    results: list[ScriptResult] = []
    for path, script in scripts:
        for channel in chosen:
            if channel not in script.channels:
                out.write(f"SKIP {path} [{channel}]: the script is not for this channel\n")
                continue
            result = run_script(script, channel, engine, path)
            results.append(result)
            _print_result(result, verbose, out)
    failed = [r for r in results if not r.ok]
    out.write(f"\n{len(results) - len(failed)} passed, {len(failed)} failed\n")
    if coverage:
        engine_runs = [r for r in results if r.channel == "engine"]
        ran = {r.path for r in engine_runs}
        engine_runs += [run_script(s, "engine", engine, p) for p, s in scripts if str(p) not in ran]
        out.write(coverage_report(engine_runs, engine.content))
        demo_paths = demo_files([p for p, _ in scripts]) if demos is None else demos
        counts = question_counts(engine_runs, demo_paths, engine)
        out.write(questions_report(counts, verbose))
    return 1 if failed else 0


def demo_files(scripts: list[Path]) -> list[Path]:
    """The seed demos' answer files: *.txt in the `demo` folder beside each scripts' folder."""
    folders = {(path.parent.parent / "demo").resolve(): path.parent.parent / "demo" for path in scripts}
    return sorted(file for folder in folders.values() if folder.is_dir() for file in folder.glob("*.txt"))


def questions_to_summary(lines: list[str], engine: Engine) -> int | None:
    """How many questions a demo answer file answers before the summary (None: never reached)."""
    session, _ = step(None, UserInput.command("start"), engine)
    for line in lines:
        session, _ = step(session, UserInput.typed(line), engine)
        if session.state == SUMMARY_STATE:
            return len(session.answered)
    return None


def question_counts(results: list[ScriptResult], demos: list[Path], engine: Engine) -> list[tuple[str, int]]:
    """(conversation, questions answered before the summary first showed), for each that got there."""
    counts = [(r.path, n) for r in results if (n := r.questions_to_summary) is not None]
    for path in demos:
        count = questions_to_summary(path.read_text(encoding="utf-8").splitlines(), engine)
        if count is not None:
            counts.append((str(path), count))
    return counts


def questions_report(counts: list[tuple[str, int]], verbose: bool = False) -> str:
    """`questions to the summary: median N (min..max) over M conversations`."""
    if not counts:
        return "questions to the summary: no conversation reached the summary\n"
    numbers = [n for _, n in counts]
    line = (f"questions to the summary: median {statistics.median(numbers):g} "
            f"({min(numbers)}..{max(numbers)}) over {len(numbers)} conversations\n")
    if verbose:
        line += "".join(f"  {n:>3} {name}\n" for name, n in sorted(counts, key=lambda c: (c[1], c[0])))
    return line


def defined_transitions(content: Content) -> list[tuple[str, str]]:
    return [(t.source, t.dest) for t in content.flow.transitions]


def coverage_report(results: list[ScriptResult], content: Content) -> str:
    """`transitions covered: N/M` and the ones no script takes, in flow.yaml order."""
    defined = list(dict.fromkeys(defined_transitions(content)))
    taken = set().union(*(r.transitions for r in results)) if results else set()
    missed = [t for t in defined if t not in taken]
    lines = [f"transitions covered: {len(defined) - len(missed)}/{len(defined)}"]
    lines += [f"  missed: {source} -> {dest}" for source, dest in missed]
    return "\n".join(lines) + "\n"


def _print_result(result: ScriptResult, verbose: bool, out: TextIO) -> None:
    steps = len(result.script.steps)
    status = "PASS" if result.ok else "FAIL"
    out.write(f"{status} {result.path} [{result.channel}] {result.script.name} ({steps} steps)\n")
    if verbose:
        for step in result.steps[1:]:
            out.write(f"  {'ok  ' if step.ok else 'FAIL'} step {step.number}: {step.described}\n")
        if result.ok and len(result.steps) - 1 < steps:
            out.write(f"  (stopped after step {len(result.steps) - 1})\n")
    if not result.ok:
        out.write("\n".join(f"    {line}" for line in result.report().split("\n")[1:]) + "\n\n")
