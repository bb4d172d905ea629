"""IGN Géoplateforme WMTS: the tiles of a basemap over an area, mosaicked into one georeferenced image.

KVP GetTile on the ``PM`` tile matrix set (Web Mercator, 256-pixel tiles, origin at the top left, level z has
2^z × 2^z tiles): ``<wmts>?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=<layer>&STYLE=normal&FORMAT=<image>
&TILEMATRIXSET=PM&TILEMATRIX=<z>&TILEROW=<row>&TILECOL=<col>`` (reference/partner-services.md, "IGN Géoplateforme";
IGN's WMTS documentation). Tiles go through the plugin's HTTP client and cache: a basemap fetched once is there
offline. Used for the report's maps (the project itself keeps live XYZ layers).
"""

from __future__ import annotations

import math
from pathlib import Path

from osgeo import gdal

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, service_error
from ..core.grid import dataset_from_bytes

PLAN_IGN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
ORIGIN = 20037508.342789244  # half the PM matrix's side, metres
TILE = 256
MAX_LEVEL = 19
#: At most this many tiles for one image (a larger area takes a coarser level).
MAX_TILES = 120
#: A tile is used from the cache for 90 days, and offline for ever.
TILE_MAX_AGE_S = 90 * 86400
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def tile_url(base: str, layer: str, z, row, col, image: str = "image/png") -> str:
    """The GetTile URL of one tile (or, given "{z}", "{y}", "{x}", the XYZ template QGIS draws the project's layers
    with)."""
    return (f"{base}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=normal&FORMAT={image}"
            f"&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={row}&TILECOL={col}")


def tile_span(z: int) -> float:
    """The side of one tile of level ``z``, in Web Mercator metres."""
    return 2 * ORIGIN / 2 ** z


def tiles_for(bounds, width_px: int) -> tuple[int, range, range]:
    """(level, rows, columns) covering ``bounds`` (xmin, ymin, xmax, ymax in EPSG:3857) at about ``width_px``
    pixels across, coarser when that would take more than :data:`MAX_TILES` tiles."""
    xmin, ymin, xmax, ymax = bounds
    if not (xmax > xmin and ymax > ymin) or not all(math.isfinite(v) for v in bounds):
        raise ValueError(f"empty or invalid area {bounds}")
    z = max(0, min(MAX_LEVEL, math.ceil(math.log2(2 * ORIGIN * width_px / (TILE * (xmax - xmin))))))
    while True:
        span = tile_span(z)
        last = 2 ** z - 1
        cols = range(max(0, int((xmin + ORIGIN) // span)), min(last, int((xmax + ORIGIN) // span)) + 1)
        rows = range(max(0, int((ORIGIN - ymax) // span)), min(last, int((ORIGIN - ymin) // span)) + 1)
        if len(rows) * len(cols) <= MAX_TILES or z == 0:
            return z, rows, cols
        z -= 1


def check_image(content: bytes) -> None:
    """A tile must be a PNG or a JPEG (a service in trouble answers an XML exception or a web page)."""
    if not content.startswith(MAGIC):
        raise service_error(
            "wmts_not_an_image",
            QT_TRANSLATE_NOOP("AnalysisError", "The basemap service answered something that is not an image "
                                               "({start}…)."),
            start=content[:40].decode("utf-8", "replace"))


def mosaic(client, base: str, bounds, width_px: int, target: Path, *, layer: str = PLAN_IGN,
           image: str = "image/png", is_canceled=lambda: False) -> Path:
    """The tiles over ``bounds`` (EPSG:3857) mosaicked into an RGB GeoTIFF ``target`` (EPSG:3857, DEFLATE);
    each tile through ``client.get_bytes`` (cached). Raises ServiceError when a tile cannot be had."""
    import numpy as np

    z, rows, cols = tiles_for(bounds, width_px)
    span = tile_span(z)
    canvas = np.zeros((3, len(rows) * TILE, len(cols) * TILE), np.uint8)
    for i, row in enumerate(rows):
        for j, col in enumerate(cols):
            if is_canceled():
                raise Cancelled()
            content = client.get_bytes(tile_url(base, layer, z, row, col, image), max_age_s=TILE_MAX_AGE_S,
                                       namespace="wmts", validate=check_image)
            canvas[:, i * TILE:(i + 1) * TILE, j * TILE:(j + 1) * TILE] = decode_tile(content)
    target = Path(target)
    dataset = gdal.GetDriverByName("GTiff").Create(str(target), canvas.shape[2], canvas.shape[1], 3, gdal.GDT_Byte,
                                                   options=["COMPRESS=DEFLATE", "TILED=YES", "PHOTOMETRIC=RGB"])
    dataset.SetGeoTransform((-ORIGIN + cols.start * span, span / TILE, 0, ORIGIN - rows.start * span, 0,
                             -span / TILE))
    dataset.SetProjection(_mercator_wkt())
    for band in range(3):
        dataset.GetRasterBand(band + 1).WriteArray(canvas[band])
    dataset = None
    return target


def decode_tile(content: bytes):
    """The tile's RGB bands (3 × 256 × 256 uint8), whatever its colour model (paletted, grey, RGBA)."""
    import numpy as np

    try:
        with dataset_from_bytes(content, suffix="") as dataset:
            if dataset is None or dataset.RasterXSize != TILE or dataset.RasterYSize != TILE:
                raise service_error("wmts_not_an_image", QT_TRANSLATE_NOOP(
                    "AnalysisError", "The basemap service answered a tile that cannot be read."))
            rgb = gdal.Translate("", dataset, format="MEM", rgbExpand="rgb") \
                if dataset.GetRasterBand(1).GetColorTable() is not None else dataset
            bands = [rgb.GetRasterBand(min(b, rgb.RasterCount)).ReadAsArray() for b in (1, 2, 3)]
            rgb = dataset = None
        return np.stack(bands).astype(np.uint8)
    except RuntimeError as error:
        raise service_error("wmts_not_an_image", QT_TRANSLATE_NOOP(
            "AnalysisError", "The basemap service answered a tile that cannot be read ({error})."),
            error=str(error)) from error


def _mercator_wkt() -> str:
    from ..core.grid import srs_of

    return srs_of(3857).ExportToWkt()
