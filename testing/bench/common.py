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


#: The line a runner ends with: its own peak resident memory (VmHWM, kB).
PEAK = "PEAK_RSS_KB"


def report_peak() -> None:
    """Print this process's peak resident memory, as :func:`measure` reads it. Measured inside the process
    (VmHWM of its own memory map): the rusage of a child forked from the bench also counts the bench's own
    memory at the fork, which grows with the scenes it makes."""
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    print(PEAK, peak, flush=True)


def peak_of(command: list[str]) -> list[str]:
    """``command`` (a Python script on PATH, e.g. gdal_calc.py, and its arguments) run so that it reports its
    peak memory (``testing.bench.run_peak``)."""
    return [sys.executable, "-m", "testing.bench.run_peak", *command]


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
    peaks = [int(line.split()[1]) for line in stdout.splitlines() if line.startswith(PEAK)]
    return {"wall": wall, "rss_mb": (peaks[-1] if peaks else usage.ru_maxrss) / 1024,
            "algorithm": algorithm[0] if algorithm else None, "stdout": stdout}


def arguments() -> list:
    """The JSON arguments a runner was given."""
    return [json.loads(a) for a in sys.argv[1:]]


def start_qgis():
    """A QGIS application with QGIS's Processing and the plugin's provider, for a runner; keep what it returns
    alive while the runner works: (application, plugin, Processing registry)."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing  # QGIS's Processing plugin (PYTHONPATH)

    Processing.initialize()
    from territoire_plugin.plugin import TerritoirePlugin  # after QGIS is up, as QGIS loads plugins

    plugin = TerritoirePlugin(None)
    plugin.initProcessing()
    return app, plugin, QgsApplication.processingRegistry()
