"""territoire:commune_diagnostic — the whole chain for one commune: data, analyses, GeoPackage, project, PDF.

The chain itself is :mod:`territoire_plugin.diagnostic.workflow`; this algorithm reads and checks the
parameters, runs it, and reports its summary.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
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
)

from ...diagnostic.workflow import ANALYSES, Request, Workflow, default_last_summer
from ..base import TerritoireAlgorithm


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

    def processAlgorithm(self, parameters, context, feedback):
        query = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        if not query:
            raise QgsProcessingException(self.tr("Type a commune: its name, INSEE code or postcode."))
        egms = self.parameterAsFile(parameters, self.EGMS, context)
        if egms and not Path(egms).is_file():
            raise QgsProcessingException(self.tr("The EGMS file {0} does not exist.").format(egms))
        request = Request(
            query=query, folder=Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)),
            analysis=ANALYSES[self.parameterAsEnum(parameters, self.ANALYSES, context)], egms=egms,
            last_summer=self.parameterAsInt(parameters, self.LAST_SUMMER, context),
            summers=self.parameterAsInt(parameters, self.SUMMERS, context),
            max_cloud=self.parameterAsDouble(parameters, self.MAX_CLOUD, context),
            population=self.parameterAsString(parameters, self.POPULATION, context).strip(),
            overwrite=self.parameterAsBoolean(parameters, self.OVERWRITE, context))
        outputs = Workflow(request, context, feedback).run()
        for line in outputs["SUMMARY"].splitlines():
            feedback.pushInfo(line)
        return outputs
