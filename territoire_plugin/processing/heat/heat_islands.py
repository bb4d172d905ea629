"""territoire:heat_islands — polygons of the areas hotter than a threshold, ranked."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ...qgis_io.styles import load_on_completion
from ...toolbelt.i18n import local_format
from ...toolbelt.resources import resource_path
from ..base import HeatAlgorithm


class HeatIslandsAlgorithm(HeatAlgorithm):
    INPUT = "INPUT"
    MODE = "MODE"
    THRESHOLD = "THRESHOLD"
    MIN_AREA = "MIN_AREA"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "heat_islands"

    def displayName(self) -> str:
        return self.tr("Heat islands (polygons)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>The connected areas (pixels touching by a side or a corner) where the heat-island intensity (or "
            "the temperature) is at least a threshold, given in °C or as a percentile of the raster's values "
            "(e.g. 90: the hottest 10 %). Areas smaller than the minimum are dropped.</p><p>Each polygon has its "
            "area, its mean and maximum value and its rank (1 = hottest on average). A threshold that selects "
            "nothing gives an empty layer and a message, not an error.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Heat-island intensity (°C)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Threshold given as"), [self.tr("°C"), self.tr("Percentile of the values")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Threshold"), QgsProcessingParameterNumber.Type.Double, 2.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum area (m²)"), QgsProcessingParameterNumber.Type.Double, 10000.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Heat islands"), fileFilter="GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Heat islands found")))
        self.addOutput(QgsProcessingOutputNumber("THRESHOLD_C", self.tr("Threshold used (°C)")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...analysis.heat.islands import heat_islands, percentile_of_raster

        raster = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        if self.parameterAsEnum(parameters, self.MODE, context) == 1:
            percentile = threshold
            threshold = percentile_of_raster(raster.source(), percentile)
            feedback.pushInfo(local_format(self.tr("Percentile {0:g}: {1:.2f} °C"), percentile, threshold))
        islands = heat_islands(raster.source(), output, threshold=threshold,
                               min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context),
                               is_canceled=feedback.isCanceled)
        if not islands:
            feedback.pushWarning(local_format(self.tr("No area reaches {0:.2f} °C with the minimum area: the layer is "
                                                      "empty. Lower the threshold or the minimum area."), threshold))
        for island in islands[:5]:
            feedback.pushInfo(local_format(self.tr("#{0}: {1:.1f} ha, mean {2:.1f} °C, max {3:.1f} °C"),
                island.rank, island.area_m2 / 10000.0, island.mean, island.maximum))
        uri = f"{output}|layername=heat_islands"
        load_on_completion(context, uri, self.tr("Heat islands"), resource_path("styles", "heat_islands.qml"))
        return {self.OUTPUT: output, "COUNT": len(islands), "THRESHOLD_C": threshold}
