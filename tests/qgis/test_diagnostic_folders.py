"""The diagnostic's folders (diagnostic/folders.py): what a killed run leaves is cleaned by the next run, and
results are published by one rename — earlier results replaced whole, the user's own files kept."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from territoire_plugin.diagnostic.folders import RESULT, claim_work_folder, clean_stale, publish, release_work_folder


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def left_by_a_killed_run(folder: Path) -> Path:
    """A work folder as a run killed with SIGKILL leaves it: half the deliverables, its dead owner."""
    work = folder / ".territoire-0badc0de.partial"
    (work / RESULT).mkdir(parents=True)
    (work / RESULT / "territoire_12174.gpkg").write_bytes(b"half a GeoPackage")
    (work / "owner.json").write_text(json.dumps({"host": socket.gethostname(), "pid": dead_pid()}),
                                     encoding="utf-8")
    return work


def deliverables(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("territoire_12174.gpkg", "territoire_12174.qgz", "rapport_12174.pdf", "carte_12174.png"):
        (folder / name).write_text(text, encoding="utf-8")


def test_a_killed_run_s_work_folder_is_removed_a_live_one_kept(tmp_path):
    stale = left_by_a_killed_run(tmp_path)
    live = claim_work_folder(tmp_path)  # a run going on in this process
    other = tmp_path / ".territoire-cafe1234.partial"  # a run of another process still alive
    other.mkdir()
    (other / "owner.json").write_text(json.dumps({"host": socket.gethostname(), "pid": os.getppid()}),
                                      encoding="utf-8")
    assert clean_stale(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and other.exists()
    release_work_folder(live)
    assert not live.exists()


def test_results_are_published_whole_and_replace_earlier_ones_keeping_the_user_s_files(tmp_path):
    final = tmp_path / "12174_olemps"
    deliverables(final, "earlier")
    (final / "mes_notes.txt").write_text("à garder", encoding="utf-8")
    work = claim_work_folder(tmp_path)
    deliverables(work / RESULT, "new")
    publish(work / RESULT, final)
    release_work_folder(work)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["12174_olemps"]
    assert {p.name: p.read_text(encoding="utf-8") for p in final.iterdir()} == {
        "carte_12174.png": "new", "mes_notes.txt": "à garder", "rapport_12174.pdf": "new",
        "territoire_12174.gpkg": "new", "territoire_12174.qgz": "new"}


def test_a_kill_between_the_two_renames_is_undone_by_the_next_run(tmp_path):
    final = tmp_path / "12174_olemps"
    old = tmp_path / ".territoire-12174_olemps.old"
    deliverables(old, "earlier")  # killed after the earlier results stepped aside, before the new took place
    assert clean_stale(tmp_path) == [old]
    assert not old.exists() and (final / "rapport_12174.pdf").read_text(encoding="utf-8") == "earlier"
    deliverables(old, "earlier")  # killed after the new results took place, before the old ones went
    (old / "mes_notes.txt").write_text("à garder", encoding="utf-8")
    (final / "rapport_12174.pdf").write_text("new", encoding="utf-8")
    assert clean_stale(tmp_path) == [old]
    assert (final / "rapport_12174.pdf").read_text(encoding="utf-8") == "new"
    assert (final / "mes_notes.txt").read_text(encoding="utf-8") == "à garder" and not old.exists()
