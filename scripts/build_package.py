#!/usr/bin/env python3
"""Assemble the installable plugin: build/territoire_plugin/ and dist/territoire_plugin-<version>.zip.

The plugin folder is laid out as QGIS installs it (code, metadata.txt, resources/ with icons, styles and the
generated sample, i18n/ with the compiled translations), so the zip is a copy of it plus LICENSE, README.md and
CHANGELOG.md, with metadata.txt's changelog written from CHANGELOG.md. No tests, no caches, no .ts sources.
(`qgis-plugin-ci package` makes the same zip from git: see pyproject.toml and the Makefile's `package-ci`.)
Entries are sorted and time-stamped alike, so the same tree gives the same zip.
"""

from __future__ import annotations

import argparse
import configparser
import re
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "territoire_plugin"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej"}


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / PLUGIN / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def changelog(text: str, releases: int = 3) -> str:
    """The metadata's changelog from CHANGELOG.md (Keep a Changelog): the last ``releases`` released versions,
    each with the first sentence of its entries, one per line (what the QGIS plugin manager shows)."""
    lines, count = [], 0
    for block in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        head, _, body = block.partition("\n")
        found = re.match(r"\[(\d+\.\d+\.\d+)\]\s*-\s*(\d{4}-\d{2}-\d{2})", head)
        if not found:
            continue  # [Unreleased]
        count += 1
        if count > releases:
            break
        lines.append(f"{found.group(1)} ({found.group(2)})")
        for entry in re.split(r"^- ", body, flags=re.MULTILINE)[1:]:
            entry = " ".join(entry.split())
            entry = re.split(r"(?<=[.;:])\s", entry)[0].rstrip(".;:")
            lines.append(f"- {entry[:117] + '…' if len(entry) > 118 else entry}")
    return "\n".join(lines)


def metadata_text() -> str:
    """metadata.txt as packaged: its changelog replaced by the one written from CHANGELOG.md."""
    source = (ROOT / PLUGIN / "metadata.txt").read_text(encoding="utf-8")
    written = changelog((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    value = "\n".join("  " + line for line in written.splitlines())
    replaced, count = re.subn(r"^changelog=.*(?:\n[ \t]+.*)*$", lambda _m: "changelog=\n" + value, source,
                              flags=re.MULTILINE)
    if count != 1:
        raise SystemExit("metadata.txt needs one changelog= line")
    return replaced


def _copy_tree(source: Path, target: Path) -> None:
    for item in sorted(source.rglob("*")):
        relative = item.relative_to(source)
        if any(part in SKIP_DIRS for part in relative.parts) or item.suffix in SKIP_SUFFIXES:
            continue
        if item.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(item, target / relative)


def build(build_dir: Path, dist_dir: Path) -> Path:
    stage = build_dir / PLUGIN
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    if not sorted((ROOT / PLUGIN / "i18n").glob("*.qm")):
        raise SystemExit(f"no compiled translation in {PLUGIN}/i18n/: run `make translations` first")
    _copy_tree(ROOT / PLUGIN, stage)  # the .ts sources are left out (SKIP_SUFFIXES)
    for name in ("LICENSE", "README.md", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, stage / name)
    (stage / "metadata.txt").write_text(metadata_text(), encoding="utf-8")

    dist_dir.mkdir(parents=True, exist_ok=True)
    archive = dist_dir / f"{PLUGIN}-{version()}.zip"
    partial = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zipped:
        for item in sorted(stage.rglob("*")):
            if item.is_file():
                info = zipfile.ZipInfo(str(item.relative_to(build_dir)), FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zipped.writestr(info, item.read_bytes())
    partial.replace(archive)
    return archive


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    args = parser.parse_args(argv)
    archive = build(Path(args.build), Path(args.dist))
    print(f"plugin package: {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
