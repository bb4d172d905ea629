"""territoire:download_landsat / download_sentinel2 against a local STAC API, SAS tokens and full-size COGs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from testing.fake_stac import install_sas_and_cogs, install_stac, landsat_item, make_cog


@pytest.fixture(scope="module")
def cogs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cogs")
    return {band: make_cog(folder / f"LC09_L2SP_197029_20230715_20230717_02_T1_{band}.TIF", band)
            for band in ("ST_B10", "QA_PIXEL", "SR_B4", "SR_B5")}


@pytest.fixture
def stac(monkeypatch, partner_server, cogs):
    server = partner_server
    items = [
        landsat_item(server.url, "LC09_L2SP_197029_20230715_02_T1", "2023-07-15T10:32:41.203000Z", 3.2, cogs),
        landsat_item(server.url, "LC08_L2SP_197029_20230107_02_T1", "2023-01-07T10:31:00Z", 1.0, cogs),  # winter
        landsat_item(server.url, "LC08_L2SP_197029_20220801_02_T1", "2022-08-01T10:31:00Z", 12.5, cogs),
    ]
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_STAC_URL", install_stac(server, items))
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_SAS_URL", install_sas_and_cogs(
        server, {p.name: p for p in cogs.values()}))
    return server


def run(algorithm, params):
    from qgis import processing

    return processing.run(f"territoire:{algorithm}", params)


def test_lists_then_downloads_only_the_window(stac, cogs, tmp_path):
    import rasterio

    out = tmp_path / "landsat"
    listed = run("download_landsat", {"COMMUNE": "Olemps", "START": "2022-01-01", "END": "2023-12-31",
                                      "LIST_ONLY": True, "OUTPUT_FOLDER": str(out)})
    lines = listed["LISTING"].splitlines()
    assert [line.split()[0] for line in lines] == ["2023-07-15", "2022-08-01"]  # summer only, clearest first
    assert not out.exists() or not any(out.iterdir())
    assert not stac.requests_to("/cogs/" + cogs["ST_B10"].name)  # listing downloads nothing
    # Paging: the second page was fetched through the rel=next link.
    assert [r.json().get("token") for r in stac.requests_to("/stac/search")] == [None, "2"]

    stac.reset()
    result = run("download_landsat", {"COMMUNE": "Olemps", "START": "2022-01-01", "END": "2023-12-31",
                                      "MAX_SCENES": 1, "OUTPUT_FOLDER": str(out)})
    folder = out / "LC09_L2SP_197029_20230715_02_T1"
    assert result["SCENES"] == [str(folder)]
    st_window = folder / "LC09_L2SP_197029_20230715_02_T1_ST_B10.TIF"
    # Only the window travelled: a small share of the four full-size COGs.
    total = sum(p.stat().st_size for p in cogs.values())
    assert 0 < stac.bytes_sent < 0.03 * total
    reads = [r for r in stac.requests if r.path.startswith("/cogs/") and r.method == "GET"]
    assert reads and all(r.headers.get("range", "").startswith("bytes=") for r in reads)  # HEAD + Range GETs only
    # Every COG request carried the SAS signature; one token for the collection.
    assert all(r.query.get("sig") for r in stac.requests if r.path.startswith("/cogs/"))
    assert len(stac.issued_tokens) == 1
    # The window's pixels are the COG's pixels at the same place (read independently with rasterio).
    with rasterio.open(st_window) as window, rasterio.open(cogs["ST_B10"]) as full:
        data = window.read(1)
        col = round((window.transform.c - full.transform.c) / 30)
        row = round((full.transform.f - window.transform.f) / 30)
        np.testing.assert_array_equal(data, full.read(1, window=((row, row + data.shape[0]),
                                                                  (col, col + data.shape[1]))))
        assert 150 < data.shape[0] < 400 and window.crs.to_epsg() == 32631
    mtl = json.loads((folder / "LC09_L2SP_197029_20230715_02_T1_MTL.json").read_text())
    st_params = mtl["LANDSAT_METADATA_FILE"]["LEVEL2_SURFACE_TEMPERATURE_PARAMETERS"]
    assert (float(st_params["TEMPERATURE_MULT_BAND_ST_B10"]), float(st_params["TEMPERATURE_ADD_BAND_ST_B10"])) == \
        (0.00341802, 149.0)

    # The folder goes straight into territoire:landsat_lst.
    lst = run("landsat_lst", {"INPUT": str(folder), "OUTPUT": str(tmp_path / "lst.tif")})
    assert lst["SCALE_SOURCE"] == "MTL (LC09_L2SP_197029_20230715_02_T1_MTL.json)"
    assert 10 < lst["MEDIAN"] < 40

    # Second identical run: nothing fetched at all.
    stac.reset()
    run("download_landsat", {"COMMUNE": "Olemps", "START": "2022-01-01", "END": "2023-12-31",
                             "MAX_SCENES": 1, "OUTPUT_FOLDER": str(out)})
    assert stac.bytes_sent == 0 and stac.requests == []


def test_expired_sas_token_is_refreshed(monkeypatch, stac, cogs, tmp_path):
    from testing.fake_stac import install_sas_and_cogs

    install_sas_and_cogs(stac, {p.name: p for p in cogs.values()}, expired_tokens=1)
    result = run("download_landsat", {"COMMUNE": "Olemps", "START": "2023-07-01", "END": "2023-07-31",
                                      "MAX_SCENES": 1, "OUTPUT_FOLDER": str(tmp_path / "l")})
    assert len(result["SCENES"]) == 1
    assert len(stac.issued_tokens) == 2  # refused once, fetched again
    scene = tmp_path / "l" / "LC09_L2SP_197029_20230715_02_T1"
    assert (scene / "LC09_L2SP_197029_20230715_02_T1_QA_PIXEL.TIF").exists()


def test_a_scene_that_fails_leaves_no_folder(monkeypatch, stac, cogs, tmp_path):
    from qgis.core import QgsProcessingException

    from testing.fake_stac import install_sas_and_cogs

    install_sas_and_cogs(stac, {p.name: p for p in cogs.values()}, expired_tokens=5)  # every token refused
    with pytest.raises(QgsProcessingException):
        run("download_landsat", {"COMMUNE": "Olemps", "START": "2023-07-01", "END": "2023-07-31",
                                 "MAX_SCENES": 1, "OUTPUT_FOLDER": str(tmp_path / "l")})
    assert not (tmp_path / "l").exists() or list((tmp_path / "l").iterdir()) == []


@pytest.mark.parametrize("bad_id", ["../../evil", "/tmp/evil", "a/../../b", "..", "scene\\..\\x"])
def test_an_item_id_that_is_a_path_is_skipped(monkeypatch, partner_server, cogs, tmp_path, bad_id):
    """The id names the scene's folder: one that would leave OUTPUT_FOLDER is one skipped item."""
    server = partner_server
    items = [landsat_item(server.url, bad_id, "2023-07-20T10:32:00Z", 0.1, cogs),
             landsat_item(server.url, "LC09_L2SP_197029_20230715_02_T1", "2023-07-15T10:32:41Z", 3.2, cogs)]
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_STAC_URL", install_stac(server, items))
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_SAS_URL", install_sas_and_cogs(
        server, {p.name: p for p in cogs.values()}))
    out = tmp_path / "deep" / "out"
    result = run("download_landsat", {"COMMUNE": "Olemps", "START": "2023-06-01", "END": "2023-08-31",
                                      "MAX_SCENES": 2, "OUTPUT_FOLDER": str(out)})
    assert result["SCENES"] == [str(out / "LC09_L2SP_197029_20230715_02_T1")]
    made = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                  if p.is_dir() and p.relative_to(tmp_path).parts[0] != "cache")
    assert made == ["deep", "deep/out", "deep/out/LC09_L2SP_197029_20230715_02_T1"]


def test_bad_dates_and_empty_results(stac, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("download_landsat", {"COMMUNE": "Olemps", "START": "15/07/2023", "OUTPUT_FOLDER": str(tmp_path)})
    assert "YYYY-MM-DD" in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:
        run("download_landsat", {"COMMUNE": "Olemps", "START": "2019-06-01", "END": "2019-08-31",
                                 "OUTPUT_FOLDER": str(tmp_path)})
    assert "No scene matches" in str(caught.value)


def test_sentinel2_offset_metadata(monkeypatch, partner_server, tmp_path):
    """Earth Search items: B04/B08/SCL windows, and the −1000 DN offset from 2022 on."""
    server = partner_server
    cog_dir = tmp_path / "s2"
    cog_dir.mkdir()
    files = {band: make_cog(cog_dir / f"T31TDJ_{band}.tif", band, size=(1098, 1098), origin=(399960.0, 4990020.0),
                            pixel=100.0) for band in ("B04", "B08", "SCL")}
    for path in files.values():
        server.serve_file(f"/s2/{path.name}", path)

    def item(item_id, when, baseline):
        return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "sentinel-2-l2a",
                "properties": {"datetime": when, "platform": "sentinel-2a", "eo:cloud_cover": 2.0,
                               "s2:mgrs_tile": "31TDJ", "s2:processing_baseline": baseline},
                "assets": {key: {"href": f"{server.url}/s2/{files[band].name}", "type": "image/tiff"}
                           for key, band in (("red", "B04"), ("nir", "B08"), ("scl", "SCL"))}}

    items = [item("S2A_31TDJ_20230712_0_L2A", "2023-07-12T10:40:00Z", "05.09"),
             item("S2A_31TDJ_20210715_0_L2A", "2021-07-15T10:40:00Z", "03.00")]
    # An Earth Search v1 item as it is: no s2:mgrs_tile (mgrs:* and grid:code instead), red/nir raster:bands
    # declaring scale 0.0001 and offset −0.1, and earthsearch:boa_offset_applied (reference/partner-services.md).
    harmonised = item("S2B_31TDJ_20240716_0_L2A", "2024-07-16T10:40:00Z", "05.10")
    del harmonised["properties"]["s2:mgrs_tile"]
    harmonised["properties"].update({"mgrs:utm_zone": 31, "mgrs:latitude_band": "T", "mgrs:grid_square": "DJ",
                                     "grid:code": "MGRS-31TDJ", "earthsearch:boa_offset_applied": True})
    for key in ("red", "nir"):
        harmonised["assets"][key]["raster:bands"] = [{"nodata": 0, "data_type": "uint16", "scale": 0.0001,
                                                     "offset": -0.1}]
    declared = json.loads(json.dumps(harmonised))
    declared["id"], declared["properties"]["datetime"] = "S2B_31TDJ_20240726_0_L2A", "2024-07-26T10:40:00Z"
    declared["properties"]["earthsearch:boa_offset_applied"] = False
    items += [harmonised, declared]
    monkeypatch.setenv("TERRITOIRE_EARTH_SEARCH_URL", install_stac(server, items, prefix="/es"))
    result = run("download_sentinel2", {"COMMUNE": "Olemps", "START": "2021-01-01", "END": "2024-12-31",
                                        "MAX_SCENES": 4, "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert len(result["SCENES"]) == 4
    assert all(line.split()[3] == "31TDJ" for line in result["LISTING"].splitlines())  # tile from mgrs:*

    def metadata(scene_id):
        return json.loads((tmp_path / "out" / scene_id / f"{scene_id}_metadata.json").read_text())

    assert metadata("S2B_31TDJ_20240716_0_L2A")["scale_offset"]["B04"] == [0.0001, 0.0]
    assert metadata("S2B_31TDJ_20240716_0_L2A")["offset_rule"].startswith("earthsearch:boa_offset_applied is true")
    assert metadata("S2B_31TDJ_20240726_0_L2A")["scale_offset"]["B04"] == [0.0001, -0.1]
    assert metadata("S2B_31TDJ_20240726_0_L2A")["offset_rule"] == "the item's raster:bands scale and offset"
    assert "baseline 05.09" in metadata("S2A_31TDJ_20230712_0_L2A")["offset_rule"]
    recent = json.loads((tmp_path / "out" / "S2A_31TDJ_20230712_0_L2A" / "S2A_31TDJ_20230712_0_L2A_metadata.json")
                        .read_text())
    older = json.loads((tmp_path / "out" / "S2A_31TDJ_20210715_0_L2A" / "S2A_31TDJ_20210715_0_L2A_metadata.json")
                       .read_text())
    assert recent["scale_offset"]["B04"] == [0.0001, -0.1]
    assert older["scale_offset"]["B04"] == [0.0001, 0.0]
    assert recent["scale_offset"]["SCL"] is None
    for band in ("B04", "B08", "SCL"):
        assert (tmp_path / "out" / "S2A_31TDJ_20230712_0_L2A" / f"S2A_31TDJ_20230712_0_L2A_{band}.TIF").exists()


@pytest.mark.parametrize("honour_query", [True, False], ids=["catalogue-filters", "catalogue-answers-everything"])
def test_a_mixed_landsat_catalogue_gives_the_usable_scenes(monkeypatch, partner_server, cogs, tmp_path, honour_query):
    """Planetary Computer's landsat-c2-l2 mixes L2SR items (no thermal asset) and Landsat 7 (thermal ``lwir``):
    the search asks for Landsat 8/9 L2SP only, and an item it cannot use is skipped, never a failed search."""
    server = partner_server
    items = [
        landsat_item(server.url, "LC09_L2SR_197029_20230720_02_T1", "2023-07-20T10:32:00Z", 0.5, cogs,
                     correction="L2SR"),
        landsat_item(server.url, "LE07_L2SP_197029_20230712_02_T1", "2023-07-12T10:02:00Z", 0.8, cogs,
                     platform="landsat-7"),
        landsat_item(server.url, "LC09_L2SP_197029_20230715_02_T1", "2023-07-15T10:32:41Z", 3.2, cogs),
    ]
    assert "lwir11" not in items[0]["assets"] and "lwir" in items[1]["assets"]
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_STAC_URL", install_stac(server, items,
                                                                             honour_query=honour_query))
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_SAS_URL", install_sas_and_cogs(
        server, {p.name: p for p in cogs.values()}))
    params = {"COMMUNE": "Olemps", "START": "2023-06-01", "END": "2023-08-31", "OUTPUT_FOLDER": str(tmp_path)}
    listed = run("download_landsat", {**params, "LIST_ONLY": True})
    assert [line.split()[0] for line in listed["LISTING"].splitlines()] == ["2023-07-15"]
    query = server.requests_to("/stac/search")[0].json()["query"]
    assert query["platform"] == {"in": ["landsat-8", "landsat-9"]} and query["landsat:correction"] == {"eq": "L2SP"}
    result = run("download_landsat", {**params, "MAX_SCENES": 1})
    assert result["SCENES"] == [str(tmp_path / "LC09_L2SP_197029_20230715_02_T1")]


@pytest.mark.parametrize("paging", ["planetary", "earth-search", "merge"])
def test_every_way_of_linking_the_next_page_is_followed(monkeypatch, partner_server, cogs, tmp_path, paging):
    """Five summer scenes, two per page: the three pages are fetched however the API links them — the body repeated
    with a token (Planetary Computer), ``"merge": false`` with ``next`` (Earth Search), or ``"merge": true`` with
    ``next`` alone (the STAC spec; the fake refuses a body the client forgot to merge) — and gzip-encoded."""
    server = partner_server
    days = ["2023-06-03", "2023-06-19", "2023-07-05", "2023-07-21", "2023-08-06"]
    items = [landsat_item(server.url, f"LC09_L2SP_197029_{day.replace('-', '')}_02_T1", f"{day}T10:32:00Z",
                          1.0 + n, cogs) for n, day in enumerate(days)]
    monkeypatch.setenv("TERRITOIRE_PLANETARY_COMPUTER_STAC_URL", install_stac(server, items, paging=paging))
    listed = run("download_landsat", {"COMMUNE": "Olemps", "START": "2023-06-01", "END": "2023-08-31",
                                      "LIST_ONLY": True, "OUTPUT_FOLDER": str(tmp_path)})
    assert sorted(line.split()[0] for line in listed["LISTING"].splitlines()) == days
    searches = server.requests_to("/stac/search")
    assert len(searches) == 3 and all(r.json()["collections"] == ["landsat-c2-l2"] for r in searches)
    assert [r.json().get("token", r.json().get("next")) for r in searches] == [None, "2", "4"]
    assert server.gzipped.count("/stac/search") == 3  # each page came gzip-encoded, as Planetary Computer sends


def test_sentinel2_scl_at_20_m_comes_onto_the_10_m_grid_and_ndvi_reads_the_folder(monkeypatch, partner_server,
                                                                                   tmp_path):
    """Real Sentinel-2 L2A: B04/B08 at 10 m, SCL at 20 m on the same tile origin (reference/partner-services.md,
    "Planetary Computer STAC"). The SCL window is brought onto the grid of B04 (nearest neighbour), so that
    territoire:ndvi reads the downloaded folder and masks exactly the cloudy SCL pixels."""
    import rasterio

    server = partner_server
    origin = (440000.0, 4930000.0)  # UTM 31N, 30 km × 30 km around Olemps
    cog_dir = tmp_path / "s2"
    cog_dir.mkdir()
    files = {band: make_cog(cog_dir / f"T31TDJ_{band}.tif", band, size=size, origin=origin, pixel=pixel)
             for band, size, pixel in (("B04", (3000, 3000), 10.0), ("B08", (3000, 3000), 10.0),
                                       ("SCL", (1500, 1500), 20.0))}
    for path in files.values():
        server.serve_file(f"/s2/{path.name}", path)
    item = {"type": "Feature", "stac_version": "1.0.0", "id": "S2B_31TDJ_20230718_0_L2A",
            "collection": "sentinel-2-l2a",
            "properties": {"datetime": "2023-07-18T10:40:00Z", "platform": "sentinel-2b", "eo:cloud_cover": 4.0,
                           "s2:mgrs_tile": "31TDJ", "s2:processing_baseline": "05.09"},
            "assets": {key: {"href": f"{server.url}/s2/{files[band].name}", "type": "image/tiff"}
                       for key, band in (("red", "B04"), ("nir", "B08"), ("scl", "SCL"))}}
    monkeypatch.setenv("TERRITOIRE_EARTH_SEARCH_URL", install_stac(server, [item], prefix="/es"))
    result = run("download_sentinel2", {"COMMUNE": "Olemps", "START": "2023-07-01", "END": "2023-07-31",
                                        "MAX_SCENES": 1, "OUTPUT_FOLDER": str(tmp_path / "out")})
    folder = tmp_path / "out" / "S2B_31TDJ_20230718_0_L2A"
    assert result["SCENES"] == [str(folder)]
    with (rasterio.open(folder / f"{folder.name}_B04.TIF") as red,
          rasterio.open(folder / f"{folder.name}_SCL.TIF") as scl):
        assert red.res == (10.0, 10.0) and scl.res == (10.0, 10.0)
        assert (scl.width, scl.height, scl.transform) == (red.width, red.height, red.transform)
        classes = scl.read(1)
        with rasterio.open(files["SCL"]) as source:  # nearest neighbour: each 10 m pixel has its 20 m pixel's class
            row, col = source.index(*red.xy(0, 0))
            expected = source.read(1, window=((row, row + red.height // 2 + 1), (col, col + red.width // 2 + 1)))
    assert set(np.unique(classes)) <= {4, 9} and (classes == 9).any() and (classes == 4).any()
    np.testing.assert_array_equal(classes[::2, ::2], expected[: (red.height + 1) // 2, : (red.width + 1) // 2])

    ndvi = run("ndvi", {"INPUT": str(folder), "OUTPUT": str(tmp_path / "ndvi.tif")})["OUTPUT"]
    with rasterio.open(ndvi) as out:
        values = out.read(1)
        assert (out.width, out.height) == (red.width, red.height) and out.transform == red.transform
    assert ((values == out.nodata) == (classes == 9)).all()  # the cloud class masked, nothing else
