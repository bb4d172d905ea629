"""Landsat benchmarks: territoire:landsat_lst against gdal_calc.py's bare scaling, and territoire:landsat_lst_l1
against the same chain through QGIS's raster calculator and through gdal_calc.py."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

from territoire_plugin.core.grid import GTIFF_OPTIONS

from .common import HEIGHT, WIDTH, measure, peak_of, runner

gdal.UseExceptions()
MULT, ADD = 0.00341802, 149.0


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


def bench_landsat_lst(work: Path, repeat: int) -> None:
    st, qa = make_scene(work / "scene")
    calc = ["gdal_calc.py", "-A", str(st), f"--calc=A*{MULT}+({ADD}-273.15)", "--type=Float32",
            "--NoDataValue=-9999", "--overwrite", "--quiet", f"--outfile={work / 'gdal_calc.tif'}"]
    for option in GTIFF_OPTIONS:
        calc += ["--co", option]
    ours = runner("run_algorithm", "territoire:landsat_lst", {"INPUT": str(st), "OUTPUT": str(work / "ours.tif")})
    ours_qa = runner("run_algorithm", "territoire:landsat_lst", {
        "INPUT": str(st), "QA_PIXEL": str(qa), "OUTPUT": str(work / "ours_qa.tif")})

    runs = {"gdal_calc": [], "ours": [], "ours_qa": []}
    for _ in range(repeat):  # interleaved, best of N, so machine noise hits both alike
        runs["gdal_calc"].append(measure(peak_of(calc)))
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
    paths = {band: str(folder / f"LC08_L1TP_199029_20230715_20230717_02_T1_{band}.TIF")
             for band in ("B10", "B4", "B5")}
    mtl = folder / "LC08_L1TP_199029_20230715_20230717_02_T1_MTL.txt"
    ours = runner("run_algorithm", "territoire:landsat_lst_l1",
                  {"INPUT": str(mtl), "OUTPUT": str(work / "l1_ours.tif")})
    calc_dir = work / "l1_calc"
    calc_dir.mkdir(exist_ok=True)
    calc = runner("run_calc", paths, CHAIN, str(calc_dir))
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
            peak = max(peak, measure(peak_of(command))["rss_mb"])
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
