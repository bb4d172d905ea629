"""Real BD TOPO geometries are 3D (MultiPolygonZ, LineStringZ; reference/partner-services.md, "Géoplateforme
WFS"): the algorithms that take polygons accept Z and M and give what they give for the same polygons in 2D."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import read_array, shared


def run(algorithm, params):
    from qgis import processing

    return processing.run(f"territoire:{algorithm}", params)


def copy_with(path, dimensions: str, name: str):
    """A memory copy of the polygons of ``path``: with Z (and M) added ("ZM"), or with them dropped ("2D")."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes

    source = QgsVectorLayer(str(path), name, "ogr")
    assert source.isValid(), path
    kind = "MultiPolygonZM" if dimensions == "ZM" else "MultiPolygon"
    copy = QgsVectorLayer(kind, name, "memory")
    copy.setCrs(source.crs())  # the extract's .prj is ESRI WKT, without an authority code
    features = []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        assert geometry.convertToMultiType()
        if dimensions == "ZM":
            geometry.get().addZValue(612.5)
            geometry.get().addMValue(1.0)
        else:
            geometry.get().dropZValue()
            geometry.get().dropMValue()
        out = QgsFeature(copy.fields())
        out.setGeometry(geometry)
        features.append(out)
    assert copy.dataProvider().addFeatures(features)[0]
    first = next(copy.getFeatures()).geometry().wkbType()
    assert QgsWkbTypes.hasZ(first) == (dimensions == "ZM") and QgsWkbTypes.hasM(first) == (dimensions == "ZM")
    return copy


@pytest.fixture(scope="module")
def rasters(tmp_path_factory, sample_product):
    from qgis import processing

    folder = tmp_path_factory.mktemp("rasters_3d")
    lst, ndvi = folder / "lst.tif", folder / "ndvi.tif"
    processing.run("territoire:landsat_lst", {"INPUT": str(sample_product), "OUTPUT": str(lst)})
    processing.run("territoire:ndvi", {"INPUT": str(sample_product), "OUTPUT": str(ndvi)})
    return lst, ndvi


def test_the_real_olemps_buildings_are_3d():
    from osgeo import ogr

    source = ogr.Open(str(shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")))
    layer = source.GetLayer(0)
    assert layer.GetFeatureCount() == 2273 and ogr.GT_HasZ(layer.GetGeomType())


def test_lst_clipped_to_zm_polygons_equals_the_2d_clip(provider, tmp_path, sample_root, sample_product):
    zone = sample_root / "zone_etude_olemps.geojson"
    outputs = {}
    for dimensions in ("2D", "ZM"):
        outputs[dimensions] = tmp_path / f"lst_{dimensions}.tif"
        run("landsat_lst", {"INPUT": str(sample_product), "CLIP": copy_with(zone, dimensions, "zone"),
                            "OUTPUT": str(outputs[dimensions])})
    flat, measured = read_array(outputs["2D"])[0], read_array(outputs["ZM"])[0]
    assert flat.shape == measured.shape and (flat != -9999).sum() > 1000 and (flat == -9999).sum() > 1000
    np.testing.assert_array_equal(flat, measured)


def test_intensity_with_a_zm_town_equals_the_2d_town(provider, tmp_path, sample_root, rasters):
    lst, ndvi = rasters
    zone = sample_root / "zone_etude_olemps.geojson"
    results = {}
    for dimensions in ("2D", "ZM"):
        results[dimensions] = run("heat_island_intensity", {
            "LST": str(lst), "NDVI": str(ndvi), "TOWN": copy_with(zone, dimensions, "town"), "RING": 1500,
            "OUTPUT": str(tmp_path / f"intensity_{dimensions}.tif")})
    assert results["ZM"]["REFERENCE"] == pytest.approx(results["2D"]["REFERENCE"], abs=1e-9)
    assert "1500 m ring" in results["ZM"]["REFERENCE_METHOD"]
    np.testing.assert_array_equal(read_array(results["ZM"]["OUTPUT"])[0], read_array(results["2D"]["OUTPUT"])[0])


def test_greening_with_the_real_3d_buildings_equals_the_2d_buildings(provider, tmp_path, sample_root, rasters):
    lst, ndvi = rasters
    buildings = shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")
    zone = sample_root / "zone_etude_olemps.geojson"
    results = {}
    for name, layer in (("3D", str(buildings)), ("2D", copy_with(buildings, "2D", "buildings"))):
        results[name] = run("greening_scenario", {
            "LST": str(lst), "NDVI": str(ndvi), "PLANTING": str(zone), "TARGET_NDVI": 0.5, "BUILDINGS": layer,
            "OUTPUT": str(tmp_path / f"delta_{name}.tif"), "OUTPUT_SUMMARY": "memory:"})
    assert results["3D"]["MODEL"] == results["2D"]["MODEL"] and "built" in results["3D"]["MODEL"].lower()
    assert results["3D"]["R2"] == pytest.approx(results["2D"]["R2"], abs=1e-12)
    np.testing.assert_array_equal(read_array(results["3D"]["OUTPUT"])[0], read_array(results["2D"]["OUTPUT"])[0])


def test_corridor_change_along_a_3d_road_equals_the_2d_road(provider, tmp_path):
    from conftest import corridor_ndvi
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    corridor_ndvi(tmp_path)
    flagged = {}
    for kind, wkt in (("LineString", "LINESTRING(664000 6360500,666500 6360500)"),
                      ("LineStringZM", "LINESTRING ZM(664000 6360500 580 0,666500 6360500 612 2500)")):
        road = QgsVectorLayer(f"{kind}?crs=EPSG:2154", "road", "memory")
        feature = QgsFeature(road.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        assert road.dataProvider().addFeature(feature)
        result = run("corridor_change", {"BEFORE": str(tmp_path / "b.tif"), "AFTER": str(tmp_path / "a.tif"),
                                         "ASSETS": road, "BUFFER": 40, "SEGMENT": 200, "OUTPUT": "memory:"})
        flagged[kind] = sorted((f["chainage_from"], f["chainage_to"]) for f in result["OUTPUT"].getFeatures()
                               if f["flag_loss"] == 1)
    assert flagged["LineStringZM"] == flagged["LineString"] == [(1000, 1200), (1200, 1400)]
