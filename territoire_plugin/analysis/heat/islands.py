"""Heat-island intensity against a rural reference, and heat-island polygons.

Intensity = LST − T_ref. By default T_ref is the mean LST of the vegetated (NDVI ≥ threshold),
non-water pixels of a ring around the town: the town's outline buffered by the ring width,
minus the town itself. Or the mean LST of a reference zone the user draws.

Heat islands are the connected areas (8-connectivity) where intensity ≥ a threshold (°C, or a
percentile of the intensity), at least a minimum area, with their area, mean and max intensity
and their rank (1 = hottest on average).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError, Phrase
from ...core.files import atomic_output
from ...core.grid import ClipMask, Grid, check_cancel, reading, strips, window_for_bounds
from ..raster.strips import NODATA, Inputs, RunningStats, map_strips
from ..raster.zonal import zonal_statistics

ogr.UseExceptions()


def require_metric(grid: Grid, what: str) -> None:
    srs = osr.SpatialReference(grid.wkt) if grid.wkt else None
    if srs is None or srs.IsGeographic() or not srs.IsProjected():
        raise AnalysisError("geographic_crs", QT_TRANSLATE_NOOP(
            "AnalysisError", "{what} is in a geographic CRS (degrees): distances and areas need metres. Reproject "
            "it first to a projected CRS (Lambert-93, EPSG:2154, or its UTM zone)."), what=what)


@dataclass
class Reference:
    temperature: float
    pixels: int
    method: str


def reference_temperature(lst_path, *, ndvi_path=None, town_wkt: str | None = None, ring_m: float = 1000.0,
                          ndvi_min: float = 0.5, zone_wkt: str | None = None, is_canceled=None) -> Reference:
    """Mean LST of the reference pixels (see the module's description)."""
    inputs = Inputs.open({"lst": lst_path, "ndvi": ndvi_path})
    require_metric(inputs.grid, Path(lst_path).name)
    if zone_wkt:
        area = ogr.CreateGeometryFromWkt(zone_wkt)
        inside, outside = ClipMask([zone_wkt], inputs.grid.wkt), None
        method = Phrase(QT_TRANSLATE_NOOP("AnalysisError", "mean LST of the reference zone drawn by the user"))
    else:
        if not town_wkt or ndvi_path is None:
            raise AnalysisError("reference_inputs", QT_TRANSLATE_NOOP(
                "AnalysisError", "The reference temperature needs either a reference zone, or the town's outline "
                "and an NDVI raster (to find the vegetated pixels around it)."))
        town = ogr.CreateGeometryFromWkt(town_wkt)
        area = town.Buffer(ring_m, 8)
        inside, outside = ClipMask([area.ExportToWkt()], inputs.grid.wkt), ClipMask([town_wkt], inputs.grid.wkt)
        method = Phrase(QT_TRANSLATE_NOOP(
            "AnalysisError", "mean LST of the pixels with NDVI ≥ {ndvi_min:g} in a {ring_m:g} m ring around the town "
            "(outside the town)"), ndvi_min=float(ndvi_min), ring_m=float(ring_m))
    xmin, xmax, ymin, ymax = area.GetEnvelope()
    window = window_for_bounds(inputs.grid, (xmin, ymin, xmax, ymax))
    total, count = 0.0, 0
    if window is not None:
        lst_band = inputs.datasets["lst"].GetRasterBand(1)
        ndvi_band = inputs.datasets["ndvi"].GetRasterBand(1) if ndvi_path is not None else None
        lst_nodata = lst_band.GetNoDataValue()
        ndvi_nodata = ndvi_band.GetNoDataValue() if ndvi_band is not None else None
        base = window.geotransform(inputs.grid)
        for row, rows in strips(window):
            check_cancel(is_canceled)
            with reading("LST"):
                lst = lst_band.ReadAsArray(window.xoff, window.yoff + row, window.xsize, rows).astype(np.float64)
            strip_gt = (base[0], base[1], base[2], base[3] + row * base[5], base[4], base[5])
            keep = inside.read(strip_gt, window.xsize, rows) & np.isfinite(lst)
            if lst_nodata is not None:
                keep &= lst != lst_nodata
            if outside is not None:
                keep &= ~outside.read(strip_gt, window.xsize, rows)
            if ndvi_band is not None and not zone_wkt:
                with reading("NDVI"):
                    ndvi = ndvi_band.ReadAsArray(window.xoff, window.yoff + row, window.xsize, rows)
                keep &= ndvi >= ndvi_min
                if ndvi_nodata is not None:
                    keep &= ndvi != ndvi_nodata
            total += lst[keep].sum()
            count += int(keep.sum())
    if count == 0:
        raise AnalysisError("no_reference_pixel", QT_TRANSLATE_NOOP(
            "AnalysisError", "No reference pixel: {method} finds none. Widen the ring, lower the NDVI threshold, "
            "or draw a reference zone."), method=method)
    return Reference(total / count, count, method)


def heat_island_intensity(lst_path, output, reference: Reference, *, progress=None,
                          is_canceled=None) -> RunningStats:
    inputs = Inputs.open({"lst": lst_path})
    nodata = inputs.nodata("lst")
    offset = np.float32(reference.temperature)

    def formula(arrays):
        lst = arrays["lst"].astype(np.float32)
        invalid = ~np.isfinite(lst) if nodata is None else (lst == np.float32(nodata)) | ~np.isfinite(lst)
        out = lst - offset
        out[invalid] = NODATA
        return out

    stats = RunningStats()
    map_strips(inputs, output, formula, description="heat-island intensity (°C)", unit="°C",
               metadata={"TERRITOIRE_REFERENCE_C": f"{reference.temperature:.3f}",
                         "TERRITOIRE_REFERENCE_PIXELS": reference.pixels,
                         "TERRITOIRE_REFERENCE_METHOD": reference.method},
               progress=progress, is_canceled=is_canceled, on_strip=stats)
    return stats


def valid_values(path, dtype=np.float32) -> np.ndarray:
    """The valid values (finite, not nodata) of band 1 of a raster, read strip by strip, as ``dtype``."""
    inputs = Inputs.open({"v": path})
    band = inputs.datasets["v"].GetRasterBand(1)
    nodata = band.GetNoDataValue()
    values = []
    window = window_for_bounds(inputs.grid, None)
    for row, rows in strips(window):
        data = band.ReadAsArray(0, row, window.xsize, rows).astype(dtype).ravel()
        data = data[np.isfinite(data) & ((data != nodata) if nodata is not None else True)]
        values.append(data)
    return np.concatenate(values) if values else np.empty(0, dtype)


def percentile_of_raster(path, percentile: float) -> float:
    """Exact percentile of the valid values."""
    if not 0 <= percentile <= 100:
        raise AnalysisError("percentile_range", QT_TRANSLATE_NOOP(
            "AnalysisError", "A percentile lies between 0 and 100; {value:g} was given. For the hottest tenth of "
            "the commune, give 90."), value=percentile)
    joined = valid_values(path)
    if joined.size == 0:
        raise AnalysisError("raster_all_nodata", QT_TRANSLATE_NOOP(
            "AnalysisError", "{name} has no valid pixel (all nodata)."), name=Path(path).name)
    return float(np.percentile(joined, percentile))


@dataclass
class Island:
    fid: int
    area_m2: float
    mean: float
    maximum: float
    rank: int = 0


def heat_islands(intensity_path, output, *, threshold: float, min_area_m2: float = 10000.0,
                 is_canceled=None) -> list[Island]:
    """Polygons of connected pixels ≥ ``threshold`` into a GeoPackage layer ``heat_islands``."""
    inputs = Inputs.open({"v": intensity_path})
    grid = inputs.grid
    require_metric(grid, Path(intensity_path).name)
    band = inputs.datasets["v"].GetRasterBand(1)
    nodata = band.GetNoDataValue()
    scratch = tempfile.TemporaryDirectory(prefix="territoire_islands_")
    mask_ds = gdal.GetDriverByName("GTiff").Create(f"{scratch.name}/mask.tif", grid.xsize, grid.ysize, 1,
                                                   gdal.GDT_Byte, options=["TILED=YES", "COMPRESS=DEFLATE",
                                                                           "BIGTIFF=IF_SAFER"])
    mask_ds.SetGeoTransform(grid.geotransform)
    mask_ds.SetProjection(grid.wkt)
    mask_band = mask_ds.GetRasterBand(1)
    window = window_for_bounds(grid, None)
    for row, rows in strips(window):
        check_cancel(is_canceled)
        data = band.ReadAsArray(0, row, grid.xsize, rows)
        hot = np.isfinite(data) & (data >= threshold)
        if nodata is not None:
            hot &= data != nodata
        mask_band.WriteArray(hot.astype(np.uint8), 0, row)
    srs = osr.SpatialReference(grid.wkt)
    memory = ogr.GetDriverByName("Memory").CreateDataSource("islands")
    raw = memory.CreateLayer("raw", srs=srs, geom_type=ogr.wkbPolygon)
    raw.CreateField(ogr.FieldDefn("hot", ogr.OFTInteger))
    gdal.Polygonize(mask_band, mask_band, raw, 0, ["8CONNECTED=8"])
    mask_band = mask_ds = None
    polygons = [feature.GetGeometryRef().Clone() for feature in raw]
    zones = zonal_statistics(intensity_path, polygons, is_canceled=is_canceled)
    scratch.cleanup()
    pixel_area = abs(grid.geotransform[1] * grid.geotransform[5])
    islands = []
    geometries = {}
    for index, polygon in enumerate(polygons):
        area = zones.count[index] * pixel_area
        if zones.count[index] == 0 or area < min_area_m2:
            continue
        islands.append(Island(index, area, float(zones.mean[index]), float(zones.maximum[index])))
        geometries[index] = polygon
    for rank, island in enumerate(sorted(islands, key=lambda i: -i.mean), start=1):
        island.rank = rank
    _write_islands(output, srs, islands, geometries, threshold)
    memory = None
    return sorted(islands, key=lambda i: i.rank)


def _write_islands(output, srs, islands, geometries, threshold) -> None:
    with atomic_output(Path(output)) as temporary:
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(temporary))
        try:
            layer = dataset.CreateLayer("heat_islands", srs=srs, geom_type=ogr.wkbMultiPolygon)
            for name, kind in (("rank", ogr.OFTInteger), ("area_m2", ogr.OFTReal), ("area_ha", ogr.OFTReal),
                               ("mean_intensity", ogr.OFTReal), ("max_intensity", ogr.OFTReal),
                               ("threshold", ogr.OFTReal)):
                layer.CreateField(ogr.FieldDefn(name, kind))
            layer.StartTransaction()
            for island in sorted(islands, key=lambda i: i.rank):
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetGeometry(ogr.ForceToMultiPolygon(geometries[island.fid]))
                for name, value in (("rank", island.rank), ("area_m2", island.area_m2),
                                    ("area_ha", island.area_m2 / 10000.0), ("mean_intensity", island.mean),
                                    ("max_intensity", island.maximum), ("threshold", threshold)):
                    feature.SetField(name, value)
                layer.CreateFeature(feature)
            layer.CommitTransaction()
        finally:
            dataset = None
