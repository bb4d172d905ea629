"""The one place where the plugin's code differs by QGIS version (3.22 LTR → 3.40 LTR → 3.44 → QGIS 4).

Everything else calls these helpers and is written against the newest API: field types are given as
``QMetaType.Type`` values (what QGIS ≥ 3.38 and QGIS 4 take), text styles as ``QgsTextFormat``. On an older
QGIS the helpers translate to the calls it has. Each branch names the release that brought the new call.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsLayoutItemLabel,
    QgsLegendStyle,
    QgsRasterLayer,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QMetaType
from qgis.PyQt.QtGui import QColor, QFont

#: QGIS's version as an integer, e.g. 32216 for 3.22.16, 34006 for 3.40.6.
QGIS_VERSION_INT = Qgis.versionInt()

#: Field types, named as QGIS ≥ 3.38 and QGIS 4 name them; :func:`new_field` takes them on every version.
DOUBLE, INT, TEXT = QMetaType.Type.Double, QMetaType.Type.Int, QMetaType.Type.QString

# QGIS 3.38 moved field types from QVariant::Type to QMetaType::Type (the QVariant ones are deprecated, and
# QGIS 4 / Qt 6 has no QVariant::Type at all).
FIELDS_TAKE_META_TYPES = QGIS_VERSION_INT >= 33800
# Releases after 3.22 gave layout labels a QgsTextFormat (setFont/setFontColor deprecated) and legend styles
# one too (QgsLayoutItemLegend.setStyleFont deprecated); looked up on the classes, not guessed from the version.
LABEL_TEXT_FORMAT = hasattr(QgsLayoutItemLabel, "setTextFormat")
LEGEND_TEXT_FORMAT = hasattr(QgsLegendStyle, "setTextFormat")
# A report's PDF keeps its words as text (searchable, copyable, read by screen readers): QGIS 3.26 moved the enum
# to Qgis.TextRenderFormat (AlwaysText); before, QgsRenderContext.TextRenderFormat (TextFormatAlwaysText). Newer
# releases export text as outlines unless told.
if hasattr(Qgis, "TextRenderFormat"):
    TEXT_AS_TEXT = Qgis.TextRenderFormat.AlwaysText
else:  # QGIS 3.22
    from qgis.core import QgsRenderContext

    TEXT_AS_TEXT = QgsRenderContext.TextRenderFormat.TextFormatAlwaysText


def _type_value(meta_type) -> int:
    """The integer value of a Qt type enum (PyQt5 enums are ints, PyQt6 enums are Python enums)."""
    return getattr(meta_type, "value", meta_type)


def new_field(name: str, meta_type: QMetaType.Type, **details) -> QgsField:
    """A ``QgsField`` of ``meta_type`` (e.g. ``QMetaType.Type.Double``, ``QMetaType.Type.QString``).

    ``details`` are QgsField's other constructor arguments (typeName, len, prec, comment, subType)."""
    if FIELDS_TAKE_META_TYPES:
        return QgsField(name, meta_type, **details)
    from qgis.PyQt.QtCore import QVariant  # QGIS < 3.38: the same numbers, as QVariant::Type

    return QgsField(name, QVariant.Type(_type_value(meta_type)), **details)  # noqa: QGS402 - QGIS < 3.38 only


def field_is(field: QgsField, meta_type: QMetaType.Type) -> bool:
    """Whether ``field`` holds values of ``meta_type`` (QVariant::Type and QMetaType::Type share numbers)."""
    return _type_value(field.type()) == _type_value(meta_type)


def text_format(font: QFont, colour: str | QColor | None = None) -> QgsTextFormat:
    """A text format of ``font`` (its point size) and ``colour``."""
    text = QgsTextFormat.fromQFont(font)
    if colour is not None:
        text.setColor(QColor(colour))
    return text


def set_label_text(label, font: QFont, colour: str | QColor) -> None:
    """Font and colour of a ``QgsLayoutItemLabel``."""
    if LABEL_TEXT_FORMAT:
        label.setTextFormat(text_format(font, colour))
    else:  # QGIS 3.22
        label.setFont(font)
        label.setFontColor(QColor(colour))


def set_legend_style_font(legend, style, font: QFont) -> None:
    """Font of one style (title, group, symbol label…) of a ``QgsLayoutItemLegend``."""
    if LEGEND_TEXT_FORMAT:
        legend.rstyle(style).setTextFormat(text_format(font))
    else:  # QGIS 3.22
        legend.setStyleFont(style, font)


def gdal_raster_layer(uri: str, name: str) -> QgsRasterLayer:
    """A raster layer read through GDAL, with the CRS GDAL reads.

    QGIS 3.44 gives a GeoPackage's raster table the CRS of the GeoPackage's vector layers (seen on 3.44.15: a
    UTM 31N raster beside Lambert-93 vectors is read as Lambert-93, and drawn 200 km away, i.e. not at all on
    the commune's maps), where GDAL itself and QGIS 3.22 / 3.40 read the raster's own CRS. The CRS set here
    is saved with the layer in the project."""
    from osgeo import gdal

    layer = QgsRasterLayer(uri, name, "gdal")
    if not layer.isValid():
        return layer
    gdal.UseExceptions()
    try:
        dataset = gdal.OpenEx(uri, gdal.OF_RASTER)
        wkt = dataset.GetProjectionRef()
    except RuntimeError:
        wkt = ""
    crs = QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()
    if crs.isValid() and crs.authid() != layer.crs().authid():
        layer.setCrs(crs)
    return layer


# QGIS 3.36 moved the invalid-geometry policies to Qgis.InvalidGeometryCheck and the Processing source flags to
# Qgis.ProcessingFeatureSourceFlag (the old names are gone in QGIS 4).
if hasattr(Qgis, "InvalidGeometryCheck"):
    GEOMETRY_NO_CHECK = Qgis.InvalidGeometryCheck.NoCheck
    GEOMETRY_SKIP_INVALID = Qgis.InvalidGeometryCheck.SkipInvalid
    GEOMETRY_ABORT_ON_INVALID = Qgis.InvalidGeometryCheck.AbortOnInvalid
    SKIP_GEOMETRY_VALIDITY_CHECKS = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks
else:  # QGIS < 3.36
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSource

    GEOMETRY_NO_CHECK = QgsFeatureRequest.GeometryNoCheck
    GEOMETRY_SKIP_INVALID = QgsFeatureRequest.GeometrySkipInvalid
    GEOMETRY_ABORT_ON_INVALID = QgsFeatureRequest.GeometryAbortOnInvalid
    SKIP_GEOMETRY_VALIDITY_CHECKS = QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks


def clamp_to_terrain(symbol) -> None:
    """3D symbol ``symbol`` (buildings, roads) set on the terrain, each feature at its centroid's ground height:
    releases after 3.22 moved the enums from Qgs3DTypes to Qgis.AltitudeClamping / Qgis.AltitudeBinding."""
    if hasattr(Qgis, "AltitudeClamping"):
        symbol.setAltitudeClamping(Qgis.AltitudeClamping.Terrain)
        symbol.setAltitudeBinding(Qgis.AltitudeBinding.Centroid)
    else:  # QGIS 3.22
        from qgis._3d import Qgs3DTypes

        symbol.setAltitudeClamping(Qgs3DTypes.AltClampTerrain)
        symbol.setAltitudeBinding(Qgs3DTypes.AltBindCentroid)


def set_material(symbol, material) -> None:
    """The material of 3D symbol ``symbol``: releases after 3.22 renamed setMaterial to setMaterialSettings."""
    if hasattr(symbol, "setMaterialSettings"):
        symbol.setMaterialSettings(material)
    else:  # QGIS 3.22
        symbol.setMaterial(material)


def material_of(symbol):
    """The material settings of 3D symbol ``symbol`` (see :func:`set_material`), as their own class (QGIS 3.22
    hands a polygon symbol back as its base class, and its material too)."""
    from qgis._3d import QgsPhongMaterialSettings, QgsPolygon3DSymbol
    from qgis.PyQt import sip

    if not hasattr(symbol, "materialSettings") and not hasattr(symbol, "material") and symbol.type() == "polygon":
        symbol = sip.cast(symbol, QgsPolygon3DSymbol)
    material = symbol.materialSettings() if hasattr(symbol, "materialSettings") else symbol.material()
    if not isinstance(material, QgsPhongMaterialSettings) and material.type() == "phong":
        material = sip.cast(material, QgsPhongMaterialSettings)
    return material


# QGIS 3.42 stopped flipping the 3D world's axes (qgis/QGIS#59272): before, world = (x, z, −y) from the origin
# (Y up); since, world = (x, y, z) from the origin (Z up).
WORLD_Z_UP = QGIS_VERSION_INT >= 34200


def camera_pose(x: float, y: float, z: float, origin, distance: float, pitch: float, yaw: float):
    """A 3D camera looking at the map point (x, y, z) of a scene whose origin is ``origin`` (QgsVector3D)."""
    from qgis._3d import QgsCameraPose
    from qgis.core import QgsVector3D

    if WORLD_Z_UP:
        centre = QgsVector3D(x - origin.x(), y - origin.y(), z - origin.z())
    else:  # QGIS < 3.42
        centre = QgsVector3D(x - origin.x(), z - origin.z(), -(y - origin.y()))
    pose = QgsCameraPose()
    pose.setCenterPoint(centre)
    pose.setDistanceFromCenterPoint(distance)
    pose.setPitchAngle(pitch)
    pose.setHeadingAngle(yaw)
    return pose


# QGIS 3.36 moved the algorithm flags to Qgis.ProcessingAlgorithmFlag (the old names are gone in QGIS 4).
if hasattr(Qgis, "ProcessingAlgorithmFlag"):
    ALGORITHM_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
else:  # QGIS < 3.36
    from qgis.core import QgsProcessingAlgorithm

    ALGORITHM_NO_THREADING = QgsProcessingAlgorithm.FlagNoThreading
