"""territoire:greening_scenario — predicted cooling of planting / de-sealing polygons."""

from __future__ import annotations

import uuid
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
)

from ...qgis_io.features import source_features
from ...qgis_io.geometry import flat_wkt
from ...qgis_io.sinks import add_features, output_feature, output_fields
from ...qgis_io.styles import add_styled_raster, style_on_load
from ...toolbelt.compat import DOUBLE
from ...toolbelt.i18n import decimal, local_format
from ..base import HeatAlgorithm

SUMMARY_FIELDS = (("area_m2", DOUBLE), ("ndvi_before", DOUBLE), ("ndvi_after", DOUBLE),
                  ("dlst_mean", DOUBLE), ("dlst_min", DOUBLE))


class GreeningScenarioAlgorithm(HeatAlgorithm):
    LST = "LST"
    NDVI = "NDVI"
    BUILDINGS = "BUILDINGS"
    TOWN = "TOWN"
    PLANTING = "PLANTING"
    TARGET_NDVI = "TARGET_NDVI"
    TARGET_FIELD = "TARGET_FIELD"
    BUILT_AFTER_FIELD = "BUILT_AFTER_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def name(self) -> str:
        return "greening_scenario"

    def displayName(self) -> str:
        return self.tr("Greening scenario (predicted cooling)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>How much cooler would the surface be if these places were planted or de-sealed?</p>"
            "<p>1. A linear model is fitted on the town's own pixels: LST = b0 + b1 × NDVI + b2 × built-up share "
            "+ water × (b3 + b4 × NDVI) (built-up share = share of the pixel covered by building footprints; "
            "water = NDVI below 0, with its own intercept and slope so that a river, an estuary or a lake does "
            "not flatten the land's slope b1). The fit (R², residual error in °C) is given in the log and the "
            "output's metadata.<br>"
            "2. In each planting polygon the NDVI is raised to the target (a field of the polygon, or one value "
            "for all) and, if a field gives it, the built-up share set to its new value. Predicted change of "
            "LST = b1 × ΔNDVI + b2 × Δbuilt (°C, negative = cooler).</p><p><b>Limits</b>: a statistical "
            "association on one date's daytime <i>surface</i> temperature, not a physical model of shade, "
            "evaporation or air temperature; it holds only within the NDVI and built-up values seen in the town "
            "(a target NDVI above them is an extrapolation); the effect felt by people depends on where and "
            "when they are outside.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.LST, self.tr("Land surface temperature (°C)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.NDVI, self.tr("NDVI (same grid)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings (for the built-up share)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TOWN, self.tr("Town outline (the model is fitted inside)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANTING, self.tr("Planting / de-sealing polygons"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_NDVI, self.tr("Target NDVI"), QgsProcessingParameterNumber.Type.Double, 0.6,
            minValue=-1.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterField(
            self.TARGET_FIELD, self.tr("Or a field giving each polygon's target NDVI"),
            parentLayerParameterName=self.PLANTING, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BUILT_AFTER_FIELD, self.tr("Field giving the built-up share after works (0–1, e.g. 0 when de-sealed)"),
            parentLayerParameterName=self.PLANTING, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr("Predicted change of surface temperature (°C)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Effect per polygon"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("R2", self.tr("R² of the model")))
        self.addOutput(QgsProcessingOutputNumber("RMSE", self.tr("Residual error of the model (°C)")))
        self.addOutput(QgsProcessingOutputString("MODEL", self.tr("Fitted model")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...analysis.heat.greening import apply_scenario, built_share, fit_model
        from ...core.grid import Grid, open_raster

        lst = self.parameterAsRasterLayer(parameters, self.LST, context)
        ndvi = self.parameterAsRasterLayer(parameters, self.NDVI, context)
        plantings = self.parameterAsSource(parameters, self.PLANTING, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        crs = QgsCoordinateReferenceSystem(lst.crs())
        target = self.parameterAsDouble(parameters, self.TARGET_NDVI, context)
        target_field = self.parameterAsString(parameters, self.TARGET_FIELD, context)
        built_field = self.parameterAsString(parameters, self.BUILT_AFTER_FIELD, context)
        scratch = Path(QgsProcessingUtils.tempFolder()) / f"territoire_built_{uuid.uuid4().hex[:8]}.tif"
        try:
            grid = Grid.of(open_raster(lst.source(), lst.name()))
            buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
            footprints = []
            if buildings is not None:
                transform = QgsCoordinateTransform(buildings.sourceCrs(), crs, context.transformContext())
                for feature in source_features(buildings, context, feedback=feedback):
                    geometry = feature.geometry()
                    geometry.transform(transform)  # noqa: QGS201 - empty results are skipped
                    if not geometry.isEmpty():
                        footprints.append(flat_wkt(geometry))
            built_share(grid, footprints, str(scratch), is_canceled=feedback.isCanceled)
            town = self.polygons_wkt(parameters, self.TOWN, context, crs)
            model = fit_model(lst.source(), ndvi.source(), str(scratch), town, is_canceled=feedback.isCanceled)
            feedback.pushInfo(self.tr("Model: {0}").format(model.describe()))
            if model.r2 < 0.1:
                feedback.pushWarning(self.tr(
                    "The model explains little of the temperature (R² = {0}): vegetation and buildings account for "
                    "less than a tenth of its variations in this scene, so the predicted effects are uncertain. A "
                    "clear summer scene gives a better model.").format(decimal(model.r2)))
            feedback.pushInfo(local_format(self.tr("NDVI seen in the town: {0:.2f} to {1:.2f}."), *model.ndvi_range))
            transform = QgsCoordinateTransform(plantings.sourceCrs(), crs, context.transformContext())
            features, scenario = [], []
            for feature in source_features(plantings, context, feedback=feedback):
                geometry = feature.geometry()
                geometry.transform(transform)  # noqa: QGS201 - an empty polygon gets no pixel
                wanted = feature[target_field] if target_field else target
                after = feature[built_field] if built_field else None
                wanted = target if wanted is None or str(wanted) == "NULL" else float(wanted)
                after = None if after is None or str(after) == "NULL" else float(after)
                if wanted > model.ndvi_range[1]:
                    feedback.pushWarning(local_format(self.tr(
                        "Target NDVI {0:.2f} is above any seen in the town ({1:.2f}): the prediction extrapolates."),
                        wanted, model.ndvi_range[1]))
                features.append(feature)
                scenario.append((flat_wkt(geometry), wanted, after))
            effects = apply_scenario(model, lst.source(), ndvi.source(), str(scratch), scenario, output,
                                     progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        finally:
            scratch.unlink(missing_ok=True)
        fields, kept = output_fields(plantings.fields(), SUMMARY_FIELDS)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_SUMMARY, context, fields,
                                                 plantings.wkbType(), plantings.sourceCrs())
        rows = [output_feature(fields, kept, feature, feature.geometry(),
                               [e.area_m2, e.ndvi_before, e.ndvi_after, e.mean_change, e.min_change])
                for feature, e in zip(features, effects)]
        add_features(sink, rows, destination)
        style_on_load(context, destination, "greening_summary.qml", self.tr("Effect per polygon"))
        add_styled_raster(context, output, "greening_delta.qml", self.tr("Predicted change of surface temperature"))
        return {self.OUTPUT: output, self.OUTPUT_SUMMARY: destination, "R2": model.r2, "RMSE": model.rmse,
                "MODEL": model.describe()}
