"""territoire:landsat_lst — land surface temperature (°C) from a Landsat C2 Level-2 product."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...qgis_io.features import source_features
from ...qgis_io.geometry import flat_wkt
from ...qgis_io.styles import style_lst_output
from ...toolbelt.i18n import local_format
from ...toolbelt.log import debug, log
from ...toolbelt.resources import plugin_version
from ..base import HeatAlgorithm

#: Mask parameters and the QA_PIXEL flag each one controls, with its default.
MASK_PARAMETERS = (
    ("MASK_FILL", "fill", True),
    ("MASK_DILATED_CLOUD", "dilated_cloud", True),
    ("MASK_CIRRUS", "cirrus", True),
    ("MASK_CLOUD", "cloud", True),
    ("MASK_CLOUD_SHADOW", "cloud_shadow", True),
    ("MASK_SNOW", "snow", False),
    ("MASK_WATER", "water", False),
)


class LandsatLstAlgorithm(HeatAlgorithm):
    INPUT = "INPUT"
    QA_PIXEL = "QA_PIXEL"
    CLIP = "CLIP"
    CLIP_EXTENT = "CLIP_EXTENT"
    OUTPUT = "OUTPUT"
    ICON = "landsat_lst.svg"

    def name(self) -> str:
        return "landsat_lst"

    def displayName(self) -> str:
        return self.tr("Land surface temperature (Landsat)")

    def tags(self) -> list:
        return self.tr("landsat,lst,temperature,surface,heat,thermal,ST_B10,QA_PIXEL").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Land surface temperature in °C from a Landsat 8 or 9 Collection 2 Level-2 product.</p>"
            "<p><b>Input</b>: the product's MTL file (txt, xml or json), its folder, or the ST_B10 band "
            "itself. The QA_PIXEL band is found beside the MTL when not given.</p>"
            "<p><b>Method</b>: K = DN × TEMPERATURE_MULT_BAND_ST_B10 + TEMPERATURE_ADD_BAND_ST_B10 "
            "(read from the MTL; USGS's 0.00341802 and 149.0 only when no metadata exists, and the "
            "output says which), then °C = K − 273.15. DN 0 is fill. Pixels flagged in QA_PIXEL are "
            "masked as chosen (fill, dilated cloud, cirrus, cloud and cloud shadow by default; snow "
            "and water optional).</p>"
            "<p><b>Clip</b>: optionally to polygons (e.g. the commune) and/or an extent.</p>"
            "<p><b>Output</b>: float32 GeoTIFF in °C, nodata −9999, tiled and compressed, styled with "
            "a diverging ramp centred on the median temperature.</p>"
            "<p><b>Caution</b>: this is the <i>daytime surface</i> temperature at the satellite's pass "
            "(about 10:30 solar time), not the air temperature, and not night-time heat. Roofs and "
            "roads are much hotter than the air above them.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT,
            self.tr("Landsat Level-2 product (MTL file, folder or ST_B10 band)"),
            behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=self.tr("Landsat MTL or ST_B10 (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;All files (*)"),
        ))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.QA_PIXEL, self.tr("QA_PIXEL band (found beside the MTL when empty)"), optional=True,
        ))
        labels = {
            "MASK_FILL": self.tr("Mask fill (outside the scene)"),
            "MASK_DILATED_CLOUD": self.tr("Mask dilated cloud"),
            "MASK_CIRRUS": self.tr("Mask cirrus"),
            "MASK_CLOUD": self.tr("Mask cloud"),
            "MASK_CLOUD_SHADOW": self.tr("Mask cloud shadow"),
            "MASK_SNOW": self.tr("Mask snow"),
            "MASK_WATER": self.tr("Mask water"),
        }
        for name, _flag, default in MASK_PARAMETERS:
            self.addParameter(QgsProcessingParameterBoolean(name, labels[name], defaultValue=default))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CLIP, self.tr("Clip to polygons (e.g. the commune)"),
            types=[QgsProcessing.SourceType.TypeVectorPolygon], optional=True,
        ))
        self.addParameter(QgsProcessingParameterExtent(
            self.CLIP_EXTENT, self.tr("Clip to extent"), optional=True,
        ))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr("Land surface temperature (°C)"),
        ))
        self.addOutput(QgsProcessingOutputString("SCALE_SOURCE", self.tr("Where the ST_B10 scaling came from")))
        self.addOutput(QgsProcessingOutputNumber("CLEAR_PERCENT", self.tr("Clear pixels (% of the area)")))
        self.addOutput(QgsProcessingOutputNumber("CLOUD_PERCENT", self.tr("Cloud and shadow (% of the area)")))
        self.addOutput(QgsProcessingOutputNumber("MIN", self.tr("Minimum (°C)")))
        self.addOutput(QgsProcessingOutputNumber("MEDIAN", self.tr("Median (°C)")))
        self.addOutput(QgsProcessingOutputNumber("MEAN", self.tr("Mean (°C)")))
        self.addOutput(QgsProcessingOutputNumber("MAX", self.tr("Maximum (°C)")))

    # ------------------------------------------------------------------ run

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        # Heavy imports only when the algorithm runs, never when the plugin loads.
        from ...analysis.landsat.constants import USGS_ST_ADD, USGS_ST_MULT
        from ...analysis.landsat.lst import land_surface_temperature
        from ...analysis.landsat.mtl import resolve_l2_product
        from ...core.grid import Grid, check_gtiff_path, open_raster

        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        check_gtiff_path(output)
        product = resolve_l2_product(self.parameterAsFile(parameters, self.INPUT, context))
        qa_layer = self.parameterAsRasterLayer(parameters, self.QA_PIXEL, context)
        qa_path = qa_layer.source() if qa_layer is not None else product.qa_pixel
        grid = Grid.of(open_raster(product.st_b10, self.tr("the ST_B10 band")))

        factors = product.metadata.st_b10_factors() if product.metadata else None
        if factors:
            mult, add = factors
            scale_source = f"MTL ({product.metadata.path.name})"
            feedback.pushInfo(self.tr("ST_B10 scaling from {0}: × {1} + {2}").format(
                product.metadata.path.name, mult, add))
        else:
            mult, add = USGS_ST_MULT, USGS_ST_ADD
            scale_source = "USGS default (no metadata found)"
            feedback.pushWarning(self.tr(
                "No MTL file found beside {0}: using USGS's Collection 2 scaling × {1} + {2}. Put the "
                "product's MTL file beside the band to use its own factors."
            ).format(product.st_b10.name, mult, add))
        if qa_path is None:
            feedback.pushWarning(self.tr(
                "No QA_PIXEL band found: clouds and their shadows are NOT masked, only fill pixels. "
                "Give the QA_PIXEL band to mask them."
            ))
        else:
            feedback.pushInfo(self.tr("Cloud mask from {0}").format(Path(qa_path).name))

        bounds, clip_wkts = self._clip(parameters, context, grid)
        mask = [flag for name, flag, _default in MASK_PARAMETERS
                if self.parameterAsBoolean(parameters, name, context)]
        metadata_items = {
            "TERRITOIRE_SCALE_SOURCE": scale_source,
            "TERRITOIRE_PLUGIN_VERSION": plugin_version(),
            "TERRITOIRE_NOTE": "Daytime land SURFACE temperature at the satellite pass (~10:30 solar time), "
                               "not air temperature.",
        }
        if product.metadata:
            metadata = product.metadata
            metadata_items.update({
                "TERRITOIRE_SOURCE_PRODUCT": metadata.product_id or "",
                "TERRITOIRE_SPACECRAFT": metadata.spacecraft or "",
                "TERRITOIRE_ACQUISITION": metadata.acquisition or "",
            })
        if Path(output).exists():
            feedback.pushWarning(self.tr("{0} exists: it will be replaced once the new file is complete.")
                                 .format(output))
        result = land_surface_temperature(
            product.st_b10, output, mult=mult, add=add, qa_pixel=qa_path, mask=mask,
            bounds=bounds, clip_wkts=clip_wkts, metadata=metadata_items,
            progress=feedback.setProgress, is_canceled=feedback.isCanceled,
        )

        low, median, high = (result.percentiles[p] for p in (2, 50, 98))
        style_lst_output(context, output, low, median, high, self.tr("Land surface temperature (°C)"))

        summary = local_format(self.tr(
            "Clear pixels: {0:.1f} % of the area (cloud and shadow {1:.1f} %). Surface temperature "
            "from {2:.1f} °C to {3:.1f} °C, median {4:.1f} °C."
        ), result.clear_percent, result.cloud_percent, result.minimum, result.maximum, median)
        feedback.pushInfo(summary)
        log(f"landsat_lst → {output} ({scale_source}). {summary}")
        debug(f"landsat_lst inputs: ST_B10 {product.st_b10}, QA_PIXEL {qa_path}, mask {mask}, bounds {bounds}")
        return {
            self.OUTPUT: output,
            "SCALE_SOURCE": scale_source,
            "CLEAR_PERCENT": result.clear_percent,
            "CLOUD_PERCENT": result.cloud_percent,
            "MIN": result.minimum,
            "MEDIAN": median,
            "MEAN": result.mean,
            "MAX": result.maximum,
        }

    def _clip(self, parameters, context, grid):
        """Bounds and polygons (WKT) of the clip in the raster's CRS, or (None, None)."""
        raster_crs = QgsCoordinateReferenceSystem.fromWkt(grid.wkt)
        bounds_rect = None
        clip_wkts = None
        if parameters.get(self.CLIP_EXTENT):
            bounds_rect = self.parameterAsExtent(parameters, self.CLIP_EXTENT, context, raster_crs)
        source = self.parameterAsSource(parameters, self.CLIP, context)
        if source is not None:
            transform = QgsCoordinateTransform(source.sourceCrs(), raster_crs, context.transformContext())
            clip_wkts = []
            polygons_rect = None
            for feature in source_features(source, context, QgsFeatureRequest().setNoAttributes()):
                geometry = feature.geometry()
                if geometry.isEmpty():
                    continue
                geometry.transform(transform)
                clip_wkts.append(flat_wkt(geometry))
                if polygons_rect is None:
                    polygons_rect = geometry.boundingBox()
                else:
                    polygons_rect.combineExtentWith(geometry.boundingBox())
            if not clip_wkts:
                raise QgsProcessingException(self.tr(
                    "The clip layer has no polygon. Choose a layer with at least one polygon (e.g. the "
                    "commune outline), or leave the clip empty."
                ))
            bounds_rect = polygons_rect if bounds_rect is None else bounds_rect.intersect(polygons_rect)
        if bounds_rect is None:
            return None, None
        if bounds_rect.isEmpty():
            raise QgsProcessingException(self.tr(
                "The clip polygons and the clip extent do not overlap. Give one of them, or two that overlap."
            ))
        bounds = (bounds_rect.xMinimum(), bounds_rect.yMinimum(), bounds_rect.xMaximum(), bounds_rect.yMaximum())
        return bounds, clip_wkts
