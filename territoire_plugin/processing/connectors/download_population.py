"""territoire:download_population — INSEE Filosofi 200 m population grid for a commune or an extent."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
)

from ...qgis_io.areas import LAMBERT93, client_for
from ...qgis_io.geometry import flat_wkt
from ...toolbelt.i18n import local_format
from ..base import ConnectorAlgorithm

LAEA = QgsCoordinateReferenceSystem("EPSG:3035")


class DownloadPopulationAlgorithm(ConnectorAlgorithm):
    SOURCE = "SOURCE"

    def name(self) -> str:
        return "download_population"

    def displayName(self) -> str:
        return self.tr("Population on a 200 m grid (INSEE Filosofi)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>The INSEE Filosofi 200 m grid for a commune or an extent: inhabitants (ind), people aged 65–79 "
            "(ind_65_79) and 80 and over (ind_80p), and their sum (ind_65p), one square per cell, in "
            "Lambert-93.</p><p><b>Source</b>: the file you downloaded from insee.fr, as it is (a zip holding a 7z "
            "holding the CSV or the GeoPackage), or already extracted (CSV, zip of CSV, 7z, GeoPackage); years "
            "2015 to 2019, columns found by name, UTF-8 or Latin-1; or its web address: it is downloaded once "
            "into the cache, resuming if interrupted. The national file is read as a stream, never loaded "
            "whole.</p><p>Data: INSEE, Filosofi, Licence "
            "Ouverte. Counts are estimates, blurred by INSEE where few households live.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Filosofi file (path) or its web address")))
        self.add_area_parameters()
        self.add_geopackage_output()
        self.addOutput(QgsProcessingOutputNumber("INHABITANTS", self.tr("Inhabitants in the area")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...sources.cache import Cache
        from ...sources.population import read_population
        from ...toolbelt.settings import Settings

        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        output = self.geopackage_output(parameters, context)
        if source.lower().startswith(("http://", "https://")):
            client, _ = client_for("data_gouv", feedback)
            name = Path(urlsplit(source).path).name or "filosofi_200m.zip"
            local = Cache(Settings.load().cache_dir).file_path("population", name)
            feedback.pushInfo(self.tr("Downloading {0} (resumes if interrupted)").format(source))
            path = client.download(source, local, progress=feedback.setProgress)
        else:
            path = Path(source)
            if not path.is_file():
                raise QgsProcessingException(self.tr("{0} does not exist.").format(path))
        area = self.area(parameters, context, feedback)
        area.transform(QgsCoordinateTransform(LAMBERT93, LAEA, context.transformContext()))  # noqa: QGS201
        box = area.boundingBox()
        summary = read_population(path, output, bounds_3035=(box.xMinimum(), box.yMinimum(), box.xMaximum(),
                                                             box.yMaximum()),
                                  clip_wkt_3035=flat_wkt(area), is_canceled=feedback.isCanceled)
        if summary.missing:
            feedback.pushWarning(self.tr("This file has no column {0}: those counts are left empty.")
                                 .format(", ".join(summary.missing)))
        feedback.pushInfo(local_format(self.tr("{0} cells, {1:,.0f} inhabitants."), summary.kept, summary.inhabitants))
        return {self.OUTPUT: str(output), "INHABITANTS": summary.inhabitants}
