"""Composite of several LST rasters: per-pixel median, maximum and count of clear observations.

The first raster's grid is the reference; the others are resampled onto it (bilinear, through
a GDAL warped VRT: nothing is written, only the needed blocks are read). A pixel counts as an
observation where the raster has a valid value (clouds were already masked by the LST step).
Band 1 = median, band 2 = maximum (°C), band 3 = number of observations.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from osgeo import gdal

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ...core.grid import Grid, open_raster
from ..raster.align import aligned_vrts
from ..raster.strips import NODATA, Inputs, RunningStats, map_strips

BANDS = ("median LST (°C)", "max LST (°C)", "clear observations")


def require_observations(stats: RunningStats, paths) -> None:
    """A composite with no observed pixel is refused (every input all nodata: clouds, or another place)."""
    if stats.count == 0:
        raise AnalysisError("composite_empty", QT_TRANSLATE_NOOP(
            "AnalysisError", "None of the {n} temperature rasters has a valid pixel where they overlap (all "
            "nodata: clouds everywhere, or rasters of other places): there is nothing to combine. Check the "
            "rasters (open them in QGIS)."), n=len(paths))


def lst_composite(paths, output, *, progress=None, is_canceled=None) -> RunningStats:
    if len(paths) < 2:
        raise AnalysisError("composite_one", QT_TRANSLATE_NOOP(
            "AnalysisError", "A composite needs at least two temperature rasters (several dates)."))
    reference = Grid.of(open_raster(paths[0], Path(paths[0]).name))
    vrts = aligned_vrts(paths, reference)
    try:
        inputs = Inputs.open({f"date{index}": path for index, path in enumerate(vrts)})
        nodatas = [inputs.nodata(name) for name in inputs.datasets]
        stats = RunningStats()

        def formula(arrays):
            stack = np.stack([a.astype(np.float32) for a in arrays.values()])
            for layer, nodata in zip(stack, nodatas):
                if nodata is not None:
                    layer[layer == np.float32(nodata)] = np.nan
            count = np.isfinite(stack).sum(axis=0).astype(np.float32)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # pixels with no observation: set just below
                median = np.nanmedian(stack, axis=0)
                maximum = np.nanmax(stack, axis=0)
            empty = count == 0
            median[empty] = NODATA
            maximum[empty] = NODATA
            return np.stack([median, maximum, count])

        map_strips(inputs, output, formula, description="LST composite", unit="°C", band_names=BANDS,
                   metadata={"TERRITOIRE_PRODUCT": "LST composite: median, max, clear observations",
                             "TERRITOIRE_DATES": len(paths),
                             "TERRITOIRE_SOURCES": "; ".join(Path(p).name for p in paths)},
                   progress=progress, is_canceled=is_canceled, on_strip=lambda out, _a: stats(out[0]),
                   before_commit=lambda: require_observations(stats, paths))
    finally:
        for vrt in vrts:
            if vrt.startswith("/vsimem/"):
                gdal.Unlink(vrt)
    return stats
