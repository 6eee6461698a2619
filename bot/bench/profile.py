"""Profile the hot path with pyinstrument: this bot, one store, the bench's update stream.

Who uses it: `itoh-bot bench --profile STORE` (bot/bench/cli.py). Prints pyinstrument's
text report (and writes its HTML next to the JSON when asked) for the timed part only:
the stream fed one update at a time into the real Application, after the warm-up, so
start-up work (content load, Machine construction) does not appear unless it happens
per update. Needs the bench extra (pyinstrument).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from bot.bench.inprocess import Context, make_target, warmup_stream
from bot.bench.stream import conversations, updates

if TYPE_CHECKING:  # pyinstrument is the optional bench extra: imported when profiling only
    from pyinstrument import Profiler


async def _profiled(row: str, ctx: Context, users: int, interval: float) -> Profiler:
    from pyinstrument import Profiler

    stream = updates(conversations(ctx.engine, users))
    warm = warmup_stream(conversations(ctx.engine, 4, seed=99))
    target = make_target(row, ctx)
    await target.start()
    try:
        for update in warm:
            await target.feed(update)
        profiler = Profiler(interval=interval, async_mode="disabled")
        profiler.start()
        for update in stream:
            await target.feed(update)
        profiler.stop()
    finally:
        await target.stop()
    return profiler


def profile(row: str, ctx: Context, users: int, html: Path | None = None, interval: float = 0.0002) -> str:
    """pyinstrument's text report for `row`; the HTML report too if `html` is given."""
    profiler = asyncio.run(_profiled(row, ctx, users, interval))
    if html is not None:
        html.write_text(profiler.output_html())
    return str(profiler.output_text(unicode=True, color=False, show_all=False))
