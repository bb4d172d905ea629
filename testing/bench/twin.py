"""Benchmark of the 3D view (issue 18): a commune of ``buildings`` buildings (10–20 m squares, 3–24 m high, one of
the ground-motion classes each) on a 5 m relief of hills, opened in QGIS's 3D engine and captured as the report's
image (``qgis_io.capture3d``, 1,600 × 1,000 px) — against the reference: QGIS's 2D render of the same layers at
the same size, in the same process. Target: ≤ 20 s for 10,000 buildings on 2 cores.

The runner needs OpenGL, hence a display: it runs under ``xvfb-run`` (Mesa's software OpenGL), as the tests do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from .common import ROOT, arguments


def make_town(folder: Path, buildings: int) -> tuple[Path, Path]:
    """(GeoPackage of the buildings, relief GeoTIFF), made once."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    ogr.UseExceptions()
    folder.mkdir(parents=True, exist_ok=True)
    gpkg, relief = folder / f"town_{buildings}.gpkg", folder / "relief.tif"
    side = int(np.ceil(np.sqrt(buildings)))
    step = 4000.0 / side  # the buildings spread over 4 × 4 km, as a small town's
    x0, y0 = 660_000.0, 6_355_000.0
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    if not relief.exists():
        size = 1000
        rows, columns = np.mgrid[0:size, 0:size] * 5.0
        hills = 520 + 40 * np.sin(columns / 700.0) * np.cos(rows / 900.0) + 0.01 * columns
        dataset = gdal.GetDriverByName("GTiff").Create(str(relief), size, size, 1, gdal.GDT_Float32)
        dataset.SetGeoTransform((x0 - 500, 5.0, 0, y0 + 4500, 0, -5.0))
        dataset.SetProjection(srs.ExportToWkt())
        dataset.GetRasterBand(1).WriteArray(hills.astype(np.float32))
        dataset = None
    if not gpkg.exists():
        rng = np.random.default_rng(18)
        source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
        layer = source.CreateLayer("batiment", srs, ogr.wkbPolygon)
        for name, kind in (("hauteur", ogr.OFTReal), ("gm_class", ogr.OFTString)):
            layer.CreateField(ogr.FieldDefn(name, kind))
        layer.StartTransaction()
        for number in range(buildings):
            x = x0 + (number % side) * step + rng.uniform(0, step / 3)
            y = y0 + (number // side) * step + rng.uniform(0, step / 3)
            width = rng.uniform(10, 20)
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for dx, dy in ((0, 0), (width, 0), (width, width), (0, width), (0, 0)):
                ring.AddPoint_2D(x + dx, y + dy)
            polygon = ogr.Geometry(ogr.wkbPolygon)
            polygon.AddGeometry(ring)
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(polygon)
            feature.SetField("hauteur", float(rng.uniform(3, 24)))
            feature.SetField("gm_class", str(int(rng.choice([1, 1, 1, 2, 3, 4]))))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
        source = None
    return gpkg, relief


def bench_twin(work: Path, buildings: int) -> None:
    gpkg, relief = make_town(work / "twin", buildings)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, "-m", "testing.bench.twin",
               json.dumps(str(gpkg)), json.dumps(str(relief)), json.dumps(str(work / "twin" / "vue3d.png"))]
    run = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"the 3D bench failed:\n{run.stdout}\n{run.stderr[-3000:]}")
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"3D view — {buildings:,} buildings on a 5 m relief, image {figures['size']}")
    print(f"  3D view opened and captured   {figures['three_d']:6.2f} s   (target ≤ 20 s)")
    print(f"  2D map render, same layers    {figures['two_d']:6.2f} s")
    print(f"  ratio: {figures['three_d'] / figures['two_d']:.1f} × the 2D render")


def run_twin() -> None:
    """The runner (under xvfb-run): the 2D render, then the 3D capture, of the same project."""
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsProject,
        QgsRasterLayer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize

    gpkg, relief_path, image = arguments()
    app = QgsApplication([], True)
    app.initQgis()
    from territoire_plugin.qgis_io.capture3d import HEIGHT, WIDTH, capture_view
    from territoire_plugin.qgis_io.scene3d import height_expression, init_3d, renderer_3d, view_settings_xml
    from territoire_plugin.toolbelt.resources import resource_path

    init_3d()
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    buildings = QgsVectorLayer(f"{gpkg}|layername=batiment", "Bâtiments", "ogr")
    buildings.loadNamedStyle(str(resource_path("styles", "ground_motion_assets_polygon.qml")))
    relief = QgsRasterLayer(relief_path, "Relief", "gdal")
    assert len(project.addMapLayers([buildings, relief])) == 2
    extent = buildings.extent()
    settings = QgsMapSettings()
    settings.setLayers([buildings, relief])
    settings.setDestinationCrs(project.crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(WIDTH, HEIGHT))
    start = time.perf_counter()
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    two_d = time.perf_counter() - start
    start = time.perf_counter()
    buildings.setRenderer3D(renderer_3d(buildings.renderer(), height_expression(buildings.fields().names())))
    view = view_settings_xml(project, extent, [buildings], relief)
    Path(image).unlink(missing_ok=True)
    capture_view(project, view, image)
    three_d = time.perf_counter() - start
    print(json.dumps({"two_d": two_d, "three_d": three_d, "size": f"{WIDTH} × {HEIGHT} px"}), flush=True)
    project.clear()  # the layers go before QGIS's teardown
    del job, settings, buildings, relief, project
    app.exitQgis()


if __name__ == "__main__":
    run_twin()
