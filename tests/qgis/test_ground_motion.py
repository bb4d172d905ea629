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


def test_trends_of_an_egms_import(provider, tmp_path):
    """Points from the EGMS fixture: one subsiding bowl; a late acceleration added to some series."""
    from qgis import processing
    from qgis.core import QgsVectorLayer

    from testing.egms import egms_points, write_egms_csv

    points, dates = egms_points(count_side=12)
    from territoire_plugin.analysis.ground_motion.trend import years_since_first

    t = years_since_first(dates)
    late = t > t[-1] * 2 / 3
    for point in points[:20]:  # these start sinking fast over the last third
        point["series"] = point["series"] + np.where(late, -12.0 * (t - t[-1] * 2 / 3), 0.0)
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_trend.csv", points, dates)
    imported = tmp_path / "egms.gpkg"
    processing.run("territoire:import_egms", {"INPUT": str(csv_path), "OUTPUT": str(imported)})
    layer = QgsVectorLayer(f"{imported}|layername=egms_points", "egms", "ogr")
    result = processing.run("territoire:ground_motion_trend", {"INPUT": layer, "THRESHOLD": 3.0,
                                                                "OUTPUT": "memory:"})
    flagged = {f["pid"] for f in result["OUTPUT"].getFeatures() if f["tr_flag"] == 1}
    assert flagged == {f"3PWxq{n:07d}" for n in range(20)}
    assert result["FLAGGED"] == 20
    by_pid = {f["pid"]: f for f in result["OUTPUT"].getFeatures()}
    quiet = by_pid["3PWxq0000100"]
    assert quiet["tr_seasonal_amplitude"] == pytest.approx(1.5, abs=0.4)  # the fixture's 1.5 mm yearly sine
    assert quiet["tr_velocity"] == pytest.approx(points[100]["velocity"], abs=0.5)


def test_trend_without_series_is_skipped_with_a_message(provider):
    from qgis import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=velocity:double", "p", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(664000, 6360000)))
    feature.setAttributes([-3.0])
    layer.dataProvider().addFeature(feature)
    warnings = []

    class Recorder(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    result = processing.run("territoire:ground_motion_trend", {"INPUT": layer, "OUTPUT": "memory:"},
                            feedback=Recorder())
    assert result["OUTPUT"].featureCount() == 1 and result["FLAGGED"] == 0
    assert any("no displacement series" in w for w in warnings)


def test_differential_settlement_of_a_tilting_building(provider):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    buildings = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "b", "memory")
    rows = []
    for name, x0 in (("Mairie", 664000.0), ("Gymnase", 664200.0)):
        feature = QgsFeature(buildings.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} 6360000,{x0 + 30} 6360000,{x0 + 30} 6360015,"
                                                f"{x0} 6360015,{x0} 6360000))"))
        feature.setAttributes([name])
        rows.append(feature)
    buildings.dataProvider().addFeatures(rows)
    points = QgsVectorLayer("Point?crs=EPSG:2154&field=velocity:double", "p", "memory")
    # The town hall tilts: its east end sinks 6 mm/yr more than its west end, 28 m apart (30 mm in 5 years:
    # β = 30 mm / 28 m ≈ 1/933 — negligible); the gymnasium's east half sinks much faster: the worst pair is
    # the middle and east points, 80 mm over 14 m ≈ 1/175 — cosmetic cracking.
    layout = [(664001, -1.0), (664015, -4.0), (664029, -7.0), (664201, 0.0), (664215, -4.0), (664229, -20.0)]
    features = []
    for x, velocity in layout:
        feature = QgsFeature(points.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 6360007.5)))
        feature.setAttributes([velocity])
        features.append(feature)
    points.dataProvider().addFeatures(features)
    result = run_differential({"POINTS": points, "ASSETS": buildings, "YEARS": 5, "OUTPUT": "memory:"})
    out = {f["nom"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["Mairie"]["dm_class"] == "negligible" and out["Mairie"]["dm_one_in"] == round(28000 / 30)
    assert out["Gymnase"]["dm_class"] == "cosmetic cracking"
    assert out["Gymnase"]["dm_one_in"] == round(14000 / 80)
    assert out["Gymnase"].geometry().length() == pytest.approx(14.0)
    assert out["Gymnase"]["dm_difference_mm"] == pytest.approx(80.0)
    assert result["DAMAGE"] == 1
    # Boscardin & Cording: largest eigenvalue of the strain tensor [[εh, β/2], [β/2, 0]] (εh = 0 by default).
    for name, beta, expected in (("Mairie", 30 / 28000, "very slight"), ("Gymnase", 80 / 14000, "moderate")):
        strain = np.linalg.eigvalsh([[0.0, beta / 2], [beta / 2, 0.0]]).max()
        assert out[name]["dm_strain_pct"] == pytest.approx(strain * 100)
        assert out[name]["dm_strain_class"] == expected
    stretched = run_differential({"POINTS": points, "ASSETS": buildings, "YEARS": 5, "HORIZONTAL_STRAIN": 0.1,
                                  "OUTPUT": "memory:"})
    town_hall = next(f for f in stretched["OUTPUT"].getFeatures() if f["nom"] == "Mairie")
    strain = np.linalg.eigvalsh([[0.001, 15 / 28000], [15 / 28000, 0.0]]).max()  # ≈ 0.123 %
    assert town_hall["dm_strain_pct"] == pytest.approx(strain * 100)
    assert town_hall["dm_strain_class"] == "slight"


def run_differential(params):
    from qgis import processing

    return processing.run("territoire:ground_motion_differential", params)


def write_gpkg(layer, path, name, crs=None):
    """``layer`` written to a GeoPackage (reprojected to ``crs`` if given); its source string."""
    from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsProject, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", name
    if crs is not None:
        options.ct = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(),
                                                                     options)
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    return f"{path}|layername={name}"


def test_file_points_are_read_column_by_column_with_the_same_result(provider, tmp_path):
    """A GeoPackage of points in another CRS (the fast columnar path) gives what a memory layer gives."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    buildings = QgsVectorLayer(str(shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")), "b", "ogr")
    points, _moved = moving_points(buildings, (664000.0, 6360000.0), seed=9)
    points_file = write_gpkg(points, tmp_path / "p.gpkg", "egms_points", QgsCoordinateReferenceSystem("EPSG:3035"))
    from_memory = run({"POINTS": points, "ASSETS": buildings, "BUFFER_POLYGON": 0.0, "OUTPUT": "memory:"})
    from_file = run({"POINTS": points_file, "ASSETS": buildings, "BUFFER_POLYGON": 0.0, "OUTPUT": "memory:"})
    a = {f["ID"]: (f["gm_points"], f["gm_class"]) for f in from_memory["OUTPUT"].getFeatures()}
    b = {f["ID"]: (f["gm_points"], f["gm_class"]) for f in from_file["OUTPUT"].getFeatures()}
    assert a == b
    assert sum(n for n, _ in a.values()) > 0.99 * 4 * buildings.featureCount()  # 4 points at ~0.5 m of each


def statistics_by_id(layer) -> dict:
    names = ("gm_points", "gm_median", "gm_mean", "gm_max_abs", "gm_p10", "gm_p90", "gm_unstable_share", "gm_class")
    return {f["ID"]: tuple(None if f[n] is None or str(f[n]) == "NULL" else f[n] for n in names)
            for f in layer.getFeatures()}


def test_two_files_are_joined_in_a_worker_thread_with_the_same_result(provider, tmp_path, monkeypatch):
    """Points and assets both GeoPackages: GDAL reads and joins them beside QGIS's read of the features. The
    result is the one of the path through QGIS (assets in memory), also when QGIS skips an invalid geometry
    (the statistics are matched by feature id) and with a null geometry among the assets."""
    from qgis import processing
    from qgis.core import (
        QgsFeatureRequest,
        QgsGeometry,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsVectorLayer,
    )

    from territoire_plugin.analysis.ground_motion import columnar

    buildings = QgsVectorLayer(str(shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")), "b", "ogr")
    points, moved = moving_points(buildings, (664000.0, 6360000.0), seed=5)
    assets = buildings.materialize(QgsFeatureRequest())
    ids = [f.id() for f in assets.getFeatures()]
    moved_feature = next(f for f in assets.getFeatures() if f.id() in moved)
    box = moved_feature.geometry().boundingBox()
    bow_tie = QgsGeometry.fromWkt(f"POLYGON(({box.xMinimum()} {box.yMinimum()},{box.xMaximum()} {box.yMaximum()},"
                                  f"{box.xMaximum()} {box.yMinimum()},{box.xMinimum()} {box.yMaximum()},"
                                  f"{box.xMinimum()} {box.yMinimum()}))")
    assert not bow_tie.isGeosValid()
    assets.dataProvider().changeGeometryValues({moved_feature.id(): bow_tie, ids[-1]: QgsGeometry()})
    points_file = write_gpkg(points, tmp_path / "points.gpkg", "egms")
    assets_file = write_gpkg(assets, tmp_path / "assets.gpkg", "batiments")
    read = []
    original = columnar.read_geometries_columnar
    monkeypatch.setattr(columnar, "read_geometries_columnar",
                        lambda *a: read.append(original(*a)) or read[-1])

    def run_with(assets_input, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck):
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(check)
        return processing.run("territoire:ground_motion_assets", {
            "POINTS": points_file, "ASSETS": assets_input, "BUFFER_POLYGON": 2.0, "OUTPUT": "memory:"},
            context=context, feedback=QgsProcessingFeedback())["OUTPUT"]

    by_qgis = statistics_by_id(run_with(write_gpkg(assets, tmp_path / "copy.gpkg", "b") + "|subset=fid > 0"))
    assert read == []  # a subset is read through QGIS
    by_files = statistics_by_id(run_with(assets_file))
    assert len(read) == 1 and read[0] is not None and len(read[0][1]) == assets.featureCount()
    assert by_files == by_qgis and len(by_files) == assets.featureCount()
    assert by_files[moved_feature["ID"]][0] > 0  # the bow tie still catches points (inside or within 2 m)
    assert by_files[assets.getFeature(ids[-1])["ID"]][0] == 0  # no geometry, no point
    skipping = statistics_by_id(run_with(assets_file, QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid))
    assert len(read) == 2 and moved_feature["ID"] not in skipping
    assert skipping == {k: v for k, v in by_files.items() if k != moved_feature["ID"]}
    # Cancelled: the worker stops too, and no output is written.
    from qgis.core import QgsApplication

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:ground_motion_assets")
    results, ok = algorithm.run({"POINTS": points_file, "ASSETS": assets_file, "OUTPUT": str(tmp_path / "out.gpkg")},
                                QgsProcessingContext(), feedback)
    assert ok and "OUTPUT" not in results and not (tmp_path / "out.gpkg").exists() and len(read) == 2


def test_corridor_change_along_a_road(provider, tmp_path):
    from conftest import corridor_ndvi
    from qgis import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    corridor_ndvi(tmp_path)
    road = QgsVectorLayer("LineString?crs=EPSG:2154&field=nom:string", "road", "memory")
    feature = QgsFeature(road.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING(664000 6360500,666500 6360500)"))
    feature.setAttributes(["RD 994"])
    road.dataProvider().addFeature(feature)
    result = processing.run("territoire:corridor_change", {
        "BEFORE": str(tmp_path / "b.tif"), "AFTER": str(tmp_path / "a.tif"), "ASSETS": road, "BUFFER": 40,
        "SEGMENT": 200, "OUTPUT": "memory:"})
    segments = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["chainage_from"])
    assert len(segments) == 13 and segments[-1]["chainage_to"] == pytest.approx(2500)
    flagged = [(f["chainage_from"], f["chainage_to"]) for f in segments if f["flag_loss"] == 1]
    assert flagged == [(1000, 1200), (1200, 1400)]
    assert result["LOSS"] == 2 and result["ENCROACHMENT"] == 0
    assert all(f["nom"] == "RD 994" for f in segments)


def test_differential_along_a_railway(provider):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    railway = QgsVectorLayer("LineString?crs=EPSG:2154&field=nom:string", "rail", "memory")
    feature = QgsFeature(railway.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING(664000 6360000,664300 6360000,664300 6360200)"))
    feature.setAttributes(["Ligne Rodez – Séverac"])
    railway.dataProvider().addFeature(feature)
    points = QgsVectorLayer("Point?crs=EPSG:2154&field=velocity:double", "p", "memory")
    rows = []
    # Every 25 m along the line; an embankment settles between chainage 350 and 375 m (on the bend's leg).
    for s in range(0, 500, 25):
        x, y = (664000 + s, 6360003) if s <= 300 else (664297, 6360000 + s - 300)
        row = QgsFeature(points.fields())
        row.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        row.setAttributes([-12.0 if s >= 375 else -0.5])
        rows.append(row)
    points.dataProvider().addFeatures(rows)
    result = run_differential({"POINTS": points, "ASSETS": railway, "YEARS": 5, "BUFFER": 10, "OUTPUT": "memory:"})
    out = next(result["OUTPUT"].getFeatures())
    assert out["dm_difference_mm"] == pytest.approx(57.5) and out["dm_distance_m"] == pytest.approx(25.0)
    start, end = out.geometry().asPolyline()[0], out.geometry().asPolyline()[-1]
    assert (start.x(), start.y()) == pytest.approx((664300, 6360050)) and (end.x(), end.y()) == pytest.approx(
        (664300, 6360075))


def test_full_chain_on_the_project_egms_fixture(provider, tmp_path):
    """The project's generator over the real Olemps footprints → import_egms → assets and differential."""
    from qgis import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from testing.egms import points_over_footprints, write_egms_csv

    path = shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")
    bridge = (663500.0, 6360800.0, 663560.0, 6360800.0, 8.0)  # a 60 m deck over the Aveyron, made to tilt
    points, dates, moved, bridge_wkt = points_over_footprints(path, centre=(664600.0, 6359800.0), radius=250.0,
                                                              bridge=bridge)
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_008_0294_IW2_VV_2019_2023_1.csv", points, dates)
    imported = tmp_path / "egms.gpkg"
    processing.run("territoire:import_egms", {"INPUT": str(csv_path), "OUTPUT": str(imported)})
    egms = f"{imported}|layername=egms_points"
    buildings = QgsVectorLayer(str(path), "b", "ogr")
    result = processing.run("territoire:ground_motion_assets", {"POINTS": egms, "ASSETS": buildings,
                                                                "BUFFER_POLYGON": 0.0, "OUTPUT": "memory:"})
    alerts = {f["ID"] for f in result["OUTPUT"].getFeatures() if f["gm_class"] == 3}
    assert alerts == {f["ID"] for f in buildings.getFeatures() if f.id() in moved} and len(alerts) > 10
    deck = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "pont", "memory")
    feature = QgsFeature(deck.fields())
    feature.setGeometry(QgsGeometry.fromWkt(bridge_wkt))
    feature.setAttributes(["Pont de la Roquette"])
    deck.dataProvider().addFeature(feature)
    tilt = processing.run("territoire:ground_motion_differential", {"POINTS": egms, "ASSETS": deck, "YEARS": 5,
                                                                    "OUTPUT": "memory:"})
    worst = next(tilt["OUTPUT"].getFeatures())
    assert worst["dm_points"] == 11 and worst["dm_beta"] > 1 / 1000  # 50 mm over at most 60 m in five years


def test_curves_in_a_layer_not_declared_curved_are_segmentized_by_qgis(provider, tmp_path, monkeypatch):
    """A GeoPackage layer of any geometry type holding a curve polygon: GDAL's WKB has the curve, the worker
    gives up and QGIS's segmentized geometries are used, with the points the worker already read."""
    from osgeo import ogr, osr

    from territoire_plugin.qgis_io import ground_motion as qgis_io_ground_motion

    ogr.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    x0, y0 = 660000, 6360000
    rng = np.random.default_rng(4)
    rx, ry = rng.uniform(-30, 150, 3000), rng.uniform(-30, 70, 3000)
    assets_path, points_path = str(tmp_path / "assets.gpkg"), str(tmp_path / "points.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(assets_path)
    layer = source.CreateLayer("assets", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("ID", ogr.OFTString))
    for name, wkt in (
            ("square", f"POLYGON(({x0} {y0},{x0 + 20} {y0},{x0 + 20} {y0 + 20},{x0} {y0 + 20},{x0} {y0}))"),
            ("disc", f"CURVEPOLYGON(CIRCULARSTRING({x0 + 100} {y0},{x0 + 120} {y0 + 20},{x0 + 100} {y0 + 40},"
                     f"{x0 + 80} {y0 + 20},{x0 + 100} {y0}))")):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["ID"] = name
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer = source = None
    source = ogr.GetDriverByName("GPKG").CreateDataSource(points_path)
    layer = source.CreateLayer("egms", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("velocity", ogr.OFTReal))
    for x, y in zip(rx + x0, ry + y0):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["velocity"] = 1.0
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({x} {y})"))
        layer.CreateFeature(feature)
    layer = source = None
    calls = []
    original = qgis_io_ground_motion.read_points
    monkeypatch.setattr(qgis_io_ground_motion, "read_points", lambda *a: calls.append(1) or original(*a))
    out = run({"POINTS": f"{points_path}|layername=egms", "ASSETS": f"{assets_path}|layername=assets",
               "BUFFER_POLYGON": 0.0, "OUTPUT": "memory:"})["OUTPUT"]
    counts = {f["ID"]: f["gm_points"] for f in out.getFeatures()}
    assert counts["square"] == int(((rx > 0) & (rx < 20) & (ry > 0) & (ry < 20)).sum())
    # The disc segmentized by QGIS: between the counts of the circles a tenth of a metre inside and on it.
    distance = np.hypot(rx - 100, ry - 20)
    assert 0 < int((distance < 19.9).sum()) <= counts["disc"] <= int((distance < 20.0).sum())
    assert calls == []  # the points the worker read were used, not read again


def test_features_are_written_chunk_by_chunk_in_order_and_a_failed_write_stops():
    """add_reused_features: chunks prepared in a helper thread come out whole and in order; binary fields are
    left out, NaN is written as NULL; a sink that refuses a chunk stops the run with a clear error."""
    from qgis.core import QgsFeature, QgsFields, QgsProcessingException, QgsVectorLayer
    from qgis.PyQt.QtCore import QByteArray, QMetaType

    from territoire_plugin.qgis_io.sinks import add_reused_features, output_fields
    from territoire_plugin.toolbelt.compat import new_field

    source = QgsVectorLayer("Point?crs=EPSG:2154", "s", "memory")
    fields = QgsFields()
    for name, kind in (("name", QMetaType.Type.QString), ("series", QMetaType.Type.QByteArray),
                       ("n", QMetaType.Type.Int)):
        fields.append(new_field(name, kind))
    source.dataProvider().addAttributes(fields.toList())
    source.updateFields()
    features = []
    for i in range(23):
        feature = QgsFeature(source.fields())
        feature.setAttributes([f"A{i}", QByteArray(bytes([i])), i])
        features.append(feature)
    out_fields, kept = output_fields(source.fields(), (("value", QMetaType.Type.Double),
                                                       ("label", QMetaType.Type.QString)))
    assert out_fields.names() == ["name", "n", "value", "label"] and kept == [0, 2]
    values = np.arange(23, dtype=np.float64) / 4
    values[[3, 17]] = np.nan
    output = QgsVectorLayer("Point?crs=EPSG:2154", "o", "memory")
    output.dataProvider().addAttributes(out_fields.toList())
    output.updateFields()
    add_reused_features(output.dataProvider(), "memory", out_fields, kept, features,
                        [values, [f"L{i}" for i in range(23)]], chunk=5)
    rows = [f.attributes() for f in output.getFeatures()]
    assert len(rows) == 23
    for i, (name, n, value, label) in enumerate(rows):
        assert (name, n, label) == (f"A{i}", i, f"L{i}")
        assert (value is None or str(value) == "NULL") if i in (3, 17) else value == i / 4

    class RefusingSink:
        """Takes two chunks, then refuses (a full disk)."""

        def __init__(self):
            self.chunks = []

        def addFeatures(self, chunk, flags=None):
            self.chunks.append(len(chunk))
            return len(self.chunks) <= 2

    sink = RefusingSink()
    with pytest.raises(QgsProcessingException, match="out.gpkg"):
        add_reused_features(sink, "out.gpkg", out_fields, kept, features, [values, ["x"] * 23], chunk=5)
    assert sink.chunks == [5, 5, 5]


def test_the_cycle_collector_is_paused_during_a_run_and_restored_after(provider, monkeypatch):
    """ground_motion_assets runs with Python's cycle collector paused (its tens of thousands of features would be
    traversed again and again), and switches it back on after, also when the run fails; a collector that was
    off before stays off."""
    import gc

    from qgis.core import QgsVectorLayer

    from territoire_plugin.analysis.ground_motion import join as ground_motion
    from territoire_plugin.processing.base import without_cycle_collection

    buildings = QgsVectorLayer(str(shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")), "b", "ogr")
    points, _moved = moving_points(buildings, (664000.0, 6360000.0), seed=2)
    seen = []
    original = ground_motion.join_points
    monkeypatch.setattr(ground_motion, "join_points", lambda *a, **k: seen.append(gc.isenabled()) or original(*a, **k))
    assert gc.isenabled()
    run({"POINTS": points, "ASSETS": buildings, "OUTPUT": "memory:"})
    assert seen == [False] and gc.isenabled()

    @without_cycle_collection
    def failing():
        seen.append(gc.isenabled())
        raise ValueError("bad")

    with pytest.raises(ValueError):
        failing()
    assert seen[-1] is False and gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(ValueError):
            failing()
        assert not gc.isenabled()
    finally:
        gc.enable()



def test_points_without_location_or_in_multipoints_join_as_from_memory(provider, tmp_path, monkeypatch):
    """Both layers files. An empty point (what QGIS writes for a point without geometry) is read by columns and
    belongs to no asset, instead of spoiling the join's grid. A NULL geometry, or a multipoint layer, stops the
    columnar read: the points are then read feature by feature, without a second columnar attempt. Every time
    the statistics are those of the points in memory."""
    from osgeo import ogr
    from qgis.core import QgsFeature, QgsFeatureRequest, QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes

    from territoire_plugin.analysis.ground_motion import columnar

    buildings = QgsVectorLayer(str(shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")), "b", "ogr")
    points, _moved = moving_points(buildings, (664000.0, 6360000.0), seed=4)
    # The reference: the same points from memory (their file copy rounds the velocities, hence from memory too).
    reference = statistics_by_id(run({"POINTS": QgsVectorLayer(write_gpkg(points, tmp_path / "plain.gpkg", "egms"),
                                                               "plain", "ogr").materialize(QgsFeatureRequest()),
                                      "ASSETS": buildings, "BUFFER_POLYGON": 2.0, "OUTPUT": "memory:"})["OUTPUT"])
    assert sum(v[0] for v in reference.values()) > 0.99 * 4 * buildings.featureCount()
    for pid in ("P_empty", "P_null"):
        nowhere = QgsFeature(points.fields())
        nowhere.setAttributes([pid, 30.0, 0.7, 0.78])
        assert points.dataProvider().addFeatures([nowhere])[0]
    assets_file = write_gpkg(buildings.materialize(QgsFeatureRequest()), tmp_path / "assets.gpkg", "batiments")
    calls = []
    original = columnar.read_points_columnar
    monkeypatch.setattr(columnar, "read_points_columnar", lambda *a: calls.append(original(*a)) or calls[-1])

    def statistics(points_file):
        calls.clear()
        return statistics_by_id(run({"POINTS": points_file, "ASSETS": assets_file, "BUFFER_POLYGON": 2.0,
                                     "OUTPUT": "memory:"})["OUTPUT"])

    with_empty = write_gpkg(points, tmp_path / "points.gpkg", "egms")
    assert statistics(with_empty) == reference
    assert len(calls) == 1 and calls[0] is not None and np.isnan(calls[0][0]).sum() == 2  # both empty points
    database = ogr.Open(str(tmp_path / "points.gpkg"), 1)
    layer = database.GetLayerByName("egms")
    layer.SetAttributeFilter("pid = 'P_null'")
    feature = layer.GetNextFeature()
    feature.SetGeometryDirectly(None)
    assert layer.SetFeature(feature) == 0
    del feature, layer, database
    assert statistics(with_empty) == reference
    assert calls == [None]
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "multi"
    options.overrideGeometryType, options.forceMulti = QgsWkbTypes.Type.MultiPoint, True
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        points, str(tmp_path / "multi.gpkg"), points.transformContext(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    assert statistics(f"{tmp_path / 'multi.gpkg'}|layername=multi") == reference
    assert calls == [None]
