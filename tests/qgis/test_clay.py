"""territoire:clay_shrink_swell on the sample town: the real Olemps footprints, its EGMS points (a patch of swelling
clay whose houses swing with the seasons and sink deeper in the dry summers 2019 and 2022, a subsiding
neighbourhood elsewhere), the exposure and decrees of the local Géorisques. The classes are checked against what the
generator made, not against the algorithm's own numbers."""

from __future__ import annotations

import math

import pytest


def run(name, parameters):
    from qgis import processing

    return processing.run(f"territoire:{name}", parameters)


@pytest.fixture(scope="module")
def clay_inputs(town, tmp_path_factory, qgis_app, qgis_processing):
    from conftest import register_provider

    register_provider()
    folder = tmp_path_factory.mktemp("clay")
    egms = run("import_egms", {"INPUT": str(town["egms"]), "OUTPUT": str(folder / "egms.gpkg")})["OUTPUT"]
    buildings = str(town["folder"] / "buildings.geojson")
    risks = run("download_georisques", {"COMMUNE": "12174", "BUILDINGS": buildings,
                                        "OUTPUT": str(folder / "georisques.gpkg")})["OUTPUT"]
    return {"egms": egms, "buildings": buildings, "exposure": f"{risks}|layername=exposition_argiles",
            "decrees": f"{risks}|layername=catnat", "folder": folder}


def test_the_swelling_houses_are_to_inspect_and_the_rest_is_classed_by_the_rule(clay_inputs, town, tmp_path):
    from qgis.core import QgsVectorLayer

    from testing.sample_town import CLAY

    out = tmp_path / "clay.gpkg"
    result = run("clay_shrink_swell", {"POINTS": clay_inputs["egms"], "BUILDINGS": clay_inputs["buildings"],
                                       "EXPOSURE": clay_inputs["exposure"], "DECREES": clay_inputs["decrees"],
                                       "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "clay", "ogr")
    rows = {f["cleabs"]: f for f in layer.getFeatures()}
    assert len(rows) == len(town["buildings"])
    swelling = {town["buildings"][n]["properties"]["cleabs"] for n in town["swelling"]}
    moved = {town["buildings"][n]["properties"]["cleabs"] for n in town["moved"]}
    assert len(swelling) > 20
    inspect = {key for key, f in rows.items() if f["clay_class"] == 3}
    assert len(inspect & swelling) >= 0.85 * len(swelling), (len(inspect & swelling), len(swelling))
    assert result["INSPECT"] == len(inspect) and result["DROUGHT_DECREES"] == 3
    (cx, cy), _, medium, amplitude = CLAY
    for key in inspect:  # only on medium or high exposure, near the patch
        feature = rows[key]
        centre = feature.geometry().centroid().asPoint()
        assert feature["clay_worst"] >= 2 and math.hypot(centre.x() - cx, centre.y() - cy) < medium + 400
    # The patch's houses: their seasonal swing about the generator's amplitude (±30 % between points), sinking
    # deeper in the dry summers the series covers (2019 and 2022 of the decrees; not 2003).
    amplitudes = sorted(rows[key]["clay_amplitude"] for key in swelling)
    assert 0.6 * amplitude < amplitudes[len(amplitudes) // 2] < 1.4 * amplitude
    assert all(rows[key]["clay_dry_years"] == "2019, 2022" for key in swelling)
    assert sorted(rows[key]["clay_dry_drop"] for key in swelling)[len(swelling) // 2] < -4
    # The subsiding neighbourhood (low exposure, −8 mm/yr): to watch, not to inspect.
    watched = [rows[key]["clay_class"] for key in moved if key in rows]
    assert watched and sum(c == 2 for c in watched) >= 0.8 * len(watched) and 3 not in watched
    # Elsewhere, on low exposure with noise and thermal dilation only: mostly no sign.
    quiet = [f["clay_class"] for key, f in rows.items() if key not in swelling | moved and f["clay_worst"] == 1]
    assert sum(c == 1 for c in quiet) >= 0.9 * len(quiet)
    assert layer.fields().field("clay_class_label").name() and layer.renderer().type() in (
        "categorizedSymbol", "singleSymbol")


def test_a_series_without_the_dry_summers_is_insufficient_data(clay_inputs, tmp_path):
    """Drought decrees only for 2003, which the 2019–2023 series does not cover: every building « insufficient
    data », and a warning saying why."""
    from qgis.core import QgsVectorLayer

    decrees = QgsVectorLayer("None?field=secheresse:integer&field=debut:string&field=fin:string", "d", "memory")
    from qgis.core import QgsFeature

    feature = QgsFeature(decrees.fields())
    feature.setAttributes([1, "2003-07-01", "2003-09-30"])
    decrees.dataProvider().addFeatures([feature])
    out = tmp_path / "clay.gpkg"
    result = run("clay_shrink_swell", {"POINTS": clay_inputs["egms"], "BUILDINGS": clay_inputs["buildings"],
                                       "EXPOSURE": clay_inputs["exposure"], "DECREES": decrees,
                                       "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "clay", "ogr")
    assert {f["clay_class"] for f in layer.getFeatures()} == {0}
    assert result["INSUFFICIENT"] == layer.featureCount() and result["INSPECT"] == 0


def test_an_exposure_layer_without_its_field_is_refused(clay_inputs, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as caught:
        run("clay_shrink_swell", {"POINTS": clay_inputs["egms"], "BUILDINGS": clay_inputs["buildings"],
                                  "EXPOSURE": clay_inputs["buildings"], "OUTPUT": str(tmp_path / "c.gpkg")})
    assert "code_exposition" in str(caught.value)
