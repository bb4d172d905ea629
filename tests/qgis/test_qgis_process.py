"""Headless: `qgis_process.bin` with the plugin installed from the zip into a fresh profile."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest
from conftest import QGIS_PROCESS, make_profile, qgis_env, read_array

pytestmark = pytest.mark.subprocess_qgis


def qgis_process(profiles_root, *args, check=True):
    result = subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=qgis_env(profiles_root),
                            timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"qgis_process {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def english_profile(tmp_path_factory, package_zip):
    return make_profile(tmp_path_factory.mktemp("qp_en"), package_zip)


@pytest.fixture(scope="module")
def french_profile(tmp_path_factory, package_zip):
    return make_profile(tmp_path_factory.mktemp("qp_fr"), package_zip,
                        "[locale]\noverrideFlag=true\nuserLocale=fr_FR\n")


def test_qgis_process_lists_the_provider(english_profile):
    listing = qgis_process(english_profile, "list").stdout
    assert "territoire:landsat_lst\tLand surface temperature (Landsat)" in listing
    help_text = qgis_process(english_profile, "help", "territoire:landsat_lst").stdout
    for name in ("INPUT", "QA_PIXEL", "CLIP", "CLIP_EXTENT", "MASK_CLOUD", "OUTPUT"):
        assert name in help_text


def test_qgis_process_and_processing_run_give_the_same_correct_raster(english_profile, provider, tmp_path,
                                                                     sample_root, sample_product):
    from qgis import processing

    pid = sample_product.name
    outline = sample_root / "zone_etude_olemps.geojson"
    headless = tmp_path / "headless.tif"
    result = qgis_process(english_profile, "--json", "run", "territoire:landsat_lst", "--",
                          f"INPUT={sample_product / (pid + '_MTL.xml')}", f"CLIP={outline}", f"OUTPUT={headless}")
    results = json.loads(result.stdout)["results"]
    in_process = tmp_path / "in_process.tif"
    direct = processing.run("territoire:landsat_lst", {"INPUT": str(sample_product / (pid + "_MTL.xml")),
                                                       "CLIP": str(outline), "OUTPUT": str(in_process)})
    a, transform_a, _, _ = read_array(headless)
    b, transform_b, _, _ = read_array(in_process)
    assert transform_a == transform_b
    np.testing.assert_array_equal(a, b)
    for key in ("MEDIAN", "MEAN", "MIN", "MAX", "CLEAR_PERCENT", "CLOUD_PERCENT"):
        assert results[key] == pytest.approx(direct[key], abs=1e-9), key
    assert results["SCALE_SOURCE"] == f"MTL ({pid}_MTL.xml)"
    # Correct, not only consistent: the formula recomputed from the band.
    dn = read_array(sample_product / f"{pid}_ST_B10.TIF")[0]
    source_transform = read_array(sample_product / f"{pid}_ST_B10.TIF")[1]
    r0 = round((source_transform.f - transform_a.f) / 30)
    c0 = round((transform_a.c - source_transform.c) / 30)
    window = dn[r0:r0 + a.shape[0], c0:c0 + a.shape[1]].astype(np.float64) * 0.00341802 + 149.0 - 273.15
    valid = a != -9999.0
    np.testing.assert_allclose(a[valid], window[valid], atol=2e-4)
    assert headless.with_suffix(".qml").exists()


def test_qgis_process_in_french(french_profile, tmp_path):
    listing = qgis_process(french_profile, "list").stdout
    assert "territoire:landsat_lst\tTempérature de surface (Landsat)" in listing
    failed = qgis_process(french_profile, "run", "territoire:landsat_lst", "--",
                          f"INPUT={tmp_path / 'absent_MTL.txt'}", f"OUTPUT={tmp_path / 'x.tif'}", check=False)
    assert failed.returncode != 0
    assert "n'existe pas" in failed.stdout + failed.stderr
    assert not (tmp_path / "x.tif").exists()
