"""IGN Géoplateforme WFS 2.0: GetFeature as GeoJSON, paged with COUNT/STARTINDEX until complete.

Paging follows what GeoServer answers (reference/partner-services.md, "Géoplateforme WFS"): pages of at most
the server's own limit, ``numberMatched`` present or absent (``"totalFeatures": "unknown"``), and a server that
ignores STARTINDEX is caught when its first page comes back. Geometries are 3D (BD TOPO V3).

Pages are cached (same layer, area and page → no request the second time). A GeoServer
ExceptionReport, even one sent with HTTP 200, becomes a clear error with the service's text.
"""

from __future__ import annotations

import json

from qgis.core import Qgis

from ..core.errors import QT_TRANSLATE_NOOP, ServiceError
from ..toolbelt.log import log_tr
from .network import HttpClient
from .response import service_message

PAGE_SIZE = 1000
CACHE_S = 7 * 86400
#: BD TOPO themes: typenames (see reference/partner-services.md) and an optional attribute filter.
BDTOPO_THEMES = {
    "buildings": ("BDTOPO_V3:batiment", None),
    "roads": ("BDTOPO_V3:troncon_de_route", None),
    "railways": ("BDTOPO_V3:troncon_de_voie_ferree", None),
    "bridges": ("BDTOPO_V3:construction_lineaire", "nature='Pont'"),
    "bridges_surfaces": ("BDTOPO_V3:construction_surfacique", "nature='Pont'"),
    "public_buildings": ("BDTOPO_V3:erp", None),
}
#: GeoPackage layer of each BD TOPO theme. Bridges come as lines (construction_lineaire) and as deck polygons
#: (construction_surfacique): two layers.
LAYER_NAMES = {"buildings": "batiment", "roads": "troncon_de_route", "railways": "troncon_de_voie_ferree",
               "bridges": "pont", "bridges_surfaces": "pont_surface", "public_buildings": "erp"}
ADMIN_EXPRESS_COMMUNES = "ADMINEXPRESS-COG.LATEST:commune"
#: BD TOPO's vegetation zones (nature: Bois, Forêt fermée de feuillus, Haie…): the 3D view's trees where LiDAR HD
#: is not published yet.
VEGETATION_ZONES = "BDTOPO_V3:zone_de_vegetation"


class Wfs:
    def __init__(self, client: HttpClient, base_url: str):
        self.client = client
        self.base_url = base_url

    def features(self, typename: str, *, bbox=None, srs: str = "EPSG:2154", cql_filter: str | None = None,
                 page_size: int = PAGE_SIZE, progress=None) -> list[dict]:
        """All features of ``typename`` in ``bbox`` (xmin, ymin, xmax, ymax in ``srs``), as GeoJSON dicts."""
        params = {
            "SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "GetFeature", "TYPENAMES": typename,
            "OUTPUTFORMAT": "application/json", "SRSNAME": srs, "COUNT": page_size,
        }
        if bbox is not None and cql_filter:
            # GeoServer takes BBOX or CQL_FILTER, not both: the box goes into the filter.
            xmin, ymin, xmax, ymax = bbox
            params["CQL_FILTER"] = f"({cql_filter}) AND BBOX(geometrie,{xmin},{ymin},{xmax},{ymax},'{srs}')"
        elif bbox is not None:
            params["BBOX"] = ",".join(f"{v:.2f}" for v in bbox) + f",{srs}"
        elif cql_filter:
            params["CQL_FILTER"] = cql_filter
        features: list[dict] = []
        start, seen, matched = 0, set(), None
        while True:
            page = self._page({**params, "STARTINDEX": start}, typename)
            batch = page.get("features") or []
            # A server that ignores STARTINDEX sends the first page again: stop there, not loop for ever.
            first = batch[0].get("id") or json.dumps(batch[0], sort_keys=True) if batch else None
            if not batch or first in seen:
                break
            seen.add(first)
            features.extend(batch)
            # numberMatched may be absent, with "totalFeatures": "unknown" (GeoServer); a page may hold fewer
            # features than asked (the server's own limit) while more are matched.
            matched = next((v for v in (page.get("numberMatched"), page.get("totalFeatures"))
                            if isinstance(v, int) and not isinstance(v, bool)), None)
            returned = page.get("numberReturned")
            returned = returned if isinstance(returned, int) and not isinstance(returned, bool) else len(batch)
            if progress is not None and matched:
                progress(min(100.0, 100.0 * len(features) / matched))
            if (len(features) >= matched) if matched is not None else returned < page_size:
                break
            start += len(batch)
        if matched is not None and len(features) < matched:
            log_tr(QT_TRANSLATE_NOOP(
                "TerritoireLog", "WFS {0}: {1} of the {2} features matched could be paged through (the server "
                "repeats its first page)."), typename, len(features), matched, level=Qgis.MessageLevel.Warning)
        return features

    def _page(self, params: dict, typename: str) -> dict:
        response_data = None
        try:
            response_data = self.client.get_json(self.base_url, params, max_age_s=CACHE_S, namespace="wfs",
                                                 validate=lambda data: _check_page(data, typename))
        except ServiceError as error:
            if error.key != "service_bad_json":
                raise
            # GeoServer answers some errors with HTTP 200 and an XML ExceptionReport.
            response = self.client.request("GET", self.base_url, params=params)
            raise ServiceError(
                "wfs_exception",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The IGN WFS refused the request for {typename}: {text}. Check the layer name in the options "
                    "or try again later."
                ),
                typename=typename, text=service_message(response.content, response.content_type),
            ) from error
        return response_data


def _check_page(data, typename: str) -> None:
    """A GetFeature page: a FeatureCollection whose ``features`` is a list (checked before it is cached)."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list) or not all(_is_feature(feature) for feature in data["features"]):
        raise ServiceError(
            "wfs_not_features",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The IGN WFS did not send features for {typename} ({what}). Try again later."
            ),
            typename=typename, what=str(data)[:120],
        )


def _is_feature(feature) -> bool:
    """A GeoJSON Feature as GeoServer writes one: an id (text or number) if any, properties an object or null,
    a geometry an object with a type and coordinates (or null)."""
    if not isinstance(feature, dict) or feature.get("type", "Feature") != "Feature":
        return False
    identifier, properties, geometry = feature.get("id"), feature.get("properties"), feature.get("geometry")
    return (identifier is None or isinstance(identifier, (str, int)) and not isinstance(identifier, bool)) and \
        (properties is None or isinstance(properties, dict)) and \
        (geometry is None or isinstance(geometry, dict) and isinstance(geometry.get("type"), str)
         and isinstance(geometry.get("coordinates", geometry.get("geometries")), list))
