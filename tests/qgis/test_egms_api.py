"""The EGMS API flow against a local server: RS256 grant checked with openssl, search, download, expiry."""

from __future__ import annotations

import base64
import json
import subprocess
from urllib.parse import parse_qs

import pytest

from testing.egms import egms_points, write_egms_csv
from testing.fake_services import zip_files


def openssl_key(tmp_path, traditional: bool):
    key = tmp_path / ("pkcs1.pem" if traditional else "pkcs8.pem")
    command = (["openssl", "genrsa", "-traditional", "-out", str(key), "2048"] if traditional
               else ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(key)])
    subprocess.run(command, check=True, capture_output=True)
    public = tmp_path / (key.stem + ".pub")
    subprocess.run(["openssl", "rsa", "-in", str(key), "-pubout", "-out", str(public)], check=True, capture_output=True)
    return key, public


def openssl_verifies(public, message: bytes, signature: bytes, tmp_path) -> bool:
    (tmp_path / "msg").write_bytes(message)
    (tmp_path / "sig").write_bytes(signature)
    result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", str(public), "-signature",
                             str(tmp_path / "sig"), str(tmp_path / "msg")], capture_output=True, text=True)
    return result.returncode == 0 and "Verified OK" in result.stdout


@pytest.mark.parametrize("traditional", [True, False])
def test_rs256_signature_verified_by_openssl(qgis_app, tmp_path, traditional):
    from territoire_plugin.sources.egms_api import rs256_sign

    key, public = openssl_key(tmp_path, traditional)
    message = b"eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ0ZXJyaXRvaXJlIn0"
    signature = rs256_sign(message, key.read_text())
    assert len(signature) == 256
    assert openssl_verifies(public, message, signature, tmp_path)
    assert not openssl_verifies(public, message + b"x", signature, tmp_path)


@pytest.fixture
def egms_server(monkeypatch, tmp_path, partner_server):
    server = partner_server
    key, public = openssl_key(tmp_path, traditional=False)
    service_key = {"client_id": "abc123", "user_id": "town-hall", "key_id": "k1", "title": "QGIS",
                   "token_uri": f"{server.url}/oauth2-token", "private_key": key.read_text()}
    points, dates = egms_points(count_side=20)
    csv_path = write_egms_csv(tmp_path / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.csv", points, dates)
    archive = zip_files(tmp_path / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.zip", {csv_path.name: csv_path})
    state = {"expire_first_download": False, "downloads": 0, "searches": 0}

    def token(request):
        form = parse_qs(request.body.decode())
        assertion = form["assertion"][0]
        head, claims, signature = assertion.split(".")
        pad = lambda text: base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))  # noqa: E731
        payload = json.loads(pad(claims))
        good = (form["grant_type"][0] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
                and json.loads(pad(head))["alg"] == "RS256" and payload["iss"] == "abc123"
                and payload["aud"] == service_key["token_uri"]
                and openssl_verifies(public, f"{head}.{claims}".encode(), pad(signature), tmp_path))
        if not good:
            return 401, {"Content-Type": "application/json"}, b'{"error": "invalid_grant"}'
        return 200, {"Content-Type": "application/json"}, b'{"access_token": "BEARER-OK", "expires_in": 3600}'

    def search(request):
        state["searches"] += 1
        if request.headers.get("authorization") != "Bearer BEARER-OK":
            return 200, {"Content-Type": "application/json"}, b'{"status": false, "message": "Not authenticated"}'
        body = request.json()
        assert body["levels"] == ["L2b"] and body["releases"] == ["2019_2023"]
        answer = {"status": True, "id": f"search-{state['searches']}", "files": [archive.name]}
        return 200, {"Content-Type": "application/json"}, json.dumps(answer).encode()

    def download(request):
        state["downloads"] += 1
        if request.headers.get("authorization") != "Bearer BEARER-OK":
            return 401, {"Content-Type": "application/json"}, b'{"detail": "Not authenticated"}'
        if state["expire_first_download"] and request.query["id"] == ["search-1"]:
            return 401, {"Content-Type": "application/json"}, b'{"detail": "Search id expired"}'
        return server._serve_file(request, archive)

    server.route("/oauth2-token", token)
    server.route("/egms/search", search)
    server.route("/egms/download/*", download)
    monkeypatch.setenv("TERRITOIRE_EGMS_URL", f"{server.url}/egms")
    server.service_key, server.archive, server.state = service_key, archive, state
    return server


def store_key(service_key) -> str:
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("territoire-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("EGMS service key")
    config.setConfig("username", "egms")
    config.setConfig("password", json.dumps(service_key))
    assert manager.storeAuthenticationConfig(config)
    return config.id()


def run(params):
    from qgis import processing

    return processing.run("territoire:download_egms", params)


def test_flow_downloads_and_imports(egms_server, tmp_path):
    from qgis import processing

    authcfg = store_key(egms_server.service_key)
    result = run({"AUTH": authcfg, "COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "egms")})
    downloaded = tmp_path / "egms" / egms_server.archive.name
    assert result["FILES"] == [str(downloaded)]
    assert downloaded.read_bytes() == egms_server.archive.read_bytes()
    imported = processing.run("territoire:import_egms", {"INPUT": str(downloaded),
                                                         "OUTPUT": str(tmp_path / "egms.gpkg")})
    assert imported["POINTS"] == 400
    # The key never reaches the logs or the settings.
    key_line = egms_server.service_key["private_key"].splitlines()[1]
    from qgis.core import QgsSettings

    assert all(key_line not in str(QgsSettings().value(k)) for k in QgsSettings().allKeys())


def test_expired_search_id_starts_again(egms_server, tmp_path):
    egms_server.state["expire_first_download"] = True
    authcfg = store_key(egms_server.service_key)
    result = run({"AUTH": authcfg, "COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "e")})
    assert len(result["FILES"]) == 1
    assert egms_server.state["searches"] == 2


def test_without_key_the_import_route_is_given(egms_server, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run({"COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "n")})
    assert "Import EGMS ground motion" in str(caught.value) and "land.copernicus.eu" in str(caught.value)


def test_bad_key_is_refused_clearly(egms_server, tmp_path):
    from qgis.core import QgsProcessingException

    authcfg = store_key({**egms_server.service_key, "private_key": "not a key"})
    with pytest.raises(QgsProcessingException) as caught:
        run({"AUTH": authcfg, "COMMUNE": "Olemps", "OUTPUT_FOLDER": str(tmp_path / "b")})
    assert "service key is not usable" in str(caught.value)
