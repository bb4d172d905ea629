"""Zonal statistics of a raster over polygons: count, mean and maximum per polygon, in bounded memory.

Each polygon burns its index into a scratch label raster (tiled GeoTIFF on disk); the raster's
valid values are then summed per label strip by strip with ``numpy.bincount``. With
``all_touched`` every pixel a polygon touches counts (small buildings keep at least one pixel);
otherwise only pixels whose centre is inside. Where polygons overlap, the last one burnt wins.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr, osr

from .raster import check_cancel, strips, window_for_bounds
from .strips import Inputs

gdal.UseExceptions()
ogr.UseExceptions()


@dataclass
class Zones:
    count: np.ndarray
    mean: np.ndarray  # NaN where count is 0
    maximum: np.ndarray  # NaN where count is 0


def zonal_statistics(raster_path, polygons, *, all_touched: bool = False, is_canceled=None,
                     srs_wkt: str | None = None) -> Zones:
    """Statistics of ``raster_path`` for ``polygons`` (OGR geometries or WKT, in the raster's CRS)."""
    inputs = Inputs.open({"v": raster_path})
    grid = inputs.grid
    size = len(polygons)
    sums, counts, maxima = np.zeros(size), np.zeros(size), np.full(size, -np.inf)
    if size:
        memory = ogr.GetDriverByName("Memory").CreateDataSource("zones")
        layer = memory.CreateLayer("zones", srs=osr.SpatialReference(srs_wkt or grid.wkt), geom_type=ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn("zone", ogr.OFTInteger))
        for index, polygon in enumerate(polygons):
            feature = ogr.Feature(layer.GetLayerDefn())
            geometry = ogr.CreateGeometryFromWkt(polygon) if isinstance(polygon, str) else polygon
            feature.SetGeometry(geometry)
            feature.SetField("zone", index)
            layer.CreateFeature(feature)
        with tempfile.TemporaryDirectory(prefix="territoire_zones_") as scratch:
            labels_ds = gdal.GetDriverByName("GTiff").Create(
                f"{scratch}/labels.tif", grid.xsize, grid.ysize, 1, gdal.GDT_Int32,
                options=["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
            labels_ds.SetGeoTransform(grid.geotransform)
            labels_ds.SetProjection(grid.wkt)
            labels_band = labels_ds.GetRasterBand(1)
            labels_band.Fill(-1)
            options = ["ATTRIBUTE=zone"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
            gdal.RasterizeLayer(labels_ds, [1], layer, options=options)
            band = inputs.datasets["v"].GetRasterBand(1)
            nodata = band.GetNoDataValue()
            for row, rows in strips(window_for_bounds(grid, None)):
                check_cancel(is_canceled)
                labels = labels_band.ReadAsArray(0, row, grid.xsize, rows)
                inside = labels >= 0
                if not inside.any():
                    continue
                data = band.ReadAsArray(0, row, grid.xsize, rows).astype(np.float64)
                inside &= np.isfinite(data)
                if nodata is not None:
                    inside &= data != nodata
                zone, value = labels[inside], data[inside]
                sums += np.bincount(zone, weights=value, minlength=size)
                counts += np.bincount(zone, minlength=size)
                np.maximum.at(maxima, zone, value)
            labels_band = labels_ds = None
        memory = None
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return Zones(counts.astype(np.int64), mean, np.where(counts > 0, maxima, np.nan))
