"""On-disk cache of what the services answered, keyed by request.

Each entry is a data file plus a small JSON sidecar (URL, time, size, SHA-256). Writes are
atomic (temporary file, then rename) and reads are verified against the sidecar, so an
interrupted write or a damaged file is never served. The cache has no ``qgis`` dependency.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path


def request_key(*parts) -> str:
    """Stable key of a request: SHA-256 of its parts (method, URL, parameters, body…)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def digest_of(path: Path, algorithm: str) -> str:
    """The hex digest of the file at ``path`` with ``algorithm`` (a hashlib name: sha1, sha256, md5…)."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    from ..core.files import atomic_output

    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as temporary, open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


@dataclass
class CacheHit:
    data: bytes
    meta: dict

    @property
    def age(self) -> float:
        return time.time() - self.meta.get("time", 0)


class Cache:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _paths(self, namespace: str, key: str) -> tuple[Path, Path]:
        base = self.folder / namespace / key[:2] / key
        return base.with_suffix(".data"), base.with_suffix(".json")

    def get(self, namespace: str, key: str) -> CacheHit | None:
        """The entry if present and intact (size and checksum match its sidecar), else None."""
        data_path, meta_path = self._paths(namespace, key)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = data_path.read_bytes()
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(meta, dict) or len(data) != meta.get("size") or \
                hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            return None
        return CacheHit(data, meta)

    def put(self, namespace: str, key: str, data: bytes, **meta) -> None:
        data_path, meta_path = self._paths(namespace, key)
        atomic_write_bytes(data_path, data)
        meta.update(size=len(data), sha256=hashlib.sha256(data).hexdigest(), time=time.time())
        atomic_write_bytes(meta_path, json.dumps(meta, default=str).encode("utf-8"))

    def drop(self, namespace: str, key: str) -> None:
        """Remove one entry (an answer that no longer validates)."""
        for path in self._paths(namespace, key):
            path.unlink(missing_ok=True)

    def file_path(self, namespace: str, name: str) -> Path:
        """Where a downloaded file of ``namespace`` lives (its folder is created)."""
        path = self.folder / namespace / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def size(self) -> int:
        if not self.folder.is_dir():
            return 0
        return sum(item.stat().st_size for item in self.folder.rglob("*") if item.is_file())

    def clear(self) -> None:
        if not self.folder.is_dir():
            return
        for item in self.folder.iterdir():
            if item.is_dir():
                shutil.rmtree(item)
            else:
                item.unlink()
