"""The installable zip, and the plugin in a real QGIS window under Xvfb (screenshots as artefacts)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, make_profile, qgis_env

pytestmark = pytest.mark.subprocess_qgis


def test_zip_holds_the_plugin_and_nothing_else(package_zip):
    from territoire_plugin.toolbelt.resources import plugin_version

    assert package_zip.name == f"territoire_plugin-{plugin_version()}.zip"
    names = zipfile.ZipFile(package_zip).namelist()
    assert all(n.startswith("territoire_plugin/") for n in names)
    for required in ("__init__.py", "plugin.py", "metadata.txt", "LICENSE", "processing/heat/landsat_lst.py",
                     "core/grid.py", "qgis_io/styles.py", "analysis/landsat/lst.py", "resources/styles/lst_celsius.qml",
                     "resources/icons/territoire.svg", "i18n/territoire_fr.qm"):
        assert f"territoire_plugin/{required}" in names, required
    assert any(n.startswith("territoire_plugin/resources/sample/") and n.endswith("_ST_B10.TIF") for n in names)
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts")) or "/tests/" in n]
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "territoire_plugin").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert {f"territoire_plugin/{n.split('/', 1)[1]}" for n in names if n.endswith(".py")} == sources


def test_qgis_plugin_ci_packages_the_same_plugin(package_zip, tmp_path):
    """qgis-plugin-ci (the QGIS plugin repository's usual packager) makes the plugin's zip from a clone of the
    committed tree, with the compiled translations and the generated sample as assets: the same files as
    ``make package`` (which adds README and CHANGELOG), and a changelog read from CHANGELOG.md."""
    import configparser

    tool = shutil.which("qgis-plugin-ci", path=str(Path(sys.executable).parent))
    if not (ROOT / ".git").exists() or tool is None:
        pytest.skip("qgis-plugin-ci packages from git: needs the git checkout and the venv's qgis-plugin-ci")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    shutil.copytree(ROOT / "territoire_plugin" / "resources" / "sample", clone / "territoire_plugin" / "resources"
                    / "sample")
    for qm in (ROOT / "territoire_plugin" / "i18n").glob("*.qm"):
        shutil.copy2(qm, clone / "territoire_plugin" / "i18n" / qm.name)
    version = configparser.ConfigParser(interpolation=None)
    version.read(ROOT / "territoire_plugin" / "metadata.txt", encoding="utf-8")
    number = version["general"]["version"]
    run = subprocess.run([tool, "package", number, "--disable-submodule-update",
                          "--asset-path", "territoire_plugin/i18n/territoire_fr.qm",
                          "--asset-path", "territoire_plugin/resources/sample"],
                         cwd=clone, capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"})
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    made = clone / f"territoire_plugin.{number}.zip"
    theirs = set(zipfile.ZipFile(made).namelist()) - {n for n in zipfile.ZipFile(made).namelist() if n.endswith("/")}
    ours = set(zipfile.ZipFile(package_zip).namelist()) - {"territoire_plugin/README.md",
                                                          "territoire_plugin/CHANGELOG.md"}
    assert theirs == ours, (sorted(theirs - ours)[:10], sorted(ours - theirs)[:10])
    metadata = zipfile.ZipFile(made).read("territoire_plugin/metadata.txt").decode("utf-8")
    assert f"Version {number}:" in metadata
    released = CHANGELOG_RELEASE.search((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert released and released.group(1).strip().splitlines()[0].strip() in metadata


CHANGELOG_RELEASE = re.compile(r"^## \[\d+\.\d+\.\d+\] - [\d-]+\n+(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def test_the_packaged_metadata_carries_the_changelog_of_the_last_releases(package_zip):
    """The plugin manager shows metadata.txt's changelog: written from CHANGELOG.md's release sections."""
    import configparser
    import re

    packaged = configparser.ConfigParser(interpolation=None)
    packaged.read_string(zipfile.ZipFile(package_zip).read("territoire_plugin/metadata.txt").decode("utf-8"))
    general = packaged["general"]
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$",
                          (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert releases and releases[0][0] == general["version"]  # the packaged version is the newest release
    lines = general["changelog"].strip().splitlines()
    assert [line for line in lines if not line.startswith("- ")] == [f"{v} ({d})" for v, d in releases[:3]]
    assert len(lines) > 2 * len(releases[:3]) and all(len(line) <= 120 for line in lines)
    assert general["experimental"] == "False" and "îlot de chaleur" in general["tags"]
    assert general["icon"] == "resources/icons/territoire.svg"
    assert "territoire_plugin/resources/icons/territoire.svg" in zipfile.ZipFile(package_zip).namelist()
    # English and French kept apart: no French sentence in the English description, and the other way round.
    assert " : " not in general["description"] and "Données" not in general["description"]
    assert "Space" not in general["description[fr]"] and general["about[fr]"] != general["about"]


def test_zip_is_reproducible(package_zip, tmp_path):
    from conftest import build_zip

    again = build_zip(tmp_path)
    assert again.read_bytes() == package_zip.read_bytes()


def test_real_qgis_window_with_the_installed_plugin(tmp_path, package_zip, sample_product, artifacts):
    """Install the zip in a fresh profile, start QGIS under Xvfb, drive the plugin (the diagnostic panel
    against the sample town's local services too), screenshot it."""
    from territoire_plugin.diagnostic.workflow import default_last_summer
    from testing import sample_town

    last = default_last_summer()
    server, town_env, built = sample_town.serve(tmp_path / "town", ROOT / "territoire_plugin" / "resources" / "sample",
                                                [last - 2, last - 1, last])
    profiles = make_profile(tmp_path / "gui", package_zip, "[locale]\noverrideFlag=true\nuserLocale=fr_FR\n")
    report = tmp_path / "report.json"
    shots = artifacts
    for old in ("gui_toolbar.png", "gui_lst_map.png", "gui_algorithm_dialog.png", "gui_lst.tif", "gui_lst.qml"):
        (shots / old).unlink(missing_ok=True)
    env = qgis_env(profiles)
    env.pop("QT_QPA_PLATFORM")  # a real X window this time
    env.update({"TERRITOIRE_GUI_REPORT": str(report), "TERRITOIRE_GUI_SHOTS": str(shots),
                "TERRITOIRE_GUI_SAMPLE": str(sample_product), "TERRITOIRE_GUI_EGMS": str(built["egms"]),
                "TERRITOIRE_GUI_LAST_SUMMER": str(last), **town_env})
    shutil.rmtree(shots / "gui_diagnostic", ignore_errors=True)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", "qgis", "--profiles-path", str(profiles),
               "--nologo", "--noversioncheck", "--code", str(Path(__file__).with_name("gui_session.py"))]
    try:
        completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=420)
    finally:
        server.close()
    assert report.exists(), f"QGIS did not run the session script:\n{completed.stdout}\n{completed.stderr}"
    result = json.loads(report.read_text())
    assert result["ok"], result.get("error")
    # QGIS quit cleanly: no crash at exit (plugin, layers, tasks and threads all released).
    assert completed.returncode == 0, f"QGIS exit code {completed.returncode}\n{completed.stderr[-3000:]}"

    start = result["start"]
    assert start == {"toolbars": 1, "toolbar_visible": True, "menu_actions": 5, "provider": True, "active": True,
                     "toolbar_actions": ["TerritoireDiagnostic", "TerritoireLandsatLst", "TerritoireSeries",
                                         "TerritoireOptions", "TerritoireHelp"]}
    assert "Température de surface (Landsat)" in result["algorithm_dialog"]["title"]
    assert result["options_dialog"] == {"page_found": True, "page_visible": True}
    assert result["loaded"] == [{"name": "Température de surface (°C)", "renderer": "singlebandpseudocolor"}]
    diagnostic = result["diagnostic"]
    assert diagnostic["visible"] and diagnostic["checked"]
    assert "Olemps (12, INSEE 12174)" in diagnostic["suggestions"]
    assert diagnostic["failed_outcome"] == [False]  # French QGIS: the reason, in French, in the panel
    assert diagnostic["failed_step"].startswith("Le diagnostic a échoué\u00a0: ") and "Zzyzx-sur-Mer" in \
        diagnostic["failed_step"] and "code INSEE" in diagnostic["failed_step"], diagnostic["failed_step"]
    assert diagnostic["running_step"] and diagnostic["running_step"] != "Terminé."
    assert diagnostic["outcome"] == [True], diagnostic
    assert diagnostic["step"] == "Terminé."
    assert diagnostic["groups"] == ["Territoire — Olemps", "Fond de plan"]
    assert diagnostic["canvas_colours"] > 30
    assert (shots / "gui_diagnostic" / "12174_olemps" / "rapport_12174.pdf").exists()
    view3d = diagnostic["view3d"]  # the panel's « Vue 3D »: image made and linked, project opened with its view
    assert view3d["image"] and view3d["linked"] and view3d["canvases"], view3d
    assert view3d["step"] == "Vue 3D prête." and view3d["answered"], view3d
    assert result["canvas_colours"] > 30, "the map canvas shows no temperature ramp"
    for step in result["steps"]:
        if "after_unload" in step:
            after = step["after_unload"]
            assert (after["toolbars"], after["menu_actions"], after["provider"]) == (0, 0, False)
        else:
            assert step["after_reload"]["toolbars"] == 1 and step["after_reload"]["provider"]
    for shot in ("gui_toolbar.png", "gui_lst_map.png", "gui_algorithm_dialog.png", "gui_panel_running.png",
                 "gui_panel_failed.png", "gui_view3d.png", "gui_view3d_screen.png",
                 "gui_panel_done.png", "gui_diagnostic_map.png"):
        image = shots / shot
        assert image.stat().st_size > 20_000, shot
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(shots / "gui_toolbar.png"))
    assert image.width() >= 1000 and image.height() >= 700
