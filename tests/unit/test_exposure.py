"""Zonal statistics, sensitive sites and the vulnerability index, against values computed here. No QGIS."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import write_raster
from osgeo import ogr

from territoire_plugin.analysis.heat.exposure import (
    SENSITIVE_ERP_TYPES,
    SITE_LINK_DISTANCE,
    Site,
    building_exposure,
    cell_vulnerability,
    check_building_fields,
    population_counts,
)
from territoire_plugin.analysis.raster.zonal import zonal_statistics
from territoire_plugin.core.errors import AnalysisError

GT = (500000.0, 10.0, 0.0, 4900000.0, 0.0, -10.0)


def square(x, y, size):
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x} {y},{x + size} {y},{x + size} {y - size},{x} {y - size},{x} {y}))")


def test_zonal_statistics_centre_and_all_touched(tmp_path):
    values = np.arange(400, dtype=np.float32).reshape(20, 20)
    values[0, 0] = -9999
    path = write_raster(tmp_path / "v.tif", values, GT, nodata=-9999)
    x0, y0 = GT[0], GT[3]
    zones = [square(x0, y0, 30), square(x0 + 51, y0 - 51, 3), square(x0 + 500, y0, 10)]
    stats = zonal_statistics(path, zones)
    assert stats.count.tolist() == [8, 0, 0]  # 3×3 pixels minus the nodata one; the tiny square holds no centre
    assert stats.mean[0] == pytest.approx(values[:3, :3].ravel()[1:].mean())
    assert stats.maximum[0] == 42.0
    touched = zonal_statistics(path, zones, all_touched=True)
    assert touched.count[1] == 1 and touched.mean[1] == values[5, 5]  # a small building keeps its pixel
    assert np.isnan(touched.mean[2])  # outside the raster


def test_buildings_exposure_and_sensitive_sites(tmp_path):
    lst = write_raster(tmp_path / "lst.tif", np.full((20, 20), 31.0, np.float32), GT, nodata=-9999)
    x0, y0 = GT[0], GT[3]
    footprints = [square(x0, y0, 20), square(x0 + 100, y0 - 100, 20), square(x0 + 150, y0 - 150, 20)]
    attributes = [{"usage_1": "Résidentiel"}, {"usage_1": "Enseignement", "nature": "Indifférenciée"},
                  {"usage_1": "Commercial et services"}]
    school_site = Site(ogr.CreateGeometryFromWkt(f"POINT({x0 + 160} {y0 - 160})"), {"toponyme": "EHPAD Les Tilleuls"})
    results = building_exposure(footprints, attributes, ["usage_1", "nature"], lst, sites=[school_site])
    assert [r.sensitive for r in results] == [False, True, True]
    assert results[1].reason == "usage_1: Enseignement" and results[2].reason == "site: EHPAD Les Tilleuls"
    assert results[0].lst_mean == pytest.approx(31.0) and np.isnan(results[0].intensity_mean)


def test_erp_points_are_linked_to_their_buildings_and_only_sensitive_types_count(tmp_path):
    """BD TOPO ERP are points at an entrance or an address plate, outside the footprint, with
    liens_vers_batiment; BD TOPO buildings' own fields never name a school (usage_1 "Commercial et services")."""
    lst = write_raster(tmp_path / "lst.tif", np.full((40, 40), 30.0, np.float32), GT, nodata=-9999)
    x0, y0 = GT[0], GT[3]
    footprints = [square(x0 + 20 + 80 * k, y0 - 20, 20) for k in range(4)]
    attributes = [{"cleabs": f"BATIMENT{k:016d}", "usage_1": "Commercial et services"} for k in range(4)]

    def erp(x, y, kind, name, link=None):
        return Site(ogr.CreateGeometryFromWkt(f"POINT({x} {y})"),
                    {"libelle": name, "type_principal": kind, "liens_vers_batiment": link, "categorie": "5"})

    sites = [
        erp(x0 + 30, y0 - 80, "R", "École des Tilleuls", link="BATIMENT0000000000000000"),  # 40 m away, but linked
        erp(x0 + 110, y0 - 43.6, "J", "EHPAD du Causse"),  # address plate 3.6 m south of footprint 1, no link
        erp(x0 + 190, y0 - 30, "N", "Brasserie du Marché", link="BATIMENT0000000000000002"),  # on its building
        erp(x0 + 270, y0 - 40 - SITE_LINK_DISTANCE - 5, "U", "Cabinet médical"),  # 30 m from footprint 3, no link
    ]
    results = building_exposure(footprints, attributes, ["usage_1"], lst, sites=sites)
    assert [r.reason for r in results] == ["ERP R: École des Tilleuls", "ERP J: EHPAD du Causse", "", ""]
    assert [r.sensitive for r in results] == [True, True, False, False]
    assert set(SENSITIVE_ERP_TYPES) == {"J", "R", "RH", "U", "PU"}


def test_fields_are_checked():
    assert check_building_fields(["cleabs", "USAGE1", "hauteur"], False) == ["USAGE1"]
    with pytest.raises(AnalysisError) as caught:
        check_building_fields(["id", "height"], False)
    assert caught.value.key == "buildings_fields"
    assert check_building_fields(["id"], True) == []
    assert population_counts(["idcar_200m", "ind", "ind_65_79", "ind_80p"]) == ("ind", ("ind_65_79", "ind_80p"))
    assert population_counts(["idcar_200m", "ind", "ind_65p", "ind_65_79"]) == ("ind", ("ind_65p",))
    with pytest.raises(AnalysisError) as caught:
        population_counts(["IdINSPIRE", "ind_c"])
    assert caught.value.key == "population_fields"


def test_vulnerability_index_by_hand(tmp_path):
    # Intensity: cell A 4 °C, cell B 2 °C, cell C −1 °C (cooler than the reference).
    values = np.zeros((20, 60), np.float32)
    values[:, :20], values[:, 20:40], values[:, 40:] = 4.0, 2.0, -1.0
    path = write_raster(tmp_path / "i.tif", values, GT, nodata=-9999)
    x0, y0 = GT[0], GT[3]
    cells = [square(x0, y0, 200), square(x0 + 200, y0, 200), square(x0 + 400, y0, 200)]
    result = cell_vulnerability(cells, [100, 50, 80], [10, 25, float("nan")], path)
    # E = (1, 0.5, 0); P = (1, 0.5, 0.8); shares 0.1, 0.5, 0 → A = (0.2, 1, 0)
    assert [round(c.exposure, 6) for c in result] == [1.0, 0.5, 0.0]
    assert [round(c.people, 6) for c in result] == [1.0, 0.5, 0.8]
    assert [round(c.age, 6) for c in result] == [0.2, 1.0, 0.0]
    assert [round(c.vulnerability, 6) for c in result] == [0.6, 0.375, 0.0]


def test_buildings_sharing_a_pixel_each_get_it(tmp_path):
    values = np.arange(400, dtype=np.float32).reshape(20, 20)
    path = write_raster(tmp_path / "v.tif", values, GT, nodata=-9999)
    x0, y0 = GT[0], GT[3]
    # Two 3 m sheds in the same 10 m pixel, and one larger building over it.
    zones = [square(x0 + 51, y0 - 51, 3), square(x0 + 55, y0 - 55, 3), square(x0 + 40, y0 - 40, 30)]
    shared = zonal_statistics(path, zones, all_touched=True, overlapping=True)
    assert shared.count.tolist()[:2] == [1, 1] and shared.mean[0] == shared.mean[1] == values[5, 5]
    assert shared.count[2] == 9  # covers pixels 4..6 × 4..6
    labels = zonal_statistics(path, zones, all_touched=True)
    assert (labels.count == 0).any()  # the one-pass label raster cannot give a pixel to two zones


def test_a_building_mean_weighs_each_pixel_by_the_area_it_covers(tmp_path):
    """A footprint over one 30 m pixel (10 °C) and a 1 m strip of its neighbour (40 °C): the strip counts for
    its 30 m², not as much as the pixel; the maximum is still the hottest pixel touched. Unweighted, the mean
    of the two touched pixels would be 25 °C."""
    values = np.array([[10.0, 40.0]], np.float32)
    lst = write_raster(tmp_path / "lst.tif", values, (500000.0, 30.0, 0.0, 4900000.0, 0.0, -30.0), nodata=-9999)
    footprint = ogr.CreateGeometryFromWkt("POLYGON((500000 4900000,500031 4900000,500031 4899970,"
                                          "500000 4899970,500000 4900000))")
    (result,) = building_exposure([footprint], [{}], [], lst)
    expected = (10.0 * 900.0 + 40.0 * 30.0) / 930.0
    assert result.lst_mean == pytest.approx(expected, abs=1e-6) and result.lst_max == 40.0
    stats = zonal_statistics(lst, [footprint], all_touched=True, overlapping=True)
    assert stats.mean[0] == pytest.approx(25.0)  # the unweighted statistics, for comparison


def test_the_footprint_areas_are_computed_once_for_rasters_of_one_grid(tmp_path, monkeypatch):
    """LST and heat-island intensity share their grid: each footprint's area per pixel serves both means."""
    from territoire_plugin.analysis.raster import zonal

    calls = []
    original = zonal._pixel_areas
    monkeypatch.setattr(zonal, "_pixel_areas", lambda *a: calls.append(1) or original(*a))
    lst = write_raster(tmp_path / "lst.tif", np.full((20, 20), 31.0, np.float32), GT, nodata=-9999)
    heat = write_raster(tmp_path / "heat.tif", np.full((20, 20), 2.0, np.float32), GT, nodata=-9999)
    footprints = [square(GT[0] + 5, GT[3] - 5, 12), square(GT[0] + 100, GT[3] - 100, 25)]
    results = building_exposure(footprints, [{}, {}], [], lst, heat)
    assert len(calls) == 2  # once per footprint, not once per footprint and raster
    assert [r.intensity_mean for r in results] == [pytest.approx(2.0)] * 2
    other = write_raster(tmp_path / "other.tif", np.full((10, 10), 2.0, np.float32),
                         (GT[0], 20.0, 0.0, GT[3], 0.0, -20.0), nodata=-9999)
    calls.clear()
    building_exposure(footprints, [{}, {}], [], lst, other)
    assert len(calls) == 4  # another grid: its own areas
