"""Land surface temperature from a Landsat Collection 2 Level-2 ST_B10 band.

Kelvin = DN × multiplier + offset (factors from the MTL), °C = K − 273.15.
DN 0 is fill. Pixels flagged in QA_PIXEL (cloud, shadow, …) are masked as chosen.
The scene is processed strip by strip: memory does not grow with the scene.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ...core.files import atomic_output
from ...core.grid import (
    ClipMask,
    Grid,
    StripWriter,
    check_cancel,
    check_gtiff_path,
    create_gtiff,
    describe_band,
    open_raster,
    reading,
    strips,
    window_for_bounds,
)
from .constants import CLOUD_FLAGS, DEFAULT_MASK, KELVIN, QA_CLEAR_BIT, qa_bitmask

NODATA = -9999.0
#: Plausible 90th percentile of a real scene's clear pixels, °C; outside it the band is not ST_B10.
PLAUSIBLE_P90_C = (-40.0, 75.0)


@dataclass
class LstResult:
    """What a run measured, for the log, the output metadata and the tests."""

    path: Path
    width: int
    height: int
    area_pixels: int = 0
    fill_pixels: int = 0
    cloud_pixels: int = 0
    other_masked_pixels: int = 0
    clear_pixels: int = 0
    minimum: float = float("nan")
    maximum: float = float("nan")
    mean: float = float("nan")
    std: float = float("nan")
    percentiles: dict = field(default_factory=dict)

    def share(self, count: int, of_valid_only: bool = True) -> float:
        total = self.area_pixels - (self.fill_pixels if of_valid_only else 0)
        return 100.0 * count / total if total else 0.0

    @property
    def clear_percent(self) -> float:
        return self.share(self.clear_pixels)

    @property
    def cloud_percent(self) -> float:
        return self.share(self.cloud_pixels)

    @property
    def fill_percent(self) -> float:
        return self.share(self.fill_pixels, of_valid_only=False)


def _check_plausible(band: gdal.Band, qa_band, window, mult: float, add: float, path: Path) -> None:
    """Refuse a band whose values are not surface temperatures (a reflectance band, say).

    Looks at a sample of the window (a 4 × 4 grid of small blocks, so a whole scene is not read
    twice): the 90th percentile of its clear pixels must be a plausible surface temperature.
    Clouds are cold, so QA_PIXEL's clear bit selects the pixels when the band is there. A sample
    with no clear pixel is left to the clear-pixel check.
    """
    samples, flags = [], []
    for xoff, yoff, xsize, ysize in sample_windows(window):
        samples.append(band.ReadAsArray(xoff, yoff, xsize, ysize).ravel())
        if qa_band is not None:
            flags.append(qa_band.ReadAsArray(xoff, yoff, xsize, ysize).ravel())
    sample = np.concatenate(samples)
    usable = sample != 0
    if qa_band is not None:
        usable &= (np.concatenate(flags) & (1 << QA_CLEAR_BIT)) != 0
    values = sample[usable]
    if values.size == 0:
        return
    p90_c = float(np.percentile(values, 90)) * mult + add - KELVIN
    low, high = PLAUSIBLE_P90_C
    if not low <= p90_c <= high:
        raise AnalysisError(
            "not_st_b10_values",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "{name} does not look like a surface-temperature band: with the ST_B10 scaling, 90 % of "
                "its clear pixels would be below {p90:.1f} °C, which no land surface is. Give the product's "
                "*_ST_B10.TIF (not a reflectance band), or its MTL file."
            ),
            name=path.name, p90=p90_c,
        )


def sample_windows(window, grid: int = 4, size: int = 64):
    """(xoff, yoff, xsize, ysize) of ``grid`` × ``grid`` small windows spread over ``window``."""
    xsize, ysize = min(size, window.xsize), min(size, window.ysize)
    for i in range(grid):
        for j in range(grid):
            xoff = window.xoff + (window.xsize - xsize) * (2 * j + 1) // (2 * grid)
            yoff = window.yoff + (window.ysize - ysize) * (2 * i + 1) // (2 * grid)
            yield xoff, yoff, xsize, ysize


def land_surface_temperature(
    st_b10: str | Path,
    output: str | Path,
    *,
    mult: float,
    add: float,
    qa_pixel: str | Path | None = None,
    mask=DEFAULT_MASK,
    bounds: tuple[float, float, float, float] | None = None,
    clip_wkts: list[str] | None = None,
    metadata: dict | None = None,
    progress=None,
    is_canceled=None,
) -> LstResult:
    """Write LST in °C (float32 GeoTIFF) for ``st_b10``; return what was measured.

    ``bounds`` (xmin, ymin, xmax, ymax) and ``clip_wkts`` are in the raster's CRS.
    ``progress`` receives a percentage, ``is_canceled`` is polled between strips.
    Nothing is written at ``output`` unless the whole run succeeds.
    """
    st_b10 = Path(st_b10)
    output = check_gtiff_path(output)
    st_ds = open_raster(st_b10, "the ST_B10 band")
    st_band = st_ds.GetRasterBand(1)
    if st_band.DataType != gdal.GDT_UInt16:
        raise AnalysisError(
            "not_st_b10_type",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "{name} holds {dtype} values; a Landsat ST_B10 band holds 16-bit unsigned integers. "
                "Give the product's original *_ST_B10.TIF, not a converted or reprojected copy."
            ),
            name=st_b10.name, dtype=gdal.GetDataTypeName(st_band.DataType),
        )
    grid = Grid.of(st_ds)

    qa_ds = qa_band = None
    if qa_pixel is not None:
        qa_ds = open_raster(qa_pixel, "the QA_PIXEL band")
        qa_grid = Grid.of(qa_ds)
        if not qa_grid.same_as(grid):
            raise AnalysisError(
                "qa_grid_mismatch",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "QA_PIXEL ({qa}) is not on the grid of ST_B10 ({st}). Give the QA_PIXEL band of the "
                    "same product, unmodified."
                ),
                qa=qa_grid.describe(), st=grid.describe(),
            )
        qa_band = qa_ds.GetRasterBand(1)

    window = window_for_bounds(grid, bounds)
    if window is None:
        raise AnalysisError(
            "clip_outside",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "The clip area does not overlap the scene ({scene}). Check the clip layer or extent and "
                "its CRS, or pick a scene that covers the area."
            ),
            scene=grid.describe(),
        )
    with reading("ST_B10 / QA_PIXEL"):
        _check_plausible(st_band, qa_band, window, mult, add, st_b10)

    masks = _Masks(
        cloud_bits=qa_bitmask([f for f in mask if f in CLOUD_FLAGS]),
        other_bits=qa_bitmask([f for f in mask if f not in CLOUD_FLAGS and f != "fill"]),
        qa_fill="fill" in mask,
        clip=ClipMask(clip_wkts, grid.wkt) if clip_wkts else None,
    )
    result = LstResult(path=output, width=window.xsize, height=window.ysize)
    with atomic_output(output) as temporary:
        out_ds = create_gtiff(temporary, grid, window, gdal.GDT_Float32, NODATA)
        try:
            histogram = _write_strips(out_ds, st_ds, qa_ds, window, mult, add, masks, result, progress, is_canceled)
            check_cancel(is_canceled)
            if result.clear_pixels == 0:
                raise AnalysisError(
                    "no_clear_pixel",
                    QT_TRANSLATE_NOOP(
                        "AnalysisError",
                        "No clear pixel is left after masking: {cloud:.1f} % of the area inside the scene is "
                        "cloud, cirrus or cloud shadow, {other:.1f} % is masked snow or water, and {fill:.1f} % "
                        "of the area lies outside the scene. Pick another date (a clearer scene) or a larger area."
                    ),
                    cloud=result.cloud_percent, other=result.share(result.other_masked_pixels),
                    fill=result.fill_percent,
                )
            _fill_statistics(result, histogram, mult, add)
            items = {
                "TERRITOIRE_PRODUCT": "land surface temperature (°C), Landsat Collection 2 Level-2 ST_B10",
                "TERRITOIRE_ST_MULT": repr(mult),
                "TERRITOIRE_ST_ADD": repr(add),
                "TERRITOIRE_CLEAR_PERCENT": f"{result.clear_percent:.2f}",
                "TERRITOIRE_CLOUD_PERCENT": f"{result.cloud_percent:.2f}",
                "TERRITOIRE_MASK": ",".join(sorted(mask)),
                **(metadata or {}),
            }
            describe_band(out_ds, "LST (°C)", "°C", result, items)
        finally:
            out_ds = None  # closed (and flushed) before the file is moved into place or removed
    return result


@dataclass
class _Masks:
    cloud_bits: int
    other_bits: int
    qa_fill: bool
    clip: ClipMask | None


def _write_strips(out_ds, st_ds, qa_ds, window, mult, add, masks: _Masks, result: LstResult, progress,
                  is_canceled):
    """Compute and write LST strip by strip; count pixels into ``result``; return the DN histogram."""
    st_band = st_ds.GetRasterBand(1)
    qa_band = qa_ds.GetRasterBand(1) if qa_ds is not None else None
    st_nodata = st_band.GetNoDataValue()
    offset_c, scale = np.float32(add - KELVIN), np.float32(mult)
    histogram = np.zeros(65536, dtype=np.int64)
    out_geotransform = out_ds.GetGeoTransform()
    block_rows = st_band.GetBlockSize()[1]
    done = 0
    with StripWriter(out_ds) as writer:
        for row, rows in strips(window):
            check_cancel(is_canceled)
            with reading("ST_B10"):
                dn = st_band.ReadAsArray(window.xoff, window.yoff + row, window.xsize, rows)
            fill = dn == 0
            if st_nodata is not None and st_nodata != 0:
                fill |= dn == st_nodata
            area = None
            if masks.clip is not None:
                strip_gt = list(out_geotransform)
                strip_gt[3] += row * out_geotransform[5]
                area = masks.clip.read(tuple(strip_gt), window.xsize, rows)
            keep = ~fill
            cloudy = other = None
            if qa_band is not None:
                with reading("QA_PIXEL"):
                    qa = qa_band.ReadAsArray(window.xoff, window.yoff + row, window.xsize, rows)
                if masks.qa_fill:
                    fill |= (qa & 1).astype(bool)
                    keep &= ~fill
                cloudy = (qa & masks.cloud_bits) != 0 if masks.cloud_bits else np.zeros_like(keep)
                other = ((qa & masks.other_bits) != 0) & ~cloudy if masks.other_bits else np.zeros_like(keep)
                keep &= ~(cloudy | other)
            if area is not None:
                keep &= area
                fill &= area
            result.area_pixels += int(area.sum()) if area is not None else dn.size
            result.fill_pixels += int(fill.sum())
            if cloudy is not None:
                valid = ~fill if area is None else (~fill & area)
                result.cloud_pixels += int((cloudy & valid).sum())
                result.other_masked_pixels += int((other & valid).sum())

            out = dn.astype(np.float32)
            out *= scale
            out += offset_c
            out[~keep] = NODATA
            writer.write(out, row)  # compressed in the background while the next strip is computed

            kept = dn[keep]
            result.clear_pixels += kept.size
            if kept.size:
                histogram += np.bincount(kept, minlength=65536)
            # Inputs' blocks leave GDAL's cache once a row of them is behind us: memory stays flat.
            top, bottom = window.yoff + row, window.yoff + row + rows
            if bottom // block_rows > top // block_rows:
                st_ds.FlushCache()
                if qa_ds is not None:
                    qa_ds.FlushCache()
            done += rows
            if progress is not None:
                progress(100.0 * done / window.ysize)
    return histogram


def _fill_statistics(result: LstResult, histogram, mult: float, add: float):
    """Exact statistics of the kept pixels from the histogram of their DN (one bin per DN)."""
    present = np.nonzero(histogram)[0]
    celsius = present * mult + (add - KELVIN)
    counts = histogram[present]
    count = result.clear_pixels
    result.minimum, result.maximum = float(celsius[0]), float(celsius[-1])
    result.mean = float(np.dot(counts, celsius) / count)
    result.std = float(np.sqrt(max(np.dot(counts, (celsius - result.mean) ** 2) / count, 0.0)))
    cumulative = np.cumsum(counts)
    for pct in (2, 50, 98):
        rank = max(int(np.ceil(pct / 100.0 * count)), 1)  # nearest-rank percentile
        result.percentiles[pct] = float(celsius[int(np.searchsorted(cumulative, rank))])
