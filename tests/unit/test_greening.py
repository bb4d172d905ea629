"""Greening scenario: the model recovers known coefficients, the scenario applies them. No QGIS."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import read_array, write_raster

from territoire_plugin.analysis.heat.greening import apply_scenario, built_share, fit_model
from territoire_plugin.core.errors import AnalysisError
from territoire_plugin.core.grid import Grid, open_raster

GT = (500000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0)


def test_built_share_is_the_covered_fraction(tmp_path):
    lst = write_raster(tmp_path / "lst.tif", np.zeros((10, 10), np.float32), GT)
    x0, y0 = GT[0], GT[3]
    half = f"POLYGON(({x0} {y0},{x0 + 15} {y0},{x0 + 15} {y0 - 30},{x0} {y0 - 30},{x0} {y0}))"  # half of pixel (0,0)
    whole = f"POLYGON(({x0 + 30} {y0},{x0 + 60} {y0},{x0 + 60} {y0 - 30},{x0 + 30} {y0 - 30},{x0 + 30} {y0}))"
    share = read_array(built_share(Grid.of(open_raster(lst, "lst")), [half, whole], str(tmp_path / "b.tif")))[0]
    assert share[0, 0] == pytest.approx(0.5) and share[0, 1] == pytest.approx(1.0) and share[5, 5] == 0


def test_model_recovers_known_coefficients_and_scenario(tmp_path):
    rng = np.random.default_rng(2)
    ndvi = rng.uniform(-0.2, 0.9, (80, 80)).astype(np.float32)
    built = rng.uniform(0, 1, (80, 80)).astype(np.float32)
    water = ndvi < 0
    lst = (40 - 12 * ndvi + 5 * built + water * (-3 + 4 * ndvi) + rng.normal(0, 0.05, ndvi.shape)).astype(np.float32)
    paths = {name: write_raster(tmp_path / f"{name}.tif", array, GT, nodata=-9999)
             for name, array in (("lst", lst), ("ndvi", ndvi), ("built", built))}
    model = fit_model(paths["lst"], paths["ndvi"], paths["built"])
    np.testing.assert_allclose(model.coefficients, [40, -12, 5, -3, 4], atol=0.1)
    assert model.r2 > 0.99 and model.rmse == pytest.approx(0.05, abs=0.01)
    # Independent least squares on the same pixels.
    flat, wet = ndvi.ravel().astype(np.float64), water.ravel().astype(np.float64)
    design = np.column_stack([np.ones(ndvi.size), flat, built.ravel(), wet, flat * wet])
    reference, *_ = np.linalg.lstsq(design.astype(np.float64), lst.ravel().astype(np.float64), rcond=None)
    np.testing.assert_allclose(model.coefficients, reference, atol=1e-6)

    x0, y0 = GT[0], GT[3]
    park = f"POLYGON(({x0} {y0},{x0 + 300} {y0},{x0 + 300} {y0 - 300},{x0} {y0 - 300},{x0} {y0}))"  # 10 × 10 px
    effects = apply_scenario(model, paths["lst"], paths["ndvi"], paths["built"], [(park, 0.6, 0.0)],
                             tmp_path / "delta.tif")
    delta = read_array(tmp_path / "delta.tif")[0]
    b = model.coefficients
    block_ndvi, block_built = ndvi[:10, :10].astype(np.float64), built[:10, :10].astype(np.float64)
    expected = b[1] * (np.maximum(block_ndvi, 0.6) - block_ndvi) + b[2] * (0.0 - block_built)
    np.testing.assert_allclose(delta[:10, :10], expected, atol=1e-4)
    assert np.all(delta[10:, :] == 0) and np.all(delta[:, 10:] == 0)
    effect = effects[0]
    assert effect.pixels == 100 and effect.area_m2 == 90000
    assert effect.mean_change == pytest.approx(expected.mean(), abs=1e-6) and effect.mean_change < 0
    assert effect.ndvi_after == pytest.approx(np.maximum(block_ndvi, 0.6).mean(), abs=1e-6)


def test_water_has_its_own_slope_so_an_estuary_does_not_flatten_the_land_slope(tmp_path):
    """A town on an estuary: 40 % of its pixels are water (NDVI −0.3…0), the shore's mixed pixels warmer as their
    NDVI nears 0 (LST = 30 + 25·NDVI); on land LST = 38 − 12·NDVI. With one NDVI slope shared by land and water
    (the former model) the land's cooling is understated; with water's own slope the land's −12 °C per NDVI unit
    is recovered."""
    rng = np.random.default_rng(7)
    shape = (100, 100)
    water = rng.uniform(0, 1, shape) < 0.4
    ndvi = np.where(water, rng.uniform(-0.3, 0.0, shape), rng.uniform(0.05, 0.85, shape)).astype(np.float32)
    lst = np.where(water, 30 + 25 * ndvi, 38 - 12 * ndvi) + rng.normal(0, 0.3, shape)
    built = np.zeros(shape, np.float32)
    paths = {name: write_raster(tmp_path / f"{name}.tif", array.astype(np.float32), GT, nodata=-9999)
             for name, array in (("lst", lst), ("ndvi", ndvi), ("built", built))}
    model = fit_model(paths["lst"], paths["ndvi"], paths["built"])
    assert model.coefficients[1] == pytest.approx(-12, abs=0.15)
    assert model.coefficients[1] + model.coefficients[4] == pytest.approx(25, abs=0.5)  # water's own slope
    # The former model (water as an intercept only), fitted here on the same pixels: a much flatter land slope.
    shared = np.column_stack([np.ones(ndvi.size), ndvi.ravel(), water.ravel()]).astype(np.float64)
    former, *_ = np.linalg.lstsq(shared, lst.ravel(), rcond=None)
    assert abs(former[1]) < 0.8 * abs(model.coefficients[1])


def test_too_few_pixels(tmp_path):
    small = np.full((3, 3), 30.0, np.float32)
    paths = [write_raster(tmp_path / f"{n}.tif", small, GT, nodata=-9999) for n in ("a", "b", "c")]
    with pytest.raises(AnalysisError) as caught:
        fit_model(*paths)
    assert caught.value.key == "greening_few_pixels"
