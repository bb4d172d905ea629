#!/usr/bin/env python3
"""`make demo`: the main job on the bundled sample, no network.

Runs territoire:landsat_lst through Processing exactly as the toolbox does (the plugin's own
provider), clipped to the study area, then writes into the output folder:
  lst_olemps.tif (+ .qml style), territoire_demo.qgz (styled project), carte_lst.png (map
  with legend, scale bar and north arrow), and prints a short summary.
Must run with Debian's /usr/bin/python3 (or a venv built on it) so PyQGIS imports.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QLocale  # noqa: E402
from qgis.PyQt.QtGui import QFont  # noqa: E402

PRODUCT = "LC09_L2SP_197029_20230715_20230717_02_T1"


def start_qgis():
    """Start QGIS headless with Processing and the Territoire provider; keep both returned objects."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))  # the report speaks French
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from territoire_plugin.plugin import TerritoirePlugin

    plugin = TerritoirePlugin(None)
    plugin.initProcessing()
    return app, plugin


def map_layout(project: QgsProject, layers, title: str, subtitle: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # A4 landscape
    layout.setName("Carte LST")
    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.setFont(QFont("Sans", 18, QFont.Weight.Bold))
    label.attemptMove(QgsLayoutPoint(10, 6, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(277, 12, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(label)
    sub = QgsLayoutItemLabel(layout)
    sub.setText(subtitle)
    sub.setFont(QFont("Sans", 9))
    sub.attemptMove(QgsLayoutPoint(10, 19, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    sub.attemptResize(QgsLayoutSize(277, 10, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(sub)

    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(10, 30, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(200, 170, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.setLayers(layers)
    extent = layers[-1].extent()  # the raster, in the project's CRS
    extent.scale(1.05)
    item.setExtent(extent)
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Légende")
    legend.setLinkedMap(item)
    legend.attemptMove(QgsLayoutPoint(215, 30, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(legend)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(item)
    scalebar.applyDefaultSize()
    scalebar.attemptMove(QgsLayoutPoint(215, 160, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(scalebar)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(str(Path(QgsApplication.pkgDataPath()) / "svg" / "arrows" / "NorthArrow_02.svg"))
    arrow.attemptMove(QgsLayoutPoint(265, 175, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    arrow.attemptResize(QgsLayoutSize(15, 20, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(arrow)
    return layout


def run(sample: Path, output: Path) -> dict:
    from qgis import processing

    output.mkdir(parents=True, exist_ok=True)
    outline = sample / "zone_etude_olemps.geojson"
    lst_path = output / "lst_olemps.tif"
    result = processing.run("territoire:landsat_lst", {
        "INPUT": str(sample / PRODUCT / f"{PRODUCT}_MTL.txt"),
        "CLIP": str(outline),
        "OUTPUT": str(lst_path),
    })

    project = QgsProject.instance()
    project.clear()
    lst = QgsRasterLayer(str(lst_path), "Température de surface (°C)", "gdal")  # styled by its .qml
    zone = QgsVectorLayer(str(outline), "Zone d'étude", "ogr")
    zone.setRenderer(zone.renderer().clone())
    zone.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "35,35,35", "outline_width": "0.6"}))
    if len(project.addMapLayers([lst, zone])) != 2:
        raise SystemExit("cannot add the demo layers to the project")
    project.setCrs(lst.crs())
    layout = map_layout(
        project, [zone, lst],
        "Température de surface — Olemps / Rodez (Aveyron)",
        "Landsat 9, 15 juillet 2023, vers 10 h 30 (échantillon synthétique du plugin Territoire). "
        "Température de la surface au sol, de jour — pas la température de l'air.",
    )
    project.layoutManager().addLayout(layout)
    project_path = output / "territoire_demo.qgz"
    if not project.write(str(project_path)):
        raise SystemExit(f"cannot write {project_path}")
    png_path = output / "carte_lst.png"
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 100
    status = QgsLayoutExporter(layout).exportToImage(str(png_path), settings)
    if status != QgsLayoutExporter.ExportResult.Success:
        raise SystemExit(f"cannot export {png_path} (status {status})")
    return {"result": result, "project": project_path, "png": png_path, "lst": lst_path}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", default=str(ROOT / "resources" / "sample"))
    parser.add_argument("--output", default=str(ROOT / "demo_output"))
    args = parser.parse_args(argv)
    app, _plugin = start_qgis()
    outputs = run(Path(args.sample), Path(args.output).resolve())
    r = outputs["result"]
    print("Territoire — démo : température de surface (Landsat) sur Olemps / Rodez")
    print(f"  échelle ST_B10 : {r['SCALE_SOURCE']}")
    print(f"  pixels clairs : {r['CLEAR_PERCENT']:.1f} % (nuages et ombres : {r['CLOUD_PERCENT']:.1f} %)")
    print(f"  température de surface : médiane {r['MEDIAN']:.1f} °C, de {r['MIN']:.1f} à {r['MAX']:.1f} °C")
    print(f"  raster : {outputs['lst']}")
    print(f"  projet QGIS : {outputs['project']}")
    print(f"  carte : {outputs['png']}")
    QgsProject.instance().clear()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
