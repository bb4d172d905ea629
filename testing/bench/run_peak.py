"""Runner: a Python script found on PATH (e.g. gdal_calc.py) run in this process with its arguments, then its
peak memory reported (see :func:`testing.bench.common.report_peak`)."""

import runpy
import shutil
import sys

from testing.bench.common import report_peak

script = shutil.which(sys.argv[1])
sys.argv = [script, *sys.argv[2:]]
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit as stop:
    if stop.code not in (None, 0):
        raise
report_peak()
