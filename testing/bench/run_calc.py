"""Runner: a chain of raster-calculator expressions, one QgsRasterCalculator per step (the reference of the
Level-1 LST benchmark). Arguments (JSON): the input paths by name, the chain, the work folder."""

import os
import time

from qgis.analysis import QgsRasterCalculator, QgsRasterCalculatorEntry
from qgis.core import QgsApplication, QgsRasterLayer

from testing.bench.common import arguments, report_peak

paths, chain, work = arguments()
app = QgsApplication([], False)
app.initQgis()
start = time.perf_counter()
for name, expression, inputs in chain:
    entries = []
    for ref in inputs:
        layer = QgsRasterLayer(paths[ref], ref)
        entry = QgsRasterCalculatorEntry()
        entry.ref, entry.raster, entry.bandNumber = ref + "@1", layer, 1
        entries.append(entry)
    out = os.path.join(work, name + ".tif")
    first = QgsRasterLayer(paths[inputs[0]], "x")
    calc = QgsRasterCalculator(expression, out, "GTiff", first.extent(), first.width(), first.height(), entries)
    assert calc.processCalculation() == 0, name
    paths[name] = out
print("ALGORITHM_SECONDS", time.perf_counter() - start)
report_peak()
