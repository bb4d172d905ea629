"""The "territoire" Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..toolbelt.resources import icon_path, plugin_version
from .connectors.commune_boundary import CommuneBoundaryAlgorithm
from .connectors.download_bdtopo import DownloadBdtopoAlgorithm
from .connectors.download_egms import DownloadEgmsAlgorithm
from .connectors.download_georisques import DownloadGeorisquesAlgorithm
from .connectors.download_landsat import DownloadLandsatAlgorithm
from .connectors.download_lcz import DownloadLczAlgorithm
from .connectors.download_population import DownloadPopulationAlgorithm
from .connectors.download_sentinel2 import DownloadSentinel2Algorithm
from .connectors.import_egms import ImportEgmsAlgorithm
from .diagnostic.commune_diagnostic import CommuneDiagnosticAlgorithm
from .diagnostic.digital_twin_3d import DigitalTwin3dAlgorithm
from .heat.greening_scenario import GreeningScenarioAlgorithm
from .heat.heat_exposure import HeatExposureAlgorithm
from .heat.heat_hotspots import HeatHotspotsAlgorithm
from .heat.heat_island_intensity import HeatIslandIntensityAlgorithm
from .heat.heat_islands import HeatIslandsAlgorithm
from .heat.landsat_lst import LandsatLstAlgorithm
from .heat.landsat_lst_l1 import LandsatLstL1Algorithm
from .heat.lst_composite import LstCompositeAlgorithm
from .heat.ndvi import NdviAlgorithm
from .infrastructure.clay_shrink_swell import ClayShrinkSwellAlgorithm
from .infrastructure.corridor_change import CorridorChangeAlgorithm
from .infrastructure.ground_motion_assets import GroundMotionAssetsAlgorithm
from .infrastructure.ground_motion_differential import GroundMotionDifferentialAlgorithm
from .infrastructure.ground_motion_trend import GroundMotionTrendAlgorithm

ALGORITHMS = (LandsatLstAlgorithm, CommuneBoundaryAlgorithm, DownloadBdtopoAlgorithm, DownloadLandsatAlgorithm,
              DownloadSentinel2Algorithm, ImportEgmsAlgorithm, DownloadPopulationAlgorithm,
              DownloadLczAlgorithm, DownloadEgmsAlgorithm, NdviAlgorithm,
              LandsatLstL1Algorithm, HeatIslandIntensityAlgorithm, HeatIslandsAlgorithm, HeatHotspotsAlgorithm,
              HeatExposureAlgorithm, LstCompositeAlgorithm, GreeningScenarioAlgorithm,
              GroundMotionAssetsAlgorithm, GroundMotionTrendAlgorithm, GroundMotionDifferentialAlgorithm,
              CorridorChangeAlgorithm, CommuneDiagnosticAlgorithm, DownloadGeorisquesAlgorithm,
              ClayShrinkSwellAlgorithm, DigitalTwin3dAlgorithm)


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
