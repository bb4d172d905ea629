"""Base URLs of the partner services: a default, a setting (options page) and an environment variable.

The environment variable wins, then the setting, then the default, so mirrors, self-hosted
copies and tests can point anywhere without touching the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.core import QgsSettings

SETTINGS_GROUP = "territoire/services"


@dataclass(frozen=True)
class Service:
    key: str
    label: str
    default: str
    #: Requests per second this service asks clients to keep to (None: no limit).
    rate: float | None = None

    @property
    def env_var(self) -> str:
        return f"TERRITOIRE_{self.key.upper()}_URL"

    def url(self) -> str:
        """The base URL in force, without a trailing slash."""
        value = os.environ.get(self.env_var) or QgsSettings().value(f"{SETTINGS_GROUP}/{self.key}", "", type=str)
        return (value or self.default).rstrip("/")


SERVICES = {
    service.key: service
    for service in (
        Service("api_geo", "API Géo (communes)", "https://geo.api.gouv.fr", rate=10),
        Service("geoplateforme_wfs", "IGN Géoplateforme WFS", "https://data.geopf.fr/wfs/ows", rate=10),
        Service("planetary_computer_stac", "Microsoft Planetary Computer STAC",
                "https://planetarycomputer.microsoft.com/api/stac/v1", rate=10),
        Service("planetary_computer_sas", "Microsoft Planetary Computer SAS tokens",
                "https://planetarycomputer.microsoft.com/api/sas/v1", rate=5),
        Service("earth_search", "Earth Search STAC (Element84)", "https://earth-search.aws.element84.com/v1", rate=10),
        Service("egms", "EGMS API (Copernicus)", "https://egms.land.copernicus.eu/insar-api/archive", rate=2),
        Service("data_gouv", "data.gouv.fr API", "https://www.data.gouv.fr/api/1", rate=10),
        Service("ign_wmts", "IGN Géoplateforme WMTS (basemaps)", "https://data.geopf.fr/wmts"),
    )
}


def service_url(key: str) -> str:
    return SERVICES[key].url()
