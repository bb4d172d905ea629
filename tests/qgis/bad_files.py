"""Damaged copies of the valid inputs of tests/qgis/algorithm_inputs.py, for the bad-input table."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import numpy as np

#: The first bytes of a JPEG (JFIF), then filler: a photo given a wrong extension.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 8


def existing(out: Path, name: str) -> str:
    """An output of ``name`` that exists before the run (its bytes must survive it)."""
    path = out / name
    path.write_bytes(b"an earlier result the user keeps")
    return str(path)


def text(folder: Path, name: str, content: str = "this is not a raster\n") -> str:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def jpeg(folder: Path, name: str) -> str:
    path = folder / name
    path.write_bytes(JPEG)
    return str(path)


def product(given: dict, folder: Path, mult=None, add=None, json=None, text=None, drop=None, garble=None) -> str:
    """A copy of the sample Landsat product with its metadata or a band damaged; only one MTL kept (the
    .txt, or the .json when ``json`` is given)."""
    source = Path(given["product"])
    copy = folder / source.name
    shutil.copytree(source, copy)
    mtl = next(copy.glob("*_MTL.txt"))
    for other in list(copy.glob("*_MTL.json")) + list(copy.glob("*_MTL.xml")):
        other.unlink()
    lines = mtl.read_text(encoding="utf-8").splitlines()
    for key, value in (("TEMPERATURE_MULT_BAND_ST_B10", mult), ("TEMPERATURE_ADD_BAND_ST_B10", add)):
        if value is not None:
            lines = [f"    {key} = {value}" if line.strip().startswith(key + " ") else line for line in lines]
    mtl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if json is not None:
        mtl.unlink()
        (copy / mtl.name.replace(".txt", ".json")).write_text(json, encoding="utf-8")
    if text is not None:
        mtl.write_bytes(text.encode("latin-1"))
    if drop:
        next(copy.glob(f"*_{drop}.TIF")).unlink()
    if garble:
        next(copy.glob(f"*_{garble}.TIF")).write_text("not a raster", encoding="utf-8")
    return str(copy)


def user_bands(given: dict, folder: Path, scale: float) -> dict:
    """NDVI parameters of bands given one by one (no product), with the reflectance ``scale``."""
    source = Path(given["product"])
    return {"INPUT": None, "RED": str(next(source.glob("*_SR_B4.TIF"))), "NIR": str(next(source.glob("*_SR_B5.TIF"))),
            "SCALE": scale}


def raster(path: str, folder: Path, georeferenced=True, nodata=False, constant=None) -> str:
    """A copy of a one-band raster: without geotransform and CRS, all nodata, or of one constant value."""
    from osgeo import gdal

    gdal.UseExceptions()
    source = gdal.Open(path)
    band = source.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float32)
    missing = band.GetNoDataValue()
    missing = -9999.0 if missing is None else missing
    if nodata:
        values[:] = missing
    if constant is not None:
        values[values != missing] = constant
    out = folder / f"raster_{len(list(folder.glob('raster_*')))}.tif"
    copy = gdal.GetDriverByName("GTiff").Create(str(out), source.RasterXSize, source.RasterYSize, 1, gdal.GDT_Float32)
    if georeferenced:
        copy.SetGeoTransform(source.GetGeoTransform())
        copy.SetProjection(source.GetProjection())
    copy.GetRasterBand(1).SetNoDataValue(missing)
    copy.GetRasterBand(1).WriteArray(values)
    copy = None
    return str(out)


def empty_polygons(folder: Path) -> str:
    """A polygon layer (EPSG:2154) without any feature."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    path = folder / "empty.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    source.CreateLayer("empty", srs, ogr.wkbPolygon)
    source = None
    return str(path)


def in_degrees(given: dict, folder: Path) -> str:
    from osgeo import gdal

    out = folder / "buildings_4326.gpkg"
    gdal.VectorTranslate(str(out), given["buildings"], dstSRS="EPSG:4326", format="GPKG")
    return str(out)


def curved_lines(given: dict, folder: Path) -> str:
    """The roads of the sample town as circular strings through three of their vertices (a CAD export)."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    source = ogr.Open(given["lines"])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    out = folder / "curves.gpkg"
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    layer = target.CreateLayer("curves", srs, ogr.wkbCompoundCurve)
    for feature in source.GetLayer():
        line = feature.GetGeometryRef()
        points = (line.GetGeometryRef(0) if line.GetGeometryCount() else line).GetPoints()
        a, c = points[0], points[-1]
        b = ((a[0] + c[0]) / 2 + (c[1] - a[1]) / 4, (a[1] + c[1]) / 2 - (c[0] - a[0]) / 4)  # off the chord
        curve = ogr.CreateGeometryFromWkt(
            f"COMPOUNDCURVE(CIRCULARSTRING({a[0]} {a[1]}, {b[0]} {b[1]}, {c[0]} {c[1]}))")
        row = ogr.Feature(layer.GetLayerDefn())
        row.SetGeometry(curve)
        layer.CreateFeature(row)
    target = None
    return str(out)


def egms(given: dict, folder: Path, damage: str) -> str:
    """The sample EGMS CSV with its second point (line 3) damaged, or its header."""
    rows = list(csv.reader(io.StringIO(Path(given["egms_csv"]).read_text(encoding="utf-8"))))
    header, row = rows[0], rows[2]
    first_date = next(i for i, name in enumerate(header) if name.isdigit())
    if damage == "short":
        rows[2] = row[:5]
    elif damage == "nan easting":
        row[header.index("easting")] = "nan"
    elif damage == "long field":
        row[header.index("pid")] = "x" * 200_000
    elif damage == "letters":
        row[first_date + 3] = "abc"
    elif damage == "velocity":
        row[header.index("mean_velocity")] = "vite"
    elif damage == "bad date":
        header[first_date + 1] = "20191399"
    out = folder / "EGMS_damaged.csv"
    with open(out, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows[:50])
    return str(out)


def short_series(given: dict, folder: Path) -> str:
    """The imported EGMS GeoPackage with one point's displacement series cut to 3 bytes."""
    from osgeo import ogr

    ogr.UseExceptions()
    out = folder / "egms_short.gpkg"
    shutil.copy(given["egms"], out)
    source = ogr.Open(str(out), 1)
    source.ExecuteSQL("UPDATE egms_points SET displacement_mm = X'010203' "
                      "WHERE fid = (SELECT min(fid) FROM egms_points)")
    source = None
    return str(out)


def filosofi(folder: Path, damage: str) -> str:
    """A Filosofi 2019 CSV of the sample town's cells with its second cell (line 3) damaged, or the count of a
    cell inside the town (counts are read for the cells kept only)."""
    from testing.filosofi import filosofi_rows

    header, rows = filosofi_rows(2019)
    if damage == "short":
        rows[1] = rows[1][:2]
    elif damage == "cell":
        rows[1][[c.lower() for c in header].index("idcar_200m")] = "CRS3035RES200mNabcE1234"
    elif damage == "beaucoup":
        rows[820][[c.lower() for c in header].index("ind")] = "beaucoup"  # a cell of the town (line 822)
    out = folder / "Filosofi2019_carreaux_200m_met.csv"
    with open(out, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header] + rows)
    return str(out)
