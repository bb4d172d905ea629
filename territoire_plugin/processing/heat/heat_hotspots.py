"""territoire:heat_hotspots — Getis-Ord Gi* hot and cold spots of temperature on a regular grid."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
)

from ...qgis_io.styles import load_on_completion
from ...toolbelt.resources import resource_path
from ..base import HeatAlgorithm


class HeatHotspotsAlgorithm(HeatAlgorithm):
    INPUT = "INPUT"
    CELL = "CELL"
    DISTANCE = "DISTANCE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "heat_hotspots"

    def displayName(self) -> str:
        return self.tr("Heat hot spots (Getis-Ord Gi*)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Where high temperatures cluster more than chance would give: Getis-Ord Gi* on a regular grid. "
            "The raster is averaged into square cells; each cell's Gi* compares the sum of the cells within the "
            "distance band (itself included) with what the whole area's mean would give.</p>"
            "<p>Gi* = (Σ w·x − X̄ Σ w) / (S √((n Σ w² − (Σ w)²) / (n − 1))), a z-score; p-value = "
            "erfc(|z| / √2). Classes: hot (cold) spot at 99, 95, 90 % confidence for |z| ≥ 2.576, 1.960, "
            "1.645.</p><p>Cells of about 100–200 m and a band of 3–5 cells suit a commune.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Temperature or intensity (°C)")))
        self.addParameter(QgsProcessingParameterDistance(self.CELL, self.tr("Cell size"), 150.0, self.INPUT,
                                                         minValue=1.0))
        self.addParameter(QgsProcessingParameterDistance(self.DISTANCE, self.tr("Distance band"), 500.0, self.INPUT,
                                                         minValue=1.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Hot spots"), fileFilter="GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputNumber("HOT_CELLS", self.tr("Hot-spot cells (95 % or more)")))

    def processAlgorithm(self, parameters, context, feedback):

        from ...analysis.heat.hotspots import aggregate, classes, getis_ord_gi_star, write_cells
        from ...core.files import atomic_output
        from ...core.grid import check_cancel

        raster = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        cell = self.parameterAsDouble(parameters, self.CELL, context)
        grid = aggregate(raster.source(), cell, feedback.isCanceled)
        check_cancel(feedback.isCanceled)
        z = getis_ord_gi_star(grid.values, cell, self.parameterAsDouble(parameters, self.DISTANCE, context))
        check_cancel(feedback.isCanceled)
        kinds = classes(z)
        labels = {3: self.tr("hot spot, 99 %"), 2: self.tr("hot spot, 95 %"), 1: self.tr("hot spot, 90 %"),
                  0: self.tr("not significant"), -1: self.tr("cold spot, 90 %"), -2: self.tr("cold spot, 95 %"),
                  -3: self.tr("cold spot, 99 %")}
        with atomic_output(output) as temporary:
            cells = write_cells(temporary, grid, z, labels, raster.crs().toWkt(), progress=feedback.setProgress,
                                is_canceled=feedback.isCanceled)
        hot = int((kinds >= 2).sum())
        feedback.pushInfo(self.tr("{0} cells; {1} hot-spot cells and {2} cold-spot cells at 95 % or more.").format(
            cells, hot, int((kinds <= -2).sum())))
        uri = f"{output}|layername=heat_hotspots"
        load_on_completion(context, uri, self.tr("Heat hot spots (Gi*)"), resource_path("styles", "heat_hotspots.qml"))
        return {self.OUTPUT: output, "HOT_CELLS": hot}
