"""What a partner service answered: the response, its JSON, and the service's own error text (JSON message,
OGC ExceptionText, HTML title)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET  # nosec B405
from dataclasses import dataclass

from ..core.errors import QT_TRANSLATE_NOOP, service_error


@dataclass
class Response:
    url: str
    status: int
    headers: dict
    content: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def json(self, service: str):
        if looks_like_html(self.content, self.content_type):
            raise service_error(
                "service_html",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "{service} answered with a web page instead of data ({title}). The service may be in "
                    "maintenance, or a proxy asks for a login: open {url} in a browser to see it."
                ),
                service=service, title=html_title(self.content), url=self.url,
            )
        try:
            return json.loads(self.content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: nested too deep
            raise service_error(
                "service_bad_json",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "{service} sent an answer that is not valid JSON ({error}); it may have been cut short. "
                    "Try again later."
                ),
                service=service, error=exc,
            ) from exc


def looks_like_html(content: bytes, content_type: str = "") -> bool:
    head = content[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


def html_title(content: bytes) -> str:
    match = re.search(rb"<title[^>]*>(.*?)</title>", content[:4096], re.IGNORECASE | re.DOTALL)
    return match.group(1).decode("utf-8", "replace").strip() if match else "no title"


def service_message(content: bytes, content_type: str = "") -> str:
    """The service's own error text: JSON message, OGC exception text, HTML title, or the start of the body."""
    text = content[:20000]
    if looks_like_html(text, content_type):
        return html_title(text)
    stripped = text.lstrip()
    if stripped.startswith((b"{", b"[")):
        try:
            body = json.loads(stripped.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            body = None
        if isinstance(body, dict):
            for name in ("message", "detail", "error_description", "error", "description", "title"):
                value = body.get(name)
                if isinstance(value, str) and value:
                    return value
                if isinstance(value, dict) and isinstance(value.get("message"), str):
                    return value["message"]
    if stripped.startswith(b"<"):
        try:
            root = ET.fromstring(stripped.decode("utf-8", "replace"))  # noqa: S314  # nosec B314
        except ET.ParseError:
            root = None
        if root is not None:
            # OWS ExceptionReport (WFS, WMTS): ExceptionText; WMS 1.3.0 ServiceExceptionReport: ServiceException.
            texts = [node.text.strip() for node in root.iter()
                     if node.tag.endswith(("ExceptionText", "ServiceException")) and node.text and node.text.strip()]
            if texts:
                return " ".join(texts)
    return stripped[:300].decode("utf-8", "replace").strip()


_SECRET_PARAMS = re.compile(r"([?&](?:id|sig|token|key|access_token|apikey|se|sv|skoid|sktid|skt|ske|sks|skv|sp|sr)=)"
                            r"[^&]*", re.IGNORECASE)


def redact(url: str) -> str:
    """The URL without query values that may be secrets (SAS signatures, tokens, keys)."""
    return _SECRET_PARAMS.sub(r"\1…", url)
