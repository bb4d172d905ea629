"""territoire:commune_boundary and territoire:download_bdtopo against local API Géo and WFS servers."""

from __future__ import annotations

import pytest

from testing.fake_services import (
    admin_express_communes,
    install_wfs,
    lambert93_buildings,
    lambert93_decks,
    lambert93_lines,
)


@pytest.fixture
def services(monkeypatch, partner_server):
    """Local API Géo + WFS, the plugin pointed at them by environment variables, a fresh cache."""
    server = partner_server
    layers = {
        "BDTOPO_V3:batiment": lambert93_buildings(),
        "BDTOPO_V3:troncon_de_route": lambert93_lines("troncon_de_route"),
        "BDTOPO_V3:troncon_de_voie_ferree": lambert93_lines("troncon_de_voie_ferree", count=3),
        "BDTOPO_V3:construction_lineaire": lambert93_lines("construction_lineaire", count=12),
        "BDTOPO_V3:construction_surfacique": lambert93_decks(),
        "ADMINEXPRESS-COG.LATEST:commune": admin_express_communes(),
    }
    monkeypatch.setenv("TERRITOIRE_GEOPLATEFORME_WFS_URL", install_wfs(server, layers))
    server.layers = layers
    return server


def run(algorithm, params):
    from qgis import processing

    return processing.run(f"territoire:{algorithm}", params)


@pytest.mark.parametrize("query", ["Olemps", "olemps", "12174", "12510", "Olemps (12)"])
def test_commune_by_name_code_or_postcode(services, query):
    result = run("commune_boundary", {"COMMUNE": query, "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert layer.featureCount() == 1
    feature = next(layer.getFeatures())
    assert (feature["insee"], feature["nom"], feature["population"]) == ("12174", "Olemps", 3311)
    assert layer.crs().authid() == "EPSG:2154"
    centroid = feature.geometry().centroid().asPoint()
    assert abs(centroid.x() - 664445) < 300 and abs(centroid.y() - 6360764) < 300  # Olemps in Lambert-93


def test_ambiguous_and_misspelled_names_list_candidates(services):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("commune_boundary", {"COMMUNE": "Saint-Martin-de-Lenne", "OUTPUT": "memory:"})
    assert "Several communes" in str(caught.value) and "12229" in str(caught.value) and "12290" in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:
        run("commune_boundary", {"COMMUNE": "Olemp", "OUTPUT": "memory:"})
    assert "Closest names" in str(caught.value) and "Olemps (12, INSEE 12174)" in str(caught.value)


def test_a_commune_in_two_parts_and_an_unknown_code(services):
    """API Géo's GeoJSON: a MultiPolygon contour is kept whole; an unknown code (HTTP 404, ``Not Found`` as text)
    is said as such, not as a failed service."""
    from qgis.core import QgsProcessingException, QgsWkbTypes

    layer = run("commune_boundary", {"COMMUNE": "12208", "OUTPUT": "memory:"})["OUTPUT"]
    geometry = next(layer.getFeatures()).geometry()
    assert QgsWkbTypes.isMultiType(geometry.wkbType()) and geometry.constGet().numGeometries() == 2
    with pytest.raises(QgsProcessingException) as caught:
        run("commune_boundary", {"COMMUNE": "12999", "OUTPUT": "memory:"})
    assert "12999" in str(caught.value) and "did not answer" not in str(caught.value)
    assert "HTTP 404" not in str(caught.value)


def test_admin_express_source_and_cache(services):
    result = run("commune_boundary", {"COMMUNE": "Rodez", "SOURCE": 1, "OUTPUT": "memory:"})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["insee"] == "12202" and "ADMIN EXPRESS" in feature["source"]
    wfs_requests = services.requests_to("/wfs/ows")
    assert wfs_requests and "code_insee='12202'" in wfs_requests[0].query["CQL_FILTER"][0]
    services.reset()
    run("commune_boundary", {"COMMUNE": "Rodez", "SOURCE": 1, "OUTPUT": "memory:"})
    assert services.requests == []  # second identical run: everything from the cache


def test_download_bdtopo_pages_clips_and_styles(services, tmp_path):
    from osgeo import ogr
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    output = tmp_path / "bdtopo.gpkg"
    result = run("download_bdtopo", {"COMMUNE": "Olemps", "THEMES": [0, 1, 3], "OUTPUT": str(output)})
    assert result["OUTPUT"] == str(output)
    buildings = QgsVectorLayer(f"{output}|layername=batiment", "b", "ogr")
    assert buildings.isValid() and buildings.crs().authid() == "EPSG:2154"
    # Paged: 2400 buildings in the box → 3 pages of 1000.
    pages = [r for r in services.requests_to("/wfs/ows") if r.query["TYPENAMES"] == ["BDTOPO_V3:batiment"]]
    assert [int(r.query["STARTINDEX"][0]) for r in pages] == [0, 1000, 2000]
    # Kept: exactly the buildings touching the commune outline, recomputed here with OGR.
    outline = run("commune_boundary", {"COMMUNE": "Olemps", "OUTPUT": "memory:"})["OUTPUT"]
    polygon = ogr.CreateGeometryFromWkt(next(outline.getFeatures()).geometry().asWkt())
    expected = {f["properties"]["cleabs"] for f in services.layers["BDTOPO_V3:batiment"]
                if polygon.Intersects(ogr.CreateGeometryFromJson(__import__("json").dumps(f["geometry"])))}
    got = {f["cleabs"] for f in buildings.getFeatures()}
    assert got == expected and 0 < len(got) < 2400
    assert {f.name() for f in buildings.fields()} >= {"cleabs", "usage_1", "hauteur"}
    bridges = QgsVectorLayer(f"{output}|layername=pont", "p", "ogr")
    assert bridges.featureCount() > 0 and all(f["nature"] == "Pont" for f in bridges.getFeatures())
    # The WFS serves 3D geometries, as the real BD TOPO V3: kept as they come.
    assert QgsWkbTypes.hasZ(buildings.wkbType()) and QgsWkbTypes.hasZ(bridges.wkbType())
    # Bridge decks (construction_surfacique polygons) are a layer of their own, none lost among the lines.
    decks = QgsVectorLayer(f"{output}|layername=pont_surface", "d", "ogr")
    expected_decks = {f["properties"]["cleabs"] for f in services.layers["BDTOPO_V3:construction_surfacique"]
                      if polygon.Intersects(ogr.CreateGeometryFromJson(__import__("json").dumps(f["geometry"])))}
    assert QgsWkbTypes.geometryType(decks.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    assert {f["cleabs"] for f in decks.getFeatures()} == expected_decks and len(expected_decks) == 3
    assert f"{output}|layername=pont_surface" in result["LAYERS"]
    assert bridges.featureCount() == sum(
        1 for f in services.layers["BDTOPO_V3:construction_lineaire"] if f["properties"]["nature"] == "Pont"
        and polygon.Intersects(ogr.CreateGeometryFromJson(__import__("json").dumps(f["geometry"]))))
    assert not list(tmp_path.glob(".*part*"))
    # Second identical run: 0 bytes from the network.
    services.reset()
    run("download_bdtopo", {"COMMUNE": "Olemps", "THEMES": [0, 1, 3], "OUTPUT": str(tmp_path / "again.gpkg")})
    assert services.requests == [] and services.bytes_sent == 0


def test_bdtopo_layers_load_styled(services, tmp_path):
    from qgis import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("territoire:download_bdtopo", {
        "COMMUNE": "Olemps", "THEMES": [0, 1], "OUTPUT": str(tmp_path / "loaded.gpkg")})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        names = sorted(layer.name() for layer in added)
        assert names == ["BD TOPO — batiment", "BD TOPO — troncon_de_route"]
        building = next(layer for layer in added if layer.name().endswith("batiment"))
        assert building.renderer().symbol().color().name() == "#c4a082"  # the shipped style, not a random one
    finally:
        project.removeMapLayers([layer.id() for layer in added])


def test_wfs_exception_report_is_shown(services, tmp_path):
    from qgis.core import QgsProcessingException

    del services.layers["BDTOPO_V3:troncon_de_voie_ferree"]
    with pytest.raises(QgsProcessingException) as caught:  # buildings written, then the railways fail
        run("download_bdtopo", {"COMMUNE": "Olemps", "THEMES": [0, 2], "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "Feature type BDTOPO_V3:troncon_de_voie_ferree unknown" in str(caught.value)
    # No output, no half-written temporary file (the services' cache lives there too).
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == []


def test_no_area_is_refused(services, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("download_bdtopo", {"OUTPUT": str(tmp_path / "x.gpkg")})
    assert "No area" in str(caught.value)


@pytest.mark.parametrize("server", [
    {"counting": "exact", "max_count": 700},  # the server's own page limit, below COUNT, numberMatched given
    {"counting": "unknown"},  # no numberMatched, "totalFeatures": "unknown": a short page is the last
    {"counting": "unknown", "ignore_startindex": True, "max_count": 1000},  # STARTINDEX ignored: stop on a repeat
], ids=["server-limit", "unknown-count", "startindex-ignored"])
def test_wfs_paging_as_geoserver_answers(partner_server, server, tmp_path):
    from territoire_plugin.sources.network import HttpClient
    from territoire_plugin.sources.wfs import Wfs

    buildings = lambert93_buildings()
    url = install_wfs(partner_server, {"BDTOPO_V3:batiment": buildings, "BDTOPO_V3:erp": []}, path="/paged/ows",
                      **server)
    wfs = Wfs(HttpClient("WFS", rate=None), url)
    assert wfs.features("BDTOPO_V3:erp") == []  # an empty first page
    partner_server.reset()
    got = wfs.features("BDTOPO_V3:batiment", page_size=1000)
    starts = [int(r.query["STARTINDEX"][0]) for r in partner_server.requests_to("/paged/ows")]
    if server.get("ignore_startindex"):
        assert starts == [0, 1000] and len(got) == 1000  # the repeated first page ends it, once
    else:
        assert len(got) == len(buildings) == 2400
        assert [f["id"] for f in got] == [f["id"] for f in buildings]
        assert starts == ([0, 700, 1400, 2100] if server.get("max_count") else [0, 1000, 2000])
    assert all(len(f["geometry"]["coordinates"][0][0][0]) == 3 for f in got)  # 3D, as served
