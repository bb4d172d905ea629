"""territoire:download_landsat / download_sentinel2 against a local STAC API, SAS tokens and full-size COGs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from testing.fake_services import install_sas_and_cogs, install_stac, landsat_item, make_cog


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
    from testing.fake_services import install_sas_and_cogs

    install_sas_and_cogs(stac, {p.name: p for p in cogs.values()}, expired_tokens=1)
    result = run("download_landsat", {"COMMUNE": "Olemps", "START": "2023-07-01", "END": "2023-07-31",
                                      "MAX_SCENES": 1, "OUTPUT_FOLDER": str(tmp_path / "l")})
    assert len(result["SCENES"]) == 1
    assert len(stac.issued_tokens) == 2  # refused once, fetched again
    scene = tmp_path / "l" / "LC09_L2SP_197029_20230715_02_T1"
    assert (scene / "LC09_L2SP_197029_20230715_02_T1_QA_PIXEL.TIF").exists()


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
    monkeypatch.setenv("TERRITOIRE_EARTH_SEARCH_URL", install_stac(server, items, prefix="/es"))
    result = run("download_sentinel2", {"COMMUNE": "Olemps", "START": "2021-01-01", "END": "2023-12-31",
                                        "MAX_SCENES": 2, "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert len(result["SCENES"]) == 2
    recent = json.loads((tmp_path / "out" / "S2A_31TDJ_20230712_0_L2A" / "S2A_31TDJ_20230712_0_L2A_metadata.json")
                        .read_text())
    older = json.loads((tmp_path / "out" / "S2A_31TDJ_20210715_0_L2A" / "S2A_31TDJ_20210715_0_L2A_metadata.json")
                       .read_text())
    assert recent["scale_offset"]["B04"] == [0.0001, -0.1]
    assert older["scale_offset"]["B04"] == [0.0001, 0.0]
    assert recent["scale_offset"]["SCL"] is None
    for band in ("B04", "B08", "SCL"):
        assert (tmp_path / "out" / "S2A_31TDJ_20230712_0_L2A" / f"S2A_31TDJ_20230712_0_L2A_{band}.TIF").exists()
