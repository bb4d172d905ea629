"""sources/elevation.py against a local Géoplateforme WMS-Raster (testing/fake_elevation.py: the relief of the real
Olemps, from the altitudes of its BD TOPO road sections): the grid follows the real terrain, LiDAR HD where it is
and RGE ALTI elsewhere, large areas are asked in tiles of at most 2048 pixels, a second fetch asks nothing, and an
exception report is a clear message."""

from __future__ import annotations

import numpy as np
import pytest


def read(path):
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    values[values == band.GetNoDataValue()] = np.nan
    return dataset.GetGeoTransform(), values, dataset.GetProjection()


@pytest.fixture
def wms(server):
    from testing import fake_elevation

    asked = []
    return fake_elevation.install_wms_raster(server, requests=asked), asked


def test_the_grid_follows_the_real_terrain(wms, client_factory, tmp_path):
    from territoire_plugin.sources import elevation
    from testing.fake_elevation import LIDAR_EAST_LIMIT, _road_vertices

    base, asked = wms
    bounds = (662_000.0, 6_358_000.0, 666_000.0, 6_362_000.0)
    summary = elevation.elevation_grid(client_factory(), base, bounds, 10.0, tmp_path / "mnt.tif")
    geotransform, values, wkt = read(summary.path)
    assert values.shape == (400, 400) and geotransform == (662_000.0, 10.0, 0.0, 6_362_000.0, 0.0, -10.0)
    assert "Lambert" in wkt or "2154" in wkt
    # LiDAR HD west of its limit, RGE ALTI east of it, nothing missing.
    west = (LIDAR_EAST_LIMIT - bounds[0]) / (bounds[2] - bounds[0])
    assert summary.shares[elevation.TERRAIN_LIDAR] == pytest.approx(west, abs=0.01)
    assert summary.shares[elevation.TERRAIN_RGE_ALTI] == pytest.approx(1 - west, abs=0.01)
    assert summary.missing == 0 and np.isfinite(values).all()
    assert asked == [elevation.TERRAIN_LIDAR, elevation.TERRAIN_RGE_ALTI]
    # Independent check: the altitudes of the road vertices (BD TOPO, 3D) inside the area, read at their pixel.
    vertices = _road_vertices()
    inside = vertices[(vertices[:, 0] > bounds[0]) & (vertices[:, 0] < bounds[2])
                      & (vertices[:, 1] > bounds[1]) & (vertices[:, 1] < bounds[3])]
    cols = ((inside[:, 0] - bounds[0]) // 10).astype(int)
    rows = ((bounds[3] - inside[:, 1]) // 10).astype(int)
    errors = np.abs(values[rows, cols] - inside[:, 2])
    assert len(inside) > 1000 and np.median(errors) < 3.0, np.median(errors)
    assert 490 < np.nanmin(values) and np.nanmax(values) < 660  # Olemps: the Aveyron valley to the plateau


def test_a_large_area_is_asked_in_tiles_and_a_second_fetch_asks_nothing(wms, client_factory, tmp_path):
    from territoire_plugin.sources import elevation

    base, asked = wms
    bounds = (661_000.0, 6_357_000.0, 667_000.0, 6_363_000.0)  # 6 km at 2.5 m: 2400 px a side, four tiles
    client = client_factory()
    first = elevation.elevation_grid(client, base, bounds, 2.5, tmp_path / "a.tif",
                                     layers=(elevation.TERRAIN_RGE_ALTI,))
    assert len(asked) == 4 and read(first.path)[1].shape == (2400, 2400)
    again = elevation.elevation_grid(client_factory(), base, bounds, 2.5, tmp_path / "b.tif",
                                     layers=(elevation.TERRAIN_RGE_ALTI,))
    assert len(asked) == 4, "the second fetch comes from the cache"
    np.testing.assert_array_equal(read(first.path)[1], read(again.path)[1])


def test_an_exception_report_is_a_clear_message(wms, client_factory, tmp_path):
    """As ROK4 answers it (HTTP 400, a WMS ServiceExceptionReport): the service's own words in the message."""
    from territoire_plugin.core.errors import ServiceError
    from territoire_plugin.sources import elevation

    base, _ = wms
    with pytest.raises(ServiceError) as caught:
        elevation.elevation_grid(client_factory(), base, (662_000.0, 6_358_000.0, 663_000.0, 6_359_000.0), 10.0,
                                 tmp_path / "x.tif", layers=("ELEVATION.UNKNOWN",))
    assert caught.value.key == "service_bad_request"
    assert "Unknown layer: ELEVATION.UNKNOWN" in str(caught.value)
    assert not (tmp_path / "x.tif").exists()


def test_an_answer_that_is_not_a_grid_is_refused(server, client_factory, tmp_path):
    """A page in place of the grid (HTTP 200: a portal in maintenance, a captive proxy) is not taken for one."""
    from territoire_plugin.core.errors import ServiceError
    from territoire_plugin.sources import elevation

    server.route("/maintenance", lambda request: (200, {"Content-Type": "text/html"},
                                                  b"<html><title>Maintenance</title></html>"))
    with pytest.raises(ServiceError) as caught:
        elevation.elevation_grid(client_factory(), f"{server.url}/maintenance",
                                 (662_000.0, 6_358_000.0, 663_000.0, 6_359_000.0), 10.0, tmp_path / "x.tif")
    assert caught.value.key == "elevation_not_a_grid"
    assert "Maintenance" in str(caught.value)
    assert not (tmp_path / "x.tif").exists()


def test_the_height_model_has_the_buildings_and_the_woods(wms, client_factory, tmp_path):
    from territoire_plugin.sources import elevation
    from testing.fake_elevation import TREE_HEIGHT

    base, _ = wms
    bounds = (662_500.0, 6_359_000.0, 663_500.0, 6_360_000.0)  # west of the LiDAR limit
    summary = elevation.elevation_grid(client_factory(), base, bounds, 2.0, tmp_path / "mnh.tif",
                                       layers=(elevation.HEIGHT_LIDAR,))
    values = read(summary.path)[1]
    assert summary.missing == 0
    assert (values == 0).mean() > 0.3 and np.isclose(values, TREE_HEIGHT, atol=0.5).any() and values.max() > 4
