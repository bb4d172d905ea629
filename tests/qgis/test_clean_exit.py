"""A short headless QGIS session with the plugin ends with exit code 0 (no crash at exit), on every version."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SESSION = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsTask
    app = QgsApplication([], False)
    app.initQgis()
    from qgis import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    from territoire_plugin.plugin import TerritoirePlugin
    plugin = TerritoirePlugin(None)
    plugin.initProcessing()
    result = processing.run("territoire:landsat_lst", {{"INPUT": {product!r}, "OUTPUT": {output!r}}})
    layer = QgsRasterLayer(result["OUTPUT"], "lst", "gdal")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)  # a layer still in the project at exit
    task = QgsTask.fromFunction("short task", lambda task: 42)
    QgsApplication.taskManager().addTask(task)
    task.waitForFinished(10000)
    {unload}
    print("SESSION-DONE", flush=True)
    app.exitQgis()
""")


@pytest.mark.subprocess_qgis
@pytest.mark.parametrize("unload", [True, False], ids=["plugin-unloaded", "plugin-still-loaded"])
def test_a_short_qgis_session_exits_cleanly(tmp_path, sample_product, unload):
    """Start QGIS, register the plugin, run an algorithm, leave a layer in the project, run a task, exit: return
    code 0. Also when the plugin is still loaded at exit (as a script that forgets to unload it)."""
    script = tmp_path / "session.py"
    script.write_text(SESSION.format(root=str(ROOT), product=str(sample_product), output=str(tmp_path / "l.tif"),
                                     unload="plugin.unload()" if unload else "pass"), encoding="utf-8")
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": "/usr/share/qgis/python/plugins",
           "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path / "run"), "PATH": "/usr/bin:/bin",
           "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile")}
    run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert "SESSION-DONE" in run.stdout, run.stderr[-3000:]
    assert run.returncode == 0, f"exit code {run.returncode}\n{run.stderr[-3000:]}"
