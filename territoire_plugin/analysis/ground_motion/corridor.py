"""Vegetation change along linear assets: NDVI at two dates compared inside each segment's buffer.

ΔNDVI = NDVI(after) − NDVI(before), the "after" raster resampled onto the "before" grid when they
differ. For each segment (a stretch of the line, by chainage) of the asset's corridor: the mean
ΔNDVI, the share of pixels with a significant loss (ΔNDVI ≤ −threshold) and gain (≥ +threshold).
A segment is flagged for vegetation loss (clearing, slope failure) or encroachment (vegetation
growing into the corridor) when that share reaches the given share.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal

from ...core.grid import Grid, open_raster
from ..heat.composite import aligned_vrts
from ..raster.strips import NODATA, Inputs, map_strips
from ..raster.zonal import zonal_statistics


@dataclass
class SegmentChange:
    pixels: int
    mean_change: float
    loss_share: float
    gain_share: float
    loss: bool
    encroachment: bool


def corridor_change(before, after, corridors_wkt: list[str], *, threshold: float = 0.15, share: float = 0.2,
                    is_canceled=None) -> list[SegmentChange]:
    """Change of vegetation inside each corridor polygon (WKT in the "before" raster's CRS)."""
    reference = Grid.of(open_raster(before, Path(before).name))
    vrts = aligned_vrts([before, after], reference)
    try:
        inputs = Inputs.open({"before": vrts[0], "after": vrts[1]})
        nodata = {name: inputs.nodata(name) for name in ("before", "after")}

        def formula(arrays):
            b, a = arrays["before"].astype(np.float32), arrays["after"].astype(np.float32)
            invalid = ~np.isfinite(b) | ~np.isfinite(a)
            for values, name in ((b, "before"), (a, "after")):
                if nodata[name] is not None:
                    invalid |= values == np.float32(nodata[name])
            delta = a - b
            loss = (delta <= -threshold).astype(np.float32)
            gain = (delta >= threshold).astype(np.float32)
            for layer in (delta, loss, gain):
                layer[invalid] = NODATA
            return np.stack([delta, loss, gain])

        with tempfile.TemporaryDirectory(prefix="territoire_corridor_") as scratch:
            change = Path(scratch) / "change.tif"
            map_strips(inputs, change, formula, band_names=("ndvi change", "loss", "gain"), is_canceled=is_canceled)
            stats = [zonal_statistics(change, corridors_wkt, overlapping=True, is_canceled=is_canceled,
                                      band_number=band) for band in (1, 2, 3)]
    finally:
        for vrt in vrts:
            if vrt.startswith("/vsimem/"):
                gdal.Unlink(vrt)
    results = []
    for index in range(len(corridors_wkt)):
        count = int(stats[0].count[index])
        loss, gain = float(stats[1].mean[index]), float(stats[2].mean[index])
        results.append(SegmentChange(count, float(stats[0].mean[index]), loss, gain,
                                     bool(count and loss >= share), bool(count and gain >= share)))
    return results
