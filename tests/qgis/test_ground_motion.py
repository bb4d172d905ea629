"""territoire:ground_motion_assets on the real Olemps buildings with ground motion made here."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import shared


def run(params):
    from qgis import processing

    return processing.run("territoire:ground_motion_assets", params)


def moving_points(buildings, centre, radius=300.0, seed=3):
    """4 points per building (at 2 m of its inner point); buildings within ``radius`` of ``centre`` subside
    at 8 mm/year; EGMS-like noise of 0.7 mm/year everywhere."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    rng = np.random.default_rng(seed)
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=pid:string&field=velocity:double&field=velocity_std:double"
                           "&field=los_up:double", "egms", "memory")
    moved, features = set(), []
    for building in buildings.getFeatures():
        inner = building.geometry().pointOnSurface().asPoint()
        subsiding = np.hypot(inner.x() - centre[0], inner.y() - centre[1]) < radius
        if subsiding:
            moved.add(building.id())
        for k in range(4):
            feature = QgsFeature(layer.fields())
            angle = k * np.pi / 2
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(inner.x() + 0.5 * np.cos(angle),
                                                                   inner.y() + 0.5 * np.sin(angle))))
            velocity = (-8.0 if subsiding else 0.0) + rng.normal(0, 0.7)
            feature.setAttributes([f"P{building.id()}_{k}", float(velocity), 0.7, 0.78])
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer, moved


def test_alerts_land_on_the_buildings_made_to_move(provider):
    from qgis.core import QgsVectorLayer

    buildings = QgsVectorLayer(str(shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")), "b", "ogr")
    centre = (664000.0, 6360000.0)
    points, moved = moving_points(buildings, centre)
    assert 20 < len(moved) < 400
    result = run({"POINTS": points, "ASSETS": buildings, "BUFFER_POLYGON": 0.0, "OUTPUT": "memory:"})
    out = result["OUTPUT"]
    alerts = {f["ID"] for f in out.getFeatures() if f["gm_class"] == 3}
    moved_ids = {f["ID"] for f in buildings.getFeatures() if f.id() in moved}
    assert alerts == moved_ids
    assert result["ALERTS"] == len(moved_ids)
    stable = [f for f in out.getFeatures() if f["ID"] not in moved_ids]
    assert sum(f["gm_class"] == 1 for f in stable) / len(stable) > 0.95  # noise of 0.7 mm/yr stays within ±2
    one = next(f for f in out.getFeatures() if f["ID"] in moved_ids)
    assert one["gm_points"] >= 4 and one["gm_median"] < -5


def test_vertical_conversion_and_bad_inputs(provider, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    road = QgsVectorLayer("LineString?crs=EPSG:2154&field=nom:string", "road", "memory")
    feature = QgsFeature(road.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING(664000 6360000,664500 6360000)"))
    feature.setAttributes(["D 888"])
    road.dataProvider().addFeature(feature)
    points = QgsVectorLayer("Point?crs=EPSG:4326&field=velocity:double&field=los_up:double&field=label:string",
                            "p", "memory")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    lambert, wgs84 = QgsCoordinateReferenceSystem("EPSG:2154"), QgsCoordinateReferenceSystem("EPSG:4326")
    to_wgs = QgsCoordinateTransform(lambert, wgs84, QgsProject.instance())
    rows = []
    for i in range(10):
        point = to_wgs.transform(664000 + i * 50, 6360000 + (5 if i % 2 else -5))
        row = QgsFeature(points.fields())
        row.setGeometry(QgsGeometry.fromPointXY(point))
        row.setAttributes([-4.0, 0.8, "x"])
        rows.append(row)
    points.dataProvider().addFeatures(rows)
    # Points in WGS84, road in Lambert-93: reprojected; vertical = −4 / 0.8 = −5 mm/yr → alert.
    result = run({"POINTS": points, "ASSETS": road, "VERTICAL": True, "LOS_UP_FIELD": "los_up", "OUTPUT": "memory:"})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["gm_points"] == 10 and feature["gm_median"] == pytest.approx(-5.0)
    assert feature["gm_class_label"] == "alert"
    with pytest.raises(QgsProcessingException) as caught:
        run({"POINTS": points, "ASSETS": road, "VELOCITY_FIELD": "label", "OUTPUT": "memory:"})
    assert "no numeric field label" in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:
        run({"POINTS": points, "ASSETS": road, "BUFFER_LINE": 0, "OUTPUT": "memory:"})
    assert "buffer of 0 m" in str(caught.value)
    far = QgsVectorLayer("LineString?crs=EPSG:2154", "far", "memory")
    remote = QgsFeature(far.fields())
    remote.setGeometry(QgsGeometry.fromWkt("LINESTRING(900000 6800000,900500 6800000)"))
    far.dataProvider().addFeature(remote)
    with pytest.raises(QgsProcessingException) as caught:
        run({"POINTS": points, "ASSETS": far, "OUTPUT": "memory:"})
    assert "within 5 km" in str(caught.value)
    empty = QgsVectorLayer("Polygon?crs=EPSG:2154", "empty", "memory")
    with pytest.raises(QgsProcessingException) as caught:
        run({"POINTS": points, "ASSETS": empty, "OUTPUT": "memory:"})
    assert "empty" in str(caught.value)
