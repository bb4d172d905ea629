"""The commune diagnostic's deliverables: one GeoPackage with every layer and raster, one styled project.

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

from ..diagnostic import catalogue
from ..toolbelt.compat import gdal_raster_layer
from ..toolbelt.resources import resource_path

LAMBERT93 = "EPSG:2154"


def _source(uri: str) -> tuple[str, str | None]:
    parts = uri.split("|")
    layer = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    return parts[0], layer


def write_geopackage(diagnostic, path: Path) -> Path:
    """Every vector layer, then every raster (one band, float32, as a GeoPackage gridded coverage)."""
    from osgeo import gdal

    gdal.UseExceptions()
    first = True
    copies = [(name, uri, True) for name, (uri, _) in diagnostic.vectors.items()]
    copies += [(name, uri, False) for name, uri in diagnostic.tables.items()]
    for name, uri, spatial in copies:
        source, layer = _source(uri)
        dataset = gdal.VectorTranslate(
            str(path), source, format="GPKG", layers=[layer] if layer else None, layerName=name,
            accessMode=None if first else "update", dstSRS=LAMBERT93 if spatial else None,
            geometryType="PROMOTE_TO_MULTI" if spatial and name != "egms_points" else None)
        if dataset is None:
            raise OSError(f"cannot write {name} into {path}")
        dataset = None
        first = False
    for name, (raster, _) in diagnostic.rasters.items():
        dataset = gdal.Translate(str(path), raster, format="GPKG", bandList=[1], outputType=gdal.GDT_Float32,
                                 creationOptions=[f"RASTER_TABLE={name}", "APPEND_SUBDATASET=YES",
                                                  "TILE_FORMAT=TIFF",
                                                  f"FIELD_NAME={catalogue.BY_NAME[name].values or name}"])
        if dataset is None:
            raise OSError(f"cannot write the raster {name} into {path}")
        dataset = None
    return path


def basemap_layers(titles: dict):
    """Plan IGN (shown) and the IGN orthophoto (hidden) as XYZ tiles of the Géoplateforme WMTS: no request is
    made until the map is drawn, so the project opens offline too."""
    from ..sources.services import service_url

    layers = []
    for layer_id, image, title in (("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "image/png", titles["plan_ign"]),
                                   ("ORTHOIMAGERY.ORTHOPHOTOS", "image/jpeg", titles["ortho_ign"])):
        tiles = (f"{service_url('ign_wmts')}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer_id}"
                 f"&STYLE=normal&FORMAT={image}&TILEMATRIXSET=PM&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}")
        layer = QgsRasterLayer(f"type=xyz&url={quote(tiles, safe='')}&zmax=19&zmin=0", title, "wms")
        layers.append(layer)
    return layers


def build_project(diagnostic, gpkg: Path, path: Path):
    """The styled project of the GeoPackage ``gpkg``, written to ``path``: (project, {name: layer})."""
    from ..toolbelt.settings import Settings

    words = catalogue.words(Settings.load().report_language)
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


def write_default_styles(gpkg: Path, styles: dict) -> None:
    """Each layer's style as its default in the GeoPackage's ``layer_styles`` table (QGIS's own schema), written
    with OGR, so that the layers come styled even when the GeoPackage is opened without the project."""
    import datetime

    from osgeo import ogr
    from qgis.PyQt.QtXml import QDomDocument

    ogr.UseExceptions()
    dataset = ogr.Open(str(gpkg), 1)
    try:
        table = dataset.GetLayerByName("layer_styles")
        if table is None:
            table = dataset.CreateLayer("layer_styles", geom_type=ogr.wkbNone)
            for column, kind in (("f_table_catalog", ogr.OFTString), ("f_table_schema", ogr.OFTString),
                                 ("f_table_name", ogr.OFTString), ("f_geometry_column", ogr.OFTString),
                                 ("styleName", ogr.OFTString), ("styleQML", ogr.OFTString),
                                 ("styleSLD", ogr.OFTString), ("useAsDefault", ogr.OFTInteger),
                                 ("description", ogr.OFTString), ("owner", ogr.OFTString), ("ui", ogr.OFTString),
                                 ("update_time", ogr.OFTDateTime)):
                definition = ogr.FieldDefn(column, kind)
                if column == "useAsDefault":
                    definition.SetSubType(ogr.OFSTBoolean)
                table.CreateField(definition)
        for name, (title, layer) in styles.items():
            document = QDomDocument()
            layer.exportNamedStyle(document)
            source = dataset.GetLayerByName(name)
            feature = ogr.Feature(table.GetLayerDefn())
            for column, value in (("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", name),
                                  ("f_geometry_column", source.GetGeometryColumn() if source else ""),
                                  ("styleName", name[:30]), ("styleQML", document.toString()),
                                  ("styleSLD", ""), ("description", title), ("owner", ""), ("ui", "")):
                feature.SetField(column, value)
            feature.SetField("useAsDefault", 1)
            feature.SetField("update_time", datetime.datetime.now().strftime("%Y/%m/%d %H:%M:%S"))
            table.CreateFeature(feature)
    finally:
        dataset = None


def _centre_ramp(layer: QgsRasterLayer) -> None:
    """Spread the temperature ramp around the raster's median, as landsat_lst does for its outputs."""
    import numpy as np

    from ..analysis.heat.islands import valid_values
    from .styling import LST_STYLE, style_diverging

    values = valid_values(layer.source(), np.float64)
    if values.size:
        low, median, high = np.percentile(values, [2, 50, 98])
        style_diverging(layer, LST_STYLE, float(low), float(median), float(high))


def _map_themes(project: QgsProject, groups: dict, words: dict) -> None:
    """"Overheating", "Infrastructures" and "Everything": the data group with one topic, or all of them
    (a theme of the same name is replaced)."""
    model = QgsLayerTreeModel(project.layerTreeRoot())
    themes = project.mapThemeCollection()
    for theme, shown in ((words["theme_heat"], {"data", "heat"}),
                         (words["theme_infrastructure"], {"data", "infrastructure"}),
                         (words["theme_all"], {"data", "heat", "infrastructure"})):
        if not shown - {"data"} <= set(groups):
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
