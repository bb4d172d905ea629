"""Files downloaded in Range chunks: resumable across runs, verified, and never spliced from two versions.

The first answer's validator (a strong ETag, else Last-Modified) is pinned for the whole download and kept beside
the ``.part`` file, so a later run resumes only the same file: every further chunk's answer must carry the same
validator, else the part is dropped and the download starts again. A part
left without a validator (by an older version) is not trusted and starts again.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import QT_TRANSLATE_NOOP, service_error
from ..toolbelt.log import log_tr
from .cache import digest_of
from .response import redact as _redact

#: Times a download restarts because the file changed under it before it gives up.
MAX_RESTARTS = 2


def _validator(headers: dict) -> str | None:
    tag = headers.get("etag", "")
    if tag and not tag.startswith("W/"):  # a weak ETag may stay the same when the bytes change
        return tag
    return headers.get("last-modified") or None


def download(client, url: str, destination: Path, *, checksum: tuple | None = None, chunk_bytes: int = 8 << 20,
             progress=None, missing=()) -> Path | None:
    """Download ``url`` to ``destination`` in Range chunks, resuming a previous ``.part`` file.

    ``missing``: statuses by which this service says "no such file" (EGMS: 502); they return None, untried
    again, instead of failing.

    Verified (size, and ``checksum`` when given: (algorithm, hex digest) as data.gouv.fr publishes it, e.g.
    ("sha1", …) or ("sha256", …)) before it is moved into place. Returns at once, with no request, when
    ``destination`` already exists (and matches the checksum).
    """
    destination = Path(destination)
    algorithm, expected = checksum or (None, None)

    def matches(path: Path) -> bool:
        return expected is None or digest_of(path, algorithm) == str(expected).lower()

    if destination.exists() and matches(destination):
        client.stats.from_cache += 1
        return destination
    destination.parent.mkdir(parents=True, exist_ok=True)
    part = destination.with_name(destination.name + ".part")
    pin_file = destination.with_name(destination.name + ".part.validator")
    pinned = pin_file.read_text(encoding="utf-8").strip() if pin_file.exists() else None
    if part.exists() and not pinned:
        part.unlink()  # whose bytes these are cannot be told
    offset = part.stat().st_size if part.exists() else 0
    total, restarts = None, 0
    while total is None or offset < total:
        # No If-Range: QGIS 3.40 aborts an answer of 200 to a Range request (seen in the trixie chroot), which is
        # what If-Range gives for a changed file. The validator of each 206 answer is compared instead.
        headers = {"Range": f"bytes={offset}-{offset + chunk_bytes - 1}"}
        response = client.request("GET", url, headers=headers, ok_status=(200, 206, 416, *missing))
        if response.status in missing:
            log_tr(QT_TRANSLATE_NOOP(
                "TerritoireLog", "{0}: no such file at {1} (HTTP {2})."), client.service, _redact(url), response.status)
            return None
        if response.status == 416:  # nothing left past what we have
            total = offset
            break
        validator = _validator(response.headers)
        if response.status == 200:  # the server ignores Range: the whole file came at once
            part.write_bytes(response.content)
            offset = total = len(response.content)
            break
        if offset and pinned not in (None, "-") and validator and validator != pinned:
            # The file changed: what came is the rest of another file.
            restarts += 1
            if restarts > MAX_RESTARTS:
                raise service_error("download_changing", QT_TRANSLATE_NOOP(
                    "AnalysisError", "The file at {url} changed {count} times during its download. Try again "
                    "later, when the service has finished updating it."), url=_redact(url), count=restarts)
            log_tr(QT_TRANSLATE_NOOP(
                "TerritoireLog", "{0}: {1} changed during the download; it starts again."), client.service,
                _redact(url))
            part.unlink(missing_ok=True)
            offset, total, pinned = 0, None, None
            continue
        match = re.match(r"bytes (\d+)-(\d+)/(\d+|\*)", response.headers.get("content-range", ""))
        if not match or int(match.group(1)) != offset:
            raise service_error(
                "service_bad_range",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "{service} answered a partial download with an unexpected range ({range}). Delete "
                    "{part} and try again."
                ),
                service=client.service, range=response.headers.get("content-range", "none"), part=part,
            )
        if pinned is None and validator:
            pinned = validator
            pin_file.write_text(validator, encoding="utf-8")
        elif pinned is None:
            pin_file.write_text("-", encoding="utf-8")  # no validator offered: resume on the size alone
            pinned = "-"
        with open(part, "ab") as handle:
            handle.write(response.content)
        offset += len(response.content)
        total = int(match.group(3)) if match.group(3) != "*" else None
        if total is None and len(response.content) < chunk_bytes:
            total = offset
        if progress is not None and total:
            progress(100.0 * offset / total)
    if part.stat().st_size != total:
        raise service_error(
            "download_incomplete",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The download of {url} stopped at {got} of {total} bytes. Run again: it resumes where it "
                "stopped."
            ),
            url=_redact(url), got=part.stat().st_size, total=total,
        )
    if not matches(part):
        part.unlink()
        pin_file.unlink(missing_ok=True)
        raise service_error(
            "download_checksum",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The file downloaded from {url} does not match its published checksum: it was damaged on "
                "the way and has been deleted. Run again."
            ),
            url=_redact(url),
        )
    part.replace(destination)
    pin_file.unlink(missing_ok=True)
    return destination
