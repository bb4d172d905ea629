"""Heat-island intensity, islands and Gi* hot spots against values computed here. No QGIS."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import read_array, write_raster

from territoire_plugin.analysis.heat.hotspots import classes, getis_ord_gi_star, p_values
from territoire_plugin.analysis.heat.islands import heat_island_intensity, heat_islands, reference_temperature
from territoire_plugin.analysis.raster.strips import NODATA
from territoire_plugin.core.errors import AnalysisError

GT = (500000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0)


def gi_star_by_loops(values, cell, distance):
    """Gi* written out cell by cell, the textbook way (Getis & Ord 1992; Ord & Getis 1995)."""
    ny, nx = values.shape
    cells = [(r, c) for r in range(ny) for c in range(nx) if np.isfinite(values[r, c])]
    x = np.array([values[r, c] for r, c in cells])
    n, mean = len(cells), x.mean()
    s = math.sqrt((x ** 2).sum() / n - mean ** 2)
    out = np.full(values.shape, np.nan)
    for ri, ci in cells:
        w = np.array([1.0 if math.hypot((ri - rj) * cell, (ci - cj) * cell) <= distance else 0.0
                      for rj, cj in cells])
        numerator = (w * x).sum() - mean * w.sum()
        denominator = s * math.sqrt((n * (w ** 2).sum() - w.sum() ** 2) / (n - 1))
        out[ri, ci] = numerator / denominator
    return out


def test_gi_star_matches_the_textbook_formula():
    rng = np.random.default_rng(7)
    values = rng.normal(30, 2, (9, 11))
    values[2:5, 6:9] += 6  # a hot patch
    values[7, 1] = np.nan  # an empty cell
    for distance in (100.0, 150.0, 250.0):
        np.testing.assert_allclose(getis_ord_gi_star(values, 100.0, distance),
                                   gi_star_by_loops(values, 100.0, distance), atol=1e-9, equal_nan=True)


def test_gi_star_hand_checked_on_a_3x3_grid():
    # Rook neighbours and self (distance = one cell). Centre cell: its 5-cell cross holds 4 + 1+1+1+1 = 8.
    values = np.array([[1.0, 1.0, 1.0], [1.0, 4.0, 1.0], [1.0, 1.0, 1.0]])
    # n = 9, mean = 12/9 = 4/3, S² = (8 + 16)/9 − 16/9 = 8/9; W = 5 for the centre.
    expected = (8 - 4 / 3 * 5) / (math.sqrt(8 / 9) * math.sqrt((9 * 5 - 25) / 8))
    assert getis_ord_gi_star(values, 100.0, 100.0)[1, 1] == pytest.approx(expected, abs=1e-12)
    assert expected == pytest.approx(0.8944, abs=1e-4)


def test_p_values_and_classes():
    z = np.array([3.0, -2.0, 1.7, 0.5, np.nan])
    np.testing.assert_allclose(p_values(z)[:4], [0.0026998, 0.0455003, 0.0891309, 0.6170751], atol=1e-6)
    assert classes(z).tolist() == [3, -2, 1, 0, 0]


def test_reference_ring_and_intensity(tmp_path):
    # 100 × 100 px: a 30 °C town square in the middle, a vegetated (NDVI 0.7, 24 °C) and a bare (NDVI 0.1,
    # 35 °C) half of the surroundings. The reference must be the vegetated ring pixels only: 24 °C.
    lst = np.full((100, 100), 35.0, np.float32)
    ndvi = np.full((100, 100), 0.1, np.float32)
    lst[:, :50], ndvi[:, :50] = 24.0, 0.7
    lst[40:60, 40:60], ndvi[40:60, 40:60] = 30.0, 0.2
    write_raster(tmp_path / "lst.tif", lst, GT, nodata=NODATA)
    write_raster(tmp_path / "ndvi.tif", ndvi, GT, nodata=NODATA)
    x0, y0 = GT[0], GT[3]
    corners = [(1200, 1200), (1800, 1200), (1800, 1800), (1200, 1800), (1200, 1200)]
    town = "POLYGON((" + ",".join(f"{x0 + dx} {y0 - dy}" for dx, dy in corners) + "))"
    reference = reference_temperature(tmp_path / "lst.tif", ndvi_path=tmp_path / "ndvi.tif", town_wkt=town,
                                      ring_m=300)
    assert reference.temperature == pytest.approx(24.0)
    assert "300 m ring" in reference.method
    stats = heat_island_intensity(tmp_path / "lst.tif", tmp_path / "int.tif", reference)
    values, _, _, tags = read_array(tmp_path / "int.tif")
    np.testing.assert_allclose(values, lst - 24.0, atol=1e-5)
    assert float(tags["TERRITOIRE_REFERENCE_C"]) == pytest.approx(24.0)
    assert stats.maximum == pytest.approx(11.0)
    # A user zone instead: the mean of whatever lies inside.
    zone = f"POLYGON(({x0} {y0},{x0 + 600} {y0},{x0 + 600} {y0 - 600},{x0} {y0 - 600},{x0} {y0}))"
    assert reference_temperature(tmp_path / "lst.tif", zone_wkt=zone).temperature == pytest.approx(24.0)
    with pytest.raises(AnalysisError) as caught:
        reference_temperature(tmp_path / "lst.tif", ndvi_path=tmp_path / "ndvi.tif", town_wkt=town, ring_m=300,
                              ndvi_min=0.95)
    assert caught.value.key == "no_reference_pixel"


def test_islands_areas_means_ranks_and_min_area(tmp_path):
    values = np.zeros((60, 60), np.float32)
    values[5:15, 5:15] = 4.0       # 100 px = 9 ha, mean 4
    values[30:35, 30:40] = 6.0     # 50 px = 4.5 ha, mean 6 → rank 1
    values[30:35, 40:42] = 8.0     #   joined to the previous one: 60 px, mean (50×6 + 10×8)/60
    values[50, 50] = 9.0           # 1 px = 0.09 ha: below the minimum area
    values[55, 5] = 5.0            # diagonal neighbours: one island with 8-connectivity
    values[56, 6] = 5.0
    write_raster(tmp_path / "i.tif", values, GT, nodata=NODATA)
    islands = heat_islands(tmp_path / "i.tif", tmp_path / "islands.gpkg", threshold=2.0, min_area_m2=1000.0)
    assert [(i.rank, round(i.area_m2), round(i.mean, 4), i.maximum) for i in islands] == [
        (1, 54000, round((50 * 6 + 10 * 8) / 60, 4), 8.0), (2, 1800, 5.0, 5.0), (3, 90000, 4.0, 4.0)]
    from osgeo import ogr

    source = ogr.Open(str(tmp_path / "islands.gpkg"))
    layer = source.GetLayerByName("heat_islands")
    assert layer.GetFeatureCount() == 3
    nothing = heat_islands(tmp_path / "i.tif", tmp_path / "none.gpkg", threshold=50.0)
    assert nothing == [] and (tmp_path / "none.gpkg").exists()


def test_a_band_spanning_the_whole_area_is_refused_before_any_allocation():
    import tracemalloc

    values = np.random.default_rng(1).normal(30, 2, (40, 50))
    tracemalloc.start()
    with pytest.raises(AnalysisError) as caught:
        getis_ord_gi_star(values, 150.0, 10_000_000.0)  # 10,000 km: a disk of 66,667 cells of radius otherwise
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.key == "band_too_large" and peak < 1 << 20
    assert np.isfinite(getis_ord_gi_star(values, 150.0, 600.0)).all()  # a band of 4 cells still works


@pytest.mark.parametrize("percentile", [150.0, -5.0, float("nan")])
def test_a_percentile_outside_0_100_is_refused(tmp_path, percentile):
    from territoire_plugin.analysis.heat.islands import percentile_of_raster

    write_raster(tmp_path / "t.tif", np.arange(100, dtype=np.float32).reshape(10, 10), GT, nodata=NODATA)
    with pytest.raises(AnalysisError) as caught:
        percentile_of_raster(tmp_path / "t.tif", percentile)
    assert caught.value.key == "percentile_range"
    assert percentile_of_raster(tmp_path / "t.tif", 90.0) == pytest.approx(np.percentile(np.arange(100), 90))
