"""Points joined to assets and per-asset statistics, against OGR geometry tests and numpy. No QGIS."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr

from territoire_plugin.analysis.ground_motion.join import join_points
from territoire_plugin.analysis.ground_motion.statistics import (
    ALERT,
    INSUFFICIENT,
    STABLE,
    WATCH,
    asset_statistics,
    vertical,
)
from territoire_plugin.analysis.ground_motion.wkb import Shape
from territoire_plugin.core.errors import AnalysisError


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



def test_points_without_coordinates_belong_to_no_asset_and_leave_the_others_unchanged():
    """Empty points (NaN coordinates) among the others: the pairs of the others are unchanged (indices in the
    full arrays, sorted by asset then point), instead of a grid spoilt by a NaN origin."""
    rng = np.random.default_rng(8)
    x, y = rng.uniform(-20, 420, 3000), rng.uniform(-20, 420, 3000)
    shapes, _ = shapes_and_geometries()
    assets, points = join_points(x, y, shapes, cell=37.0)
    holes = np.array([0, 7, 1500, 3002])  # positions of the empty points in the longer arrays
    xs, ys = np.insert(x, holes - np.arange(4), np.nan), np.insert(y, holes - np.arange(4), np.nan)
    ys[1500] = 50.0  # only one coordinate missing is no location either
    assert np.isnan(xs[holes]).all() and xs.size == 3004
    kept = np.setdiff1d(np.arange(xs.size), holes)
    got_assets, got_points = join_points(xs, ys, shapes, cell=37.0)
    assert assets.size > 100
    np.testing.assert_array_equal(got_assets, assets)
    np.testing.assert_array_equal(got_points, kept[points])
    assert join_points(np.full(3, np.nan), np.zeros(3), shapes)[0].size == 0

def test_membership_matches_ogr_buffers():
    rng = np.random.default_rng(4)
    x, y = rng.uniform(-20, 420, 20000), rng.uniform(-20, 420, 20000)
    shapes, geometries = shapes_and_geometries()
    assets, points = join_points(x, y, shapes, cell=37.0)
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


@pytest.mark.parametrize("chunk_rows", [2_000_000, 50])
@pytest.mark.parametrize("dense_cells", [8_000_000, 0])
def test_membership_matches_ogr_distances_with_long_lines_and_many_assets(monkeypatch, chunk_rows, dense_cells):
    """A 120-vertex winding line (cut into pieces inside the join), multipolygons with holes, point sets and
    assets beyond the points' grid: every pair equals OGR's distance test (inside a polygon = distance 0),
    each pair once, also when the work is split into many small batches, with the dense cell table and with
    the sorted points (the way for grids too large for the table)."""
    from territoire_plugin.analysis.ground_motion import join as ground_motion

    monkeypatch.setattr(ground_motion, "CHUNK_ROWS", chunk_rows)
    monkeypatch.setattr(ground_motion, "MAX_DENSE_CELLS", dense_cells)
    rng = np.random.default_rng(11)
    t = np.linspace(0, 6 * np.pi, 120)
    line = np.column_stack([40 + 3 * t * 10, 300 + 80 * np.sin(t)])
    wkts = ["LINESTRING(" + ",".join(f"{a} {b}" for a, b in line) + ")",
            "MULTIPOLYGON(((0 0,60 0,60 50,0 50,0 0),(10 10,30 10,30 30,10 30,10 10)),((80 0,120 0,100 40,80 0)))",
            "POLYGON((500 500,520 500,520 520,500 520,500 500))",  # beyond every point
            "MULTIPOINT((400 100),(430 120),(460 90))",
            "LINESTRING(-100 -100,-90 -100)"]  # west and south of the grid
    geometries = [ogr.CreateGeometryFromWkt(w) for w in wkts]
    buffers = [12.0, 4.0, 5.0, 25.0, 8.0]
    shapes = [Shape("line", [line], buffers[0]),
              Shape("polygon", [np.array(r.GetPoints())[:, :2] for p in geometries[1] for r in p], buffers[1]),
              Shape("polygon", [np.array(geometries[2].GetGeometryRef(0).GetPoints())[:, :2]], buffers[2]),
              Shape("point", [np.array([[p.GetX(), p.GetY()] for p in geometries[3]])], buffers[3]),
              Shape("line", [np.array(geometries[4].GetPoints())[:, :2]], buffers[4])]
    x, y = rng.uniform(-20, 480, 30000), rng.uniform(-20, 420, 30000)
    assets, points = join_points(x, y, shapes)
    keys = assets * x.size + points
    assert np.unique(keys).size == keys.size and (np.diff(keys) > 0).all()  # once each, sorted
    for number, (geometry, reach) in enumerate(zip(geometries, buffers)):
        expected = {i for i in range(x.size)
                    if geometry.Distance(ogr.CreateGeometryFromWkt(f"POINT({x[i]} {y[i]})")) <= reach}
        got = set(points[assets == number].tolist())
        assert got == expected, (number, len(got ^ expected))
        assert (len(got) > 30) == (number in (0, 1, 3)), number


@pytest.mark.parametrize("wkt, kind, rings", [
    ("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 2))", "polygon", 2),
    ("MULTIPOLYGON Z (((0 0 1,10 0 1,0 10 1,0 0 1)),((20 20 2,30 20 2,20 30 2,20 20 2)))", "polygon", 2),
    ("MULTILINESTRING M ((0 0 5,10 10 6),(3 3 1,4 4 1,5 3 1))", "line", 2),
    ("LINESTRING ZM (1 2 3 4,5 6 7 8)", "line", 1),
    ("POINT (7 8)", "point", 1),
    ("MULTIPOINT ((1 1),(2 2),(3 3))", "point", 1),
    ("GEOMETRYCOLLECTION (POLYGON((0 0,1 0,1 1,0 0)),LINESTRING(5 5,6 6),POINT(9 9))", "polygon", 1),
])
@pytest.mark.parametrize("export", ["ExportToIsoWkb", "ExportToWkb", "big-endian"])
def test_shape_from_wkb_reads_what_ogr_writes(wkt, kind, rings, export):
    """ISO and old-style (flagged Z) WKB, both byte orders: the rings' x, y equal OGR's own points."""
    from territoire_plugin.analysis.ground_motion.wkb import shape_from_wkb

    geometry = ogr.CreateGeometryFromWkt(wkt)
    wkb = geometry.ExportToWkb(ogr.wkbXDR) if export == "big-endian" else getattr(geometry, export)()
    shape = shape_from_wkb(bytes(wkb), {"polygon": 5.0, "line": 15.0, "point": 20.0})
    assert shape.kind == kind and len(shape.parts) == rings
    assert shape.buffer == {"polygon": 5.0, "line": 15.0, "point": 20.0}[kind]
    flat = ogr.ForceTo(geometry.Clone(), ogr.wkbGeometryCollection) if kind != "point" else geometry
    expected = []
    for member in (flat if flat.GetGeometryCount() else [flat]):
        if member.GetGeometryCount():  # polygon: its rings
            expected += [np.array(member.GetGeometryRef(k).GetPoints())[:, :2]
                         for k in range(member.GetGeometryCount())]
        elif kind != "point":
            expected.append(np.array(member.GetPoints())[:, :2])
    if kind == "point":
        expected = [np.array([[p.GetX(), p.GetY()] for p in geometry] if geometry.GetGeometryCount()
                             else [[geometry.GetX(), geometry.GetY()]])]
    expected = expected[:rings]
    for got, want in zip(shape.parts, expected):
        np.testing.assert_array_equal(got, want)


def test_plain_polygons_read_at_once_join_like_their_shapes():
    """The batch WKB reader of plain polygons gives the same pairs as the general per-geometry reader, and
    declines (None) as soon as one geometry is not a plain one-ring 2D polygon."""
    from territoire_plugin.analysis.ground_motion.join import polygons_from_wkbs
    from territoire_plugin.analysis.ground_motion.wkb import shape_from_wkb

    rng = np.random.default_rng(5)
    wkts = []
    for k in range(300):
        x0, y0 = rng.uniform(0, 2000, 2)
        ring = ",".join(f"{x0 + 12 * np.cos(a)} {y0 + 9 * np.sin(a)}" for a in np.linspace(0, 2 * np.pi, 7 + k % 5))
        wkts.append(f"POLYGON(({ring}))" if k % 2 else f"MULTIPOLYGON((({ring})))")
    wkbs = [bytes(ogr.CreateGeometryFromWkt(w).ExportToIsoWkb()) for w in wkts]
    x, y = rng.uniform(0, 2000, 50000), rng.uniform(0, 2000, 50000)
    fast = join_points(x, y, polygons_from_wkbs(wkbs, 5.0))
    general = join_points(x, y, [shape_from_wkb(w, {"polygon": 5.0}) for w in wkbs])
    assert fast[0].size > 300
    np.testing.assert_array_equal(fast[0], general[0])
    np.testing.assert_array_equal(fast[1], general[1])
    for other in ("POLYGON((0 0,1 0,1 1,0 0),(0.2 0.2,0.3 0.2,0.3 0.3,0.2 0.2))",
                  "POLYGON Z ((0 0 1,1 0 1,1 1 1,0 0 1))", "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))",
                  "LINESTRING(0 0,1 1)", "POLYGON EMPTY"):
        assert polygons_from_wkbs(wkbs + [bytes(ogr.CreateGeometryFromWkt(other).ExportToIsoWkb())], 5.0) is None
    big_endian = bytes(ogr.CreateGeometryFromWkt(wkts[0]).ExportToWkb(ogr.wkbXDR))
    assert polygons_from_wkbs(wkbs + [big_endian], 5.0) is None


def test_bounds_of_the_assets_come_from_their_own_buffered_coordinates():
    """The assets' bounds (the ground-motion algorithm's "points within 5 km" check) are OGR's envelopes of
    the geometries grown by each asset's buffer, for shapes and for batch-read polygons alike; no geometry,
    no bounds. They never depend on a provider's layer extent (QGIS 3.40 gives a Null one for a filtered
    GeoPackage layer holding a feature without geometry)."""
    from territoire_plugin.analysis.ground_motion.join import bounds_of, polygons_from_wkbs

    shapes, geometries = shapes_and_geometries()
    envelopes = []
    for geometry, shape in zip(geometries, shapes):
        xmin, xmax, ymin, ymax = geometry.GetEnvelope()
        envelopes.append((xmin - shape.buffer, ymin - shape.buffer, xmax + shape.buffer, ymax + shape.buffer))
    expected = (min(e[0] for e in envelopes), min(e[1] for e in envelopes),
                max(e[2] for e in envelopes), max(e[3] for e in envelopes))
    assert bounds_of(shapes) == pytest.approx(expected)
    assert expected == pytest.approx((-15.0, 30.0, 315.0, 415.0))  # the mast's and the road's buffers count
    square = ogr.CreateGeometryFromWkt("POLYGON((664000 6360000,664010 6360000,664010 6360020,664000 6360000))")
    pieces = polygons_from_wkbs([bytes(square.ExportToIsoWkb())], 2.0)
    assert bounds_of(pieces) == pytest.approx((663998.0, 6359998.0, 664012.0, 6360022.0))
    assert bounds_of([]) is None


def test_shape_from_wkb_of_empty_geometries_is_none():
    from territoire_plugin.analysis.ground_motion.wkb import shape_from_wkb

    for wkt in ("POINT EMPTY", "POLYGON EMPTY", "MULTILINESTRING EMPTY"):
        assert shape_from_wkb(bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb()), {}) is None


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
    from territoire_plugin.analysis.ground_motion.structural import worst_distortion

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
    from territoire_plugin.analysis.ground_motion.structural import tensile_strain

    # Independent reference: the largest principal strain of [[εh, β/2], [β/2, 0]].
    expected = np.linalg.eigvalsh([[horizontal, beta / 2], [beta / 2, 0.0]]).max()
    strain, found = tensile_strain(beta, horizontal)
    assert strain == pytest.approx(expected)
    assert found == category


def test_chainage_and_steepest_gradient_along_a_line():
    from territoire_plugin.analysis.ground_motion.structural import chainage_along, steepest_gradient

    line = np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 50.0]])  # 150 m, with a bend
    s = chainage_along([10, 60, 101, 99], [2, -3, 20, 45], line)
    np.testing.assert_allclose(s, [10, 60, 120, 145])
    # Displacements along a bridge: quiet, then a pier settling 60 mm over 15 m.
    result = steepest_gradient([0, 30, 45, 60, 90], [0, -2, -62, -3, -4])
    assert {result.first, result.second} == {1, 2} and result.distance_m == 15
    assert result.beta == pytest.approx(0.060 / 15) and result.category == "cosmetic cracking"


@pytest.mark.parametrize("driver, extension", [("GPKG", "gpkg"), ("ESRI Shapefile", "shp")])
def test_columnar_read_gives_nan_for_null_values(tmp_path, driver, extension):
    from osgeo import osr

    from territoire_plugin.analysis.ground_motion.columnar import read_points_columnar

    ogr.UseExceptions()
    path = str(tmp_path / f"points.{extension}")
    source = ogr.GetDriverByName(driver).CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("points", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("velocity", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("vel_std", ogr.OFTReal))
    for i, (velocity, std) in enumerate([(1.5, 0.4), (None, 0.6), (-2.0, None)]):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({660000 + i} 6360000)"))
        if velocity is not None:
            feature["velocity"] = velocity
        if std is not None:
            feature["vel_std"] = std
        layer.CreateFeature(feature)
    layer = source = None
    x, y, columns = read_points_columnar(path, "points", ["velocity", "vel_std"])
    np.testing.assert_array_equal(x, [660000, 660001, 660002])
    np.testing.assert_array_equal(columns["velocity"], [1.5, np.nan, -2.0])  # a null is not a 0 mm/yr point
    np.testing.assert_array_equal(columns["vel_std"], [0.4, 0.6, np.nan])


@pytest.mark.parametrize("driver, extension", [("GPKG", "gpkg"), ("ESRI Shapefile", "shp")])
def test_geometries_read_by_columns_are_ogr_s_with_their_ids(tmp_path, driver, extension):
    """Feature ids and ISO WKB of each geometry (polygons of different sizes, a multipolygon, a null
    geometry), in the order OGR reads them, as the feature-by-feature read gives them."""
    from osgeo import osr

    from territoire_plugin.analysis.ground_motion.columnar import read_geometries_columnar

    ogr.UseExceptions()
    path = str(tmp_path / f"assets.{extension}")
    source = ogr.GetDriverByName(driver).CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("assets", srs, ogr.wkbMultiPolygon if driver == "GPKG" else ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    wkts = ["POLYGON((0 0,10 0,10 10,0 0))", None, "POLYGON((0 0,30 0,30 20,10 25,0 20,0 0),(5 5,6 5,6 6,5 5))",
            "MULTIPOLYGON(((50 50,60 50,60 60,50 50)),((70 70,80 70,80 80,70 70)))"]
    for wkt in wkts:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["name"] = "x"
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer = source = None
    source = ogr.Open(path)
    expected = [(f.GetFID(), f.GetGeometryRef().ExportToIsoWkb() if f.GetGeometryRef() else None)
                for f in source.GetLayer(0)]
    source = None
    fids, wkbs = read_geometries_columnar(path, "assets")
    assert fids.dtype == np.int64 and list(zip(fids.tolist(), wkbs)) == expected
    assert wkbs[1] is None and len(set(fids.tolist())) == 4
    assert read_geometries_columnar(str(tmp_path / "missing.gpkg"), None) is None


def test_a_failure_inside_gdal_s_arrow_binding_falls_back_to_reading_feature_by_feature(tmp_path, monkeypatch):
    """GDAL's NumPy reading of an Arrow batch raised a SystemError once, in QGIS 3.40's window: both columnar
    readers answer None (the caller reads feature by feature) instead of stopping the diagnostic."""
    from territoire_plugin.analysis.ground_motion import columnar

    class Layer:
        def GetLayerDefn(self):  # noqa: N802 - OGR's API
            return ogr.FeatureDefn()

        def SetIgnoredFields(self, names):  # noqa: N802 - OGR's API
            pass

        def GetGeometryColumn(self):  # noqa: N802 - OGR's API
            return "geom"

        def GetFIDColumn(self):  # noqa: N802 - OGR's API
            return "fid"

        def GetArrowStreamAsNumPy(self, options=None):  # noqa: N802 - OGR's API
            raise SystemError("<built-in function _RecordBatchAsNumpy> returned a result with an exception set")

    class Source:
        def GetLayerByName(self, name):  # noqa: N802 - OGR's API
            return Layer()

    monkeypatch.setattr(ogr, "Open", lambda path: Source())
    assert columnar.read_points_columnar("x.gpkg", "points", ["velocity"]) is None
    assert columnar.read_geometries_columnar("x.gpkg", "assets") is None


def test_rows_of_matches_ids_read_two_ways_and_statistics_follow():
    from territoire_plugin.analysis.ground_motion.statistics import rows_of

    fids = np.array([5, 3, 9, 1])
    np.testing.assert_array_equal(rows_of(fids, fids), [0, 1, 2, 3])
    np.testing.assert_array_equal(rows_of([9, 5, 1], fids), [2, 0, 3])  # some skipped, another order
    assert rows_of([5, 4], fids) is None and rows_of([1], []) is None
    np.testing.assert_array_equal(rows_of([], []), [])
    stats = asset_statistics(np.array([0, 0, 0, 2, 2, 2, 2]), np.array([-9.0, -8, -7, 0.5, 1, 0, -0.5]), 4)
    taken = stats.take(rows_of([9, 5], fids))
    np.testing.assert_array_equal(taken.count, [4, 3])
    assert taken.category.tolist() == [STABLE, ALERT] and taken.median.tolist() == [0.25, -8.0]
