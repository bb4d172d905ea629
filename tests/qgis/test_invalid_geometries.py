"""Invalid geometries (a bow tie) follow the Processing context's policy — stop with a clear message, skip and
say so, or take as they are — with the interpreter intact afterwards and no temporary file left. Before, QGIS's
feature iterator threw its C++ exception through Python's iteration: the next statement failed with
"SystemError: unknown opcode" (QGIS 3.22)."""

from pathlib import Path

import algorithm_inputs
import pytest

inputs = algorithm_inputs.inputs  # the module's fixture

BOW_TIE = "POLYGON(({x} {y}, {x2} {y2}, {x2} {y}, {x} {y2}, {x} {y}))"
SQUARE = "POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))"


def polygons(path: Path, corner, size=60.0):
    """A GeoPackage layer (EPSG:2154) of a square (fid 1) and a bow tie (fid 2) beside it, near ``corner``."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("assets", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    x, y = corner
    for name, template, dx in (("square", SQUARE, 0.0), ("bow tie", BOW_TIE, 2 * size)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(template.format(x=x + dx, y=y, x2=x + dx + size, y2=y + size)))
        layer.CreateFeature(feature)
    source = None
    return str(path)


def points(path: Path, corner):
    """Ground-motion points inside both polygons of :func:`polygons` (velocity -6 mm/year)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("points", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("velocity", ogr.OFTReal))
    x, y = corner
    for dx in (10.0, 20.0, 30.0, 130.0, 135.0, 140.0):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("velocity", -6.0)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x + dx} {y + 30.0})"))
        layer.CreateFeature(feature)
    source = None
    return str(path)


def context_with(policy: str):
    from qgis.core import QgsProcessingContext

    from territoire_plugin.toolbelt import compat

    context = QgsProcessingContext()
    context.setInvalidGeometryCheck({"stop": compat.GEOMETRY_ABORT_ON_INVALID, "skip": compat.GEOMETRY_SKIP_INVALID,
                                     "none": compat.GEOMETRY_NO_CHECK}[policy])
    return context


class Feedback:
    @staticmethod
    def make():
        from qgis.core import QgsProcessingFeedback

        class Kept(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def pushWarning(self, warning):  # noqa: N802 - Qt API
                self.warnings.append(warning)

        return Kept()


def temporary_leftovers() -> set:
    from qgis.core import QgsProcessingUtils

    return {p.name for p in Path(QgsProcessingUtils.tempFolder()).rglob("territoire*")}


def interpreter_is_sound():
    """Statements that failed after the C++ exception: an import, a call into the standard library."""
    import importlib
    import json

    assert json.loads(json.dumps({"a": [1, 2.5]})) == {"a": [1, 2.5]}
    assert importlib.import_module("io").BytesIO(b"ok").read() == b"ok"


@pytest.mark.parametrize("memory", [False, True], ids=["file", "memory layer"])
@pytest.mark.parametrize("policy", ["stop", "skip", "none"])
def test_ground_motion_assets_follows_the_invalid_geometry_policy(provider, tmp_path, policy, memory):
    from qgis import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsVectorLayer

    corner = (664000.0, 6360000.0)
    assets = polygons(tmp_path / "assets.gpkg", corner)
    if memory:  # no columnar read: QGIS's features only
        assets = QgsVectorLayer(assets, "assets", "ogr").materialize(QgsFeatureRequest())
    params = {"POINTS": points(tmp_path / "points.gpkg", corner), "ASSETS": assets, "BUFFER_POLYGON": 0.0,
              "MIN_POINTS": 1, "OUTPUT": str(tmp_path / "out.gpkg")}
    feedback = Feedback.make()
    if policy == "stop":
        with pytest.raises(QgsProcessingException, match="The feature 2 of the layer .* has an invalid geometry"):
            processing.run("territoire:ground_motion_assets", params, context=context_with(policy),
                           feedback=feedback)
        interpreter_is_sound()
        assert not (tmp_path / "out.gpkg").exists()
        return
    result = processing.run("territoire:ground_motion_assets", params, context=context_with(policy),
                            feedback=feedback)
    interpreter_is_sound()
    out = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    names = sorted(f["name"] for f in out.getFeatures())
    if policy == "skip":
        assert names == ["square"]
        assert any("left out for an invalid geometry: 1." in w for w in feedback.warnings), feedback.warnings
    else:
        assert names == ["bow tie", "square"]
        assert not feedback.warnings
    square = next(f for f in out.getFeatures() if f["name"] == "square")
    assert square["gm_points"] == 3 and square["gm_median"] == pytest.approx(-6.0)


def test_greening_on_an_invalid_planting_stops_cleanly(provider, inputs, tmp_path):
    from osgeo import gdal
    from qgis import processing
    from qgis.core import QgsProcessingException

    info = gdal.Info(inputs["lst"], format="json")
    x, y = info["cornerCoordinates"]["center"]
    plantings = polygons(tmp_path / "plantings.gpkg", (x - 150.0, y - 30.0))
    before = temporary_leftovers()
    with pytest.raises(QgsProcessingException, match="invalid geometry"):
        processing.run("territoire:greening_scenario", {
            "LST": inputs["lst"], "NDVI": inputs["ndvi"], "PLANTING": plantings, "BUILDINGS": inputs["buildings"],
            "OUTPUT": str(tmp_path / "g.tif"), "OUTPUT_SUMMARY": str(tmp_path / "g.gpkg")},
            context=context_with("stop"), feedback=Feedback.make())
    interpreter_is_sound()
    assert temporary_leftovers() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plantings.gpkg"]
