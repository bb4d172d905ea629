"""The shared HTTP client against a local server: retries, errors, cache, offline, resumable downloads."""

from __future__ import annotations

import hashlib
import json
import time

import pytest

from territoire_plugin.core.errors import Cancelled


def test_json_user_agent_and_params(server, client_factory):
    from territoire_plugin.toolbelt.resources import plugin_version

    server.json_route("/communes", lambda r: [{"nom": r.query["nom"][0]}])
    data = client_factory().get_json(f"{server.url}/communes", {"nom": "Olemps", "limit": 5})
    assert data == [{"nom": "Olemps"}]
    request = server.requests[0]
    assert request.headers["x-territoire-client"] == f"Territoire/{plugin_version()}"
    assert "QGIS/" in request.headers["user-agent"]  # QGIS's network manager sets User-Agent itself
    assert request.query == {"nom": ["Olemps"], "limit": ["5"]}


@pytest.mark.parametrize("fault", [500, 502, 503, 504, "truncate", "close"])
def test_transient_failures_are_retried(server, client_factory, fault):
    server.json_route("/x", {"ok": True})
    server.fail("/x", fault)
    client = client_factory()
    assert client.get_json(f"{server.url}/x") == {"ok": True}
    assert len(server.requests_to("/x")) == 2


def test_429_honours_retry_after(server, client_factory):
    server.json_route("/x", {"ok": True})
    server.fail("/x", ("status", 429, {"Retry-After": "1"}))
    client = client_factory(backoff_s=0.01)
    assert client.get_json(f"{server.url}/x") == {"ok": True}
    first, second = server.requests_to("/x")
    assert second.time - first.time >= 0.95  # waited as the service asked, not the 0.01 s backoff


def test_timeout_is_retried_then_reported(server, client_factory):
    from territoire_plugin.core.errors import ServiceError

    server.json_route("/slow", {"ok": True})
    server.fail("/slow", ("sleep", 2.5))
    client = client_factory(timeout_s=1.0, retries=1)
    assert client.get_json(f"{server.url}/slow") == {"ok": True}
    server.fail("/slow", ("sleep", 2.5), ("sleep", 2.5))
    with pytest.raises(ServiceError) as caught:
        client.get_json(f"{server.url}/slow")
    assert caught.value.key == "service_unreachable" and "2 tries" in str(caught.value)


@pytest.mark.parametrize("status, body, key, text", [
    (400, b'{"message": "Parametre nom invalide"}', "service_bad_request", "Parametre nom invalide"),
    (400, b'<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1">'
          b'<ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>Unknown typename '
          b'BDTOPO_V3:batiments</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
     "service_bad_request", "Unknown typename BDTOPO_V3:batiments"),
    (401, b'{"detail": "Token expired"}', "service_auth", "Token expired"),
    (407, b"", "service_proxy", "407"),
    (500, b"<html><head><title>Internal Server Error</title></head></html>", "service_down", "Internal Server Error"),
])
def test_errors_carry_the_service_text(server, client_factory, status, body, key, text):
    from territoire_plugin.core.errors import ServiceError

    server.route("/e", lambda r: (status, {"Content-Type": "application/xml"}, body))
    with pytest.raises(ServiceError) as caught:
        client_factory(retries=0).get_json(f"{server.url}/e")
    assert caught.value.key == key
    assert text in str(caught.value)


def test_html_instead_of_json(server, client_factory):
    from territoire_plugin.core.errors import ServiceError

    server.json_route("/h", {})
    server.fail("/h", "html")
    with pytest.raises(ServiceError) as caught:
        client_factory().get_json(f"{server.url}/h")
    assert caught.value.key == "service_html" and "Maintenance en cours" in str(caught.value)


def test_cache_second_call_sends_nothing_and_offline_fallback(server, client_factory, monkeypatch):
    from territoire_plugin.sources import network

    server.json_route("/c", lambda r: {"n": len(server.requests)})
    client = client_factory()
    first = client.get_json(f"{server.url}/c", max_age_s=3600)
    again = client_factory().get_json(f"{server.url}/c", max_age_s=3600)
    assert first == again == {"n": 1}
    assert len(server.requests) == 1
    # Stale entry, service down: the cached answer is used, and the plugin's log says so. (Captured at the
    # plugin's log function: QGIS's message-log signal proved unreliable to listen to late in a long session.)
    messages = []
    logged = network.log_tr
    monkeypatch.setattr(network, "log_tr", lambda template, *args, **kwargs: (messages.append(template),
                                                                               logged(template, *args, **kwargs)))
    server.fail("/c", 503, 503)
    offline = client_factory(retries=1).get_json(f"{server.url}/c", max_age_s=0)
    assert offline == {"n": 1}
    assert any("offline" in m for m in messages)



def test_a_wrong_answer_is_never_cached_and_a_poisoned_entry_is_fetched_again(server, client_factory, tmp_path):
    """Validate, then cache: an HTTP 200 with the wrong JSON fails this run only; an entry in the cache that no
    longer validates (written by an older version, or tampered with) is dropped and asked again."""
    from territoire_plugin.core.errors import ServiceError
    from territoire_plugin.sources.cache import Cache, request_key

    answers = [{"error": "maintenance"}, {"type": "FeatureCollection", "features": []}]
    server.json_route("/p", lambda request: answers[min(len(server.requests_to("/p")) - 1, 1)])

    def check(data):
        if not isinstance(data, dict) or not isinstance(data.get("features"), list):
            raise ServiceError("bad_shape", "not features: {what}", what=str(data)[:40])

    with pytest.raises(ServiceError) as caught:
        client_factory().get_json(f"{server.url}/p", max_age_s=3600, validate=check)
    assert caught.value.key == "bad_shape"
    assert client_factory().get_json(f"{server.url}/p", max_age_s=3600, validate=check)["features"] == []
    assert len(server.requests_to("/p")) == 2
    assert client_factory().get_json(f"{server.url}/p", max_age_s=3600, validate=check)["features"] == []
    assert len(server.requests_to("/p")) == 2  # the good answer came from the cache
    # Poison the entry: the next call drops it and asks the service again.
    key = request_key("GET", f"{server.url}/p", None, None)
    Cache(tmp_path / "cache").put("json", key, b'{"features": "none"}')
    assert client_factory().get_json(f"{server.url}/p", max_age_s=3600, validate=check)["features"] == []
    assert len(server.requests_to("/p")) == 3


def test_a_huge_answer_is_not_cached(server, client_factory, monkeypatch):
    from territoire_plugin.sources import network

    monkeypatch.setattr(network, "MAX_CACHED_BYTES", 1000)
    server.json_route("/big", {"features": ["x" * 50] * 100})
    for _ in range(2):
        assert len(client_factory().get_json(f"{server.url}/big", max_age_s=3600)["features"]) == 100
    assert len(server.requests_to("/big")) == 2


def test_a_failing_service_is_reported_as_failing_never_hidden_by_qgis_network_cache(server, client_factory):
    """QGIS's network disk cache never answers for the service: Qt handed back its copy of an earlier answer for
    an HTTP 503 (seen with QgsBlockingNetworkRequest); requests ask the network only and are not kept there. The
    plugin's own cache is the offline fallback, and says so."""
    from territoire_plugin.core.errors import ServiceError

    server.json_route("/c", lambda r: {"n": len(server.requests)})
    assert client_factory().get_json(f"{server.url}/c", max_age_s=3600) == {"n": 1}
    server.fail("/c", 503, 503)
    client = client_factory(retries=1)
    assert client.get_json(f"{server.url}/c", max_age_s=0) == {"n": 1}  # the plugin's copy, said offline
    assert client.stats.requests == 2 and client.stats.from_cache == 1
    server.fail("/c", 503)
    with pytest.raises(ServiceError) as caught:
        client_factory(retries=0, cache=None).get_json(f"{server.url}/c", max_age_s=0)
    assert caught.value.key == "service_down" and "HTTP 503" in str(caught.value)
    assert client_factory(cache=None).get_json(f"{server.url}/c") == {"n": 5}  # recovered

def test_cancel_stops_the_backoff(server, client_factory):
    from qgis.core import QgsFeedback

    feedback = QgsFeedback()
    server.json_route("/x", {"ok": True})
    # Several faults: should Qt resend the GET by itself (it does when a kept-alive connection drops
    # under a pending request), the service still says "retry in 30 s", which the cancel must cut short.
    server.fail("/x", *[("status", 503, {"Retry-After": "30"})] * 5)
    import threading

    threading.Timer(0.3, feedback.cancel).start()
    started = time.monotonic()
    try:
        answer = client_factory(feedback=feedback).get_json(f"{server.url}/x")
    except Cancelled:
        assert time.monotonic() - started < 5  # not after the 30 s wait
    else:
        pytest.fail(f"not cancelled: got {answer}; the server saw "
                    f"{[(round(r.time - started, 2), r.method, r.path) for r in server.requests_to('/x')]}")


def test_rate_limit_per_host(server, client_factory):
    server.json_route("/r", {"ok": True})
    client = client_factory(rate=10)
    for _ in range(6):
        client.request("GET", f"{server.url}/r")
    times = [r.time for r in server.requests_to("/r")]
    assert times[-1] - times[0] >= 0.45  # 6 requests at ≤ 10/s span ≥ 0.5 s (minus scheduling slack)


def test_download_resumes_with_range_and_verifies(server, client_factory, tmp_path):
    payload = bytes(range(256)) * 4000  # 1 MB
    source = tmp_path / "file.bin"
    source.write_bytes(payload)
    server.serve_file("/file.bin", source)
    destination = tmp_path / "out" / "file.bin"
    client = client_factory()
    digest = ("sha256", hashlib.sha256(payload).hexdigest())

    def stop(percent):  # a run cancelled after its first chunk of 300 kB
        raise Cancelled()

    with pytest.raises(Cancelled):
        client.download(f"{server.url}/file.bin", destination, checksum=digest, chunk_bytes=300_000, progress=stop)
    assert (destination.parent / "file.bin.part").stat().st_size == 300_000
    server.reset()
    client.download(f"{server.url}/file.bin", destination, checksum=digest, chunk_bytes=256_000)
    assert destination.read_bytes() == payload
    asked = server.requests_to("/file.bin")
    assert asked[0].headers["range"] == "bytes=300000-555999"  # resumed, not restarted
    assert server.bytes_sent == len(payload) - 300_000
    assert not list(destination.parent.glob("*.part*"))
    # A second run sends nothing.
    server.reset()
    client.download(f"{server.url}/file.bin", destination, checksum=digest)
    assert server.requests == []


def test_a_file_replaced_between_chunks_is_never_spliced(server, client_factory, tmp_path):
    """A: the file when the download began; B: the file that replaced it before the rest was fetched. The result
    is B whole, never A[:300 kB] + B[300 kB:]: the validator of the first answer is pinned for the download."""
    import os

    first, second = bytes(range(256)) * 4000, bytes(reversed(range(256))) * 4000
    source = tmp_path / "scene.tif"
    source.write_bytes(first)
    server.serve_file("/scene.tif", source)
    destination = tmp_path / "out" / "scene.tif"

    def stop(percent):
        raise Cancelled()

    with pytest.raises(Cancelled):
        client_factory().download(f"{server.url}/scene.tif", destination, chunk_bytes=300_000, progress=stop)
    source.write_bytes(second)
    os.utime(source, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    client_factory().download(f"{server.url}/scene.tif", destination, chunk_bytes=300_000)
    assert destination.read_bytes() == second


def test_a_part_without_a_validator_is_not_trusted(server, client_factory, tmp_path):
    payload = bytes(range(256)) * 1000
    source = tmp_path / "f.bin"
    source.write_bytes(payload)
    server.serve_file("/f.bin", source)
    destination = tmp_path / "out" / "f.bin"
    destination.parent.mkdir()
    (destination.parent / "f.bin.part").write_bytes(b"\xff" * 1000)  # left by an older version: origin unknown
    client_factory().download(f"{server.url}/f.bin", destination)
    assert destination.read_bytes() == payload
    assert server.requests_to("/f.bin")[0].headers["range"].startswith("bytes=0-")


def test_download_with_wrong_checksum_is_deleted(server, client_factory, tmp_path):
    from territoire_plugin.core.errors import ServiceError

    source = tmp_path / "f.bin"
    source.write_bytes(b"x" * 1000)
    server.serve_file("/f.bin", source)
    destination = tmp_path / "f_copy.bin"
    with pytest.raises(ServiceError) as caught:
        client_factory().download(f"{server.url}/f.bin", destination, checksum=("sha256", "0" * 64))
    assert caught.value.key == "download_checksum"
    assert not destination.exists() and not (tmp_path / "f_copy.bin.part").exists()


def test_secrets_are_not_logged(server, client_factory):
    from qgis.core import QgsApplication

    messages = []
    QgsApplication.messageLog().messageReceived.connect(lambda m, tag, level: messages.append(m))
    server.json_route("/s", {"ok": True})
    server.fail("/s", 503)
    client_factory().get_json(f"{server.url}/s", {"sig": "SECRETSIG", "se": "2026"})
    assert any("/s?sig=" in m for m in messages)
    assert not any("SECRETSIG" in m for m in messages)
    assert json.dumps(client_factory().stats.urls)  # stats hold URLs for tests only


def test_a_gzip_answer_with_the_compressed_content_length_is_whole(server, client_factory):
    """Planetary Computer answers gzip-encoded JSON whose Content-Length is the compressed body's
    (reference/partner-services.md, "Planetary Computer STAC"); Qt decompresses it: not an answer cut short."""
    import gzip

    body = json.dumps({"type": "FeatureCollection", "features": [{"id": f"item-{n}"} for n in range(200)]}).encode()
    packed = gzip.compress(body)

    def answer(request):
        asked = request.headers.get("accept-encoding", "")
        if "gzip" not in asked:
            return 200, {"Content-Type": "application/geo+json"}, body
        return 200, {"Content-Type": "application/geo+json", "Content-Encoding": "gzip",
                     "Content-Length": str(len(packed))}, packed

    server.route("/search", answer)
    data = client_factory().get_json(f"{server.url}/search")
    assert len(data["features"]) == 200 and len(packed) < len(body)
    assert "gzip" in server.requests[-1].headers.get("accept-encoding", "")  # the real shape was exercised

