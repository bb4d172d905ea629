"""The one HTTP client every connector uses: QGIS's network stack, retries, rate limit, cache.

Requests go through QGIS's network access manager (transport.py: timeouts, deadline, cancel, redirects), so
the proxy, SSL settings and authentication configured in QGIS apply (credentials come from ``QgsAuthManager``
through an ``authcfg`` id, never from plain settings). Transient failures (timeouts, 429, 500, 502, 503, 504) are
retried with exponential backoff, honouring ``Retry-After``. Each host gets at most the requests per
second its service asks for. Answers can be cached on disk; when the network fails and the
cache has the answer, it is used and the log says so.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError, Cancelled, ServiceError, service_error
from ..toolbelt.log import log, log_tr
from ..toolbelt.resources import plugin_version
from .cache import Cache, CacheHit, request_key
from .response import Response, service_message
from .response import redact as _redact
from .transport import Limits, TransientError, UnreachableError

RETRY_STATUS = {429, 500, 502, 503, 504}
CLIENT_HEADER = "X-Territoire-Client"
MAX_BACKOFF_S = 30.0
#: Largest answer kept in the cache (a WFS page of 5,000 buildings is ~10 MB).
MAX_CACHED_BYTES = 64 << 20


class _RateLimiter:
    """At most ``rate`` requests per second to one host, across threads."""

    _lock = threading.Lock()
    _next_slot: dict = {}

    @classmethod
    def wait(cls, host: str, rate: float | None) -> None:
        if not rate:
            return
        with cls._lock:
            now = time.monotonic()
            slot = max(now, cls._next_slot.get(host, 0.0))
            cls._next_slot[host] = slot + 1.0 / rate
        if slot > now:
            time.sleep(slot - now)


@dataclass
class Stats:
    requests: int = 0
    from_cache: int = 0
    urls: list = field(default_factory=list)


class HttpClient:
    """HTTP for one service. ``feedback`` (a QgsFeedback) gives progress and cancel."""

    def __init__(self, service: str, *, rate: float | None = None, feedback=None, cache: Cache | None = None,
                 authcfg: str = "", timeout_s: float = 60.0, retries: int = 4, backoff_s: float = 1.0,
                 connect_s: float = 15.0, deadline_s: float = 300.0):
        self.service = service
        self.rate = rate
        self.feedback = feedback
        self.cache = cache
        self.authcfg = authcfg
        self.timeout_s = timeout_s
        #: No answer within connect_s: unreachable; no byte for timeout_s: stalled; the whole exchange past
        #: deadline_s: aborted (see transport.py).
        self.limits = Limits(connect_s=min(connect_s, timeout_s), idle_s=timeout_s, deadline_s=deadline_s)
        self.retries = retries
        self.backoff_s = backoff_s
        self.stats = Stats()
        #: Headers sent with every request (e.g. a bearer token); never logged.
        self.extra_headers: dict = {}
        self.user_agent = f"Territoire/{plugin_version()}"

    # ------------------------------------------------------------------ plumbing

    def _canceled(self) -> bool:
        return self.feedback is not None and self.feedback.isCanceled()

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self._canceled():
                raise Cancelled()
            time.sleep(min(0.1, max(end - time.monotonic(), 0)))

    def _once(self, method: str, url: str, body: bytes | None, headers: dict) -> Response:
        from .transport import exchange

        _RateLimiter.wait(urlsplit(url).netloc, self.rate)
        # QgsNetworkAccessManager rewrites User-Agent on every request ("<setting> QGIS/<version>"),
        # so the plugin names itself in a header of its own as well.
        headers = {"User-Agent": self.user_agent, CLIENT_HEADER: self.user_agent, **headers}
        return exchange(self, method, url, body, headers)

    def request(self, method: str, url: str, *, params: dict | None = None, body: bytes | None = None,
                headers: dict | None = None, ok_status=(200,)) -> Response:
        """Send with retries; return the response whose status is in ``ok_status``, or raise ServiceError."""
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params, doseq=True)}"
        headers = {**self.extra_headers, **(headers or {})}
        last = "no answer"
        for attempt in range(self.retries + 1):
            try:
                response = self._once(method, url, body, headers)
            except UnreachableError as exc:  # no point in trying again: say so at once
                raise unreachable_error(self.service, exc) from exc
            except TransientError as exc:
                last = exc.describe()
                if attempt < self.retries:
                    self._note_retry(url, last, self._backoff(attempt), detail=str(exc))
                    continue
                raise service_error(
                    "service_unreachable",
                    QT_TRANSLATE_NOOP(
                        "AnalysisError",
                        "{service} did not answer after {tries} tries ({error}). Check the network connection "
                        "and the proxy settings (QGIS ▸ Options ▸ Network), or try again later; data already "
                        "downloaded stay usable offline."
                    ),
                    service=self.service, tries=attempt + 1, error=last,
                ) from exc
            if response.status in ok_status:
                return response
            if response.status in RETRY_STATUS and attempt < self.retries:
                self._note_retry(url, f"HTTP {response.status}", self._retry_after(response, attempt))
                continue
            raise self._status_error(response)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        return min(self.backoff_s * (2**attempt), MAX_BACKOFF_S)

    def _retry_after(self, response: Response, attempt: int) -> float:
        value = response.headers.get("retry-after", "").strip()
        if value.isdigit():
            return min(float(value), MAX_BACKOFF_S * 4)
        if value:
            try:
                when = email.utils.parsedate_to_datetime(value).timestamp()
                return min(max(when - time.time(), 0.0), MAX_BACKOFF_S * 4)
            except (TypeError, ValueError):
                pass
        return self._backoff(attempt)

    def _note_retry(self, url: str, reason: str, delay: float, detail: str = "") -> None:
        """Tell the user and the log (in the interface's language; the log adds the redacted address)."""
        from qgis.PyQt.QtCore import QCoreApplication

        from ..toolbelt.i18n import decimal

        message = QCoreApplication.translate("TerritoireNetwork", "{0}: {1}; new try in {2} s.").format(
            self.service, reason, decimal(delay, 1))
        log(f"{message} ({detail + ', ' if detail else ''}{_redact(url)})")
        if self.feedback is not None and hasattr(self.feedback, "pushInfo"):
            self.feedback.pushInfo(message)
        self._sleep(delay)

    def _status_error(self, response: Response) -> ServiceError:
        text = service_message(response.content, response.content_type)
        if response.status == 407:
            return service_error(
                "service_proxy",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The proxy refused the request to {service} (HTTP 407: {text}). Enter the proxy login in "
                    "QGIS ▸ Options ▸ Network."
                ),
                service=self.service, text=text,
            )
        if response.status in (401, 403):
            return service_error(
                "service_auth",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "{service} refused access (HTTP {status}: {text}). Check the key or login stored in the "
                    "QGIS authentication manager for this service, or that it has not expired."
                ),
                service=self.service, status=response.status, text=text,
            )
        if response.status == 429:
            return service_error(
                "service_quota",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "{service} says too many requests were sent (HTTP 429: {text}). Wait a few minutes and "
                    "try again, or split the area."
                ),
                service=self.service, text=text,
            )
        if 400 <= response.status < 500:
            return service_error(
                "service_bad_request",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "{service} rejected the request (HTTP {status}: {text}). Check the parameters (area, "
                    "dates, names); {url}"
                ),
                service=self.service, status=response.status, text=text, url=_redact(response.url),
            )
        return service_error(
            "service_down",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "{service} is failing (HTTP {status}: {text}). The service is probably down: try again later; "
                "data already downloaded stay usable offline."
            ),
            service=self.service, status=response.status, text=text,
        )

    # ------------------------------------------------------------------ API

    def get_json(self, url: str, params: dict | None = None, *, max_age_s: float | None = None,
                 namespace: str = "json", validate=None):
        """The JSON answer; ``validate(data)`` raises (an AnalysisError) when its shape is wrong. Only an answer that
        validates is cached, and a cached answer is validated again before it is used."""
        return self._cached("GET", url, params, None, max_age_s, namespace, validate=validate)

    def post_json(self, url: str, payload, *, max_age_s: float | None = None, namespace: str = "json",
                  headers: dict | None = None, validate=None):
        body = json.dumps(payload).encode("utf-8")
        return self._cached("POST", url, None, body, max_age_s, namespace, headers, validate=validate)

    def get_bytes(self, url: str, *, max_age_s: float | None = None, namespace: str = "bytes", validate=None) -> bytes:
        """The body of a GET (an image tile…), cached like :meth:`get_json`: ``validate(content)`` raises when it is
        not what was asked for; only a body that validates is cached."""
        return self._cached("GET", url, None, None, max_age_s, namespace, validate=validate, as_json=False)

    def _decoded(self, data: bytes, as_json: bool):
        return json.loads(data.decode("utf-8")) if as_json else data

    def _from_cache(self, namespace: str, key: str, hit: CacheHit, validate, as_json: bool = True):
        """The cached answer, or None (and the entry dropped) if it no longer reads or validates."""
        try:
            data = self._decoded(hit.data, as_json)
            if validate is not None:
                validate(data)
        except (ValueError, RecursionError, AnalysisError) as error:
            self.cache.drop(namespace, key)
            log_tr(QT_TRANSLATE_NOOP(
                "TerritoireLog", "{0}: a cached answer no longer validates ({1}); it is asked again."), self.service,
                   error)
            return None
        self.stats.from_cache += 1
        return data

    def _cached(self, method, url, params, body, max_age_s, namespace, headers=None, validate=None,
                as_json: bool = True):
        key = request_key(method, url, params, body.decode("utf-8") if body else None)
        hit: CacheHit | None = self.cache.get(namespace, key) if self.cache and max_age_s is not None else None
        # max_age_s = 0 always asks the service (the copy is the offline fallback), even if the entry was
        # written within the clock's resolution.
        if hit is not None and max_age_s > 0 and hit.age <= max_age_s:
            data = self._from_cache(namespace, key, hit, validate, as_json)
            if data is not None:
                return data
            hit = None
        try:
            response = self.request(method, url, params=params, body=body, headers=headers)
            data = response.json(self.service) if as_json else response.content
        except ServiceError as error:
            if hit is None or error.key not in ("service_unreachable", "service_down"):
                raise
            cached = self._from_cache(namespace, key, hit, validate, as_json)
            if cached is None:
                raise
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(hit.meta.get("time", 0)))
            log_tr(QT_TRANSLATE_NOOP(
                "TerritoireLog", "{0} unavailable ({1}); offline: using the copy cached on {2}."), self.service, error,
                   when)
            return cached
        if validate is not None:
            validate(data)  # a wrong answer is never cached
        if self.cache is not None and max_age_s is not None:
            if len(response.content) > MAX_CACHED_BYTES:
                log_tr(QT_TRANSLATE_NOOP("TerritoireLog", "{0}: an answer of {1} MiB is not cached."), self.service,
                       len(response.content) >> 20)
            else:
                self.cache.put(namespace, key, response.content, url=_redact(response.url))  # noqa: QGS201
        return data

    def download(self, url: str, destination: Path, *, checksum: tuple | None = None, chunk_bytes: int = 8 << 20,
                 progress=None, missing=()) -> Path | None:
        """Download ``url`` to ``destination``, resumable and verified: see :func:`.downloads.download`."""
        from .downloads import download

        return download(self, url, destination, checksum=checksum, chunk_bytes=chunk_bytes, progress=progress,
                        missing=missing)


def unreachable_error(service: str, error) -> ServiceError:
    """The message for a host that cannot be reached (its name unknown, the connection refused, no answer)."""
    templates = {
        "dns": QT_TRANSLATE_NOOP(
            "AnalysisError", "{service} cannot be reached: the name {host} is unknown to the network (DNS). Check "
            "the network connection and the proxy settings (QGIS ▸ Options ▸ Network); data already downloaded "
            "stay usable offline."),
        "refused": QT_TRANSLATE_NOOP(
            "AnalysisError", "{service} cannot be reached: {host} refuses the connection. Check the proxy settings "
            "(QGIS ▸ Options ▸ Network), or try again later; data already downloaded stay usable offline."),
        "silent": QT_TRANSLATE_NOOP(
            "AnalysisError", "{service} cannot be reached: {host} does not answer (nothing within {seconds} s). "
            "Check the network connection and the proxy settings (QGIS ▸ Options ▸ Network), or try again "
            "later; data already downloaded stay usable offline."),
    }
    return service_error("service_unreachable", templates[error.reason], service=service, host=error.host,
                         seconds=int(getattr(error, "seconds", 15)))
