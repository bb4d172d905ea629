"""What every Territoire algorithm shares: translation, icon, instance creation, the one error wrapper; the bases
of the three toolbox groups (partner data, urban overheating, infrastructure monitoring)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsGeometry,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..qgis_io.areas import LAMBERT93, commune_outline
from ..toolbelt.i18n import error_text
from ..toolbelt.resources import icon_path


def guarded(process):
    """The one wrapper of every Territoire ``processAlgorithm`` (applied by :class:`TerritoireAlgorithm` to
    each subclass's own): an existing output file is refused unless REPLACE is ticked (outputs.py), a failed or
    cancelled run removes the output files it created, a cancel ends the run cleanly (no traceback), an
    :class:`AnalysisError` becomes its translated message, a file or GDAL failure a clear
    translated message, and so does any other error (a bug): the technical detail goes to the log. No Python
    traceback reaches the user."""
    import functools

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        from ..qgis_io.outputs import output_files, refuse_existing, refuse_unwritable, remove_created, snapshot

        parameters = dict(parameters)
        files = output_files(self, parameters, context)
        refuse_unwritable(files)
        refuse_existing(self, parameters, context, files)
        before = snapshot(files)
        finished = False
        try:
            result = translated_errors(process, self, parameters, context, feedback)
            finished = bool(result) or feedback is None or not feedback.isCanceled()
            return result
        finally:
            if not finished:  # failed or cancelled: the output files it created go
                remove_created(files, before)

    run.territoire_guarded = True
    return run


def translated_errors(process, self, parameters, context, feedback):
    """``process`` run, its errors turned into the messages :func:`guarded` promises."""
    import traceback

    from ..core.errors import AnalysisError, Cancelled

    try:
        try:
            return process(self, parameters, context, feedback)
        except BaseException as error:  # the failed frames release their sinks and datasets before cleanup
            traceback.clear_frames(error.__traceback__)
            raise
    except QgsProcessingException:  # already the message the user reads
        raise
    except Cancelled:
        feedback.pushInfo(QCoreApplication.translate("TerritoireAlgorithm", "Cancelled: nothing was written."))
        return {}
    except AnalysisError as error:
        raise processing_error(error) from error
    except OSError as error:
        raise failure(error, QCoreApplication.translate(
            "TerritoireAlgorithm", "A file could not be read or written ({0}). Check that the folder exists, "
            "that you may write in it and that the disk is not full, then run again.")) from error
    except RuntimeError as error:  # GDAL/OGR with exceptions on, or a QGIS call that failed
        raise failure(error, QCoreApplication.translate(
            "TerritoireAlgorithm", "GDAL or QGIS could not complete the work ({0}). Check the input files "
            "(open them in QGIS), then run again.")) from error
    except Exception as error:  # noqa: BLE001 - a bug: a clear message, the traceback in the log
        raise failure(error, QCoreApplication.translate(
            "TerritoireAlgorithm", "Territoire stopped on an unexpected error ({0}). The details are in the "
            "Territoire tab of the log messages: please send them to the developers.")) from error


def with_replace_parameter(init):
    """Wrap an ``initAlgorithm``: the REPLACE parameter is added after the algorithm's own (see outputs.py)."""
    import functools

    @functools.wraps(init)
    def initialise(self, config=None):
        from ..qgis_io.outputs import add_replace_parameter

        init(self, config)
        add_replace_parameter(self)

    initialise.territoire_replace = True
    return initialise


def failure(error: Exception, template: str) -> QgsProcessingException:
    """The clear message of an unexpected failure; the traceback goes to the Territoire log (for support)."""
    import traceback

    from ..toolbelt.log import log

    log("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    return QgsProcessingException(template.format(str(error) or type(error).__name__))


class TerritoireAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set ``ICON`` and write their strings with ``self.tr``; their
    ``processAlgorithm`` is wrapped by :func:`guarded`."""

    ICON = "territoire.svg"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("processAlgorithm")
        if own is not None and not getattr(own, "territoire_guarded", False):
            cls.processAlgorithm = guarded(own)
        init = cls.__dict__.get("initAlgorithm")
        if init is not None and not getattr(init, "territoire_replace", False):
            cls.initAlgorithm = with_replace_parameter(init)

    def tr(self, text: str) -> str:
        # pylupdate5 records a self.tr() string under the class that writes it, which may be a
        # base class of this algorithm: look it up under each class of the hierarchy in turn.
        for klass in type(self).__mro__:
            translated = QCoreApplication.translate(klass.__name__, text)
            if translated != text or klass is TerritoireAlgorithm:
                return translated
        return text

    def createInstance(self):
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(icon_path(self.ICON))

    def svgIconPath(self) -> str:
        return icon_path(self.ICON)

    def helpUrl(self) -> str:
        return "https://github.com/territoire-qgis/territoire#readme"


class HeatAlgorithm(TerritoireAlgorithm):
    """Base of the "Urban overheating" algorithms."""

    def group(self) -> str:
        return self.tr("Urban overheating")

    def groupId(self) -> str:
        return "urban_heat"

    def polygons_wkt(self, parameters, name, context, raster_crs) -> str | None:
        """The union of the polygon source parameter ``name``, in the raster's CRS, as WKT (None if not given)."""
        from ..qgis_io.features import union_wkt

        source = self.parameterAsSource(parameters, name, context)
        return None if source is None else union_wkt(source, raster_crs, context)


class InfrastructureAlgorithm(TerritoireAlgorithm):
    """Base of the "Infrastructure monitoring" algorithms, and the checks they share."""

    def group(self) -> str:
        return self.tr("Infrastructure monitoring")

    def groupId(self) -> str:
        return "infrastructure"

    def read_points(self, parameters, context, points, fields, crs, feedback, by_columns: bool = True):
        """The points of the parameter POINTS in ``crs`` (see :func:`qgis_io.ground_motion.read_points`): by
        columns through GDAL when they are a whole file layer and ``by_columns`` (a columnar read has not already
        failed), feature by feature otherwise."""
        from ..qgis_io.ground_motion import columnar_file, read_points

        file = columnar_file(self.parameterAsVectorLayer(parameters, "POINTS", context),
                             parameters.get("POINTS")) if by_columns else None
        return read_points(points, fields, crs, feedback, context, file)

    def require_projected(self, assets) -> None:
        if assets.sourceCrs().isGeographic():
            raise QgsProcessingException(self.tr(
                "The assets are in a geographic CRS (degrees): buffers need metres. Reproject them (e.g. to "
                "Lambert-93, EPSG:2154)."))

    def require_numeric(self, points, name: str) -> None:
        index = points.fields().indexOf(name)
        if index < 0 or not points.fields().at(index).isNumeric():
            raise QgsProcessingException(self.tr(
                "The points have no numeric field {0}. Choose the velocity field (mm/year) of the layer, "
                "e.g. velocity for an EGMS import.").format(name))


def without_cycle_collection(method):
    """Decorator: Python's cycle collector is paused while ``method`` runs (reference counting still frees
    objects). An algorithm holding tens of thousands of QGIS features would otherwise have the collector
    traverse them some 200 times per run (≈ 8 % of a 50 k-asset ground-motion run, more in a busy session).
    It is switched back on afterwards only if it was on before."""
    import functools

    @functools.wraps(method)
    def paused(*args, **kwargs):
        import gc

        enabled = gc.isenabled()
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


def processing_error(error) -> QgsProcessingException:
    """Translate an :class:`AnalysisError` into the exception Processing shows the user."""
    return QgsProcessingException(error_text(error))


class ConnectorAlgorithm(TerritoireAlgorithm):
    """Base of the "Partner data" algorithms: their group, the area parameters, the GeoPackage output."""

    COMMUNE = "COMMUNE"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"

    def group(self) -> str:
        return self.tr("Partner data")

    def groupId(self) -> str:
        return "partner_data"

    # addParameter's flag is False only for a duplicate name, which these fixed names cannot be (every algorithm
    # ignores it); flake8-qgis flags the calls here only because this module imports QgsProcessingAlgorithm.
    def add_area_parameters(self, commune_required: bool = False, extent: bool = True) -> None:
        self.addParameter(QgsProcessingParameterString(  # noqa: QGS201
            self.COMMUNE, self.tr("Commune (name, INSEE code or postcode)"), optional=not commune_required))
        if extent:
            self.addParameter(QgsProcessingParameterExtent(  # noqa: QGS201
                self.EXTENT, self.tr("Or an extent"), optional=True))

    def add_geopackage_output(self) -> None:
        self.addParameter(QgsProcessingParameterFileDestination(  # noqa: QGS201
            self.OUTPUT, self.tr("GeoPackage"), fileFilter="GeoPackage (*.gpkg)"))

    def geopackage_output(self, parameters, context) -> Path:
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() != ".gpkg":
            raise QgsProcessingException(self.tr("The output must be a GeoPackage (.gpkg)."))
        return output

    def area(self, parameters, context, feedback) -> QgsGeometry:
        """The area in EPSG:2154: the commune's outline if one is named, else the extent."""
        query = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        if query:
            _, geometry = commune_outline(query, "api_geo", feedback, context.transformContext())
            return geometry
        if parameters.get(self.EXTENT):
            rectangle = self.parameterAsExtent(parameters, self.EXTENT, context, LAMBERT93)
            if not rectangle.isEmpty():
                return QgsGeometry.fromRect(rectangle)
        raise QgsProcessingException(QCoreApplication.translate(
            "ConnectorArea", "No area given. Type a commune (name, INSEE code or postcode) or draw an extent."))
