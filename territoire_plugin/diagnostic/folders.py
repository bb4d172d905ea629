"""The diagnostic's folders: a hidden work folder per run, stale ones cleaned, results published by one rename.

A run works in ``<folder>/.territoire-<id>.partial`` (its owner — host and process — written inside). Its four
deliverables are written in the ``result`` folder of it, which becomes ``<folder>/<INSEE>_<name>`` by one
rename: a kill at any moment leaves either the previous results or the new ones, never a mix. Replacing
earlier results, these first step aside (``.territoire-<name>.old``, one rename), the new ones take their
place (another), then the old ones go; files of the user's own in the earlier results folder are carried into
the new one first. A killed run leaves its work folder, and maybe an ``.old`` folder: the next run removes
work folders whose process is gone, puts an ``.old`` folder back when its results folder is missing, and
otherwise keeps from it only the user's own files.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import uuid
from pathlib import Path

OWNER = "owner.json"
RESULT = "result"
#: The work folders of runs going on in this process (two diagnostics may run at once in QGIS's tasks).
ACTIVE: set = set()


def claim_work_folder(folder: Path) -> Path:
    """A new hidden work folder in ``folder``, its owner recorded."""
    work = folder / f".territoire-{uuid.uuid4().hex[:8]}.partial"
    work.mkdir()
    (work / OWNER).write_text(json.dumps({"host": socket.gethostname(), "pid": os.getpid()}), encoding="utf-8")
    (work / RESULT).mkdir()
    ACTIVE.add(work)
    return work


def release_work_folder(work: Path) -> None:
    """The run is over: its work folder goes."""
    ACTIVE.discard(work)
    shutil.rmtree(work, ignore_errors=True)


def _alive(owner: Path) -> bool:
    try:
        record = json.loads(owner.read_text(encoding="utf-8"))
        host, pid = record["host"], int(record["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no readable owner: a folder of an older version, or cut while it was made
    if host != socket.gethostname():
        return True  # another machine's run (a shared folder): not ours to judge
    if pid == os.getpid():
        return owner.parent in ACTIVE  # this process: alive only if one of its runs is going on
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove what killed runs left in ``folder``; the paths removed or restored."""
    done = []
    if not folder.is_dir():
        return done
    for work in folder.glob(".territoire-*.partial"):
        if work.is_dir() and not _alive(work / OWNER):
            shutil.rmtree(work, ignore_errors=True)
            done.append(work)
    for old in folder.glob(".territoire-*.old"):
        final = folder / old.name[len(".territoire-"):-len(".old")]
        if not final.exists():
            old.replace(final)  # the new results never took its place: the earlier ones come back
        else:
            _carry_user_files(old, final)
            shutil.rmtree(old, ignore_errors=True)
        done.append(old)
    return done


def _carry_user_files(old: Path, new: Path) -> None:
    for item in old.iterdir():
        if not (new / item.name).exists():
            with contextlib.suppress(OSError):
                item.replace(new / item.name)


def publish(result: Path, final: Path) -> None:
    """Make ``result`` the folder ``final`` (replacing earlier results, whose other files are kept)."""
    if final.exists():
        old = final.with_name(f".territoire-{final.name}.old")
        if old.exists():
            shutil.rmtree(old)
        _carry_user_files(final, result)
        final.replace(old)
        result.replace(final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        result.replace(final)
