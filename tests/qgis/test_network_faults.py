"""The shared HTTP client against a local server that misbehaves the way real networks do (issue 15): no answer,
an answer that drips, 5xx, 429 with Retry-After, a cut body, a web page instead of data, a redirect loop, a
redirect to another host with a credential, Range ignored, a host that refuses or does not exist, a Cancel
during a request that hangs. Each asserts the message the user reads, the number of requests, the time it
took, and that the next run, once the fault is gone, works."""

from __future__ import annotations

import threading
import time

import pytest

from territoire_plugin.core.errors import Cancelled, ServiceError
from testing.local_server import LocalServer


@pytest.fixture
def server(server):
    """The shared local server (tests/conftest.py) with one JSON route, /data."""
    server.json_route("/data", {"ok": True})
    return server


def failing(call) -> tuple[ServiceError, float]:
    started = time.monotonic()
    with pytest.raises(ServiceError) as caught:
        call()
    return caught.value, time.monotonic() - started


def test_no_answer_is_retried_then_reported_within_the_limits(server, client_factory):
    server.fail("/data", ("sleep", 8), ("sleep", 8))
    client = client_factory(timeout_s=1.0, retries=1)
    error, took = failing(lambda: client.get_json(f"{server.url}/data"))
    assert error.key == "service_unreachable" and "2 tries" in str(error) and "no data for 1 s" in str(error)
    assert len(server.requests_to("/data")) == 2 and took < 6
    assert client_factory().get_json(f"{server.url}/data") == {"ok": True}


def test_an_answer_that_drips_is_cut_at_the_deadline(server, client_factory):
    server.fail("/data", ("drip", 0.2, 1000), ("drip", 0.2, 1000))
    client = client_factory(timeout_s=5.0, deadline_s=1.5, retries=1)
    error, took = failing(lambda: client.get_json(f"{server.url}/data"))
    assert "no complete answer within 1.5 s" in str(error)
    assert len(server.requests_to("/data")) == 2 and took < 6
    assert client_factory().get_json(f"{server.url}/data") == {"ok": True}


@pytest.mark.parametrize("fault", [500, 502, 503, 504, "truncate", "close"])
def test_a_passing_failure_is_retried_and_the_answer_comes(server, client_factory, fault):
    server.fail("/data", fault)
    client = client_factory(retries=2)
    assert client.get_json(f"{server.url}/data") == {"ok": True}
    assert len(server.requests_to("/data")) == 2


def test_429_waits_as_long_as_retry_after_says(server, client_factory):
    server.fail("/data", ("status", 429, {"Retry-After": "1"}))
    started = time.monotonic()
    assert client_factory(retries=1).get_json(f"{server.url}/data") == {"ok": True}
    assert time.monotonic() - started >= 1.0 and len(server.requests_to("/data")) == 2


def test_a_web_page_instead_of_data_is_said_and_not_cached(server, client_factory):
    server.fail("/data", "html")
    error, _ = failing(lambda: client_factory().get_json(f"{server.url}/data", max_age_s=3600))
    assert error.key == "service_html" and "Maintenance en cours" in str(error)
    assert len(server.requests_to("/data")) == 1
    assert client_factory().get_json(f"{server.url}/data", max_age_s=3600) == {"ok": True}  # asked again
    assert len(server.requests_to("/data")) == 2


def test_a_redirect_loop_is_reported_as_one(server, client_factory):
    server.route("/a", lambda r: (302, {"Location": "/b"}, b""))
    server.route("/b", lambda r: (302, {"Location": f"{server.url}/a"}, b""))
    error, took = failing(lambda: client_factory(retries=3).get_json(f"{server.url}/a"))
    assert error.key == "service_redirect_loop" and "redirect loop" in str(error)
    assert len(server.requests) == 11 and took < 5  # the first request and 10 redirects, tried once
    server.route("/a", lambda r: (302, {"Location": "/data"}, b""))
    assert client_factory().get_json(f"{server.url}/a") == {"ok": True}


def test_no_credential_follows_a_redirect_to_another_host(server, client_factory):
    """A Bearer header, and the login of a QGIS authentication configuration (Basic), reach the host asked;
    the other host the answer redirects to gets neither."""
    from test_egms_download import store_token

    other = LocalServer()
    try:
        other.json_route("/file", {"elsewhere": True})
        server.route("/data", lambda r: (307, {"Location": f"{other.url}/file"}, b""))
        client = client_factory(authcfg=store_token("s3cr3t"))
        client.extra_headers["Authorization"] = "Bearer jeton"
        assert client.get_json(f"{server.url}/data") == {"elsewhere": True}
        assert server.requests_to("/data")[0].headers.get("authorization")  # the host asked gets its credential
        redirected = other.requests_to("/file")[0].headers
        assert "authorization" not in redirected and "cookie" not in redirected
        assert not any("s3cr3t" in value or "jeton" in value for value in redirected.values())
    finally:
        other.close()


def test_a_basic_login_reaches_the_host_it_is_for(server, client_factory):
    import base64

    client = client_factory(authcfg=store_basic())
    assert client.get_json(f"{server.url}/data") == {"ok": True}
    sent = server.requests_to("/data")[0].headers.get("authorization", "")
    assert base64.b64decode(sent.split()[1]).decode() == "egms:s3cr3t"


def store_basic() -> str:
    from test_egms_download import store_token

    return store_token("s3cr3t")


def test_an_unknown_authentication_id_is_said_as_such(server, client_factory):
    error, _ = failing(lambda: client_factory(authcfg="zzzzzzz").get_json(f"{server.url}/data"))
    assert error.key == "service_auth_config" and "zzzzzzz" in str(error)
    assert server.requests_to("/data") == []


def test_a_refused_connection_fails_at_once(server, client_factory):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = client_factory(retries=4)
    error, took = failing(lambda: client.get_json(f"http://127.0.0.1:{port}/data"))
    assert error.key == "service_unreachable" and "refuses the connection" in str(error)
    assert client.stats.requests == 1 and took < 5


def test_an_unknown_host_fails_fast(client_factory):
    client = client_factory(retries=4)
    error, took = failing(lambda: client.get_json("http://territoire-no-such-host.invalid/data"))
    assert error.key == "service_unreachable" and client.stats.requests == 1
    assert took < 20


def test_a_range_request_answered_whole_gives_the_file(server, client_factory, tmp_path):
    """A server that ignores Range answers 200 with the whole file: taken as it is (QGIS 3.40's blocking request
    aborted such an answer)."""
    payload = bytes(range(256)) * 4000
    server.route("/whole.bin", lambda r: (200, {"Content-Type": "application/octet-stream"}, payload))
    path = client_factory().download(f"{server.url}/whole.bin", tmp_path / "whole.bin", chunk_bytes=1 << 16)
    assert path.read_bytes() == payload and len(server.requests_to("/whole.bin")) == 1


def test_cancel_ends_a_request_that_hangs_within_two_seconds(server, client_factory):
    from qgis.core import QgsFeedback

    server.fail("/data", ("sleep", 20))
    feedback = QgsFeedback()
    client = client_factory(feedback=feedback, timeout_s=60.0)
    threading.Timer(0.5, feedback.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        client.get_json(f"{server.url}/data")
    assert time.monotonic() - started < 2.5 and len(server.requests_to("/data")) == 1
    assert client_factory().get_json(f"{server.url}/data") == {"ok": True}


@pytest.fixture
def cog(server, tmp_path):
    """A tiled GeoTIFF (UTM 31N, 30 m) served with Range by the local server: its URL and its bounds in degrees."""
    import numpy as np
    from osgeo import gdal, osr

    path = tmp_path / "scene_B10.TIF"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 512, 512, 1, gdal.GDT_UInt16,
                                                   options=["TILED=YES", "COMPRESS=DEFLATE"])
    dataset.SetGeoTransform((459255.0, 30.0, 0.0, 4916625.0, 0.0, -30.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.arange(512 * 512, dtype=np.uint16).reshape(512, 512))
    dataset = None
    server.files["/scene_B10.TIF"] = path
    return f"{server.url}/scene_B10.TIF", (2.50, 44.32, 2.58, 44.38)


def test_a_cog_replaced_while_it_is_read_is_not_kept(cog, tmp_path, qgis_app):
    from territoire_plugin.sources.cog import read_window

    answers = iter(['"v1"', '"v2"'])
    with pytest.raises(ServiceError) as caught:
        read_window(cog[0], cog[1], tmp_path / "out.tif", validator=lambda: next(answers))
    assert caught.value.key == "cog_changed"
    assert not list(tmp_path.glob("out*")) and not list(tmp_path.glob(".out*"))
    read_window(cog[0], cog[1], tmp_path / "out.tif", validator=lambda: '"v1"')  # unchanged: kept
    assert (tmp_path / "out.tif").exists()


def test_a_cancelled_cog_read_stops_and_keeps_nothing(cog, tmp_path, qgis_app):
    from territoire_plugin.sources.cog import read_window

    with pytest.raises(Cancelled):
        read_window(cog[0], cog[1], tmp_path / "out.tif", is_canceled=lambda: True)
    assert not list(tmp_path.glob("*out*"))
