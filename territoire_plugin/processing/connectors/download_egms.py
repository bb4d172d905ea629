"""territoire:download_egms — EGMS product files through the EGMS API, with the user's service key."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...qgis_io.areas import LAMBERT93, WGS84, client_for
from ..base import ConnectorAlgorithm

LEVELS = ("L2a", "L2b", "L3")


class DownloadEgmsAlgorithm(ConnectorAlgorithm):
    AUTH = "AUTH"
    LEVEL = "LEVEL"
    RELEASE = "RELEASE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def name(self) -> str:
        return "download_egms"

    def displayName(self) -> str:
        return self.tr("Download EGMS ground motion (API)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Downloads the EGMS product files (zip) covering a commune or an extent through the EGMS API: "
            "the service key is exchanged for a token, the files are searched, then downloaded (resumable) into "
            "the output folder. Give them to <i>Import EGMS ground motion</i>.</p><p><b>Service key</b>: create "
            "one on land.copernicus.eu (your profile ▸ API tokens), then in QGIS ▸ Options ▸ Authentication add "
            "a configuration of type Basic whose password is the key's whole JSON text, and choose it here. The "
            "key stays encrypted in QGIS's authentication database.</p><p>Without a key: download the files "
            "from egms.land.copernicus.eu and use <i>Import EGMS ground motion</i>.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTH, self.tr("EGMS service key"), optional=True))
        self.add_area_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.LEVEL, self.tr("Product"), options=[self.tr("Basic (L2a)"), self.tr("Calibrated (L2b)"),
                                                    self.tr("Ortho (L3)")], defaultValue=1))
        self.addParameter(QgsProcessingParameterString(self.RELEASE, self.tr("Release"), defaultValue="2019_2023"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers("FILES", self.tr("EGMS files")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...core.errors import AnalysisError, Cancelled
        from ...sources.egms_api import EgmsApi, parse_service_key

        authcfg = self.parameterAsString(parameters, self.AUTH, context)
        if not authcfg:
            raise QgsProcessingException(self.tr(
                "No EGMS service key chosen. Create one on land.copernicus.eu (your profile ▸ API tokens) and store "
                "it in QGIS ▸ Options ▸ Authentication (type Basic, password = the key's JSON text), or download "
                "the files from egms.land.copernicus.eu and use Import EGMS ground motion."))
        config = QgsAuthMethodConfig()
        if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
            raise QgsProcessingException(self.tr(
                "The authentication configuration {0} cannot be read: unlock the authentication database (master "
                "password) or choose another configuration.").format(authcfg))
        output = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        level = LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)]
        release = self.parameterAsString(parameters, self.RELEASE, context).strip()
        files = []
        service_key = parse_service_key(config.config("password"))
        area = self.area(parameters, context, feedback)
        box = QgsCoordinateTransform(LAMBERT93, WGS84, context.transformContext()).transformBoundingBox(
            area.boundingBox())
        client, url = client_for("egms", feedback)
        api = EgmsApi(client, url)
        token = api.token(service_key)
        search_id, names = api.search(token, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()),
                                      level, release)
        feedback.pushInfo(self.tr("{0} EGMS files cover the area.").format(len(names)))
        output.mkdir(parents=True, exist_ok=True)
        for number, name in enumerate(names):
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgressText(self.tr("File {0}/{1}: {2}").format(number + 1, len(names), name))
            try:
                files.append(str(api.download(token, search_id, name, output / Path(name).name)))
            except AnalysisError as error:
                if error.key != "service_auth":
                    raise
                # The search id (or the token) expired during a long download: start the flow again once.
                token = api.token(service_key)
                search_id, _ = api.search(token, (box.xMinimum(), box.yMinimum(), box.xMaximum(),
                                                  box.yMaximum()), level, release)
                files.append(str(api.download(token, search_id, name, output / Path(name).name)))
            feedback.setProgress(100.0 * (number + 1) / max(len(names), 1))
        return {self.OUTPUT_FOLDER: str(output), "FILES": files}
