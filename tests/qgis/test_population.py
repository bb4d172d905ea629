"""territoire:download_population on Filosofi files made here in the 2019, 2017 and 2015 schemas, as INSEE publishes
them (zip → 7z → CSV or GeoPackage, testing.filosofi), bare, local or by URL."""

from __future__ import annotations

import zipfile

import pytest

from testing.fake_services import zip_files
from testing.filosofi import filosofi_rows, insee_download, write_filosofi_csv


@pytest.fixture
def server(partner_server):
    return partner_server


def run(params):
    from qgis import processing

    return processing.run("territoire:download_population", params)


def expected_cells(year=2019):
    """Cells intersecting Olemps' outline, and their inhabitants, computed here with OGR."""
    from osgeo import ogr
    from qgis import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    commune = processing.run("territoire:commune_boundary", {"COMMUNE": "Olemps", "OUTPUT": "memory:"})["OUTPUT"]
    geometry = next(commune.getFeatures()).geometry()
    geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                              QgsCoordinateReferenceSystem("EPSG:3035"), QgsProject.instance()))
    outline = ogr.CreateGeometryFromWkt(geometry.asWkt())
    header, rows = filosofi_rows(year)
    kept = {}
    for row in rows:
        north, east = (int(v) for v in row[0].split("N")[1].split("E"))
        square = ogr.CreateGeometryFromWkt(f"POLYGON(({east} {north},{east + 200} {north},{east + 200} {north + 200},"
                                           f"{east} {north + 200},{east} {north}))")
        if outline.Intersects(square):
            kept[row[0]] = float(row[[c.lower() for c in header].index("ind")])
    return kept


def check_population(output, result, year):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{output}|layername=population_200m", "p", "ogr")
    got = {f["idcar_200m"]: f for f in layer.getFeatures()}
    expected = expected_cells(year)
    assert set(got) == set(expected) and len(got) > 50
    assert result["INHABITANTS"] == pytest.approx(sum(expected.values()))
    some = next(iter(got.values()))
    assert some["ind_65p"] == pytest.approx(some["ind_65_79"] + some["ind_80p"])
    assert layer.crs().authid() == "EPSG:2154"
    assert some.geometry().area() == pytest.approx(40000, rel=0.01)  # a 200 m square in Lambert-93


@pytest.mark.parametrize("year, delimiter", [(2019, ","), (2017, ";"), (2015, ",")])
def test_cells_of_the_commune_with_counts(server, tmp_path, year, delimiter):
    source = zip_files(tmp_path / "filosofi.zip", {"Filosofi_carreaux_200m.csv": write_filosofi_csv(
        tmp_path / "f.csv", year, delimiter)})
    output = tmp_path / "pop.gpkg"
    check_population(output, run({"SOURCE": str(source), "COMMUNE": "Olemps", "OUTPUT": str(output)}), year)


@pytest.mark.parametrize("year, edition, method, outer", [
    (2019, "csv", "LZMA2", zipfile.ZIP_STORED),  # 7-Zip's default method; the 7z read in place in the zip
    (2017, "csv", "LZMA", zipfile.ZIP_DEFLATED),  # Latin-1, older 7-Zip's method, the 7z compressed in the zip
    (2019, "gpkg", "LZMA2", zipfile.ZIP_STORED),  # the GeoPackage edition
])
def test_the_download_as_insee_publishes_it(server, tmp_path, year, edition, method, outer):
    source = insee_download(tmp_path, year, edition, method, outer, territories=("met", "reun", "mart"))
    inner = zipfile.ZipFile(source).namelist()
    assert inner == [f"Filosofi{year}_carreaux_200m_{edition}.7z"]
    output = tmp_path / "pop.gpkg"
    check_population(output, run({"SOURCE": str(source), "COMMUNE": "Olemps", "OUTPUT": str(output)}), year)


def test_an_unreadable_7z_says_what_to_do_and_writes_nothing(server, tmp_path):
    from qgis.core import QgsProcessingException

    source = insee_download(tmp_path, method="PPMd")
    with pytest.raises(QgsProcessingException) as caught:
        run({"SOURCE": str(source), "COMMUNE": "Olemps", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "cannot be read" in str(caught.value) and "7-Zip" in str(caught.value)
    assert "Traceback" not in str(caught.value)
    assert not (tmp_path / "x.gpkg").exists()


def test_by_url_downloads_once(server, tmp_path):
    source = insee_download(tmp_path)
    server.serve_file("/insee/Filosofi2019_carreaux_200m_csv.zip", source)
    url = f"{server.url}/insee/Filosofi2019_carreaux_200m_csv.zip"
    expected_cells(2019)  # the commune's answers are now cached: what follows counts the file alone
    server.reset()
    run({"SOURCE": url, "COMMUNE": "Olemps", "OUTPUT": str(tmp_path / "a.gpkg")})
    assert server.bytes_sent == source.stat().st_size
    server.reset()
    run({"SOURCE": url, "COMMUNE": "Olemps", "OUTPUT": str(tmp_path / "b.gpkg")})
    assert [r for r in server.requests if r.path.startswith("/insee")] == []


def test_other_schema_is_refused_clearly(server, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "other.csv"
    bad.write_text("code,value\n1,2\n")
    with pytest.raises(QgsProcessingException) as caught:
        run({"SOURCE": str(bad), "COMMUNE": "Olemps", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "not an INSEE Filosofi 200 m grid" in str(caught.value)
    assert not (tmp_path / "x.gpkg").exists()


def test_file_without_age_counts_warns_and_leaves_them_empty(server, tmp_path):
    from qgis import processing
    from qgis.core import NULL, QgsProcessingFeedback, QgsVectorLayer

    warnings = []

    class Recorder(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    old = write_filosofi_csv(tmp_path / "old.csv", 2015, ages=False)
    output = tmp_path / "y.gpkg"
    processing.run("territoire:download_population", {"SOURCE": str(old), "COMMUNE": "Olemps",
                                                      "OUTPUT": str(output)}, feedback=Recorder())
    assert any("ind_65_79" in w and "ind_80p" in w for w in warnings)
    feature = next(QgsVectorLayer(f"{output}|layername=population_200m", "p", "ogr").getFeatures())
    assert feature["ind"] > 0
    assert feature["ind_65_79"] in (None, NULL) and feature["ind_65p"] in (None, NULL)
