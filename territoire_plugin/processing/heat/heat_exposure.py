"""territoire:heat_exposure — exposure of buildings and inhabitants to surface heat, sensitive sites flagged."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterLayer,
)

from ...qgis_io.features import source_features
from ...qgis_io.geometry import flat_wkb
from ...qgis_io.sinks import add_features, output_feature, output_fields
from ...qgis_io.styles import style_on_load
from ...toolbelt.compat import DOUBLE, INT, TEXT
from ..base import HeatAlgorithm

BUILDING_FIELDS = (("lst_mean", DOUBLE), ("lst_max", DOUBLE), ("heat_mean", DOUBLE),
                   ("heat_max", DOUBLE), ("sensitive", INT), ("sensitive_why", TEXT))
CELL_FIELDS = (("heat_mean", DOUBLE), ("exposure", DOUBLE), ("people", DOUBLE),
               ("age", DOUBLE), ("vulnerability", DOUBLE))


class HeatExposureAlgorithm(HeatAlgorithm):
    LST = "LST"
    INTENSITY = "INTENSITY"
    BUILDINGS = "BUILDINGS"
    SITES = "SITES"
    POPULATION = "POPULATION"
    OUTPUT_BUILDINGS = "OUTPUT_BUILDINGS"
    OUTPUT_CELLS = "OUTPUT_CELLS"

    def name(self) -> str:
        return "heat_exposure"

    def displayName(self) -> str:
        return self.tr("Exposure of buildings and inhabitants to heat")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p><b>Buildings</b>: mean and maximum surface temperature (lst_mean, lst_max) and heat-island "
            "intensity (heat_mean, heat_max) over the pixels each footprint touches; the mean weighs each pixel "
            "by the area of the footprint in it (a 100 m² building touching a 900 m² pixel by a sliver is not "
            "pulled by it), the maximum is the hottest pixel touched. <i>sensitive</i> = 1 for "
            "schools, nurseries, health and elderly-care buildings; <i>sensitive_why</i> says why. With BD TOPO "
            "public buildings (ERP) as sites: the ERP of types J (elderly and disabled people), R and RH (early "
            "childhood, schools), U and PU (health) count; an ERP point (an entrance or an address plate) belongs "
            "to the buildings its liens_vers_batiment names, else to the nearest footprint within 25 m. Every site "
            "of another sites layer counts. Descriptive fields of the buildings naming such a use (other sources "
            "than BD TOPO, whose usage_1 never does) count too.</p>"
            "<p><b>Population cells</b> (200 m, from <i>Population on a 200 m grid</i>): vulnerability index "
            "V = E × (P + A) / 2, where E = max(0, mean intensity of the cell) divided by the largest in the "
            "area, P = inhabitants divided by the largest, A = share of people aged 65 and over divided by the "
            "largest. V goes from 0 (not warmer than the reference, or nobody) to 1 (the hottest, most populated, "
            "oldest cell): it ranks the cells of one area.</p>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.LST, self.tr("Land surface temperature (°C)")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.INTENSITY, self.tr("Heat-island intensity (°C)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings (BD TOPO)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Sensitive sites (optional: ERP, activity zones…)"),
            [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION, self.tr("Population 200 m cells (optional)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_BUILDINGS, self.tr("Buildings exposed to heat"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CELLS, self.tr("Heat vulnerability (200 m cells)"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("SENSITIVE", self.tr("Sensitive buildings")))

    def processAlgorithm(self, parameters, context, feedback):
        from osgeo import ogr

        from ...analysis.heat.exposure import (
            Site,
            building_exposure,
            cell_vulnerability,
            check_building_fields,
            population_counts,
        )

        lst = self.parameterAsRasterLayer(parameters, self.LST, context)
        intensity = self.parameterAsRasterLayer(parameters, self.INTENSITY, context)
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        sites = self.parameterAsSource(parameters, self.SITES, context)
        population = self.parameterAsSource(parameters, self.POPULATION, context)
        raster_crs = QgsCoordinateReferenceSystem(lst.crs())
        if raster_crs.isGeographic():
            raise QgsProcessingException(self.tr(
                "The temperature raster is in a geographic CRS (degrees); reproject it to a projected CRS first."))
        if buildings.featureCount() == 0:
            raise QgsProcessingException(self.tr("The buildings layer is empty."))

        def geometries(source):
            transform = QgsCoordinateTransform(source.sourceCrs(), raster_crs, context.transformContext())
            features, shapes = [], []
            for feature in source_features(source, context, feedback=feedback):
                geometry = feature.geometry()
                geometry.transform(transform)  # noqa: QGS201 - an empty shape simply gets no pixel
                features.append(feature)
                shapes.append(ogr.CreateGeometryFromWkb(flat_wkb(geometry)) if not geometry.isEmpty()
                              else ogr.Geometry(ogr.wkbPolygon))
            return features, shapes

        names = [field.name() for field in buildings.fields()]
        fields = check_building_fields(names, sites is not None)
        features, shapes = geometries(buildings)
        if not features:
            raise QgsProcessingException(self.tr("The buildings layer is empty."))
        site_records = []
        if sites is not None:
            site_features, site_geoms = geometries(sites)
            site_names = [field.name() for field in sites.fields()]
            site_records = [Site(g, {name: (None if value is None or str(value) == "NULL" else value)
                                     for name, value in zip(site_names, f.attributes())})
                            for f, g in zip(site_features, site_geoms)]
        feedback.setProgressText(self.tr("Buildings"))
        exposures = building_exposure(shapes, [dict(zip(names, f.attributes())) for f in features], fields,
                                      lst.source(), intensity.source() if intensity else None, site_records,
                                      is_canceled=feedback.isCanceled)
        out_fields, kept = output_fields(buildings.fields(), BUILDING_FIELDS)
        sink, building_dest = self.parameterAsSink(parameters, self.OUTPUT_BUILDINGS, context, out_fields,
                                                   buildings.wkbType(), buildings.sourceCrs())
        rows = [output_feature(out_fields, kept, feature, feature.geometry(),
                               [e.lst_mean, e.lst_max, e.intensity_mean, e.intensity_max, int(e.sensitive),
                                e.reason or None])
                for feature, e in zip(features, exposures)]
        add_features(sink, rows, building_dest)
        sensitive = sum(e.sensitive for e in exposures)
        feedback.pushInfo(self.tr("{0} buildings, {1} sensitive.").format(len(exposures), sensitive))
        results = {self.OUTPUT_BUILDINGS: building_dest, "SENSITIVE": sensitive}
        style_on_load(context, building_dest, "heat_exposure_buildings.qml", self.tr("Buildings exposed to heat"))

        if population is not None:
            if intensity is None:
                raise QgsProcessingException(self.tr(
                    "The vulnerability of population cells needs the heat-island intensity raster."))
            cell_names = [field.name() for field in population.fields()]
            people_field, elderly_fields = population_counts(cell_names)
            if not elderly_fields:
                feedback.pushWarning(self.tr("The population layer has no count of people aged 65 and over: "
                                             "the age term A is 0 everywhere."))
            cell_features, cell_shapes = geometries(population)
            people = [_number(f[people_field]) for f in cell_features]
            elderly = [sum(_number(f[name]) for name in elderly_fields) for f in cell_features]
            feedback.setProgressText(self.tr("Population cells"))
            cells = cell_vulnerability(cell_shapes, people, elderly, intensity.source(),
                                       is_canceled=feedback.isCanceled)
            cell_fields, cell_kept = output_fields(population.fields(), CELL_FIELDS)
            cell_sink, cell_dest = self.parameterAsSink(parameters, self.OUTPUT_CELLS, context, cell_fields,
                                                        population.wkbType(), population.sourceCrs())
            if cell_sink is not None:
                add_features(cell_sink, [
                    output_feature(cell_fields, cell_kept, feature, feature.geometry(),
                                   [c.intensity_mean, c.exposure, c.people, c.age, c.vulnerability])
                    for feature, c in zip(cell_features, cells)], cell_dest)
                results[self.OUTPUT_CELLS] = cell_dest
                style_on_load(context, cell_dest, "heat_vulnerability.qml", self.tr("Heat vulnerability"))
        return results


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")
