"""Run under xvfb-run by test_scene3d (a display, so OpenGL): the 3D view of real Olemps buildings, classed by a
plugin style, captured; a JSON report of what was asked, for the test to check against the image.

Arguments: output folder, style name."""

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "qgis"))

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer  # noqa: E402

application = QgsApplication([], True)
application.initQgis()


def main(folder: Path, style: str) -> dict:
    import test_scene3d
    from qgis._3d import Qgs3D

    from territoire_plugin.qgis_io.capture3d import capture_view, opengl_available
    from territoire_plugin.qgis_io.scene3d import height_expression, renderer_3d, view_settings_xml

    Qgs3D.initialize()
    random.seed(3)
    layer = test_scene3d.themed_layer(style)
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    dem = QgsRasterLayer(str(test_scene3d.write_dem(folder / "mnt.tif", layer.extent())), "Relief", "gdal")
    assert len(project.addMapLayers([layer, dem])) == 2
    layer.setRenderer3D(renderer_3d(layer.renderer(), height_expression(layer.fields().names())))
    view = view_settings_xml(project, layer.extent(), [layer], dem, ground=560.0, background="#e8eef2")
    started = time.monotonic()
    capture_view(project, view, folder / "vue3d.png")
    colours = [item.symbol().color().name() for item in layer.renderer().legendSymbolItems()]
    return {"opengl": opengl_available(), "seconds": time.monotonic() - started, "colours": colours,
            "background": "#e8eef2"}


if __name__ == "__main__":
    out = Path(sys.argv[1])
    try:
        report = main(out, sys.argv[2])
    except Exception as error:  # noqa: BLE001 - told to the test
        import traceback

        report = {"error": f"{error}\n{traceback.format_exc()}"}
    (out / "report.json").write_text(json.dumps(report), encoding="utf-8")
    application.exitQgis()
