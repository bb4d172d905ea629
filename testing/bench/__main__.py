"""`make bench` (``python -m testing.bench``): performance of Territoire against reference tools, printed as ratios.

startup — the plugin's start-up (import, classFactory, provider) in a running QGIS, against QGIS's Processing
plugin initialised in the same process. Target: ≤ 150 ms.

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
import_egms — an EGMS L2b CSV of 200,000 points × 300 dates imported, against pandas.read_csv on the same file:
points a second (target ≥ 50,000) and peak memory (bounded: it does not grow with the file).
ground_motion_assets — 5,000,000 points × 250,000 building polygons, against QGIS's buffer + join by location
(summary) in the same process, round by round. Targets: ≤ 30 s, peak RSS ≤ 2 GB, ≥ 10 × the QGIS chain.
cancel — each local algorithm on a 3000 × 3000 px scene / 22,500 EGMS points: the longest wait between two of its
"cancelled?" checks over a whole run, and the time from Cancel to its end when cancelled at 25/50/75 % of its run on a
worker thread. Target: ≤ 2 s, nothing left in the output folder.

Not a test: it prints, it does not fail.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cancel import bench_cancel
from .common import ROOT
from .egms_import import bench_egms_import
from .ground_motion import bench_ground_motion
from .hotspots import bench_gi_star
from .landsat import bench_landsat_lst, bench_lst_l1
from .startup import bench_startup
from .twin import bench_twin
from .window import bench_landsat_window


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", default=str(ROOT / "bench_output"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("startup", "lst", "window", "l1", "gi", "gm", "egms", "cancel", "twin"),
                        default=None)
    parser.add_argument("--points", type=int, default=5_000_000, help="ground-motion points for --only gm")
    parser.add_argument("--buildings", type=int, default=250_000, help="building polygons for --only gm")
    parser.add_argument("--egms-points", type=int, default=200_000, help="EGMS points for --only egms")
    parser.add_argument("--twin-buildings", type=int, default=10_000, help="buildings for --only twin")
    parser.add_argument("--rounds", type=int, default=3,
                        help="ground-motion rounds, each running every algorithm once (target: their median)")
    args = parser.parse_args(argv)
    if args.only in (None, "startup"):
        bench_startup(args.repeat)
    if args.only in (None, "lst"):
        bench_landsat_lst(Path(args.work), args.repeat)
    if args.only in (None, "window"):
        bench_landsat_window(Path(args.work))
    if args.only in (None, "l1"):
        bench_lst_l1(Path(args.work), args.repeat)
    if args.only in (None, "gi"):
        bench_gi_star()
    if args.only in (None, "egms"):
        bench_egms_import(Path(args.work), args.egms_points, args.repeat)
    if args.only in (None, "gm"):
        bench_ground_motion(Path(args.work), args.points, args.buildings, args.rounds)
    if args.only in (None, "cancel"):
        bench_cancel(Path(args.work))
    if args.only in (None, "twin"):
        bench_twin(Path(args.work), args.twin_buildings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
