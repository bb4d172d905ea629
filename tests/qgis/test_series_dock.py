"""The time-series dock and its map tool, on an EGMS import, offscreen."""

from __future__ import annotations

import csv

import numpy as np
import pytest


def test_click_shows_the_series_and_exports(qgis_iface, qgis_canvas, provider, tmp_path, artifacts):
    from fake_services import egms_points, write_egms_csv
    from qgis import processing
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtGui import QImage

    from territoire_plugin.gui.series_dock import SeriesDock, SeriesMapTool

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
        tool = SeriesMapTool(qgis_canvas, dock, lambda: layer)
        target = next(layer.getFeatures())
        picked = target.geometry().asPoint()
        assert tool.pick(picked)
        chart = dock.chart
        assert chart.title == target["pid"] and len(chart.dates) == len(dates)
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
