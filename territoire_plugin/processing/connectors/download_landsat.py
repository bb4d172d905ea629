"""territoire:download_landsat — Landsat 8/9 Collection 2 Level-2 windows from Planetary Computer."""

from __future__ import annotations

from .stac_base import StacDownloadAlgorithm

#: STAC asset → the MTL key that names the file, so territoire:landsat_lst reads the folder directly.
MTL_KEYS = {"lwir11": "BAND_ST_B10", "qa_pixel": "QUALITY_L1_PIXEL", "red": "BAND_4", "nir08": "BAND_5"}


class DownloadLandsatAlgorithm(StacDownloadAlgorithm):
    def name(self) -> str:
        return "download_landsat"

    def displayName(self) -> str:
        return self.tr("Download Landsat (surface temperature and reflectance)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Finds Landsat 8 and 9 Collection 2 Level-2 scenes over a commune or an extent (Microsoft "
            "Planetary Computer STAC API), lists them (date, cloud cover, WRS path/row), and downloads, for the "
            "N clearest, only the window of the area from each Cloud-Optimized GeoTIFF: ST_B10, QA_PIXEL, SR_B4 "
            "and SR_B5.</p><p>Each scene goes into its own folder with an MTL file (JSON) holding the scale and "
            "offset from the STAC metadata, the date and the cloud cover: give that folder to <i>Land surface "
            "temperature (Landsat)</i>. A second run for the same area downloads nothing.</p>"
            "<p>Data: USGS Landsat, public domain.</p>"
        )

    def initAlgorithm(self, config=None):
        self.add_common_parameters()

    def profile(self, parameters, context):
        from ...sources.stac import LANDSAT_PC

        return "planetary_computer_stac", LANDSAT_PC, "planetary_computer_sas"

    def write_metadata(self, scene, folder, files) -> None:
        from ...sources.stac import landsat_mtl_json, write_json

        mtl_files = {MTL_KEYS[key]: name for key, name in files.items()}
        write_json(folder / f"{scene.id}_MTL.json", landsat_mtl_json(scene, mtl_files))
