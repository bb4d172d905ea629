"""Read the window of an area from a remote Cloud-Optimized GeoTIFF with GDAL's /vsicurl/.

GDAL does the HTTP itself (libcurl), so QGIS's proxy settings are passed to it as GDAL
configuration options, set for this thread only. Only the blocks covering the window are
fetched (HTTP Range requests); the local copy is a tiled, compressed GeoTIFF written
atomically.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from osgeo import gdal, osr

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, ServiceError
from ..core.files import atomic_output
from ..core.grid import Grid, window_for_bounds

gdal.UseExceptions()
COG_COPY_OPTIONS = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=2"]


def qgis_proxy_options() -> dict:
    """GDAL HTTP options matching the proxy configured in QGIS (Options ▸ Network)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return {}
    host = settings.value("proxy/proxyHost", "", type=str)
    port = settings.value("proxy/proxyPort", "", type=str)
    options = {"GDAL_HTTP_PROXY": f"{host}:{port}" if port else host} if host else {}
    user = settings.value("proxy/proxyUser", "", type=str)
    if user:
        options["GDAL_HTTP_PROXYUSERPWD"] = f"{user}:{settings.value('proxy/proxyPassword', '', type=str)}"
    return options


@contextmanager
def gdal_http_options(user_agent: str, extra: dict | None = None):
    """Thread-local GDAL options for /vsicurl/ reads of COGs, restored afterwards."""
    options = {
        "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
        "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif,.TIF,.tiff",
        "GDAL_HTTP_USERAGENT": user_agent,
        "GDAL_HTTP_MAX_RETRY": "3",
        "GDAL_HTTP_RETRY_DELAY": "1",
        # One range request at most 30 s, 15 s to connect: a COG read that hangs ends (a cancel waits for it).
        "GDAL_HTTP_TIMEOUT": "30",
        "GDAL_HTTP_CONNECTTIMEOUT": "15",
        "VSI_CACHE": "TRUE",
        "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
        **(extra or {}),
    }
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    for key, value in options.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def read_window(href: str, bounds_lonlat, output: Path, onto: Path | None = None, is_canceled=None,
                validator=None) -> Path:
    """Copy the window covering ``bounds_lonlat`` (west, south, east, north) of the COG at ``href``.

    ``onto``: a window already read from another band of the same scene; this one is then read on exactly its
    grid (nearest neighbour), e.g. Sentinel-2's 20 m SCL onto the 10 m grid of B04/B08, so that the bands of
    one scene always share one grid. ``is_canceled``: checked between the blocks GDAL reads (a cancel stops the
    copy, nothing is kept). ``validator()``: the file's ETag or Last-Modified, asked before and after the read;
    if they differ, the file was replaced while its blocks were read, and the copy is refused rather than
    made of two files."""
    pinned = validator() if validator is not None else None
    try:
        source = gdal.Open(f"/vsicurl/{href}")
    except RuntimeError as exc:
        raise ServiceError(
            "cog_unreadable",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "Cannot read the image {name} from the server ({error}). The link may have expired: run again."
            ),
            name=href.split("?")[0].rsplit("/", 1)[-1], error=str(exc)[:200],
        ) from exc
    grid = Grid.of(source)
    wgs84, target = osr.SpatialReference(), osr.SpatialReference(grid.wkt)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    west, south, east, north = bounds_lonlat
    xmin, ymin, xmax, ymax = osr.CoordinateTransformation(wgs84, target).TransformBounds(west, south, east, north, 21)
    window = window_for_bounds(grid, (xmin, ymin, xmax, ymax))
    if window is None:
        raise ServiceError(
            "cog_outside",
            QT_TRANSLATE_NOOP("AnalysisError", "The image {name} does not cover the area. Pick another scene."),
            name=href.split("?")[0].rsplit("/", 1)[-1],
        )
    def progress(_fraction, _message, _data):
        return 0 if is_canceled is not None and is_canceled() else 1

    def unchanged():
        now = validator() if pinned else None
        if pinned and now and now != pinned:
            raise ServiceError("cog_changed", QT_TRANSLATE_NOOP(
                "AnalysisError", "The image {name} was replaced on the server while it was being read: the copy "
                "was not kept. Run again."), name=href.split("?")[0].rsplit("/", 1)[-1])

    name = href.split("?")[0].rsplit("/", 1)[-1]
    with atomic_output(output) as temporary:
        try:
            reference = Grid.of(gdal.Open(str(onto))) if onto is not None else None
            if reference is not None and not reference.same_as(
                    Grid(window.xsize, window.ysize, window.geotransform(grid), grid.wkt)):
                _read_onto(source, reference, temporary, progress)
            else:
                copy = gdal.Translate(str(temporary), source, srcWin=[window.xoff, window.yoff, window.xsize,
                                                                      window.ysize],
                                      creationOptions=COG_COPY_OPTIONS, callback=progress)
                copy = None  # noqa: F841 - closes the file before it is moved into place
        except RuntimeError as exc:
            if is_canceled is not None and is_canceled():
                raise Cancelled() from exc
            raise ServiceError("cog_unreadable", QT_TRANSLATE_NOOP(
                "AnalysisError", "Cannot read the image {name} from the server ({error}). The link may have "
                "expired: run again."), name=name, error=str(exc)[:200]) from exc
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        unchanged()
    return output


def _read_onto(source, reference: Grid, temporary: Path, progress) -> None:
    """The part of ``source`` under the ``reference`` grid, resampled onto it (nearest neighbour: class bands
    such as SCL keep their classes). Only the blocks under the grid are read."""
    xmin, ymin, xmax, ymax = reference.bounds
    copy = gdal.Warp(str(temporary), source, format="GTiff", dstSRS=reference.wkt,
                     outputBounds=(xmin, ymin, xmax, ymax), width=reference.xsize, height=reference.ysize,
                     resampleAlg="near", creationOptions=COG_COPY_OPTIONS, callback=progress)
    copy = None  # noqa: F841 - closes the file before it is moved into place
