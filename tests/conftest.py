"""Shared fixtures. pytest-qgis starts one offscreen QgsApplication for the session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testing import sample_data  # the checkout is on sys.path (pyproject.toml: pythonpath)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
ARTIFACTS = ROOT / "test_artifacts"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def pytest_report_header(config):
    """The versions under test, first line of every run (the version matrix reads the QGIS one)."""
    try:
        from osgeo import gdal
        from qgis.core import Qgis
        from qgis.PyQt.QtCore import PYQT_VERSION_STR, QT_VERSION_STR
    except ImportError:  # the unit run needs no QGIS
        return None
    return (f"QGIS {Qgis.QGIS_VERSION}, Qt {QT_VERSION_STR}, PyQt {PYQT_VERSION_STR}, GDAL {gdal.__version__}, "
            f"Python {sys.version.split()[0]}")


def shared(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test saying what is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference data absent: {path} (../shared/data is not beside the checkout)")
    return path


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory) -> Path:
    """A fresh copy of the sample made by the project's generator (not the bundled one)."""
    root = tmp_path_factory.mktemp("sample")
    sample_data.generate(root)
    return root


@pytest.fixture(scope="session")
def sample_product(sample_root) -> Path:
    return sample_root / sample_data.PRODUCT_ID


#: The summers the sample town's STAC API has a Landsat scene for.
TOWN_YEARS = [2024, 2025, 2026]


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The sample town's services on 127.0.0.1 (testing/sample_town.py), the plugin pointed at them for the
    module: {"server", "env", and what sample_town.build wrote}."""
    from testing import sample_town

    server, env, built = sample_town.serve(tmp_path_factory.mktemp("town"), ROOT / "territoire_plugin" / "resources" / "sample",
                                           TOWN_YEARS)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    yield {**built, "server": server, "env": env}
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    server.close()


_PLUGINS: list = []


@pytest.fixture(scope="session", autouse=True)
def release_qgis_objects_before_exit(request):
    """Before pytest-qgis calls exitQgis: the plugins :func:`register_provider` started are unloaded, and the
    last failure pytest keeps for post-mortem debugging (``sys.last_traceback``) is dropped. (QGIS's session
    is set up first, so that it is torn down after; the unit run has none.)"""
    if request.config.pluginmanager.has_plugin("pytest_qgis"):
        request.getfixturevalue("qgis_app")
    yield
    unload_plugins()
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            delattr(sys, name)
    import gc

    gc.collect()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Once a failure is reported, the local variables of its frames are released: pytest keeps the failure's
    traceback, and with it every layer and feature source the failed test or algorithm held. Deleted by
    Python after exitQgis, an OGR layer crashes the interpreter (exit code 139 on QGIS 3.40 and 3.44 after any
    failing test: QgsOgrProviderUtils::release on a closed GDAL). Kept under --pdb, which shows them."""
    report = yield
    if call.excinfo is not None and not item.config.getoption("usepdb", False):
        release_frames(call.excinfo.value)
    return report


def release_frames(error: BaseException) -> None:
    """Clear the local variables of every finished frame of ``error``'s traceback and of the exceptions it
    was raised from or during (an algorithm's own error comes back from C++ as the context of Processing's)."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        tb = error.__traceback__
        while tb is not None:
            frame = tb.tb_frame
            try:
                frame.clear()
            except RuntimeError:  # a frame still running (pytest's own): left as it is
                pass
            else:
                frame.f_locals  # noqa: B018 - Python ≤ 3.12: syncs the cached locals dict (emptied) with the frame
            tb = tb.tb_next
        error = error.__cause__ or error.__context__


def unload_plugins():
    """Unload the plugins :func:`register_provider` started: their provider leaves the registry (a test that
    needs the registry without it calls this; the next ``provider`` fixture registers it again)."""
    while _PLUGINS:
        _PLUGINS.pop().unload()


def register_provider():
    """The Territoire provider, registered the way the plugin does it (again if a test removed it)."""
    from qgis.core import QgsApplication

    from territoire_plugin.plugin import TerritoirePlugin

    registry = QgsApplication.processingRegistry()
    if registry.providerById("territoire") is None:
        plugin = TerritoirePlugin(None)
        plugin.initProcessing()
        _PLUGINS.append(plugin)  # the plugin object owns the provider: keep it alive
    return registry.providerById("territoire")


@pytest.fixture(scope="session")
def layer_tree_view(qgis_app, qgis_iface):
    """A real layer tree view of the project behind pytest-qgis's iface, which answers every call it does not
    implement with a MagicMock: since QGIS 3.44, Processing hands ``iface.layerTreeView()`` to C++
    (QgsProcessingGuiUtils.addResultLayers) when it loads results, and C++ takes no mock."""
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    qgis_iface.layerTreeView = lambda: view
    yield view
    del qgis_iface.layerTreeView
    view.setModel(None)
    view.deleteLater()


@pytest.fixture
def provider(qgis_app, qgis_processing, layer_tree_view):
    return register_provider()


@pytest.fixture(scope="session")
def package_zip(tmp_path_factory) -> Path:
    """The installable zip, built by the project's own packaging script."""
    work = tmp_path_factory.mktemp("package")
    if not list((ROOT / "territoire_plugin" / "i18n").glob("*.qm")):
        for ts in (ROOT / "territoire_plugin" / "i18n").glob("*.ts"):
            subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return build_zip(work)


def build_zip(work: Path) -> Path:
    """Run the project's packaging script (scripts/build_package.py) as ``make package`` does; the zip it made."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_package.py"), "--build", str(work / "build"),
                    "--dist", str(work / "dist")], check=True, capture_output=True, cwd=ROOT)
    (archive,) = (work / "dist").glob("*.zip")
    return archive


def make_profile(root: Path, package: Path, settings: str = "") -> Path:
    """A fresh QGIS profiles folder with the zip installed in profiles/default and the plugin enabled."""
    import zipfile

    profile = root / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package) as zipped:
        zipped.extractall(plugins)
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text("[PythonPlugins]\nterritoire_plugin=true\n" + settings)
    return root


def qgis_env(profiles_root: Path) -> dict:
    env = dict(os.environ)
    env.update({"QGIS_CUSTOM_CONFIG_PATH": str(profiles_root), "QT_QPA_PLATFORM": "offscreen"})
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")  # noqa: S108
    return env


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def copy_product(source: Path, target: Path, names=None) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if names is None or any(n in item.name for n in names):
            shutil.copy2(item, target / item.name)
    return target


def write_raster(path: Path, array, geotransform=(500000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0), epsg=32631,
                 nodata=None, tiled=True) -> Path:
    """Write ``array`` as a single-band GeoTIFF (tests' own inputs), with the sample generator's writer."""
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return sample_data.write_band(path, array, geotransform, srs, nodata,
                                  ["TILED=YES", "COMPRESS=DEFLATE"] if tiled else [])


def read_array(path: Path):
    """Read band 1 with rasterio: an independent reader, not the plugin's GDAL code."""
    import rasterio

    with rasterio.open(path) as dataset:
        return dataset.read(1), dataset.transform, dataset.nodata, dataset.tags()


@pytest.fixture
def server():
    """A local HTTP server on 127.0.0.1 (testing/local_server.py), no route yet."""
    from testing.local_server import LocalServer

    local = LocalServer()
    yield local
    local.close()


@pytest.fixture
def client_factory(qgis_app, tmp_path):
    """Makes the plugin's HttpClient for a test service: short backoff, a cache folder of the test's own."""
    from territoire_plugin.sources.cache import Cache
    from territoire_plugin.sources.network import HttpClient

    def make(**kwargs):
        kwargs.setdefault("backoff_s", 0.05)
        kwargs.setdefault("cache", Cache(tmp_path / "cache"))
        return HttpClient("Test service", **kwargs)

    return make


@pytest.fixture
def partner_server(monkeypatch, tmp_path, provider):
    """A local server with API Géo on it, the plugin pointed at it, and a fresh cache folder."""
    from qgis.core import QgsSettings

    from testing.fake_services import install_api_geo
    from testing.local_server import LocalServer

    server = LocalServer()
    monkeypatch.setenv("TERRITOIRE_API_GEO_URL", install_api_geo(server))
    QgsSettings().setValue("territoire/cache_dir", str(tmp_path / "cache"))
    yield server
    QgsSettings().remove("territoire/cache_dir")
    server.close()


@pytest.fixture
def geoplateforme(monkeypatch, tmp_path, qgis_app):
    """The Géoplateforme WMTS and reverse geocoder drawn from the Olemps extract (testing/fake_basemap.py), the
    plugin pointed at them, a fresh cache."""
    from qgis.core import QgsSettings

    from testing import fake_basemap, olemps
    from testing.local_server import LocalServer

    server = LocalServer()
    monkeypatch.setenv("TERRITOIRE_IGN_WMTS_URL", fake_basemap.install_wmts(server))
    monkeypatch.setenv("TERRITOIRE_GEOCODING_URL",
                       fake_basemap.install_geocoding(server, olemps.features("troncon_de_route")))
    QgsSettings().setValue("territoire/cache_dir", str(tmp_path / "cache"))
    yield server
    QgsSettings().remove("territoire/cache_dir")
    server.close()


def corridor_ndvi(folder: Path) -> tuple[Path, Path]:
    """NDVI before (b.tif) and after (a.tif) along an east–west road at y = 6 360 500 (EPSG:2154, 10 m pixels):
    a slope failure beside it, 1000–1400 m from its start (x = 664 000), NDVI 0.7 → 0.1."""
    import numpy as np

    gt = (664000.0, 10.0, 0.0, 6361000.0, 0.0, -10.0)
    before = np.full((100, 300), 0.7, np.float32)
    after = before.copy()
    after[40:60, 100:140] = 0.1
    return (write_raster(folder / "b.tif", before, gt, epsg=2154, nodata=-9999),
            write_raster(folder / "a.tif", after, gt, epsg=2154, nodata=-9999))
