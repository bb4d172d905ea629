"""territoire:ndvi — NDVI from Landsat C2 L2 or Sentinel-2 L2A surface reflectance, clouds masked."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...qgis_io.styles import add_styled_raster
from ..base import HeatAlgorithm


class NdviAlgorithm(HeatAlgorithm):
    INPUT = "INPUT"
    RED = "RED"
    NIR = "NIR"
    SCALE = "SCALE"
    OFFSET = "OFFSET"
    MASK_WATER = "MASK_WATER"
    MASK_SNOW = "MASK_SNOW"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "ndvi"

    def displayName(self) -> str:
        return self.tr("Vegetation index (NDVI)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>NDVI = (NIR − red) / (NIR + red), from surface reflectance: about 0.6–0.9 for dense vegetation, "
            "0.1–0.3 for built-up areas and bare soil, below 0 for water.</p><p><b>Input</b>: a Landsat 8/9 "
            "Collection 2 Level-2 product (MTL file or folder: SR_B4 and SR_B5, scaled with the MTL's factors, "
            "clouds masked with QA_PIXEL), or a Sentinel-2 L2A folder from <i>Download Sentinel-2</i> (B04, B08, "
            "SCL; reflectance = DN × 0.0001 − 0.1 since 25 January 2022). Or give the red and near-infrared bands "
            "with their scale and offset.</p><p>Reflectance is held to [0.0001, 1]; fill, cloud, cirrus and "
            "shadow pixels are left empty, water and snow too when asked.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Product (Landsat MTL or folder, Sentinel-2 folder)"),
            behavior=QgsProcessingParameterFile.Behavior.File, optional=True,
            fileFilter=self.tr("Landsat MTL or band (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;All files (*)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.RED, self.tr("Or: red band"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.NIR, self.tr("and near-infrared band"),
                                                            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SCALE, self.tr("Reflectance scale of these bands"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0001))
        self.addParameter(QgsProcessingParameterNumber(
            self.OFFSET, self.tr("Reflectance offset of these bands"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(self.MASK_WATER, self.tr("Mask water"), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(self.MASK_SNOW, self.tr("Mask snow"), defaultValue=False))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("NDVI")))
        self.addOutput(QgsProcessingOutputNumber("MEAN", self.tr("Mean NDVI")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...analysis.landsat.ndvi import Reflectance, ndvi, resolve_reflectance

        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        product = self.parameterAsFile(parameters, self.INPUT, context)
        red = self.parameterAsRasterLayer(parameters, self.RED, context)
        nir = self.parameterAsRasterLayer(parameters, self.NIR, context)
        if product:
            bands = resolve_reflectance(product)
        elif red is not None and nir is not None:
            bands = Reflectance(Path(red.source()), Path(nir.source()),
                                (self.parameterAsDouble(parameters, self.SCALE, context),
                                 self.parameterAsDouble(parameters, self.OFFSET, context)),
                                sensor=self.tr("user bands"))
        else:
            raise QgsProcessingException(self.tr(
                "Give a product (Landsat MTL or folder, Sentinel-2 folder), or both the red and the "
                "near-infrared bands."))
        feedback.pushInfo(self.tr("{0}: reflectance = DN × {1} + {2}; clouds masked with {3}.").format(
            bands.sensor, bands.scale[0], bands.scale[1], bands.mask_kind or self.tr("nothing (no mask band)")))
        stats = ndvi(bands, output,
                     mask_water=self.parameterAsBoolean(parameters, self.MASK_WATER, context),
                     mask_snow=self.parameterAsBoolean(parameters, self.MASK_SNOW, context),
                     progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        from ...toolbelt.i18n import decimal

        check = stats.plausibility
        rule = bands.notes.get("TERRITOIRE_SCALE_SOURCE", f"DN × {bands.scale[0]} + {bands.scale[1]}")
        if "vegetation_nir" in check.problems():
            feedback.pushWarning(self.tr(
                "Dense vegetation has a mean near-infrared reflectance of {0}, outside 0.25–0.5: the reflectance "
                "scaling ({1}) may not fit this product. Check its offset before using this NDVI.").format(
                    decimal(check.vegetation_nir), rule))
        if "water_ndvi" in check.problems():
            feedback.pushWarning(self.tr(
                "Open water (SCL class 6) has a mean NDVI of {0}, where it should be negative: the reflectance "
                "scaling ({1}) may not fit this product. Check its offset before using this NDVI.").format(
                    decimal(check.water_ndvi), rule))
        add_styled_raster(context, output, "ndvi.qml", self.tr("NDVI"))
        return {self.OUTPUT: output, "MEAN": stats.mean}
