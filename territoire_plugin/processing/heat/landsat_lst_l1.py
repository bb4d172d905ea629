"""territoire:landsat_lst_l1 — land surface temperature from a Landsat 8/9 Level-1 product (B10)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterDestination,
)

from ...qgis_io.styles import style_lst_output
from ..base import HeatAlgorithm


class LandsatLstL1Algorithm(HeatAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    ICON = "landsat_lst.svg"

    def name(self) -> str:
        return "landsat_lst_l1"

    def displayName(self) -> str:
        return self.tr("Land surface temperature from Level-1 (Landsat B10)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Land surface temperature (°C) from a Landsat 8 or 9 Level-1 product, when no Level-2 product "
            "exists (single-channel method on band 10).</p>"
            "<p>1. Radiance L = ML × DN + AL (RADIANCE_MULT/ADD_BAND_10 of the MTL).<br>"
            "2. Brightness temperature BT = K2 / ln(K1 / L + 1), with the MTL's K1 and K2 (Landsat 8 and 9 "
            "differ).<br>"
            "3. NDVI from the top-of-atmosphere reflectance of bands 4 and 5.<br>"
            "4. Emissivity from NDVI (Sobrino et al. 2004; Avdan &amp; Jovanovska 2016): water (NDVI &lt; 0) "
            "0.991; bare soil (NDVI &lt; 0.2) 0.97; mixed 0.004 × Pv + 0.986 with Pv = ((NDVI − 0.2) / 0.3)²; "
            "vegetation (NDVI &gt; 0.5) 0.99.<br>"
            "5. LST = BT / (1 + (λ × BT / ρ) × ln ε), λ = 10.895 µm, ρ = 1.4388 × 10⁻² m·K.</p>"
            "<p>No atmospheric correction: prefer the Level-2 product (<i>Land surface temperature "
            "(Landsat)</i>) when it exists. Clouds are masked with QA_PIXEL (Collection 2) or, for "
            "pre-Collection products, the high-confidence cloud and cirrus of BQA. Daytime surface "
            "temperature at the ~10:30 pass, not air temperature.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Landsat Level-1 product (MTL file or folder)"),
            behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=self.tr("Landsat MTL (*_MTL.txt *_MTL.xml *_MTL.json);;All files (*)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr("Land surface temperature (°C)")))
        self.addOutput(QgsProcessingOutputNumber("MEAN", self.tr("Mean (°C)")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...analysis.landsat.lst_l1 import land_surface_temperature_l1, resolve_level1

        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        product = resolve_level1(self.parameterAsFile(parameters, self.INPUT, context))
        constants = product.constants
        feedback.pushInfo(self.tr("{0}: K1 = {1}, K2 = {2}, ML = {3}, AL = {4}").format(
            product.metadata.spacecraft, constants["K1_CONSTANT_BAND_10"], constants["K2_CONSTANT_BAND_10"],
            constants["RADIANCE_MULT_BAND_10"], constants["RADIANCE_ADD_BAND_10"]))
        stats = land_surface_temperature_l1(product, output, progress=feedback.setProgress,
                                            is_canceled=feedback.isCanceled)
        style_lst_output(context, output, stats.mean - 2 * stats.std, stats.mean, stats.mean + 2 * stats.std,
                         self.tr("Land surface temperature (°C)"))
        return {self.OUTPUT: output, "MEAN": stats.mean}
