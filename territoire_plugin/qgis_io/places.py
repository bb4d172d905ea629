"""The report's places: a basemap image under its maps (IGN Géoplateforme WMTS, cached) and the addresses that name
its buildings and structures (IGN Géoplateforme geocoder, cached). Both degrade to nothing, with the reason logged,
when the service cannot be reached and nothing is cached: the report then says so."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import AnalysisError
from ..sources import geocoding, wmts
from ..toolbelt.i18n import error_text
from ..toolbelt.log import log
from .areas import WGS84, client_for

MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")


def basemap_image(extent: QgsRectangle, crs, target: Path, transform_context, width_px: int = 1400,
                  feedback=None) -> QgsRasterLayer | None:
    """Plan IGN over ``extent`` (in ``crs``) as a GeoTIFF ``target`` and its layer; None when the tiles cannot be
    had (offline and not cached): the reason goes to the log."""
    area = QgsCoordinateTransform(crs, MERCATOR, transform_context).transformBoundingBox(extent)
    client, base = client_for("ign_wmts", feedback)
    try:
        wmts.mosaic(client, base, (area.xMinimum(), area.yMinimum(), area.xMaximum(), area.yMaximum()), width_px,
                    target, is_canceled=(feedback.isCanceled if feedback else lambda: False))
    except (AnalysisError, ValueError, OSError) as error:
        log(QCoreApplication.translate(
            "Places", "No Plan IGN image for the report's maps: {0} The maps show the commune outline alone.").format(
            error_text(error) if isinstance(error, AnalysisError) else error))
        Path(target).unlink(missing_ok=True)
        return None
    layer = QgsRasterLayer(str(target), "Plan IGN", "gdal")
    return layer if layer.isValid() else None


#: BD TOPO identifiers (cleabs) start with their class: a label starting so names nothing for a reader.
IDENTIFIER_PREFIXES = ("BATIMENT", "TRONROUT", "TRONFERR", "CONSLINE", "CONSSURF", "CONSPONC")


def named_place(label: str, address: str | None) -> str:
    """What names an asset for a reader: its address instead of a BD TOPO identifier, its name and address
    (« Pont de l'Aveyron, Route de Rodez »), or the label alone when there is no address."""
    if not address:
        return label
    return address if label.startswith(IDENTIFIER_PREFIXES) or not label else f"{label}, {address}"


def place_of(geometry: QgsGeometry) -> QgsGeometry:
    """The point that stands for a feature: a point on its surface, or the middle of its line."""
    if geometry.type() == QgsWkbTypes.GeometryType.LineGeometry:
        return geometry.interpolate(geometry.length() / 2)
    return geometry.pointOnSurface()


def addresses_of(geometries: dict, crs, transform_context, feedback=None) -> dict:
    """{key: address or None} of ``geometries`` ({key: QgsGeometry in ``crs``}); {} when the geocoder cannot be
    reached (logged): the caller keeps its own identifiers."""
    to_wgs84 = QgsCoordinateTransform(crs, WGS84, transform_context)
    places = {}
    for key, geometry in geometries.items():
        if geometry is None or geometry.isEmpty():
            continue
        point = place_of(geometry)
        if point.transform(to_wgs84) != Qgis.GeometryOperationResult.Success:
            continue
        places[key] = (point.asPoint().x(), point.asPoint().y())
    client, base = client_for("geocoding", feedback)
    try:
        return geocoding.addresses(client, base, places, is_canceled=(feedback.isCanceled if feedback
                                                                      else lambda: False))
    except AnalysisError as error:
        log(QCoreApplication.translate(
            "Places", "The geocoder could not be used: {0} The report names the assets by their BD TOPO identifiers."
               ).format(error_text(error)))
        return {}
