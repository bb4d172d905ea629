"""territoire:download_sentinel2 — Sentinel-2 L2A windows (B04, B08, SCL) from Earth Search or Planetary Computer."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterEnum

from .stac_base import StacDownloadAlgorithm

SOURCES = ("earth_search", "planetary_computer_stac")


class DownloadSentinel2Algorithm(StacDownloadAlgorithm):
    SOURCE = "SOURCE"

    def name(self) -> str:
        return "download_sentinel2"

    def displayName(self) -> str:
        return self.tr("Download Sentinel-2 L2A (red, near infrared, scene classification)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Finds Sentinel-2 L2A scenes over a commune or an extent (Earth Search, or Microsoft Planetary "
            "Computer), lists them (date, cloud cover, MGRS tile), and downloads, for the N clearest, only the "
            "window of the area: B04 (red), B08 (near infrared) and SCL (scene classification).</p><p>A JSON "
            "file beside the bands gives the scale and offset: reflectance = DN × 0.0001 − 0.1 for products "
            "since 25 January 2022 (processing baseline 04.00, −1000 DN offset), DN × 0.0001 before.</p>"
            "<p>Data: Copernicus Sentinel-2, ESA, free and open.</p>"
        )

    def initAlgorithm(self, config=None):
        self.add_common_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCE, self.tr("STAC service"), options=[self.tr("Earth Search (Element84)"),
                                                           self.tr("Microsoft Planetary Computer")],
            defaultValue=0))

    def profile(self, parameters, context):
        from ...sources.stac import SENTINEL2_EARTH_SEARCH, SENTINEL2_PC

        if SOURCES[self.parameterAsEnum(parameters, self.SOURCE, context)] == "earth_search":
            return "earth_search", SENTINEL2_EARTH_SEARCH, None
        return "planetary_computer_stac", SENTINEL2_PC, "planetary_computer_sas"

    def write_metadata(self, scene, folder, files) -> None:
        from ...sources.stac import sentinel2_metadata, write_json
        from ...toolbelt.log import log

        metadata = sentinel2_metadata(scene, files)
        write_json(folder / f"{scene.id}_metadata.json", metadata)
        log(f"{scene.id}: reflectance = DN × {metadata['scale_offset'].get('B04')} — {metadata['offset_rule']}")
