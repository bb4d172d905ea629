"""The EGMS download API: service key → signed grant → bearer token → search → download.

The user's CLMS service key (a JSON document with ``client_id``, ``user_id``, ``token_uri``,
``private_key``…) lives in QGIS's authentication manager, never in settings or logs. The
OAuth grant is a JWT signed with RS256; QGIS ships no RSA library, so the PKCS#1 v1.5
signature is computed here with the standard library (SHA-256 and modular exponentiation).
Endpoint paths and the search body are *unverified* facts (reference/partner-services.md):
they are kept in the constants below so they change in one place.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from pathlib import Path
from urllib.parse import urlencode

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError, ServiceError
from .network import HttpClient

SEARCH_PATH = "/search"
DOWNLOAD_PATH = "/download/{filename}"
GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
#: DER prefix of a SHA-256 DigestInfo (RFC 8017, section 9.2).
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _bad_key(reason: str) -> AnalysisError:
    return AnalysisError("egms_bad_key", QT_TRANSLATE_NOOP(
        "AnalysisError", "The EGMS service key is not usable ({reason}). Create a new key on land.copernicus.eu "
        "(your profile ▸ API tokens) and store its whole JSON text in the QGIS authentication manager."),
        reason=reason)


def _der(data: bytes, offset: int) -> tuple[int, bytes, int]:
    """(tag, content, next offset) of the DER element at ``offset``."""
    tag, length = data[offset], data[offset + 1]
    offset += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[offset:offset + count], "big")
        offset += count
    return tag, data[offset:offset + length], offset + length


def _children(content: bytes) -> list[tuple[int, bytes]]:
    items, offset = [], 0
    while offset < len(content):
        tag, value, offset = _der(content, offset)
        items.append((tag, value))
    return items


def rsa_private_key(pem: str) -> tuple[int, int]:
    """(modulus, private exponent) of a PEM RSA key, PKCS#1 or PKCS#8, unencrypted."""
    lines = [line.strip() for line in pem.strip().splitlines()]
    if not lines or "PRIVATE KEY" not in lines[0] or "ENCRYPTED" in lines[0]:
        raise _bad_key("no unencrypted PEM private key")
    try:
        der = base64.b64decode("".join(line for line in lines if not line.startswith("-----")))
        _, content, _ = _der(der, 0)
        items = _children(content)
        if len(items) == 3 and items[1][0] == 0x30 and items[2][0] == 0x04:  # PKCS#8 wraps a PKCS#1 key
            _, content, _ = _der(items[2][1], 0)
            items = _children(content)
        modulus = int.from_bytes(items[1][1], "big")
        exponent = int.from_bytes(items[3][1], "big")
    except (IndexError, ValueError) as exc:
        raise _bad_key(f"the private key cannot be read: {exc}") from exc
    if modulus.bit_length() < 1024:
        raise _bad_key("the RSA key is shorter than 1024 bits")
    return modulus, exponent


def rs256_sign(message: bytes, pem: str) -> bytes:
    """RSASSA-PKCS1-v1_5 signature of ``message`` with SHA-256 (RFC 8017), as JWT's RS256 needs."""
    modulus, exponent = rsa_private_key(pem)
    size = (modulus.bit_length() + 7) // 8
    digest = SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    encoded = b"\x00\x01" + b"\xff" * (size - len(digest) - 3) + b"\x00" + digest
    return pow(int.from_bytes(encoded, "big"), exponent, modulus).to_bytes(size, "big")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt_grant(service_key: dict, now: float | None = None) -> str:
    for field in ("client_id", "user_id", "token_uri", "private_key"):
        if not service_key.get(field):
            raise _bad_key(f"no '{field}'")
    now = int(now if now is not None else time.time())
    header = {"alg": "RS256", "typ": "JWT"}
    claims = {"iss": service_key["client_id"], "sub": service_key["user_id"], "aud": service_key["token_uri"],
              "iat": now, "exp": now + 3600}
    signing_input = f"{_b64url(json.dumps(header).encode())}.{_b64url(json.dumps(claims).encode())}"
    return f"{signing_input}.{_b64url(rs256_sign(signing_input.encode('ascii'), service_key['private_key']))}"


def parse_service_key(text: str) -> dict:
    try:
        key = json.loads(text)
    except ValueError as exc:
        raise _bad_key("it is not JSON") from exc
    if not isinstance(key, dict):
        raise _bad_key("it is not a JSON object")
    return key


class EgmsApi:
    def __init__(self, client: HttpClient, base_url: str):
        self.client = client
        self.base_url = base_url

    def token(self, service_key: dict) -> str:
        body = urlencode({"grant_type": GRANT_TYPE, "assertion": jwt_grant(service_key)}).encode()
        response = self.client.request("POST", service_key["token_uri"], body=body,
                                       headers={"Content-Type": "application/x-www-form-urlencoded",
                                                "Accept": "application/json"})
        answer = response.json(self.client.service)
        token = answer.get("access_token") if isinstance(answer, dict) else None
        if not token:
            raise _bad_key("the token service gave no access token")
        return token

    def search(self, token: str, bbox_lonlat, level: str, release: str) -> tuple[str, list[str]]:
        body = {"levels": [level], "releases": [release], "bbox": [round(v, 5) for v in bbox_lonlat]}
        response = self.client.request("POST", self.base_url + SEARCH_PATH, body=json.dumps(body).encode(),
                                       headers={"Authorization": f"Bearer {token}"})
        answer = response.json(self.client.service)
        if not isinstance(answer, dict) or not answer.get("status", False):
            raise ServiceError("egms_refused", QT_TRANSLATE_NOOP(
                "AnalysisError", "The EGMS API refused the search ({text}). Check the service key, the level and "
                "the release (e.g. 2019_2023)."), text=str(answer.get("message") if isinstance(answer, dict)
                                                             else answer)[:200])
        files = [str(name) for name in answer.get("files") or []]
        return str(answer.get("id", "")), files

    def download(self, token: str, search_id: str, filename: str, destination: Path) -> Path:
        url = self.base_url + DOWNLOAD_PATH.format(filename=filename) + "?" + urlencode({"id": search_id})
        original = dict(self.client.extra_headers)
        self.client.extra_headers["Authorization"] = f"Bearer {token}"
        try:
            return self.client.download(url, destination)
        finally:
            self.client.extra_headers = original
