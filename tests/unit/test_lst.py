"""Land surface temperature science, checked against values computed here independently. No QGIS."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from conftest import read_array, shared, write_raster

from territoire_plugin.analysis.landsat.constants import DEFAULT_MASK, QA_BITS, qa_bitmask
from territoire_plugin.analysis.landsat.lst import NODATA, land_surface_temperature
from territoire_plugin.analysis.landsat.mtl import resolve_l2_product
from territoire_plugin.core.errors import AnalysisError, Cancelled

MULT, ADD = 0.00341802, 149.0
GT = (600000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0)


def expected_celsius(dn):
    """The USGS formula in float64, written out here rather than imported."""
    return dn.astype(np.float64) * 0.00341802 + 149.0 - 273.15


def scene(rng, shape=(300, 420)):
    kelvin = rng.uniform(285.0, 320.0, size=shape)
    return np.round((kelvin - ADD) / MULT).astype(np.uint16)


def test_scaling_matches_formula_everywhere(tmp_path):
    rng = np.random.default_rng(1)
    dn = scene(rng)
    dn[:5, :7] = 0  # fill
    st = write_raster(tmp_path / "x_ST_B10.TIF", dn, GT)
    out = tmp_path / "lst.tif"
    result = land_surface_temperature(st, out, mult=MULT, add=ADD)
    values, transform, nodata, tags = read_array(out)
    assert nodata == NODATA
    assert values.dtype == np.float32
    valid = dn != 0
    np.testing.assert_allclose(values[valid], expected_celsius(dn[valid]), atol=2e-4)
    assert np.all(values[~valid] == NODATA)
    assert tuple(transform)[:6] == (30.0, 0.0, 600000.0, 0.0, -30.0, 4900020.0)
    assert result.clear_pixels == valid.sum()
    assert result.fill_pixels == (~valid).sum()
    reference = expected_celsius(dn[valid])
    assert result.minimum == pytest.approx(reference.min(), abs=1e-9)
    assert result.maximum == pytest.approx(reference.max(), abs=1e-9)
    assert result.mean == pytest.approx(reference.mean(), abs=1e-4)
    assert result.std == pytest.approx(reference.std(), abs=1e-3)
    for pct in (2, 50, 98):
        assert result.percentiles[pct] == pytest.approx(
            np.percentile(reference, pct, method="inverted_cdf"), abs=1e-9)
    assert float(tags["TERRITOIRE_ST_MULT"]) == MULT


def test_output_is_tiled_compressed_float32(tmp_path):
    import rasterio

    st = write_raster(tmp_path / "x_ST_B10.TIF", scene(np.random.default_rng(2)), GT)
    out = land_surface_temperature(st, tmp_path / "lst.tif", mult=MULT, add=ADD).path
    with rasterio.open(out) as dataset:
        assert dataset.profile["tiled"] is True
        assert dataset.profile["compress"] == "deflate"
        assert dataset.block_shapes[0] == (256, 256)
        assert dataset.dtypes[0] == "float32"
        assert dataset.crs.to_epsg() == 32631


@pytest.mark.parametrize("flag", sorted(QA_BITS))
def test_each_qa_flag_masks_its_bit(tmp_path, flag):
    rng = np.random.default_rng(3)
    dn = scene(rng, (64, 64))
    qa = np.full(dn.shape, 21824, dtype=np.uint16)  # clear land
    flagged = rng.random(dn.shape) < 0.3
    qa[flagged] |= np.uint16(1 << QA_BITS[flag])
    st = write_raster(tmp_path / "s_ST_B10.TIF", dn, GT)
    qa_path = write_raster(tmp_path / "s_QA_PIXEL.TIF", qa, GT)
    masked_out = land_surface_temperature(st, tmp_path / "on.tif", mult=MULT, add=ADD,
                                          qa_pixel=qa_path, mask=[flag]).path
    values = read_array(masked_out)[0]
    assert np.all(values[flagged] == NODATA)
    np.testing.assert_allclose(values[~flagged], expected_celsius(dn[~flagged]), atol=2e-4)
    others = [f for f in QA_BITS if f != flag]
    kept = read_array(land_surface_temperature(st, tmp_path / "off.tif", mult=MULT, add=ADD,
                                               qa_pixel=qa_path, mask=others).path)[0]
    assert np.all(kept != NODATA), f"{flag} masked although not chosen"


def test_default_mask_and_shares_on_sample(tmp_path, sample_product):
    product = resolve_l2_product(sample_product)
    result = land_surface_temperature(product.st_b10, tmp_path / "lst.tif", mult=MULT, add=ADD,
                                      qa_pixel=product.qa_pixel)
    dn = read_array(product.st_b10)[0]
    qa = read_array(product.qa_pixel)[0]
    fill = (dn == 0) | ((qa & 1) > 0)
    cloudy = (qa & qa_bitmask(["dilated_cloud", "cirrus", "cloud", "cloud_shadow"])) > 0
    keep = ~fill & ~cloudy
    values = read_array(result.path)[0]
    assert np.all(values[~keep] == NODATA)
    np.testing.assert_allclose(values[keep], expected_celsius(dn[keep]), atol=2e-4)
    assert result.cloud_percent == pytest.approx(100 * (cloudy & ~fill).sum() / (~fill).sum())
    assert result.clear_percent == pytest.approx(100 * keep.sum() / (~fill).sum())
    assert set(DEFAULT_MASK) == {"fill", "dilated_cloud", "cirrus", "cloud", "cloud_shadow"}
    # The town is warmer than its surroundings: the sample is physically plausible.
    rows, cols = values.shape
    centre = values[int(rows * 0.40):int(rows * 0.50), int(cols * 0.50):int(cols * 0.60)]
    edge = values[int(rows * 0.85):, int(cols * 0.85):]
    assert centre[centre != NODATA].mean() > edge[edge != NODATA].mean() + 5


def test_bounds_give_the_covering_window(tmp_path):
    dn = scene(np.random.default_rng(4), (200, 200))
    st = write_raster(tmp_path / "w_ST_B10.TIF", dn, GT)
    # 10.5 px to 40.2 px east, 20.2 px to 50.7 px south of the origin.
    bounds = (GT[0] + 10.5 * 30, GT[3] - 50.7 * 30, GT[0] + 40.2 * 30, GT[3] - 20.2 * 30)
    result = land_surface_temperature(st, tmp_path / "w.tif", mult=MULT, add=ADD, bounds=bounds)
    values, transform, _, _ = read_array(result.path)
    assert values.shape == (31, 31)  # rows 20..50, cols 10..40
    assert transform.c == GT[0] + 10 * 30 and transform.f == GT[3] - 20 * 30
    np.testing.assert_allclose(values, expected_celsius(dn[20:51, 10:41]), atol=2e-4)


def test_clip_polygon_masks_pixel_centres_outside(tmp_path):
    from osgeo import ogr

    dn = scene(np.random.default_rng(5), (100, 100))
    st = write_raster(tmp_path / "p_ST_B10.TIF", dn, GT)
    x0, y0 = GT[0], GT[3]
    triangle = f"POLYGON(({x0 + 300} {y0 - 300},{x0 + 2700} {y0 - 300},{x0 + 300} {y0 - 2700},{x0 + 300} {y0 - 300}))"
    bounds = (x0 + 300, y0 - 2700, x0 + 2700, y0 - 300)
    result = land_surface_temperature(st, tmp_path / "p.tif", mult=MULT, add=ADD, bounds=bounds,
                                      clip_wkts=[triangle])
    values, transform, _, _ = read_array(result.path)
    geometry = ogr.CreateGeometryFromWkt(triangle)
    for row in range(values.shape[0]):
        for col in range(values.shape[1]):
            x = transform.c + (col + 0.5) * 30
            y = transform.f - (row + 0.5) * 30
            inside = geometry.Contains(ogr.CreateGeometryFromWkt(f"POINT({x} {y})"))
            if inside:
                assert values[row, col] == pytest.approx(expected_celsius(dn[10 + row, 10 + col]), abs=2e-4)
            elif not geometry.Touches(ogr.CreateGeometryFromWkt(f"POINT({x} {y})")):
                assert values[row, col] == NODATA
    assert result.area_pixels == pytest.approx(80 * 80 / 2, rel=0.03)


def test_clip_outside_scene(tmp_path):
    st = write_raster(tmp_path / "o_ST_B10.TIF", scene(np.random.default_rng(6), (50, 50)), GT)
    with pytest.raises(AnalysisError) as caught:
        land_surface_temperature(st, tmp_path / "o.tif", mult=MULT, add=ADD, bounds=(0, 0, 10, 10))
    assert caught.value.key == "clip_outside"
    assert not (tmp_path / "o.tif").exists()


def test_all_cloud_fails_with_the_shares_and_writes_nothing(tmp_path):
    dn = scene(np.random.default_rng(7), (80, 80))
    qa = np.full(dn.shape, 22280, dtype=np.uint16)  # cloud, high confidence
    qa[:, :20] = 1  # a quarter is fill
    dn[:, :20] = 0
    st = write_raster(tmp_path / "c_ST_B10.TIF", dn, GT)
    qa_path = write_raster(tmp_path / "c_QA_PIXEL.TIF", qa, GT)
    out = tmp_path / "c.tif"
    out.write_bytes(b"precious earlier result")
    with pytest.raises(AnalysisError) as caught:
        land_surface_temperature(st, out, mult=MULT, add=ADD, qa_pixel=qa_path)
    assert caught.value.key == "no_clear_pixel"
    assert caught.value.params["cloud"] == pytest.approx(100.0)
    assert caught.value.params["fill"] == pytest.approx(25.0)
    assert out.read_bytes() == b"precious earlier result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.tif", "c_QA_PIXEL.TIF", "c_ST_B10.TIF"]


def test_cancel_leaves_nothing(tmp_path):
    dn = scene(np.random.default_rng(8), (900, 300))
    st = write_raster(tmp_path / "k_ST_B10.TIF", dn, GT)
    calls = []

    def cancel_after_first_strip():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        land_surface_temperature(st, tmp_path / "k.tif", mult=MULT, add=ADD, is_canceled=cancel_after_first_strip)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k_ST_B10.TIF"]


def test_refusals(tmp_path):
    rng = np.random.default_rng(9)
    dn = scene(rng, (40, 40))
    st = write_raster(tmp_path / "r_ST_B10.TIF", dn, GT)
    shifted = (GT[0] + 30, *GT[1:])
    qa = write_raster(tmp_path / "r_QA_PIXEL.TIF", np.full(dn.shape, 21824, np.uint16), shifted)
    cases = [
        (dict(st_b10=st, output=tmp_path / "a.tif", qa_pixel=qa), "qa_grid_mismatch"),
        (dict(st_b10=write_raster(tmp_path / "f.tif", dn.astype(np.float32), GT), output=tmp_path / "b.tif"),
         "not_st_b10_type"),
        (dict(st_b10=st, output=tmp_path / "c.png"), "output_not_tif"),
        (dict(st_b10=st, output=tmp_path / "missing" / "d.tif"), "output_folder_missing"),
        (dict(st_b10=tmp_path / "r_ST_B10.TIF.broken", output=tmp_path / "e.tif"), "raster_read_failed"),
        (dict(st_b10=tmp_path / "r_ST_B10.TIF.empty", output=tmp_path / "h.tif"), "raster_not_raster"),
    ]
    (tmp_path / "r_ST_B10.TIF.broken").write_bytes(st.read_bytes()[:300])
    (tmp_path / "r_ST_B10.TIF.empty").write_bytes(b"")
    for kwargs, key in cases:
        with pytest.raises(AnalysisError) as caught:
            land_surface_temperature(mult=MULT, add=ADD, **kwargs)
        assert caught.value.key == key
    # A reflectance band renamed so that its name does not give it away.
    reflectance = np.round((rng.uniform(0.02, 0.3, (40, 40)) + 0.2) / 2.75e-5).astype(np.uint16)
    renamed = write_raster(tmp_path / "band.tif", reflectance, GT)
    with pytest.raises(AnalysisError) as caught:
        land_surface_temperature(renamed, tmp_path / "g.tif", mult=MULT, add=ADD)
    assert caught.value.key == "not_st_b10_values"
    leftovers = [p.name for p in tmp_path.iterdir() if p.suffix == ".tif" and p.name not in ("f.tif", "band.tif")]
    assert leftovers == []


def test_memory_stays_bounded_on_a_large_scene(tmp_path):
    """A 4096² scene: the whole float32 result alone would be 64 MiB; strips keep it far lower."""
    size = 4096
    rng = np.random.default_rng(10)
    dn = np.round((rng.uniform(290, 310, (size, size)) - ADD) / MULT).astype(np.uint16)
    st = write_raster(tmp_path / "big_ST_B10.TIF", dn, GT)
    qa = write_raster(tmp_path / "big_QA_PIXEL.TIF", np.full((size, size), 21824, np.uint16), GT)
    del dn
    tracemalloc.start()
    land_surface_temperature(st, tmp_path / "big.tif", mult=MULT, add=ADD, qa_pixel=qa)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 48 * 2**20, f"peak numpy/Python allocation {peak / 2**20:.0f} MiB"


def test_real_liverpool_scaling_matches_its_mtl(tmp_path):
    folder = shared("landsat8_c2l2_liverpool_xlandsat")
    product = resolve_l2_product(folder)
    mult, add = product.metadata.st_b10_factors()
    assert (mult, add) == (0.00341802, 149.0)
    assert product.qa_pixel is None  # this crop ships no QA_PIXEL
    result = land_surface_temperature(product.st_b10, tmp_path / "liv.tif", mult=mult, add=add)
    dn = read_array(product.st_b10)[0]
    values = read_array(result.path)[0]
    valid = dn != 0
    np.testing.assert_allclose(values[valid], dn[valid] * mult + add - 273.15, atol=2e-4)
    # Late-September Liverpool estuary at ~11:00: a mild surface, 5-30 °C.
    assert 5 < result.percentiles[50] < 30


def test_real_cloudy_scenes(tmp_path):
    base = "landsat8_c2l2_fullscene_512px_stactools"
    cloudy = resolve_l2_product(shared(base, "LC08_L2SP_008059_20191201_20200825_02_T1"))
    result = land_surface_temperature(cloudy.st_b10, tmp_path / "a.tif", mult=MULT, add=ADD,
                                      qa_pixel=cloudy.qa_pixel)
    qa = read_array(cloudy.qa_pixel)[0]
    dn = read_array(cloudy.st_b10)[0]
    fill = ((qa & 1) > 0) | (dn == 0)
    masked = (qa & 0b11110) > 0
    assert result.clear_pixels == (~fill & ~masked).sum()
    assert result.cloud_percent == pytest.approx(100 * (masked & ~fill).sum() / (~fill).sum())
    overcast = resolve_l2_product(shared(base, "LC08_L2SP_017036_20130419_20200913_02_T2"))
    with pytest.raises(AnalysisError) as caught:
        land_surface_temperature(overcast.st_b10, tmp_path / "b.tif", mult=MULT, add=ADD,
                                 qa_pixel=overcast.qa_pixel)
    assert caught.value.key == "no_clear_pixel"
    assert caught.value.params["cloud"] == pytest.approx(100.0)
    assert not (tmp_path / "b.tif").exists()


def test_write_failure_is_reported_clearly(tmp_path):
    from osgeo import gdal

    from territoire_plugin.core.grid import StripWriter

    path = write_raster(tmp_path / "ro.tif", np.zeros((8, 8), np.float32), GT)
    read_only = gdal.Open(str(path))  # writes to a read-only dataset fail inside GDAL
    with pytest.raises(AnalysisError) as caught:
        with StripWriter(read_only) as writer:
            writer.write(np.ones((8, 8), np.float32), 0)
    assert caught.value.key == "raster_write_failed"
    assert "disk space" in str(caught.value)
