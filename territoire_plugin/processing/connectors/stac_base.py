"""Shared by territoire:download_landsat and territoire:download_sentinel2: search, list, pick, read windows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...qgis_io.areas import LAMBERT93, WGS84, client_for
from ..base import ConnectorAlgorithm

MARKER = "territoire_window.json"


class StacDownloadAlgorithm(ConnectorAlgorithm):
    START = "START"
    END = "END"
    SUMMER_ONLY = "SUMMER_ONLY"
    MAX_CLOUD = "MAX_CLOUD"
    MAX_SCENES = "MAX_SCENES"
    LIST_ONLY = "LIST_ONLY"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def add_common_parameters(self) -> None:
        today = date.today()
        self.add_area_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.START, self.tr("From (YYYY-MM-DD)"), defaultValue=f"{today.year - 3}-06-01"))
        self.addParameter(QgsProcessingParameterString(
            self.END, self.tr("To (YYYY-MM-DD)"), defaultValue=today.isoformat()))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SUMMER_ONLY, self.tr("Summer scenes only (June–August)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_CLOUD, self.tr("Maximum cloud cover of the scene (%)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=30.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_SCENES, self.tr("Download the N clearest scenes"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=3, minValue=1, maxValue=50))
        self.addParameter(QgsProcessingParameterBoolean(
            self.LIST_ONLY, self.tr("Only list the scenes found, download nothing"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers("SCENES", self.tr("Scene folders")))
        self.addOutput(QgsProcessingOutputString("LISTING", self.tr("Scenes found")))

    # Subclasses provide: profile(parameters, context) -> (service key, Profile, signer service key or None)
    # and write_metadata(scene, folder, files).

    def processAlgorithm(self, parameters, context, feedback):
        from ...core.errors import AnalysisError, Cancelled
        from ...sources.cog import gdal_http_options, qgis_proxy_options, read_window
        from ...sources.stac import SasSigner, StacApi

        start = self.parameterAsString(parameters, self.START, context).strip()
        end = self.parameterAsString(parameters, self.END, context).strip()
        for value in (start, end):
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise QgsProcessingException(self.tr(
                    "{0} is not a date: write it as YYYY-MM-DD, e.g. 2023-06-01.").format(value)) from exc
        if start > end:
            raise QgsProcessingException(self.tr("The start date {0} is after the end date {1}.").format(start, end))
        output = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        service_key, profile, sas_key = self.profile(parameters, context)
        area = self.area(parameters, context, feedback)
        box = area.boundingBox()
        to_wgs84 = QgsCoordinateTransform(LAMBERT93, WGS84, context.transformContext())
        lonlat = to_wgs84.transformBoundingBox(box)
        bounds = (lonlat.xMinimum(), lonlat.yMinimum(), lonlat.xMaximum(), lonlat.yMaximum())
        client, url = client_for(service_key, feedback)
        scenes = StacApi(client, url).search(
            profile, bounds, start, end, self.parameterAsDouble(parameters, self.MAX_CLOUD, context))
        if self.parameterAsBoolean(parameters, self.SUMMER_ONLY, context):
            scenes = [s for s in scenes if s.date[5:7] in ("06", "07", "08")]
        scenes.sort(key=lambda s: (s.cloud if s.cloud is not None else 101.0, s.date))
        listing = "\n".join(f"{s.date}  {s.cloud if s.cloud is not None else '?':>6} %  {s.tile:<8} {s.id}"
                            for s in scenes)
        feedback.pushInfo(self.tr("{0} scenes found (date, cloud cover, tile, id):").format(len(scenes)))
        feedback.pushInfo(listing or self.tr("none"))
        if not scenes:
            raise QgsProcessingException(self.tr(
                "No scene matches: widen the dates, raise the maximum cloud cover or untick summer only."))
        if self.parameterAsBoolean(parameters, self.LIST_ONLY, context):
            return {"SCENES": [], "LISTING": listing, self.OUTPUT_FOLDER: str(output)}
        chosen = scenes[: self.parameterAsInt(parameters, self.MAX_SCENES, context)]
        signer = None
        if sas_key:
            sas_client, sas_url = client_for(sas_key, feedback)
            signer = SasSigner(sas_client, sas_url)
        folders = []
        with gdal_http_options(client.user_agent, qgis_proxy_options()):
            for number, scene in enumerate(chosen):
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgressText(self.tr("Scene {0}/{1}: {2}").format(number + 1, len(chosen), scene.id))
                folder = output / scene.id
                folders.append(str(folder))
                marker = {"bounds": [round(v, 6) for v in bounds], "bands": profile.bands}
                if _complete(folder, marker):
                    feedback.pushInfo(self.tr("{0}: already downloaded for this area, nothing fetched.")
                                      .format(scene.id))
                    continue
                created = not folder.exists()
                folder.mkdir(parents=True, exist_ok=True)
                written = []
                try:
                    files, reference = {}, None
                    for asset_key, band in profile.bands.items():
                        href = scene.assets[asset_key]["href"]
                        target = folder / f"{scene.id}_{band}.TIF"
                        # Every band of the scene on the grid of the first (Sentinel-2: SCL is 20 m, B04/B08 10 m).
                        try:
                            signed = signer.sign(href, scene.collection) if signer else href
                            read_window(signed, bounds, target, onto=reference, is_canceled=feedback.isCanceled,
                                        validator=validator_of(client, signed))
                        except AnalysisError as error:
                            if signer is None or error.key == "cog_changed":
                                raise
                            # The SAS token may have expired: fetch a new one and try once more.
                            signed = signer.sign(href, scene.collection, refresh=True)
                            read_window(signed, bounds, target, onto=reference, is_canceled=feedback.isCanceled,
                                        validator=validator_of(client, signed))
                        reference = reference or target
                        files[asset_key] = target.name
                        written.append(target)
                        feedback.setProgress(100.0 * (number + len(files) / len(profile.bands)) / len(chosen))
                    self.write_metadata(scene, folder, files)
                    (folder / MARKER).write_text(json.dumps({**marker, "files": files}), encoding="utf-8")
                except BaseException:
                    # A failed or cancelled scene leaves nothing of this run: its bands, and its folder if new.
                    for path in written:
                        path.unlink(missing_ok=True)
                    if created and not any(folder.iterdir()):
                        folder.rmdir()
                    raise
        return {"SCENES": folders, "LISTING": listing, self.OUTPUT_FOLDER: str(output)}


def validator_of(client, href: str):
    """A function giving the COG's ETag or Last-Modified now (a HEAD request), None if the server says none."""
    from ...core.errors import ServiceError

    def current():
        try:
            response = client.request("HEAD", href)
        except ServiceError:
            return None
        return response.headers.get("etag") or response.headers.get("last-modified")

    return current


def _complete(folder: Path, marker: dict) -> bool:
    """True when ``folder`` holds every window of a previous run for the same area and bands."""
    try:
        previous = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    files = previous.get("files", {}) if isinstance(previous, dict) else None
    if not isinstance(files, dict) or not all(isinstance(name, str) for name in files.values()):
        return False  # a damaged marker: the windows are fetched again
    same = previous.get("bounds") == marker["bounds"] and previous.get("bands") == marker["bands"]
    return same and all((folder / name).exists() for name in files.values())
