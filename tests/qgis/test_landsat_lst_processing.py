"""territoire:landsat_lst through QGIS Processing, on the sample and on real Landsat data."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from conftest import read_array, shared, write_raster

from territoire_plugin.analysis.landsat.lst import NODATA

MULT, ADD = 0.00341802, 149.0


def run(params, context=None, feedback=None):
    from qgis import processing

    return processing.run("territoire:landsat_lst", params, context=context, feedback=feedback)


def expected_from_files(st_path, qa_path=None):
    """LST and keep-mask computed here with rasterio, from the product's own bands."""
    dn = read_array(st_path)[0]
    keep = dn != 0
    if qa_path is not None:
        qa = read_array(qa_path)[0]
        keep &= (qa & 0b11111) == 0  # fill, dilated cloud, cirrus, cloud, shadow
    return dn.astype(np.float64) * MULT + ADD - 273.15, keep


def test_provider_and_algorithm_registered(provider):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("territoire") is provider
    assert not provider.icon().isNull()
    ids = [alg.id() for alg in provider.algorithms()]
    assert "territoire:landsat_lst" in ids
    algorithm = registry.algorithmById("territoire:landsat_lst")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    for name in ("INPUT", "QA_PIXEL", "CLIP", "CLIP_EXTENT", "OUTPUT", "MASK_CLOUD", "MASK_CLOUD_SHADOW",
                 "MASK_CIRRUS", "MASK_DILATED_CLOUD", "MASK_FILL", "MASK_SNOW", "MASK_WATER"):
        assert name in names
    defaults = {p.name(): p.defaultValue() for p in algorithm.parameterDefinitions()}
    assert defaults["MASK_CLOUD"] is True and defaults["MASK_WATER"] is False and defaults["MASK_SNOW"] is False
    assert "10:30" in algorithm.shortHelpString() and "air" in algorithm.shortHelpString()
    assert not algorithm.icon().isNull()


@pytest.mark.parametrize("suffix", ["txt", "xml", "json"])
def test_run_on_sample_from_each_mtl_format(provider, tmp_path, sample_product, suffix):
    pid = sample_product.name
    out = tmp_path / f"lst_{suffix}.tif"
    result = run({"INPUT": str(sample_product / f"{pid}_MTL.{suffix}"), "OUTPUT": str(out)})
    expected, keep = expected_from_files(sample_product / f"{pid}_ST_B10.TIF", sample_product / f"{pid}_QA_PIXEL.TIF")
    values, _, nodata, tags = read_array(out)
    assert nodata == NODATA
    assert np.all(values[~keep] == NODATA)
    np.testing.assert_allclose(values[keep], expected[keep], atol=2e-4)
    assert result["SCALE_SOURCE"] == f"MTL ({pid}_MTL.{suffix})"
    assert tags["TERRITOIRE_SCALE_SOURCE"] == result["SCALE_SOURCE"]
    assert tags["TERRITOIRE_SOURCE_PRODUCT"] == pid
    assert tags["TERRITOIRE_ACQUISITION"].startswith("2023-07-15")
    assert result["MEDIAN"] == pytest.approx(np.percentile(expected[keep], 50, method="inverted_cdf"), abs=1e-6)
    assert result["MEAN"] == pytest.approx(expected[keep].mean(), abs=1e-4)
    assert 0 < result["CLOUD_PERCENT"] < 10


def test_run_is_logged_in_the_territoire_tab(provider, tmp_path, sample_product):
    from qgis.core import QgsApplication, QgsSettings

    received = []

    def record(message, tag, level):
        received.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(record)
    QgsSettings().setValue("territoire/debug_mode", True)
    try:
        run({"INPUT": str(sample_product), "OUTPUT": str(tmp_path / "logged.tif")})
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)
        QgsSettings().remove("territoire/debug_mode")
    ours = [message for tag, message in received if tag == "Territoire"]
    assert any(str(tmp_path / "logged.tif") in m and "MTL (" in m for m in ours)
    assert any(m.startswith("landsat_lst inputs:") and "QA_PIXEL" in m for m in ours)  # debug mode on


def test_style_sidecar_and_layer_loaded_styled(provider, tmp_path, sample_product):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsRasterLayer

    out = tmp_path / "styled.tif"
    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    result = run({"INPUT": str(sample_product), "OUTPUT": str(out)}, context, QgsProcessingFeedback())
    # The sidecar makes QGIS style the raster wherever it is opened later.
    assert out.with_suffix(".qml").exists()
    layer = QgsRasterLayer(str(out), "lst")
    assert layer.renderer().type() == "singlebandpseudocolor"
    items = layer.renderer().shader().rasterShaderFunction().colorRampItemList()
    assert len(items) == 11
    assert items[0].color.name() == "#313695" and items[-1].color.name() == "#a50026"
    assert all(item.label.endswith("°C") for item in items)
    centre = items[5].value
    assert centre == pytest.approx(result["MEDIAN"], abs=1e-6)
    assert items[0].value < result["MEDIAN"] < items[-1].value
    assert context.layersToLoadOnCompletion() == {}  # a plain run adds nothing to the project


def test_run_and_load_adds_a_named_styled_layer(provider, tmp_path, sample_product):
    """What the toolbox dialog does: run, then load the output into the project."""
    from qgis import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    before = set(project.mapLayers())
    out = tmp_path / "loaded.tif"
    processing.runAndLoadResults("territoire:landsat_lst", {"INPUT": str(sample_product), "OUTPUT": str(out)})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    assert len(added) == 1
    layer = added[0]
    try:
        assert layer.source() == str(out)
        assert layer.name() == "Land surface temperature (°C)"
        assert layer.renderer().type() == "singlebandpseudocolor"
        items = layer.renderer().shader().rasterShaderFunction().colorRampItemList()
        assert [i.color.name() for i in items][::5] == ["#313695", "#ffffbf", "#a50026"]
    finally:
        project.removeMapLayer(layer.id())


def test_clip_to_commune_polygon_in_lambert93(provider, tmp_path, sample_root, sample_product):
    from osgeo import ogr, osr

    outline = sample_root / "zone_etude_olemps.geojson"
    out = tmp_path / "clip.tif"
    run({"INPUT": str(sample_product), "CLIP": str(outline), "OUTPUT": str(out)})
    values, transform, _, _ = read_array(out)
    source = ogr.Open(str(outline))  # keep the dataset alive while its layer is read
    feature = source.GetLayer(0).GetNextFeature()
    polygon = feature.GetGeometryRef().Clone()
    feature = source = None
    lambert, utm = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    utm.ImportFromEPSG(32631)
    for srs in (lambert, utm):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    polygon.Transform(osr.CoordinateTransformation(lambert, utm))
    xmin, xmax, ymin, ymax = polygon.GetEnvelope()
    # The output window is the polygon's envelope snapped outwards to whole pixels.
    assert transform.c <= xmin < transform.c + 30 and transform.f >= ymax > transform.f - 30
    rng = np.random.default_rng(0)
    rows, cols = values.shape
    for row, col in zip(rng.integers(0, rows, 400), rng.integers(0, cols, 400)):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(transform.c + (col + 0.5) * 30, transform.f - (row + 0.5) * 30)
        if not polygon.Contains(point):
            assert values[row, col] == NODATA
    full, keep = expected_from_files(sample_product / f"{sample_product.name}_ST_B10.TIF",
                                     sample_product / f"{sample_product.name}_QA_PIXEL.TIF")
    inside = values != NODATA
    assert inside.sum() > 0.5 * values.size
    source_gt = read_array(sample_product / f"{sample_product.name}_ST_B10.TIF")[1]
    r0 = round((source_gt.f - transform.f) / 30)
    c0 = round((transform.c - source_gt.c) / 30)
    window = full[r0:r0 + rows, c0:c0 + cols]
    np.testing.assert_allclose(values[inside], window[inside], atol=2e-4)


def test_clip_extent_in_wgs84(provider, tmp_path, sample_product):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle

    source_gt = read_array(sample_product / f"{sample_product.name}_ST_B10.TIF")[1]
    utm_box = QgsRectangle(source_gt.c + 3000, source_gt.f - 6000, source_gt.c + 6000, source_gt.f - 3000)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32631"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    box = transform.transformBoundingBox(utm_box)
    extent = f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:4326]"
    out = tmp_path / "extent.tif"
    run({"INPUT": str(sample_product), "CLIP_EXTENT": extent, "OUTPUT": str(out)})
    values, transform_out, _, _ = read_array(out)
    # The WGS84 box covers the 3 km UTM square, slightly larger because of the reprojection.
    assert 100 <= values.shape[0] <= 110 and 100 <= values.shape[1] <= 110


def test_band_alone_falls_back_to_usgs_factors_and_says_so(provider, tmp_path, sample_product):
    from qgis.core import QgsProcessingFeedback

    pid = sample_product.name
    st = shutil.copy(sample_product / f"{pid}_ST_B10.TIF", tmp_path / f"{pid}_ST_B10.TIF")

    class Recorder(QgsProcessingFeedback):
        warnings: list = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)
            super().pushWarning(text)

    feedback = Recorder()
    out = tmp_path / "fallback.tif"
    result = run({"INPUT": str(st), "OUTPUT": str(out)}, feedback=feedback)
    assert result["SCALE_SOURCE"] == "USGS default (no metadata found)"
    assert any("0.00341802" in w and "MTL" in w for w in feedback.warnings)
    assert any("QA_PIXEL" in w for w in feedback.warnings)  # no cloud mask: the user is told
    expected, keep = expected_from_files(st)
    values = read_array(out)[0]
    np.testing.assert_allclose(values[keep], expected[keep], atol=2e-4)
    assert read_array(out)[3]["TERRITOIRE_SCALE_SOURCE"] == "USGS default (no metadata found)"


def test_explicit_qa_pixel_and_water_mask(provider, tmp_path, sample_product):
    pid = sample_product.name
    out = tmp_path / "water.tif"
    run({"INPUT": str(sample_product / f"{pid}_ST_B10.TIF"), "QA_PIXEL": str(sample_product / f"{pid}_QA_PIXEL.TIF"),
         "MASK_WATER": True, "OUTPUT": str(out)})
    qa = read_array(sample_product / f"{pid}_QA_PIXEL.TIF")[0]
    values = read_array(out)[0]
    water = (qa & (1 << 7)) > 0
    assert water.sum() > 100
    assert np.all(values[water] == NODATA)


@pytest.mark.parametrize("case", ["sr_band", "missing", "qa_other_grid", "clip_outside", "not_tif", "empty_clip"])
def test_bad_input_raises_clear_error_and_writes_nothing(provider, tmp_path, sample_product, case):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    pid = sample_product.name
    params = {"INPUT": str(sample_product), "OUTPUT": str(tmp_path / "out.tif")}
    expected = {
        "sr_band": "SR_B4", "missing": "does not exist", "qa_other_grid": "not on the grid",
        "clip_outside": "does not overlap", "not_tif": "GeoTIFF", "empty_clip": "no polygon",
    }[case]
    if case == "sr_band":
        params["INPUT"] = str(sample_product / f"{pid}_SR_B4.TIF")
    elif case == "missing":
        params["INPUT"] = str(tmp_path / "LC09_nothing_MTL.txt")
    elif case == "qa_other_grid":
        qa = read_array(sample_product / f"{pid}_QA_PIXEL.TIF")[0]
        shifted = tmp_path / "inputs" / "shifted_QA_PIXEL.TIF"
        shifted.parent.mkdir()
        write_raster(shifted, qa, (600015.0, 30.0, 0.0, 4900005.0, 0.0, -30.0))  # same size, another place
        params["QA_PIXEL"] = str(shifted)
    elif case == "clip_outside":
        params["CLIP_EXTENT"] = "5.0,5.1,48.0,48.1 [EPSG:4326]"
    elif case == "not_tif":
        params["OUTPUT"] = str(tmp_path / "out.png")
    elif case == "empty_clip":
        empty = QgsVectorLayer("Polygon?crs=EPSG:2154", "empty", "memory")
        params["CLIP"] = empty
    with pytest.raises(QgsProcessingException) as caught:
        run(params)
    assert expected in str(caught.value)
    assert not any(p.suffix in (".tif", ".png", ".qml") for p in tmp_path.iterdir())


def test_real_overcast_scene_fails_with_cloud_share(provider, tmp_path):
    from qgis.core import QgsProcessingException

    folder = shared("landsat8_c2l2_fullscene_512px_stactools", "LC08_L2SP_017036_20130419_20200913_02_T2")
    with pytest.raises(QgsProcessingException) as caught:
        run({"INPUT": str(folder), "OUTPUT": str(tmp_path / "none.tif")})
    assert "No clear pixel" in str(caught.value) and "100.0 %" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_real_liverpool_through_processing(provider, tmp_path):
    folder = shared("landsat8_c2l2_liverpool_xlandsat")
    out = tmp_path / "liv.tif"
    result = run({"INPUT": str(folder), "OUTPUT": str(out)})
    assert result["SCALE_SOURCE"] == "MTL (LC08_L2SP_204023_20200927_20201006_02_T1_MTL.txt)"
    st = folder / "LC08_L2SP_204023_20200927_20201006_02_T1_ST_B10.TIF"
    expected, keep = expected_from_files(st)
    np.testing.assert_allclose(read_array(out)[0][keep], expected[keep], atol=2e-4)


def test_existing_output_survives_a_failed_run_and_is_replaced_by_a_good_one(provider, tmp_path, sample_product):
    from qgis.core import QgsProcessingException

    out = tmp_path / "keep.tif"
    out.write_bytes(b"earlier map")
    with pytest.raises(QgsProcessingException, match="keep.tif already exists and was left as it is"):
        run({"INPUT": str(sample_product), "OUTPUT": str(out)})
    assert out.read_bytes() == b"earlier map"
    with pytest.raises(QgsProcessingException):
        run({"INPUT": str(sample_product / f"{sample_product.name}_SR_B5.TIF"), "OUTPUT": str(out), "REPLACE": True})
    assert out.read_bytes() == b"earlier map"
    run({"INPUT": str(sample_product), "OUTPUT": str(out), "REPLACE": True})
    assert read_array(out)[0].dtype == np.float32


def test_cancel_returns_nothing_and_leaves_no_file(provider, tmp_path, sample_product):
    from qgis.core import QgsProcessingFeedback

    class CancelOnProgress(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(lambda _value: self.cancel())

    out = tmp_path / "cancelled.tif"
    result = run({"INPUT": str(sample_product), "OUTPUT": str(out)}, feedback=CancelOnProgress())
    assert "OUTPUT" not in result
    assert list(tmp_path.iterdir()) == []
