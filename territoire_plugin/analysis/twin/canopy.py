"""Trees for the 3D view, from IGN's LiDAR HD height model (MNH: the height of what stands above the ground).

A pixel is tree canopy when the model says it stands at least :data:`MIN_HEIGHT_M` high and no building is
there (the buildings' footprints, rasterised and widened by one pixel, are left out: the MNH holds them too).
Canopy pixels are classed by height (:data:`CLASSES`) and turned into polygons, one per patch of a class; each
class gets the median height of its pixels, the height its polygons are extruded by in the 3D view. Where the
model has no data (LiDAR HD not flown yet) there is no tree: the log says which share of the commune that is.
"""

from __future__ import annotations

import numpy as np
from osgeo import gdal, ogr, osr

#: Lower bound of a tree: below, grass, crops, hedges and low shrubs.
MIN_HEIGHT_M = 3.0
#: The trees' ``source`` field for these patches.
SOURCE = "LiDAR HD"
#: Height classes (m): shrubs and young trees, trees, tall trees.
CLASSES = ((3.0, 8.0), (8.0, 15.0), (15.0, float("inf")))


def canopy_classes(heights: np.ndarray, built: np.ndarray) -> np.ndarray:
    """uint8 class (0: none, 1…3: :data:`CLASSES`) of each pixel of the height model ``heights`` (NaN: no
    data), buildings ``built`` (bool, same shape) left out with a one-pixel margin."""
    margin = built.copy()
    margin[1:, :] |= built[:-1, :]
    margin[:-1, :] |= built[1:, :]
    margin[:, 1:] |= built[:, :-1]
    margin[:, :-1] |= built[:, 1:]
    out = np.zeros(heights.shape, np.uint8)
    with np.errstate(invalid="ignore"):
        for number, (low, high) in enumerate(CLASSES, start=1):
            out[(heights >= low) & (heights < high) & ~margin] = number
    return out


def class_heights(heights: np.ndarray, classes: np.ndarray) -> dict:
    """Median height (m) of each class present."""
    return {number: float(np.median(heights[classes == number]))
            for number in range(1, len(CLASSES) + 1) if (classes == number).any()}


def footprints(path: str, table: str, geotransform, shape) -> np.ndarray:
    """bool raster (``shape``, ``geotransform``, Lambert-93) of the polygons of ``table`` in the GeoPackage
    ``path``."""
    rows, columns = shape
    memory = gdal.GetDriverByName("MEM").Create("", columns, rows, 1, gdal.GDT_Byte)
    memory.SetGeoTransform(geotransform)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    memory.SetProjection(srs.ExportToWkt())
    source = ogr.Open(path)
    layer = source.GetLayerByName(table)
    gdal.RasterizeLayer(memory, [1], layer, burn_values=[1])
    return memory.GetRasterBand(1).ReadAsArray() > 0


def write_polygons(classes: np.ndarray, geotransform, heights_by_class: dict, path: str, table: str) -> int:
    """The patches of each class as polygons in ``table`` of a new GeoPackage ``path`` (fields classe,
    hauteur, source): their count."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    rows, columns = classes.shape
    memory = gdal.GetDriverByName("MEM").Create("", columns, rows, 1, gdal.GDT_Byte)
    memory.SetGeoTransform(geotransform)
    memory.SetProjection(srs.ExportToWkt())
    band = memory.GetRasterBand(1)
    band.WriteArray(classes)
    band.SetNoDataValue(0)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = target.CreateLayer(table, srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("classe", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0, [])
    layer.CreateField(ogr.FieldDefn("hauteur", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("source", ogr.OFTString))
    layer.StartTransaction()
    count = 0
    for feature in layer:
        feature.SetField("hauteur", heights_by_class.get(feature.GetField("classe"), 0.0))
        feature.SetField("source", SOURCE)
        layer.SetFeature(feature)
        count += 1
    layer.CommitTransaction()
    target = None
    return count
