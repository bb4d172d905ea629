"""territoire:download_egms against a local EGMS archive that answers like the real one: one GET per file name with
the user's token (?id=), Range resume, HTTP 502 for a file it does not have (testing.fake_services)."""

from __future__ import annotations

import zipfile

import pytest

from testing.egms import egms_points, egms_product_zip
from testing.fake_services import install_egms_archive

TOKEN = "7f3c1a9e-5d2b-4c61-9a8e-0b1d2e3f4a5b"
L3_OLEMPS = "EGMS_L3_E37N23_100km_U_2019_2023_1.zip"
L2B = "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.zip"


@pytest.fixture
def archive(monkeypatch, tmp_path, partner_server):
    server = partner_server
    points, dates = egms_points(count_side=20)
    source = tmp_path / "archive"
    source.mkdir()
    files = {name: egms_product_zip(source, name, points, dates) for name in (L3_OLEMPS, L2B)}
    monkeypatch.setenv("TERRITOIRE_EGMS_URL", install_egms_archive(server, files, TOKEN))
    server.archive_files = files
    return server


def store_token(token: str) -> str:
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("territoire-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("EGMS")
    config.setConfig("username", "egms")
    config.setConfig("password", token)
    assert manager.storeAuthenticationConfig(config)
    return config.id()


def run(params):
    from qgis import processing

    return processing.run("territoire:download_egms", params)


def asked(server, name):
    return [r for r in server.requests if r.path.endswith("/download/" + name)]


def lambert93_extent(xmin, ymin, xmax, ymax) -> str:
    """An EPSG:3035 box as a Processing extent in Lambert-93, transformed with GDAL (not QGIS) corner by corner."""
    from territoire_plugin.core.grid import transformation

    to_l93 = transformation(3035, 2154)
    corners = [to_l93.TransformPoint(x, y)[:2] for x in (xmin, xmax) for y in (ymin, ymax)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return f"{min(xs)},{max(xs)},{min(ys)},{max(ys)} [EPSG:2154]"


def test_ortho_tile_of_the_commune_downloaded_with_the_token_and_imported(archive, tmp_path):
    from qgis import processing
    from qgis.core import QgsApplication, QgsSettings

    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *_: logged.append(message))
    result = run({"AUTH": store_token(TOKEN), "COMMUNE": "Olemps", "PRODUCT": 0, "OUTPUT_FOLDER": str(tmp_path / "e")})
    downloaded = tmp_path / "e" / L3_OLEMPS
    assert result["FILES"] == [str(downloaded)] and result["MISSING"] == ""
    assert downloaded.read_bytes() == archive.archive_files[L3_OLEMPS].read_bytes()
    (request,) = asked(archive, L3_OLEMPS)
    assert request.query["id"] == [TOKEN] and request.method == "GET"
    assert sorted(zipfile.ZipFile(downloaded).namelist()) == sorted(
        [L3_OLEMPS[:-4] + ext for ext in (".csv", ".xml", "_mean_velocity.tif")])
    imported = processing.run("territoire:import_egms", {"INPUT": str(downloaded),
                                                         "OUTPUT": str(tmp_path / "egms.gpkg")})
    assert imported["POINTS"] == 400
    # The token stays in the authentication database: not in the settings, not in the log.
    assert all(TOKEN not in str(QgsSettings().value(key)) for key in QgsSettings().allKeys())
    assert all(TOKEN not in message for message in logged)
    # A second run asks nothing: the file is there.
    count = len(archive.requests)
    assert run({"AUTH": store_token(TOKEN), "COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "e")})["FILES"]
    assert len(archive.requests) == count


def test_tiles_across_a_grid_line_the_absent_one_listed_and_not_retried(archive, tmp_path):
    extent = lambert93_extent(3_695_000, 2_385_000, 3_705_000, 2_390_000)
    result = run({"AUTH": store_token(TOKEN), "EXTENT": extent, "PRODUCT": 0, "OUTPUT_FOLDER": str(tmp_path / "x")})
    absent = "EGMS_L3_E36N23_100km_U_2019_2023_1.zip"
    assert result["FILES"] == [str(tmp_path / "x" / L3_OLEMPS)]
    assert result["MISSING"] == absent
    assert len(asked(archive, absent)) == 1  # 502 is "no such file": asked once
    assert not list((tmp_path / "x").glob("*E36N23*"))


def test_calibrated_files_by_name_resume_a_partial_download(archive, tmp_path):
    folder = tmp_path / "l2"
    folder.mkdir()
    whole = archive.archive_files[L2B].read_bytes()
    (folder / (L2B + ".part")).write_bytes(whole[:1000])  # an earlier run stopped after 1,000 bytes of this file
    import requests

    etag = requests.head(f"{archive.url}/insar-api/archive/download/{L2B}", params={"id": TOKEN}).headers["ETag"]
    (folder / (L2B + ".part.validator")).write_text(etag)
    names = "037_0288_IW2\nEGMS_L2b_037_0289_IW2_VV_2019_2023_1"
    result = run({"AUTH": store_token(TOKEN), "PRODUCT": 2, "NAMES": names, "OUTPUT_FOLDER": str(folder)})
    assert result["FILES"] == [str(folder / L2B)]
    assert result["MISSING"] == "EGMS_L2b_037_0289_IW2_VV_2019_2023_1.zip"
    assert (folder / L2B).read_bytes() == whole
    first_get = next(r for r in asked(archive, L2B) if r.method == "GET")
    assert first_get.headers["range"].startswith("bytes=1000-")
    assert not (folder / (L2B + ".part")).exists()


def test_an_expired_token_leaves_nothing_and_says_what_to_do(archive, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run({"AUTH": store_token("expired-0000"), "COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "t")})
    assert "token has probably expired" in str(caught.value) and "egms.land.copernicus.eu" in str(caught.value)
    assert "expired-0000" not in str(caught.value)
    assert list((tmp_path / "t").iterdir()) == []


def test_nothing_for_this_release_is_one_clear_error(archive, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run({"AUTH": store_token(TOKEN), "COMMUNE": "Olemps", "RELEASE": "2018_2022", "OUTPUT_FOLDER": str(tmp_path)})
    message = str(caught.value)
    assert "none of the files asked" in message and "EGMS_L3_E37N23_100km_U_2018_2022_1.zip" in message


@pytest.mark.parametrize("params, expected", [
    ({}, "Import EGMS ground motion"),
    ({"PRODUCT": 2}, "named after Sentinel-1 bursts"),
    ({"PRODUCT": 2, "NAMES": "../../etc/passwd"}, "is not the name of an EGMS"),
    ({"RELEASE": "2019-2023"}, "is not an EGMS release"),
])
def test_bad_input_is_refused_before_any_download(archive, tmp_path, params, expected):
    from qgis.core import QgsProcessingException

    base = {"AUTH": store_token(TOKEN), "COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "b")}
    if not params:
        base.pop("AUTH")
    with pytest.raises(QgsProcessingException) as caught:
        run({**base, **params})
    assert expected in str(caught.value)
    assert not [r for r in archive.requests if "/download/" in r.path]
