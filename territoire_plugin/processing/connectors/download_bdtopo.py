"""territoire:download_bdtopo — IGN BD TOPO layers for a commune or an extent, into one GeoPackage."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterEnum,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...qgis_io.areas import LAMBERT93, client_for
from ...qgis_io.features import geojson_features, keep_intersecting
from ...qgis_io.geopackage import write_gpkg_layer
from ...qgis_io.styles import load_on_completion
from ...sources.wfs import LAYER_NAMES
from ..base import ConnectorAlgorithm

THEMES = ("buildings", "roads", "railways", "bridges", "public_buildings")


class DownloadBdtopoAlgorithm(ConnectorAlgorithm):
    THEMES = "THEMES"

    def name(self) -> str:
        return "download_bdtopo"

    def displayName(self) -> str:
        return self.tr("Download IGN BD TOPO")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>IGN BD TOPO layers (buildings, road sections, railways, bridges, public buildings) for a "
            "commune or an extent, from the IGN Géoplateforme WFS, into one GeoPackage in Lambert-93 "
            "(EPSG:2154), one styled layer per theme.</p><p>Features touching the area are kept whole (a "
            "building cut at the commune limit would distort exposure figures). Pages already downloaded "
            "are reused from the cache, also offline.</p><p>Data: IGN BD TOPO, Licence Ouverte Etalab 2.0.</p>"
        )

    def initAlgorithm(self, config=None):
        self.add_area_parameters()
        labels = [self.tr("Buildings"), self.tr("Road sections"), self.tr("Railways"), self.tr("Bridges"),
                  self.tr("Public buildings (ERP)")]
        self.addParameter(QgsProcessingParameterEnum(
            self.THEMES, self.tr("Themes"), options=labels, allowMultiple=True, defaultValue=[0, 1, 2, 3]))
        self.add_geopackage_output()
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", self.tr("BD TOPO layers")))

    def processAlgorithm(self, parameters, context, feedback):
        from ...core.files import atomic_output
        from ...sources.wfs import BDTOPO_THEMES, Wfs

        output = self.geopackage_output(parameters, context)
        themes = [THEMES[i] for i in self.parameterAsEnums(parameters, self.THEMES, context)]
        if not themes:
            raise QgsProcessingException(self.tr("Choose at least one theme."))
        area = self.area(parameters, context, feedback)
        client, url = client_for("geoplateforme_wfs", feedback)
        wfs = Wfs(client, url)
        box = area.boundingBox()
        bbox = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        written = []
        with atomic_output(output) as temporary:
            for index, theme in enumerate(themes):
                feedback.setProgressText(self.tr("BD TOPO: {0}").format(theme))

                def progress(percent, done=index):
                    feedback.setProgress((done + percent / 100) * 100 / len(themes))

                # Bridges come as lines and as deck polygons: each kind gets its own layer.
                for key in (theme, "bridges_surfaces") if theme == "bridges" else (theme,):
                    typename, cql = BDTOPO_THEMES[key]
                    features = wfs.features(typename, bbox=bbox, cql_filter=cql, progress=progress)
                    fields, parsed = geojson_features(features, LAMBERT93)
                    kept = keep_intersecting(parsed, area)
                    if key == "bridges_surfaces" and not kept:
                        continue
                    count = self._write_layer(temporary, LAYER_NAMES[key], fields, kept, first=not written)
                    written.append(key)
                    feedback.pushInfo(self.tr("{0}: {1} features ({2} downloaded)").format(
                        LAYER_NAMES[key], count, len(parsed)))
            if output.exists():
                feedback.pushWarning(self.tr("{0} exists: it is replaced by the new download.").format(output))
        layers = []
        for key in written:
            uri = f"{output}|layername={LAYER_NAMES[key]}"
            layers.append(uri)
            load_on_completion(context, uri, f"BD TOPO — {LAYER_NAMES[key]}", _style_file(key))
        return {self.OUTPUT: str(output), "LAYERS": layers}

    def _write_layer(self, path: Path, layer_name: str, fields, features, first: bool) -> int:
        """Write ``features`` as the layer ``layer_name`` of the GeoPackage ``path``; the number of features the
        GeoPackage holds afterwards (what is reported is what was written)."""
        geometry_type = (QgsWkbTypes.multiType(features[0].geometry().wkbType()) if features
                         else QgsWkbTypes.Type.MultiPolygon)
        layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(geometry_type)}?crs=EPSG:2154", layer_name, "memory")
        layer.dataProvider().addAttributes(fields.toList())
        layer.updateFields()
        for feature in features:
            geometry = feature.geometry()
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
        added, _ = layer.dataProvider().addFeatures(features)
        if not added or layer.featureCount() != len(features):
            raise QgsProcessingException(self.tr(
                "{0} of the {1} BD TOPO features of {2} could not be copied (mixed geometry types?). Nothing was "
                "written.").format(len(features) - layer.featureCount(), len(features), layer_name))
        write_gpkg_layer(layer, path, layer_name, new_file=first)
        count = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr").featureCount()
        if count != len(features):
            raise QgsProcessingException(self.tr(
                "The GeoPackage holds {0} of the {1} BD TOPO features of {2}. Nothing was written: check the "
                "disk and try again.").format(count, len(features), layer_name))
        return count


def _style_file(theme: str) -> str | None:
    from ...toolbelt.resources import resource_path

    path = resource_path("styles", f"bdtopo_{theme}.qml")
    return str(path) if path.exists() else None

