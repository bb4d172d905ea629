"""Rasters aligned on a reference grid without writing anything: GDAL warped VRTs in /vsimem/."""

from __future__ import annotations

from pathlib import Path

from osgeo import gdal

from ...core.grid import Grid, open_raster
from .strips import NODATA


def aligned_vrts(paths, reference: Grid) -> list[str]:
    """/vsimem/ VRTs of each raster warped onto the ``reference`` grid (the first raster's own path as is)."""
    xmin, ymin, xmax, ymax = reference.bounds
    vrts = [str(paths[0])]
    for index, path in enumerate(paths[1:], start=1):
        source = open_raster(path, Path(path).name)
        if Grid.of(source).same_as(reference):
            vrts.append(str(path))
            continue
        target = f"/vsimem/territoire_composite_{id(reference)}_{index}.vrt"
        gdal.Warp(target, source, format="VRT", dstSRS=reference.wkt, outputBounds=(xmin, ymin, xmax, ymax),
                  width=reference.xsize, height=reference.ysize, resampleAlg="bilinear", dstNodata=NODATA)
        vrts.append(target)
    return vrts
