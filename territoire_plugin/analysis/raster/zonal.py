"""Zonal statistics of a raster over polygons: count, mean and maximum per polygon, in bounded memory.

Two ways, one result:

* zones that do not share pixels (heat islands, 200 m cells): each polygon burns its index into
  a scratch label raster (tiled GeoTIFF on disk) and the values are summed per label, strip by
  strip, with ``numpy.bincount`` — one pass over the raster whatever the number of zones;
* zones that may share pixels (``overlapping``: buildings a few metres apart on 30 m pixels):
  each polygon is rasterised alone over the pixels of its own envelope, so every building
  gets every pixel it covers.

With ``all_touched`` every pixel a polygon touches counts (small buildings keep at least one
pixel); otherwise only pixels whose centre is inside. With ``area_weighted`` (overlapping zones), the
mean weighs each pixel by the area of the polygon it holds: a 109 m² building on 900 m² pixels (the
median case) is not pulled by a pixel it overlaps by a sliver; the maximum stays the hottest pixel
touched.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr, osr

from ...core.grid import check_cancel, strips, window_for_bounds
from .strips import Inputs

gdal.UseExceptions()
ogr.UseExceptions()


@dataclass
class Zones:
    count: np.ndarray
    mean: np.ndarray  # NaN where count is 0
    maximum: np.ndarray  # NaN where count is 0


def zonal_statistics(raster_path, polygons, *, all_touched: bool = False, overlapping: bool = False,
                     is_canceled=None, srs_wkt: str | None = None, band_number: int = 1,
                     area_weighted: bool = False, area_cache: dict | None = None) -> Zones:
    """Statistics of band ``band_number`` of ``raster_path`` for ``polygons`` (OGR geometries or WKT, in the
    raster's CRS). ``area_weighted`` (with ``overlapping``): the mean weighs each pixel by the polygon's area
    in it. ``area_cache``: a dict shared by calls over the same ``polygons`` (e.g. two rasters of one grid), so
    that those areas are computed once."""
    if overlapping:
        return _zone_by_zone(raster_path, polygons, all_touched, is_canceled, band_number, area_weighted,
                             area_cache)
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
            band = inputs.datasets["v"].GetRasterBand(band_number)
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


def _pixel_areas(geometry, geotransform, touched) -> np.ndarray:
    """The area of ``geometry`` within each pixel of ``touched`` (a window's mask, north-up grid), in CRS
    units²."""
    x0, dx, _, y0, _, dy = geotransform
    areas = np.zeros(touched.shape)
    for row, col in zip(*np.nonzero(touched)):
        left, top = x0 + col * dx, y0 + row * dy
        pixel = ogr.CreateGeometryFromWkt(f"POLYGON(({left} {top},{left + dx} {top},{left + dx} {top + dy},"
                                          f"{left} {top + dy},{left} {top}))")
        areas[row, col] = geometry.Intersection(pixel).GetArea()
    return areas


def _zone_by_zone(raster_path, polygons, all_touched, is_canceled, band_number: int = 1,
                  area_weighted: bool = False, area_cache: dict | None = None) -> Zones:
    inputs = Inputs.open({"v": raster_path})
    grid = inputs.grid
    band = inputs.datasets["v"].GetRasterBand(band_number)
    nodata = band.GetNoDataValue()
    mem = gdal.GetDriverByName("MEM")
    ogr_mem = ogr.GetDriverByName("Memory")
    srs = osr.SpatialReference(grid.wkt)
    size = len(polygons)
    counts, means, maxima = np.zeros(size, np.int64), np.full(size, np.nan), np.full(size, np.nan)
    options = ["ALL_TOUCHED=TRUE"] if all_touched else []
    for index, polygon in enumerate(polygons):
        if index % 1000 == 0:
            check_cancel(is_canceled)
        geometry = ogr.CreateGeometryFromWkt(polygon) if isinstance(polygon, str) else polygon
        if geometry is None or geometry.IsEmpty():
            continue
        xmin, xmax, ymin, ymax = geometry.GetEnvelope()
        window = window_for_bounds(grid, (xmin, ymin, xmax, ymax))
        if window is None:
            continue
        data = band.ReadAsArray(window.xoff, window.yoff, window.xsize, window.ysize).astype(np.float64)
        target = mem.Create("", window.xsize, window.ysize, 1, gdal.GDT_Byte)
        target.SetGeoTransform(window.geotransform(grid))
        source = ogr_mem.CreateDataSource("zone")
        layer = source.CreateLayer("zone", srs=srs, geom_type=ogr.wkbUnknown)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
        gdal.RasterizeLayer(target, [1], layer, burn_values=[1], options=options)
        touched = target.GetRasterBand(1).ReadAsArray() == 1
        inside = touched & np.isfinite(data)
        if nodata is not None:
            inside &= data != nodata
        values = data[inside]
        if values.size:
            counts[index], means[index], maxima[index] = values.size, values.mean(), values.max()
            if area_weighted:
                key = (index, grid.geotransform, window)
                areas = area_cache.get(key) if area_cache is not None else None
                if areas is None:
                    areas = _pixel_areas(geometry, window.geotransform(grid), touched)
                    if area_cache is not None:
                        area_cache[key] = areas
                weights = areas[inside]
                if weights.sum() > 0:
                    means[index] = float((values * weights).sum() / weights.sum())
        target = source = layer = feature = None
    return Zones(counts, means, maxima)
