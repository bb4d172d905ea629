"""The commune diagnostic's QGIS project: the GeoPackage's layers styled, grouped and themed.

Layers keep the shipped styles (saved in the GeoPackage too, so they come styled even without the
project), in groups "Territoire — <commune>" / "Données", "Surchauffe", "Infrastructures", above an
IGN basemap; one map theme per topic; the project opens on the commune.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeModel,
    QgsMapThemeCollection,
    QgsProject,
    QgsRasterLayer,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from ..qgis_io.styles import relabel_in_english
from ..toolbelt.compat import gdal_raster_layer
from ..toolbelt.resources import resource_path
from . import catalogue
from .geopackage import write_default_styles

LAMBERT93 = "EPSG:2154"


def basemap_layers(titles: dict):
    """Plan IGN (shown) and the IGN orthophoto (hidden) as XYZ tiles of the Géoplateforme WMTS: no request is
    made until the map is drawn, so the project opens offline too."""
    from ..sources.wmts import PLAN_IGN, tile_url
    from ..toolbelt.settings import service_url

    layers = []
    for layer_id, image, title in ((PLAN_IGN, "image/png", titles["plan_ign"]),
                                   ("ORTHOIMAGERY.ORTHOPHOTOS", "image/jpeg", titles["ortho_ign"])):
        tiles = tile_url(service_url("ign_wmts"), layer_id, "{z}", "{y}", "{x}", image)  # QGIS's XYZ placeholders
        layer = QgsRasterLayer(f"type=xyz&url={quote(tiles, safe='')}&zmax=19&zmin=0", title, "wms")
        layers.append(layer)
    return layers


def build_project(diagnostic, gpkg: Path, path: Path):
    """The styled project of the GeoPackage ``gpkg``, written to ``path``: (project, {name: layer})."""
    from ..toolbelt.settings import Settings

    language = Settings.load().report_language
    words = catalogue.words(language)
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(LAMBERT93))
    project.setTitle(f"Territoire — {diagnostic.name}")
    root = project.layerTreeRoot()
    top = root.addGroup(f"Territoire — {diagnostic.name}")
    groups = {topic: top.addGroup(words[f"group_{topic}"]) for topic in catalogue.TOPICS}
    layers, styles = {}, {}
    titles = {**{n: (s, words.get(n, n)) for n, (_, s) in diagnostic.vectors.items()},
              **{n: (s, words.get(n, n)) for n, (_, s) in diagnostic.rasters.items()}}
    for name in sorted(titles, key=catalogue.order):
        style, title = titles[name]
        if name in diagnostic.rasters:
            layer = gdal_raster_layer(f"GPKG:{gpkg}:{name}", title)
        else:
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", title, "ogr")
        if not layer.isValid():
            raise OSError(f"cannot open {name} in {gpkg}")
        if style:
            layer.loadNamedStyle(str(resource_path("styles", style)))
            if language == "en":  # the shipped styles' class labels are French
                relabel_in_english(layer)
        if name in diagnostic.rasters and name == "lst":
            _centre_ramp(layer)
        if name == "commune":
            from qgis.core import QgsFillSymbol

            layer.renderer().setSymbol(QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "35,35,35", "outline_width": "0.8"}))
        if isinstance(layer, QgsVectorLayer) and style:
            styles[name] = (title, layer)
        node = _add(project, groups[catalogue.BY_NAME[name].topic], layer)
        if name in diagnostic.rasters:
            hide_band_label(node)
        hidden = catalogue.BY_NAME[name].hidden
        node.setItemVisibilityChecked(not hidden or (name == "batiment" and "batiments_chaleur" not in titles))
        layers[name] = layer
    for group in list(groups.values()):
        if not group.children():
            top.removeChildNode(group)
            groups = {k: v for k, v in groups.items() if v is not group}
    base = root.addGroup(words["group_basemap"])
    for number, layer in enumerate(basemap_layers(words)):
        node = _add(project, base, layer)
        node.setItemVisibilityChecked(number == 0)
        layers[f"basemap_{number}"] = layer
    _map_themes(project, groups, words)
    write_default_styles(gpkg, styles)
    extent = layers["commune"].extent()
    extent.scale(1.1)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))
    if not project.write(str(path)):
        raise OSError(f"cannot write {path}: {project.error()}")
    return project, layers


def hide_band_label(node) -> None:
    """A one-band raster's legend shows its colour ramp only, not the "Band 1: …" line above it."""
    from qgis.core import QgsMapLayerLegendUtils

    QgsMapLayerLegendUtils.setLegendNodeOrder(node, [1])


def _add(project: QgsProject, group, layer):
    """Add ``layer`` to ``project`` in ``group``; its node in the layer tree."""
    if project.addMapLayer(layer, False) is None:
        raise OSError(f"cannot add {layer.name()} to the project")
    return group.addLayer(layer)


def _centre_ramp(layer: QgsRasterLayer) -> None:
    """Spread the temperature ramp around the raster's median, as landsat_lst does for its outputs."""
    import numpy as np

    from ..analysis.heat.islands import valid_values
    from ..qgis_io.styles import LST_STYLE, style_diverging

    values = valid_values(layer.source(), np.float64)
    if values.size:
        low, median, high = np.percentile(values, [2, 50, 98])
        style_diverging(layer, LST_STYLE, float(low), float(median), float(high))


def _map_themes(project: QgsProject, groups: dict, words: dict) -> None:
    """"Overheating", "Infrastructures", "Clay" and "Everything": the data group with one topic, or all of them
    (a theme of the same name is replaced; a topic without its group is left out)."""
    model = QgsLayerTreeModel(project.layerTreeRoot())
    themes = project.mapThemeCollection()
    for theme, shown in ((words["theme_heat"], {"data", "heat"}),
                         (words["theme_infrastructure"], {"data", "infrastructure"}),
                         (words["theme_clay"], {"data", "clay"}),
                         (words["theme_all"], {"data", "heat", "infrastructure", "clay"})):
        shown = shown & set(groups)
        if shown <= {"data"}:
            continue
        for topic, group in groups.items():
            group.setItemVisibilityChecked(topic in shown)
        record = QgsMapThemeCollection.createThemeFromCurrentState(project.layerTreeRoot(), model)
        if themes.hasMapTheme(theme):
            themes.update(theme, record)
        else:
            themes.insert(theme, record)
    for group in groups.values():
        group.setItemVisibilityChecked(True)


def add_map_themes(project: QgsProject, top) -> None:
    """The map themes of a commune's group ``top`` (its topic groups found by name, in either language)."""
    for language in catalogue.WORDS:
        words = catalogue.words(language)
        names = {words[f"group_{topic}"]: topic for topic in catalogue.TOPICS}
        groups = {names[child.name()]: child for child in top.children() if child.name() in names}
        if "data" in groups:
            _map_themes(project, groups, words)
            return
