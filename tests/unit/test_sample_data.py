"""The bundled sample is made by a deterministic generator, in the real Landsat C2 L2 layout."""

from __future__ import annotations

import hashlib

import numpy as np
from conftest import read_array

from testing import sample_data


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generator_is_deterministic(tmp_path, sample_root):
    sample_data.generate(tmp_path)
    assert digest(tmp_path) == digest(sample_root)


def test_sample_is_a_plausible_french_landsat_product(sample_product):
    pid = sample_product.name
    st, transform, nodata, _ = read_array(sample_product / f"{pid}_ST_B10.TIF")
    qa = read_array(sample_product / f"{pid}_QA_PIXEL.TIF")[0]
    assert st.dtype == np.uint16 and nodata == 0
    # On Landsat's UTM 31N grid (pixel edges at odd multiples of 15 m) around Olemps / Rodez.
    assert transform.a == 30 and transform.c % 30 == 15 and transform.f % 30 == 15
    from osgeo import osr

    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32631)
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    centre = (transform.c + st.shape[1] * 15, transform.f - st.shape[0] * 15)
    lon, lat, _ = osr.CoordinateTransformation(utm, wgs).TransformPoint(*centre)
    assert abs(lon - 2.564) < 0.01 and abs(lat - 44.348) < 0.01  # Olemps / Rodez
    celsius = st[st > 0] * 0.00341802 + 149.0 - 273.15
    clear = (qa[st > 0] & (1 << 6)) > 0
    assert 15 < np.median(celsius[clear]) < 40  # a July day, surface temperature
    values = set(np.unique(qa).tolist())
    assert {1, 21824, 21952, 22280, 21762, 23888} <= values  # fill, clear, water, cloud, dilated, shadow
    for band in ("SR_B4", "SR_B5"):
        reflectance = read_array(sample_product / f"{pid}_{band}.TIF")[0][st > 0] * 2.75e-5 - 0.2
        assert reflectance.min() >= -0.2 and reflectance.max() < 0.6
