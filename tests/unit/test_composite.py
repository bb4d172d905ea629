"""LST composite: median, maximum and count per pixel, other grids resampled. No QGIS."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from conftest import write_raster

from territoire_plugin.analysis.heat.composite import lst_composite
from territoire_plugin.analysis.raster.strips import NODATA
from territoire_plugin.core.errors import AnalysisError

GT = (500000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0)


def test_median_max_count(tmp_path):
    rng = np.random.default_rng(11)
    dates = [rng.uniform(20, 40, (50, 70)).astype(np.float32) for _ in range(5)]
    dates[0][:10] = NODATA  # a cloud on the first date
    dates[1][:5] = NODATA
    for layer in dates[2:]:
        layer[:2, :3] = NODATA  # the corner is never clear except in dates 0-1, also masked there
    paths = [write_raster(tmp_path / f"d{i}.tif", layer, GT, nodata=NODATA) for i, layer in enumerate(dates)]
    stats = lst_composite(paths, tmp_path / "c.tif")
    stack = np.where(np.stack(dates) == NODATA, np.nan, np.stack(dates))
    import rasterio

    with rasterio.open(tmp_path / "c.tif") as dataset:
        median, maximum, count = dataset.read(1), dataset.read(2), dataset.read(3)
        assert dataset.descriptions == ("median LST (°C)", "max LST (°C)", "clear observations")
    seen = np.isfinite(stack).sum(axis=0)
    np.testing.assert_array_equal(count, seen)
    some = seen > 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the never-observed corner
        np.testing.assert_allclose(median[some], np.nanmedian(stack, axis=0)[some], atol=1e-5)
        np.testing.assert_allclose(maximum[some], np.nanmax(stack, axis=0)[some], atol=1e-5)
    assert np.all(median[~some] == NODATA) and (~some).sum() == 6
    assert stats.count == some.sum()


def test_other_grid_is_resampled_and_one_date_refused(tmp_path):
    base = np.full((40, 40), 30.0, np.float32)
    first = write_raster(tmp_path / "a.tif", base, GT, nodata=NODATA)
    # Same place in Lambert-93 instead of UTM 31N, 60 m pixels: resampled onto the first grid.
    from osgeo import gdal

    gdal.Warp(str(tmp_path / "b.tif"), str(first), dstSRS="EPSG:2154", xRes=60, yRes=60, dstNodata=NODATA)
    lst_composite([first, tmp_path / "b.tif"], tmp_path / "c.tif")
    import rasterio

    with rasterio.open(tmp_path / "c.tif") as dataset:
        assert dataset.crs.to_epsg() == 32631 and dataset.shape == (40, 40)
        inner = dataset.read(3)[5:-5, 5:-5]
        assert np.all(inner == 2)  # both dates observed inside
        assert dataset.read(1)[20, 20] == pytest.approx(30.0, abs=1e-3)
    with pytest.raises(AnalysisError) as caught:
        lst_composite([first], tmp_path / "d.tif")
    assert caught.value.key == "composite_one"
