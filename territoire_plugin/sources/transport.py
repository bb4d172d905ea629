"""One HTTP exchange through QGIS's network access manager, with the limits a town-hall network needs.

``QgsNetworkAccessManager`` applies the proxy, SSL settings and authentication configured in QGIS. The
exchange runs in a local event loop that looks every 0.1 s at the user's Cancel and at three limits, and
aborts the reply when one is passed: no answer within ``connect_s`` from a host that takes no TCP
connection either (unreachable: fail at once, do not retry; a host that connects is only slow), no byte for
``idle_s`` (a stalled transfer, retried), and the whole exchange past ``deadline_s`` (a server that drips a
byte now and then keeps no run busy for ever).

Redirects are followed here, not by Qt or QGIS (QgsBlockingNetworkRequest follows them whatever the request's
policy, and applies the authentication configuration to the new host): at most ``MAX_REDIRECTS`` hops (a
loop is reported as one), never from HTTPS to HTTP, and a credential (the authentication configuration, an
Authorization or Cookie header) is never sent to another origin than the one asked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, service_error
from .response import Response
from .response import redact as _redact

MAX_REDIRECTS = 10
REDIRECTS = (301, 302, 303, 307, 308)
CREDENTIAL_HEADERS = ("authorization", "cookie", "proxy-authorization")


@dataclass
class Limits:
    connect_s: float = 15.0
    idle_s: float = 60.0
    deadline_s: float = 300.0


class TransientError(Exception):
    """A failure worth retrying (timeout, connection reset, truncated answer): ``kind`` ("idle", "deadline",
    "cut", "closed", "network") and its figures; ``str()`` is the technical detail for the log."""

    def __init__(self, kind: str, detail: str, *figures):
        super().__init__(detail)
        self.kind, self.figures = kind, figures

    def describe(self) -> str:
        """What happened, in the interface's language."""
        from qgis.PyQt.QtCore import QCoreApplication

        template = {
            "idle": "no data for {0} s",
            "deadline": "no complete answer within {0} s",
            "cut": "answer cut short: {0} of {1} bytes",
            "closed": "connection closed after {0} bytes",
        }.get(self.kind, "the connection failed")
        return QCoreApplication.translate("TerritoireNetwork", template).format(*self.figures)


# The reasons TransientError.describe gives, for `make i18n`.
QT_TRANSLATE_NOOP("TerritoireNetwork", "no data for {0} s")
QT_TRANSLATE_NOOP("TerritoireNetwork", "no complete answer within {0} s")
QT_TRANSLATE_NOOP("TerritoireNetwork", "answer cut short: {0} of {1} bytes")
QT_TRANSLATE_NOOP("TerritoireNetwork", "connection closed after {0} bytes")
QT_TRANSLATE_NOOP("TerritoireNetwork", "the connection failed")


class UnreachableError(Exception):
    """The host cannot be reached at all (unknown name, refused connection, no answer): not worth retrying.
    ``reason``: "dns", "refused" or "silent"."""

    def __init__(self, reason: str, host: str, seconds: float = 0.0):
        super().__init__(f"{reason}: {host}")
        self.reason, self.host, self.seconds = reason, host, seconds


def origin(url: str) -> tuple:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(
        parts.scheme.lower())


def exchange(client, method: str, url: str, body: bytes | None, headers: dict) -> Response:
    """The final answer to ``method url`` after its redirects (each hop counted in ``client.stats``)."""
    first, current, hops = origin(url), url, 0
    while True:
        same_origin = origin(current) == first
        sent = headers if same_origin else {k: v for k, v in headers.items()
                                            if k.lower() not in CREDENTIAL_HEADERS}
        response = send(client, method, current, body, sent, authcfg=client.authcfg if same_origin else "")
        location = response.headers.get("location", "") if response.status in REDIRECTS else ""
        if not location:
            return response
        hops += 1
        target = QUrl(current).resolved(QUrl(location)).toString()
        if hops > MAX_REDIRECTS:
            raise service_error("service_redirect_loop", QT_TRANSLATE_NOOP(
                "AnalysisError", "{service} sent the request from address to address more than {count} times (a "
                "redirect loop) without answering: the service is misconfigured. Try again later."),
                service=client.service, count=MAX_REDIRECTS, url=_redact(url))
        if urlsplit(current).scheme == "https" and urlsplit(target).scheme != "https":
            raise service_error("service_redirect_insecure", QT_TRANSLATE_NOOP(
                "AnalysisError", "{service} redirected a secure (HTTPS) request to an address that is not secure "
                "({target}): it was not followed. Report it to the service."),
                service=client.service, target=_redact(target))
        if response.status == 303 or (response.status in (301, 302) and method == "POST"):
            method, body = "GET", None
        current = target


def send(client, method: str, url: str, body: bytes | None, headers: dict, authcfg: str = "") -> Response:
    """One request, no redirect followed; raises Cancelled, TransientError or UnreachableError."""
    limits = client.limits
    request = QNetworkRequest(QUrl(url))
    for name, value in headers.items():
        request.setRawHeader(name.encode(), str(value).encode())
    request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                         QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)
    # The plugin keeps its own cache: QGIS's network disk cache must never answer for the service (Qt did,
    # with a stale copy, when the service failed).
    request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                         QNetworkRequest.CacheLoadControl.AlwaysNetwork)
    request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    if method == "POST" and "Content-Type" not in headers:
        request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/json")
    manager = QgsApplication.authManager()
    if authcfg and (authcfg not in manager.configIds() or not manager.updateNetworkRequest(request, authcfg)):
        raise service_error("service_auth_config", QT_TRANSLATE_NOOP(
            "AnalysisError", "The authentication configuration {authcfg} chosen for {service} cannot be used: it "
            "does not exist in QGIS's authentication manager, or the master password was not given. Choose "
            "another one (Settings ▸ Options ▸ Authentication)."), authcfg=authcfg, service=client.service)
    network = QgsNetworkAccessManager.instance()
    if method == "GET":
        reply = network.get(request)
    elif method == "HEAD":
        reply = network.head(request)
    else:
        reply = network.post(request, QByteArray(body or b""))
    if authcfg:
        manager.updateNetworkReply(reply, authcfg)
    client.stats.requests += 1
    client.stats.urls.append((method, url, headers.get("Range")))
    why = _wait(client, reply, limits)
    try:
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if why == "cancel":
            raise Cancelled()
        host = urlsplit(url).hostname or url
        if why == "connect":
            raise UnreachableError("silent", host, limits.connect_s)
        if why in ("idle", "deadline"):
            seconds = limits.idle_s if why == "idle" else limits.deadline_s
            raise TransientError(why, f"{why}: {seconds:g} s", f"{seconds:g}")
        error = reply.error()
        if not status:
            if error == QNetworkReply.NetworkError.HostNotFoundError:
                raise UnreachableError("dns", host)
            if error == QNetworkReply.NetworkError.ConnectionRefusedError:
                raise UnreachableError("refused", host)
            raise TransientError("network", reply.errorString() or "no answer")
        headers_in = {bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
                      for name in reply.rawHeaderList()}
        content = bytes(reply.readAll())
        if error in (QNetworkReply.NetworkError.RemoteHostClosedError,
                     QNetworkReply.NetworkError.TimeoutError) and status:
            raise TransientError("closed", f"connection closed after {len(content)} bytes", len(content))
    finally:
        reply.deleteLater()
    expected = headers_in.get("content-length")
    if method != "HEAD" and expected and expected.isdigit() and int(expected) != len(content):
        raise TransientError("cut", f"answer cut short: {len(content)} of {expected} bytes", len(content), expected)
    return Response(url=url, status=int(status), headers=headers_in, content=content)


def _connects(url: QUrl) -> bool:
    """Whether the host takes a TCP connection within 1.5 s. Through a proxy the proxy answers for the host
    (and reports an unreachable one itself): assumed to connect."""
    import socket

    from qgis.PyQt.QtNetwork import QNetworkProxy

    proxy = QgsNetworkAccessManager.instance().fallbackProxy()
    if proxy.type() not in (QNetworkProxy.ProxyType.NoProxy, QNetworkProxy.ProxyType.DefaultProxy) or not url.host():
        return True
    port = url.port(443 if url.scheme() == "https" else 80)
    try:
        socket.create_connection((url.host(), port), timeout=1.5).close()
    except OSError:
        return False
    return True


def _wait(client, reply, limits: Limits) -> str:
    """Run the reply's events until it finishes or a limit is passed (then aborted): "" or the reason.

    No Python function is connected to a signal here: this runs on task threads, and every Python slot is a
    PyQt proxy object registered in a table the GUI thread uses too (a proxy made and destroyed per request
    on a worker thread crashed QGIS's window now and then). The loop is quit by C++ slots only (the reply's
    end, a 0.1 s timer) and the reply's progress is read between two turns."""
    started = last = time.monotonic()
    answered, received, why = False, 0, ""
    loop = QEventLoop()
    reply.finished.connect(loop.quit)
    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(loop.quit)
    timer.start()
    probed = False
    try:
        while not reply.isFinished():
            loop.exec()
            if reply.isFinished():
                break
            now = time.monotonic()
            headers_came = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute) is not None
            available = reply.bytesAvailable()
            if available != received or (headers_came and not answered):
                answered, received, last = True, available, now  # the service is talking
            if client.feedback is not None and client.feedback.isCanceled():
                why = "cancel"
            elif not answered and now - started > limits.connect_s and not probed:
                probed = True  # silent so far: a host that takes no connection, or a slow service?
                if not _connects(reply.url()):
                    why = "connect"
            elif now - last > limits.idle_s:
                why = "idle"
            elif now - started > limits.deadline_s:
                why = "deadline"
            if why:
                reply.abort()
                break
    finally:
        timer.stop()
    return why
