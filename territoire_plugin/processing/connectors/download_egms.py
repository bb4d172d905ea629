"""territoire:download_egms — EGMS product files from the EGMS archive, by name, with the user's download token."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...qgis_io.areas import LAMBERT93, client_for
from ..base import ConnectorAlgorithm

#: (level, L3 component) per choice of the PRODUCT parameter.
PRODUCTS = (("L3", "U"), ("L3", "E"), ("L2b", None), ("L2a", None))


class DownloadEgmsAlgorithm(ConnectorAlgorithm):
    AUTH = "AUTH"
    PRODUCT = "PRODUCT"
    NAMES = "NAMES"
    RELEASE = "RELEASE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def name(self) -> str:
        return "download_egms"

    def displayName(self) -> str:
        return self.tr("Download EGMS ground motion")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Downloads EGMS product files (zip) from the EGMS archive into the output folder, one file at a "
            "time by its name; an interrupted download resumes where it stopped, a file already there is kept. "
            "Give them to <i>Import EGMS ground motion</i>.</p>"
            "<p><b>Ortho (L3)</b>: the 100 km tiles covering the commune or the extent are found by the "
            "algorithm. <b>Calibrated (L2b) and Basic (L2a)</b>: write the names of the files (bursts) as the EGMS "
            "viewer shows them, e.g. <i>EGMS_L2b_037_0288_IW2_VV_2019_2023_1</i>, or just <i>037_0288_IW2</i>.</p>"
            "<p>A file the archive does not have for this release (a tile at sea, a burst not processed) is "
            "listed and skipped.</p>"
            "<p><b>Download token</b>: log in on egms.land.copernicus.eu, open a download link and copy the "
            "token, the text after <i>id=</i> at the end of the link. In QGIS ▸ Options ▸ Authentication add a "
            "configuration of type Basic whose password is the token, and choose it here: the token stays "
            "encrypted in QGIS's authentication database. It is temporary: when it has expired, copy a new "
            "one into the same configuration.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTH, self.tr("EGMS download token"), optional=True))
        self.add_area_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.PRODUCT, self.tr("Product"), options=[
                self.tr("Ortho (L3), vertical"), self.tr("Ortho (L3), east-west"), self.tr("Calibrated (L2b)"),
                self.tr("Basic (L2a)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.NAMES, self.tr("L2 files (names or orbit_burst_IWn, for L2a and L2b)"), multiLine=True,
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.RELEASE, self.tr("Release"), defaultValue="2019_2023"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers("FILES", self.tr("EGMS files")))
        self.addOutput(QgsProcessingOutputString("MISSING", self.tr("Files the archive does not have")))

    def token(self, parameters, context) -> str:
        authcfg = self.parameterAsString(parameters, self.AUTH, context)
        if not authcfg:
            raise QgsProcessingException(self.tr(
                "No EGMS download token chosen. Log in on egms.land.copernicus.eu, copy the token at the end of a "
                "download link (after id=) and store it in QGIS ▸ Options ▸ Authentication (type Basic, password = "
                "the token); or download the files from the EGMS website and use Import EGMS ground motion."))
        config = QgsAuthMethodConfig()
        if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
            raise QgsProcessingException(self.tr(
                "The authentication configuration {0} cannot be read: unlock the authentication database (master "
                "password) or choose another configuration.").format(authcfg))
        token = config.config("password").strip()
        if not token or any(character.isspace() for character in token):
            raise QgsProcessingException(self.tr(
                "The authentication configuration {0} holds no usable EGMS token: its password must be the token "
                "alone, the text after id= at the end of an EGMS download link.").format(authcfg))
        return token

    def names(self, parameters, context, feedback, level: str, component: str | None, release: str) -> list[str]:
        from ...sources.egms_archive import l2_names, l3_name, l3_tiles

        if component is None:
            names = l2_names(self.parameterAsString(parameters, self.NAMES, context), level, release)
            if not names:
                raise QgsProcessingException(self.tr(
                    "Calibrated and Basic files are named after Sentinel-1 bursts: write their names (from the EGMS "
                    "viewer, e.g. EGMS_L2b_037_0288_IW2_VV_2019_2023_1), or choose an Ortho (L3) product, whose "
                    "tiles are found from the area."))
            return names
        laea = QgsCoordinateReferenceSystem("EPSG:3035")
        box = QgsCoordinateTransform(LAMBERT93, laea, context.transformContext()).transformBoundingBox(
            self.area(parameters, context, feedback).boundingBox())
        return [l3_name(e, n, component, release)
                for e, n in l3_tiles(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())]

    def processAlgorithm(self, parameters, context, feedback):
        from ...core.errors import Cancelled
        from ...sources.egms_archive import EgmsArchive, release_suffix

        token = self.token(parameters, context)
        level, component = PRODUCTS[self.parameterAsEnum(parameters, self.PRODUCT, context)]
        release = self.parameterAsString(parameters, self.RELEASE, context).strip()
        release_suffix(release)  # checked before anything is asked
        names = self.names(parameters, context, feedback, level, component, release)
        output = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        output.mkdir(parents=True, exist_ok=True)
        client, url = client_for("egms", feedback)
        archive = EgmsArchive(client, url)
        files, missing = [], []
        share = 100.0 / len(names)
        for number, name in enumerate(names):
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgressText(self.tr("File {0}/{1}: {2}").format(number + 1, len(names), name))
            path = archive.fetch(name, token, output,
                                 progress=lambda percent, n=number: feedback.setProgress(share * (n + percent / 100)))
            if path is None:
                missing.append(name)
                feedback.pushWarning(self.tr("The EGMS archive has no file {0} for the release {1}.").format(
                    name, release))
            else:
                files.append(str(path))
            feedback.setProgress(share * (number + 1))
        if not files:
            raise QgsProcessingException(self.tr(
                "The EGMS archive has none of the files asked for the release {0} ({1}). Check the release and, "
                "for Calibrated or Basic files, the burst names.").format(release, ", ".join(names)))
        feedback.pushInfo(self.tr("EGMS files downloaded: {0}, in {1}.").format(len(files), output))
        return {self.OUTPUT_FOLDER: str(output), "FILES": files, "MISSING": ", ".join(missing)}
