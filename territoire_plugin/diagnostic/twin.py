"""The commune's digital twin in 3D, added to a commune diagnostic's project.

From the diagnostic's project (``territoire_<insee>.qgz``): the IGN relief of the commune (Géoplateforme
WMS-Raster, LiDAR HD where published, RGE ALTI elsewhere; cached; ``relief_<insee>.tif`` beside the project), the
buildings extruded by their BD TOPO height and coloured by a theme — heat exposure, ground-motion class, clay risk,
or plain — with the classes and colours of their 2D style, the roads and the commune's outline draped on the
terrain; a 3D view saved in the project (it opens with it) and, when this session can draw with OpenGL, its image
``vue3d_<insee>.png`` for the report. No relief service: a flat terrain at the buildings' median ground altitude,
said in the log. The project is rewritten atomically; an image already there is replaced only when asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsHillshadeRenderer, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError, Cancelled
from ..core.files import atomic_output
from ..toolbelt.i18n import error_text
from . import catalogue
from .project import hide_band_label

#: The themes, in the order "automatic" tries them, and each one's layer in the diagnostic's GeoPackage.
THEME_LAYERS = {"heat": "batiments_chaleur", "motion": "mouvement_batiment", "clay": "argiles_batiments",
                "buildings": "batiment"}
THEMES = ("auto", *THEME_LAYERS)
#: Layers draped on the terrain, when the project has them.
DRAPED = ("troncon_de_route", "commune")
#: Metres a pixel of the relief (a commune of 5 × 5 km is 1,000 × 1,000 pixels).
RELIEF_RESOLUTION = 5.0
#: Metres of relief around the commune's extent.
RELIEF_MARGIN = 200.0
RELIEF_LAYER = "relief_ign"
TREES_LAYER = "arbres_3d"
#: The trees' colour in 2D and 3D.
TREE_COLOUR = "#577a3a"
PROJECT_NAME = re.compile(r"^territoire_(\d[0-9AB]\d{3})$")


@dataclass
class TwinResult:
    project: Path
    image: Path | None  # None: no OpenGL in this session (the view is in the project all the same)
    relief: Path | None  # None: no relief service, flat terrain
    theme: str


def table_of(layer) -> str | None:
    """The GeoPackage table a layer of the diagnostic's project reads (the relief: its mark)."""
    if layer.customProperty("territoire/table"):
        return str(layer.customProperty("territoire/table"))
    match = re.search(r"layername=([^|]+)", layer.source()) or re.search(r"GPKG:.*:([^:]+)$", layer.source())
    return match.group(1) if match else None


def open_project(path) -> tuple[QgsProject, str]:
    """The diagnostic's project at ``path`` and the commune's INSEE code its name gives."""
    path = Path(path)
    match = PROJECT_NAME.match(path.stem)
    if not path.is_file() or path.suffix.lower() not in (".qgz", ".qgs") or not match:
        raise AnalysisError("twin_not_a_diagnostic", QT_TRANSLATE_NOOP(
            "AnalysisError", "{path} is not the project of a commune diagnostic (territoire_<INSEE code>.qgz, in the "
            "commune's results folder). Run the commune diagnostic first, then choose its project."), path=path)
    project = QgsProject()
    if not project.read(str(path)):
        raise AnalysisError("twin_unreadable", QT_TRANSLATE_NOOP(
            "AnalysisError", "QGIS cannot read the project {path}: {error}"), path=path, error=project.error())
    return project, match.group(1)


def theme_layer(project, theme: str):
    """(theme, layer) of the buildings to show: the theme asked, or the first one the project has."""
    by_table = {table_of(layer): layer for layer in project.mapLayers().values() if isinstance(layer, QgsVectorLayer)}
    wanted = [theme] if theme != "auto" else list(THEME_LAYERS)
    for name in wanted:
        layer = by_table.get(THEME_LAYERS[name])
        if layer is not None and layer.isValid():
            return name, layer
    present = ", ".join(name for name, table in THEME_LAYERS.items() if table in by_table) or "—"
    raise AnalysisError("twin_no_theme", QT_TRANSLATE_NOOP(
        "AnalysisError", "The project has no layer for the theme asked ({theme}). Themes it has: {present}. Run the "
        "diagnostic with the matching analysis, or choose another theme."), theme=theme, present=present)


def check_buildings(layer) -> None:
    if layer.crs().isGeographic():
        raise AnalysisError("twin_geographic", QT_TRANSLATE_NOOP(
            "AnalysisError", "The layer {layer} is in a geographic CRS ({crs}): heights in metres need a projected "
            "one. Save it in Lambert-93 (EPSG:2154) and run again."), layer=layer.name(), crs=layer.crs().authid())
    if layer.featureCount() == 0:
        raise AnalysisError("twin_empty", QT_TRANSLATE_NOOP(
            "AnalysisError", "The layer {layer} holds no building: there is nothing to show in 3D."),
            layer=layer.name())


def ground_altitude(layer) -> float:
    """The buildings' median ground altitude (BD TOPO's altitude_minimale_sol), else 0."""
    import numpy as np

    if "altitude_minimale_sol" not in layer.fields().names():
        return 0.0
    values = [feature["altitude_minimale_sol"] for feature in layer.getFeatures()]
    numbers = np.array([float(v) for v in values if isinstance(v, (int, float))], float)
    numbers = numbers[np.isfinite(numbers)]
    return float(np.median(numbers)) if numbers.size else 0.0


def _grid(extent, target: Path, feedback, layers):
    """The IGN elevation grid of ``layers`` over ``extent`` and its margin, at RELIEF_RESOLUTION, in ``target``
    (``sources.elevation``): its GridSummary, or None with the reason in the log when it cannot be had."""
    from ..qgis_io.areas import client_for
    from ..sources.elevation import elevation_grid

    client, base = client_for("ign_wms_raster", feedback)
    bounds = (extent.xMinimum() - RELIEF_MARGIN, extent.yMinimum() - RELIEF_MARGIN,
              extent.xMaximum() + RELIEF_MARGIN, extent.yMaximum() + RELIEF_MARGIN)
    try:
        return elevation_grid(client, base, bounds, RELIEF_RESOLUTION, target, layers=layers,
                              is_canceled=feedback.isCanceled)
    except Cancelled:
        raise
    except AnalysisError as error:
        feedback.pushWarning(error_text(error))
        return None


def fetch_relief(extent, target: Path, feedback, overwrite: bool):
    """The relief GeoTIFF over ``extent`` (kept from a previous run unless ``overwrite``), or None with the
    reason in the log when the service cannot be reached."""
    from ..core import wording
    from ..sources.elevation import TERRAIN_LAYERS, TERRAIN_LIDAR
    from ..toolbelt.i18n import qgis_language

    if target.exists() and not overwrite:
        feedback.pushInfo(QCoreApplication.translate("Twin", "Relief: {0}, made by a previous run.").format(
            target.name))
        return target
    summary = _grid(extent, target, feedback, TERRAIN_LAYERS)
    if summary is None:
        return None
    lidar = summary.shares.get(TERRAIN_LIDAR, 0.0)
    language = qgis_language()
    feedback.pushInfo(QCoreApplication.translate(
        "Twin", "Relief: IGN, {0} m a pixel; LiDAR HD for {1} of it, RGE ALTI for the rest.").format(
        wording.number(RELIEF_RESOLUTION, language, 0), wording.percent(100 * lidar, language, 0)))
    return summary.path


def fetch_trees(extent, folder: Path, insee: str, buildings, feedback, overwrite: bool):
    """(``arbres_<insee>.gpkg``, where its trees come from: "lidar", "mixed" or "bdtopo"), or (None, None) when
    there are none to be had (said in the log): the tree patches of ``analysis.twin.canopy`` from IGN's LiDAR HD
    height model, and where the model has no data (LiDAR HD not flown yet, or the service unreachable), BD TOPO's
    vegetation zones at a stated height (``analysis.twin.vegetation``). Kept from a previous run unless
    ``overwrite``."""
    import numpy as np
    from osgeo import gdal

    from ..analysis.twin.canopy import canopy_classes, class_heights, footprints, write_polygons
    from ..analysis.twin.vegetation import add_zones, uncovered, zone_rows
    from ..core import wording
    from ..sources.elevation import HEIGHT_LIDAR, NODATA
    from ..toolbelt.i18n import qgis_language

    target = folder / f"arbres_{insee}.gpkg"
    if target.exists() and not overwrite:
        return target, _trees_source(target)
    model = folder / f".mnh_{insee}.tif"
    summary = _grid(extent, model, feedback, (HEIGHT_LIDAR,))
    heights = geotransform = None
    if summary is not None:
        try:
            dataset = gdal.Open(str(model))
            heights = dataset.GetRasterBand(1).ReadAsArray().astype(np.float32)
            heights[heights == NODATA] = np.nan
            geotransform = dataset.GetGeoTransform()
            dataset = None
        finally:
            model.unlink(missing_ok=True)
    missing = uncovered(heights, geotransform) if heights is not None else None
    rows = zone_rows(fetch_zones(extent, feedback), missing) if heights is None or missing is not None else []
    if heights is None and not rows:
        return None, None
    count = 0
    with atomic_output(target) as temporary:
        if heights is not None:
            built = footprints(buildings.source().split("|")[0], table_of(buildings), geotransform, heights.shape)
            classes = canopy_classes(heights, built)
            count = write_polygons(classes, geotransform, class_heights(heights, classes), str(temporary), "arbres")
        added = add_zones(str(temporary), "arbres", rows)
    language = qgis_language()
    patches, zones = wording.integer(count, language), wording.integer(added, language)
    if heights is None:
        feedback.pushWarning(QCoreApplication.translate(
            "Twin", "Trees: IGN's LiDAR HD height model could not be had; {0} BD TOPO vegetation zones shown at a "
            "stated height by their nature (closed forest 15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard "
            "4 m).").format(zones))
        return target, "bdtopo"
    share = wording.percent(100 * summary.missing, language, 0)
    if missing is None:
        feedback.pushInfo(QCoreApplication.translate(
            "Twin", "Trees: {0} patches of canopy from IGN's LiDAR HD height model.").format(patches))
        return target, "lidar"
    if added:
        feedback.pushInfo(QCoreApplication.translate(
            "Twin", "Trees: {0} patches of canopy from IGN's LiDAR HD height model; where it is not published yet "
            "({1} of the area), {2} BD TOPO vegetation zones at a stated height by their nature (closed forest "
            "15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard 4 m).").format(patches, share, zones))
        return target, "mixed"
    feedback.pushInfo(QCoreApplication.translate(
        "Twin", "Trees: {0} patches of canopy from IGN's LiDAR HD height model; no LiDAR HD yet over {1} of the "
        "area, and no BD TOPO vegetation zone there: no tree shown there.").format(patches, share))
    return target, "lidar"


def fetch_zones(extent, feedback) -> list:
    """BD TOPO's vegetation zones over ``extent`` and the relief's margin, as GeoJSON features (Géoplateforme WFS,
    cached); none, with the reason in the log, when the service cannot be had."""
    from ..qgis_io.areas import client_for
    from ..sources.wfs import VEGETATION_ZONES, Wfs

    client, base = client_for("geoplateforme_wfs", feedback)
    bounds = (extent.xMinimum() - RELIEF_MARGIN, extent.yMinimum() - RELIEF_MARGIN,
              extent.xMaximum() + RELIEF_MARGIN, extent.yMaximum() + RELIEF_MARGIN)
    try:
        return Wfs(client, base).features(VEGETATION_ZONES, bbox=bounds)
    except Cancelled:
        raise
    except AnalysisError as error:
        feedback.pushWarning(error_text(error))
        return []


def _trees_source(path: Path) -> str:
    """Where the trees of a previous run's ``arbres_<insee>.gpkg`` come from."""
    from osgeo import ogr

    from ..analysis.twin.vegetation import BDTOPO

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName("arbres")
    sources = ({feature.GetField("source") for feature in layer}
               if layer.GetLayerDefn().GetFieldIndex("source") >= 0 else {None})
    dataset = None
    return "bdtopo" if sources == {BDTOPO} else "mixed" if BDTOPO in sources else "lidar"


def add_trees(project, path: Path, data_group):
    """The tree patches as a layer of ``project`` (hidden in 2D), extruded by their height in 3D."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    from ..qgis_io.scene3d import renderer_3d

    layer = QgsVectorLayer(f"{path}|layername=arbres", QCoreApplication.translate("Twin", "Trees (3D)"), "ogr")
    if not layer.isValid() or project.addMapLayer(layer, False) is None:
        raise OSError(f"cannot open {path}")
    layer.setCustomProperty("territoire/table", TREES_LAYER)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": TREE_COLOUR, "outline_style": "no"})))
    layer.setRenderer3D(renderer_3d(layer.renderer(), '"hauteur"'))
    data_group.addLayer(layer).setItemVisibilityChecked(False)
    return layer


def make_twin(project_path, theme: str, overwrite: bool, feedback) -> TwinResult:
    """Add the 3D view to the diagnostic's project ``project_path`` (see the module's docstring)."""
    from ..qgis_io.capture3d import NO_DISPLAY, capture_view
    from ..qgis_io.scene3d import (
        add_view_to_project,
        height_expression,
        init_3d,
        layer_heights,
        renderer_3d,
        view_settings_xml,
    )
    from .report.view3d import SceneFacts  # (the report's modules load numpy and the analyses: not at start-up)

    init_3d()
    path = Path(project_path)
    project, insee = open_project(path)
    image = path.with_name(f"vue3d_{insee}.png")
    if image.exists() and not overwrite:
        raise AnalysisError("twin_exists", QT_TRANSLATE_NOOP(
            "AnalysisError", "{image} already exists: tick « Replace the existing image and relief » to make it "
            "again, or move it away."), image=image.name)
    theme, buildings = theme_layer(project, theme)
    check_buildings(buildings)
    heights = layer_heights(buildings)
    feedback.pushInfo(QCoreApplication.translate(
        "Twin", "Heights of the {0} buildings: {1} from BD TOPO's height, {2} from their storeys (3 m "
                "each), {3} without either, shown one storey high (3 m).").format(
        heights.count, heights.measured, heights.from_storeys, heights.defaulted))
    feedback.setProgress(10)
    by_table = {table_of(layer): layer for layer in project.mapLayers().values()}
    commune = by_table.get("commune")
    extent = (commune or buildings).extent()
    relief_path = fetch_relief(extent, path.with_name(f"relief_{insee}.tif"), feedback, overwrite)
    feedback.setProgress(50)
    relief = None
    ground = ground_altitude(buildings)
    for name in (RELIEF_LAYER, TREES_LAYER):
        if by_table.get(name) is not None:
            project.removeMapLayer(by_table[name].id())
    data_titles = {words["group_data"] for words in catalogue.WORDS.values()}
    data = next((group for group in project.layerTreeRoot().findGroups(True) if group.name() in data_titles),
                project.layerTreeRoot())
    trees_path, trees_source = fetch_trees(extent, path.parent, insee, buildings, feedback, overwrite)
    trees = add_trees(project, trees_path, data) if trees_path is not None else None
    feedback.setProgress(60)
    if relief_path is not None:
        relief = QgsRasterLayer(str(relief_path), QCoreApplication.translate("Twin", "Relief (IGN)"), "gdal")
        relief.setCustomProperty("territoire/table", RELIEF_LAYER)
        if not relief.isValid() or project.addMapLayer(relief, False) is None:
            raise OSError(f"cannot open {relief_path}")
        relief.setRenderer(QgsHillshadeRenderer(relief.dataProvider(), 1, 315.0, 45.0))  # shown, it reads as relief
        node = data.addLayer(relief)
        node.setItemVisibilityChecked(False)
        hide_band_label(node)
    else:
        feedback.pushWarning(QCoreApplication.translate(
            "Twin", "No relief: the terrain is flat, at {0:.0f} m (the buildings' median ground "
                    "altitude).").format(ground))
    buildings.setRenderer3D(renderer_3d(buildings.renderer(), height_expression(buildings.fields().names())))
    draped = [by_table[name] for name in DRAPED if name in by_table]
    shown = [buildings, *([trees] if trees is not None else []), *draped]
    view = view_settings_xml(project, extent, shown, relief, ground=ground)
    feedback.setProgress(70)
    try:
        shot = capture_view(project, view, image, is_canceled=feedback.isCanceled)
    except AnalysisError as error:
        if error.key != NO_DISPLAY:  # an empty image is an error; no display only means no image
            raise
        feedback.pushWarning(error_text(error))
        shot = None
    feedback.setProgress(85)
    if shot is not None:
        add_report_page(project, path.with_name(f"rapport_{insee}.pdf"), shot, SceneFacts(
            theme, buildings, heights.count, heights.measured, heights.from_storeys, heights.defaulted,
            relief is not None, ground, trees_source if trees is not None else None), feedback)
    with atomic_output(path) as temporary:  # the view, and the report's new page, saved with the project
        if not project.write(str(temporary)):
            raise OSError(f"cannot write {path}: {project.error()}")
        add_view_to_project(temporary, view)
    feedback.setProgress(100)
    return TwinResult(path, shot, relief_path, theme)


def add_report_page(project, pdf: Path, image: Path, facts, feedback) -> None:
    """The report's « Vue 3D » page (:mod:`.report.view3d`), or why not, in the log."""
    from .report.view3d import add_view_page

    if add_view_page(project, pdf, image, facts):
        feedback.pushInfo(QCoreApplication.translate("Twin", 'Report: the page "3D view" added to {0}.').format(
            pdf.name))
    else:
        feedback.pushWarning(QCoreApplication.translate(
            "Twin", 'Report: no page "3D view" in {0}: this project has no report that can be exported again '
                    "(made by an earlier version of Territoire). Run the diagnostic again to have it.").format(
            pdf.name))
