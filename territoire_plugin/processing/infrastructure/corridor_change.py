"""territoire:corridor_change — vegetation change along linear assets between two NDVI dates."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ...qgis_io.features import source_features
from ...qgis_io.geometry import flat_wkt
from ...qgis_io.sinks import add_features, output_feature, output_fields
from ...qgis_io.styles import style_on_load
from ...toolbelt.compat import DOUBLE, INT
from ..base import InfrastructureAlgorithm

OUT_FIELDS = (("chainage_from", DOUBLE), ("chainage_to", DOUBLE),
              ("ndvi_change", DOUBLE), ("loss_share", DOUBLE), ("gain_share", DOUBLE),
              ("flag_loss", INT), ("flag_encroach", INT))


def segments_of(geometry: QgsGeometry, length: float):
    """(chainage from, chainage to, line geometry) of each stretch of ``length`` metres along the line."""
    chainage = 0.0
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()  # noqa: QGS201 - lines stay lines
    for part in geometry.constParts():
        if QgsWkbTypes.isCurvedType(part.wkbType()):  # arcs of a CAD export: segments, as the output's lines
            part = part.segmentize()
        total = part.length()
        start = 0.0
        while start < total - 1e-6:
            end = min(start + length, total)
            yield chainage + start, chainage + end, QgsGeometry(part.curveSubstring(start, end))
            start = end
        chainage += total


class CorridorChangeAlgorithm(InfrastructureAlgorithm):
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ASSETS = "ASSETS"
    BUFFER = "BUFFER"
    SEGMENT = "SEGMENT"
    THRESHOLD = "THRESHOLD"
    SHARE = "SHARE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "corridor_change"

    def displayName(self) -> str:
        return self.tr("Vegetation change along corridors")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Compares the NDVI of two dates (e.g. two Sentinel-2 summers, or two composites) inside a buffer "
            "of linear assets (roads, railways, lines), segment by segment along the chainage: mean change of "
            "NDVI, share of pixels with a significant loss (ΔNDVI ≤ −threshold) or gain (≥ +threshold). A "
            "segment is flagged for vegetation loss (clearing, slope failure) or encroachment (vegetation "
            "growing into the corridor) when the share reaches the given value.</p><p>The second raster is "
            "resampled onto the first one's grid when they differ.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.BEFORE, self.tr("NDVI, first date")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.AFTER, self.tr("NDVI, second date")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ASSETS, self.tr("Linear assets"), [QgsProcessing.SourceType.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterDistance(self.BUFFER, self.tr("Corridor half-width"), 30.0,
                                                         self.ASSETS, minValue=1.0))
        self.addParameter(QgsProcessingParameterDistance(self.SEGMENT, self.tr("Segment length"), 200.0,
                                                         self.ASSETS, minValue=10.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Significant NDVI change, at least"), QgsProcessingParameterNumber.Type.Double,
            0.15, minValue=0.01, maxValue=2.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SHARE, self.tr("Flag when this share of the corridor changed"),
            QgsProcessingParameterNumber.Type.Double, 0.2, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Corridor segments"), QgsProcessing.SourceType.TypeVectorLine))
        self.addOutput(QgsProcessingOutputNumber("LOSS", self.tr("Segments with vegetation loss")))
        self.addOutput(QgsProcessingOutputNumber("ENCROACHMENT", self.tr("Segments with encroachment")))

    def processAlgorithm(self, parameters, context, feedback):

        from ...analysis.ground_motion.corridor import corridor_change

        before = self.parameterAsRasterLayer(parameters, self.BEFORE, context)
        after = self.parameterAsRasterLayer(parameters, self.AFTER, context)
        assets = self.parameterAsSource(parameters, self.ASSETS, context)
        self.require_projected(assets)
        if assets.featureCount() == 0:
            raise QgsProcessingException(self.tr("The assets layer is empty."))
        width = self.parameterAsDouble(parameters, self.BUFFER, context)
        length = self.parameterAsDouble(parameters, self.SEGMENT, context)
        to_raster = QgsCoordinateTransform(assets.sourceCrs(), QgsCoordinateReferenceSystem(before.crs()),
                                           context.transformContext())
        pieces, corridors = [], []
        for feature in source_features(assets, context, feedback=feedback):
            if feature.geometry().isEmpty():
                continue
            for start, end, line in segments_of(feature.geometry(), length):
                corridor = line.buffer(width, 8)
                corridor.transform(to_raster)  # noqa: QGS201 - an empty corridor simply holds no pixel
                pieces.append((feature, start, end, line))
                corridors.append(flat_wkt(corridor))
        changes = corridor_change(before.source(), after.source(), corridors,
                                  threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
                                  share=self.parameterAsDouble(parameters, self.SHARE, context),
                                  is_canceled=feedback.isCanceled)
        fields, kept = output_fields(assets.fields(), OUT_FIELDS, one_per_feature=False)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                                 QgsWkbTypes.Type.LineString, assets.sourceCrs())
        rows = [output_feature(fields, kept, feature, line,
                               [start, end, c.mean_change, c.loss_share, c.gain_share, int(c.loss),
                                int(c.encroachment)])
                for (feature, start, end, line), c in zip(pieces, changes)]
        add_features(sink, rows, destination)
        loss, encroachment = sum(c.loss for c in changes), sum(c.encroachment for c in changes)
        feedback.pushInfo(self.tr("{0} segments: {1} with vegetation loss, {2} with encroachment.").format(
            len(rows), loss, encroachment))
        style_on_load(context, destination, "corridor_change.qml", self.tr("Vegetation change along corridors"))
        return {self.OUTPUT: destination, "LOSS": loss, "ENCROACHMENT": encroachment}
