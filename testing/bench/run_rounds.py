"""Runner: algorithms run in rounds in one QGIS process (a warm-up, then each round every job once, back to
back); prints each job's times. Arguments (JSON): the jobs ({name: [(algorithm id, parameters)…]}), their order,
the number of rounds. A parameter "PREVIOUS" takes the previous step's OUTPUT."""

import os
import time

from qgis.core import QgsProcessingContext, QgsProcessingFeedback

from testing.bench.common import arguments, report_peak, start_qgis

jobs, order, rounds = arguments()
app, plugin, registry = start_qgis()


def run(name):
    runs = jobs[name]
    output = runs[-1][1]["OUTPUT"]
    if os.path.exists(output):
        os.remove(output)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    start = time.perf_counter()
    previous = None
    for algorithm_id, params in runs:
        # A C++ algorithm from QGIS 3.32 on; the Python one (qgis:) before.
        algorithm = registry.createAlgorithmById(algorithm_id) or registry.createAlgorithmById(
            algorithm_id.replace("native:", "qgis:"))
        params = {k: (previous if v == "PREVIOUS" else v) for k, v in params.items()}
        results, ok = algorithm.run(params, context, feedback)
        assert ok, results
        previous = results["OUTPUT"]
    del context
    return time.perf_counter() - start


times = {name: [] for name in order}
for name in order:
    run(name)  # warm-up: imports and caches, as in a QGIS session
for _ in range(rounds):  # each round runs every algorithm once, back to back
    for name in order:
        times[name].append(run(name))
for name in order:
    print("TIMES", name, *times[name])
report_peak()
