"""The commune diagnostic's workflow: the whole chain for one commune — data, analyses, GeoPackage, project, PDF.

The chain runs the plugin's own algorithms by id (the same code paths as the toolbox) in a hidden work
folder next to the outputs; only when everything is written are the GeoPackage, the project, the
report and the map moved into ``<output folder>/<INSEE>_<commune>/``. A cancel or an error removes
the work folder: nothing half-written is left.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled
from ..sources.wfs import LAYER_NAMES
from ..toolbelt.log import log_tr
from . import catalogue
from .facts import Diagnostic

ANALYSES = ("both", "heat", "infrastructure")


def default_last_summer(today: datetime.date | None = None) -> int:
    """The last summer whose June–August is over (and whose images are published, by mid-September)."""
    today = today or datetime.date.today()
    return today.year if (today.month, today.day) >= (9, 15) else today.year - 1


def slug(text: str) -> str:
    """A file-name-safe, accent-free form of a commune name: "Saint-Étienne" → "saint-etienne"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "commune"


def results_folder(folder, insee: str, name: str) -> Path:
    """Where a commune's deliverables go: ``<folder>/<INSEE>_<name>``."""
    return Path(folder) / f"{insee}_{slug(name)}"


@dataclass
class Request:
    """What the user asked for (the algorithm's parameters, checked)."""

    query: str
    folder: Path
    analysis: str = "both"  # one of ANALYSES
    egms: str = ""
    last_summer: int = field(default_factory=lambda: default_last_summer())
    summers: int = 3
    max_cloud: float = 30.0
    population: str = ""
    overwrite: bool = False


class Workflow:
    """The commune diagnostic: the plugin's algorithms run by id through the Processing registry (the same code
    paths as the toolbox), then the GeoPackage, the project and the report."""

    def __init__(self, request: Request, context, feedback):
        self.request, self.context, self.feedback = request, context, feedback

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("Workflow", text)

    def run(self) -> dict:
        """Run the chain in a hidden work folder; move the deliverables into place only when all is written."""
        from .folders import claim_work_folder, clean_stale, release_work_folder

        folder = self.request.folder
        created = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        for path in clean_stale(folder):
            log_tr(QT_TRANSLATE_NOOP(
                "TerritoireLog", "Commune diagnostic: {0}, left by an interrupted run, was cleaned up."), path)
        work = claim_work_folder(folder)
        steps = QgsProcessingMultiStepFeedback(7, self.feedback)
        # The steps get a context of their own: the layers they open are released before the work folder goes.
        inner = QgsProcessingContext()
        inner.setProject(self.context.project())
        inner.setTransformContext(self.context.transformContext())
        try:
            diagnostic = self.gather(inner, steps, work)
            final = results_folder(folder, diagnostic.insee, diagnostic.name)
            return self.write(diagnostic, final, steps)
        finally:
            inner.temporaryLayerStore().removeAllMapLayers()
            del inner
            release_work_folder(work)
            if created and not any(folder.iterdir()):  # a cancel or an error leaves no empty folder behind
                folder.rmdir()

    def child(self, algorithm_id: str, parameters: dict, context, feedback) -> dict:
        """Run one of the plugin's algorithms; stop the chain if the user cancelled."""
        if feedback.isCanceled():
            raise Cancelled()
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        results, ok = algorithm.run(parameters, context, feedback, {}, False)
        if feedback.isCanceled():
            raise Cancelled()
        if not ok:
            raise QgsProcessingException(self.tr("{0} failed.").format(algorithm.displayName()))
        return results

    def gather(self, context, steps, work: Path) -> Diagnostic:
        """Data and analyses, all written in ``work``."""
        steps.setCurrentStep(0)
        steps.setProgressText(self.tr("Commune outline"))
        commune_path = str(work / "commune.gpkg")
        result = self.child("territoire:commune_boundary", {"COMMUNE": self.request.query, "OUTPUT": commune_path},
                            context, steps)
        outline = self.commune_outline(result["OUTPUT"])
        diagnostic = Diagnostic(str(result["INSEE"]), str(result["NAME"]), work)
        diagnostic.vectors["commune"] = (result["OUTPUT"], catalogue.style("commune"))
        self.check_existing(diagnostic)

        steps.setCurrentStep(1)
        steps.setProgressText(self.tr("BD TOPO (IGN)"))
        bdtopo = self.child("territoire:download_bdtopo", {
            "COMMUNE": diagnostic.insee, "THEMES": [0, 1, 2, 3, 4], "OUTPUT": str(work / "bdtopo.gpkg")},
            context, steps)
        by_layer = {layer: theme for theme, layer in LAYER_NAMES.items()}
        themes = {by_layer[uri.split("layername=")[-1]]: uri for uri in bdtopo["LAYERS"]
                  if uri.split("layername=")[-1] in by_layer}
        for theme, uri in themes.items():
            diagnostic.vectors[LAYER_NAMES[theme]] = (uri, catalogue.style(LAYER_NAMES[theme]))
        if self.request.analysis in ("both", "heat"):
            self.heat(diagnostic, themes, outline, context, steps)
        if self.request.analysis in ("both", "infrastructure"):
            self.infrastructure(diagnostic, themes, self.request.egms, context, steps)
        return diagnostic

    @staticmethod
    def commune_outline(path: str):
        """The outline geometry of the commune layer; no layer is kept (an error traceback holding a layer past
        QGIS's exit would crash it)."""
        return next(QgsVectorLayer(path, "commune", "ogr").getFeatures()).geometry()

    def check_existing(self, diagnostic: Diagnostic) -> None:
        final = results_folder(self.request.folder, diagnostic.insee, diagnostic.name)
        if final.exists() and any(final.iterdir()) and not self.request.overwrite:
            raise QgsProcessingException(self.tr(
                "Results for {0} already exist in {1}. Tick \"Replace existing results\" to replace them, or "
                "choose another output folder.").format(diagnostic.name, final))

    def heat(self, diagnostic: Diagnostic, themes: dict, outline, context, steps) -> None:
        from ..analysis.heat.composite import lst_composite

        steps.setCurrentStep(2)
        steps.setProgressText(self.tr("Landsat summer scenes"))
        last, summers = self.request.last_summer, self.request.summers
        box = outline.boundingBox().buffered(2000.0)  # a rural ring around the town for the reference
        extent = f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:2154]"
        from ..toolbelt.settings import Settings

        try:
            # Scene windows go to the plugin's cache: a new run for the same commune reads them again from disk.
            landsat = self.child("territoire:download_landsat", {
                "EXTENT": extent, "START": f"{last - summers + 1}-06-01", "END": f"{last}-08-31",
                "SUMMER_ONLY": True, "MAX_CLOUD": self.request.max_cloud,
                "MAX_SCENES": 2 * summers, "OUTPUT_FOLDER": str(Path(Settings.load().cache_dir) / "landsat_scenes")},
                context, steps)
        except QgsProcessingException as error:
            diagnostic.warnings.append(self.tr("No overheating analysis: {0}").format(error))
            steps.pushWarning(diagnostic.warnings[-1])
            return
        scenes = [Path(s) for s in landsat["SCENES"]]
        if not scenes:
            diagnostic.warnings.append(self.tr(
                "No clear Landsat summer scene over the commune in the period: no overheating analysis."))
            steps.pushWarning(diagnostic.warnings[-1])
            return
        steps.setCurrentStep(3)
        lst_paths, ndvi_paths = [], []
        for number, scene in enumerate(scenes):
            steps.setProgressText(self.tr("Surface temperature {0}/{1}").format(number + 1, len(scenes)))
            lst_paths.append(self.child("territoire:landsat_lst", {
                "INPUT": str(scene), "CLIP_EXTENT": extent, "OUTPUT": str(diagnostic.work / f"lst_{number}.tif")},
                context, steps)["OUTPUT"])
            ndvi_paths.append(self.child("territoire:ndvi", {
                "INPUT": str(scene), "OUTPUT": str(diagnostic.work / f"ndvi_{number}.tif")}, context, steps)["OUTPUT"])
        steps.setProgressText(self.tr("Summer median"))
        lst = self.child("territoire:lst_composite", {"INPUTS": lst_paths,
                                                      "OUTPUT": str(diagnostic.work / "lst.tif")}, context, steps)
        ndvi_own_grid = str(diagnostic.work / "ndvi_median.tif")
        lst_composite(ndvi_paths, ndvi_own_grid, is_canceled=steps.isCanceled)
        ndvi = str(diagnostic.work / "ndvi.tif")
        self.onto_grid_of(lst["OUTPUT"], ndvi_own_grid, ndvi)
        steps.setCurrentStep(4)
        steps.setProgressText(self.tr("Heat islands and hot spots"))
        intensity = self.child("territoire:heat_island_intensity", {
            "LST": lst["OUTPUT"], "NDVI": ndvi, "TOWN": diagnostic.vectors["commune"][0],
            "OUTPUT": str(diagnostic.work / "intensity.tif")}, context, steps)
        islands = self.child("territoire:heat_islands", {
            "INPUT": intensity["OUTPUT"], "OUTPUT": str(diagnostic.work / "islands.gpkg")}, context, steps)
        hotspots = self.child("territoire:heat_hotspots", {
            "INPUT": lst["OUTPUT"], "OUTPUT": str(diagnostic.work / "hotspots.gpkg")}, context, steps)
        population = None
        source = self.request.population
        if source:
            steps.setProgressText(self.tr("Population (INSEE Filosofi)"))
            try:
                population = self.child("territoire:download_population", {
                    "SOURCE": source, "COMMUNE": diagnostic.insee,
                    "OUTPUT": str(diagnostic.work / "population.gpkg")}, context, steps)["OUTPUT"]
            except QgsProcessingException as error:
                # The rest of the diagnostic stands without the population figures: the report says why.
                diagnostic.warnings.append(self.tr("No population figures: {0}").format(error))
                steps.pushWarning(diagnostic.warnings[-1])
        exposure = None
        if "buildings" in themes:
            steps.setProgressText(self.tr("Exposure of buildings and people"))
            exposure = self.child("territoire:heat_exposure", {
                "LST": lst["OUTPUT"], "INTENSITY": intensity["OUTPUT"], "BUILDINGS": themes["buildings"],
                "SITES": themes.get("public_buildings"), "POPULATION": population,
                "OUTPUT_BUILDINGS": str(diagnostic.work / "exposure_buildings.gpkg"),
                "OUTPUT_CELLS": str(diagnostic.work / "exposure_cells.gpkg")}, context, steps)
        diagnostic.rasters["lst"] = (lst["OUTPUT"], catalogue.style("lst"))
        diagnostic.rasters["intensite_icu"] = (intensity["OUTPUT"], catalogue.style("intensite_icu"))
        diagnostic.rasters["ndvi"] = (ndvi, catalogue.style("ndvi"))
        diagnostic.vectors["ilots_chaleur"] = (islands["OUTPUT"], catalogue.style("ilots_chaleur"))
        diagnostic.vectors["points_chauds"] = (hotspots["OUTPUT"], catalogue.style("points_chauds"))
        if exposure:
            diagnostic.vectors["batiments_chaleur"] = (exposure["OUTPUT_BUILDINGS"],
                                                    catalogue.style("batiments_chaleur"))
            if population:
                diagnostic.vectors["vulnerabilite_200m"] = (exposure["OUTPUT_CELLS"],
                                                             catalogue.style("vulnerabilite_200m"))
        diagnostic.facts.landsat = sorted(scene.name for scene in scenes)
        diagnostic.facts.sensitive = exposure.get("SENSITIVE", 0) if exposure else 0
        diagnostic.facts.period = (last - summers + 1, last)

    @staticmethod
    def onto_grid_of(reference: str, source: str, output: str) -> None:
        """Band 1 of ``source`` resampled (bilinear) onto the grid of ``reference``, as a GeoTIFF."""
        from osgeo import gdal

        from ..analysis.raster.align import aligned_vrts
        from ..core.grid import GTIFF_OPTIONS, Grid, open_raster

        dataset = open_raster(reference, Path(reference).name)
        aligned = aligned_vrts([reference, source], Grid.of(dataset))[1]
        written = gdal.Translate(output, aligned, bandList=[1], creationOptions=GTIFF_OPTIONS)
        if written is None:
            raise OSError(f"cannot write {output}")
        written = dataset = None  # noqa: F841 - closes both datasets
        if aligned.startswith("/vsimem/"):
            gdal.Unlink(aligned)

    def infrastructure(self, diagnostic: Diagnostic, themes: dict, egms: str, context, steps) -> None:
        steps.setCurrentStep(5)
        if not egms:
            diagnostic.warnings.append(self.tr(
                "No EGMS file given: no ground-motion analysis. Download the commune's EGMS points "
                "(territoire:download_egms or egms.land.copernicus.eu) and give the file."))
            return
        steps.setProgressText(self.tr("EGMS ground motion"))
        points = self.child("territoire:import_egms", {
            "INPUT": egms, "COMMUNE": diagnostic.insee, "OUTPUT": str(diagnostic.work / "egms.gpkg")},
            context, steps)
        diagnostic.vectors["egms_points"] = (f"{points['OUTPUT']}|layername=egms_points",
                                           catalogue.style("egms_points"))
        for table in ("egms_dates", "egms_metadata"):  # the series' dates: the time-series tool needs them
            diagnostic.tables[table] = f"{points['OUTPUT']}|layername={table}"
        alerts = {}
        for theme, title in (("buildings", self.tr("Ground motion of buildings")),
                             ("roads", self.tr("Ground motion of roads")),
                             ("railways", self.tr("Ground motion of railways")),
                             ("bridges", self.tr("Ground motion of bridges")),
                             ("bridges_surfaces", self.tr("Ground motion of bridge decks"))):
            if theme not in themes or QgsVectorLayer(themes[theme], theme, "ogr").featureCount() == 0:
                continue
            steps.setProgressText(title)
            result = self.child("territoire:ground_motion_assets", {
                "POINTS": points["OUTPUT"], "ASSETS": themes[theme],
                "OUTPUT": str(diagnostic.work / f"motion_{theme}.gpkg")}, context, steps)
            name = f"mouvement_{LAYER_NAMES[theme]}"
            kind = {0: "point", 1: "line"}.get(int(QgsVectorLayer(result["OUTPUT"], name, "ogr").geometryType()),
                                               "polygon")
            diagnostic.vectors[name] = (result["OUTPUT"], catalogue.style(name, kind))
            alerts[name] = (int(result["ALERTS"]), int(result["WATCH"]))
        diagnostic.facts.motion = alerts
        diagnostic.facts.egms_file = Path(egms).name
        if "buildings" in themes:
            self.clay(diagnostic, themes["buildings"], points["OUTPUT"], context, steps)

    def clay(self, diagnostic: Diagnostic, buildings: str, points: str, context, steps) -> None:
        """Clay shrink-swell: the exposure and decrees of Géorisques, then each building's class. Without
        Géorisques (unreachable and nothing cached), the rest of the diagnostic stands: the report says why."""
        steps.setProgressText(self.tr("Clay shrink-swell (Géorisques)"))
        try:
            risks = self.child("territoire:download_georisques", {
                "COMMUNE": diagnostic.insee, "BUILDINGS": buildings,
                "OUTPUT": str(diagnostic.work / "georisques.gpkg")}, context, steps)["OUTPUT"]
            result = self.child("territoire:clay_shrink_swell", {
                "POINTS": f"{points}|layername=egms_points", "BUILDINGS": buildings,
                "EXPOSURE": f"{risks}|layername=exposition_argiles", "DECREES": f"{risks}|layername=catnat",
                "OUTPUT": str(diagnostic.work / "clay.gpkg")}, context, steps)
        except QgsProcessingException as error:
            diagnostic.warnings.append(self.tr("No clay shrink-swell analysis: {0}").format(error))
            steps.pushWarning(diagnostic.warnings[-1])
            return
        diagnostic.vectors["argiles_batiments"] = (result["OUTPUT"], catalogue.style("argiles_batiments"))
        diagnostic.vectors["argiles_exposition"] = (f"{risks}|layername=exposition_argiles",
                                                    catalogue.style("argiles_exposition"))
        diagnostic.tables["catnat"] = f"{risks}|layername=catnat"
        decrees = [(f["debut"], f["fin"], f["peril"], bool(f["secheresse"]))
                   for f in QgsVectorLayer(f"{risks}|layername=catnat", "catnat", "ogr").getFeatures()]
        diagnostic.facts.clay = {"inspect": int(result["INSPECT"]), "watch": int(result["WATCH"]),
                                 "insufficient": int(result["INSUFFICIENT"]), "decrees": decrees}

    # ------------------------------------------------------------------ outputs

    def write(self, diagnostic: Diagnostic, final: Path, steps) -> dict:
        from .geopackage import write_geopackage
        from .project import build_project
        from .report.layout import write_report

        steps.setCurrentStep(6)
        steps.setProgressText(self.tr("GeoPackage, project and report"))
        from .folders import RESULT, publish

        stem = f"territoire_{diagnostic.insee}"
        result = diagnostic.work / RESULT
        gpkg = write_geopackage(diagnostic, result / f"{stem}.gpkg")
        project_path = result / f"{stem}.qgz"
        project, layers = build_project(diagnostic, gpkg, project_path)
        pdf, png, summary = write_report(diagnostic, project, layers, result / f"rapport_{diagnostic.insee}.pdf",
                                         result / f"carte_{diagnostic.insee}.png", steps)
        project.clear()  # closes every layer on the GeoPackage before it moves
        del project, layers
        if steps.isCanceled():
            raise Cancelled()
        publish(result, final)  # one rename: the four deliverables appear together, or not at all
        outputs = {key: str(final / Path(path).name) for key, path in (
            ("GEOPACKAGE", gpkg), ("PROJECT", project_path), ("REPORT", pdf), ("MAP", png))}
        motion = diagnostic.facts.motion or {}
        outputs.update({"FOLDER": str(final), "SUMMARY": summary,
                        "ALERTS": sum(alert for alert, _ in motion.values())})
        return outputs
