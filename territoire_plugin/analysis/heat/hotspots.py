"""Getis-Ord Gi* hot spots of a raster, on a regular grid of cells.

The raster's valid pixels are averaged into square cells. For cell i, with binary weights
w_ij = 1 when the centres of i and j are within the distance band (i itself included):

    Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))

X̄ and S are the mean and standard deviation (population) of the n non-empty cells. Gi* is a
z-score; the two-sided p-value is erfc(|z| / √2). Classes: ±3, ±2, ±1 for hot (+) or cold (−)
spots at 99, 95 and 90 % confidence (|z| ≥ 2.576, 1.960, 1.645), 0 otherwise. The sums over
neighbours are convolutions with a disk, done with numpy's FFT.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ...core.grid import check_cancel, strips, window_for_bounds
from ..raster.strips import Inputs

Z_LEVELS = ((2.576, 3), (1.960, 2), (1.645, 1))


@dataclass
class CellGrid:
    values: np.ndarray  # mean per cell, NaN where empty; row 0 is the north
    x0: float
    y0: float  # north-west corner
    cell: float


def aggregate(raster_path, cell_m: float, is_canceled=None) -> CellGrid:
    """Mean of the valid pixels of ``raster_path`` in square cells of ``cell_m`` metres."""
    from ...core.grid import check_cancel
    from .islands import require_metric

    inputs = Inputs.open({"v": raster_path})
    grid = inputs.grid
    require_metric(grid, str(raster_path))
    x0, dx, _, y0, _, dy = grid.geotransform
    if cell_m < abs(dx):
        raise AnalysisError("cell_too_small", QT_TRANSLATE_NOOP(
            "AnalysisError", "The cell size ({cell:g} m) is smaller than a pixel ({pixel:g} m). Choose a cell of "
            "at least one pixel, e.g. {suggestion:g} m."), cell=cell_m, pixel=abs(dx), suggestion=abs(dx) * 4)
    nx = int(math.ceil(grid.xsize * abs(dx) / cell_m))
    ny = int(math.ceil(grid.ysize * abs(dy) / cell_m))
    sums = np.zeros(nx * ny)
    counts = np.zeros(nx * ny)
    band = inputs.datasets["v"].GetRasterBand(1)
    nodata = band.GetNoDataValue()
    columns = ((np.arange(grid.xsize) + 0.5) * abs(dx) // cell_m).astype(np.int64)
    for row, rows in strips(window_for_bounds(grid, None)):
        check_cancel(is_canceled)
        data = band.ReadAsArray(0, row, grid.xsize, rows).astype(np.float64)
        valid = np.isfinite(data)
        if nodata is not None:
            valid &= data != nodata
        cell_rows = ((np.arange(row, row + rows) + 0.5) * abs(dy) // cell_m).astype(np.int64)
        index = (cell_rows[:, None] * nx + columns[None, :])[valid]
        sums += np.bincount(index, weights=data[valid], minlength=nx * ny)
        counts += np.bincount(index, minlength=nx * ny)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(counts > 0, sums / counts, np.nan).reshape(ny, nx)
    return CellGrid(values, x0, y0, cell_m)


def _disk(radius_cells: float) -> np.ndarray:
    reach = int(math.floor(radius_cells + 1e-9))
    offsets = np.arange(-reach, reach + 1)
    return (np.hypot(offsets[:, None], offsets[None, :]) <= radius_cells + 1e-9).astype(np.float64)


def _convolve(array: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Same-size 2-D convolution (zero outside), by FFT."""
    ky, kx = kernel.shape
    shape = (array.shape[0] + ky - 1, array.shape[1] + kx - 1)
    full = np.fft.irfft2(np.fft.rfft2(array, shape) * np.fft.rfft2(kernel, shape), shape)
    oy, ox = ky // 2, kx // 2
    return full[oy:oy + array.shape[0], ox:ox + array.shape[1]]


def getis_ord_gi_star(values: np.ndarray, cell_m: float, distance_m: float) -> np.ndarray:
    """Gi* z-scores (NaN for empty cells) with a binary distance band."""
    if distance_m < cell_m:
        raise AnalysisError("band_too_small", QT_TRANSLATE_NOOP(
            "AnalysisError", "The distance band ({distance:g} m) is shorter than a cell ({cell:g} m): no cell would "
            "have a neighbour. Use at least the cell size, e.g. {suggestion:g} m."),
            distance=distance_m, cell=cell_m, suggestion=cell_m * 3)
    diagonal = math.hypot(*values.shape)
    if distance_m / cell_m >= diagonal:  # checked before the disk of weights is allocated
        raise AnalysisError("band_too_large", QT_TRANSLATE_NOOP(
            "AnalysisError", "The distance band ({distance:g} m) spans the whole area ({cells} cells across): every "
            "cell would be the neighbour of every other, so nothing is local. Use 3 to 5 cells, e.g. "
            "{suggestion:g} m."), distance=distance_m, cells=int(diagonal), suggestion=cell_m * 4)
    mask = np.isfinite(values)
    n = int(mask.sum())
    if n < 3:
        raise AnalysisError("too_few_cells", QT_TRANSLATE_NOOP(
            "AnalysisError", "Only {n} cells have data: hot spots need many more. Use smaller cells or a larger "
            "area."), n=n)
    x = np.where(mask, values, 0.0)
    kernel = _disk(distance_m / cell_m)
    neighbour_sum = _convolve(x, kernel)
    weights = np.rint(_convolve(mask.astype(np.float64), kernel))
    mean = x[mask].mean()
    spread = math.sqrt(max((x[mask] ** 2).mean() - mean**2, 0.0))
    if spread == 0:
        raise AnalysisError("constant_values", QT_TRANSLATE_NOOP(
            "AnalysisError", "All cells have the same value: there is no hot or cold spot to find."))
    with np.errstate(invalid="ignore", divide="ignore"):
        denominator = spread * np.sqrt((n * weights - weights**2) / (n - 1))
        z = (neighbour_sum - mean * weights) / denominator
    z[~mask | (denominator <= 0)] = np.nan
    return z


def p_values(z: np.ndarray) -> np.ndarray:
    erfc = np.vectorize(math.erfc, otypes=[np.float64])
    out = np.full(z.shape, np.nan)
    finite = np.isfinite(z)
    out[finite] = erfc(np.abs(z[finite]) / math.sqrt(2.0))
    return out


def classes(z: np.ndarray) -> np.ndarray:
    out = np.zeros(z.shape, dtype=np.int8)
    magnitude = np.abs(np.nan_to_num(z))
    for threshold, level in reversed(Z_LEVELS):
        out[magnitude >= threshold] = level
    return (out * np.sign(np.nan_to_num(z))).astype(np.int8)


def write_cells(path, grid: CellGrid, z: np.ndarray, labels: dict, wkt: str, layer_name: str = "heat_hotspots", *,
                progress=None, is_canceled=None) -> int:
    """The non-empty cells as squares (value_mean, gi_z, gi_p, gi_class, class_label) in a new GeoPackage at
    ``path``; their number. Row by row, the spatial index filled as the rows go, so a Cancel is seen between two
    rows: left to the end, GDAL 3.6 builds the index in one uninterruptible go (17 s for 760,000 cells)."""
    import struct

    from osgeo import ogr, osr

    p, kinds = p_values(z), classes(z)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    try:
        layer = dataset.CreateLayer(layer_name, osr.SpatialReference(wkt) if wkt else None, ogr.wkbPolygon)
        for name, kind in (("value_mean", ogr.OFTReal), ("gi_z", ogr.OFTReal), ("gi_p", ogr.OFTReal),
                           ("gi_class", ogr.OFTInteger), ("class_label", ogr.OFTString)):
            layer.CreateField(ogr.FieldDefn(name, kind))
        # Any SQL makes GDAL run the layer's deferred creation now, spatial index included (not at the end).
        dataset.ReleaseResultSet(dataset.ExecuteSQL("SELECT 1"))
        definition, count, size, ny = layer.GetLayerDefn(), 0, grid.cell, z.shape[0]
        for row in range(ny):
            check_cancel(is_canceled)
            layer.StartTransaction()
            north = grid.y0 - row * size
            for col in np.flatnonzero(np.isfinite(z[row])):
                west = grid.x0 + col * size
                feature = ogr.Feature(definition)
                feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(struct.pack(
                    "<BIII10d", 1, 3, 1, 5, west, north - size, west + size, north - size, west + size, north,
                    west, north, west, north - size)))
                kind = int(kinds[row, col])
                for index, value in enumerate((float(grid.values[row, col]), float(z[row, col]),
                                               float(p[row, col]), kind, labels[kind])):
                    feature.SetField(index, value)
                layer.CreateFeature(feature)
                count += 1
            layer.CommitTransaction()
            if progress is not None:
                progress(100.0 * (row + 1) / ny)
    finally:
        dataset = None  # noqa: F841 - closes the file (a Cancel: what was written goes with the temporary file)
    return count
