"""territoire:lst_composite — median and maximum LST over several dates, with the count of clear observations."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
)

from ...qgis_io.styles import style_lst_output
from ...toolbelt.i18n import local_format
from ..base import HeatAlgorithm


class LstCompositeAlgorithm(HeatAlgorithm):
    INPUTS = "INPUTS"
    OUTPUT = "OUTPUT"
    ICON = "landsat_lst.svg"

    def name(self) -> str:
        return "lst_composite"

    def displayName(self) -> str:
        return self.tr("Surface temperature composite (several dates)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Combines the surface temperature of several dates (e.g. the clear summer scenes of three years) "
            "into one raster of three bands: 1 = median temperature, 2 = maximum temperature (°C), 3 = number of "
            "clear observations of each pixel. One date's weather weighs less in the median.</p><p>The first "
            "raster sets the grid; rasters on other grids or CRS are resampled onto it (bilinear). Pixels masked "
            "in a date (clouds) simply do not count for that date.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUTS, self.tr("Surface temperature rasters (°C), one per date"),
            QgsProcessing.SourceType.TypeRaster))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Temperature composite")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...analysis.heat.composite import lst_composite

        layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        stats = lst_composite([layer.source() for layer in layers], output, progress=feedback.setProgress,
                              is_canceled=feedback.isCanceled)
        feedback.pushInfo(local_format(self.tr("{0} dates; median temperature from {1:.1f} °C to {2:.1f} °C."),
            len(layers), stats.minimum, stats.maximum))
        style_lst_output(context, output, stats.mean - 2 * stats.std, stats.mean, stats.mean + 2 * stats.std,
                         self.tr("Temperature composite (median)"))
        return {self.OUTPUT: output}
