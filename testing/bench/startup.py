"""Benchmark of the plugin's start-up (import, classFactory, provider), against QGIS's own Processing plugin
initialised in the same process. Target: ≤ 150 ms."""

from __future__ import annotations

import numpy as np

from .common import measure, runner


def bench_startup(repeat: int) -> None:
    ours, reference = [], []
    for _ in range(max(repeat, 5)):  # one fresh QGIS process each: start-up happens once per process
        line = next(line for line in measure(runner("run_startup"))["stdout"].splitlines()
                    if line.startswith("STARTUP"))
        ours.append(float(line.split()[1]))
        reference.append(float(line.split()[2]))
    mine, theirs = float(np.median(ours)) * 1000, float(np.median(reference)) * 1000
    print(f"plugin start-up (import, classFactory, Processing provider), median of {len(ours)} QGIS processes")
    print(f"  territoire                    : {mine:6.1f} ms  (target ≤ 150 ms: {'met' if mine <= 150 else 'NOT met'})")
    print(f"  QGIS Processing plugin (same process): {theirs:6.1f} ms")
    print(f"  RATIO territoire / Processing = {mine / theirs:.2f}")
