"""analysis/twin/vegetation.py: BD TOPO's vegetation zones as trees where the LiDAR HD height model has no data —
only their part there, at the height stated for their nature, in the canopy's height classes."""

import numpy as np
import pytest
from osgeo import ogr

from territoire_plugin.analysis.twin.canopy import write_polygons
from territoire_plugin.analysis.twin.vegetation import BDTOPO, HEIGHTS, add_zones, height_class, uncovered, zone_rows

#: A 5 m grid of 20 × 40 cells from (660000, 6360100): no data east of x = 660100 (the last 20 columns).
GEOTRANSFORM = (660000.0, 5.0, 0.0, 6360100.0, 0.0, -5.0)


def model():
    heights = np.full((20, 40), 2.0, np.float32)
    heights[:, 20:] = np.nan
    return heights


def zone(nature, xmin, ymin, xmax, ymax):
    """A GeoJSON feature as the Géoplateforme WFS serves zone_de_vegetation (MultiPolygon, Lambert-93)."""
    ring = [[xmin, ymin], [xmax, ymin], [xmax, ymax], [xmin, ymax], [xmin, ymin]]
    return {"type": "Feature", "id": f"zone_de_vegetation.{nature}",
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
            "properties": {"cleabs": "ZONEVEGE0000000000000001", "nature": nature}}


def test_the_area_without_data_is_the_cells_without_data():
    area = uncovered(model(), GEOTRANSFORM)
    assert area.GetArea() == pytest.approx(20 * 20 * 25.0)
    xmin, xmax, ymin, ymax = area.GetEnvelope()
    assert (xmin, xmax, ymin, ymax) == (660100.0, 660200.0, 6360000.0, 6360100.0)
    assert uncovered(np.ones((3, 3), np.float32), GEOTRANSFORM) is None


def test_zones_keep_their_part_without_lidar_at_their_nature_s_height():
    area = uncovered(model(), GEOTRANSFORM)
    features = [zone("Forêt fermée de feuillus", 660050, 6360020, 660150, 6360060),  # half over LiDAR HD
                zone("Haie", 660120, 6360000, 660190, 6360004),
                zone("Bois", 660000, 6360000, 660090, 6360090),  # all over LiDAR HD: nothing left
                zone("Vigne", 660110, 6360010, 660190, 6360090),  # no tree
                zone("Lande ligneuse", 660110, 6360010, 660190, 6360090)]
    rows = zone_rows(features, area)
    assert [(nature, height, number) for _, nature, height, number in rows] == [
        ("Forêt fermée de feuillus", 15.0, 3), ("Haie", 6.0, 1)]
    assert rows[0][0].GetArea() == pytest.approx(50 * 40)  # 660100–660150 × 6360020–6360060
    assert rows[1][0].GetArea() == pytest.approx(70 * 4)
    whole = zone_rows(features, None)  # no height model at all: every tree zone, whole
    assert [row[1] for row in whole] == ["Forêt fermée de feuillus", "Haie", "Bois"]
    assert whole[0][0].GetArea() == pytest.approx(100 * 40)


def test_classes_of_the_stated_heights():
    assert {nature: height_class(height) for nature, height in HEIGHTS.items()} == {
        "Forêt fermée de feuillus": 3, "Forêt fermée de conifères": 3, "Forêt fermée mixte": 3, "Peupleraie": 3,
        "Bois": 2, "Forêt ouverte": 2, "Haie": 1, "Verger": 1}


def test_zones_join_the_lidar_patches_in_one_layer(tmp_path):
    classes = np.zeros((20, 40), np.uint8)
    classes[2:6, 2:6] = 2
    path = str(tmp_path / "arbres.gpkg")
    assert write_polygons(classes, GEOTRANSFORM, {2: 11.0}, path, "arbres") == 1
    rows = zone_rows([zone("Verger", 660120, 6360010, 660140, 6360030)], uncovered(model(), GEOTRANSFORM))
    assert add_zones(path, "arbres", rows) == 1
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName("arbres")
    got = sorted((f.GetField("source"), f.GetField("classe"), f.GetField("hauteur"), f.GetField("nature"),
                  round(f.GetGeometryRef().GetArea())) for f in layer)
    assert got == [(BDTOPO, 1, 4.0, "Verger", 400), ("LiDAR HD", 2, 11.0, None, 400)]
    # Without a height model, the layer is made with the zones alone.
    alone = str(tmp_path / "zones.gpkg")
    assert add_zones(alone, "arbres", rows) == 1
    assert ogr.Open(alone).GetLayerByName("arbres").GetFeatureCount() == 1
