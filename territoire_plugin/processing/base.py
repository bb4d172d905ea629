"""What every Territoire algorithm shares: translation, icon, instance creation, error mapping."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..toolbelt.resources import icon_path


def guarded(process):
    """The one wrapper of every Territoire ``processAlgorithm`` (applied by :class:`TerritoireAlgorithm` to
    each subclass's own): a cancel ends the run cleanly (no traceback; outputs are written atomically, so
    nothing is left), an :class:`AnalysisError` becomes its translated message, a file or GDAL failure a clear
    translated message, and so does any other error (a bug): the technical detail goes to the log. No Python
    traceback reaches the user."""
    import functools

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        from ..core.errors import AnalysisError, Cancelled

        try:
            return process(self, parameters, context, feedback)
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

    run.territoire_guarded = True
    return run


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


class InfrastructureAlgorithm(TerritoireAlgorithm):
    """Base of the "Infrastructure monitoring" algorithms, and the checks they share."""

    def group(self) -> str:
        return self.tr("Infrastructure monitoring")

    def groupId(self) -> str:
        return "infrastructure"

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
    template = QCoreApplication.translate("AnalysisError", error.template)
    try:
        message = template.format(**error.params)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        message = str(error)
    return QgsProcessingException(message)


def add_features(sink, features, destination: str) -> None:
    """Write ``features`` into a Processing sink, or stop with a clear error."""
    from qgis.core import QgsFeatureSink

    if not sink.addFeatures(list(features), QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(QCoreApplication.translate(
            "TerritoireAlgorithm", "Cannot write into the output {0}: check that the folder is writable and the "
            "disk is not full.").format(destination))


def write_gpkg_layer(layer, path, layer_name: str, new_file: bool = True) -> None:
    """Write the vector ``layer`` as ``layer_name`` into the GeoPackage ``path``: a new file, or (``new_file``
    False) a layer added to it or replaced. Stops with a clear error if it cannot."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", layer_name
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if new_file
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path),
                                                                     QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise QgsProcessingException(f"cannot write {layer_name} into {path}: {message}")


def output_fields(source_fields, extra) -> tuple:
    """(QgsFields, indices kept) of an output: the source's copyable fields, then ``extra`` (name, type) pairs."""
    from ..toolbelt.compat import new_field

    fields, kept = copyable_fields(source_fields)
    for name, kind in extra:
        fields.append(new_field(name, kind))
    return fields, kept


def output_feature(fields, kept, feature, geometry, values):
    """A new feature of ``fields``: the kept source attributes, then ``values`` (NaN written as NULL)."""
    import math

    from qgis.core import QgsFeature

    out = QgsFeature(fields)
    out.setGeometry(geometry)
    attributes = feature.attributes()
    out.setAttributes([attributes[i] for i in kept] +
                      [None if isinstance(v, float) and math.isnan(v) else v for v in values])
    return out


def reuse_as_outputs(fields, kept, features, columns, attributes=None) -> list:
    """``features`` themselves turned into features of ``fields`` (geometries kept, no copy: for large outputs):
    the kept source attributes, then one value of each of ``columns`` (numpy arrays or lists; NaN → NULL).
    ``attributes``: the features' attribute lists when already read."""
    import numpy as np

    values = []
    for column in columns:
        array = np.asarray(column)
        if array.dtype.kind == "f":
            values.append(np.where(np.isnan(array), None, array.astype(object)).tolist())
        else:
            values.append(array.tolist())
    every = len(kept) == fields.count() - len(columns) and kept == list(range(len(kept)))
    if attributes is None:
        attributes = (feature.attributes() for feature in features)
    for feature, source, extra in zip(features, attributes, zip(*values)):
        feature.setFields(fields, False)
        feature.setAttributes((source if every else [source[i] for i in kept]) + list(extra))
    return features


def add_reused_features(sink, destination: str, fields, kept, features, columns, attributes=None,
                        chunk: int = 5000) -> None:
    """Write ``features`` into ``sink``, turned into features of ``fields`` as :func:`reuse_as_outputs` does,
    chunk by chunk: a helper thread prepares the next chunk (Python) while this thread writes the previous one
    (QGIS releases the GIL while a sink writes). The sink is used from the calling thread only."""
    from concurrent.futures import ThreadPoolExecutor

    def prepare(start):
        stop = start + chunk
        return reuse_as_outputs(fields, kept, features[start:stop], [column[start:stop] for column in columns],
                                None if attributes is None else attributes[start:stop])

    with ThreadPoolExecutor(max_workers=1) as pool:
        for job in [pool.submit(prepare, start) for start in range(0, len(features), chunk)]:
            add_features(sink, job.result(), destination)


def copyable_fields(fields) -> tuple:
    """(QgsFields, indices) of the fields every output format takes: binary fields (e.g. an EGMS series
    BLOB) are left out, since some outputs (memory layers) drop them and the columns would shift."""
    from qgis.core import QgsFields
    from qgis.PyQt.QtCore import QMetaType

    from ..toolbelt.compat import field_is

    kept, indices = QgsFields(), []
    for index, field in enumerate(fields):
        if not field_is(field, QMetaType.Type.QByteArray):
            kept.append(field)
            indices.append(index)
    return kept, indices
