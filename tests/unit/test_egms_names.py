"""EGMS archive file names, built as EGMStoolkit builds them (functions/egmsapitools.py, classes/EGMSdownloaderapi.py)
and as the product description names them (EGMS_L3_E40N28_100km_U_2018_2022_1, EGMS_L2a_088_0282_IW2_VV_2018_2022_1)."""

from __future__ import annotations

import pytest

from territoire_plugin.core.errors import AnalysisError
from territoire_plugin.sources.egms_archive import L2_NAME, L3_NAME, l2_names, l3_name, l3_tiles, release_suffix


def test_release_suffix_none_for_the_first_release_then_numbered():
    assert release_suffix("2015_2021") == ""
    assert release_suffix("2018_2022") == "_2018_2022_1"
    assert release_suffix(" 2019_2023 ") == "_2019_2023_1"
    for bad in ("2019-2023", "2023_2019", "2019", "../../etc", "2019_2023_1"):
        with pytest.raises(AnalysisError):
            release_suffix(bad)


def test_the_product_descriptions_examples_are_rebuilt():
    assert l3_name(40, 28, "U", "2018_2022") == "EGMS_L3_E40N28_100km_U_2018_2022_1.zip"
    assert l2_names("088_0282_IW2", "L2a", "2018_2022") == ["EGMS_L2a_088_0282_IW2_VV_2018_2022_1.zip"]
    assert L3_NAME.match("EGMS_L3_E40N28_100km_E.zip") and L2_NAME.match("EGMS_L2b_037_0288_IW2_VV.zip")


def test_tiles_are_the_100_km_squares_the_extent_touches():
    # Olemps (EPSG:3035 ≈ 3 724 400–3 729 900 E, 2 385 900–2 392 000 N) lies in one tile.
    assert l3_tiles(3_724_434, 2_385_884, 3_729_828, 2_392_036) == [(37, 23)]
    # An extent across the 3 700 000 m easting and the 2 400 000 m northing lines touches four.
    assert l3_tiles(3_695_000, 2_395_000, 3_705_000, 2_401_000) == [(36, 23), (36, 24), (37, 23), (37, 24)]
    assert l3_tiles(3_700_000, 2_300_000, 3_799_999, 2_399_999) == [(37, 23)]


def test_l2_entries_short_or_whole_deduplicated_and_checked():
    names = l2_names("037_0288_IW2, EGMS_L2b_037_0289_IW2_VV_2019_2023_1\n37_288_iw2;"
                     "EGMS_L2b_015_0101_IW1_VV_2019_2023_1.zip", "L2b", "2019_2023")
    assert names == ["EGMS_L2b_037_0288_IW2_VV_2019_2023_1.zip", "EGMS_L2b_037_0289_IW2_VV_2019_2023_1.zip",
                     "EGMS_L2b_015_0101_IW1_VV_2019_2023_1.zip"]
    assert l2_names("  ", "L2b", "2019_2023") == []
    for bad in ("../EGMS_L2b_037_0288_IW2_VV.zip", "EGMS_L3_E37N23_100km_U", "037_0288_IW4", "a/b"):
        with pytest.raises(AnalysisError) as caught:
            l2_names(bad, "L2b", "2019_2023")
        assert caught.value.key == "egms_bad_name"
