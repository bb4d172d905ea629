"""Benchmark of import_egms (an EGMS L2b CSV as published → the GeoPackage of points with their series) against
pandas.read_csv on the same file (dev-only reference: the C parser of the usual data tool, which only reads), in
the same process, each the best of ``repeat``. Also the rate in points a second (target: ≥ 50,000) and the peak
memory of an import in its own process, for the file and for one a quarter its size (it must not grow with the
file)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from .common import measure, runner


def make_egms_csv(folder: Path, points: int) -> Path:
    """A real-layout EGMS L2b CSV of ``points`` points × 300 dates (testing/egms.py), made once."""
    from testing.egms import series_for, six_day_dates, write_egms_csv, years_of

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"EGMS_L2b_bench_{points}.csv"
    if path.exists():
        return path
    dates = six_day_dates()
    years = years_of(dates)
    rng = np.random.default_rng(3)
    rows = []
    for _ in range(points):
        velocity = float(rng.normal(0, 1.5))
        rows.append({"x": 3650000 + rng.uniform(0, 50000), "y": 2300000 + rng.uniform(0, 50000),
                     "velocity": velocity, "series": series_for(velocity, years, rng)})
    write_egms_csv(path, rows, dates)
    return path


def bench_egms_import(work: Path, points: int, repeat: int) -> None:
    import pandas

    from territoire_plugin.sources.egms import import_egms

    path = make_egms_csv(work / "egms", points)
    ours, reference = [], []
    for round_number in range(repeat):
        output = work / "egms" / f"import_{round_number}.gpkg"
        output.unlink(missing_ok=True)
        start = time.perf_counter()
        summary = import_egms(path, output)
        ours.append(time.perf_counter() - start)
        output.unlink()
        start = time.perf_counter()
        frame = pandas.read_csv(path, engine="c")
        reference.append(time.perf_counter() - start)
        del frame
    assert summary.kept == points
    best, best_reference = min(ours), min(reference)
    memory = measure(runner("run_egms_import", str(path), str(work / "egms" / "peak.gpkg")))
    # The same import of a file a quarter the size: the peak must not follow the file (the series are never held;
    # the spatial index keeps 16 bytes a point).
    quarter = make_egms_csv(work / "egms", points // 4)
    small = measure(runner("run_egms_import", str(quarter), str(work / "egms" / "peak.gpkg")))
    print(f"import_egms — {points:,} points × {len(summary.dates)} dates ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"  territoire:import_egms  {best:6.2f} s   {points / best:10,.0f} points/s (target ≥ 50,000)   "
          f"peak RSS {memory['rss_mb']:.0f} MB ({small['rss_mb']:.0f} MB for {points // 4:,} points)")
    print(f"  pandas.read_csv (C)     {best_reference:6.2f} s   {points / best_reference:10,.0f} points/s "
          f"(reads only)")
    print(f"  ratio: {best / best_reference:.2f} × pandas.read_csv")
