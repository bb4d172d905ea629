"""What the benchmarks share: the checkout's root, runner processes measured (wall time, peak RSS)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Where QGIS's own Python plugins live (Processing): runners that use QGIS's native algorithms need it.
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"
#: The synthetic Landsat scenes' size (a full scene).
WIDTH, HEIGHT = 7681, 7801


def runner(module: str, *arguments) -> list[str]:
    """The command running ``testing.bench.<module>`` with JSON-encoded ``arguments`` (see :func:`measure`)."""
    return [sys.executable, "-m", f"testing.bench.{module}", *(json.dumps(a) for a in arguments)]


def measure(command: list[str]) -> dict:
    """Wall time and peak RSS of one child process, run from the checkout's root (so ``-m testing…`` and the
    plugin import from it)."""
    start = time.perf_counter()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(p for p in (QGIS_PLUGINS, os.environ.get("PYTHONPATH")) if p)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stdout, stderr = process.stdout.read(), process.stderr.read()
    if status != 0:
        raise SystemExit(f"{command[0]} failed:\n{stdout}\n{stderr}")
    algorithm = [float(line.split()[1]) for line in stdout.splitlines() if line.startswith("ALGORITHM_SECONDS")]
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "algorithm": algorithm[0] if algorithm else None,
            "stdout": stdout}


def arguments() -> list:
    """The JSON arguments a runner was given."""
    return [json.loads(a) for a in sys.argv[1:]]
