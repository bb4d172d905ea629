"""Output fields and features of the algorithms, and writing them into Processing sinks."""

from __future__ import annotations

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication


def add_features(sink, features, destination: str) -> None:
    """Write ``features`` into a Processing sink, or stop with a clear error."""
    from qgis.core import QgsFeatureSink

    if not sink.addFeatures(list(features), QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(QCoreApplication.translate(
            "TerritoireAlgorithm", "Cannot write into the output {0}: check that the folder is writable and the "
            "disk is not full, and that the format takes these features (a shapefile, say, takes one kind of "
            "geometry and field names of 10 characters).").format(destination))


def output_fields(source_fields, extra, one_per_feature: bool = True) -> tuple:
    """(QgsFields, indices kept) of an output: the source's copyable fields, then ``extra`` (name, type) pairs.
    ``one_per_feature=False`` (several output features per source feature: segments): the source's ``fid`` is
    left out, since a GeoPackage output refuses the same fid twice."""
    from ..toolbelt.compat import new_field

    fields, kept = copyable_fields(source_fields)
    drop = fields.indexOf("fid")
    if not one_per_feature and drop >= 0:
        fields.remove(drop)
        kept = kept[:drop] + kept[drop + 1:]
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
