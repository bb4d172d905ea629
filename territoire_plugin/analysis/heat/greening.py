"""Greening scenario: how much cooler would the surface be with more vegetation here and there?

1. A linear model is fitted on the town's own pixels (least squares, normal equations summed
   strip by strip):  LST = b0 + b1 · NDVI + b2 · built-up share + water · (b3 + b4 · NDVI)
   The built-up share of each pixel is the share of its area covered by building footprints
   (footprints rasterised at a tenth of the pixel size, then averaged); water is NDVI < 0, with an
   intercept and an NDVI slope of its own, so that a town on an estuary or a lake (cool water whose
   temperature barely follows its NDVI) does not flatten the land's slope b1 and understate cooling.
   R² and the residual error (RMSE) say how well the model fits.
2. In each planting / de-sealing polygon the NDVI is raised to the target (never lowered), and
   the built-up share set to the polygon's "built after" value when given; the predicted change
   of LST is b1 · ΔNDVI + b2 · Δbuilt (°C, negative = cooler), 0 elsewhere.

Limits: a statistical association on one date's daytime *surface* temperature, not a physical
model of shade, evaporation or air temperature; it holds only within the NDVI and built-up
ranges seen in the town; the effect on people depends on where and when they are outside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ...core.grid import ClipMask, Grid, check_cancel, strips, window_for_bounds
from ..raster.strips import NODATA, Inputs, map_strips
from .islands import require_metric

gdal.UseExceptions()
SUBSAMPLING = 10
#: Terms of the model: 1, NDVI, built-up share, water, NDVI × water.
TERMS = 5


def design_matrix(ndvi, built) -> np.ndarray:
    """The model's terms for pixels of ``ndvi`` and ``built`` (1-D arrays)."""
    water = (ndvi < 0).astype(np.float64)
    return np.column_stack([np.ones(ndvi.size), ndvi, built, water, ndvi * water])


@dataclass
class Model:
    coefficients: np.ndarray
    r2: float
    rmse: float
    pixels: int
    ndvi_range: tuple
    built_range: tuple

    def describe(self) -> str:
        b = self.coefficients
        return (f"LST = {b[0]:.2f} {b[1]:+.2f}·NDVI {b[2]:+.2f}·built + water·({b[3]:+.2f} {b[4]:+.2f}·NDVI) "
                f"(R² = {self.r2:.2f}, RMSE = {self.rmse:.2f} °C, {self.pixels} pixels)")


@dataclass
class PolygonEffect:
    area_m2: float
    pixels: int
    ndvi_before: float
    ndvi_after: float
    mean_change: float
    min_change: float
    extra: dict = field(default_factory=dict)


def built_share(grid: Grid, footprints_wkt: list[str], path: str, is_canceled=None) -> str:
    """Share of each pixel of ``grid`` covered by the footprints, as a GeoTIFF at ``path``: the footprints burnt
    onto pixels SUBSAMPLING times finer, averaged back, strip by strip (bounded memory, a Cancel seen between two
    strips whatever the grid's size)."""
    memory = ogr.GetDriverByName("Memory").CreateDataSource("built")
    layer = memory.CreateLayer("built", srs=osr.SpatialReference(grid.wkt), geom_type=ogr.wkbUnknown)
    for wkt in footprints_wkt:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    x0, dx, _, y0, _, dy = grid.geotransform
    target = gdal.GetDriverByName("GTiff").Create(path, grid.xsize, grid.ysize, 1, gdal.GDT_Float32,
                                                  options=["TILED=YES", "COMPRESS=DEFLATE"])
    target.SetGeoTransform(grid.geotransform)
    target.SetProjection(grid.wkt)
    band, mem = target.GetRasterBand(1), gdal.GetDriverByName("MEM")
    try:
        for row, rows in strips(window_for_bounds(grid, None), 64):
            check_cancel(is_canceled)
            fine = mem.Create("", grid.xsize * SUBSAMPLING, rows * SUBSAMPLING, 1, gdal.GDT_Byte)
            fine.SetGeoTransform((x0, dx / SUBSAMPLING, 0, y0 + row * dy, 0, dy / SUBSAMPLING))
            fine.SetProjection(grid.wkt)
            gdal.RasterizeLayer(fine, [1], layer, burn_values=[1])
            burnt = fine.GetRasterBand(1).ReadAsArray().reshape(rows, SUBSAMPLING, grid.xsize, SUBSAMPLING)
            band.WriteArray(burnt.mean(axis=(1, 3), dtype=np.float32), 0, row)
    finally:
        band = target = None  # closed, even on a Cancel (the caller removes the file)
    return path


def fit_model(lst_path, ndvi_path, built_path, town_wkt: str | None = None, is_canceled=None) -> Model:
    inputs = Inputs.open({"lst": lst_path, "ndvi": ndvi_path, "built": built_path})
    grid = inputs.grid
    require_metric(grid, Path(lst_path).name)
    town = ClipMask([town_wkt], grid.wkt) if town_wkt else None
    window = window_for_bounds(grid, None)
    bands = {name: ds.GetRasterBand(1) for name, ds in inputs.datasets.items()}
    nodata = {name: band.GetNoDataValue() for name, band in bands.items()}
    xtx, xty, yty, n = np.zeros((TERMS, TERMS)), np.zeros(TERMS), 0.0, 0
    ndvi_range, built_range = [np.inf, -np.inf], [np.inf, -np.inf]
    base = window.geotransform(grid)
    for row, rows in strips(window):
        check_cancel(is_canceled)
        data = {name: band.ReadAsArray(0, row, grid.xsize, rows).astype(np.float64) for name, band in bands.items()}
        keep = np.ones((rows, grid.xsize), bool)
        for name, values in data.items():
            keep &= np.isfinite(values)
            if nodata[name] is not None:
                keep &= values != nodata[name]
        if town is not None:
            keep &= town.read((base[0], base[1], 0, base[3] + row * base[5], 0, base[5]), grid.xsize, rows)
        if not keep.any():
            continue
        ndvi, built, lst = data["ndvi"][keep], data["built"][keep], data["lst"][keep]
        design = design_matrix(ndvi, built)
        xtx += design.T @ design
        xty += design.T @ lst
        yty += float(lst @ lst)
        n += ndvi.size
        ndvi_range = [min(ndvi_range[0], ndvi.min()), max(ndvi_range[1], ndvi.max())]
        built_range = [min(built_range[0], built.min()), max(built_range[1], built.max())]
    if n < 30:
        raise AnalysisError("greening_few_pixels", QT_TRANSLATE_NOOP(
            "AnalysisError", "Only {n} valid pixels in the town: too few to fit the model. Check that the rasters and "
            "the town outline overlap, or use a clearer scene."), n=n)
    sst = yty - xty[0] ** 2 / n
    if sst <= n * 1e-4:  # a standard deviation under 0.01 °C: one temperature everywhere, nothing to relate
        raise AnalysisError("greening_constant_lst", QT_TRANSLATE_NOOP(
            "AnalysisError", "The surface temperature is the same ({value:.2f} °C) on all {n} pixels of the town: "
            "no effect of vegetation can be learnt from it. Check that the raster is a land surface temperature "
            "(°C) of a real scene."), value=xty[0] / n, n=n)
    # A term with no variation (no water in town, say) is left out rather than making the system singular.
    used = [0] + [i for i in range(1, TERMS) if xtx[i, i] > 0 and not np.isclose(xtx[i, i] * n, xtx[0, i] ** 2)]
    coefficients = np.zeros(TERMS)
    coefficients[used] = np.linalg.solve(xtx[np.ix_(used, used)], xty[used])
    sse = max(yty - 2 * coefficients @ xty + coefficients @ xtx @ coefficients, 0.0)
    return Model(coefficients, float(1 - sse / sst) if sst > 0 else 0.0, float(np.sqrt(sse / n)), n,
                 tuple(ndvi_range), tuple(built_range))


def apply_scenario(model: Model, lst_path, ndvi_path, built_path, plantings: list[tuple], output,
                   *, progress=None, is_canceled=None) -> list[PolygonEffect]:
    """Write ΔLST (°C) for ``plantings`` = [(wkt, target NDVI, built share after or None)]; summarise each."""
    inputs = Inputs.open({"lst": lst_path, "ndvi": ndvi_path, "built": built_path})
    grid = inputs.grid
    masks = []
    for number, (wkt, _, _) in enumerate(plantings):
        if number % 200 == 0:
            check_cancel(is_canceled)
        masks.append(ClipMask([wkt], grid.wkt))
    lst_nodata = inputs.nodata("lst")
    b_ndvi, b_built = model.coefficients[1], model.coefficients[2]
    sums = [dict(pixels=0, before=0.0, after=0.0, change=0.0, minimum=0.0) for _ in plantings]
    state = {"row": 0}
    base = grid.geotransform

    def formula(arrays):
        rows = arrays["lst"].shape[0]
        strip_gt = (base[0], base[1], 0, base[3] + state["row"] * base[5], 0, base[5])
        state["row"] += rows
        ndvi = arrays["ndvi"].astype(np.float64)
        built = arrays["built"].astype(np.float64)
        change = np.zeros(ndvi.shape)
        for number, (mask, (_, target, built_after), total) in enumerate(zip(masks, plantings, sums)):
            if number % 100 == 0:  # thousands of polygons: a strip can take seconds
                check_cancel(is_canceled)
            inside = mask.read(strip_gt, grid.xsize, rows) & np.isfinite(ndvi)
            if not inside.any():
                continue
            new_ndvi = np.maximum(ndvi, target)
            delta = b_ndvi * (new_ndvi - ndvi)
            if built_after is not None:
                delta += b_built * (built_after - built)
            change[inside] = delta[inside]
            total["pixels"] += int(inside.sum())
            total["before"] += float(ndvi[inside].sum())
            total["after"] += float(new_ndvi[inside].sum())
            total["change"] += float(delta[inside].sum())
            total["minimum"] = min(total["minimum"], float(delta[inside].min()))
        out = change.astype(np.float32)
        invalid = ~np.isfinite(arrays["lst"])
        if lst_nodata is not None:
            invalid |= arrays["lst"] == lst_nodata
        out[invalid] = NODATA
        return out

    map_strips(inputs, output, formula, description="predicted change of LST (°C)", unit="°C",
               metadata={"TERRITOIRE_MODEL": model.describe(), "TERRITOIRE_R2": f"{model.r2:.3f}",
                         "TERRITOIRE_RMSE_C": f"{model.rmse:.3f}"},
               progress=progress, is_canceled=is_canceled)
    pixel_area = abs(base[1] * base[5])
    effects = []
    for total in sums:
        pixels = total["pixels"]
        effects.append(PolygonEffect(
            pixels * pixel_area, pixels,
            total["before"] / pixels if pixels else float("nan"), total["after"] / pixels if pixels else float("nan"),
            total["change"] / pixels if pixels else float("nan"), total["minimum"] if pixels else float("nan")))
    return effects
