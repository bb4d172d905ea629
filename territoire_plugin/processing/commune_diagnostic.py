"""territoire:commune_diagnostic — the whole chain for one commune: data, analyses, GeoPackage, project, PDF.

The chain runs the plugin's own algorithms (the same code paths as the toolbox) in a hidden work
folder next to the outputs; only when everything is written are the GeoPackage, the project, the
report and the map moved into ``<output folder>/<INSEE>_<commune>/``. A cancel or an error removes
the work folder: nothing half-written is left.
"""

from __future__ import annotations

import datetime
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ..diagnostic import catalogue
from .base import TerritoireAlgorithm

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
class Diagnostic:
    """What the chain produced (paths inside the work folder) and the facts the report tells."""

    insee: str
    name: str
    work: Path
    vectors: dict = field(default_factory=dict)  # GeoPackage layer name -> (source URI, style file)
    rasters: dict = field(default_factory=dict)  # raster table name -> (path, style file)
    tables: dict = field(default_factory=dict)  # table name -> source URI (no geometry, not in the project)
    facts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


class CommuneDiagnosticAlgorithm(TerritoireAlgorithm):
    COMMUNE = "COMMUNE"
    ANALYSES = "ANALYSES"
    LAST_SUMMER = "LAST_SUMMER"
    SUMMERS = "SUMMERS"
    MAX_CLOUD = "MAX_CLOUD"
    EGMS = "EGMS"
    POPULATION = "POPULATION"
    OVERWRITE = "OVERWRITE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def name(self) -> str:
        return "commune_diagnostic"

    def displayName(self) -> str:
        return self.tr("Commune diagnostic (data, analyses, project, report)")

    def group(self) -> str:
        return self.tr("Diagnostic")

    def groupId(self) -> str:
        return "diagnostic"

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>The whole job for one commune, as the \"Diagnostic de commune\" panel does it: the commune's "
            "outline (API Géo), BD TOPO buildings, roads, railways, bridges and public buildings (IGN), the "
            "clearest Landsat summer scenes of the period, surface temperature and its median over the summers, "
            "NDVI, heat-island intensity, heat islands, hot spots, exposure of buildings and sensitive sites "
            "(and of people with an INSEE Filosofi 200 m file), and, with an EGMS file, ground motion of every "
            "asset with its alert class.</p><p>Writes, in <i>output folder / INSEE_commune</i>: one GeoPackage "
            "(every layer and raster), one QGIS project (styled groups, map themes, IGN basemap) and one PDF "
            "report for the council, plus a PNG of the main map. Downloads go through the plugin's cache: a "
            "second run for the same commune downloads nothing.</p><p>Batch mode runs it over several "
            "communes. Existing results are kept unless <b>Replace existing results</b> is ticked.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNE, self.tr("Commune (name, INSEE code or postcode)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.ANALYSES, self.tr("Analyses"), [self.tr("Urban overheating and infrastructures"),
                                                  self.tr("Urban overheating"), self.tr("Infrastructures")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.EGMS, self.tr("EGMS ground-motion file (CSV or zip), for the infrastructures"),
            optional=True, fileFilter="EGMS (*.csv *.zip)"))
        advanced = [
            QgsProcessingParameterNumber(self.LAST_SUMMER, self.tr("Last summer of the period"),
                                         QgsProcessingParameterNumber.Type.Integer, default_last_summer(),
                                         minValue=2013, maxValue=2100),
            QgsProcessingParameterNumber(self.SUMMERS, self.tr("Number of summers (June–August)"),
                                         QgsProcessingParameterNumber.Type.Integer, 3, minValue=1, maxValue=10),
            QgsProcessingParameterNumber(self.MAX_CLOUD, self.tr("Maximum cloud cover of a scene (%)"),
                                         QgsProcessingParameterNumber.Type.Double, 30.0, minValue=0, maxValue=100),
            QgsProcessingParameterString(self.POPULATION, self.tr("INSEE Filosofi 200 m file (path or web address)"),
                                         optional=True),
            QgsProcessingParameterBoolean(self.OVERWRITE, self.tr("Replace existing results"), defaultValue=False),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFolder("FOLDER", self.tr("Folder of the commune's results")))
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", self.tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", self.tr("QGIS project")))
        self.addOutput(QgsProcessingOutputFile("REPORT", self.tr("PDF report")))
        self.addOutput(QgsProcessingOutputFile("MAP", self.tr("Main map (PNG)")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))
        self.addOutput(QgsProcessingOutputNumber("ALERTS", self.tr("Assets on alert")))

    # ------------------------------------------------------------------ chain

    def child(self, algorithm_id: str, parameters: dict, context, feedback) -> dict:
        """Run one of the plugin's algorithms; stop the chain if the user cancelled."""
        from ..core.errors import Cancelled

        if feedback.isCanceled():
            raise Cancelled()
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        results, ok = algorithm.run(parameters, context, feedback, {}, False)
        if feedback.isCanceled():
            raise Cancelled()
        if not ok:
            raise QgsProcessingException(self.tr("{0} failed.").format(algorithm.displayName()))
        return results

    def processAlgorithm(self, parameters, context, feedback):

        query = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        if not query:
            raise QgsProcessingException(self.tr("Type a commune: its name, INSEE code or postcode."))
        analysis = ANALYSES[self.parameterAsEnum(parameters, self.ANALYSES, context)]
        egms = self.parameterAsFile(parameters, self.EGMS, context)
        if egms and not Path(egms).is_file():
            raise QgsProcessingException(self.tr("The EGMS file {0} does not exist.").format(egms))
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        created = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        work = folder / f".territoire-{uuid.uuid4().hex[:8]}.partial"
        work.mkdir()
        steps = QgsProcessingMultiStepFeedback(7, feedback)
        # The steps get a context of their own: the layers they open are released before the work folder goes.
        inner = QgsProcessingContext()
        inner.setProject(context.project())
        inner.setTransformContext(context.transformContext())
        try:
            diagnostic = self.gather(query, analysis, egms, parameters, inner, steps, work)
            final = results_folder(folder, diagnostic.insee, diagnostic.name)
            outputs = self.write(diagnostic, final, parameters, inner, steps)
        finally:
            inner.temporaryLayerStore().removeAllMapLayers()
            del inner
            shutil.rmtree(work, ignore_errors=True)
            if created and not any(folder.iterdir()):  # a cancel or an error leaves no empty folder behind
                folder.rmdir()
        for line in outputs["SUMMARY"].splitlines():
            feedback.pushInfo(line)
        return outputs

    def gather(self, query, analysis, egms, parameters, context, steps, work: Path) -> Diagnostic:
        """Data and analyses, all written in ``work``."""
        steps.setCurrentStep(0)
        steps.setProgressText(self.tr("Commune outline"))
        commune_path = str(work / "commune.gpkg")
        result = self.child("territoire:commune_boundary", {"COMMUNE": query, "OUTPUT": commune_path},
                            context, steps)
        outline = self.commune_outline(result["OUTPUT"])
        diagnostic = Diagnostic(str(result["INSEE"]), str(result["NAME"]), work)
        diagnostic.vectors["commune"] = (result["OUTPUT"], catalogue.style("commune"))
        self.check_existing(diagnostic, parameters, context)

        steps.setCurrentStep(1)
        steps.setProgressText(self.tr("BD TOPO (IGN)"))
        bdtopo = self.child("territoire:download_bdtopo", {
            "COMMUNE": diagnostic.insee, "THEMES": [0, 1, 2, 3, 4], "OUTPUT": str(work / "bdtopo.gpkg")},
            context, steps)
        from .download_bdtopo import LAYER_NAMES

        by_layer = {layer: theme for theme, layer in LAYER_NAMES.items()}
        themes = {by_layer[uri.split("layername=")[-1]]: uri for uri in bdtopo["LAYERS"]
                  if uri.split("layername=")[-1] in by_layer}
        for theme, uri in themes.items():
            diagnostic.vectors[LAYER_NAMES[theme]] = (uri, catalogue.style(LAYER_NAMES[theme]))
        if analysis in ("both", "heat"):
            self.heat(diagnostic, themes, outline, parameters, context, steps)
        if analysis in ("both", "infrastructure"):
            self.infrastructure(diagnostic, themes, egms, context, steps)
        return diagnostic

    @staticmethod
    def commune_outline(path: str):
        """The outline geometry of the commune layer; no layer is kept (an error traceback holding a layer past
        QGIS's exit would crash it)."""
        return next(QgsVectorLayer(path, "commune", "ogr").getFeatures()).geometry()

    def check_existing(self, diagnostic: Diagnostic, parameters, context) -> None:
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        final = results_folder(folder, diagnostic.insee, diagnostic.name)
        if final.exists() and any(final.iterdir()) and not self.parameterAsBoolean(
                parameters, self.OVERWRITE, context):
            raise QgsProcessingException(self.tr(
                "Results for {0} already exist in {1}. Tick \"Replace existing results\" to replace them, or "
                "choose another output folder.").format(diagnostic.name, final))

    def heat(self, diagnostic: Diagnostic, themes: dict, outline, parameters, context, steps) -> None:
        from ..analysis.heat.composite import lst_composite

        steps.setCurrentStep(2)
        steps.setProgressText(self.tr("Landsat summer scenes"))
        last = self.parameterAsInt(parameters, self.LAST_SUMMER, context)
        summers = self.parameterAsInt(parameters, self.SUMMERS, context)
        box = outline.boundingBox().buffered(2000.0)  # a rural ring around the town for the reference
        extent = f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:2154]"
        from ..toolbelt.settings import Settings

        try:
            # Scene windows go to the plugin's cache: a new run for the same commune reads them again from disk.
            landsat = self.child("territoire:download_landsat", {
                "EXTENT": extent, "START": f"{last - summers + 1}-06-01", "END": f"{last}-08-31",
                "SUMMER_ONLY": True, "MAX_CLOUD": self.parameterAsDouble(parameters, self.MAX_CLOUD, context),
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
        source = self.parameterAsString(parameters, self.POPULATION, context).strip()
        if source:
            steps.setProgressText(self.tr("Population (INSEE Filosofi)"))
            population = self.child("territoire:download_population", {
                "SOURCE": source, "COMMUNE": diagnostic.insee, "OUTPUT": str(diagnostic.work / "population.gpkg")},
                context, steps)["OUTPUT"]
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
        diagnostic.facts["landsat"] = sorted(scene.name for scene in scenes)
        diagnostic.facts["sensitive"] = exposure.get("SENSITIVE", 0) if exposure else 0
        diagnostic.facts["period"] = (last - summers + 1, last)

    @staticmethod
    def onto_grid_of(reference: str, source: str, output: str) -> None:
        """Band 1 of ``source`` resampled (bilinear) onto the grid of ``reference``, as a GeoTIFF."""
        from osgeo import gdal

        from ..analysis.heat.composite import aligned_vrts
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
        from .download_bdtopo import LAYER_NAMES

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
                             ("bridges", self.tr("Ground motion of bridges"))):
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
        diagnostic.facts["motion"] = alerts
        diagnostic.facts["egms_file"] = Path(egms).name

    # ------------------------------------------------------------------ outputs

    def write(self, diagnostic: Diagnostic, final: Path, parameters, context, steps) -> dict:
        from .diagnostic_output import build_project, write_geopackage
        from .report import write_report

        steps.setCurrentStep(6)
        steps.setProgressText(self.tr("GeoPackage, project and report"))
        stem = f"territoire_{diagnostic.insee}"
        work = diagnostic.work
        gpkg = write_geopackage(diagnostic, work / f"{stem}.gpkg")
        project_path = work / f"{stem}.qgz"
        project, layers = build_project(diagnostic, gpkg, project_path)
        pdf, png, summary = write_report(diagnostic, project, layers, work / f"rapport_{diagnostic.insee}.pdf",
                                         work / f"carte_{diagnostic.insee}.png")
        project.clear()  # closes every layer on the GeoPackage before it moves
        del project, layers
        if steps.isCanceled():
            from ..core.errors import Cancelled

            raise Cancelled()
        final.mkdir(parents=True, exist_ok=True)
        outputs = {}
        for key, path in (("GEOPACKAGE", gpkg), ("PROJECT", project_path), ("REPORT", pdf), ("MAP", png)):
            target = final / Path(path).name
            Path(path).replace(target)  # same file system: atomic
            outputs[key] = str(target)
        motion = diagnostic.facts.get("motion", {})
        outputs.update({"FOLDER": str(final), "SUMMARY": summary,
                        "ALERTS": sum(alert for alert, _ in motion.values())})
        return outputs
