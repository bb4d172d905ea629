"""territoire:download_georisques — a commune's clay shrink-swell exposure and natural-disaster decrees (BRGM
Géorisques)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSource,
    QgsRectangle,
    QgsVectorLayer,
)

from ...qgis_io.areas import LAMBERT93, WGS84, client_for, commune_outline
from ...qgis_io.geopackage import write_gpkg_layer
from ...qgis_io.styles import load_on_completion
from ...toolbelt.compat import INT, TEXT, new_field
from ...toolbelt.resources import resource_path
from ..base import ConnectorAlgorithm


class DownloadGeorisquesAlgorithm(ConnectorAlgorithm):
    BUILDINGS = "BUILDINGS"
    CELL = "CELL"

    def name(self) -> str:
        return "download_georisques"

    def displayName(self) -> str:
        return self.tr("Clay shrink-swell exposure and natural disasters (Géorisques)")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>For a commune of mainland France, from the BRGM's Géorisques API: the <b>clay shrink-swell "
            "exposure</b> (retrait-gonflement des argiles: high, medium, low, not classified — the national map of "
            "article R132-3 of the Code de la construction) and the commune's <b>natural-disaster decrees</b> "
            "(CatNat: peril, event start and end, decree and Journal officiel dates; the drought decrees are "
            "flagged).</p><p>The API gives the exposure <b>point by point</b>: it is asked at the centre of each "
            "cell of a 400 m grid that holds a building of the given layer (without buildings: any place of the "
            "commune), and each cell whose class differs from a neighbour's is split in four, down to the sampling "
            "grid (50 m by default): the zones of the map are wide, so few requests settle a commune. The cells "
            "come out as polygons with their class; at most 3,000 requests. Each answer is cached: a second run, "
            "and a run offline, ask nothing.</p><p>Data: BRGM, Géorisques (Licence Ouverte 2.0).</p>")

    def initAlgorithm(self, config=None):
        self.add_area_parameters(commune_required=True, extent=False)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings (the exposure is asked where they stand)"), optional=True))
        self.addParameter(QgsProcessingParameterDistance(self.CELL, self.tr("Sampling grid"), 50.0, minValue=10.0,
                                                         maxValue=1000.0))
        self.add_geopackage_output()
        for name, title in (("SAMPLES", self.tr("Exposure points asked")), ("CELLS", self.tr("Exposure cells")),
                            ("DECREES", self.tr("CatNat decrees")), ("DROUGHT_DECREES", self.tr("Drought decrees"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):
        from ...sources import georisques

        query = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        output = self.geopackage_output(parameters, context)
        attributes, outline = commune_outline(query, "api_geo", feedback, context.transformContext())
        box = outline.boundingBox()
        if not georisques.in_mainland(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()):
            raise georisques.outside_mainland(attributes["nom"])
        spots = self.where_to_ask(parameters, context, outline, feedback)
        finest = self.parameterAsDouble(parameters, self.CELL, context)
        to_wgs84 = QgsCoordinateTransform(LAMBERT93, WGS84, context.transformContext())
        client, base = client_for("georisques", feedback)
        asked = []

        def ask(x, y):
            point = to_wgs84.transform(QgsPointXY(x, y))
            asked.append(1)
            feedback.setProgress(min(90.0, 90.0 * len(asked) / georisques.MAX_SAMPLES ** 0.5))
            return georisques.rga_class(client, base, point.x(), point.y())

        cells = georisques.refined_exposure(spots, finest, ask, is_canceled=feedback.isCanceled)
        feedback.pushInfo(self.tr("Clay exposure asked at {0} places: cells of {1:g} m, split down to {2:g} m where "
                                  "the class changes (each answer cached).").format(
            len(asked), georisques.COARSEST_CELL, finest))
        self.write_cells(output, cells)
        found = georisques.decrees(client, base, str(attributes["insee"]), feedback.isCanceled)
        self.write_decrees(output, found)
        feedback.setProgress(100)
        dry = sum(1 for decree in found if decree.drought)
        feedback.pushInfo(self.tr("{0}: {1} CatNat decrees, {2} of them for drought (clay shrink-swell).").format(
            attributes["nom"], len(found), dry))
        load_on_completion(context, f"{output}|layername=exposition_argiles",
                           self.tr("Clay shrink-swell exposure — {0}").format(attributes["nom"]),
                           resource_path("styles", "clay_exposure.qml"))
        return {self.OUTPUT: str(output), "SAMPLES": len(asked), "CELLS": len(cells), "DECREES": len(found),
                "DROUGHT_DECREES": dry}

    def where_to_ask(self, parameters, context, outline, feedback) -> list:
        """(x, y) in Lambert-93 of the places whose exposure matters: a point on each building inside the commune,
        or, without buildings, the commune's outline on a fine grid."""
        from ...qgis_io.features import source_features

        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if buildings is not None:
            request = QgsFeatureRequest().setDestinationCrs(LAMBERT93, context.transformContext())
            request.setFilterRect(outline.boundingBox()).setNoAttributes()
            spots = []
            for feature in source_features(buildings, context, request, feedback):
                point = feature.geometry().pointOnSurface().asPoint()
                if outline.contains(QgsGeometry.fromPointXY(point)):
                    spots.append((point.x(), point.y()))
            return spots
        step = self.parameterAsDouble(parameters, self.CELL, context) / 2
        box = outline.boundingBox()
        spots, y = [], box.yMinimum()
        engine = QgsGeometry.createGeometryEngine(outline.constGet())
        engine.prepareGeometry()
        while y <= box.yMaximum():
            x = box.xMinimum()
            while x <= box.xMaximum():
                point = QgsGeometry.fromPointXY(QgsPointXY(x, y))  # kept while the engine reads it
                if engine.intersects(point.constGet()):
                    spots.append((x, y))
                x += step
            y += step
            if feedback.isCanceled():
                break
        return spots

    def write_cells(self, output, cells: dict) -> None:
        labels = {0: self.tr("not classified"), 1: self.tr("low"), 2: self.tr("medium"), 3: self.tr("high")}
        layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "exposition_argiles", "memory")
        fields = QgsFields()
        for field in (new_field("code_exposition", INT), new_field("exposition", TEXT)):
            fields.append(field)
        layer.dataProvider().addAttributes(fields.toList())
        layer.updateFields()
        features = []
        for (x, y, size), code in cells.items():
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size)))
            feature.setAttributes([code, labels.get(code, self.tr("no data"))])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        write_gpkg_layer(layer, output, "exposition_argiles", new_file=True)

    def write_decrees(self, output, found) -> None:
        layer = QgsVectorLayer("None", "catnat", "memory")
        names = ("code_national", "peril", "debut", "fin", "arrete", "journal_officiel", "secheresse")
        layer.dataProvider().addAttributes([new_field(name, INT if name == "secheresse" else TEXT)
                                            for name in names])
        layer.updateFields()
        rows = []
        for decree in found:
            feature = QgsFeature(layer.fields())
            feature.setAttributes([decree.code, decree.peril,
                                   *[day.isoformat() if day else None for day in (decree.start, decree.end,
                                                                                   decree.decree, decree.journal)],
                                   int(decree.drought)])
            rows.append(feature)
        layer.dataProvider().addFeatures(rows)
        write_gpkg_layer(layer, output, "catnat", new_file=False)
