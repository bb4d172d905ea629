"""The "territoire" Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..toolbelt.resources import icon_path, plugin_version
from .commune_boundary import CommuneBoundaryAlgorithm
from .commune_diagnostic import CommuneDiagnosticAlgorithm
from .corridor_change import CorridorChangeAlgorithm
from .download_bdtopo import DownloadBdtopoAlgorithm
from .download_egms import DownloadEgmsAlgorithm
from .download_landsat import DownloadLandsatAlgorithm
from .download_lcz import DownloadLczAlgorithm
from .download_population import DownloadPopulationAlgorithm
from .download_sentinel2 import DownloadSentinel2Algorithm
from .greening_scenario import GreeningScenarioAlgorithm
from .ground_motion_assets import GroundMotionAssetsAlgorithm
from .ground_motion_differential import GroundMotionDifferentialAlgorithm
from .ground_motion_trend import GroundMotionTrendAlgorithm
from .heat_exposure import HeatExposureAlgorithm
from .heat_hotspots import HeatHotspotsAlgorithm
from .heat_island_intensity import HeatIslandIntensityAlgorithm
from .heat_islands import HeatIslandsAlgorithm
from .import_egms import ImportEgmsAlgorithm
from .landsat_lst import LandsatLstAlgorithm
from .landsat_lst_l1 import LandsatLstL1Algorithm
from .lst_composite import LstCompositeAlgorithm
from .ndvi import NdviAlgorithm

ALGORITHMS = (LandsatLstAlgorithm, CommuneBoundaryAlgorithm, DownloadBdtopoAlgorithm, DownloadLandsatAlgorithm,
              DownloadSentinel2Algorithm, ImportEgmsAlgorithm, DownloadPopulationAlgorithm,
              DownloadLczAlgorithm, DownloadEgmsAlgorithm, NdviAlgorithm,
              LandsatLstL1Algorithm, HeatIslandIntensityAlgorithm, HeatIslandsAlgorithm, HeatHotspotsAlgorithm,
              HeatExposureAlgorithm, LstCompositeAlgorithm, GreeningScenarioAlgorithm,
              GroundMotionAssetsAlgorithm, GroundMotionTrendAlgorithm, GroundMotionDifferentialAlgorithm,
              CorridorChangeAlgorithm, CommuneDiagnosticAlgorithm)


class TerritoireProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "territoire"

    def name(self) -> str:
        return "Territoire"

    def longName(self) -> str:
        return QCoreApplication.translate("TerritoireProvider", "Territoire — space data for local authorities")

    def icon(self) -> QIcon:
        return QIcon(icon_path("territoire.svg"))

    def svgIconPath(self) -> str:
        return icon_path("territoire.svg")

    def versionInfo(self) -> str:
        return plugin_version()

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
