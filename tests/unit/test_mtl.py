"""Landsat MTL parsing (txt, xml, json) and locating a product's files. No QGIS here."""

from __future__ import annotations

import shutil

import pytest
from conftest import shared

from territoire_plugin.analysis.landsat.constants import USGS_ST_ADD, USGS_ST_MULT
from territoire_plugin.analysis.landsat.mtl import (
    product_id_from_name,
    read_mtl,
    resolve_l2_product,
)
from territoire_plugin.core.errors import AnalysisError

STACTOOLS = "landsat8_c2l2_fullscene_512px_stactools"
SCENES = ("LC08_L2SP_008059_20191201_20200825_02_T1", "LC08_L2SP_017036_20130419_20200913_02_T2")


@pytest.mark.parametrize("suffix", ["txt", "xml", "json"])
def test_sample_mtl_formats_agree(sample_product, suffix):
    pid = sample_product.name
    reference = read_mtl(sample_product / f"{pid}_MTL.txt")
    other = read_mtl(sample_product / f"{pid}_MTL.{suffix}")
    assert other.groups["LEVEL2_SURFACE_TEMPERATURE_PARAMETERS"] == \
        reference.groups["LEVEL2_SURFACE_TEMPERATURE_PARAMETERS"]
    assert other.st_b10_factors() == (0.00341802, 149.0)
    assert other.product_id == pid
    assert other.spacecraft == "LANDSAT_9"
    assert other.acquisition == "2023-07-15T10:32:41.2030000Z"
    assert other.product_file("FILE_NAME_BAND_ST_B10") == f"{pid}_ST_B10.TIF"


@pytest.mark.parametrize("scene", SCENES)
def test_real_mtl_three_formats_agree(scene):
    folder = shared(STACTOOLS, scene)
    parsed = {fmt: read_mtl(folder / f"{scene}_MTL.{fmt}") for fmt in ("txt", "xml", "json")}
    for fmt, metadata in parsed.items():
        assert metadata.st_b10_factors() == (0.00341802, 149.0), fmt
        assert metadata.product_id == scene
        assert metadata.spacecraft == "LANDSAT_8"
        # Every group and value of the text MTL is found alike in xml and json.
        for group, values in parsed["txt"].groups.items():
            for key, value in values.items():
                assert metadata.groups[group][key] == value, (fmt, group, key)
    assert parsed["txt"].cloud_cover == {SCENES[0]: 81.02, SCENES[1]: 100.0}[scene]


def test_real_level1_mtl_is_refused_for_lst(tmp_path):
    l1 = shared("landsat8_c2l2_liverpool_xlandsat", "LC08_L1TP_204023_20200927_20201006_02_T1_MTL.txt")
    copy = shutil.copy(l1, tmp_path / l1.name)
    with pytest.raises(AnalysisError) as caught:
        resolve_l2_product(copy)
    assert caught.value.key == "mtl_not_level2"
    assert "L1TP" in str(caught.value)


def test_resolve_from_folder_mtl_and_band(sample_product):
    pid = sample_product.name
    for given in (sample_product, sample_product / f"{pid}_MTL.json", sample_product / f"{pid}_ST_B10.TIF"):
        product = resolve_l2_product(given)
        assert product.st_b10 == sample_product / f"{pid}_ST_B10.TIF"
        assert product.qa_pixel == sample_product / f"{pid}_QA_PIXEL.TIF"
        assert product.metadata is not None and product.metadata.st_b10_factors() == (USGS_ST_MULT, USGS_ST_ADD)


def test_band_alone_has_no_metadata_but_finds_qa(tmp_path, sample_product):
    pid = sample_product.name
    for name in (f"{pid}_ST_B10.TIF", f"{pid}_QA_PIXEL.TIF"):
        shutil.copy(sample_product / name, tmp_path / name)
    product = resolve_l2_product(tmp_path / f"{pid}_ST_B10.TIF")
    assert product.metadata is None
    assert product.qa_pixel == tmp_path / f"{pid}_QA_PIXEL.TIF"


@pytest.mark.parametrize("band", ["SR_B4", "SR_B5", "QA_PIXEL"])
def test_other_bands_are_refused(sample_product, band):
    with pytest.raises(AnalysisError) as caught:
        resolve_l2_product(sample_product / f"{sample_product.name}_{band}.TIF")
    assert caught.value.key == "not_st_b10"
    assert band in str(caught.value) and "ST_B10" in str(caught.value)


def test_real_sr_band_is_refused():
    band = shared("landsat8_c2l2_liverpool_xlandsat", "LC08_L2SP_204023_20200927_20201006_02_T1_SR_B5.TIF")
    with pytest.raises(AnalysisError) as caught:
        resolve_l2_product(band)
    assert caught.value.key == "not_st_b10"


def test_missing_input_and_empty_folder(tmp_path):
    with pytest.raises(AnalysisError) as caught:
        resolve_l2_product(tmp_path / "nothing_here_MTL.txt")
    assert caught.value.key == "input_missing"
    with pytest.raises(AnalysisError) as caught:
        resolve_l2_product(tmp_path)
    assert caught.value.key == "folder_without_mtl"


def test_mtl_naming_a_missing_band(tmp_path, sample_product):
    pid = sample_product.name
    shutil.copy(sample_product / f"{pid}_MTL.txt", tmp_path)
    with pytest.raises(AnalysisError) as caught:
        resolve_l2_product(tmp_path / f"{pid}_MTL.txt")
    assert caught.value.key == "st_b10_missing"


@pytest.mark.parametrize("damage, key", [
    (lambda text: text[: len(text) // 2], "mtl_unreadable"),  # truncated download
    (lambda text: text.replace("TEMPERATURE_ADD_BAND_ST_B10 = 149.0", ""), "mtl_half_factors"),
    (lambda text: text.replace("= 0.00341802", "= 0.341802"), "mtl_bad_factors"),
    (lambda text: text.replace("= 0.00341802", "= abc"), "mtl_bad_number"),
    (lambda text: "<html><body>Service unavailable</body></html>", "mtl_unreadable"),
])
def test_damaged_mtl(tmp_path, sample_product, damage, key):
    pid = sample_product.name
    text = (sample_product / f"{pid}_MTL.txt").read_text()
    broken = tmp_path / f"{pid}_MTL.txt"
    broken.write_text(damage(text))
    with pytest.raises(AnalysisError) as caught:
        read_mtl(broken).st_b10_factors()
    assert caught.value.key == key


def test_damaged_xml_and_json(tmp_path, sample_product):
    pid = sample_product.name
    for suffix in ("xml", "json"):
        text = (sample_product / f"{pid}_MTL.{suffix}").read_text()
        broken = tmp_path / f"{pid}_MTL.{suffix}"
        broken.write_text(text[:-40])
        with pytest.raises(AnalysisError) as caught:
            read_mtl(broken)
        assert caught.value.key == "mtl_unreadable"


def test_product_id_pattern():
    assert product_id_from_name("LC08_L2SP_204023_20200927_20201006_02_T1_ST_B10.TIF") == \
        "LC08_L2SP_204023_20200927_20201006_02_T1"
    assert product_id_from_name("LC09_L2SP_197029_20230715_20230717_02_T2_MTL.json").endswith("_02_T2")
    assert product_id_from_name("my_lst_b10.tif") is None
