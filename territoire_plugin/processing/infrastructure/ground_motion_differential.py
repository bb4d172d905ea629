"""territoire:ground_motion_differential — differential movement within each structure (angular distortion)."""

from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...qgis_io.features import source_features
from ...qgis_io.ground_motion import shape_of
from ...qgis_io.sinks import add_features, output_feature, output_fields
from ...qgis_io.styles import style_on_load
from ...toolbelt.compat import DOUBLE, INT, TEXT
from ..base import InfrastructureAlgorithm

OUT_FIELDS = (("dm_beta", DOUBLE), ("dm_one_in", INT), ("dm_distance_m", DOUBLE),
              ("dm_difference_mm", DOUBLE), ("dm_points", INT), ("dm_class", TEXT),
              ("dm_strain_pct", DOUBLE), ("dm_strain_class", TEXT))


class GroundMotionDifferentialAlgorithm(InfrastructureAlgorithm):
    POINTS = "POINTS"
    VELOCITY_FIELD = "VELOCITY_FIELD"
    YEARS = "YEARS"
    ASSETS = "ASSETS"
    BUFFER = "BUFFER"
    MIN_POINTS = "MIN_POINTS"
    HORIZONTAL_STRAIN = "HORIZONTAL_STRAIN"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "ground_motion_differential"

    def displayName(self) -> str:
        return self.tr("Differential movement of structures (angular distortion)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>For each structure (polygons: buildings, bridge decks…) with enough ground-motion points: the "
            "displacement of each point over the period (velocity × years), and the pair of points (at least "
            "3 m apart) with the largest angular distortion β = |Δd| / distance, drawn as a line. For linear "
            "assets (roads, railways), the points are placed along the line by chainage and the stretch between "
            "two consecutive points where the displacement changes fastest is drawn.</p><p>Classes "
            "after Skempton &amp; MacDonald (1956): β ≥ 1/150 structural damage, ≥ 1/300 cosmetic cracking, "
            "≥ 1/500 limit of safety, below: negligible.</p><p>Damage category after Boscardin &amp; Cording (1989) "
            "from the largest tensile strain ε = εh/2 + √((εh/2)² + (β/2)²): below 0.05 % negligible, 0.05–0.075 % "
            "very slight, 0.075–0.15 % slight, 0.15–0.3 % moderate, above: severe. The points do not measure "
            "horizontal movement, so the horizontal strain εh is a parameter (0 by default: ε = β/2); enter "
            "the strain a survey or an excavation study gives. Line-of-sight velocities are used as given.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POINTS, self.tr("Ground-motion points"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.VELOCITY_FIELD, self.tr("Velocity field (mm/year; empty: velocity)"), defaultValue="velocity",
            parentLayerParameterName=self.POINTS, type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEARS, self.tr("Period (years)"), QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ASSETS, self.tr("Structures (polygons) or linear assets"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterDistance(
            self.BUFFER, self.tr("Buffer around the structures"), 5.0, self.ASSETS, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_POINTS, self.tr("Minimum number of points"), QgsProcessingParameterNumber.Type.Integer, 3,
            minValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            self.HORIZONTAL_STRAIN, self.tr("Horizontal strain assumed for Boscardin & Cording (%)"),
            QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0, maxValue=5.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Worst pair of each structure"), QgsProcessing.SourceType.TypeVectorLine))
        self.addOutput(QgsProcessingOutputNumber("DAMAGE", self.tr("Structures at cosmetic cracking or worse")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ...analysis.ground_motion.join import join_points
        from ...analysis.ground_motion.structural import (
            chainage_along,
            steepest_gradient,
            tensile_strain,
            worst_distortion,
        )

        points = self.parameterAsSource(parameters, self.POINTS, context)
        assets = self.parameterAsSource(parameters, self.ASSETS, context)
        crs = assets.sourceCrs()
        self.require_projected(assets)
        field = (self.parameterAsString(parameters, self.VELOCITY_FIELD, context)
                 if parameters.get(self.VELOCITY_FIELD) else "velocity")
        self.require_numeric(points, field)
        years = self.parameterAsDouble(parameters, self.YEARS, context)
        x, y, columns = self.read_points(parameters, context, points, [field], crs, feedback)
        if x is None:
            return {}
        velocity = np.asarray(columns[field], dtype=np.float64)
        measured = np.isfinite(velocity)  # points without a velocity are left out
        x, y, displacement = x[measured], y[measured], velocity[measured] * years
        buffer = self.parameterAsDouble(parameters, self.BUFFER, context)
        features, shapes = [], []
        for feature in source_features(assets, context, feedback=feedback):
            features.append(feature)
            shapes.append(shape_of(feature.geometry(), {"polygon": buffer, "line": buffer, "point": buffer}))
        valid = [i for i, s in enumerate(shapes) if s is not None]
        asset_of_pair, point_of_pair = join_points(x, y, [shapes[i] for i in valid],
                                                   is_canceled=feedback.isCanceled)
        fields, kept = output_fields(assets.fields(), OUT_FIELDS)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                                 QgsWkbTypes.Type.LineString, crs)
        minimum = self.parameterAsInt(parameters, self.MIN_POINTS, context)
        horizontal = self.parameterAsDouble(parameters, self.HORIZONTAL_STRAIN, context) / 100.0
        labels = {"structural damage": self.tr("structural damage"), "cosmetic cracking": self.tr("cosmetic cracking"),
                  "limit of safety": self.tr("limit of safety"), "negligible": self.tr("negligible"),
                  "severe": self.tr("severe"), "moderate": self.tr("moderate"), "slight": self.tr("slight"),
                  "very slight": self.tr("very slight")}
        order = np.argsort(asset_of_pair, kind="stable")
        groups, starts, counts = np.unique(asset_of_pair[order], return_index=True, return_counts=True)
        rows, damage = [], 0
        for group, start, count in zip(groups, starts, counts):
            if count < minimum:
                continue
            members = point_of_pair[order[start:start + count]]
            feature = features[valid[group]]
            shape = shapes[valid[group]]
            if shape.kind == "line":
                # Along a line: the stretch between consecutive points (by chainage) that changes fastest.
                line = max(shape.parts, key=len)
                chainages = chainage_along(x[members], y[members], line)
                result = steepest_gradient(chainages, displacement[members])
                if result is None:
                    continue
                low, high = sorted((chainages[result.first], chainages[result.second]))
                polyline = QgsGeometry.fromPolylineXY([QgsPointXY(px, py) for px, py in line])
                geometry = QgsGeometry(polyline.constGet().curveSubstring(low, high))
            else:
                result = worst_distortion(x[members], y[members], displacement[members])
                if result is None:
                    continue
                first, second = members[result.first], members[result.second]
                geometry = QgsGeometry.fromPolylineXY([QgsPointXY(x[first], y[first]),
                                                       QgsPointXY(x[second], y[second])])
            strain, strain_category = tensile_strain(result.beta, horizontal)
            out = output_feature(fields, kept, feature, geometry, [
                result.beta, int(round(1 / result.beta)) if result.beta > 0 else None, result.distance_m,
                result.difference_mm, int(count), labels[result.category], strain * 100.0,
                labels[strain_category]])
            rows.append(out)
            damage += result.category in ("structural damage", "cosmetic cracking")
        add_features(sink, rows, destination)
        feedback.pushInfo(self.tr("{0} structures measured; {1} at cosmetic cracking or worse.").format(
            len(rows), damage))
        style_on_load(context, destination, "ground_motion_differential.qml",
                      self.tr("Differential movement (worst pairs)"))
        return {self.OUTPUT: destination, "DAMAGE": damage}
