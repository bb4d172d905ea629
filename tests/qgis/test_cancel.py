"""Every algorithm of the provider, cancelled before it starts and at its first progress step: the run ends
without a Python traceback (none shown to the user, none raised), and a cancelled run leaves no file."""

from pathlib import Path

import algorithm_inputs
import pytest
from algorithm_inputs import ALGORITHMS, parameters

inputs = algorithm_inputs.inputs  # the module's fixture


def make_feedback(when: str):
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        """Cancels before the run or at its first progress step; keeps what the user would read."""

        def __init__(self):
            super().__init__()
            self.shown = []
            if when == "before":
                self.cancel()
            elif when == "during":
                self.progressChanged.connect(lambda value: value > 0 and self.cancel())

        def reportError(self, error, fatalError=False):  # noqa: N802, N803 - Qt API
            self.shown.append(error)

        def pushInfo(self, info):  # noqa: N802 - Qt API
            self.shown.append(info)

    return Feedback()


def test_every_algorithm_is_listed():
    from conftest import register_provider
    from qgis.core import QgsApplication

    register_provider()
    ids = sorted(a.name() for a in QgsApplication.processingRegistry().providerById("territoire").algorithms())
    assert ids == sorted(ALGORITHMS)


@pytest.mark.parametrize("when", ["before", "during"])
@pytest.mark.parametrize("name", ALGORITHMS)
def test_a_cancelled_run_ends_cleanly_and_leaves_no_file(provider, inputs, tmp_path, name, when):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

    out = tmp_path / "out"
    out.mkdir()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"territoire:{name}")
    feedback = make_feedback(when)
    context = QgsProcessingContext()
    try:
        results, ok = algorithm.run(parameters(name, inputs, out), context, feedback)
    except QgsProcessingException as error:  # a clear refusal is fine: never a Python traceback
        results, ok = {}, False
        feedback.shown.append(str(error))
    shown = "\n".join(feedback.shown)
    assert "Traceback" not in shown and 'File "' not in shown, shown
    if not ok or not results or feedback.isCanceled():
        if not any(str(value).startswith(str(out)) for value in results.values()):
            left = sorted(p for p in out.rglob("*") if p.is_file())
            if name in RESUMABLE:  # what was finished stays, whole; nothing half-written
                assert not [p for p in left if any(m in p.name for m in (".part", ".tmp", ".territoire-"))], left
                for path in left:
                    if path.suffix.upper() == ".TIF":
                        assert_whole_raster(path)
            else:
                assert left == [], (name, when, left, shown)


#: Downloads into a folder, one file at a time: a cancel keeps the files already finished (a later run
#: resumes from them), never a partial one.
RESUMABLE = {"download_landsat", "download_sentinel2", "download_egms"}


def assert_whole_raster(path: Path) -> None:
    from osgeo import gdal

    gdal.UseExceptions()
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    band.ReadAsArray(0, dataset.RasterYSize - 1, dataset.RasterXSize, 1)  # the last row: the file is whole
    assert band.Checksum() >= 0


@pytest.mark.parametrize("raised, expected", [
    (OSError(28, "No space left on device", "/tmp/x.gpkg"), "A file could not be read or written"),
    (RuntimeError("ERROR 4: x.tif: No such file"), "GDAL or QGIS could not complete the work"),
    (AttributeError("x.tif: No such file"), "Territoire stopped on an unexpected error"),
])
def test_an_unexpected_failure_becomes_a_clear_message(qgis_app, qgis_processing, raised, expected):
    """The one wrapper of every algorithm's processAlgorithm: a file or GDAL failure is a clear message with
    its detail, never a traceback; a cancel raised from inside ends the run with nothing."""
    from qgis.core import QgsProcessingContext

    from territoire_plugin.core.errors import Cancelled
    from territoire_plugin.processing.base import TerritoireAlgorithm

    class Failing(TerritoireAlgorithm):
        def name(self):
            return "failing"

        def displayName(self):  # noqa: N802 - QGIS API
            return "failing"

        def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
            pass

        def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
            raise self.error

    algorithm = Failing()
    Failing.error = raised  # run() works on a new instance (createInstance)
    algorithm.initAlgorithm()
    feedback = make_feedback("never")
    results, ok = algorithm.run({}, QgsProcessingContext(), feedback)
    shown = "\n".join(feedback.shown)
    assert not ok and expected in shown, shown
    assert ("No space left on device" if isinstance(raised, OSError) else "x.tif: No such file") in shown
    assert "Traceback" not in shown
    Failing.error = Cancelled()
    feedback = make_feedback("never")
    assert algorithm.run({}, QgsProcessingContext(), feedback) == ({}, True)
    assert "Cancelled: nothing was written." in feedback.shown
