"""IGN Géoplateforme elevation: the terrain (and the height of what stands on it) over an area, as a Lambert-93 grid.

WMS-Raster 1.3.0 GetMap on ``https://data.geopf.fr/wms-r`` (IGN, « Service Géoplateforme d'images WMS-Raster »: at
most 40 requests a second): ``?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=<layer>&STYLES=&CRS=EPSG:2154
&BBOX=<xmin,ymin,xmax,ymax>&WIDTH=<w>&HEIGHT=<h>&FORMAT=image/geotiff``; the answer is a GeoTIFF of one Float32
band, no-data −9999 where the layer has nothing (public clients' live probes, e.g. the MNH over Paris, 2026-09);
at most 2048 × 2048 pixels a request (IGN's WMS limit, as happign's client tiles it). A service in trouble answers
an XML ServiceExceptionReport instead. Layers (IGN's capabilities, « LiDAR HD » and « RGE ALTI® » pages):

- ``IGNF_LIDAR-HD_MNT_ELEVATION.ELEVATIONGRIDCOVERAGE.LAMB93``: the LiDAR HD terrain model (50 cm), where LiDAR HD
  has been flown and processed — not yet everywhere;
- ``ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES``: RGE ALTI® (1 to 5 m), the whole country: fills what LiDAR HD lacks;
- ``IGNF_LIDAR-HD_MNH_ELEVATION.ELEVATIONGRIDCOVERAGE.LAMB93``: the LiDAR HD height model (surface minus terrain:
  trees' and buildings' heights), where flown.

Each tile goes through the plugin's client and cache (offline after the first fetch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, service_error
from ..core.files import atomic_output
from ..core.grid import dataset_from_bytes, srs_of

TERRAIN_LIDAR = "IGNF_LIDAR-HD_MNT_ELEVATION.ELEVATIONGRIDCOVERAGE.LAMB93"
TERRAIN_RGE_ALTI = "ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES"
HEIGHT_LIDAR = "IGNF_LIDAR-HD_MNH_ELEVATION.ELEVATIONGRIDCOVERAGE.LAMB93"
#: The terrain layers, best first: a pixel the first lacks is taken from the next.
TERRAIN_LAYERS = (TERRAIN_LIDAR, TERRAIN_RGE_ALTI)
NODATA = -9999.0
#: Largest image the WMS gives in one request, pixels a side.
MAX_SIDE = 2048
#: Elevation changes seldom: a tile is used from the cache for a year, and offline for ever.
MAX_AGE_S = 365 * 86400
TIFF_MAGIC = (b"II*\x00", b"MM\x00*")


def get_map_url(base: str, layer: str, bounds, width: int, height: int) -> str:
    """The GetMap URL of one Float32 GeoTIFF over ``bounds`` (xmin, ymin, xmax, ymax in Lambert-93)."""
    box = ",".join(f"{value:.2f}" for value in bounds)
    return (f"{base}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={layer}&STYLES=&CRS=EPSG:2154&BBOX={box}"
            f"&WIDTH={width}&HEIGHT={height}&FORMAT=image/geotiff")


def check_geotiff(content: bytes) -> None:
    """An answer must be a TIFF (a service in trouble answers an XML exception report or a web page)."""
    if not content.startswith(TIFF_MAGIC):
        raise service_error("elevation_not_a_grid", QT_TRANSLATE_NOOP(
            "AnalysisError", "The IGN elevation service answered something that is not an elevation grid "
                             "({start}…)."), start=content[:80].decode("utf-8", "replace"))


def decode_grid(content: bytes, width: int, height: int) -> np.ndarray:
    """The float32 values of one answer (NaN where it has no data); the grid must be the size asked for."""
    try:
        with dataset_from_bytes(content) as dataset:
            if dataset.RasterXSize != width or dataset.RasterYSize != height or dataset.RasterCount < 1:
                raise service_error("elevation_not_a_grid", QT_TRANSLATE_NOOP(
                    "AnalysisError", "The IGN elevation service answered a grid of {got} pixels where {asked} were "
                                     "asked for."), got=f"{dataset.RasterXSize} × {dataset.RasterYSize}",
                    asked=f"{width} × {height}")
            band = dataset.GetRasterBand(1)
            values = band.ReadAsArray().astype(np.float32)
            nodata = band.GetNoDataValue()
            band = dataset = None
    except RuntimeError as error:
        raise service_error("elevation_not_a_grid", QT_TRANSLATE_NOOP(
            "AnalysisError", "The IGN elevation service answered a grid that cannot be read ({error})."),
            error=str(error)) from error
    missing = ~np.isfinite(values) | (values <= NODATA + 1)
    if nodata is not None:
        missing |= values == np.float32(nodata)
    values[missing] = np.nan
    return values


@dataclass
class GridSummary:
    """What :func:`elevation_grid` made: the file, and the share of pixels each layer gave."""

    path: Path
    shares: dict = field(default_factory=dict)
    #: Share of pixels no layer had (left without data).
    missing: float = 0.0


def tiles_of(bounds, resolution: float):
    """The requests covering ``bounds`` at ``resolution`` metres a pixel: (row, column, bounds, width, height) each,
    at most :data:`MAX_SIDE` pixels a side, and the whole grid's (width, height)."""
    xmin, ymin, xmax, ymax = bounds
    if not (xmax > xmin and ymax > ymin and resolution > 0) or not all(math.isfinite(v) for v in bounds):
        raise ValueError(f"empty or invalid area {bounds}")
    width, height = math.ceil((xmax - xmin) / resolution), math.ceil((ymax - ymin) / resolution)
    tiles = []
    for row in range(0, height, MAX_SIDE):
        for col in range(0, width, MAX_SIDE):
            w, h = min(MAX_SIDE, width - col), min(MAX_SIDE, height - row)
            left, top = xmin + col * resolution, ymax - row * resolution
            tiles.append((row, col, (left, top - h * resolution, left + w * resolution, top), w, h))
    return tiles, (width, height)


def elevation_grid(client, base: str, bounds, resolution: float, target: Path, *, layers=TERRAIN_LAYERS,
                   is_canceled=lambda: False) -> GridSummary:
    """The grid of ``layers`` over ``bounds`` (Lambert-93) at ``resolution`` m, written to the Float32 GeoTIFF
    ``target`` (no-data −9999): each pixel from the first layer that has it. Raises ServiceError when the service
    cannot be reached and nothing is cached."""
    tiles, (width, height) = tiles_of(bounds, resolution)
    grid = np.full((height, width), np.nan, np.float32)
    counts = {layer: 0 for layer in layers}
    for row, col, box, w, h in tiles:
        window = grid[row:row + h, col:col + w]
        for layer in layers:
            if is_canceled():
                raise Cancelled()
            missing = np.isnan(window)
            if not missing.any():
                break
            content = client.get_bytes(get_map_url(base, layer, box, w, h), max_age_s=MAX_AGE_S,
                                       namespace="elevation", validate=check_geotiff)
            values = decode_grid(content, w, h)
            fill = missing & np.isfinite(values)
            window[fill] = values[fill]
            counts[layer] += int(fill.sum())
    target = Path(target)
    with atomic_output(target) as temporary:  # a failed write leaves no half-written grid
        dataset = gdal.GetDriverByName("GTiff").Create(str(temporary), width, height, 1, gdal.GDT_Float32,
                                                       options=["COMPRESS=DEFLATE", "TILED=YES", "PREDICTOR=3"])
        dataset.SetGeoTransform((bounds[0], resolution, 0, bounds[3], 0, -resolution))
        dataset.SetProjection(srs_of(2154).ExportToWkt())
        band = dataset.GetRasterBand(1)
        band.SetNoDataValue(NODATA)
        band.WriteArray(np.where(np.isnan(grid), np.float32(NODATA), grid))
        band = dataset = None
    total = float(width * height)
    return GridSummary(target, {layer: count / total for layer, count in counts.items()},
                       float(np.isnan(grid).sum()) / total)
