"""The time-series dock and its map tool, on an EGMS import, offscreen."""

from __future__ import annotations

import csv

import numpy as np
import pytest


def test_click_shows_the_series_and_exports(qgis_iface, qgis_canvas, provider, tmp_path, artifacts, request):
    from qgis import processing
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtGui import QImage

    from territoire_plugin.gui.series_dock import SeriesDock, SeriesMapTool
    from testing.egms import egms_points, write_egms_csv

    points, dates = egms_points(count_side=6)
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_dock.csv", points, dates)
    processing.run("territoire:import_egms", {"INPUT": str(csv_path), "OUTPUT": str(tmp_path / "e.gpkg")})
    layer = QgsVectorLayer(f"{tmp_path / 'e.gpkg'}|layername=egms_points", "egms", "ogr")
    assert QgsProject.instance().addMapLayer(layer) is not None
    try:
        qgis_canvas.setDestinationCrs(layer.crs())
        qgis_canvas.setExtent(layer.extent())
        dock = SeriesDock()
        dock.resize(640, 360)
        request.addfinalizer(dock.deleteLater)
        tool = SeriesMapTool(qgis_canvas, dock, lambda: layer)
        target = next(layer.getFeatures())
        picked = target.geometry().asPoint()
        assert tool.pick(picked)
        chart = dock.chart
        assert chart.title == target["pid"] and len(chart.dates) == len(dates)
        assert target["pid"] in chart.caption and chart.caption.startswith(("EGMS point", "Point EGMS"))
        np.testing.assert_allclose(chart.values, np.round(points[0]["series"], 1), atol=1e-4)
        assert chart.fit["velocity"] == pytest.approx(points[0]["velocity"], abs=0.6)
        dock.export(str(tmp_path / "series.png"), "png")
        dock.export(str(tmp_path / "series.csv"), "csv")
        dock.chart.grab().save(str(artifacts / "series_dock.png"))
        image = QImage(str(tmp_path / "series.png"))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 5  # points, trend line, band and axes were drawn
        with open(tmp_path / "series.csv", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["date", "displacement_mm"] and len(rows) == len(dates) + 1
        assert rows[1][0] == "2019-01-03"
        far = picked.__class__(picked.x() + 50_000, picked.y())
        assert not tool.pick(far)  # nothing under the cursor: the dock keeps its series
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_click_on_an_asset_shows_the_median_of_its_points(qgis_canvas, provider, tmp_path, request):
    from qgis import processing
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsProject,
        QgsRectangle,
        QgsVectorLayer,
    )

    from territoire_plugin.gui.series_dock import SeriesDock, SeriesMapTool
    from testing.egms import egms_points, write_egms_csv

    points, dates = egms_points(count_side=6)
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_asset.csv", points, dates)
    processing.run("territoire:import_egms", {"INPUT": str(csv_path), "OUTPUT": str(tmp_path / "e.gpkg")})
    layer = QgsVectorLayer(f"{tmp_path / 'e.gpkg'}|layername=egms_points", "egms", "ogr")
    # The generator places the points in ETRS89-LAEA, the import holds them in Lambert-93, the map is drawn
    # in LAEA. Two buildings in Lambert-93: one spans the first two points of the grid, 150 m apart; the
    # other sits between grid rows, more than 5 m (the buffer) from any point.
    laea, lambert = QgsCoordinateReferenceSystem("EPSG:3035"), QgsCoordinateReferenceSystem("EPSG:2154")
    assert layer.crs() == lambert
    to_lambert = QgsCoordinateTransform(laea, lambert, QgsProject.instance())
    assets = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "batiments", "memory")
    x0, y0 = points[0]["x"], points[0]["y"]
    rows = []
    for name, (left, bottom, right, top) in (("Halle", (x0 - 3, y0 - 3, x0 + 153, y0 + 3)),
                                             ("Remise", (x0 + 20, y0 + 40, x0 + 60, y0 + 110))):
        geometry = QgsGeometry.fromWkt(f"POLYGON(({left} {bottom},{right} {bottom},{right} {top},{left} {top},"
                                       f"{left} {bottom}))")
        assert geometry.transform(to_lambert) == Qgis.GeometryOperationResult.Success
        feature = QgsFeature(assets.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([name])
        rows.append(feature)
    assets.dataProvider().addFeatures(rows)
    qgis_canvas.setDestinationCrs(laea)
    qgis_canvas.setExtent(QgsRectangle(x0 - 20, y0 - 20, x0 + 170, y0 + 130))
    dock = SeriesDock()
    request.addfinalizer(dock.deleteLater)
    tool = SeriesMapTool(qgis_canvas, dock, lambda: layer, lambda: assets)
    assert qgis_canvas.mapUnitsPerPixel() * 8 < 70  # the click below is not near a point
    assert tool.pick(QgsPointXY(x0 + 75, y0))
    assert dock.chart.title == "Halle" and len(dock.chart.dates) == len(dates)
    expected = np.median(np.vstack([np.round(points[0]["series"], 1), np.round(points[1]["series"], 1)]), axis=0)
    np.testing.assert_allclose(dock.chart.values, expected, atol=1e-4)
    assert "2" in dock.info.text()
    dock.chart.grab()
    assert not tool.pick(QgsPointXY(x0 + 40, y0 + 75))  # the shed: no point within its buffer
    assert dock.chart.title == "Halle"  # the last series stays on screen
    no_assets = SeriesMapTool(qgis_canvas, dock, lambda: layer, lambda: layer)  # a point layer is no asset layer
    assert not no_assets.pick(QgsPointXY(x0 + 75, y0))
    dock.address_task.waitForFinished(30000)  # the address lookup (no geocoder here: none found) is over


def test_switching_the_tool_on_shows_the_egms_points(qgis_iface, provider, tmp_path):
    """The diagnostic's project hides the EGMS points: the series tool makes them visible, group included."""
    from qgis import processing
    from qgis.core import QgsProject, QgsVectorLayer

    from territoire_plugin import classFactory
    from testing.egms import egms_points, write_egms_csv

    points, dates = egms_points(count_side=3)
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_visible.csv", points, dates)
    processing.run("territoire:import_egms", {"INPUT": str(csv_path), "OUTPUT": str(tmp_path / "v.gpkg")})
    layer = QgsVectorLayer(f"{tmp_path / 'v.gpkg'}|layername=egms_points", "egms", "ogr")
    project = QgsProject.instance()
    assert project.addMapLayer(layer, False) is not None
    group = project.layerTreeRoot().addGroup("Infrastructures")
    node = group.addLayer(layer)
    group.setItemVisibilityChecked(False)
    node.setItemVisibilityChecked(False)
    from conftest import unload_plugins

    unload_plugins()  # the plugin below registers its own provider (the next test's fixture registers it again)
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert not node.isVisible()
        plugin.toggle_series_tool(True)
        assert node.isVisible() and group.itemVisibilityChecked()
    finally:
        plugin.unload()
        project.removeMapLayer(layer.id())
        project.layerTreeRoot().removeChildNode(group)


def test_an_asset_is_named_by_its_address_once_the_geocoder_answers(geoplateforme, request):
    """The lookup runs in a task (never on the interface's thread); the caption then names the building by the
    address of the street it stands on (the fake geocoder's nearest named road side, here its middle)."""
    import json

    from osgeo import ogr
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsGeometry, QgsTask

    from territoire_plugin.gui.series_dock import SeriesDock
    from testing import olemps

    road = max((r for r in olemps.features("troncon_de_route") if r["properties"].get("nom_1_gauche") ==
                "R DES PEYRIERES"), key=lambda r: ogr.CreateGeometryFromJson(json.dumps(r["geometry"])).Length())
    multi = ogr.CreateGeometryFromJson(json.dumps(road["geometry"]))
    line = multi.GetGeometryRef(0)
    middle = line.Value(line.Length() / 2)
    x, y = middle.GetX(), middle.GetY()
    shed = QgsGeometry.fromWkt(f"POLYGON(({x - 4} {y - 4},{x + 4} {y - 4},{x + 4} {y + 4},{x - 4} {y + 4},"
                               f"{x - 4} {y - 4}))")
    dock = SeriesDock()
    request.addfinalizer(dock.deleteLater)
    assert dock.show_asset("BATIMENT0000000000000001", [__import__("datetime").date(2020, 1, 1)], [[0.0]])
    task = dock.name_by_address(shed, QgsCoordinateReferenceSystem("EPSG:2154"), "BATIMENT0000000000000001")
    for _ in range(200):
        QgsApplication.processEvents()
        if task.status() in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated) and \
                "Peyrieres" in dock.chart.caption:
            break
        __import__("time").sleep(0.05)
    assert "Rue des Peyrieres" in dock.chart.caption and "BATIMENT" not in dock.chart.caption, dock.chart.caption
    assert len(geoplateforme.requests_to("/geocodage/reverse")) == 1
