"""Benchmark of download_landsat: a 10 km window of four full-size Landsat COGs served on 127.0.0.1 — bytes
transferred as a share of the files, and a second run's bytes (the cache)."""

from __future__ import annotations

from pathlib import Path

from .common import measure, runner


def bench_landsat_window(work: Path) -> None:
    result = measure(runner("run_window", str(work / "window")))
    line = next((line for line in result["stdout"].splitlines() if line.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(f"window benchmark failed:\n{result['stdout']}")
    first_bytes, total, _st_total, first_time, second_bytes, second_requests, second_time = line.split()[1:]
    share = 100.0 * int(first_bytes) / int(total)
    print("download_landsat: 10 km × 10 km window of 4 full-size Landsat COGs served locally")
    print(f"  bytes transferred: {int(first_bytes) / 1e6:.2f} MB of {int(total) / 1e6:.1f} MB = {share:.2f} % "
          f"(target ≤ 3 %: {'met' if share <= 3 else 'NOT met'}), {float(first_time):.2f} s")
    print(f"  second run: {second_bytes} bytes, {second_requests} requests, {float(second_time):.2f} s "
          f"(target 0 bytes: {'met' if int(second_bytes) == 0 else 'NOT met'})")
