"""territoire:import_egms on EGMS files made here in each product's layout (no real EGMS file exists here)."""

from __future__ import annotations

import numpy as np
import pytest

from testing.egms import egms_points, to_laea, write_egms_csv
from testing.fake_services import zip_files


@pytest.fixture(scope="module")
def points():
    return egms_points()


@pytest.fixture
def api_geo(partner_server):
    return partner_server


def run(params):
    from qgis import processing

    return processing.run("territoire:import_egms", params)


@pytest.mark.parametrize("level, rename", [("L2b", False), ("L2a", False), ("L3", False), ("L2b", True)])
def test_each_layout_imports_the_same_points(tmp_path, provider, points, level, rename):
    from qgis.core import QgsVectorLayer

    from territoire_plugin.sources.egms import read_series

    pts, dates = points
    csv_path = write_egms_csv(tmp_path / f"EGMS_{level}_037_0288_IW2_VV_2019_2023_1.csv", pts, dates, level, rename)
    archive = zip_files(tmp_path / f"EGMS_{level}_037_0288_IW2_VV_2019_2023_1.zip",
                        {csv_path.name: csv_path, csv_path.with_suffix(".xml").name: b"<metadata/>"})
    output = tmp_path / "egms.gpkg"
    result = run({"INPUT": str(archive), "OUTPUT": str(output)})
    assert result["POINTS"] == len(pts)
    layer = QgsVectorLayer(f"{output}|layername=egms_points", "egms", "ogr")
    assert layer.crs().authid() == "EPSG:2154"
    by_pid = {f["pid"]: f for f in layer.getFeatures()}
    for n in (0, 1234, len(pts) - 1):
        feature = by_pid[f"3PWxq{n:07d}"]
        assert feature["velocity"] == pytest.approx(round(pts[n]["velocity"], 2))
        np.testing.assert_allclose(read_series(bytes(feature["displacement_mm"])), np.round(pts[n]["series"], 1),
                                   atol=1e-4)
    dates_layer = QgsVectorLayer(f"{output}|layername=egms_dates", "d", "ogr")
    stored = sorted((f["position"], f["date"].toString("yyyyMMdd")) for f in dates_layer.getFeatures())
    assert [d for _, d in stored] == dates
    meta = {f["key"]: f["value"] for f in QgsVectorLayer(f"{output}|layername=egms_metadata", "m", "ogr").getFeatures()}
    assert meta["level"].startswith(level if level != "L2b" or not rename else "L2b")
    # Positions: a point's Lambert-93 coordinates are its EPSG:3035 ones reprojected (checked with OSR here).
    from osgeo import osr

    laea, lambert = osr.SpatialReference(), osr.SpatialReference()
    laea.ImportFromEPSG(3035)
    lambert.ImportFromEPSG(2154)
    for srs in (laea, lambert):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(laea, lambert).TransformPoint(round(pts[0]["x"], 1), round(pts[0]["y"], 1))
    point = by_pid["3PWxq0000000"].geometry().asPoint()
    assert abs(point.x() - x) < 0.01 and abs(point.y() - y) < 0.01


@pytest.mark.parametrize("encoding, delimiter", [("cp1252", ";"), ("utf-16", "\t")],
                         ids=["excel-csv-semicolon", "excel-unicode-text"])
def test_a_file_resaved_by_french_excel_imports_the_same_points(tmp_path, provider, points, encoding, delimiter):
    """An EGMS CSV opened and saved again in French Excel: « CSV (séparateur : point-virgule) » (cp1252, ``;``,
    decimal commas) or « Texte Unicode » (UTF-16 with its BOM, tabs, decimal commas) reads as the original."""
    import csv

    from qgis.core import QgsVectorLayer

    from territoire_plugin.sources.egms import read_series

    pts, dates = points
    original = write_egms_csv(tmp_path / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.csv", pts[:300], dates)
    with open(original, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    resaved = tmp_path / "EGMS_L2b_resaved.csv"
    with open(resaved, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(rows[0])
        writer.writerows([[field.replace(".", ",") for field in row] for row in rows[1:]])
    output = tmp_path / "egms.gpkg"
    assert run({"INPUT": str(resaved), "OUTPUT": str(output)})["POINTS"] == 300
    by_pid = {f["pid"]: f for f in QgsVectorLayer(f"{output}|layername=egms_points", "e", "ogr").getFeatures()}
    for n in (0, 299):
        feature = by_pid[f"3PWxq{n:07d}"]
        assert feature["velocity"] == pytest.approx(round(pts[n]["velocity"], 2))
        np.testing.assert_allclose(read_series(bytes(feature["displacement_mm"])), np.round(pts[n]["series"], 1),
                                   atol=1e-4)


def test_clip_to_commune(tmp_path, api_geo, points):
    from osgeo import ogr
    from qgis.core import QgsVectorLayer

    pts, dates = points
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_x.csv", pts, dates)
    output = tmp_path / "clip.gpkg"
    result = run({"INPUT": str(csv_path), "COMMUNE": "Olemps", "OUTPUT": str(output)})
    from qgis import processing

    commune = processing.run("territoire:commune_boundary", {"COMMUNE": "Olemps", "OUTPUT": "memory:"})["OUTPUT"]
    geometry = next(commune.getFeatures()).geometry()
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                              QgsCoordinateReferenceSystem("EPSG:3035"), QgsProject.instance()))
    polygon = ogr.CreateGeometryFromWkt(geometry.asWkt())
    expected = sum(polygon.Contains(ogr.CreateGeometryFromWkt(f"POINT({round(p['x'], 1)} {round(p['y'], 1)})"))
                   for p in pts)
    assert result["POINTS"] == expected and 0 < expected < len(pts)
    assert QgsVectorLayer(f"{output}|layername=egms_points", "e", "ogr").featureCount() == expected


@pytest.mark.parametrize("case, expected", [
    ("traversal", "unsafe path"), ("no_csv", "no CSV"), ("not_egms", "no column"), ("not_zip", "neither a CSV"),
])
def test_bad_files_are_refused_and_nothing_written(tmp_path, provider, points, case, expected):
    from qgis.core import QgsProcessingException

    pts, dates = points
    good = write_egms_csv(tmp_path / "good.csv", pts[:10], dates)
    source = {
        "traversal": lambda: zip_files(tmp_path / "evil.zip", {"../../outside.csv": good}),
        "no_csv": lambda: zip_files(tmp_path / "empty.zip", {"readme.txt": b"hello"}),
        "not_egms": lambda: zip_files(tmp_path / "other.zip", {"a.csv": b"id,value\n1,2\n"}),
        "not_zip": lambda: (tmp_path / "x.zip").write_bytes(b"<html>login</html>") and tmp_path / "x.zip",
    }[case]()
    output = tmp_path / "out" / "egms.gpkg"
    output.parent.mkdir()
    with pytest.raises(QgsProcessingException) as caught:
        run({"INPUT": str(source), "OUTPUT": str(output)})
    assert expected in str(caught.value)
    assert list(output.parent.iterdir()) == []
    assert not (tmp_path.parent / "outside.csv").exists()


def test_far_away_area_imports_nothing_with_a_warning(tmp_path, provider, points):
    pts, dates = points
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_y.csv", pts[:50], dates)
    result = run({"INPUT": str(csv_path), "EXTENT": "0,1000,6000000,6001000 [EPSG:2154]",
                  "OUTPUT": str(tmp_path / "none.gpkg")})
    assert result["POINTS"] == 0
    assert to_laea(2.554, 44.345)[0] > 3_000_000  # the fixture really is in EPSG:3035 metres


def test_a_later_column_naming_is_read_and_unknown_columns_are_said(tmp_path, provider, points):
    """height_ortho, height_ellipse and rmse_ts (a later EGMS naming) fill height and rmse; a column the plugin
    does not know is named in the log, not dropped silently."""
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    class Feedback(QgsProcessingFeedback):
        infos = []

        def pushInfo(self, text):  # noqa: N802 - Qt API
            self.infos.append(text)

    from qgis import processing

    pts, dates = points
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_037_0288_IW2_VV_2019_2023_2.csv", pts[:50], dates, "L2b-2024")
    assert "rmse_ts" in csv_path.read_text().splitlines()[0]
    feedback = Feedback()
    processing.run("territoire:import_egms", {"INPUT": str(csv_path), "OUTPUT": str(tmp_path / "e.gpkg")},
                   feedback=feedback)
    layer = QgsVectorLayer(f"{tmp_path / 'e.gpkg'}|layername=egms_points", "e", "ogr")
    feature = next(layer.getFeatures())
    assert feature["height"] == pytest.approx(560.1) and feature["rmse"] == pytest.approx(1.1)
    said = " ".join(feedback.infos)
    assert "quality_flag" in said and "height_ellipse" in said  # not imported, and said so
