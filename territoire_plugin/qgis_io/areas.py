"""Study areas and partner-service clients for the algorithms and the panel: the HTTP client of a service (its
rate limit, the plugin's cache, its address in force) and a commune's outline in Lambert-93."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..sources.cache import Cache
from ..sources.network import HttpClient
from ..toolbelt.settings import SERVICES, Settings
from .features import geojson_features

LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def client_for(service_key: str, feedback=None, authcfg: str = "") -> tuple[HttpClient, str]:
    """An HTTP client for a service (its rate limit, the plugin's cache) and the service's base URL."""
    service, settings = SERVICES[service_key], Settings.load()
    client = HttpClient(service.shown_label(), rate=service.rate, feedback=feedback, cache=Cache(settings.cache_dir),
                        authcfg=authcfg)
    return client, settings.service_url(service_key)


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


