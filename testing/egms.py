#!/usr/bin/env python3
"""The project's one EGMS generator: ground-motion points on a grid or over real building footprints, written
as EGMS CSVs in the column layout of each product level.

Grid (:func:`egms_points`): around Olemps, a subsiding bowl. Footprints (:func:`points_over_footprints`):
points are placed on each footprint (EPSG:2154 input, written in EPSG:3035 like EGMS), with a
subsiding zone (buildings whose inner point lies within a radius of a centre subside), a bridge
deck whose points settle more and more towards one end (differential motion), EGMS-like noise of
0.7 mm/year on the velocities, a yearly season and acquisitions every 6 days. Writes an EGMS L2b
CSV (columns and order of the product) that territoire:import_egms reads like a real file.

Usage: python -m testing.egms BUILDINGS OUTPUT.csv [--centre X Y] [--radius R]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import numpy as np
from osgeo import ogr

ogr.UseExceptions()


def six_day_dates(start=datetime.date(2019, 1, 3), count=300) -> list[str]:
    return [(start + datetime.timedelta(days=6 * k)).strftime("%Y%m%d") for k in range(count)]


def series_for(velocity: float, years: np.ndarray, rng, season: float = 1.5) -> np.ndarray:
    """A point's series: ``velocity`` mm/yr, 1 mm of noise, and the thermal dilation of a building (``season`` mm
    each way, highest in late July: a summer rise, the opposite of clay's summer shrinkage)."""
    series = velocity * years + season * np.sin(2 * np.pi * (years - 0.30)) + rng.normal(0, 1.0, years.size)
    return series - series[0]


def clay_swing(dates, amplitude: float, dry_years=(2019, 2022), extra: float = 3.0) -> np.ndarray:
    """The seasonal swing of a house on swelling clay (mm): lowest at the end of summer (day 250), highest in early
    spring, ``amplitude`` mm each way, and ``extra`` mm more shrinkage from July to September of ``dry_years``
    (as MT-InSAR sees it over clay: Burnol et al. 2021, Atmosphere 12:1262)."""
    out = []
    for value in dates:
        day = datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        doy = day.timetuple().tm_yday
        swing = -amplitude * np.cos(2 * np.pi * (doy - 250) / 365.25)
        if day.year in dry_years and 182 <= doy <= 273:
            swing -= extra * np.sin(np.pi * (doy - 182) / 91)
        out.append(swing)
    return np.array(out)


def years_of(dates) -> np.ndarray:
    """Years since 3 January 2019 (the first date of :func:`six_day_dates`) of each YYYYMMDD date."""
    start = datetime.date(2019, 1, 3)
    return np.array([(datetime.date(int(d[:4]), int(d[4:6]), int(d[6:])) - start).days / 365.25 for d in dates])


def to_laea(lon, lat):
    from territoire_plugin.core.grid import transformation

    x, y, _ = transformation(4326, 3035).TransformPoint(lon, lat)
    return x, y


def egms_points(count_side=60, spacing=150.0, dates=None, seed=5):
    """Points on a grid around Olemps (EPSG:3035), a subsiding bowl, noise at 0.7 mm/yr, 6-day series."""
    rng = np.random.default_rng(seed)
    cx, cy = to_laea(2.554, 44.345)
    dates = six_day_dates() if dates is None else dates
    years = years_of(dates)
    points = []
    half = count_side * spacing / 2
    for j in range(count_side):
        for i in range(count_side):
            x, y = cx - half + i * spacing, cy - half + j * spacing
            bowl = -8.0 * np.exp(-((x - cx - 1000) ** 2 + (y - cy + 500) ** 2) / (2 * 600.0 ** 2))
            velocity = bowl + rng.normal(0, 0.7)
            points.append({"x": x, "y": y, "velocity": velocity, "series": series_for(velocity, years, rng)})
    return points, dates


def points_over_footprints(buildings_path, *, centre, radius=300.0, subsidence=-8.0, per_building=4,
                           bridge=None, seed=12174, clay=None, swelling: set | None = None):
    """(points, dates, moved building ids, bridge WKT): points in EPSG:3035 dicts as write_egms_csv wants.

    ``bridge``: (x0, y0, x1, y1, width) of a deck in EPSG:2154 whose points settle from 0 to −10 mm/yr
    from one end to the other. ``clay``: (centre, radius, amplitude) of a patch of swelling clay: the points of
    the buildings whose inner point lies in it swing with the seasons (:func:`clay_swing`, the amplitude varying
    by ±30 % between a building's points); their ids go into ``swelling``.
    """
    from territoire_plugin.core.grid import transformation

    rng = np.random.default_rng(seed)
    dates = six_day_dates()
    years = years_of(dates)
    to_laea = transformation(2154, 3035)
    source = ogr.Open(str(buildings_path))
    layer = source.GetLayer(0)
    points, moved = [], set()
    for feature in layer:
        inner = feature.GetGeometryRef().PointOnSurface()
        x, y = inner.GetX(), inner.GetY()
        sinking = np.hypot(x - centre[0], y - centre[1]) < radius
        if sinking:
            moved.add(feature.GetFID())
        swells = clay is not None and np.hypot(x - clay[0][0], y - clay[0][1]) < clay[1]
        if swells and swelling is not None:
            swelling.add(feature.GetFID())
        for k in range(per_building):
            angle = 2 * np.pi * k / per_building
            px, py, _ = to_laea.TransformPoint(x + 0.5 * np.cos(angle), y + 0.5 * np.sin(angle))
            velocity = (subsidence if sinking else 0.0) + rng.normal(0, 0.7)
            series = series_for(velocity, years, rng)
            if swells:
                swing = clay_swing(dates, clay[2] * (0.7 + 0.6 * k / max(per_building - 1, 1)))
                series = series + swing - swing[0]
            points.append({"x": px, "y": py, "velocity": velocity, "series": series})
    source = None
    bridge_wkt = None
    if bridge is not None:
        x0, y0, x1, y1, width = bridge
        deck = ogr.CreateGeometryFromWkt(f"LINESTRING({x0} {y0},{x1} {y1})").Buffer(width / 2, 1)
        bridge_wkt = deck.ExportToWkt()
        for step in range(11):
            share = step / 10
            px, py, _ = to_laea.TransformPoint(x0 + share * (x1 - x0), y0 + share * (y1 - y0))
            velocity = -10.0 * share + rng.normal(0, 0.7)
            points.append({"x": px, "y": py, "velocity": velocity, "series": series_for(velocity, years, rng)})
    return points, dates, moved, bridge_wkt


def write_egms_csv(path, points, dates, level="L2b", rename=False):
    """An EGMS CSV in the column layout of ``level`` (see reference/partner-services.md)."""
    import csv

    from territoire_plugin.core.grid import transformation

    to_wgs = transformation(3035, 4326)
    if level == "L3":
        head = ["pid", "easting", "northing", "height", "rmse", "mean_velocity", "mean_velocity_std",
                "acceleration", "acceleration_std", "seasonality", "seasonality_std"]
    else:
        head = ["pid"] + (["cluster_label"] if level == "L2a" else []) + [
            "mp_type", "latitude", "longitude", "easting", "northing", "height", "height_wgs84", "line", "pixel",
            "rmse", "temporal_coherence", "amplitude_dispersion", "incidence_angle", "track_angle", "los_east",
            "los_north", "los_up", "mean_velocity", "mean_velocity_std", "acceleration", "acceleration_std",
            "seasonality", "seasonality_std"]
    if rename:  # a newer release: other order, one renamed column
        head = head[::-1]
        head[head.index("mean_velocity")] = "velocity"
    if level == "L2b-2024":  # the later naming seen in a third-party file (reference/partner-services.md, low
        # confidence): height_ortho, height_ellipse, rmse_ts, and a column the plugin does not know
        head = [{"height": "height_ortho", "height_wgs84": "height_ellipse", "rmse": "rmse_ts"}.get(c, c)
                for c in head] + ["quality_flag"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(head + list(dates))
        for n, point in enumerate(points):
            lon, lat, _ = to_wgs.TransformPoint(point["x"], point["y"])
            values = {"pid": f"3PWxq{n:07d}", "cluster_label": n % 4, "mp_type": "PS", "latitude": f"{lat:.6f}",
                      "longitude": f"{lon:.6f}", "easting": f"{point['x']:.1f}", "northing": f"{point['y']:.1f}",
                      "height": "560.1", "height_wgs84": "611.3", "line": n // 100, "pixel": n % 100, "rmse": "1.1",
                      "temporal_coherence": "0.82", "amplitude_dispersion": "0.21", "incidence_angle": "38.4",
                      "track_angle": "-13.2", "los_east": "-0.61", "los_north": "-0.11", "los_up": "0.78",
                      "mean_velocity": f"{point['velocity']:.2f}", "velocity": f"{point['velocity']:.2f}",
                      "mean_velocity_std": "0.7", "acceleration": "0.01", "acceleration_std": "0.05",
                      "seasonality": "1.5", "seasonality_std": "0.3", "quality_flag": "A"}
            values.update(height_ortho=values["height"], height_ellipse=values["height_wgs84"], rmse_ts=values["rmse"])
            writer.writerow([values[column] for column in head] + [f"{v:.1f}" for v in point["series"]])
    return path


def egms_product_zip(folder, name: str, points, dates) -> Path:
    """One product zip as the EGMS archive serves it (product description 2023, reference/partner-services.md
    "EGMS products"): the CSV and its XML header under the file's own name; an Ortho tile adds its GeoTIFF."""
    import zipfile

    from osgeo import gdal

    stem = name[:-4] if name.endswith(".zip") else name
    level = "L3" if stem.startswith("EGMS_L3_") else stem.split("_")[1]
    folder = Path(folder)
    csv_path = write_egms_csv(folder / f"{stem}.csv", points, dates, level=level)
    path = folder / f"{stem}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(csv_path, f"{stem}.csv")
        archive.writestr(f"{stem}.xml", f'<?xml version="1.0"?><EGMS_Product><Name>{stem}</Name>'
                                        f'<CRS>ETRS89-LAEA</CRS></EGMS_Product>')
        if level == "L3":
            tif = f"/vsimem/{stem}.tif"
            raster = gdal.GetDriverByName("GTiff").Create(tif, 4, 4, 1, gdal.GDT_Float32)
            raster.SetGeoTransform((3_600_000.0, 100.0, 0.0, 2_400_000.0, 0.0, -100.0))
            raster = None
            archive.writestr(f"{stem}_mean_velocity.tif", bytes(gdal.VSIGetMemFileBuffer_unsafe(tif)))
            gdal.Unlink(tif)
    csv_path.unlink()
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("buildings")
    parser.add_argument("output")
    parser.add_argument("--centre", nargs=2, type=float, default=(664000.0, 6360000.0))
    parser.add_argument("--radius", type=float, default=300.0)
    args = parser.parse_args(argv)
    points, dates, moved, _ = points_over_footprints(args.buildings, centre=args.centre, radius=args.radius)
    write_egms_csv(Path(args.output), points, dates)
    print(f"{len(points)} points, {len(moved)} buildings made to subside, written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
