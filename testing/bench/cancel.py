"""Benchmark of Cancel: how soon each local algorithm stops, against the brief's 2 s (testing/bench/run_cancel.py)."""

from __future__ import annotations

import json
from pathlib import Path

from .common import measure, runner

TARGET_S = 2.0


def bench_cancel(work: Path, size: int = 3000, side: int = 150) -> None:
    result = measure(runner("run_cancel", str(work), size, side))
    rows = [json.loads(line.split(" ", 1)[1]) for line in result["stdout"].splitlines() if line.startswith("CANCEL ")]
    print(f"cancel: {size} × {size} px scene, {side * side:,} EGMS points; each algorithm run whole, then cancelled at "
          f"25/50/75 % of that time on a worker thread\n"
          "(c: it had passed its last check and wrote its whole result; fin: it had finished before the cancel)\n"
          "                               run (s)  asks  longest wait   cancel → end (s)          RATIO worst/2 s")
    worst_all = 0.0
    for row in rows:
        stops = [latency for latency, state, _ in row["attempts"] if state != "finished"]
        states = " ".join(f"{latency:5.2f}{'c' if state == 'completed' else ' '}" if state != "finished" else "  fin "
                          for latency, state, _ in row["attempts"])
        left = sorted({name for _, _, files in row["attempts"] for name in files})
        worst = max([row["gap"], *stops])
        worst_all = max(worst_all, worst)
        print(f"  {row['name']:27s} {row['full']:7.2f} {row['asks']:6d} {row['gap']:9.2f} s   {states:22s}"
              f" {worst / TARGET_S:5.2f}{'  LEFT ' + ', '.join(left) if left else ''}")
    print(f"  target: every algorithm stops within {TARGET_S:.0f} s of Cancel, leaving nothing: "
          f"{'met' if worst_all <= TARGET_S else 'NOT met'} (worst {worst_all:.2f} s)")
