"""analysis/twin/canopy.py: which pixels of a LiDAR HD height model are trees, and their patches."""

import numpy as np
from osgeo import ogr

from territoire_plugin.analysis.twin.canopy import canopy_classes, class_heights, write_polygons


def test_classes_by_height_with_the_buildings_and_their_margin_left_out():
    heights = np.array([[1.0, 3.0, 7.9, 8.0, 15.0, np.nan],
                        [20.0, 20.0, 20.0, 20.0, 20.0, 20.0],
                        [20.0, 20.0, 20.0, 20.0, 20.0, 20.0]], np.float32)
    built = np.zeros(heights.shape, bool)
    built[2, 0] = True  # a building 20 m high: not a tree, nor its neighbours (the model's edge of the roof)
    classes = canopy_classes(heights, built)
    assert classes[0].tolist() == [0, 1, 1, 2, 3, 0]
    assert classes[1].tolist() == [0, 3, 3, 3, 3, 3] and classes[2].tolist() == [0, 0, 3, 3, 3, 3]
    assert class_heights(heights, classes) == {1: float(np.median(np.float32([3.0, 7.9]))), 2: 8.0, 3: 20.0}


def test_patches_are_polygons_with_their_class_height(tmp_path):
    classes = np.zeros((10, 10), np.uint8)
    classes[1:4, 1:4] = 2  # one wood
    classes[6:9, 6:9] = 2  # another
    classes[6:8, 1:3] = 1  # a thicket
    path = tmp_path / "arbres.gpkg"
    count = write_polygons(classes, (660000.0, 5.0, 0.0, 6360050.0, 0.0, -5.0), {1: 5.5, 2: 14.0}, str(path),
                           "arbres")
    assert count == 3
    dataset = ogr.Open(str(path))  # kept while its layer is read
    layer = dataset.GetLayerByName("arbres")
    found = sorted((f.GetField("classe"), f.GetField("hauteur"), round(f.GetGeometryRef().GetArea()))
                   for f in layer)
    assert found == [(1, 5.5, 100), (2, 14.0, 225), (2, 14.0, 225)]
