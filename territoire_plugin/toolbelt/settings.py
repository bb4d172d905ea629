"""The plugin's settings, in one dataclass, all under one QgsSettings group ("territoire/").

Partner-service addresses are part of it: for each service the environment variable wins
(``TERRITOIRE_<KEY>_URL``: mirrors, self-hosted copies, tests), then the address set on the
options page, then the official one. Secrets never go here (QgsAuthManager).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

from ..core.errors import QT_TRANSLATE_NOOP

GROUP = "territoire"
SERVICES_GROUP = f"{GROUP}/services"
REPORT_LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Service:
    key: str
    label: str  # English, marked for translation (context "Services"): show it with :meth:`shown_label`
    default: str
    #: Requests per second this service asks clients to keep to (None: no limit).
    rate: float | None = None

    def shown_label(self) -> str:
        """The label in the interface's language (« IGN Géoplateforme WMTS (fonds de plan) »)."""
        from qgis.PyQt.QtCore import QCoreApplication

        return QCoreApplication.translate("Services", self.label)

    @property
    def env_var(self) -> str:
        return f"TERRITOIRE_{self.key.upper()}_URL"


SERVICES = {
    service.key: service
    for service in (
        Service("api_geo", QT_TRANSLATE_NOOP("Services", "API Géo (communes)"), "https://geo.api.gouv.fr", rate=10),
        Service("geoplateforme_wfs", QT_TRANSLATE_NOOP("Services", "IGN Géoplateforme WFS"),
                "https://data.geopf.fr/wfs/ows", rate=10),
        Service("planetary_computer_stac", QT_TRANSLATE_NOOP("Services", "Microsoft Planetary Computer STAC"),
                "https://planetarycomputer.microsoft.com/api/stac/v1", rate=10),
        Service("planetary_computer_sas", QT_TRANSLATE_NOOP("Services", "Microsoft Planetary Computer SAS tokens"),
                "https://planetarycomputer.microsoft.com/api/sas/v1", rate=5),
        Service("earth_search", QT_TRANSLATE_NOOP("Services", "Earth Search STAC (Element84)"),
                "https://earth-search.aws.element84.com/v1", rate=10),
        Service("egms", QT_TRANSLATE_NOOP("Services", "EGMS archive (Copernicus)"),
                "https://egms.land.copernicus.eu/insar-api/archive", rate=2),
        Service("data_gouv", QT_TRANSLATE_NOOP("Services", "data.gouv.fr API"), "https://www.data.gouv.fr/api/1",
                rate=10),
        Service("georisques", QT_TRANSLATE_NOOP("Services", "BRGM Géorisques API (clay, natural disasters)"),
                "https://www.georisques.gouv.fr/api/v1", rate=10),
        Service("ign_wmts", QT_TRANSLATE_NOOP("Services", "IGN Géoplateforme WMTS (basemaps)"),
                "https://data.geopf.fr/wmts", rate=20),
        # IGN: at most 40 requests a second (cartes.gouv.fr, « Images WMS-Raster »).
        Service("ign_wms_raster", QT_TRANSLATE_NOOP("Services", "IGN Géoplateforme WMS-Raster (elevation)"),
                "https://data.geopf.fr/wms-r", rate=20),
        # IGN: at most 50 requests a second from one address, HTTP 429 with Retry-After beyond (geoservices.ign.fr).
        Service("geocoding", QT_TRANSLATE_NOOP("Services", "IGN Géoplateforme geocoding (addresses)"),
                "https://data.geopf.fr/geocodage", rate=20),
    )
}


def default_cache_dir() -> str:
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "cache" / "territoire")


@dataclass
class Settings:
    """What the user can set on the options page."""

    cache_dir: str = ""
    report_language: str = "fr"
    debug_mode: bool = False
    #: A line printed on the report's cover (e.g. « Document de travail », or what a demonstration's data are).
    report_notice: str = ""
    #: The user's address of each partner service (key of :data:`SERVICES`); absent: the official one.
    service_urls: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.cache_dir:
            self.cache_dir = default_cache_dir()
        if self.report_language not in REPORT_LANGUAGES:
            self.report_language = REPORT_LANGUAGES[0]
        self.service_urls = {key: value.strip() for key, value in self.service_urls.items()
                             if key in SERVICES and value and value.strip()}

    def service_url(self, key: str) -> str:
        """The base URL in force for the service ``key``, without a trailing slash."""
        service = SERVICES[key]
        value = os.environ.get(service.env_var) or self.service_urls.get(key, "")
        return (value or service.default).rstrip("/")

    @classmethod
    def load(cls) -> Settings:
        store = QgsSettings()
        values = {}
        for item in fields(cls):
            if item.name == "service_urls":
                values[item.name] = {key: store.value(f"{SERVICES_GROUP}/{key}", "", type=str) for key in SERVICES}
                continue
            default = item.default
            raw = store.value(f"{GROUP}/{item.name}", default)
            if isinstance(default, bool):
                raw = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            values[item.name] = type(default)(raw)
        return cls(**values)

    def save(self) -> None:
        store = QgsSettings()
        for item in fields(self):
            if item.name != "service_urls":
                store.setValue(f"{GROUP}/{item.name}", getattr(self, item.name))
        for key in SERVICES:
            if self.service_urls.get(key):
                store.setValue(f"{SERVICES_GROUP}/{key}", self.service_urls[key])
            else:
                store.remove(f"{SERVICES_GROUP}/{key}")


def service_url(key: str) -> str:
    """The base URL in force for the service ``key`` (environment, then options page, then official)."""
    return Settings.load().service_url(key)
