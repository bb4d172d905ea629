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


def union_wkt(source, target_crs, transform_context) -> str:
    """The union of a polygon source's features, in ``target_crs``, as WKT."""
    transform = QgsCoordinateTransform(source.sourceCrs(), target_crs, transform_context)
    geometries = []
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if not geometry.isEmpty():
            geometry.transform(transform)  # noqa: QGS201 - empty results are dropped below
            geometries.append(geometry)
    union = QgsGeometry.unaryUnion(geometries)
    if union.isEmpty():
        raise QgsProcessingException(QCoreApplication.translate(
            "TerritoireFeatures", "The layer {0} has no polygon.").format(source.sourceName()))
    return flat_wkt(union)
