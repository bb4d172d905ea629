"""territoire:download_lcz — Cerema local climate zones for a commune, through the data.gouv.fr API."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
)

from ...qgis_io.areas import client_for, commune_outline
from ...qgis_io.geometry import flat_wkt
from ...qgis_io.styles import load_on_completion
from ..base import ConnectorAlgorithm


class DownloadLczAlgorithm(ConnectorAlgorithm):
    URBAN_AREA = "URBAN_AREA"

    def name(self) -> str:
        return "download_lcz"

    def displayName(self) -> str:
        return self.tr("Local climate zones (Cerema)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>The Cerema local climate zones (LCZ) of a commune, cut to its outline, in Lambert-93. The file "
            "is found through the data.gouv.fr API (the addresses of the files change between releases), "
            "downloaded once into the cache, and reused offline.</p><p>Cerema covers about 90 urban areas "
            "over 50,000 inhabitants: most small towns are not covered, and the algorithm says so. A commune "
            "of a covered urban area whose name is not in the file's title: give the urban area's name.</p>"
            "<p>Data: Cerema, Licence Ouverte.</p>"
        )

    def initAlgorithm(self, config=None):
        self.add_area_parameters(commune_required=True, extent=False)
        self.addParameter(QgsProcessingParameterString(
            self.URBAN_AREA, self.tr("Urban area (if the commune's name is not in the file's title)"),
            optional=True))
        self.add_geopackage_output()
        self.addOutput(QgsProcessingOutputNumber("ZONES", self.tr("Zones")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...sources.cache import Cache
        from ...sources.lcz import extract_lcz, list_resources, pick_resource, territory_of
        from ...toolbelt.settings import Settings

        query = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        output = self.geopackage_output(parameters, context)
        attributes, outline = commune_outline(query, "api_geo", feedback, context.transformContext())
        client, url = client_for("data_gouv", feedback)
        resources = list_resources(client, url)
        cache = Cache(Settings.load().cache_dir)
        territory = None
        listing = next((r for r in resources if r.is_communes_list), None)
        if listing is not None:
            name = Path(urlsplit(listing.url).path).name or "communes.csv"
            communes = client.download(listing.url, cache.file_path("lcz", name), checksum=listing.checksum)
            territory = territory_of(communes, str(attributes["insee"]))
            if territory:
                feedback.pushInfo(self.tr("{0} lies in the LCZ territory {1}.").format(attributes["nom"], territory))
        resource = pick_resource(resources, attributes["nom"],
                                 self.parameterAsString(parameters, self.URBAN_AREA, context).strip(), territory)
        feedback.pushInfo(self.tr("Cerema file: {0}").format(resource.title))
        name = Path(urlsplit(resource.url).path).name or "lcz.zip"
        path = client.download(resource.url, cache.file_path("lcz", name), checksum=resource.checksum,
                               progress=feedback.setProgress)
        zones = extract_lcz(path, output, flat_wkt(outline))
        if zones == 0:
            feedback.pushWarning(self.tr("The Cerema file has no zone inside {0}.").format(attributes["nom"]))
        uri = f"{output}|layername=lcz"
        load_on_completion(context, uri, self.tr("Local climate zones — {0}").format(attributes["nom"]))
        return {self.OUTPUT: str(output), "ZONES": zones}
