"""Files: outputs written atomically; files downloaded from partner portals (CSV, zipped CSV) read safely."""

from __future__ import annotations

import io
import os
import re
import traceback
import uuid
import zipfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import QT_TRANSLATE_NOOP, AnalysisError


def unsafe_entry(name: str) -> bool:
    """True for a zip entry whose path would leave the folder it is extracted to."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or ".." in parts or bool(re.match(r"^[A-Za-z]:", name))


def refuse_unsafe_entries(path: Path, names, what: str) -> None:
    """Raise if any zip entry of ``names`` would leave the folder it is extracted to."""
    for name in names:
        if unsafe_entry(name):
            raise AnalysisError("zip_unsafe", QT_TRANSLATE_NOOP(
                "AnalysisError", "The zip {name} holds an entry with an unsafe path ({entry}): it is refused. "
                "Download the file again from the {what} portal."), name=path.name, entry=name, what=what)


def csv_sources(path: Path, what: str):
    """(name, text stream) of each CSV in ``path`` (a CSV, or a zip of CSVs read in memory).

    ``what`` names the expected product in the errors ("EGMS", "INSEE Filosofi"…).
    """
    if path.suffix.lower() == ".csv":
        yield path.name, open(path, encoding="utf-8-sig", newline="")
        return
    if not zipfile.is_zipfile(path):
        raise AnalysisError("file_not_csv_zip", QT_TRANSLATE_NOOP(
            "AnalysisError", "{name} is neither a CSV nor a zip file. Give the {what} file as downloaded."),
            name=path.name, what=what)
    with zipfile.ZipFile(path) as archive:
        entries = [info for info in archive.infolist() if not info.is_dir()]
        refuse_unsafe_entries(path, [info.filename for info in entries], what)
        csv_entries = [info for info in entries if info.filename.lower().endswith(".csv")]
        if not csv_entries:
            raise AnalysisError("zip_no_csv", QT_TRANSLATE_NOOP(
                "AnalysisError", "The zip {name} holds no CSV file. Give the {what} file as downloaded."),
                name=path.name, what=what)
        for info in csv_entries:
            with archive.open(info) as raw:
                yield info.filename, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


@contextmanager
def atomic_output(path: str | Path):
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    On any error or cancel the temporary file (and GDAL side files) is removed and
    ``path`` is left exactly as it was.
    """
    path = Path(path)
    # A unique name the writer creates itself, so the file gets the user's normal permissions.
    temporary = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:12]}.part{path.suffix}")
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException as exc:
        # Frames of the failed work may still hold the open dataset; Windows cannot delete an open file.
        traceback.clear_frames(exc.__traceback__)
        for leftover in (temporary, Path(str(temporary) + ".aux.xml"), Path(str(temporary) + ".ovr")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass
        raise
