"""territoire:download_georisques against a local Géorisques (testing/fake_georisques.py) and the sample town: the
exposure cells carry the class the map has at their centre, the decrees are all read (every page), a second run asks
nothing, and bad answers or a commune outside mainland France give a clear message."""

from __future__ import annotations

import math

import pytest
from conftest import TOWN_YEARS  # noqa: F401 - the town fixture's summers


def run(name, parameters):
    from qgis import processing

    return processing.run(f"territoire:{name}", parameters)


def zone_class(x: float, y: float) -> int:
    """The demo map's class at a place (testing/sample_town.py CLAY), by its definition."""
    from testing.sample_town import CLAY

    (cx, cy), high, medium, _ = CLAY
    distance = math.hypot(x - cx, y - cy)
    return 3 if distance < high else 2 if distance < medium else 1


def test_exposure_cells_and_decrees_of_olemps(town, provider, tmp_path):
    from osgeo import ogr

    out = tmp_path / "georisques.gpkg"
    result = run("download_georisques", {"COMMUNE": "12174", "BUILDINGS": str(town["folder"] / "buildings.geojson"),
                                         "OUTPUT": str(out)})
    asked = len(town["server"].requests_to("/api/v1/rga"))
    assert result["SAMPLES"] == asked > 0
    source = ogr.Open(str(out))
    cells = source.GetLayerByName("exposition_argiles")
    seen = set()
    for feature in cells:
        xmin, xmax, ymin, ymax = feature.GetGeometryRef().GetEnvelope()
        assert feature.GetField("code_exposition") == zone_class((xmin + xmax) / 2, (ymin + ymax) / 2)
        seen.add(feature.GetField("code_exposition"))
        assert xmax - xmin in (50.0, 100.0, 200.0, 400.0)
    assert seen == {1, 2, 3} and result["CELLS"] == cells.GetFeatureCount()
    # The houses of the clay patch sit in cells classed 3 ("forte").
    patch = [b for n, b in enumerate(town["buildings"]) if n in town["swelling"]]
    assert patch
    decrees = source.GetLayerByName("catnat")
    rows = [(f.GetField("code_national"), f.GetField("debut"), f.GetField("secheresse")) for f in decrees]
    source = None
    from testing.sample_town import DECREES

    assert len(rows) == len(DECREES) == result["DECREES"] and result["DROUGHT_DECREES"] == 3
    assert rows[0][1] == "2022-07-01" and sum(r[2] for r in rows) == 3  # newest first, ISO dates
    # Again: every answer from the cache, nothing asked.
    before = len(town["server"].requests)
    run("download_georisques", {"COMMUNE": "12174", "BUILDINGS": str(town["folder"] / "buildings.geojson"),
                                "OUTPUT": str(tmp_path / "again.gpkg")})
    assert [r.path for r in town["server"].requests[before:] if r.path.startswith("/api/v1")] == []


def test_every_page_of_decrees_is_read(server, client_factory):
    from territoire_plugin.sources import georisques
    from testing import fake_georisques

    rows = [fake_georisques.decree(f"INTE{n:07d}A", fake_georisques.DROUGHT if n % 3 == 0 else "Inondations",
                                   f"01/07/{1990 + n % 30}", f"30/09/{1990 + n % 30}", "01/01/2000", "02/01/2000",
                                   "12174", "Olemps") for n in range(230)]
    base = fake_georisques.install_georisques(server, [], {"12174": rows})
    found = georisques.decrees(client_factory(), base, "12174")
    assert len(found) == 230 and len(server.requests_to("/api/v1/gaspar/catnat")) == 3
    assert sum(d.drought for d in found) == 77
    assert found[0].start >= found[-1].start
    assert georisques.decrees(client_factory(), base, "99999") == []


@pytest.mark.parametrize("answer, key", [({"codeExposition": "7", "exposition": "?"}, "georisques_bad_answer"),
                                         ([1, 2], "georisques_bad_answer")])
def test_a_wrong_exposure_answer_is_refused(server, client_factory, answer, key):
    from territoire_plugin.core.errors import ServiceError
    from territoire_plugin.sources import georisques

    server.json_route("/api/v1/rga", answer)
    with pytest.raises(ServiceError) as caught:
        georisques.rga_class(client_factory(), f"{server.url}/api/v1", 2.55, 44.35)
    assert caught.value.key == key


def test_a_bad_date_and_an_empty_map_answer(server, client_factory):
    from territoire_plugin.core.errors import ServiceError
    from territoire_plugin.sources import georisques

    server.json_route("/api/v1/gaspar/catnat", {"results": 1, "page": 1, "total_pages": 1, "data": [
        {"code_national_catnat": "X", "libelle_risque_jo": "Tempête", "date_debut_evt": "32/13/2020"}]})
    with pytest.raises(ServiceError):
        georisques.decrees(client_factory(), f"{server.url}/api/v1", "12174")
    server.json_route("/api/v1/rga", {})
    assert georisques.rga_class(client_factory(), f"{server.url}/api/v1", 2.55, 44.35) is None


def test_outside_mainland_is_said():
    from territoire_plugin.processing.base import processing_error
    from territoire_plugin.sources import georisques

    assert georisques.in_mainland(661000, 6357000, 667000, 6363000)  # Olemps
    assert not georisques.in_mainland(-6300000, 1600000, -6200000, 1700000)  # the Antilles in Lambert-93
    message = str(processing_error(georisques.outside_mainland("Basse-Terre")))
    assert "Basse-Terre" in message and ("mainland" in message or "métropolitaine" in message)
