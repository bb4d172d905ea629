"""The one catalogue of the commune diagnostic's output layers.

Every layer the diagnostic writes into its GeoPackage has one record here: its name in the GeoPackage, the
project group it goes to, its titles in French and English, its style, whether it is hidden when the
project opens, and (rasters) what its values are. The workflow, the project, the map themes and the report
all read it; adding a layer means adding one record. Listed in drawing order (first on top).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The project's groups, in order.
TOPICS = ("data", "heat", "infrastructure", "clay")


@dataclass(frozen=True)
class Layer:
    name: str  # table in the GeoPackage
    topic: str  # one of TOPICS
    fr: str
    en: str
    style: str | None = None  # QML in resources/styles; "{kind}" is the geometry kind (point, line, polygon)
    hidden: bool = False  # hidden when the project opens (one click shows it)
    values: str | None = None  # rasters: what the values are (legend text instead of GDAL's "Height")

    def title(self, language: str) -> str:
        return self.en if language == "en" else self.fr


LAYERS = (
    Layer("commune", "data", "Commune", "Commune"),
    Layer("points_chauds", "heat", "Points chauds et froids", "Hot and cold spots", "heat_hotspots.qml",
          hidden=True),
    Layer("ilots_chaleur", "heat", "Îlots de chaleur", "Heat islands", "heat_islands.qml"),
    Layer("batiments_chaleur", "heat", "Bâtiments exposés à la chaleur", "Buildings exposed to heat",
          "heat_exposure_buildings.qml"),
    Layer("vulnerabilite_200m", "heat", "Vulnérabilité à la chaleur (carreaux de 200 m)",
          "Heat vulnerability (200 m cells)", "heat_vulnerability.qml", hidden=True),
    Layer("intensite_icu", "heat", "Intensité d'îlot de chaleur (°C)", "Heat-island intensity (°C)",
          "heat_intensity.qml", hidden=True, values="degC"),
    Layer("lst", "heat", "Température de surface, médiane des étés (°C)", "Surface temperature, summer median (°C)",
          "lst_celsius.qml", values="degC"),
    Layer("ndvi", "heat", "Végétation (NDVI), médiane des étés", "Vegetation (NDVI), summer median", "ndvi.qml",
          hidden=True, values="NDVI"),
    Layer("mouvement_pont", "infrastructure", "Mouvement des ponts", "Ground motion of bridges",
          "ground_motion_assets_{kind}.qml"),
    Layer("mouvement_pont_surface", "infrastructure", "Mouvement des tabliers de ponts",
          "Ground motion of bridge decks", "ground_motion_assets_{kind}.qml"),
    Layer("mouvement_troncon_de_voie_ferree", "infrastructure", "Mouvement des voies ferrées",
          "Ground motion of railways", "ground_motion_assets_{kind}.qml"),
    Layer("mouvement_troncon_de_route", "infrastructure", "Mouvement des routes", "Ground motion of roads",
          "ground_motion_assets_{kind}.qml"),
    Layer("mouvement_batiment", "infrastructure", "Mouvement du sol des bâtiments", "Ground motion of buildings",
          "ground_motion_assets_{kind}.qml"),
    Layer("argiles_batiments", "clay", "Bâtiments et argiles (retrait-gonflement)",
          "Buildings and clay (shrink-swell)", "clay_risk.qml"),
    Layer("argiles_exposition", "clay", "Exposition aux argiles (Géorisques)", "Clay exposure (Géorisques)",
          "clay_exposure.qml"),
    Layer("egms_points", "infrastructure", "Points EGMS", "EGMS points", "egms_velocity.qml", hidden=True),
    Layer("erp", "data", "Sites sensibles (ERP)", "Sensitive sites (public buildings)",
          "bdtopo_public_buildings.qml"),
    Layer("pont", "data", "Ponts", "Bridges", "bdtopo_bridges.qml"),
    Layer("pont_surface", "data", "Tabliers de ponts", "Bridge decks", "bdtopo_bridges_surfaces.qml"),
    Layer("troncon_de_voie_ferree", "data", "Voies ferrées", "Railways", "bdtopo_railways.qml"),
    Layer("troncon_de_route", "data", "Routes", "Roads", "bdtopo_roads.qml"),
    # Hidden under the buildings exposed to heat, when there are some (see project building).
    Layer("batiment", "data", "Bâtiments", "Buildings", "bdtopo_buildings.qml", hidden=True),
)

BY_NAME = {layer.name: layer for layer in LAYERS}

#: Other words of the project (groups, basemaps, map themes), by language.
WORDS = {
    "fr": {"group_data": "Données", "group_heat": "Surchauffe", "group_infrastructure": "Infrastructures",
           "group_basemap": "Fond de plan", "plan_ign": "Plan IGN", "ortho_ign": "Orthophotos IGN",
           "plan_ign_report": "Plan IGN (image du rapport)", "group_clay": "Argiles", "theme_clay": "Argiles",
           "theme_heat": "Surchauffe", "theme_infrastructure": "Infrastructures", "theme_all": "Tout"},
    "en": {"group_data": "Data", "group_heat": "Urban overheating", "group_infrastructure": "Infrastructures",
           "group_basemap": "Basemap", "plan_ign": "Plan IGN", "ortho_ign": "IGN orthophotos",
           "plan_ign_report": "Plan IGN (the report's image)", "group_clay": "Clay", "theme_clay": "Clay",
           "theme_heat": "Urban overheating", "theme_infrastructure": "Infrastructures", "theme_all": "Everything"},
}


def words(language: str) -> dict:
    """Every title of the project in ``language`` ("fr" or "en"; French otherwise): layers and other words."""
    language = language if language in WORDS else "fr"
    return {**{layer.name: layer.title(language) for layer in LAYERS}, **WORDS[language]}


def order(name: str) -> int:
    """Drawing rank of a layer (unknown layers last)."""
    names = [layer.name for layer in LAYERS]
    return names.index(name) if name in names else len(names)


def style(name: str, kind: str = "polygon") -> str | None:
    """The QML of layer ``name``; ``kind`` is the geometry kind of the layer where the style depends on it."""
    layer = BY_NAME.get(name)
    return layer.style.format(kind=kind) if layer and layer.style else None
