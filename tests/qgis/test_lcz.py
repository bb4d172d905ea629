"""territoire:download_lcz against a local data.gouv.fr API and a Cerema-like LCZ file made here."""

from __future__ import annotations

import hashlib

import pytest

from testing.fake_services import to_lambert93, zip_files

DATASET = "6641c562e5acdb35c0e6051d"


def make_lcz_zip(folder):
    """``lcz-spot-2022-rodez.zip`` as Cerema zips it (reference/partner-services.md, "Cerema LCZ": the data.gouv.fr
    dataset's files): a shapefile ``LCZ_SPOT_2022_Rodez`` in Lambert-93 with ``lcz`` (1–10, A–G) and ``lcz_int``,
    beside a raster and a PDF map. Polygons around Rodez: a 4 × 4 grid of 1.5 km squares, classes 2, 5, 6, 8, A, D."""
    from osgeo import gdal, ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    shapes = folder / "shp"
    shapes.mkdir()
    dataset = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(shapes / "LCZ_SPOT_2022_Rodez.shp"))
    layer = dataset.CreateLayer("LCZ_SPOT_2022_Rodez", srs=srs, geom_type=ogr.wkbPolygon,
                                options=["ENCODING=UTF-8"])
    layer.CreateField(ogr.FieldDefn("lcz", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("lcz_int", ogr.OFTInteger))
    cx, cy = to_lambert93(2.575, 44.35)
    classes = ["2", "5", "6", "8", "A", "D"]
    for j in range(4):
        for i in range(4):
            x, y = cx - 3000 + i * 1500, cy - 3000 + j * 1500
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(
                f"POLYGON(({x} {y},{x + 1500} {y},{x + 1500} {y + 1500},{x} {y + 1500},{x} {y}))"))
            value = classes[(i + j) % len(classes)]
            feature.SetField("lcz", value)
            feature.SetField("lcz_int", int(value) if value.isdigit() else 101 + "ABCDEFG".index(value))
            layer.CreateFeature(feature)
    dataset = None
    raster = gdal.GetDriverByName("GTiff").Create(str(shapes / "LCZ_SPOT_2022_Rodez.tif"), 8, 8, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((cx - 3000, 750.0, 0.0, cy + 3000, 0.0, -750.0))
    raster = None
    (shapes / "Carte_LCZ_Rodez.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    members = {f"LCZ_SPOT_2022_Rodez/{path.name}": path for path in sorted(shapes.iterdir())}
    return zip_files(folder / "lcz-spot-2022-rodez.zip", members)


@pytest.fixture
def datagouv(monkeypatch, tmp_path, partner_server):
    server = partner_server
    archive = make_lcz_zip(tmp_path)
    server.serve_file("/files/lcz-spot-2022-rodez.zip", archive)
    # The dataset as udata v1 lists it (reference/partner-services.md, "Cerema LCZ"): one zip per territory, a
    # CSV of the covered communes (here ;-separated, Latin-1), sha1 checksums.
    communes = tmp_path / "communes_couvertes.csv"
    communes.write_bytes("code_insee;nom_commune;territoire\n12202;Rodez;Rodez\n12174;Olemps;Rodez\n"
                         "31555;Toulouse;Toulouse\n31069;Blagnac;Toulouse\n".encode("latin-1"))
    server.serve_file("/files/communes_couvertes.csv", communes)
    resources = [
        {"id": "r1", "title": "LCZ - Aire urbaine de Toulouse", "format": "zip",
         "url": f"{server.url}/files/lcz-spot-2022-toulouse.zip"},
        {"id": "r2", "title": "LCZ - Aire urbaine de Rodez", "format": "zip",
         "url": f"{server.url}/files/lcz-spot-2022-rodez.zip",
         "checksum": {"type": "sha1", "value": hashlib.sha1(archive.read_bytes()).hexdigest()}},  # noqa: S324
        {"id": "r3", "title": "Liste des communes couvertes", "format": "csv",
         "url": f"{server.url}/files/communes_couvertes.csv",
         "checksum": {"type": "sha1", "value": hashlib.sha1(communes.read_bytes()).hexdigest()}},  # noqa: S324
    ]
    server.resources = resources
    server.json_route(f"/api/1/datasets/{DATASET}/", {"id": DATASET, "title": "Zones climatiques locales",
                                                      "resources": resources})
    monkeypatch.setenv("TERRITOIRE_DATA_GOUV_URL", f"{server.url}/api/1")
    return server


def run(params):
    from qgis import processing

    return processing.run("territoire:download_lcz", params)


def test_covered_commune_gets_its_zones_cut_to_its_outline(datagouv, tmp_path):
    from qgis.core import QgsVectorLayer

    output = tmp_path / "lcz.gpkg"
    result = run({"COMMUNE": "Rodez", "OUTPUT": str(output)})
    layer = QgsVectorLayer(f"{output}|layername=lcz", "lcz", "ogr")
    assert result["ZONES"] == layer.featureCount() > 4
    assert {f["lcz"] for f in layer.getFeatures()} <= {"2", "5", "6", "8", "A", "D"}
    from qgis import processing

    outline = next(processing.run("territoire:commune_boundary", {"COMMUNE": "Rodez", "OUTPUT": "memory:"})[
        "OUTPUT"].getFeatures()).geometry()
    area = sum(f.geometry().area() for f in layer.getFeatures())
    assert area <= outline.area() * 1.0001  # cut to the commune
    for feature in layer.getFeatures():
        assert outline.buffer(1, 4).contains(feature.geometry())
    # Second run: the dataset listing and the file come from the cache.
    datagouv.reset()
    run({"COMMUNE": "Rodez", "OUTPUT": str(tmp_path / "again.gpkg")})
    assert datagouv.requests == []


def test_small_town_not_covered_is_told_so(datagouv, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run({"COMMUNE": "Saint-Martin-de-Valgalgues", "OUTPUT": str(tmp_path / "x.gpkg")})
    message = str(caught.value)
    assert "do not cover Saint-Martin-de-Valgalgues" in message and "LCZ - Aire urbaine de Rodez" in message
    assert "communes couvertes" not in message  # the list of communes is not a territory
    assert not (tmp_path / "x.gpkg").exists()


def test_a_commune_is_found_in_its_territory_through_the_covered_communes_list(datagouv, tmp_path):
    """Olemps is named in no file title: the covered-communes CSV says it lies in Rodez's territory."""
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    class Feedback(QgsProcessingFeedback):
        infos = []

        def pushInfo(self, text):  # noqa: N802 - Qt API
            self.infos.append(text)

    from qgis import processing

    feedback = Feedback()
    result = processing.run("territoire:download_lcz", {"COMMUNE": "Olemps", "OUTPUT": str(tmp_path / "o.gpkg")},
                            feedback=feedback)
    assert result["ZONES"] == QgsVectorLayer(f"{tmp_path / 'o.gpkg'}|layername=lcz", "l", "ogr").featureCount() > 0
    assert any("Olemps" in text and "Rodez" in text for text in feedback.infos)


def test_a_file_that_does_not_match_its_sha1_is_refused(datagouv, tmp_path):
    from qgis.core import QgsProcessingException

    datagouv.resources[1]["checksum"] = {"type": "sha1", "value": "0" * 40}
    with pytest.raises(QgsProcessingException) as caught:
        run({"COMMUNE": "Rodez", "OUTPUT": str(tmp_path / "r.gpkg")})
    assert "does not match its published checksum" in str(caught.value)
    assert not (tmp_path / "r.gpkg").exists()


def test_commune_of_a_covered_urban_area(datagouv, tmp_path):
    result = run({"COMMUNE": "Olemps", "URBAN_AREA": "Rodez", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert result["ZONES"] > 0
