"""Runner: one import_egms in its own process, for its peak memory (``python -m testing.bench.run_egms_import
'"CSV"' '"GPKG"'``)."""

import json
import sys
from pathlib import Path

from territoire_plugin.sources.egms import import_egms

from .common import report_peak

source, output = (json.loads(a) for a in sys.argv[1:3])
Path(output).unlink(missing_ok=True)
import_egms(source, output)
Path(output).unlink()
report_peak()
