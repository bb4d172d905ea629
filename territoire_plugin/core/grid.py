"""GDAL raster plumbing: opening, SRS and transformations, grids, windows, strips, GeoTIFF writing, cancel checks."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from osgeo import gdal, ogr, osr

from .background import BackgroundWriter
from .errors import QT_TRANSLATE_NOOP, AnalysisError, Cancelled

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

#: Creation options of every GeoTIFF the plugin writes: tiled, compressed, multi-threaded.
GTIFF_OPTIONS = (
    "TILED=YES",
    "BLOCKXSIZE=256",
    "BLOCKYSIZE=256",
    "COMPRESS=DEFLATE",
    "PREDICTOR=3",
    "ZLEVEL=1",
    "NUM_THREADS=ALL_CPUS",
    "BIGTIFF=IF_SAFER",
)
GTIFF_EXTENSIONS = (".tif", ".tiff")
#: Rows processed at once: one row of output tiles.
STRIP_ROWS = 256


def srs_of(code) -> osr.SpatialReference:
    """Spatial reference of an EPSG code or a WKT, always in x/y (longitude/latitude) order."""
    srs = osr.SpatialReference()
    if isinstance(code, int):
        srs.ImportFromEPSG(code)
    else:
        srs.ImportFromWkt(code)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def transformation(source, target) -> osr.CoordinateTransformation:
    """Coordinate transformation between two EPSG codes or WKTs, x/y order on both sides."""
    return osr.CoordinateTransformation(srs_of(source), srs_of(target))


def open_raster(path: str | Path, what: str, georeferenced: bool = True) -> gdal.Dataset:
    """Open a raster read-only; ``what`` names it in the error ("the ST_B10 band"). ``georeferenced``: a raster
    without a position on the ground (no geotransform) or without a CRS is refused, with a clear message (every
    analysis places its pixels)."""
    try:
        dataset = gdal.Open(str(path), gdal.GA_ReadOnly)
    except RuntimeError as exc:
        text = str(exc)
        if not Path(str(path)).exists() and "/vsi" not in str(path):
            raise AnalysisError("raster_missing", QT_TRANSLATE_NOOP(
                "AnalysisError", "{what} ({path}) does not exist. Check the path, or download the data again."),
                what=what, path=path) from exc
        if "not recognized as" in text:
            raise AnalysisError("raster_not_raster", QT_TRANSLATE_NOOP(
                "AnalysisError", "{what} ({path}) is not a raster QGIS can read: another kind of file, or a damaged "
                "one. Check the file (open it in QGIS), or download it again."), what=what, path=path) from exc
        raise AnalysisError(
            "raster_unreadable",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "Cannot open {what} ({path}): {error}. Check that the file is a complete raster "
                "(a download may have been cut short)."
            ),
            what=what, path=path, error=exc,
        ) from exc
    if georeferenced and (dataset.GetGeoTransform(can_return_null=True) is None or not dataset.GetProjection()):
        with reading(what):  # a file cut short may lose its georeferencing tags: say it is truncated, then
            dataset.GetRasterBand(1).ReadAsArray(dataset.RasterXSize - 1, dataset.RasterYSize - 1, 1, 1)
        raise AnalysisError("raster_not_georeferenced", QT_TRANSLATE_NOOP(
            "AnalysisError", "{what} ({path}) is not georeferenced (no position on the ground or no CRS): its pixels "
            "cannot be placed. Use the georeferenced file (a GeoTIFF as published), or georeference it first "
            "(Raster ▸ Georeferencer, or Raster ▸ Projections ▸ Assign Projection)."), what=what, path=path)
    return dataset


@contextmanager
def dataset_from_bytes(content: bytes, suffix: str = ".tif"):
    """The GDAL dataset of an answer held in memory (a tile, a grid), through a /vsimem/ file removed on exit.
    GDAL's own error (RuntimeError) comes out of the block as it is: the caller says what the answer was."""
    from uuid import uuid4

    path = f"/vsimem/territoire_{uuid4().hex}{suffix}"
    gdal.FileFromMemBuffer(path, content)
    try:
        yield gdal.Open(path)
    finally:
        gdal.Unlink(path)


@contextmanager
def reading(what: str):
    """Turn a GDAL read failure inside the block into a clear :class:`AnalysisError`."""
    try:
        yield
    except RuntimeError as exc:
        raise AnalysisError(
            "raster_read_failed",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "Reading {what} failed: {error}. The file is truncated (an interrupted download?) or "
                "damaged: download or copy it again."
            ),
            what=what, error=exc,
        ) from exc


@dataclass(frozen=True)
class Grid:
    """Pixel grid of a raster: size, geotransform and CRS (WKT)."""

    xsize: int
    ysize: int
    geotransform: tuple
    wkt: str

    @classmethod
    def of(cls, dataset: gdal.Dataset) -> Grid:
        return cls(dataset.RasterXSize, dataset.RasterYSize, tuple(dataset.GetGeoTransform()),
                   dataset.GetProjection())

    def same_as(self, other: Grid, tolerance: float = 1e-6) -> bool:
        if (self.xsize, self.ysize) != (other.xsize, other.ysize):
            return False
        pixel = max(abs(self.geotransform[1]), abs(self.geotransform[5]))
        if any(abs(a - b) > tolerance * max(pixel, 1.0) for a, b in zip(self.geotransform, other.geotransform)):
            return False
        if not self.wkt or not other.wkt:
            return self.wkt == other.wkt
        mine, theirs = osr.SpatialReference(self.wkt), osr.SpatialReference(other.wkt)
        return bool(mine.IsSame(theirs))

    def describe(self) -> str:
        srs = osr.SpatialReference(self.wkt) if self.wkt else None
        code = srs.GetAuthorityCode(None) if srs else None
        return (f"{self.xsize}×{self.ysize} px, pixel {self.geotransform[1]:g} m, "
                f"origin ({self.geotransform[0]:.1f}, {self.geotransform[3]:.1f}), "
                f"EPSG:{code or '?'}")

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        x0, dx, _, y0, _, dy = self.geotransform
        xs = (x0, x0 + dx * self.xsize)
        ys = (y0, y0 + dy * self.ysize)
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Window:
    """A pixel window: offsets and size, in pixels of the source grid."""

    xoff: int
    yoff: int
    xsize: int
    ysize: int

    def geotransform(self, grid: Grid) -> tuple:
        x0, dx, rx, y0, ry, dy = grid.geotransform
        return (x0 + self.xoff * dx + self.yoff * rx, dx, rx, y0 + self.xoff * ry + self.yoff * dy, ry, dy)

    @property
    def pixels(self) -> int:
        return self.xsize * self.ysize


def window_for_bounds(grid: Grid, bounds: tuple[float, float, float, float] | None) -> Window | None:
    """Smallest window of whole pixels covering ``bounds`` (xmin, ymin, xmax, ymax), or None if outside.

    With no bounds, the whole grid. Only north-up grids are supported (as Landsat and Sentinel-2 are).
    """
    if bounds is None:
        return Window(0, 0, grid.xsize, grid.ysize)
    x0, dx, rx, y0, ry, dy = grid.geotransform
    if rx or ry:
        raise AnalysisError(
            "rotated_grid",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The raster's grid is rotated; clipping needs a north-up raster. Warp it first "
                "(Raster ▸ Projections ▸ Warp)."
            ),
        )
    xmin, ymin, xmax, ymax = bounds
    col0 = int(max(0, (xmin - x0) // dx))
    col1 = int(min(grid.xsize, -((x0 - xmax) // dx)))
    row0 = int(max(0, (ymax - y0) // dy))
    row1 = int(min(grid.ysize, -((y0 - ymin) // dy)))
    if col1 <= col0 or row1 <= row0:
        return None
    return Window(col0, row0, col1 - col0, row1 - row0)


def strips(window: Window, rows: int = STRIP_ROWS):
    """Yield (row offset inside the window, number of rows) strips covering the window."""
    for start in range(0, window.ysize, rows):
        yield start, min(rows, window.ysize - start)


def check_gtiff_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in GTIFF_EXTENSIONS:
        raise AnalysisError(
            "output_not_tif",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The output {path} must be a GeoTIFF (.tif). Choose a file name ending in .tif."
            ),
            path=path,
        )
    if not path.parent.is_dir():
        raise AnalysisError(
            "output_folder_missing",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The output folder {folder} does not exist. Create it or choose another folder."
            ),
            folder=path.parent,
        )
    return path


def describe_band(dataset: gdal.Dataset, description: str, unit: str, stats, metadata: dict) -> None:
    """Band description, unit, statistics (``stats`` has minimum/maximum/mean/std) and dataset metadata."""
    band = dataset.GetRasterBand(1)
    band.SetStatistics(stats.minimum, stats.maximum, stats.mean, stats.std)
    band.SetDescription(description)
    band.SetUnitType(unit)
    dataset.SetMetadata({key: str(value) for key, value in metadata.items()})


def create_gtiff(path: Path, grid: Grid, window: Window, data_type: int, nodata: float,
                 bands: int = 1) -> gdal.Dataset:
    driver = gdal.GetDriverByName("GTiff")
    options = list(GTIFF_OPTIONS) + (["INTERLEAVE=BAND"] if bands > 1 else [])
    dataset = driver.Create(str(path), window.xsize, window.ysize, bands, data_type, options=options)
    dataset.SetGeoTransform(window.geotransform(grid))
    dataset.SetProjection(grid.wkt)
    for number in range(1, bands + 1):
        dataset.GetRasterBand(number).SetNoDataValue(nodata)
    return dataset


class StripWriter:
    """Writes strips of a band from a background thread, so compression overlaps the next computation.

    Only this thread touches the output dataset; it writes each strip and flushes it out of GDAL's
    cache (which compresses its tiles). One strip waits in the queue at most, so memory stays
    bounded. Use as a context manager: leaving it waits for the last strip, and re-raises any
    write error in the caller's thread.
    """

    def __init__(self, dataset: gdal.Dataset, band_number: int = 1):
        self._dataset = dataset
        self._band = dataset.GetRasterBand(band_number)
        self._writer = BackgroundWriter(self._write, depth=1, name="territoire-strip-writer")

    def _write(self, item) -> None:
        array, row = item
        if array.ndim == 3:  # (bands, rows, columns)
            self._dataset.WriteArray(array, 0, row)
        else:
            self._band.WriteArray(array, 0, row)
        self._dataset.FlushCache()

    def write(self, array, row: int) -> None:
        self._writer.put((array, row))

    def __enter__(self) -> StripWriter:
        return self

    def __exit__(self, *exc_info) -> None:
        self._writer.finish(check=False)
        self._band = self._dataset = None
        if exc_info[0] is None:
            self._writer.raise_if_failed()


class ClipMask:
    """Rasterises clip polygons (WKT in the raster's CRS) strip by strip, pixel centres inside."""

    def __init__(self, wkts: list[str], wkt_crs: str):
        self._driver = ogr.GetDriverByName("Memory")
        self._source = self._driver.CreateDataSource("clip")
        srs = osr.SpatialReference(wkt_crs) if wkt_crs else None
        self._layer = self._source.CreateLayer("clip", srs=srs, geom_type=ogr.wkbUnknown)
        for wkt in wkts:
            feature = ogr.Feature(self._layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            self._layer.CreateFeature(feature)
        self._mem = gdal.GetDriverByName("MEM")

    def read(self, geotransform: tuple, xsize: int, ysize: int):
        target = self._mem.Create("", xsize, ysize, 1, gdal.GDT_Byte)
        target.SetGeoTransform(geotransform)
        gdal.RasterizeLayer(target, [1], self._layer, burn_values=[1])
        band = target.GetRasterBand(1)
        return band.ReadAsArray() == 1


def check_cancel(is_canceled) -> None:
    if is_canceled is not None and is_canceled():
        raise Cancelled()
