"""`itoh-bot bench`: speed, memory and growth against the peers, in one run.

Who calls it: bot/cli.py (`itoh-bot bench ...`) hands over its arguments. Runs the
parts in order (in process, growth, end to end, start-up), prints the table, writes
the JSON (and the PNG when matplotlib is there) and exits 0; a part that cannot run
here (no redis-server, no aiogram) is skipped and says why in the table and the JSON.
Options are defined in bot/bench/options.py so `itoh-bot --help` stays light.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.dialogue import get_engine

JSON = dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """How much of each part a mode runs."""

    users: int
    rounds: int
    memory_users: int  # users in the (untimed) tracemalloc pass; 0: none
    growth_sizes: list[int]
    growth_users: int
    growth_rounds: int
    full_flush_up_to: int | None
    e2e_users: int
    startup_runs: int


PLANS = {
    "full": Plan(50, 5, 50, [100, 10_000, 100_000], 20, 5, None, 50, 5),
    "quick": Plan(16, 1, 8, [100, 100_000], 4, 1, 10_000, 10, 3),
    "smoke": Plan(4, 1, 4, [10, 100], 2, 1, None, 2, 1),
}


def main(args: argparse.Namespace) -> int:
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    plan = PLANS[mode]
    if args.users:
        plan = Plan(**{**plan.__dict__, "users": args.users})
    if args.rounds:
        plan = Plan(**{**plan.__dict__, "rounds": args.rounds})
    if args.e2e_users:
        plan = Plan(**{**plan.__dict__, "e2e_users": args.e2e_users})
    _quiet_logging()
    # SIGTERM ends the run like Ctrl-C: the redis-server and the work directory go too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with ExitStack() as stack:
        workdir = args.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="itoh-bench-")))
        workdir.mkdir(parents=True, exist_ok=True)
        if args.profile:
            return _profile(args, workdir, plan, stack)
        result = run(mode, plan, workdir, args, stack)
    print(_table_header(result))
    from bot.bench.report import table

    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
        print(f"\nJSON: {args.json}")
    return 0


def run(mode: str, plan: Plan, workdir: Path, args: argparse.Namespace, stack: ExitStack) -> JSON:
    from bot.bench.inprocess import Context, run_rows
    from bot.bench.report import evaluate_targets, machine, plot

    started = time.perf_counter()
    result: JSON = {
        "schema": 1, "mode": mode, "command": _command(), "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(workdir), "plan": plan.__dict__, "skipped": {},
    }
    # The bench's one engine, handed to every row, peer and stream (the e2e bot builds its own).
    ctx = Context(workdir, get_engine(), _start_redis(workdir, stack, result["skipped"]))
    ctx.skipped = result["skipped"]
    progress = _progress(args.verbose)
    if "in_process" not in args.skip:
        result["in_process"] = run_rows(ctx, plan.users, plan.rounds, plan.memory_users, progress)
    if "growth" not in args.skip:
        from bot.bench.growth import run_growth

        result["growth"] = run_growth(ctx, plan.growth_sizes, plan.growth_users, plan.growth_rounds, progress,
                                      full_flush_up_to=plan.full_flush_up_to)
    if "e2e" not in args.skip:
        from bot.bench.e2e import run_e2e

        result["e2e"] = {}
        for http_mode in ("polling", "webhook"):
            progress(f"end to end: {http_mode}, {plan.e2e_users} users")
            try:
                result["e2e"][http_mode] = run_e2e(http_mode, workdir, plan.e2e_users, ctx.engine)
            except (RuntimeError, TimeoutError, OSError) as exc:
                result["e2e"][http_mode] = {"error": str(exc)}
    if "startup" not in args.skip:
        from bot.bench.startup import run_startup

        progress("start-up")
        result["startup"] = run_startup(plan.startup_runs, workdir, ctx.engine)
    result["targets"] = evaluate_targets(result)
    result["wall_s"] = time.perf_counter() - started
    png = args.png or (args.json.with_suffix(".png") if args.json else None)
    if png is not None:
        why_not = plot(result, png)
        result["plot"] = str(png) if why_not is None else None
        if why_not:
            result["skipped"]["plot"] = why_not
    return result


def _profile(args: argparse.Namespace, workdir: Path, plan: Plan, stack: ExitStack) -> int:
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        print("itoh-bot: --profile needs pyinstrument (pip install -e '.[bench]')", file=sys.stderr)
        return 2
    from bot.bench.inprocess import Context
    from bot.bench.profile import profile

    redis_url = _start_redis(workdir, stack, {}) if args.profile == "bot_redis" else None
    html = args.json.with_suffix(".html") if args.json else None
    print(profile(args.profile, Context(workdir, get_engine(), redis_url), plan.users, html))
    return 0


def _start_redis(workdir: Path, stack: ExitStack, skipped: JSON) -> str | None:
    from bot.redis_server import RedisServer, find_redis_server

    if find_redis_server() is None:
        skipped["bot_redis"] = "redis-server is not installed (apt-get install redis-server)"
        return None
    return stack.enter_context(RedisServer(workdir)).url


def _quiet_logging() -> None:
    """As in production (INFO, the bot's formatter), but the lines go to /dev/null, not the table."""
    from bot.bench.targets import TOKEN
    from bot.startup import SafeFormatter, quiet_third_party

    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    handler = logging.StreamHandler(sink)
    handler.setFormatter(SafeFormatter([TOKEN]))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    quiet_third_party(logging.INFO)
    logging.getLogger("aiogram").setLevel(logging.WARNING)  # aiogram logs every update at INFO


def _progress(verbose: bool) -> Any:
    started = time.perf_counter()

    def say(message: str) -> None:
        if verbose:
            print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    return say


def _command() -> str:
    if sys.argv[1:2] != ["bench"]:
        return "itoh-bot bench"
    return "itoh-bot " + " ".join(shlex.quote(a) for a in sys.argv[1:])


def _table_header(result: JSON) -> str:
    m = result["machine"]
    return (f"itoh-bot bench ({result['mode']}, {result['wall_s']:.0f} s) on {m['nproc']} CPUs, {m['cpu']}, "
            f"{m['memory_gib']} GiB, Python {m['python']}, SQLite {m['sqlite']} on {m['workdir_filesystem']} "
            f"(a durable commit {m['commit_ms_synchronous_full']:.2f} ms, "
            f"{m['commit_ms_synchronous_off']:.3f} ms without fsync)\n")
