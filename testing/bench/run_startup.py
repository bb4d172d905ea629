"""Runner: the plugin's start-up in a running QGIS — import, classFactory, the Processing provider registered —
then, in the same process, the reference: QGIS's own Processing plugin initialised. Prints both in seconds."""

import time

from qgis.core import QgsApplication

app = QgsApplication([], False)
app.initQgis()
start = time.perf_counter()
import territoire_plugin  # noqa: E402 - what QGIS does when it loads the plugin

plugin = territoire_plugin.classFactory(None)
plugin.initProcessing()
ours = time.perf_counter() - start
assert QgsApplication.processingRegistry().algorithmById("territoire:commune_diagnostic")
start = time.perf_counter()
from processing.core.Processing import Processing  # noqa: E402 - QGIS's Processing plugin (PYTHONPATH)

Processing.initialize()
reference = time.perf_counter() - start
print("STARTUP", ours, reference)
