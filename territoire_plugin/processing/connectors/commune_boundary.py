"""territoire:commune_boundary — a commune's outline from API Géo or IGN ADMIN EXPRESS."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ...qgis_io.areas import LAMBERT93, commune_outline
from ...qgis_io.sinks import add_features
from ...toolbelt.compat import INT, TEXT, new_field
from ...toolbelt.i18n import local_format
from ..base import ConnectorAlgorithm

SOURCES = ("api_geo", "admin_express")


class CommuneBoundaryAlgorithm(ConnectorAlgorithm):
    SOURCE = "SOURCE"

    def name(self) -> str:
        return "commune_boundary"

    def displayName(self) -> str:
        return self.tr("Commune boundary")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>The outline of a commune, with its INSEE code, name, department and population, in "
            "Lambert-93 (EPSG:2154).</p><p><b>Commune</b>: a name (\"Olemps\", \"saint etienne\"), a name "
            "with its department (\"Saint-Martin (12)\"), an INSEE code (12174) or a postcode. When the name "
            "is ambiguous or misspelled, the error lists the closest communes.</p><p><b>Source</b>: API Géo "
            "(geo.api.gouv.fr, Etalab) or IGN ADMIN EXPRESS through the Géoplateforme WFS. Answers are kept "
            "in the cache and reused offline.</p>"
        )

    def initAlgorithm(self, config=None):
        self.add_area_parameters(commune_required=True, extent=False)
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCE, self.tr("Source"), options=[self.tr("API Géo"), self.tr("IGN ADMIN EXPRESS (WFS)")],
            defaultValue=0,
        ))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Commune boundary"), QgsProcessing.SourceType.TypeVectorPolygon,
        ))

    def processAlgorithm(self, parameters, context, feedback):

        query = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        if not query:
            raise QgsProcessingException(self.tr("Type a commune: its name, INSEE code or postcode."))
        source = SOURCES[self.parameterAsEnum(parameters, self.SOURCE, context)]
        attributes, geometry = commune_outline(query, source, feedback, context.transformContext())
        fields = QgsFields()
        for name, kind in (("insee", TEXT), ("nom", TEXT), ("departement", TEXT),
                           ("population", INT), ("source", TEXT)):
            fields.append(new_field(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                                 QgsWkbTypes.Type.MultiPolygon, LAMBERT93)
        feature = QgsFeature(fields)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        for name, value in attributes.items():
            feature[name] = value
        add_features(sink, [feature], destination)
        feedback.pushInfo(local_format(self.tr("{0} (INSEE {1}), {2} inhabitants, {3:.2f} km²"),
            attributes["nom"], attributes["insee"], attributes["population"], geometry.area() / 1e6))
        return {self.OUTPUT: destination, "INSEE": attributes["insee"], "NAME": attributes["nom"]}
