"""Run a per-pixel formula over several aligned rasters, strip by strip, into one float32 GeoTIFF.

What every raster analysis needs and none should write again: the inputs are opened and
checked to share one grid, the output is written atomically (nothing at the path unless the
whole run succeeds), strips are read, computed and written with compression overlapping the
next strip, the GDAL cache is flushed as the strips pass, progress is reported and cancel is
honoured. The formula sees numpy arrays of one strip and returns the output strip.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ...core.files import atomic_output
from ...core.grid import (
    Grid,
    StripWriter,
    Window,
    check_cancel,
    check_gtiff_path,
    create_gtiff,
    open_raster,
    reading,
    strips,
)

NODATA = -9999.0


@dataclass
class Inputs:
    """Opened, grid-checked inputs: ``datasets`` by name, their common ``grid``."""

    datasets: dict
    grid: Grid

    @classmethod
    def open(cls, paths: dict) -> Inputs:
        datasets = {name: open_raster(path, name) for name, path in paths.items() if path is not None}
        grids = {name: Grid.of(dataset) for name, dataset in datasets.items()}
        first_name, first = next(iter(grids.items()))
        for name, grid in grids.items():
            if not grid.same_as(first):
                raise AnalysisError(
                    "grid_mismatch",
                    QT_TRANSLATE_NOOP(
                        "AnalysisError",
                        "{name} ({grid}) is not on the grid of {first} ({first_grid}). Give bands of the same "
                        "product, or align them first (Raster ▸ Projections ▸ Warp, with the same extent and "
                        "pixel size)."
                    ),
                    name=name, grid=grid.describe(), first=first_name, first_grid=first.describe(),
                )
        return cls(datasets, first)

    def nodata(self, name: str):
        return self.datasets[name].GetRasterBand(1).GetNoDataValue()


def map_strips(inputs: Inputs, output: str | Path, formula, *, window: Window | None = None,
               description: str = "", unit: str = "", metadata: dict | None = None, progress=None,
               is_canceled=None, on_strip=None, before_commit=None, band_names=None) -> Path:
    """Write ``formula(arrays)`` (float32, NODATA where invalid) for every strip of ``window``.

    ``arrays`` maps each input name to its strip (native type). ``on_strip(out, arrays)`` may
    accumulate statistics; ``before_commit()`` may still refuse the result (raise) before the
    file is moved into place. With ``band_names``, the formula returns one layer per band
    (an array of shape (bands, rows, columns)). Returns the output path.
    """
    output = check_gtiff_path(output)
    window = window or Window(0, 0, inputs.grid.xsize, inputs.grid.ysize)
    bands = {name: dataset.GetRasterBand(1) for name, dataset in inputs.datasets.items()}
    block_rows = max(band.GetBlockSize()[1] for band in bands.values())
    with atomic_output(output) as temporary:
        out_ds = create_gtiff(temporary, inputs.grid, window, gdal.GDT_Float32, NODATA,
                              bands=len(band_names) if band_names else 1)
        try:
            done = 0
            with StripWriter(out_ds) as writer:
                for row, rows in strips(window):
                    check_cancel(is_canceled)
                    arrays = {}
                    for name, band in bands.items():
                        with reading(name):
                            arrays[name] = band.ReadAsArray(window.xoff, window.yoff + row, window.xsize, rows)
                    out = np.asarray(formula(arrays), dtype=np.float32)
                    writer.write(out, row)
                    if on_strip is not None:
                        on_strip(out, arrays)
                    top, bottom = window.yoff + row, window.yoff + row + rows
                    if bottom // block_rows > top // block_rows:
                        for dataset in inputs.datasets.values():
                            dataset.FlushCache()
                    done += rows
                    if progress is not None:
                        progress(100.0 * done / window.ysize)
            check_cancel(is_canceled)
            if before_commit is not None:
                before_commit()
            for number, name in enumerate(band_names or [description], start=1):
                band = out_ds.GetRasterBand(number)
                band.SetDescription(name)
                band.SetUnitType(unit)
            out_ds.SetMetadata({key: str(value) for key, value in (metadata or {}).items()})
            band = None
        finally:
            out_ds = None
    return output


class RunningStats:
    """Count, sum, sum of squares, min and max of the valid output pixels, strip after strip."""

    def __init__(self, nodata: float = NODATA):
        self.nodata = nodata
        self.count = 0
        self.total = 0.0
        self.total_sq = 0.0
        self.minimum = float("inf")
        self.maximum = float("-inf")

    def __call__(self, out, _arrays=None) -> None:
        valid = out[out != self.nodata].astype(np.float64)
        if valid.size:
            self.count += valid.size
            self.total += valid.sum()
            self.total_sq += np.square(valid).sum()
            self.minimum = min(self.minimum, float(valid.min()))
            self.maximum = max(self.maximum, float(valid.max()))

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else float("nan")

    @property
    def std(self) -> float:
        if not self.count:
            return float("nan")
        return float(np.sqrt(max(self.total_sq / self.count - self.mean**2, 0.0)))
