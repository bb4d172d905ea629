"""territoire:import_egms — EGMS ground-motion points (CSV or zip as downloaded) into a GeoPackage."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
)

from ...qgis_io.areas import LAMBERT93
from ...qgis_io.geometry import flat_wkt
from ...qgis_io.styles import load_on_completion
from ..base import ConnectorAlgorithm

LAEA = QgsCoordinateReferenceSystem("EPSG:3035")


class ImportEgmsAlgorithm(ConnectorAlgorithm):
    INPUT = "INPUT"

    def name(self) -> str:
        return "import_egms"

    def displayName(self) -> str:
        return self.tr("Import EGMS ground motion")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Imports an EGMS file (European Ground Motion Service, Copernicus) as downloaded from the EGMS "
            "portal: Basic (L2a), Calibrated (L2b) or Ortho (L3), zip or CSV. Columns are found by name; the "
            "points (EPSG:3035) are clipped to the commune or the extent and written in Lambert-93 to a "
            "GeoPackage layer styled by mean velocity (mm/year).</p><p>The displacement time series of each "
            "point is kept in the same row: field <i>displacement_mm</i>, float32 values in the order of the "
            "table <i>egms_dates</i>. Velocities are along the satellite's line of sight for L2a/L2b "
            "(negative: moving away from the satellite, often subsidence).</p><p>Data: Copernicus Land "
            "Monitoring Service, EGMS, free and open.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("EGMS file (.zip or .csv)"), behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=self.tr("EGMS files (*.zip *.csv *.ZIP *.CSV)")))
        self.add_area_parameters()
        self.add_geopackage_output()
        self.addOutput(QgsProcessingOutputNumber("POINTS", self.tr("Points imported")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...sources.egms import import_egms

        source = Path(self.parameterAsFile(parameters, self.INPUT, context))
        output = self.geopackage_output(parameters, context)
        if not source.is_file():
            raise QgsProcessingException(self.tr("{0} does not exist.").format(source))
        bounds = clip = None
        if self.parameterAsString(parameters, self.COMMUNE, context).strip() or parameters.get(self.EXTENT):
            area = self.area(parameters, context, feedback)
            area.transform(QgsCoordinateTransform(LAMBERT93, LAEA, context.transformContext()))  # noqa: QGS201
            box = area.boundingBox()
            bounds = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
            clip = flat_wkt(area)
        summary = import_egms(source, output, bounds_3035=bounds, clip_wkt_3035=clip,
                              progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        feedback.pushInfo(self.tr("{0}: {1} points kept of {2} read, {3} dates.").format(
            summary.level, summary.kept, summary.read, len(summary.dates)))
        if summary.ignored:
            feedback.pushInfo(self.tr("Columns not imported (unknown to the plugin): {0}.").format(
                ", ".join(summary.ignored)))
        if summary.missing:
            feedback.pushInfo(self.tr("Fields absent from this file, left out of the layer: {0}.").format(
                ", ".join(summary.missing)))
        if summary.kept == 0:
            feedback.pushWarning(self.tr("No EGMS point lies in the area: check that the file covers the commune."))
        uri = f"{output}|layername=egms_points"
        from ...toolbelt.resources import resource_path

        load_on_completion(context, uri, self.tr("EGMS ground motion"), resource_path("styles", "egms_velocity.qml"))
        return {self.OUTPUT: str(output), "POINTS": summary.kept}
