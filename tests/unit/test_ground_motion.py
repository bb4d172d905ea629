"""Points joined to assets and per-asset statistics, against OGR geometry tests and numpy. No QGIS."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr

from territoire_plugin.analysis.errors import AnalysisError
from territoire_plugin.analysis.ground_motion import (
    ALERT,
    INSUFFICIENT,
    STABLE,
    WATCH,
    Shape,
    asset_statistics,
    join_points,
    vertical,
)


def shapes_and_geometries():
    building = "POLYGON((100 100,140 100,140 130,100 130,100 100),(110 110,120 110,120 120,110 120,110 110))"
    road = "LINESTRING(0 200,300 200,300 400)"
    mast = "MULTIPOINT((250 50),(260 60))"
    geometries = [ogr.CreateGeometryFromWkt(w) for w in (building, road, mast)]
    shapes = [
        Shape("polygon", [np.array(r.GetPoints())[:, :2] for r in geometries[0]], 5.0),
        Shape("line", [np.array(geometries[1].GetPoints())[:, :2]], 15.0),
        Shape("point", [np.array([[p.GetX(), p.GetY()] for p in geometries[2]])], 20.0),
    ]
    return shapes, geometries


def test_membership_matches_ogr_buffers():
    rng = np.random.default_rng(4)
    x, y = rng.uniform(-20, 420, 20000), rng.uniform(-20, 420, 20000)
    shapes, geometries = shapes_and_geometries()
    assets, points = join_points(x, y, np.zeros_like(x), shapes, cell=37.0)
    for number, (shape, geometry) in enumerate(zip(shapes, geometries)):
        buffered = geometry.Buffer(shape.buffer, 64)
        expected = {i for i in range(x.size)
                    if buffered.Contains(ogr.CreateGeometryFromWkt(f"POINT({x[i]} {y[i]})"))}
        got = set(points[assets == number].tolist())
        # Only points within a hair of the buffer's edge may differ (the buffer is a polygonal approximation).
        differing = got ^ expected
        for i in differing:
            distance = geometry.Distance(ogr.CreateGeometryFromWkt(f"POINT({x[i]} {y[i]})"))
            assert abs(distance - shape.buffer) < 0.01, (number, i, distance)
        assert len(got) > 50


def test_statistics_and_classes_against_numpy():
    rng = np.random.default_rng(8)
    asset_ids = np.repeat(np.arange(5), [10, 2, 30, 7, 12])
    velocities = np.concatenate([rng.normal(0, 0.5, 10), rng.normal(-9, 1, 2), rng.normal(-7, 1, 30),
                                 rng.normal(-3, 0.5, 7), rng.normal(0.5, 0.7, 12)])
    stds = np.full(velocities.size, 0.7)
    stats = asset_statistics(asset_ids, velocities, 6, stds=stds, stable=2.0, alert=5.0, min_points=3)
    for asset in range(5):
        values = velocities[asset_ids == asset]
        assert stats.count[asset] == values.size
        assert stats.median[asset] == pytest.approx(np.median(values))
        assert stats.mean[asset] == pytest.approx(values.mean())
        assert stats.p10[asset] == pytest.approx(np.percentile(values, 10))
        assert stats.p90[asset] == pytest.approx(np.percentile(values, 90))
        assert stats.max_abs[asset] == pytest.approx(np.abs(values).max())
        assert stats.share_unstable[asset] == pytest.approx((np.abs(values) > 2).mean())
    assert stats.category.tolist() == [STABLE, INSUFFICIENT, ALERT, WATCH, STABLE, INSUFFICIENT]
    assert stats.count[5] == 0 and np.isnan(stats.median[5])
    by_std = asset_statistics(asset_ids, velocities, 6, stds=stds, std_multiple=3.0)  # stable within 2.1 mm/yr
    assert by_std.category[3] == WATCH and by_std.category[2] == ALERT
    with pytest.raises(AnalysisError):
        asset_statistics(asset_ids, velocities, 6, std_multiple=3.0)


def test_vertical_conversion():
    np.testing.assert_allclose(vertical([-4.0, 2.0, 1.0], [0.8, 0.5, 0.05]), [-5.0, 4.0, np.nan])


def test_worst_distortion_and_skempton_classes():
    from territoire_plugin.analysis.ground_motion import worst_distortion

    # Four corners of a 20 m × 10 m building; one corner settled 60 mm more than its neighbour 10 m away.
    x, y = [0, 20, 20, 0], [0, 0, 10, 10]
    d = [-10.0, -12.0, -14.0, -70.0]
    result = worst_distortion(x, y, d)
    # Pairs: (0,3) 60 mm over 10 m → 1/167; (2,3) 56 mm over 20 m; (1,3) 58 mm over 22.4 m.
    assert {result.first, result.second} == {0, 3}
    assert result.beta == pytest.approx(0.060 / 10.0) and result.distance_m == pytest.approx(10.0)
    assert result.category == "cosmetic cracking"  # 1/167: between 1/300 and 1/150
    assert worst_distortion(x, y, [-10, -10.5, -11, -10.8]).category == "negligible"
    assert worst_distortion([0, 5], [0, 0], [0, 40]).category == "structural damage"  # 1/125
    assert worst_distortion([0, 1], [0, 0], [0, 5]) is None  # closer than 3 m: not a pair


@pytest.mark.parametrize("beta, horizontal, category", [
    (1 / 2500, 0.0, "negligible"), (1 / 800, 0.0, "very slight"),
    (1 / 500, 0.0, "slight"), (1 / 250, 0.0, "moderate"), (1 / 150, 0.0, "severe"),
    (0.0, 0.0004, "negligible"), (0.0, 0.0006, "very slight"), (1 / 1000, 0.001, "slight"),
])
def test_boscardin_cording_tensile_strain(beta, horizontal, category):
    from territoire_plugin.analysis.ground_motion import tensile_strain

    # Independent reference: the largest principal strain of [[εh, β/2], [β/2, 0]].
    expected = np.linalg.eigvalsh([[horizontal, beta / 2], [beta / 2, 0.0]]).max()
    strain, found = tensile_strain(beta, horizontal)
    assert strain == pytest.approx(expected)
    assert found == category


def test_chainage_and_steepest_gradient_along_a_line():
    from territoire_plugin.analysis.ground_motion import chainage_along, steepest_gradient

    line = np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 50.0]])  # 150 m, with a bend
    s = chainage_along([10, 60, 101, 99], [2, -3, 20, 45], line)
    np.testing.assert_allclose(s, [10, 60, 120, 145])
    # Displacements along a bridge: quiet, then a pier settling 60 mm over 15 m.
    result = steepest_gradient([0, 30, 45, 60, 90], [0, -2, -62, -3, -4])
    assert {result.first, result.second} == {1, 2} and result.distance_m == 15
    assert result.beta == pytest.approx(0.060 / 15) and result.category == "cosmetic cracking"


def test_columnar_read_gives_nan_for_null_values(tmp_path):
    from osgeo import osr

    from territoire_plugin.analysis.ground_motion import read_points_columnar

    ogr.UseExceptions()
    path = str(tmp_path / "points.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("points", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("velocity", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("velocity_std", ogr.OFTReal))
    for i, (velocity, std) in enumerate([(1.5, 0.4), (None, 0.6), (-2.0, None)]):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({660000 + i} 6360000)"))
        if velocity is not None:
            feature["velocity"] = velocity
        if std is not None:
            feature["velocity_std"] = std
        layer.CreateFeature(feature)
    layer = source = None
    x, y, columns = read_points_columnar(path, "points", ["velocity", "velocity_std"])
    np.testing.assert_array_equal(x, [660000, 660001, 660002])
    np.testing.assert_array_equal(columns["velocity"], [1.5, np.nan, -2.0])  # a null is not a 0 mm/yr point
    np.testing.assert_array_equal(columns["velocity_std"], [0.4, 0.6, np.nan])
