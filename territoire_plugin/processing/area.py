"""What the connector algorithms share: the HTTP client for a service, the commune, the study area."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsJsonUtils,
    QgsProcessingException,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..sources.cache import Cache
from ..sources.network import HttpClient
from ..sources.services import SERVICES
from ..toolbelt.settings import Settings
from .base import TerritoireAlgorithm

LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def client_for(service_key: str, feedback=None, authcfg: str = "") -> tuple[HttpClient, str]:
    """An HTTP client for a service (its rate limit, the plugin's cache) and the service's base URL."""
    service = SERVICES[service_key]
    client = HttpClient(service.label, rate=service.rate, feedback=feedback,
                        cache=Cache(Settings.load().cache_dir), authcfg=authcfg)
    return client, service.url()


def geojson_features(features: list[dict], crs: QgsCoordinateReferenceSystem):
    """QgsFeatures (with their fields) from GeoJSON feature dicts, parsed by QGIS."""
    text = json.dumps({"type": "FeatureCollection", "features": features})
    fields = QgsJsonUtils.stringToFields(text)
    return fields, QgsJsonUtils.stringToFeatureList(text, fields)


def commune_outline(query: str, source: str, feedback, transform_context) -> tuple[dict, QgsGeometry]:
    """(attributes, outline in EPSG:2154) of the commune ``query`` names, from API Géo or ADMIN EXPRESS."""
    from ..sources.api_geo import ApiGeo
    from ..sources.wfs import ADMIN_EXPRESS_COMMUNES, Wfs

    client, url = client_for("api_geo", feedback)
    commune = ApiGeo(client, url).resolve(query)
    attributes = {"insee": commune.code, "nom": commune.name, "population": commune.population,
                  "departement": commune.department}
    if source == "admin_express":
        wfs_client, wfs_url = client_for("geoplateforme_wfs", feedback)
        features = Wfs(wfs_client, wfs_url).features(ADMIN_EXPRESS_COMMUNES,
                                                     cql_filter=f"code_insee='{commune.code}'")
        if not features:
            raise QgsProcessingException(QCoreApplication.translate(
                "ConnectorArea",
                "ADMIN EXPRESS has no outline for INSEE code {0}. Use the API Géo source instead."
            ).format(commune.code))
        _, parsed = geojson_features(features, LAMBERT93)
        geometry = QgsGeometry.unaryUnion([f.geometry() for f in parsed])
        attributes["source"] = "IGN ADMIN EXPRESS (Géoplateforme WFS)"
    else:
        feature = ApiGeo(client, url).outline(commune)
        _, parsed = geojson_features([feature], WGS84)
        geometry = QgsGeometry(parsed[0].geometry())
        transform = QgsCoordinateTransform(WGS84, LAMBERT93, transform_context)
        geometry.transform(transform)  # noqa: QGS201 - an empty result is caught just below
        attributes["source"] = "API Géo (geo.api.gouv.fr)"
    if geometry.isEmpty():
        message = QCoreApplication.translate("ConnectorArea", "The outline of {0} is empty.")
        raise QgsProcessingException(message.format(commune.label()))
    return attributes, geometry


def study_area(algorithm, parameters, context, feedback, commune_param: str, extent_param: str) -> QgsGeometry:
    """The area in EPSG:2154: the commune's outline if one is named, else the extent."""
    query = algorithm.parameterAsString(parameters, commune_param, context).strip()
    if query:
        _, geometry = commune_outline(query, "api_geo", feedback, context.transformContext())
        return geometry
    if parameters.get(extent_param):
        rectangle = algorithm.parameterAsExtent(parameters, extent_param, context, LAMBERT93)
        if not rectangle.isEmpty():
            return QgsGeometry.fromRect(rectangle)
    raise QgsProcessingException(QCoreApplication.translate(
        "ConnectorArea",
        "No area given. Type a commune (name, INSEE code or postcode) or draw an extent."
    ))


def keep_intersecting(features, area: QgsGeometry) -> list[QgsFeature]:
    """Features touching ``area`` (kept whole: a building cut at the limit would skew exposure figures)."""
    engine = QgsGeometry.createGeometryEngine(area.constGet())
    engine.prepareGeometry()
    return [f for f in features if f.hasGeometry() and engine.intersects(f.geometry().constGet())]


class ConnectorAlgorithm(TerritoireAlgorithm):
    """Base of the "Partner data" algorithms: their group, the area parameters, the GeoPackage output."""

    COMMUNE = "COMMUNE"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"

    def group(self) -> str:
        return self.tr("Partner data")

    def groupId(self) -> str:
        return "partner_data"

    def add_area_parameters(self, commune_required: bool = False, extent: bool = True) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNE, self.tr("Commune (name, INSEE code or postcode)"), optional=not commune_required))
        if extent:
            self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Or an extent"), optional=True))

    def add_geopackage_output(self) -> None:
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("GeoPackage"), fileFilter="GeoPackage (*.gpkg)"))

    def geopackage_output(self, parameters, context) -> Path:
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() != ".gpkg":
            raise QgsProcessingException(self.tr("The output must be a GeoPackage (.gpkg)."))
        return output

    def area(self, parameters, context, feedback) -> QgsGeometry:
        return study_area(self, parameters, context, feedback, self.COMMUNE, self.EXTENT)
