"""territoire:heat_island_intensity — LST minus a rural reference temperature."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...qgis_io.styles import add_styled_raster
from ..base import HeatAlgorithm


class HeatIslandIntensityAlgorithm(HeatAlgorithm):
    LST = "LST"
    NDVI = "NDVI"
    TOWN = "TOWN"
    RING = "RING"
    NDVI_MIN = "NDVI_MIN"
    REFERENCE_ZONE = "REFERENCE_ZONE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "heat_island_intensity"

    def displayName(self) -> str:
        return self.tr("Heat-island intensity")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Surface temperature minus a reference temperature: how much warmer each place is than the "
            "countryside around the town (°C).</p><p><b>Reference</b>, by default: the mean temperature of the "
            "vegetated pixels (NDVI at least the threshold) in a ring around the town, outside it (ring width "
            "in metres). Or the mean temperature inside a reference zone you draw (a park, a wood). The value "
            "and how it was found are written in the output's metadata and in the log.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.LST, self.tr("Land surface temperature (°C)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.NDVI, self.tr("NDVI (same grid)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TOWN, self.tr("Town outline (e.g. the commune)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterDistance(self.RING, self.tr("Ring width"), 1000.0, self.LST,
                                                         minValue=30.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.NDVI_MIN, self.tr("NDVI of a vegetated pixel, at least"), QgsProcessingParameterNumber.Type.Double,
            0.5, minValue=-1.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REFERENCE_ZONE, self.tr("Or a reference zone"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Heat-island intensity (°C)")))
        self.addOutput(QgsProcessingOutputNumber("REFERENCE", self.tr("Reference temperature (°C)")))
        self.addOutput(QgsProcessingOutputString("REFERENCE_METHOD", self.tr("How the reference was found")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...analysis.heat.islands import heat_island_intensity, reference_temperature

        lst = self.parameterAsRasterLayer(parameters, self.LST, context)
        ndvi = self.parameterAsRasterLayer(parameters, self.NDVI, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        crs = QgsCoordinateReferenceSystem(lst.crs())
        zone = self.polygons_wkt(parameters, self.REFERENCE_ZONE, context, crs)
        town = self.polygons_wkt(parameters, self.TOWN, context, crs)
        reference = reference_temperature(
            lst.source(), ndvi_path=ndvi.source() if ndvi else None, town_wkt=town,
            ring_m=self.parameterAsDouble(parameters, self.RING, context),
            ndvi_min=self.parameterAsDouble(parameters, self.NDVI_MIN, context), zone_wkt=zone,
            is_canceled=feedback.isCanceled)
        from ...core import wording
        from ...toolbelt.i18n import qgis_language, translated_phrase

        language = qgis_language()
        method = translated_phrase(reference.method)
        message = wording.typography(self.tr("Reference temperature {0}: {1} ({2}).").format(
            wording.celsius(reference.temperature, language, 2), method,
            wording.count(reference.pixels, self.tr("pixel"), self.tr("pixels"), language)), language)
        feedback.pushInfo(message)
        from ...toolbelt.log import log

        log(message)
        heat_island_intensity(lst.source(), output, reference, progress=feedback.setProgress,
                              is_canceled=feedback.isCanceled)
        add_styled_raster(context, output, "heat_intensity.qml", self.tr("Heat-island intensity (°C)"))
        return {self.OUTPUT: output, "REFERENCE": reference.temperature, "REFERENCE_METHOD": reference.method}
