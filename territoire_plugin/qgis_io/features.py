"""Reading features for the analyses: GeoJSON parsed by QGIS, features within an area, polygons as WKT."""

from __future__ import annotations

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsJsonUtils,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QCoreApplication

from .geometry import flat_wkt


def geojson_features(features: list[dict], crs: QgsCoordinateReferenceSystem):
    """QgsFeatures (with their fields) from GeoJSON feature dicts, parsed by QGIS."""
    text = json.dumps({"type": "FeatureCollection", "features": features})
    fields = QgsJsonUtils.stringToFields(text)
    return fields, QgsJsonUtils.stringToFeatureList(text, fields)


def keep_intersecting(features, area: QgsGeometry) -> list[QgsFeature]:
    """Features touching ``area`` (kept whole: a building cut at the limit would skew exposure figures)."""
    engine = QgsGeometry.createGeometryEngine(area.constGet())
    engine.prepareGeometry()
    return [f for f in features if f.hasGeometry() and engine.intersects(f.geometry().constGet())]


def source_features(source, context, request=None, feedback=None):
    """The features of a Processing source, its invalid geometries handled here by the context's policy
    (Processing's option "Invalid features filtering") rather than by QGIS's feature iterator: an iterator told
    to stop throws a C++ exception through Python's iteration, which corrupts the interpreter (seen on QGIS
    3.22: "SystemError: unknown opcode" at the next statement). Stop (the default): a clear message naming the
    feature; skip: left out, counted in the log; no check: every feature as it is."""
    from qgis.core import QgsProcessingFeatureSource

    from ..toolbelt.compat import GEOMETRY_NO_CHECK, GEOMETRY_SKIP_INVALID, SKIP_GEOMETRY_VALIDITY_CHECKS

    request = request if request is not None else QgsFeatureRequest()
    if not isinstance(source, QgsProcessingFeatureSource):  # a layer: QGIS's iterator checks nothing
        yield from source.getFeatures(request)
        return
    policy = context.invalidGeometryCheck()
    skipped = 0
    for feature in source.getFeatures(request, SKIP_GEOMETRY_VALIDITY_CHECKS):
        if policy != GEOMETRY_NO_CHECK and feature.hasGeometry() and not feature.geometry().isGeosValid():
            if policy != GEOMETRY_SKIP_INVALID:
                raise QgsProcessingException(QCoreApplication.translate(
                    "TerritoireFeatures", "The feature {0} of the layer {1} has an invalid geometry (e.g. a "
                    "polygon crossing itself). Repair the layer (Processing › Vector geometry › Fix geometries), "
                    "or let Processing skip invalid features (Settings › Options › Processing › General › "
                    "Invalid features filtering), then run again.").format(feature.id(), source.sourceName()))
            skipped += 1
            continue
        yield feature
    if skipped and feedback is not None:
        feedback.pushWarning(QCoreApplication.translate(
            "TerritoireFeatures", "Features of the layer {1} left out for an invalid geometry: {0}.").format(
                skipped, source.sourceName()))


def union_wkt(source, target_crs, context) -> str:
    """The union of a polygon source's features, in ``target_crs``, as WKT."""
    transform = QgsCoordinateTransform(source.sourceCrs(), target_crs, context.transformContext())
    geometries = []
    for feature in source_features(source, context, QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if not geometry.isEmpty():
            geometry.transform(transform)  # noqa: QGS201 - empty results are dropped below
            geometries.append(geometry)
    union = QgsGeometry.unaryUnion(geometries)
    if union.isEmpty():
        raise QgsProcessingException(QCoreApplication.translate(
            "TerritoireFeatures", "The layer {0} has no polygon.").format(source.sourceName()))
    return flat_wkt(union)
