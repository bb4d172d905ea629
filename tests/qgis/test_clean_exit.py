"""A short headless QGIS session with the plugin ends with exit code 0 (no crash at exit), on every version."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SESSION = textwrap.dedent("""
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
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": f"/usr/share/qgis/python/plugins:{ROOT}",
           "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path / "run"), "PATH": "/usr/bin:/bin",
           "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile")}
    run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert "SESSION-DONE" in run.stdout, run.stderr[-3000:]
    assert run.returncode == 0, f"exit code {run.returncode}\n{run.stderr[-3000:]}"


FAILING_TEST = textwrap.dedent("""
    def write(path, name, wkts):
        from osgeo import ogr, osr

        lambert = osr.SpatialReference()
        lambert.ImportFromEPSG(2154)
        source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        layer = source.CreateLayer(name, lambert, ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn("velocity", ogr.OFTReal))
        for wkt in wkts:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            feature.SetField("velocity", -3.0)
            layer.CreateFeature(feature)
        return str(path)


    def test_fails_inside_an_algorithm(provider, tmp_path):
        from qgis import processing
        from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

        points = write(tmp_path / "p.gpkg", "p", [f"POINT ({700000 + i} 6400000)" for i in range(50)])
        assets = write(tmp_path / "a.gpkg", "a", ["POLYGON ((664000 6360000,664010 6360000,664010 6360010,"
                                                  "664000 6360000))"] * 3)
        layer = QgsVectorLayer(assets + "|layername=a", "a", "ogr")
        copy = layer.materialize(QgsFeatureRequest())  # layers held by the failed test's frame
        assert copy.featureCount() == 3

        def run(assets_input):
            context = QgsProcessingContext()
            return processing.run("territoire:ground_motion_assets", {
                "POINTS": points, "ASSETS": assets_input, "OUTPUT": "memory:"}, context=context,
                feedback=QgsProcessingFeedback())

        run(assets + "|layername=a|subset=fid > 0")  # the points lie 40 km away: the algorithm refuses
""")


@pytest.mark.subprocess_qgis
def test_a_test_failing_inside_an_algorithm_ends_the_run_with_exit_code_1(tmp_path):
    """pytest keeps a failure's traceback, and with it the layers and feature sources of the failed test and
    algorithm, which Python would delete after exitQgis: the run then ended in a segfault (exit code -11 here,
    139 through make; seen on 3.22, 3.40 and 3.44). The project's conftest releases them once the failure is
    reported: the run ends with pytest's own exit code 1 (checked: -11 without that hook)."""
    (tmp_path / "test_failing.py").write_text(FAILING_TEST, encoding="utf-8")
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}", "HOME": str(tmp_path),
           "XDG_RUNTIME_DIR": str(tmp_path / "run"), "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
                          "--rootdir", str(tmp_path), "-c", "/dev/null", str(tmp_path / "test_failing.py")],
                         env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert "1 failed" in run.stdout, run.stdout[-3000:] + run.stderr[-3000:]
    assert "No ground-motion point lies within 5 km" in run.stdout  # the report still tells why
    assert run.returncode == 1, f"exit code {run.returncode}\n{run.stderr[-3000:]}"
