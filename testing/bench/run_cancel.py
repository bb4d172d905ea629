"""Runner: how soon each local algorithm stops after Cancel, on inputs large enough to take seconds.

For each algorithm: one full run whose feedback notes every time the algorithm asks "cancelled?" (the longest
wait between two asks, start and end included, is the worst delay a Cancel can meet anywhere in the run); then
runs on a worker thread (as QGIS runs them from the dialog) cancelled at 25 %, 50 % and 75 % of the full run's
time, each timed from cancel() to the run's return, and checked to leave nothing in its folder.
Prints one CANCEL line per algorithm. Argument (JSON): the work folder.
"""

import json
import shutil
import sys
import threading
import time
from pathlib import Path

from qgis.core import QgsProcessingContext, QgsProcessingFeedback

from testing.bench.common import ROOT, arguments, start_qgis

work, size, side = arguments()
work = Path(work) / "cancel"
app, plugin, registry = start_qgis()
sys.path.insert(0, str(ROOT / "tests" / "qgis"))
from algorithm_inputs import parameters  # noqa: E402 - the tests' valid parameters of every algorithm

#: The algorithms that work on local files (the downloads' Cancel during a request is tested against the fault
#: server, tests/qgis/test_network_faults.py).
LOCAL = ["corridor_change", "greening_scenario", "ground_motion_assets", "ground_motion_differential",
         "ground_motion_trend", "heat_exposure", "heat_hotspots", "heat_island_intensity", "heat_islands",
         "import_egms", "landsat_lst", "lst_composite", "ndvi"]


def bench_parameters(name: str, given: dict, out: Path) -> dict:
    """The tests' parameters; the heat-island intensity gets the town and the NDVI (its reference needs them)."""
    params = parameters(name, given, out)
    if name == "heat_island_intensity":
        params.update(TOWN=given["town"], NDVI=given["ndvi"])
    return params


def run(name, params, feedback):
    algorithm = registry.createAlgorithmById(f"territoire:{name}")
    context = QgsProcessingContext()  # made in the thread that runs the algorithm
    results, ok = algorithm.run(params, context, feedback)
    del context
    return results, ok


def make_inputs(size: int, side: int) -> dict:
    from testing import egms as egms_data
    from testing import fake_services, sample_data

    work.mkdir(parents=True, exist_ok=True)
    ready = work / "inputs.json"
    if ready.exists():
        return json.loads(ready.read_text(encoding="utf-8"))
    product = sample_data.generate(work / "product", size)
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    buildings, lines = work / "buildings.geojson", work / "roads.geojson"
    buildings.write_text(json.dumps({"type": "FeatureCollection", "crs": crs,
                                     "features": fake_services.lambert93_buildings(120, 80, step=50.0)}))
    lines.write_text(json.dumps({"type": "FeatureCollection", "crs": crs,
                                 "features": fake_services.lambert93_lines("troncon_de_route", 200)}))
    points, dates = egms_data.egms_points(count_side=side, spacing=40.0)
    egms_csv = egms_data.write_egms_csv(work / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.csv", points, dates)
    given = {"product": str(product), "buildings": str(buildings), "lines": str(lines), "egms_csv": str(egms_csv)}
    for key, name, params in (("lst", "landsat_lst", {"INPUT": str(product)}),
                              ("ndvi", "ndvi", {"INPUT": str(product)}),
                              ("egms", "import_egms", {"INPUT": str(egms_csv)})):
        output = work / f"{key}{'.gpkg' if key == 'egms' else '.tif'}"
        results, ok = run(name, {**params, "OUTPUT": str(output)}, QgsProcessingFeedback())
        assert ok, (name, results)
        given[key] = str(output)
    ready.write_text(json.dumps(given), encoding="utf-8")
    return given


class Polled(QgsProcessingFeedback):
    """Notes the time of every "cancelled?" the algorithm asks (from Python: the analyses' is_canceled)."""

    def __init__(self):
        super().__init__()
        self.asked = []

    def isCanceled(self):  # noqa: N802 - Qt API
        self.asked.append(time.perf_counter())
        return super().isCanceled()


def folder_for(name: str, attempt: str) -> Path:
    out = work / "runs" / f"{name}_{attempt}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return out


def cancelled_at(name: str, given: dict, delay: float, attempt: str) -> tuple[float, str, list]:
    """(seconds from cancel() to the run's return, how it ended, files left in its folder). It ended "stopped"
    (cancelled: no result, nothing left), "finished" (before the cancel came) or "completed" (it had passed its
    last check and wrote its whole result after the cancel)."""
    out = folder_for(name, attempt)
    feedback, ended = QgsProcessingFeedback(), {}

    def work_thread():
        try:
            ended["result"] = run(name, bench_parameters(name, given, out), feedback)
        finally:
            ended["time"] = time.perf_counter()

    thread = threading.Thread(target=work_thread, daemon=True)
    thread.start()
    time.sleep(delay)
    asked = time.perf_counter()
    feedback.cancel()
    thread.join(120)
    if "time" not in ended:
        return float("inf"), "completed", ["still running 120 s after Cancel"]
    results, _ok = ended.get("result", ({}, False))
    state = "finished" if ended["time"] <= asked else ("stopped" if not results else "completed")
    left = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) if state == "stopped" else []
    return max(ended["time"] - asked, 0.0), state, left


# (no download is benched; the town is the sample's study area)
given = {"population": "", "town": str(work / "product" / "zone_etude_olemps.geojson"), **make_inputs(size, side)}
for name in LOCAL:
    out = folder_for(name, "full")
    feedback = Polled()
    start = time.perf_counter()
    results, ok = run(name, bench_parameters(name, given, out), feedback)
    end = time.perf_counter()
    assert ok, (name, results)
    marks = [start, *feedback.asked, end]
    gap = max(b - a for a, b in zip(marks, marks[1:]))
    attempts = [cancelled_at(name, given, share * (end - start), f"{int(share * 100)}") for share in (0.25, 0.5, 0.75)]
    print("CANCEL", json.dumps({"name": name, "full": end - start, "asks": len(feedback.asked), "gap": gap,
                                "attempts": attempts}), flush=True)
shutil.rmtree(work / "runs", ignore_errors=True)
