"""territoire:ground_motion_assets — ground-motion statistics and an alert class per asset."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...qgis_io.features import source_features
from ...qgis_io.ground_motion import DEFAULT_BUFFERS, columnar_file, linear_wkb, points_by_columns
from ...qgis_io.sinks import add_reused_features, output_fields
from ...qgis_io.styles import style_on_load
from ...toolbelt.compat import DOUBLE, INT, TEXT
from ..base import InfrastructureAlgorithm, without_cycle_collection

OUT_FIELDS = (("gm_points", INT), ("gm_median", DOUBLE), ("gm_mean", DOUBLE),
              ("gm_max_abs", DOUBLE), ("gm_p10", DOUBLE), ("gm_p90", DOUBLE),
              ("gm_unstable_share", DOUBLE), ("gm_class", INT), ("gm_class_label", TEXT))


class GroundMotionAssetsAlgorithm(InfrastructureAlgorithm):
    POINTS = "POINTS"
    VELOCITY_FIELD = "VELOCITY_FIELD"
    STD_FIELD = "STD_FIELD"
    LOS_UP_FIELD = "LOS_UP_FIELD"
    VERTICAL = "VERTICAL"
    ASSETS = "ASSETS"
    BUFFER_POLYGON = "BUFFER_POLYGON"
    BUFFER_LINE = "BUFFER_LINE"
    BUFFER_POINT = "BUFFER_POINT"
    RULE = "RULE"
    STABLE = "STABLE"
    ALERT = "ALERT"
    STD_MULTIPLE = "STD_MULTIPLE"
    MIN_POINTS = "MIN_POINTS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "ground_motion_assets"

    def displayName(self) -> str:
        return self.tr("Ground motion of assets (alerts)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>For each asset (buildings, roads, railways, bridges…), the ground-motion points (EGMS, or any "
            "point layer with a velocity in mm/year) within its buffer: number of points, median, mean, largest "
            "absolute, 10th and 90th percentile velocity, share of points outside the stable band, and a class: "
            "insufficient data, stable, watch, alert.</p><p>Buffers: polygons (points inside or within the "
            "distance of the outline), lines, points. <b>Rule</b>: |median| within the stable band → stable, at "
            "least the alert threshold → alert, between → watch; or, alternatively, in multiples k of the median "
            "velocity standard deviation of the asset's points (stable within k·σ, alert from 2k·σ).</p>"
            "<p>EGMS L2a/L2b velocities are along the satellite's line of sight; tick the vertical conversion "
            "(v / los_up) where horizontal motion can be neglected.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POINTS, self.tr("Ground-motion points"), [QgsProcessing.SourceType.TypeVectorPoint]))
        # Optional with EGMS defaults, so batch runs and qgis_process need not name them.
        for name, label, default in (
                (self.VELOCITY_FIELD, self.tr("Velocity field (mm/year; empty: velocity)"), "velocity"),
                (self.STD_FIELD, self.tr("Velocity standard deviation field"), "velocity_std"),
                (self.LOS_UP_FIELD, self.tr("Line-of-sight vertical component field (los_up)"), "los_up")):
            self.addParameter(QgsProcessingParameterField(
                name, label, defaultValue=default, parentLayerParameterName=self.POINTS,
                type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.VERTICAL, self.tr("Convert line-of-sight velocities to vertical"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ASSETS, self.tr("Assets"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        for name, label, default in ((self.BUFFER_POLYGON, self.tr("Buffer around polygons (buildings)"),
                                      DEFAULT_BUFFERS["polygon"]),
                                     (self.BUFFER_LINE, self.tr("Buffer around lines (roads, railways)"),
                                      DEFAULT_BUFFERS["line"]),
                                     (self.BUFFER_POINT, self.tr("Buffer around points"), DEFAULT_BUFFERS["point"])):
            self.addParameter(QgsProcessingParameterDistance(name, label, default, self.ASSETS, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULE, self.tr("Rule"), [self.tr("Thresholds in mm/year"), self.tr("Multiples of the standard "
                                                                                   "deviation")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.STABLE, self.tr("Stable within ± (mm/year)"), QgsProcessingParameterNumber.Type.Double, 2.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALERT, self.tr("Alert from (mm/year)"), QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.STD_MULTIPLE, self.tr("k (multiples of the standard deviation)"),
            QgsProcessingParameterNumber.Type.Double, 3.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_POINTS, self.tr("Minimum number of points"), QgsProcessingParameterNumber.Type.Integer, 3,
            minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Assets with ground motion"), QgsProcessing.SourceType.TypeVectorAnyGeometry))
        for name, label in (("ALERTS", self.tr("Assets on alert")), ("WATCH", self.tr("Assets to watch"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    @without_cycle_collection
    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ...analysis.ground_motion.columnar import read_geometries_columnar
        from ...analysis.ground_motion.join import bounds_of, join_points, pieces_of, polygons_from_wkbs
        from ...analysis.ground_motion.statistics import asset_statistics, rows_of, vertical
        from ...analysis.ground_motion.wkb import shape_from_wkb
        from ...core.grid import check_cancel

        points = self.parameterAsSource(parameters, self.POINTS, context)
        assets = self.parameterAsSource(parameters, self.ASSETS, context)
        names = points.fields().names()

        def chosen(name, default, required=False):
            """The field the user named, else the EGMS name when the layer has it (always, if required)."""
            given = self.parameterAsString(parameters, name, context) if parameters.get(name) else ""
            return given or (default if required or default in names else "")

        velocity_field = chosen(self.VELOCITY_FIELD, "velocity", required=True)
        std_field = chosen(self.STD_FIELD, "velocity_std")
        los_field = chosen(self.LOS_UP_FIELD, "los_up")
        crs = assets.sourceCrs()
        self.require_projected(assets)
        if assets.featureCount() == 0:
            raise QgsProcessingException(self.tr("The assets layer is empty."))
        for name in filter(None, (velocity_field, std_field, los_field)):
            self.require_numeric(points, name)
        buffers = {"polygon": self.parameterAsDouble(parameters, self.BUFFER_POLYGON, context),
                   "line": self.parameterAsDouble(parameters, self.BUFFER_LINE, context),
                   "point": self.parameterAsDouble(parameters, self.BUFFER_POINT, context)}
        geometry_type = QgsWkbTypes.geometryType(assets.wkbType())
        if geometry_type == QgsWkbTypes.GeometryType.LineGeometry and buffers["line"] <= 0:
            raise QgsProcessingException(self.tr("A buffer of 0 m around lines catches no point: give a width, "
                                                 "e.g. 15 m for a road, 20 m for a railway."))
        vertical_wanted = self.parameterAsBoolean(parameters, self.VERTICAL, context)
        if vertical_wanted and not los_field:
            raise QgsProcessingException(self.tr("The vertical conversion needs the los_up field of the points."))

        rule_std = self.parameterAsEnum(parameters, self.RULE, context) == 1
        if not rule_std:
            std_field = ""  # only the rule in multiples of σ reads it
        wanted = [f for f in (velocity_field, std_field, los_field if vertical_wanted else "") if f]
        curved = QgsWkbTypes.isCurvedType(assets.wkbType())
        rules = dict(stable=self.parameterAsDouble(parameters, self.STABLE, context),
                     alert=self.parameterAsDouble(parameters, self.ALERT, context),
                     min_points=self.parameterAsInt(parameters, self.MIN_POINTS, context),
                     std_multiple=self.parameterAsDouble(parameters, self.STD_MULTIPLE, context) if rule_std else None)

        def measure(x, y, columns, wkbs):
            """Statistics and class of the assets of geometries ``wkbs`` from the points (x, y, columns).
            Uses no QGIS object: may run in a worker thread."""
            velocity = np.asarray(columns[velocity_field], dtype=np.float64)
            if vertical_wanted:
                velocity = vertical(velocity, np.asarray(columns[los_field], dtype=np.float64))
            keep = np.isfinite(velocity)
            # Plain one-ring polygons (most footprints) are read all at once; anything else geometry by geometry.
            shapes = polygons_from_wkbs(wkbs, buffers["polygon"]) if not curved else None
            if shapes is not None:
                valid = np.arange(len(wkbs))
            else:
                shapes = [shape_from_wkb(wkb, buffers) if wkb else None for wkb in wkbs]
                valid = np.array([i for i, s in enumerate(shapes) if s is not None], np.int64)
                shapes = [shapes[i] for i in valid]
            # The assets' bounds from their own geometries, not the layer's extent (which a provider may give
            # as Null, e.g. QGIS 3.40 for a filtered GeoPackage layer holding a feature without geometry).
            pieces = pieces_of(shapes)
            bounds = bounds_of(pieces)
            if x.size and bounds is not None and not (
                    (x >= bounds[0] - 5000) & (x <= bounds[2] + 5000)
                    & (y >= bounds[1] - 5000) & (y <= bounds[3] + 5000)).any():
                raise QgsProcessingException(self.tr(
                    "No ground-motion point lies within 5 km of the assets: check that both layers cover the "
                    "same place (and their CRS)."))
            pairs_asset, pairs_point = join_points(x[keep], y[keep], pieces, is_canceled=feedback.isCanceled)
            stds = np.asarray(columns[std_field], dtype=np.float64)[keep][pairs_point] if std_field else None
            return asset_statistics(valid[pairs_asset], velocity[keep][pairs_point], len(wkbs), stds=stds, **rules)

        points_file = columnar_file(self.parameterAsVectorLayer(parameters, self.POINTS, context),
                                    parameters.get(self.POINTS))
        assets_file = None if curved else columnar_file(self.parameterAsVectorLayer(parameters, self.ASSETS, context),
                                                        parameters.get(self.ASSETS))
        crs_change = (points.sourceCrs().toWkt(), crs.toWkt(), points.sourceCrs() == crs)

        def by_columns():
            """(points read by columns or None, (feature ids, statistics) with both layers read by columns
            through GDAL or None)."""
            read = points_by_columns(points_file, wanted, *crs_change)
            check_cancel(feedback.isCanceled)
            geometries = read_geometries_columnar(*assets_file) if read is not None else None
            try:
                return read, None if geometries is None else (geometries[0], measure(*read, geometries[1]))
            except ValueError:  # curves in a layer not declared curved: segmentized by QGIS below
                return read, None

        feedback.setProgressText(self.tr("Joining points to assets"))
        with ThreadPoolExecutor(max_workers=1) as pool:
            # Two whole files: GDAL and numpy read and join them in a worker thread while QGIS reads the
            # features to copy into the output.
            job = pool.submit(by_columns) if points_file and assets_file else None
            asset_features, attributes = [], []
            for feature in source_features(assets, context, feedback=feedback):
                if len(asset_features) % 5000 == 0 and feedback.isCanceled():
                    return {}
                asset_features.append(feature)
                attributes.append(feature.attributes())
            read, found = job.result() if job else (None, None)
        order = None if found is None else rows_of(
            np.fromiter((f.id() for f in asset_features), np.int64, len(asset_features)), found[0])
        if order is not None:
            stats = found[1].take(order)
        else:  # a layer of another kind, a selection, ids that differ, curves: geometries from QGIS
            feedback.setProgressText(self.tr("Reading the points"))
            # The worker's points; or read here, by columns unless the worker's columnar read failed.
            x, y, columns = read or self.read_points(parameters, context, points, wanted, crs, feedback,
                                                by_columns=job is None)
            if x is None:
                return {}
            stats = measure(x, y, columns, [linear_wkb(f.geometry()) for f in asset_features])
        labels = [self.tr("insufficient data"), self.tr("stable"), self.tr("watch"), self.tr("alert")]
        fields, kept = output_fields(assets.fields(), OUT_FIELDS)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, assets.wkbType(), crs)
        add_reused_features(sink, destination, fields, kept, asset_features, [
            stats.count, stats.median, stats.mean, stats.max_abs, stats.p10, stats.p90, stats.share_unstable,
            stats.category, [labels[c] for c in stats.category.tolist()]], attributes)
        alerts, watch = int((stats.category == 3).sum()), int((stats.category == 2).sum())
        feedback.pushInfo(self.tr("{0} assets: {1} on alert, {2} to watch, {3} without enough points.").format(
            len(asset_features), alerts, watch, int((stats.category == 0).sum())))
        kind = {QgsWkbTypes.GeometryType.PolygonGeometry: "polygon",
                QgsWkbTypes.GeometryType.LineGeometry: "line"}.get(geometry_type, "point")
        style_on_load(context, destination, f"ground_motion_assets_{kind}.qml", self.tr("Ground motion of assets"))
        return {self.OUTPUT: destination, "ALERTS": alerts, "WATCH": watch}
