"""The buildings of the 3D view (qgis_io/scene3d.py): extruded by BD TOPO's height by the stated rule, and coloured
like the plugin's 2D styles, class for class, on the real Olemps extract (testing/olemps, IGN BD TOPO)."""

from __future__ import annotations

import random

import pytest

from testing.olemps import GPKG

STYLES = ("heat_exposure_buildings", "ground_motion_assets_polygon", "clay_risk", "bdtopo_buildings")


def olemps_buildings():
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{GPKG}|layername=batiment", "batiment", "ogr")
    assert layer.isValid() and layer.featureCount() > 2000
    return layer


def expected_height(hauteur, storeys):
    """The rule, written again here: hauteur above 0, else storeys above 0 × 3 m, else 3 m."""
    if hauteur is not None and hauteur == hauteur and float(hauteur) > 0:
        return float(hauteur)
    if storeys is not None and storeys == storeys and float(storeys) > 0:
        return float(storeys) * 3.0
    return 3.0


def test_every_olemps_building_gets_its_height_by_the_rule_and_the_counts_add_up(qgis_app):
    from osgeo import ogr
    from qgis.core import NULL, QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    from territoire_plugin.qgis_io.scene3d import height_expression, layer_heights

    layer = olemps_buildings()
    heights = layer_heights(layer)
    expression = QgsExpression(height_expression(layer.fields().names()))
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    by_rule, by_expression = [], []
    for feature in layer.getFeatures():
        values = [None if feature[name] == NULL else feature[name] for name in ("hauteur", "nombre_d_etages")]
        by_rule.append(expected_height(*values))
        context.setFeature(feature)
        by_expression.append(float(expression.evaluate(context)))
    assert not expression.hasEvalError()
    assert by_expression == by_rule == heights.metres.tolist()
    # The counts against SQLite's own reading of the file (the real extract has all three cases).
    dataset = ogr.Open(GPKG)
    sql = ("SELECT sum(hauteur > 0), sum(NOT coalesce(hauteur > 0, 0) AND nombre_d_etages > 0), count(*) "
           "FROM batiment")
    row = dataset.ExecuteSQL(sql).GetNextFeature()
    measured, storeys, total = (int(row.GetField(i)) for i in range(3))
    assert (heights.measured, heights.from_storeys, heights.count) == (measured, storeys, total)
    assert heights.defaulted == total - measured - storeys > 100 and storeys > 10


def test_a_layer_without_the_height_fields_is_one_storey_high(qgis_app):
    from qgis.core import QgsFeature, QgsVectorLayer

    from territoire_plugin.qgis_io.scene3d import height_expression, layer_heights

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "sans hauteur", "memory")
    layer.dataProvider().addFeatures([QgsFeature(layer.fields()) for _ in range(3)])
    assert height_expression(layer.fields().names()) == "3"
    heights = layer_heights(layer)
    assert heights.metres.tolist() == [3.0] * 3 and heights.defaulted == 3


def themed_layer(style: str):
    """A memory copy of Olemps' buildings with the fields the plugin's building styles classify, random values
    over every class, and the style loaded."""
    from qgis.core import QgsFeature, QgsVectorLayer

    from territoire_plugin.toolbelt.compat import DOUBLE, TEXT, new_field
    from territoire_plugin.toolbelt.resources import resource_path

    source = olemps_buildings()
    layer = QgsVectorLayer("MultiPolygonZ?crs=EPSG:2154", style, "memory")
    layer.dataProvider().addAttributes([new_field("hauteur", DOUBLE), new_field("lst_mean", DOUBLE),
                                        new_field("gm_class", TEXT), new_field("clay_class", TEXT)])
    layer.updateFields()
    rng = random.Random(7)
    features = []
    for building in source.getFeatures():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(building.geometry())
        feature.setAttributes([building["hauteur"], rng.uniform(18, 45), str(rng.randint(0, 5)),
                               str(rng.randint(0, 3))])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    message, ok = layer.loadNamedStyle(str(resource_path("styles", f"{style}.qml")))
    assert ok, message
    return layer


@pytest.mark.parametrize("style", STYLES)
def test_each_building_has_in_3d_the_colour_its_2d_style_gives_it(qgis_app, style):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsRenderContext

    from territoire_plugin.qgis_io.scene3d import renderer_3d
    from territoire_plugin.toolbelt.compat import material_of

    layer = themed_layer(style)
    renderer = layer.renderer()
    made = renderer_3d(renderer, '"hauteur"')  # kept: the rules are its own
    rules = made.rootRule().children()
    assert len(rules) == len(renderer.legendSymbolItems())
    tests = [QgsExpression(rule.filterExpression()) if rule.filterExpression() else None for rule in rules]
    colours = [material_of(rule.symbol()).diffuse().name() for rule in rules]
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    render = QgsRenderContext()
    render.setExpressionContext(context)
    renderer.startRender(render, layer.fields())
    seen = set()
    try:
        for feature in layer.getFeatures():
            context.setFeature(feature)
            matching = [n for n, test in enumerate(tests) if test is None or test.evaluate(context)]
            symbol = renderer.symbolForFeature(feature, render)
            if symbol is None:  # a value no 2D class draws: no 3D rule either
                assert matching == []
                continue
            assert len(matching) == 1, (feature.attributes(), matching)
            assert colours[matching[0]] == symbol.color().name()
            seen.add(matching[0])
    finally:
        renderer.stopRender(render)
    assert len(seen) == len(rules)  # every class was met and checked


def test_the_3d_renderer_is_kept_in_the_project(qgis_app, tmp_path):
    from qgis._3d import Qgs3D, QgsRuleBased3DRenderer
    from qgis.core import QgsProject

    from territoire_plugin.qgis_io.scene3d import renderer_3d

    Qgs3D.initialize()  # the 3D renderers' registry, which QGIS's window fills at start and a script must fill

    layer = themed_layer("ground_motion_assets_polygon")
    layer.setRenderer3D(renderer_3d(layer.renderer(), '"hauteur"'))
    project = QgsProject()
    assert project.addMapLayer(layer) is not None
    path = tmp_path / "twin.qgs"
    assert project.write(str(path))
    text = path.read_text(encoding="utf-8")
    assert "<renderer-3d" in text and 'type="rulebased"' in text and "hauteur" in text
    again = QgsProject()
    assert again.read(str(path))
    loaded = next(iter(again.mapLayers().values()))
    kept = loaded.renderer3D()
    assert kept is not None and kept.type() == "rulebased"
    if not isinstance(kept, QgsRuleBased3DRenderer):  # QGIS 3.22 hands it back as its base class
        from qgis.PyQt import sip

        kept = sip.cast(kept, QgsRuleBased3DRenderer)
    assert len(kept.rootRule().children()) == len(layer.renderer().legendSymbolItems()) >= 4


def write_dem(path, extent):
    """A small relief over ``extent`` (a plane rising 1 m every 40 m eastwards and northwards), Lambert-93."""
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    columns, rows = 100, 100
    size_x, size_y = extent.width() / columns, extent.height() / rows
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), columns, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((extent.xMinimum(), size_x, 0.0, extent.yMaximum(), 0.0, -size_y))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.fromfunction(lambda i, j: 520.0 + j - i, (rows, columns)))
    dataset = None
    return path


def twin_project(tmp_path, with_dem=True):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer

    from territoire_plugin.qgis_io.scene3d import height_expression, renderer_3d

    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    buildings = olemps_buildings()
    buildings.setRenderer3D(renderer_3d(buildings.renderer(), height_expression(buildings.fields().names())))
    layers = [buildings]
    dem = None
    if with_dem:
        dem = QgsRasterLayer(str(write_dem(tmp_path / "mnt.tif", buildings.extent())), "Relief", "gdal")
        assert dem.isValid()
        layers.append(dem)
    assert len(project.addMapLayers(layers)) == len(layers)
    return project, buildings, dem


def project_text(path):
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return next(archive.read(n) for n in archive.namelist() if n.endswith(".qgs")).decode("utf-8")


def test_the_3d_view_is_saved_in_the_project_and_qgis_reads_it(qgis_app, tmp_path):
    import re
    import xml.etree.ElementTree as ET
    import zipfile

    from qgis.core import QgsProject

    from territoire_plugin.qgis_io.scene3d import PITCH_DEGREES, VIEW_NAME, add_view_to_project, view_settings_xml

    project, buildings, dem = twin_project(tmp_path)
    view = view_settings_xml(project, buildings.extent(), [buildings], dem, ground=560.0)
    path = tmp_path / "olemps.qgz"
    assert project.write(str(path))
    before = zipfile.ZipFile(path).namelist()
    add_view_to_project(path, view)
    add_view_to_project(path, view)  # again: it replaces, never adds a second view
    assert zipfile.ZipFile(path).namelist() == before  # the auxiliary members are kept
    text = project_text(path)
    docks = re.findall(r"<mapViewDocks3D>.*?</mapViewDocks3D>", text, re.DOTALL)
    assert len(docks) == 1
    views = ET.fromstring(docks[0]).findall("view")
    assert [(v.get("name"), v.get("isOpen")) for v in views] == [(VIEW_NAME, "1")]
    settings = views[0].find("qgis3d")
    terrain = settings.find("terrain")
    assert dem.id() in ET.tostring(terrain, encoding="unicode")  # the relief under the scene (3.44: on <terrain>)
    assert terrain.find("generator").get("type") == "dem"
    assert [layer.get("id") for layer in terrain.find("layers")] == [buildings.id()]
    assert "Lambert-93" in ET.tostring(settings.find("crs"), encoding="unicode")
    camera = views[0].find("camera")
    centre = buildings.extent().center()
    assert abs(float(camera.get("xMap")) - centre.x()) < 0.01 and abs(float(camera.get("yMap")) - centre.y()) < 0.01
    origin = settings.find("origin")
    assert abs(float(camera.get("x")) - (centre.x() - float(origin.get("x")))) < 0.01  # the older form agrees
    assert float(camera.get("pitch")) == PITCH_DEGREES and float(camera.get("yaw")) == 0.0
    assert float(camera.get("dist")) >= max(buildings.extent().width(), buildings.extent().height())
    # QGIS reads the project; a QGIS with a views manager (3.24+) keeps the view when it writes the project again.
    again = QgsProject()
    assert again.read(str(path))
    if hasattr(again, "viewsManager"):
        assert again.write(str(tmp_path / "again.qgz"))
        assert f'name="{VIEW_NAME}"' in project_text(tmp_path / "again.qgz")


def test_without_relief_the_terrain_is_flat_at_the_ground_height(qgis_app, tmp_path):
    import xml.etree.ElementTree as ET

    from territoire_plugin.qgis_io.scene3d import add_view_to_project, view_settings_xml

    project, buildings, _ = twin_project(tmp_path, with_dem=False)
    view = view_settings_xml(project, buildings.extent(), [buildings], None, ground=560.0)
    path = tmp_path / "olemps.qgs"
    assert project.write(str(path))
    add_view_to_project(path, view)
    element = ET.fromstring(path.read_text(encoding="utf-8")).find("mapViewDocks3D/view")
    terrain = element.find("qgis3d/terrain")
    assert terrain.find("generator").get("type") == "flat"
    assert float(terrain.get("elevation-offset")) == 560.0
    assert float(element.find("camera").get("zMap")) == 560.0


def test_without_a_display_the_image_is_refused_with_the_reason_and_no_file(qgis_app, tmp_path):
    from territoire_plugin.core.errors import AnalysisError
    from territoire_plugin.qgis_io.capture3d import capture_view, opengl_available
    from territoire_plugin.qgis_io.scene3d import view_settings_xml

    project, buildings, dem = twin_project(tmp_path)
    assert not opengl_available()  # the tests' QGIS runs with QT_QPA_PLATFORM=offscreen
    with pytest.raises(AnalysisError) as raised:
        capture_view(project, view_settings_xml(project, buildings.extent(), [buildings], dem), tmp_path / "v.png")
    assert raised.value.key == "twin_no_opengl" and "xvfb-run" in str(raised.value)
    assert list(tmp_path.glob("*.png")) == [] and list(tmp_path.glob(".*part*")) == []


def near(pixel, colour, tolerance=70):
    from qgis.PyQt.QtGui import QColor

    expected = QColor(colour)
    found = QColor(pixel)
    return (abs(found.red() - expected.red()) + abs(found.green() - expected.green())
            + abs(found.blue() - expected.blue())) <= tolerance


def test_the_3d_view_is_captured_under_a_display_with_the_style_colours(tmp_path, artifacts):
    """In a QGIS of its own under Xvfb (Mesa's software OpenGL): the image shows the classes' colours on the
    buildings, the sky above the terrain (an oblique view), and is kept for a look in the test artifacts."""
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from qgis.PyQt.QtGui import QImage

    env = dict(__import__("os").environ)
    env.pop("QT_QPA_PLATFORM", None)
    script = Path(__file__).with_name("capture_session.py")
    completed = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, str(script),
                                str(tmp_path), "ground_motion_assets_polygon"], env=env, capture_output=True,
                               text=True, timeout=400)
    report_path = tmp_path / "report.json"
    assert report_path.exists(), completed.stderr[-3000:]
    report = json.loads(report_path.read_text())
    assert "error" not in report, report.get("error")
    assert report["opengl"]
    image = QImage(str(tmp_path / "vue3d.png"))
    assert (image.width(), image.height()) == (1600, 1000)
    pixels = [image.pixel(x, y) for x in range(0, 1600, 4) for y in range(0, 1000, 4)]
    # The buildings in their classes' colours (shaded: within a tolerance), at least three classes seen.
    seen = [colour for colour in report["colours"] if sum(near(p, colour) for p in pixels) >= 20]
    assert len(seen) >= 3, (report["colours"], seen)
    # Oblique, north up: the top of the image is sky (the background colour), the middle is not.
    top = [image.pixel(x, 10) for x in range(0, 1600, 40)]
    assert all(near(p, report["background"], 12) for p in top)
    middle = [image.pixel(x, 500) for x in range(400, 1200, 40)]
    assert not all(near(p, report["background"], 12) for p in middle)
    shutil.copy(tmp_path / "vue3d.png", artifacts / "test_vue3d.png")
