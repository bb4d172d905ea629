"""Fuzzing every reader of a service's answer: API Géo, Géoplateforme WFS, STAC (Planetary Computer, Earth Search),
the SAS token, data.gouv.fr, error bodies (make fuzz).

The answers start from the real shapes the fakes serve (testing/fake_services.py, testing/fake_stac.py, each with
its source) and are damaged as JSON or as bytes (testing/fuzzing.py). They reach the code through the real
HttpClient (only its transport is replaced), so validation and caching run as in use. Whatever a service sends,
the reader returns a checked result or raises the project's ServiceError / AnalysisError.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from territoire_plugin.core.errors import AnalysisError
from territoire_plugin.sources.network import HttpClient
from territoire_plugin.sources.response import Response, service_message
from testing import fake_services
from testing.fake_stac import landsat_item
from testing.fuzzing import FUZZ, answer_bytes, awkward_text, mutated_bytes

BASE = "https://service.invalid"


class AnswersClient(HttpClient):
    """The real client with the network replaced by ``answers`` (bodies sent with HTTP 200, in turn; ``last``
    once they are used up)."""

    def __init__(self, answers: list, last: bytes = b"[]", content_type: str = "application/json"):
        super().__init__("Service", retries=0, backoff_s=0.0)
        self.answers, self.last, self.content_type = list(answers), last, content_type
        self.sent = 0

    def _once(self, method, url, body, headers):
        self.sent += 1
        assert self.sent < 500, "the reader keeps asking: a loop on a damaged answer"
        content = self.answers.pop(0) if self.answers else self.last
        return Response(url, 200, {"content-type": self.content_type}, content)


def _commune_item(code="12174"):
    row = next(c for c in fake_services.COMMUNES if c[0] == code)
    return fake_services._item(*row[:6])


def _outline(code="12174"):
    row = next(c for c in fake_services.COMMUNES if c[0] == code)
    properties = {k: v for k, v in _commune_item(code).items() if k != "centre"}
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [fake_services._ring(*row[5], row[6])]}}


@FUZZ
@given(content=st.binary(max_size=300) | mutated_bytes(b'{"message": "Quota exceeded", "code": 429}')
       | mutated_bytes(b'<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1">'
                       b'<ows:Exception><ows:ExceptionText>Unknown layer</ows:ExceptionText></ows:Exception>'
                       b'</ows:ExceptionReport>')
       | mutated_bytes(b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>")
       | st.sampled_from([b"[" * 100_000, b"<a>" * 30_000, b"\xef\xbb\xbf{}", b'{"a": NaN}']),
       content_type=st.sampled_from(["application/json", "text/html", "text/xml", "", "application/json; charset=x"]))
def test_error_bodies(content, content_type):
    text = service_message(content, content_type)
    assert isinstance(text, str)
    try:
        Response(BASE, 200, {"content-type": content_type}, content).json("Service")
    except AnalysisError:
        pass


@FUZZ
@given(data=st.data(), query=st.sampled_from(["12174", "Olemps", "12510", "Olemps (12)", "Rodez", "Olmps"]))
def test_api_geo(data, query):
    from territoire_plugin.sources.api_geo import INSEE_CODE, ApiGeo

    search = [_commune_item("12174"), _commune_item("12202")]
    answers = [data.draw(answer_bytes(_commune_item())), data.draw(answer_bytes(search)),
               data.draw(answer_bytes(_outline()))]
    client = AnswersClient(answers, last=data.draw(answer_bytes(search)))
    api = ApiGeo(client, BASE)
    try:
        commune = api.resolve(query)
        assert INSEE_CODE.match(commune.code) and commune.name
        feature = api.outline(commune)
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        _to_qgis([feature])
    except AnalysisError:
        pass


def _to_qgis(features):
    """The features through the plugin's GeoJSON reader (QGIS's parser), as the connectors use them."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    from territoire_plugin.qgis_io.features import geojson_features, keep_intersecting

    _fields, parsed = geojson_features(features, QgsCoordinateReferenceSystem("EPSG:4326"))
    keep_intersecting(parsed, QgsGeometry.fromWkt("POLYGON((0 0, 10 0, 10 50, 0 50, 0 0))"))


def _wfs_page(start=0, count=3, total=7):
    features = []
    for n in range(start, min(start + count, total)):
        x, y = 661500.0 + 50 * n, 6359000.0
        features.append({"type": "Feature", "id": f"batiment.BATIMENT{n:016d}", "geometry_name": "geometrie",
                         "geometry": {"type": "MultiPolygon", "coordinates": [[[[x, y, 560.0], [x + 20, y, 560.0],
                                                                                 [x + 20, y + 15, 561.0],
                                                                                 [x, y + 15, 561.0],
                                                                                 [x, y, 560.0]]]]},
                         "properties": {"cleabs": f"BATIMENT{n:016d}", "hauteur": 6.5, "nombre_d_etages": 2,
                                        "usage_1": "Résidentiel", "date_creation": "2008-03-12T10:00:00Z"}})
    # GeoServer 2.x: numberMatched, or totalFeatures "unknown" (reference/partner-services.md, "Géoplateforme WFS")
    return {"type": "FeatureCollection", "features": features, "totalFeatures": total, "numberMatched": total,
            "numberReturned": len(features), "timeStamp": "2026-11-30T10:00:00Z",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}


@FUZZ
@given(data=st.data())
def test_wfs(data):
    from territoire_plugin.sources.wfs import Wfs

    pages = [data.draw(answer_bytes(_wfs_page(start, 3))) for start in (0, 3, 6)]
    client = AnswersClient(pages, last=data.draw(answer_bytes(_wfs_page(0, 3))))
    try:
        features = Wfs(client, BASE).features("BDTOPO_V3:batiment", bbox=(661000, 6358000, 663000, 6360000),
                                              page_size=3)
        assert all(isinstance(feature, dict) for feature in features)
        _to_qgis(features)
    except AnalysisError:
        pass


def _stac_page(items, next_href=None):
    page = {"type": "FeatureCollection", "features": items, "links": [
        {"rel": "self", "href": f"{BASE}/search"}, {"rel": "root", "href": BASE}]}
    if next_href:  # Planetary Computer's next link: POST, the whole body again with a token
        page["links"].append({"rel": "next", "href": next_href, "method": "POST",
                              "body": {"collections": ["landsat-c2-l2"], "token": "next:abc"}})
    return page


@pytest.fixture(scope="module")
def cog_paths(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cogs")
    return {band: folder / f"{band}.tif" for band in ("ST_B10", "QA_PIXEL", "SR_B4", "SR_B5")}


def _sentinel_item(item_id, when):
    """An Earth Search v1 item (reference/partner-services.md "Earth Search v1"): mgrs:* and grid:code, raster:bands
    with scale and offset."""
    bands = [{"nodata": 0, "data_type": "uint16", "scale": 0.0001, "offset": -0.1}]
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "sentinel-2-l2a",
            "properties": {"datetime": when, "platform": "sentinel-2b", "eo:cloud_cover": 2.5,
                           "mgrs:utm_zone": 31, "mgrs:latitude_band": "T", "mgrs:grid_square": "DJ",
                           "grid:code": "MGRS-31TDJ", "s2:processing_baseline": "05.10",
                           "earthsearch:boa_offset_applied": True},
            "assets": {key: {"href": f"{BASE}/s2/{item_id}_{band}.tif", "type": "image/tiff",
                             **({"raster:bands": bands} if key != "scl" else {})}
                       for key, band in (("red", "B04"), ("nir", "B08"), ("scl", "SCL"))}}


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["landsat", "sentinel2"]))
def test_stac_search(cog_paths, data, kind):
    from territoire_plugin.sources import stac

    if kind == "landsat":
        items = [landsat_item(BASE, f"LC09_L2SP_197029_2023071{n}_02_T1", f"2023-07-1{n}T10:32:41Z", 3.0 + n,
                              cog_paths) for n in range(4)]
        items.insert(1, landsat_item(BASE, "LE07_L2SP_197029_20230713_02_T1", "2023-07-13T10:32:41Z", 1.0,
                                     cog_paths, platform="landsat-7"))
        profile = stac.LANDSAT_PC
    else:
        items = [_sentinel_item(f"S2B_31TDJ_2023071{n}_0_L2A", f"2023-07-1{n}T10:40:00Z") for n in range(4)]
        profile = stac.SENTINEL2_EARTH_SEARCH
    pages = [data.draw(answer_bytes(_stac_page(items[:3], f"{BASE}/search?page=2"))),
             data.draw(answer_bytes(_stac_page(items[3:])))]
    client = AnswersClient(pages, last=data.draw(answer_bytes(_stac_page(items[:3], f"{BASE}/search?page=2"))))
    try:
        scenes = stac.StacApi(client, BASE).search(profile, (2.5, 44.3, 2.6, 44.4), "2023-06-01", "2023-08-31")
    except AnalysisError:
        return
    for scene in scenes:
        assert stac.SAFE_ID.match(scene.id) and ".." not in scene.id
        assert all(scene.assets[key]["href"].startswith(("https://", "http://")) for key in profile.bands)
        assert isinstance(scene.collection, str) and stac.SAFE_ID.match(scene.collection)
        files = {key: f"{scene.id}_{band}.TIF" for key, band in profile.bands.items()}
        metadata = (stac.landsat_mtl_json(scene, files) if kind == "landsat" else
                    stac.sentinel2_metadata(scene, files))
        json.dumps(metadata, allow_nan=False)  # written beside the bands, read back by the analyses


@FUZZ
@given(data=st.data())
def test_sas_token(data):
    from territoire_plugin.sources.stac import SasSigner

    answer = {"msft:expiry": "2026-12-03T14:00:00Z",
              "token": "st=2026-12-03T13%3A00%3A00Z&se=2026-12-03T14%3A00%3A00Z&sp=rl&sv=2021-06-08&sr=c"
                       "&skoid=a&sktid=b&skt=2026&ske=2026&sks=b&skv=2021-06-08&sig=abc%2Bdef%3D"}
    client = AnswersClient([data.draw(answer_bytes(answer))])
    try:
        signed = SasSigner(client, BASE).sign(f"{BASE}/landsat/LC09_ST_B10.TIF", "landsat-c2-l2")
    except AnalysisError:
        return
    assert signed.startswith(f"{BASE}/landsat/LC09_ST_B10.TIF?") and "#" not in signed and " " not in signed


@FUZZ
@given(data=st.data(), insee=st.sampled_from(["12174", "12202"]) | awkward_text)
def test_data_gouv_lcz(data, insee):
    from territoire_plugin.sources import lcz

    dataset = {"id": "lcz", "title": "Zones climatiques locales (LCZ)", "resources": [
        {"id": "1", "title": "LCZ Rodez (zip)", "format": "zip", "filesize": 4_200_000,
         "url": f"{BASE}/lcz-spot-2022-rodez.zip", "checksum": {"type": "sha1", "value": "a" * 40}},
        {"id": "2", "title": "Liste des communes couvertes", "format": "csv",
         "url": f"{BASE}/communes_lcz.csv", "checksum": {"type": "sha1", "value": "b" * 40}}]}
    client = AnswersClient([data.draw(answer_bytes(dataset))])
    try:
        resources = lcz.list_resources(client, BASE)
    except AnalysisError:
        return
    for resource in resources:
        assert resource.url.startswith(("https://", "http://"))
        assert isinstance(resource.is_communes_list, bool)
    try:
        lcz.pick_resource(resources, "Olemps", "Rodez")
    except AnalysisError:
        pass
