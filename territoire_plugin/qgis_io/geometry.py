"""Geometries handed to the analyses: flattened to 2D once, here.

Real BD TOPO geometries are 3D (MultiPolygonZ, LineStringZ), others may carry M values; QGIS writes
them as ``MultiPolygonZ (…)`` WKT, which GDAL's parser refuses ("Corrupt data"). The analyses work in
the plane: Z and M are dropped where the WKT or WKB is made.
"""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsWkbTypes


def flat(geometry: QgsGeometry) -> QgsGeometry:
    """``geometry`` without Z and M (the same object when it has neither)."""
    kind = geometry.wkbType()
    if not (QgsWkbTypes.hasZ(kind) or QgsWkbTypes.hasM(kind)):
        return geometry
    copy = QgsGeometry(geometry)
    copy.get().dropZValue()
    copy.get().dropMValue()
    return copy


def flat_wkt(geometry: QgsGeometry) -> str:
    """The 2D WKT of ``geometry``, as GDAL reads it."""
    return flat(geometry).asWkt()


def flat_wkb(geometry: QgsGeometry) -> bytes:
    """The 2D WKB of ``geometry``."""
    return bytes(flat(geometry).asWkb())
