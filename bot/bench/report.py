"""The bench's outputs: the machine it ran on, the targets, a text table, the PNG plot.

Who uses it: bot/bench/cli.py after every part has run. Pure formatting, except
`machine()` (reads /proc and asks a few libraries their versions) and `plot()`
(matplotlib, from the bench extra; skipped with a note when it is not installed).
"""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

JSON = dict[str, Any]

LABELS = {
    "floor": "floor: PTB dispatch, no-op handler",
    "ptb_peer": "peer: PTB ConversationHandler + PicklePersistence",
    "ptb_peer_same_replies": "diagnostic: the PTB peer sending this bot's replies",
    "aiogram_peer": "peer: aiogram 3 FSM + MemoryStorage",
    "bot_memory": "this bot, memory store",
    "bot_sqlite": "this bot, SQLite store",
    "bot_redis": "this bot, Redis store",
}
DURABILITY = {
    "floor": "n/a (keeps nothing)",
    "ptb_peer": "every 60 s (PicklePersistence default): a crash loses up to 60 s of answers",
    "ptb_peer_same_replies": "as the PTB peer",
    "aiogram_peer": "none (MemoryStorage): a restart loses every conversation",
    "bot_memory": "none: a restart loses every conversation",
    "bot_sqlite": "every answer, fsync'd before the reply (WAL, synchronous=FULL)",
    "bot_redis": "every answer in Redis before the reply (disk as Redis is configured; bench: none)",
}
RUNS_UPDATES = {
    "floor": "one at a time (PTB's default)",
    "ptb_peer": "one at a time (PTB's default)",
    "ptb_peer_same_replies": "one at a time (PTB's default)",
    "aiogram_peer": "concurrently (a task per update, aiogram's default)",
    "bot_memory": "concurrently (one chat's turns in order)",
    "bot_sqlite": "concurrently (one chat's turns in order)",
    "bot_redis": "concurrently (one chat's turns in order)",
}
TARGETS = [
    ("sqlite_vs_ptb_peer", "full stack with SQLite per update vs the ConversationHandler peer, one update at a time",
     1.0),
    ("sqlite_vs_ptb_peer_at_once", "the same, all simulated users at once", 1.0),
    ("growth_sqlite", "SQLite: per-update cost at the largest / smallest store", 1.2),
    ("growth_redis", "Redis: per-update cost at the largest / smallest store", 1.2),
    ("start_to_first_question_s", "itoh-bot demo: launch to the first question (s)", 1.0),
]


def machine(workdir: Path) -> JSON:
    info: JSON = {
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "workdir_filesystem": _filesystem(workdir),
        **commit_cost(workdir),
        "packages": {},
    }
    for name in ("python-telegram-bot", "aiogram", "redis", "httpx", "pydantic", "transitions", "sniffio"):
        try:
            info["packages"][name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info["packages"][name] = None
    server = shutil.which("redis-server")
    if server:
        out = subprocess.run([server, "--version"], capture_output=True, text=True, check=False).stdout
        info["redis_server"] = out.split("v=")[1].split()[0] if "v=" in out else out.strip()
    return info


def commit_cost(workdir: Path, commits: int = 200) -> JSON:
    """ms per single-row autocommit UPDATE in WAL mode, synchronous=FULL (the store's) vs OFF."""
    import time

    result: JSON = {}
    for sync in ("FULL", "OFF"):
        path = workdir / f"commit-probe-{sync}.sqlite3"
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA synchronous={sync}")
            conn.execute("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY, v TEXT)")
            conn.execute("INSERT OR REPLACE INTO t VALUES (1, '')")
            started = time.perf_counter()
            for i in range(commits):
                conn.execute("UPDATE t SET v = ? WHERE k = 1", ("x" * 900 + str(i),))
            result[f"commit_ms_synchronous_{sync.lower()}"] = 1000 * (time.perf_counter() - started) / commits
        finally:
            conn.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    return result


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _filesystem(path: Path) -> str:
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    resolved = str(path.resolve())
    best = max((m for m in mounts if resolved.startswith(m[1])), key=lambda m: len(m[1]), default=None)
    return f"{best[2]} ({best[1]})" if best else "unknown"


def evaluate_targets(result: JSON) -> list[JSON]:
    rows = result.get("in_process", {}).get("rows", {})
    growth = result.get("growth", {}).get("rows", {})
    values = {
        "sqlite_vs_ptb_peer": rows.get("bot_sqlite", {}).get("ratio_to_ptb_peer"),
        "sqlite_vs_ptb_peer_at_once": result.get("in_process", {}).get("rows_at_once", {})
        .get("bot_sqlite", {}).get("ratio_to_ptb_peer"),
        "growth_sqlite": growth.get("bot_sqlite", {}).get("ratio_largest_to_smallest"),
        "growth_redis": growth.get("bot_redis", {}).get("ratio_largest_to_smallest"),
        "start_to_first_question_s": result.get("startup", {}).get("to_first_question_s"),
    }
    return [
        {"id": key, "what": what, "limit": limit, "value": values[key],
         "met": None if values[key] is None else values[key] <= limit}
        for key, what, limit in TARGETS
    ]


def _f(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(result: JSON) -> str:
    """The human-readable summary printed at the end of a run (Markdown-compatible)."""
    out: list[str] = []
    ip = result.get("in_process")
    if ip:
        out.append(f"Per-update cost in process: {ip['users']} users, {ip['updates']} updates "
                   f"({ip['paths']['seed-000']} seed 000, {ip['paths']['random']} random paths), "
                   f"median of {ip['rounds']} round(s); memory (Python heap, tracemalloc) over "
                   f"{ip.get('memory_users', ip['users'])} users in a separate untimed pass")
        out.append("")
        out.append("| row | ms/update | p50 ms | p99 ms | updates/s | x floor | x PTB peer | API calls/update "
                   "| peak MiB | KiB/user kept | durability |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for row, r in ip["rows"].items():
            out.append(
                f"| {LABELS.get(row, row)} | {_f(r['per_update_ms'], 3)} | {_f(r['p50_ms'], 3)} | {_f(r['p99_ms'], 3)}"
                f" | {_f(r['updates_per_s'], 0)} | {_f(r['ratio_to_floor'])} | {_f(r['ratio_to_ptb_peer'])}"
                f" | {_f(r['api_calls_per_update'])} | {_f(r.get('peak_mib'))}"
                f" | {_f(r.get('retained_kib_per_user'), 1)}"
                f" | {DURABILITY.get(row, '')} |"
            )
        if ip.get("rows_at_once"):
            out.append("")
            out.append(f"All {ip['users']} users at once, the same stream: each user sends the next message when "
                       "the last is answered, each framework runs the updates as its own runner does; ms/update is "
                       "the wall time over the updates, p50/p99 a turn's latency including its wait")
            out.append("")
            out.append("| row | ms/update | p50 ms | p99 ms | updates/s | x floor | x PTB peer | writes per fsync "
                       "| runs updates |")
            out.append("|---|---|---|---|---|---|---|---|---|")
            for row, r in ip["rows_at_once"].items():
                out.append(
                    f"| {LABELS.get(row, row)} | {_f(r['per_update_ms'], 3)} | {_f(r['p50_ms'], 3)}"
                    f" | {_f(r['p99_ms'], 3)} | {_f(r['updates_per_s'], 0)} | {_f(r['ratio_to_floor'])}"
                    f" | {_f(r['ratio_to_ptb_peer'])} | {_f(r.get('writes_per_commit'))}"
                    f" | {RUNS_UPDATES.get(row, '')} |"
                )
        peer = ip["rows"].get("ptb_peer", {})
        if "flush_ms" in peer:
            out.append("")
            out.append(f"PTB peer: one persistence run after the stream took {_f(peer['flush_ms'], 1)} ms "
                       f"({peer['flush_file_rewrites']} whole-file rewrites, on the event loop); counting it, "
                       f"{_f(peer['per_update_ms_with_flush'], 3)} ms/update.")
    for row, why in result.get("skipped", {}).items():
        out.append(f"skipped {LABELS.get(row, row)}: {why}")
    growth = result.get("growth")
    if growth:
        out.append("")
        out.append(f"Growth: {growth['users']} new users' conversations into a store pre-filled with N sessions "
                   f"({growth['payload_bytes']} B each), ms/update (p99)")
        out.append("")
        sizes = [str(s) for s in growth["sizes"]]
        out.append("| backend | " + " | ".join(f"N={int(s):,}" for s in sizes) + " | largest/smallest |")
        out.append("|---|" + "---|" * (len(sizes) + 1))
        for row, g in growth["rows"].items():
            cells = [f"{_f(g['by_size'][s]['per_update_ms'], 3)} ({_f(g['by_size'][s]['p99_ms'], 2)})" for s in sizes]
            ratio = _f(g["ratio_largest_to_smallest"])
            out.append(f"| {LABELS.get(row, row)} | " + " | ".join(cells) + f" | {ratio} |")
        peer = growth["rows"].get("ptb_peer")
        if peer:
            loads = ", ".join(f"N={int(s):,}: start {_f(peer['by_size'][s]['start_s'], 2)} s, "
                              f"flush {_flush(peer['by_size'][s])}" for s in sizes)
            out.append("")
            out.append(f"PTB peer persistence: {loads}")
    e2e = result.get("e2e")
    if e2e:
        out.append("")
        out.append("End to end over HTTP (itoh-bot run, SQLite store, fake Bot API on 127.0.0.1)")
        out.append("")
        out.append("| mode | users | updates | turn p50 ms | turn p99 ms | updates/s | bot CPU ms/update "
                   "| bot CPU share |")
        out.append("|---|---|---|---|---|---|---|---|")
        for mode, e in e2e.items():
            if "error" in e:
                out.append(f"| {mode} | failed: {e['error']} |||||||")
                continue
            out.append(f"| {mode} | {e['users']} | {e['updates']} | {_f(e['turn_p50_ms'], 1)}"
                       f" | {_f(e['turn_p99_ms'], 1)}"
                       f" | {_f(e['updates_per_s'], 1)} | {_f(e['bot_cpu_ms_per_update'], 2)}"
                       f" | {_f(e['bot_cpu_share'])} |")
    start = result.get("startup")
    if start:
        out.append("")
        out.append(f"Start-up: `{start['command']}` to the first question {_f(start['to_first_question_s'], 3)} s "
                   f"(median of {start['runs']}, max {_f(start['to_first_question_max_s'], 3)} s); in a fresh "
                   f"interpreter: imports {_f(start['import_s'], 3)} s, "
                   f"content load {_f(start['content_load_s'], 3)} s,"
                   f" Machine {_f(start['machine_s'], 4)} s, answer reader {_f(start['reader_s'], 4)} s")
    targets = result.get("targets")
    if targets:
        out.append("")
        out.append("| target | limit | measured | met |")
        out.append("|---|---|---|---|")
        for t in targets:
            met = "n/a" if t["met"] is None else ("yes" if t["met"] else "NO")
            out.append(f"| {t['what']} | {t['limit']:g} | {_f(t['value'], 3)} | {met} |")
    return "\n".join(out)


def _flush(by_size: JSON) -> str:
    if by_size.get("flush_ms") is not None:
        return f"{by_size['flush_ms'] / 1000:.2f} s ({int(by_size['flush_file_rewrites'])} rewrites)"
    if by_size.get("rewrite_ms") is not None:
        return f"{by_size['rewrite_ms']:.0f} ms per whole-file rewrite (full flush not run in this mode)"
    return "-"


def plot(result: JSON, path: Path) -> str | None:
    """Write the PNG; returns why not when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed (pip install -e '.[bench]')"
    panels = [p for p in ("in_process", "growth", "e2e") if result.get(p)]
    fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 5), squeeze=False)
    for ax, panel in zip(axes[0], panels, strict=True):
        if panel == "in_process":
            rows = result["in_process"]["rows"]
            at_once = result["in_process"].get("rows_at_once", {})
            names = [LABELS.get(r, r).replace(": ", ":\n").replace(" + ", "\n+ ") for r in rows]
            y = range(len(names))
            ax.barh([i - 0.2 for i in y], [rows[r]["per_update_ms"] for r in rows], height=0.4, color="#4c72b0",
                    label="one update at a time")
            if at_once:
                ax.barh([i + 0.2 for i in y], [at_once.get(r, {}).get("per_update_ms", 0) for r in rows],
                        height=0.4, color="#55a868", label="all users at once")
            ax.set_yticks(list(y), names)
            ax.set_xlabel("ms per update (in process)")
            ax.invert_yaxis()
            ax.legend(loc="upper right")  # the floor's short bars leave that corner empty
            ax.tick_params(axis="y", labelsize=7)
        elif panel == "growth":
            growth = result["growth"]
            for row, g in growth["rows"].items():
                sizes = [int(s) for s in g["by_size"]]
                ax.plot(sizes, [g["by_size"][str(s)]["per_update_ms"] for s in sizes], marker="o",
                        label=LABELS.get(row, row))
            ax.set_xscale("log")
            ax.set_ylim(bottom=0)
            ax.set_xlabel("stored sessions")
            ax.set_ylabel("ms per update")
            ax.legend(fontsize=7)
        else:
            e2e = {m: e for m, e in result["e2e"].items() if "error" not in e}
            modes = list(e2e)
            x = range(len(modes))
            ax.bar([i - 0.2 for i in x], [e2e[m]["turn_p50_ms"] for m in modes], width=0.4, label="p50")
            ax.bar([i + 0.2 for i in x], [e2e[m]["turn_p99_ms"] for m in modes], width=0.4, label="p99")
            ax.set_xticks(list(x), [f"{m}\n{e2e[m]['updates_per_s']:.0f} updates/s" for m in modes])
            ax.set_ylabel("turn latency, ms (HTTP, SQLite store)")
            ax.legend()
        ax.grid(alpha=0.3)
    m = result.get("machine", {})
    fig.suptitle(f"itoh-bot bench ({result.get('mode')}) — {m.get('nproc')} CPUs, {m.get('cpu')}, "
                 f"Python {m.get('python')}", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None
