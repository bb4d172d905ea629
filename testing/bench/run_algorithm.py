"""Runner: one Territoire algorithm in a fresh QGIS process; prints ALGORITHM_SECONDS (the run alone).

Arguments (JSON): the algorithm id, its parameters.
"""

import time

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

from testing.bench.common import arguments, report_peak

algorithm_id, params = arguments()
app = QgsApplication([], False)
app.initQgis()
from territoire_plugin.plugin import TerritoirePlugin  # noqa: E402 - after QGIS is up, as QGIS loads plugins

plugin = TerritoirePlugin(None)
plugin.initProcessing()
algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
start = time.perf_counter()
results, ok = algorithm.run(params, context, feedback)
assert ok and results["OUTPUT"], results
print("ALGORITHM_SECONDS", time.perf_counter() - start)
report_peak()
