"""Files: outputs written atomically (archives as partner portals publish them: core/archives.py)."""

from __future__ import annotations

import os
import traceback
import uuid
from contextlib import contextmanager
from pathlib import Path


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
