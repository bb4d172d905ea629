"""An English report's legends: the shipped styles' French class labels, written in English."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT


def test_every_shipped_label_has_its_english():
    """Every class label of every shipped style comes out without a French word (a word list read here from the
    labels themselves: anything left with an accent, « à », « et » or a decimal comma is French)."""
    from territoire_plugin.qgis_io.styles import english_label

    labels = set()
    for qml in (ROOT / "territoire_plugin" / "resources" / "styles").glob("*.qml"):
        labels |= set(re.findall(r'label="([^"]+)"', qml.read_text(encoding="utf-8")))
    assert len(labels) > 40
    for label in labels:
        english = english_label(label.replace("&lt;", "<").replace("&gt;", ">"))
        assert not re.search(r"[àâéèêëîôûç]|\bet\b|\bà\b|\d,\d|/an\b", english), (label, english)
    assert english_label("3 à 5 °C") == "3 to 5 °C"
    assert english_label("−1,5 à −0,5 °C") == "−1.5 to −0.5 °C"
    assert english_label("stable (±2 mm/an)") == "stable (±2 mm/yr)"
    assert english_label("point chaud 95 %") == "hot spot 95 %"


@pytest.mark.parametrize("style", ["heat_islands.qml", "ground_motion_assets_polygon.qml", "heat_hotspots.qml"])
def test_a_styled_layer_is_relabelled(qgis_app, style):
    from qgis.core import QgsVectorLayer

    from territoire_plugin.qgis_io.styles import english_label, relabel_in_english

    geometry = "Polygon"
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:2154&field=gm_class:integer&field=gi_class:integer"
                           "&field=mean_intensity:double", "l", "memory")
    message, ok = layer.loadNamedStyle(str(ROOT / "territoire_plugin" / "resources" / "styles" / style))
    assert ok, message
    renderer = layer.renderer()
    before = [c.label() for c in renderer.categories()] if hasattr(renderer, "categories") else \
        [r.label() for r in renderer.ranges()]
    relabel_in_english(layer)
    after = [c.label() for c in renderer.categories()] if hasattr(renderer, "categories") else \
        [r.label() for r in renderer.ranges()]
    assert after == [english_label(label) for label in before] and after != before
