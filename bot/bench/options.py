"""The `itoh-bot bench` command line; imports nothing heavy (bot/cli.py loads it at start)."""

from __future__ import annotations

import argparse
from pathlib import Path

ROWS = ["floor", "ptb_peer", "ptb_peer_same_replies", "aiogram_peer", "bot_memory", "bot_sqlite", "bot_redis"]
PARTS = ["in_process", "growth", "e2e", "startup"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="a shorter run for routine checks (under a minute)")
    size.add_argument("--smoke", action="store_true", help="the smallest run that exercises every part (tests)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure as JSON (and FILE.png)")
    parser.add_argument("--png", type=Path, metavar="FILE", help="where to write the plot (default: next to --json)")
    parser.add_argument("--users", type=int, help="simulated users in process (default: 50, --quick 16)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds in process (default: 5, --quick 1)")
    parser.add_argument("--e2e-users", type=int, help="concurrent users over HTTP (default: 50, --quick 10)")
    parser.add_argument("--skip", action="append", choices=PARTS, default=[], help="leave a part out (repeatable)")
    parser.add_argument("--workdir", type=Path, help="where stores and logs go (default: a temporary directory)")
    parser.add_argument("--profile", choices=ROWS, metavar="ROW",
                        help=f"instead: profile one row's hot path with pyinstrument ({', '.join(ROWS)})")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")


def run(args: argparse.Namespace) -> int:
    from bot.bench.cli import main

    return main(args)
