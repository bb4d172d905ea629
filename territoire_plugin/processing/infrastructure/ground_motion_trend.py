"""territoire:ground_motion_trend — velocity, acceleration, seasonality and change of trend of each point."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ...qgis_io.ground_motion import series_dates
from ...qgis_io.sinks import add_features, output_feature, output_fields
from ...qgis_io.styles import style_on_load
from ...toolbelt.compat import DOUBLE, INT
from ..base import InfrastructureAlgorithm

# Prefixed: an EGMS layer already has "acceleration", and a duplicate name would be dropped by the output.
TREND_FIELDS = ("tr_velocity", "tr_acceleration", "tr_seasonal_amplitude", "tr_recent_velocity", "tr_change")


class GroundMotionTrendAlgorithm(InfrastructureAlgorithm):
    INPUT = "INPUT"
    THRESHOLD = "THRESHOLD"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "ground_motion_trend"

    def displayName(self) -> str:
        return self.tr("Ground-motion trends (acceleration, seasonality, change)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>From each point's displacement series (an EGMS layer made by <i>Import EGMS ground motion</i>): "
            "linear velocity (mm/year), acceleration (quadratic term, mm/year²), seasonal amplitude (yearly sine, "
            "mm), recent velocity (linear fit of the last third of the dates) and the change of trend = recent − "
            "long-term velocity. A point is flagged when the change exceeds the threshold.</p><p>A layer without "
            "series is left as it is, with a message.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INPUT, self.tr("EGMS points (with displacement series)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Flag when the recent velocity departs by more than (mm/year)"),
            QgsProcessingParameterNumber.Type.Double, 2.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Points with trends"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("FLAGGED", self.tr("Points whose trend changed")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ...analysis.ground_motion.trend import trends, years_since_first
        from ...core.grid import check_cancel

        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        features = []
        for feature in layer.getFeatures():
            if len(features) % 2000 == 0:
                check_cancel(feedback.isCanceled)
            features.append(feature)
        dates = series_dates(layer)
        blob_index = layer.fields().indexOf("displacement_mm")
        result = None
        if dates is None or blob_index < 0:
            feedback.pushWarning(self.tr(
                "This layer has no displacement series (field displacement_mm and table egms_dates of an EGMS "
                "import): trends are skipped, the points are copied as they are."))
        else:
            series = np.full((len(features), len(dates)), np.nan)
            for row, feature in enumerate(features):
                if row % 2000 == 0:
                    check_cancel(feedback.isCanceled)
                blob = feature.attribute(blob_index)
                if blob is None or str(blob) == "NULL":
                    continue
                blob = bytes(blob)
                if len(blob) != 4 * len(dates):
                    raise QgsProcessingException(self.tr(
                        "The displacement series of the point {0} holds {1} bytes where its {2} dates need {3}: the "
                        "layer is damaged. Import the EGMS file again.").format(
                            feature.id(), len(blob), len(dates), 4 * len(dates)))
                series[row] = np.frombuffer(blob, dtype="<f4")
            result = trends(series, years_since_first(dates),
                            change_threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
                            is_canceled=feedback.isCanceled)
        fields, kept = output_fields(layer.fields(), [(name, DOUBLE) for name in TREND_FIELDS] +
                                     [("tr_flag", INT)])
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, layer.wkbType(),
                                                 layer.crs())
        rows = []
        for index, feature in enumerate(features):
            if index % 2000 == 0:
                check_cancel(feedback.isCanceled)
            if result is None:
                extra = [None] * (len(TREND_FIELDS) + 1)
            else:
                extra = [float(result.velocity[index]), float(result.acceleration[index]),
                         float(result.seasonal_amplitude[index]), float(result.recent_velocity[index]),
                         float(result.change[index]), int(result.flagged[index])]
            rows.append(output_feature(fields, kept, feature, feature.geometry(), extra))
        check_cancel(feedback.isCanceled)
        add_features(sink, rows, destination)
        flagged = int(result.flagged.sum()) if result is not None else 0
        if result is not None:
            feedback.pushInfo(self.tr("{0} points, {1} with a change of trend.").format(len(rows), flagged))
        style_on_load(context, destination, "ground_motion_trend.qml", self.tr("Ground-motion trends"))
        return {self.OUTPUT: destination, "FLAGGED": flagged}
