#!/usr/bin/env python3
"""`make bench`: performance of Territoire against reference tools, printed as ratios.

landsat_lst_l1 — the Level-1 chain (radiance, BT, NDVI, emissivity, LST) on a 60 Mpx scene
against the same five expressions chained through QGIS's raster calculator and through
gdal_calc.py. Target: ≥ 2× faster than the raster-calculator chain, peak RSS ≤ 600 MB.
heat_hotspots — Gi* on a 1000 × 1000 grid, against one FFT neighbour sum of the grid.

download_landsat — a 10 km × 10 km window out of four full-size Landsat COGs served on
127.0.0.1: bytes transferred as a share of the files (target ≤ 3 %), wall time, and the second
run's bytes (target 0).

landsat_lst — a synthetic Landsat-size ST_B10 scene (7681 × 7801, uint16, tiled 512,
DEFLATE, nodata 0, like USGS's COGs). Reference: gdal_calc.py doing only the bare scaling
(same creation options). Each run is its own process: wall time and peak RSS (from wait4).
Targets: time ≤ 1.2 × gdal_calc (whole processes, QGIS start-up included), peak RSS ≤ 600 MB.
Not a test: it prints, it does not fail.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from territoire_plugin.core.grid import GTIFF_OPTIONS  # noqa: E402

gdal.UseExceptions()
WIDTH, HEIGHT = 7681, 7801
MULT, ADD = 0.00341802, 149.0

RUNNER = r"""
import sys, time
sys.path.insert(0, {root!r})
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False); app.initQgis()
from territoire_plugin.plugin import TerritoirePlugin
plugin = TerritoirePlugin(None); plugin.initProcessing()
algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:landsat_lst")
context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
start = time.perf_counter()
results, ok = algorithm.run({params!r}, context, feedback)
assert ok and results["OUTPUT"], results
print("ALGORITHM_SECONDS", time.perf_counter() - start)
"""


def make_scene(folder: Path) -> tuple[Path, Path]:
    """Synthetic scene: smooth temperature field plus noise, a fill margin, a QA band."""
    st_path = folder / "LC09_L2SP_199029_20230715_20230717_02_T1_ST_B10.TIF"
    qa_path = folder / "LC09_L2SP_199029_20230715_20230717_02_T1_QA_PIXEL.TIF"
    if st_path.exists() and qa_path.exists():
        return st_path, qa_path
    folder.mkdir(parents=True, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    options = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE"]
    datasets = []
    for path in (st_path, qa_path):
        ds = gdal.GetDriverByName("GTiff").Create(str(path) + ".part", WIDTH, HEIGHT, 1, gdal.GDT_UInt16,
                                                  options=options)
        ds.SetGeoTransform((399885.0, 30.0, 0.0, 5000115.0, 0.0, -30.0))
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).SetNoDataValue(0 if path is st_path else 1)
        datasets.append(ds)
    rng = np.random.default_rng(42)
    cols = np.arange(WIDTH)
    for row in range(0, HEIGHT, 512):
        rows = min(512, HEIGHT - row)
        yy = (np.arange(row, row + rows)[:, None]) / HEIGHT
        xx = cols[None, :] / WIDTH
        kelvin = 295 + 8 * np.sin(6 * xx) * np.cos(4 * yy) + rng.normal(0, 0.8, (rows, WIDTH))
        dn = np.round((kelvin - ADD) / MULT).astype(np.uint16)
        # Rotated swath: the corners are fill, as in a real scene.
        fill = (xx + yy < 0.15) | (xx + yy > 1.85) | (xx - yy > 0.85) | (yy - xx > 0.85)
        dn[fill] = 0
        qa = np.where(fill, 1, 21824).astype(np.uint16)
        cloud = ((xx - 0.6) ** 2 + (yy - 0.3) ** 2) < 0.01
        qa[cloud & ~fill] = 22280
        datasets[0].GetRasterBand(1).WriteArray(dn, 0, row)
        datasets[1].GetRasterBand(1).WriteArray(qa, 0, row)
    datasets = None
    for path in (st_path, qa_path):
        os.replace(str(path) + ".part", path)
    return st_path, qa_path


def measure(command: list[str]) -> dict:
    """Wall time and peak RSS of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stdout, stderr = process.stdout.read(), process.stderr.read()
    if status != 0:
        raise SystemExit(f"{command[0]} failed:\n{stdout}\n{stderr}")
    algorithm = [float(line.split()[1]) for line in stdout.splitlines() if line.startswith("ALGORITHM_SECONDS")]
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "algorithm": algorithm[0] if algorithm else None,
            "stdout": stdout}


def bench_landsat_lst(work: Path, repeat: int) -> None:
    st, qa = make_scene(work / "scene")
    python = sys.executable
    calc = ["gdal_calc.py", "-A", str(st), f"--calc=A*{MULT}+({ADD}-273.15)", "--type=Float32",
            "--NoDataValue=-9999", "--overwrite", "--quiet", f"--outfile={work / 'gdal_calc.tif'}"]
    for option in GTIFF_OPTIONS:
        calc += ["--co", option]
    ours = [python, "-c", RUNNER.format(root=str(ROOT), params={"INPUT": str(st), "OUTPUT": str(work / "ours.tif")})]
    ours_qa = [python, "-c", RUNNER.format(root=str(ROOT), params={
        "INPUT": str(st), "QA_PIXEL": str(qa), "OUTPUT": str(work / "ours_qa.tif")})]

    runs = {"gdal_calc": [], "ours": [], "ours_qa": []}
    for _ in range(repeat):  # interleaved, best of N, so machine noise hits both alike
        runs["gdal_calc"].append(measure(calc))
        runs["ours"].append(measure(ours))
        runs["ours_qa"].append(measure(ours_qa))
    best = {name: min(results, key=lambda r: r["wall"]) for name, results in runs.items()}
    reference, mine, masked = best["gdal_calc"], best["ours"], best["ours_qa"]
    print(f"landsat_lst on a {WIDTH}×{HEIGHT} ST_B10 scene ({WIDTH * HEIGHT / 1e6:.0f} Mpx), best of {repeat}")
    print(f"  gdal_calc.py bare scaling     : {reference['wall']:6.2f} s   peak RSS {reference['rss_mb']:6.0f} MB")
    print(f"  territoire:landsat_lst        : {mine['wall']:6.2f} s   peak RSS {mine['rss_mb']:6.0f} MB"
          f"   (algorithm alone {mine['algorithm']:.2f} s, the rest is QGIS start-up)")
    print(f"  territoire:landsat_lst + QA   : {masked['wall']:6.2f} s   peak RSS {masked['rss_mb']:6.0f} MB")
    ratio = mine["wall"] / reference["wall"]
    print(f"  RATIO time territoire / gdal_calc = {ratio:.2f}  (target ≤ 1.20: {'met' if ratio <= 1.2 else 'NOT met'})")
    print(f"  RATIO time with QA masking / gdal_calc = {masked['wall'] / reference['wall']:.2f}")
    print(f"  RATIO algorithm inside a running QGIS / gdal_calc = {mine['algorithm'] / reference['wall']:.2f}"
          "  (what a user waits for after clicking Run)")
    peak = max(mine["rss_mb"], masked["rss_mb"])
    print(f"  peak RSS {peak:.0f} MB  (target ≤ 600 MB: {'met' if peak <= 600 else 'NOT met'})")


WINDOW_RUNNER = r"""
import os, sys, time
sys.path[:0] = [{root!r}, {tests!r}, {scripts!r}]  # fake_services imports the EGMS writer from scripts/
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsSettings
app = QgsApplication([], False); app.initQgis()
from fake_services import install_sas_and_cogs, install_stac, landsat_item, make_cog, to_lambert93
from local_server import LocalServer
from territoire_plugin.plugin import TerritoirePlugin
work = {work!r}
os.makedirs(work, exist_ok=True)
cogs = {{}}
for band in ("ST_B10", "QA_PIXEL", "SR_B4", "SR_B5"):
    path = os.path.join(work, f"LC09_L2SP_197029_20230715_20230717_02_T1_{{band}}.TIF")
    if not os.path.exists(path):
        make_cog(path, band)
    from pathlib import Path
    cogs[band] = Path(path)
server = LocalServer()
items = [landsat_item(server.url, "LC09_L2SP_197029_20230715_02_T1", "2023-07-15T10:32:41Z", 3.2, cogs)]
os.environ["TERRITOIRE_PLANETARY_COMPUTER_STAC_URL"] = install_stac(server, items)
os.environ["TERRITOIRE_PLANETARY_COMPUTER_SAS_URL"] = install_sas_and_cogs(server, {{p.name: p for p in cogs.values()}})
QgsSettings().setValue("territoire/cache_dir", os.path.join(work, "cache"))
plugin = TerritoirePlugin(None); plugin.initProcessing()
x, y = to_lambert93(2.554, 44.345)
extent = f"{{x - 5000}},{{x + 5000}},{{y - 5000}},{{y + 5000}} [EPSG:2154]"
out = os.path.join(work, "scenes")
import shutil
shutil.rmtree(out, ignore_errors=True)
shutil.rmtree(os.path.join(work, "cache"), ignore_errors=True)
algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:download_landsat")
params = {{"EXTENT": extent, "START": "2023-06-01", "END": "2023-08-31", "MAX_SCENES": 1, "OUTPUT_FOLDER": out}}
start = time.perf_counter()
results, ok = algorithm.run(params, QgsProcessingContext(), QgsProcessingFeedback())
first_time = time.perf_counter() - start
first_bytes = server.bytes_sent
total = sum(p.stat().st_size for p in cogs.values())
st_total = cogs["ST_B10"].stat().st_size
server.reset()
start = time.perf_counter()
results, ok = algorithm.run(params, QgsProcessingContext(), QgsProcessingFeedback())
second_time = time.perf_counter() - start
print("RESULT", first_bytes, total, st_total, first_time, server.bytes_sent, len(server.requests), second_time)
server.close()
"""


def bench_landsat_window(work: Path) -> None:
    code = WINDOW_RUNNER.format(root=str(ROOT), tests=str(ROOT / "tests"), scripts=str(ROOT / "scripts"),
                                work=str(work / "window"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(f"window benchmark failed:\n{result.stdout}\n{result.stderr}")
    first_bytes, total, _st_total, first_time, second_bytes, second_requests, second_time = line.split()[1:]
    share = 100.0 * int(first_bytes) / int(total)
    print("download_landsat: 10 km × 10 km window of 4 full-size Landsat COGs served locally")
    print(f"  bytes transferred: {int(first_bytes) / 1e6:.2f} MB of {int(total) / 1e6:.1f} MB = {share:.2f} % "
          f"(target ≤ 3 %: {'met' if share <= 3 else 'NOT met'}), {float(first_time):.2f} s")
    print(f"  second run: {second_bytes} bytes, {second_requests} requests, {float(second_time):.2f} s "
          f"(target 0 bytes: {'met' if int(second_bytes) == 0 else 'NOT met'})")


L1_MTL = """GROUP = LANDSAT_METADATA_FILE
  GROUP = PRODUCT_CONTENTS
    LANDSAT_PRODUCT_ID = "LC08_L1TP_199029_20230715_20230717_02_T1"
    PROCESSING_LEVEL = "L1TP"
    FILE_NAME_BAND_4 = "LC08_L1TP_199029_20230715_20230717_02_T1_B4.TIF"
    FILE_NAME_BAND_5 = "LC08_L1TP_199029_20230715_20230717_02_T1_B5.TIF"
    FILE_NAME_BAND_10 = "LC08_L1TP_199029_20230715_20230717_02_T1_B10.TIF"
  END_GROUP = PRODUCT_CONTENTS
  GROUP = IMAGE_ATTRIBUTES
    SPACECRAFT_ID = "LANDSAT_8"
  END_GROUP = IMAGE_ATTRIBUTES
  GROUP = LEVEL1_RADIOMETRIC_RESCALING
    RADIANCE_MULT_BAND_10 = 3.3420E-04
    RADIANCE_ADD_BAND_10 = 0.10000
    REFLECTANCE_MULT_BAND_4 = 2.0000E-05
    REFLECTANCE_ADD_BAND_4 = -0.100000
    REFLECTANCE_MULT_BAND_5 = 2.0000E-05
    REFLECTANCE_ADD_BAND_5 = -0.100000
  END_GROUP = LEVEL1_RADIOMETRIC_RESCALING
  GROUP = LEVEL1_THERMAL_CONSTANTS
    K1_CONSTANT_BAND_10 = 774.8853
    K2_CONSTANT_BAND_10 = 1321.0789
  END_GROUP = LEVEL1_THERMAL_CONSTANTS
END_GROUP = LANDSAT_METADATA_FILE
END
"""

# The same chain as territoire:landsat_lst_l1, one expression per step, as a user would chain them.
CHAIN = (
    ("radiance", "B10@1 * 0.0003342 + 0.1", ("B10",)),
    ("bt", "1321.0789 / ln(774.8853 / radiance@1 + 1)", ("radiance",)),
    ("ndvi", "((B5@1 * 0.00002 - 0.1) - (B4@1 * 0.00002 - 0.1)) / "
             "((B5@1 * 0.00002 - 0.1) + (B4@1 * 0.00002 - 0.1))", ("B4", "B5")),
    ("emissivity", "(ndvi@1 < 0) * 0.991 + (ndvi@1 >= 0 AND ndvi@1 < 0.2) * 0.97 + (ndvi@1 >= 0.2 AND ndvi@1 <= 0.5)"
                   " * (0.004 * ((ndvi@1 - 0.2) / 0.3) ^ 2 + 0.986) + (ndvi@1 > 0.5) * 0.99", ("ndvi",)),
    ("lst", "bt@1 / (1 + (0.000010895 * bt@1 / 0.014388) * ln(emissivity@1)) - 273.15", ("bt", "emissivity")),
)

# The same five steps for gdal_calc.py (numpy syntax, inputs named A, B, C).
GDAL_CHAIN = (
    ("radiance", "A * 0.0003342 + 0.1", ("B10",)),
    ("bt", "1321.0789 / log(774.8853 / A + 1)", ("radiance",)),
    ("ndvi", "((B * 0.00002 - 0.1) - (A * 0.00002 - 0.1)) / ((B * 0.00002 - 0.1) + (A * 0.00002 - 0.1))",
     ("B4", "B5")),
    ("emissivity", "(A < 0) * 0.991 + ((A >= 0) & (A < 0.2)) * 0.97 + ((A >= 0.2) & (A <= 0.5))"
                   " * (0.004 * ((A - 0.2) / 0.3) ** 2 + 0.986) + (A > 0.5) * 0.99", ("ndvi",)),
    ("lst", "A / (1 + (0.000010895 * A / 0.014388) * log(B)) - 273.15", ("bt", "emissivity")),
)

CALC_RUNNER = r"""
import os, sys, time
from qgis.core import QgsApplication, QgsRasterLayer
from qgis.analysis import QgsRasterCalculator, QgsRasterCalculatorEntry
app = QgsApplication([], False); app.initQgis()
paths = {paths!r}
chain = {chain!r}
work = {work!r}
start = time.perf_counter()
for name, expression, inputs in chain:
    entries = []
    for ref in inputs:
        layer = QgsRasterLayer(paths[ref], ref)
        entry = QgsRasterCalculatorEntry(); entry.ref = ref + "@1"; entry.raster = layer; entry.bandNumber = 1
        entries.append(entry)
    out = os.path.join(work, name + ".tif")
    first = QgsRasterLayer(paths[inputs[0]], "x")
    calc = QgsRasterCalculator(expression, out, "GTiff", first.extent(), first.width(), first.height(), entries)
    assert calc.processCalculation() == 0, name
    paths[name] = out
print("ALGORITHM_SECONDS", time.perf_counter() - start)
"""

L1_RUNNER = RUNNER.replace("territoire:landsat_lst", "territoire:landsat_lst_l1")


def make_l1_scene(folder: Path) -> Path:
    if (folder / "LC08_L1TP_199029_20230715_20230717_02_T1_MTL.txt").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    rng = np.random.default_rng(5)
    options = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE"]
    datasets = {}
    for band in ("B10", "B4", "B5"):
        name = folder / f"LC08_L1TP_199029_20230715_20230717_02_T1_{band}.TIF"
        ds = gdal.GetDriverByName("GTiff").Create(str(name), WIDTH, HEIGHT, 1, gdal.GDT_UInt16, options=options)
        ds.SetGeoTransform((399885.0, 30.0, 0.0, 5000115.0, 0.0, -30.0))
        ds.SetProjection(srs.ExportToWkt())
        datasets[band] = ds
    cols = np.arange(WIDTH) / WIDTH
    for row in range(0, HEIGHT, 512):
        rows = min(512, HEIGHT - row)
        yy = np.arange(row, row + rows)[:, None] / HEIGHT
        wave = np.sin(6 * cols)[None, :] * np.cos(4 * yy)
        noise = rng.normal(0, 1, (rows, WIDTH))
        for band, base, amplitude, spread in (("B10", 28000, 2500, 100), ("B4", 9000, 2000, 200),
                                              ("B5", 20000, -6000, 300)):
            values = np.round(base + amplitude * wave + spread * noise).astype(np.uint16)
            datasets[band].GetRasterBand(1).WriteArray(values, 0, row)
    datasets = None
    (folder / "LC08_L1TP_199029_20230715_20230717_02_T1_MTL.txt").write_text(L1_MTL)
    return folder


def bench_lst_l1(work: Path, repeat: int) -> None:
    folder = make_l1_scene(work / "l1_scene")
    python = sys.executable
    paths = {band: str(folder / f"LC08_L1TP_199029_20230715_20230717_02_T1_{band}.TIF")
             for band in ("B10", "B4", "B5")}
    mtl = folder / "LC08_L1TP_199029_20230715_20230717_02_T1_MTL.txt"
    ours = [python, "-c", L1_RUNNER.format(root=str(ROOT), params={"INPUT": str(mtl),
                                                                    "OUTPUT": str(work / "l1_ours.tif")})]
    calc_dir = work / "l1_calc"
    calc_dir.mkdir(exist_ok=True)
    calc = [python, "-c", CALC_RUNNER.format(paths=paths, chain=CHAIN, work=str(calc_dir))]
    gdal_dir = work / "l1_gdal_calc"
    gdal_dir.mkdir(exist_ok=True)
    gdal_steps = []
    outputs = dict(paths)
    for name, expression, inputs in GDAL_CHAIN:
        command = ["gdal_calc.py", "--quiet", "--overwrite", "--type=Float32",
                   f"--outfile={gdal_dir / (name + '.tif')}", f"--calc={expression}"]
        for letter, ref in zip("ABC", inputs):
            command += [f"-{letter}", outputs[ref]]
        outputs[name] = str(gdal_dir / (name + ".tif"))
        gdal_steps.append(command)

    def gdal_chain():
        start = time.perf_counter()
        peak = 0.0
        for command in gdal_steps:
            peak = max(peak, measure(command)["rss_mb"])
        return {"wall": time.perf_counter() - start, "rss_mb": peak, "algorithm": None}

    runs = {"ours": [], "calc": [], "gdal": []}
    for _ in range(repeat):
        runs["ours"].append(measure(ours))
        runs["calc"].append(measure(calc))
        runs["gdal"].append(gdal_chain())
    best = {name: min(results, key=lambda r: r["wall"]) for name, results in runs.items()}
    mine, qgis_calc, gdal_c = best["ours"], best["calc"], best["gdal"]
    print(f"landsat_lst_l1 chain (radiance, BT, NDVI, emissivity, LST) on {WIDTH}×{HEIGHT} px, best of {repeat}")
    print(f"  territoire:landsat_lst_l1        : {mine['wall']:6.2f} s   peak RSS {mine['rss_mb']:6.0f} MB"
          f"   (algorithm alone {mine['algorithm']:.2f} s)")
    print(f"  QGIS raster calculator, 5 steps  : {qgis_calc['wall']:6.2f} s   peak RSS {qgis_calc['rss_mb']:6.0f} MB"
          f"   (calculations alone {qgis_calc['algorithm']:.2f} s)")
    print(f"  gdal_calc.py, 5 steps            : {gdal_c['wall']:6.2f} s   peak RSS {gdal_c['rss_mb']:6.0f} MB")
    speedup = qgis_calc["wall"] / mine["wall"]
    verdict = "met" if speedup >= 2 else "NOT met"
    print(f"  RATIO raster calculator / territoire = {speedup:.2f}  (target ≥ 2: {verdict})")
    print(f"  RATIO gdal_calc chain / territoire = {gdal_c['wall'] / mine['wall']:.2f}")
    print(f"  peak RSS {mine['rss_mb']:.0f} MB  (target ≤ 600 MB: {'met' if mine['rss_mb'] <= 600 else 'NOT met'})")


def bench_gi_star() -> None:
    from territoire_plugin.analysis.heat.hotspots import _convolve, _disk, getis_ord_gi_star

    rng = np.random.default_rng(1)
    values = rng.normal(30, 3, (1000, 1000))
    values[400:500, 400:500] += 5
    start = time.perf_counter()
    z = getis_ord_gi_star(values, 100.0, 500.0)
    gi_time = time.perf_counter() - start
    start = time.perf_counter()
    _convolve(values, _disk(5.0))
    conv_time = time.perf_counter() - start
    print("heat_hotspots: Getis-Ord Gi* on a 1000 × 1000 grid, distance band 5 cells")
    print(f"  Gi*: {gi_time:.2f} s; one FFT neighbour sum of the grid: {conv_time:.2f} s; "
          f"RATIO {gi_time / conv_time:.1f} (two neighbour sums + arithmetic); "
          f"{int((z > 2.576).sum())} hot cells at 99 %")


GM_RUNNER = r"""
import os, sys, time
sys.path.insert(0, {root!r})
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False); app.initQgis()
jobs, order, rounds = {jobs!r}, {order!r}, {rounds!r}
sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
from territoire_plugin.plugin import TerritoirePlugin
plugin = TerritoirePlugin(None); plugin.initProcessing()
registry = QgsApplication.processingRegistry()


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
        params = {{k: (previous if v == "PREVIOUS" else v) for k, v in params.items()}}
        results, ok = algorithm.run(params, context, feedback)
        assert ok, results
        previous = results["OUTPUT"]
    del context
    return time.perf_counter() - start


times = {{name: [] for name in order}}
for name in order:
    run(name)  # warm-up: imports and caches, as in a QGIS session
for _ in range(rounds):  # each round runs every algorithm once, back to back
    for name in order:
        times[name].append(run(name))
for name in order:
    print("TIMES", name, *times[name])
"""


def make_ground_motion_data(folder: Path, points: int, buildings: int) -> tuple[Path, Path]:
    """Buildings (10–20 m squares, 90 m apart) and EGMS-like points over them, in Lambert-93 GeoPackages."""
    from osgeo import ogr

    ogr.UseExceptions()
    folder.mkdir(parents=True, exist_ok=True)
    assets, motion = folder / f"buildings_{buildings}.gpkg", folder / f"points_{points}.gpkg"
    if assets.exists() and motion.exists():
        return assets, motion
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    side = int(np.ceil(np.sqrt(buildings)))
    rng = np.random.default_rng(0)
    for path, count in ((assets, buildings), (motion, points)):
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        layer = dataset.CreateLayer(path.stem, srs=srs,
                                    geom_type=ogr.wkbPolygon if path is assets else ogr.wkbPoint)
        for name in (("id",) if path is assets else ("velocity", "velocity_std")):
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
        layer.StartTransaction()
        for index in range(count):
            feature = ogr.Feature(layer.GetLayerDefn())
            if path is assets:
                x, y = 660000 + (index % side) * 90.0, 6350000 + (index // side) * 90.0
                w, h = 10 + index % 11, 10 + index % 7
                feature.SetGeometry(ogr.CreateGeometryFromWkt(
                    f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"))
                feature.SetField("id", index)
            else:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(660000 + rng.uniform(0, side * 90.0), 6350000 + rng.uniform(0, side * 90.0))
                feature.SetGeometry(point)
                feature.SetField("velocity", float(rng.normal(0, 1.5)))
                feature.SetField("velocity_std", 0.7)
            layer.CreateFeature(feature)
        layer.CommitTransaction()
        dataset = None
    return assets, motion


def bench_ground_motion(work: Path, points: int, buildings: int, repeat: int) -> None:
    """territoire:ground_motion_assets against QGIS's join by location (summary).

    Three references: the join alone (intersects, without the 5 m buffers: less work than ours), the
    equivalent chain (native:buffer 5 m, then the join: the same point sets), and the floor every one of
    these runs pays — copying the assets into a GeoPackage with one more field (native:addautoincrementalfield).
    Times: one process runs every algorithm once to warm up, then ``repeat`` rounds, each round every algorithm
    once, back to back, so that each ratio compares runs made under the same machine load; the target is
    judged on the median of the rounds' ratios. Memory: each algorithm once more in its own process (peak RSS).
    """
    assets, motion = make_ground_motion_data(work / "ground_motion", points, buildings)
    folder = work / "ground_motion"
    # Count, min, max, mean, median, Q1, Q3 of the velocity: the nearest QGIS offers to ours (count, median,
    # mean, max |v|, P10, P90). Indices of qgis:joinbylocationsummary's SUMMARIES list.
    join = {"JOIN": str(motion), "PREDICATE": [0], "JOIN_FIELDS": ["velocity"],
            "SUMMARIES": [0, 2, 3, 6, 7, 11, 12], "DISCARD_NONMATCHING": False}
    jobs = {
        "ours": [("territoire:ground_motion_assets", {"POINTS": str(motion), "ASSETS": str(assets),
                                                      "BUFFER_POLYGON": 5.0, "OUTPUT": str(folder / "ours.gpkg")})],
        "chain": [("native:buffer", {"INPUT": str(assets), "DISTANCE": 5.0, "SEGMENTS": 5,
                                     "OUTPUT": "TEMPORARY_OUTPUT"}),
                  ("native:joinbylocationsummary", {"INPUT": "PREVIOUS", **join,
                                                    "OUTPUT": str(folder / "native_buffered.gpkg")})],
        "bare": [("native:joinbylocationsummary", {"INPUT": str(assets), **join,
                                                   "OUTPUT": str(folder / "native.gpkg")})],
        "floor": [("native:addautoincrementalfield", {"INPUT": str(assets), "FIELD_NAME": "n",
                                                      "OUTPUT": str(folder / "copy.gpkg")})],
    }
    order = list(jobs)

    def runner(names, rounds):
        return measure([sys.executable, "-c", GM_RUNNER.format(
            root=str(ROOT), jobs={n: jobs[n] for n in names}, order=names, rounds=rounds)])

    timed = runner(order, repeat)
    times = {line.split()[1]: np.array([float(v) for v in line.split()[2:]])
             for line in timed["stdout"].splitlines() if line.startswith("TIMES")}
    memory = {name: runner([name], 1) for name in order}
    print(f"ground_motion_assets: {points:,} points × {buildings:,} building polygons; {repeat} rounds, each running "
          "every algorithm once, back to back\n"
          "                                     fastest · median   peak RSS   RATIO to ours, round by round (median)")

    def line(label, name, note):
        print(f"  {label:33s}: {times[name].min():6.2f} · {float(np.median(times[name])):6.2f} s"
              f" {memory[name]['rss_mb']:6.0f} MB   {note}")

    def ratios(name):
        values = times[name] / times["ours"]
        return values, f"{' '.join(f'{v:5.1f}' for v in values)}  ({float(np.median(values)):.1f}×)"

    line("territoire:ground_motion_assets", "ours", "(target < 30 s)")
    line("QGIS join by location, no buffer", "bare", ratios("bare")[1])
    line("QGIS buffer 5 m + join (same)", "chain", ratios("chain")[1])
    line("floor: copy the assets to GPKG", "floor", "(paid by every run above)")
    values = ratios("chain")[0]
    typical = float(np.median(values))
    print(f"  target ≥ 10× (equivalent chain, median of the rounds): {'met' if typical >= 10 else 'NOT met'}"
          f" ({typical:.1f}×; rounds {values.min():.1f}–{values.max():.1f}×)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", default=str(ROOT / "bench_output"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("lst", "window", "l1", "gi", "gm"), default=None)
    parser.add_argument("--points", type=int, default=1_000_000, help="ground-motion points for --only gm")
    parser.add_argument("--buildings", type=int, default=50_000, help="building polygons for --only gm")
    parser.add_argument("--rounds", type=int, default=5,
                        help="ground-motion rounds, each running every algorithm once (target: their median)")
    args = parser.parse_args(argv)
    if args.only in (None, "lst"):
        bench_landsat_lst(Path(args.work), args.repeat)
    if args.only in (None, "window"):
        bench_landsat_window(Path(args.work))
    if args.only in (None, "l1"):
        bench_lst_l1(Path(args.work), args.repeat)
    if args.only in (None, "gi"):
        bench_gi_star()
    if args.only in (None, "gm"):
        bench_ground_motion(Path(args.work), args.points, args.buildings, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
