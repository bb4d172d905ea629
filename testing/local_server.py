"""A local HTTP server on 127.0.0.1 for connector tests: routes, files with Range, faults, a request log, and
gzip-encoded answers (on by default) as the real services send them.

Nothing here talks to a remote service. Routes are functions of the request returning
(status, headers, body). Faults queued for a path are served before the real answer:
an int status, ("status", code, headers), "truncate", "html", ("sleep", seconds), "close" or ("drip", seconds
between bytes, bytes in all): an answer that trickles.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes
    time: float = field(default_factory=time.monotonic)

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class LocalServer:
    def __init__(self, gzip: bool = True):
        #: Answer JSON, XML and text gzip-encoded when the client accepts it, with the Content-Length of the
        #: compressed body, as Planetary Computer, stac-server and GeoServer behind their proxies do
        #: (reference/partner-services.md): the client must not take the length for the decoded body's.
        self.gzip = gzip
        self.gzipped: list[str] = []  # paths answered gzip-encoded
        self.routes: dict = {}
        self.files: dict = {}
        self.faults = defaultdict(list)
        self.requests: list[Request] = []
        self.bytes_sent = 0
        self._lock = threading.Lock()
        server = self

        self.connections: set = set()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                super().setup()
                with server._lock:
                    server.connections.add(self.connection)

            def finish(self):
                with server._lock:
                    server.connections.discard(self.connection)
                super().finish()

            def log_message(self, *args):  # quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(self.command, parts.path, parse_qs(parts.query),
                                  {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.requests.append(request)
                    fault = server.faults[parts.path].pop(0) if server.faults[parts.path] else None
                if fault is not None and server._serve_fault(self, fault):
                    return
                if parts.path in server.files:
                    status, headers, payload = server._serve_file(request, server.files[parts.path])
                else:
                    route = server._route(parts.path)
                    if route is None:
                        status, headers, payload = 404, {"Content-Type": "text/plain"}, b"not found"
                    else:
                        status, headers, payload = route(request)
                        headers, payload = server._encoded(request, headers, payload)
                server._send(self, status, headers, payload, head=self.command == "HEAD")

            do_GET = do_POST = do_HEAD = _handle  # noqa: N815

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        """Stop answering: no new connection, and the kept-alive ones closed (a client sees a service gone)."""
        import socket

        self.httpd.shutdown()
        self.httpd.server_close()
        with self._lock:
            for connection in list(self.connections):
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def reset(self):
        with self._lock:
            self.requests.clear()
            self.faults.clear()
            self.bytes_sent = 0

    # ------------------------------------------------------------------ set-up

    def route(self, path: str, handler):
        """``handler(request) -> (status, headers, body)``; ``path`` may end with ``*`` for a prefix."""
        self.routes[path] = handler

    def json_route(self, path: str, payload_or_function, status: int = 200):
        def handler(request):
            payload = payload_or_function(request) if callable(payload_or_function) else payload_or_function
            return status, {"Content-Type": "application/json"}, json.dumps(payload).encode("utf-8")

        self.route(path, handler)

    def serve_file(self, path: str, file: Path):
        self.files[path] = Path(file)

    def fail(self, path: str, *faults):
        with self._lock:
            self.faults[path].extend(faults)

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    # ------------------------------------------------------------------ serving

    def _route(self, path: str):
        if path in self.routes:
            return self.routes[path]
        for pattern, handler in self.routes.items():
            if pattern.endswith("*") and path.startswith(pattern[:-1]):
                return handler
        return None

    def _encoded(self, request: Request, headers: dict, payload: bytes):
        kind = headers.get("Content-Type", "")
        textual = any(word in kind for word in ("json", "xml", "text", "csv"))
        if (not self.gzip or not textual or len(payload) < 64 or "Content-Encoding" in headers
                or "gzip" not in request.headers.get("accept-encoding", "")):
            return headers, payload
        import gzip

        packed = gzip.compress(payload, mtime=0)
        with self._lock:
            self.gzipped.append(request.path)
        return {**headers, "Content-Encoding": "gzip", "Content-Length": str(len(packed))}, packed

    def _serve_file(self, request: Request, file: Path):
        import email.utils

        stat = file.stat()
        size = stat.st_size
        # As nginx and Azure blob storage do: a strong ETag, Last-Modified, and If-Range honoured (a Range whose
        # If-Range no longer matches gets the whole current file).
        etag = f'"{size:x}-{stat.st_mtime_ns:x}"'
        headers = {"Content-Type": "image/tiff", "Accept-Ranges": "bytes", "ETag": etag,
                   "Last-Modified": email.utils.formatdate(stat.st_mtime, usegmt=True)}
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", request.headers.get("range", ""))
        if request.method == "HEAD":
            return 200, {**headers, "Content-Length": str(size), "_no_body": "1"}, b""
        condition = request.headers.get("if-range")
        if condition and condition not in (etag, headers["Last-Modified"]):
            match = None
        if not match:
            return 200, headers, file.read_bytes()
        start = int(match.group(1))
        end = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        if start >= size:
            return 416, {"Content-Range": f"bytes */{size}"}, b""
        with open(file, "rb") as handle:
            handle.seek(start)
            payload = handle.read(end - start + 1)
        return 206, {**headers, "Content-Range": f"bytes {start}-{end}/{size}"}, payload

    def _send(self, handler, status, headers, payload, head=False):
        declared = headers.pop("_no_body", None)
        handler.send_response(status)
        for name, value in headers.items():
            if name.startswith("_"):
                continue
            handler.send_header(name, value)
        if "Content-Length" not in headers:
            handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        if not head and not declared:
            # Counted before it is written: once the client holds the answer, the count includes it (a test that
            # resets the count right after a request must not see that request's bytes arrive late).
            with self._lock:
                self.bytes_sent += len(payload)
            handler.wfile.write(payload)

    def _serve_fault(self, handler, fault) -> bool:
        """Serve a fault; True if the request was answered (or dropped) by it."""
        if isinstance(fault, int):
            self._send(handler, fault, {"Content-Type": "application/json"},
                       json.dumps({"message": f"injected HTTP {fault}"}).encode())
            return True
        if isinstance(fault, tuple) and fault[0] == "status":
            _, code, headers = fault
            self._send(handler, code, {"Content-Type": "application/json", **headers},
                       json.dumps({"message": f"injected HTTP {code}"}).encode())
            return True
        if isinstance(fault, tuple) and fault[0] == "sleep":
            time.sleep(fault[1])
            return False
        if fault == "html":
            page = b"<!DOCTYPE html><html><head><title>Maintenance en cours</title></head><body>...</body></html>"
            self._send(handler, 200, {"Content-Type": "text/html"}, page)
            return True
        if fault == "truncate":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", "1000")
            handler.end_headers()
            handler.wfile.write(b'{"cut": "sho')
            handler.wfile.flush()
            handler.close_connection = True
            return True
        if fault == "close":
            handler.close_connection = True
            return True
        if isinstance(fault, tuple) and fault[0] == "drip":  # ("drip", seconds between bytes, bytes in all)
            _, every, size = fault
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(size))
            handler.end_headers()
            try:
                for _ in range(size):
                    handler.wfile.write(b" ")
                    handler.wfile.flush()
                    time.sleep(every)
            except OSError:  # the client gave up
                pass
            handler.close_connection = True
            return True
        raise ValueError(f"unknown fault {fault!r}")
