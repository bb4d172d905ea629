#!/usr/bin/env python3
"""Deterministic generator of the bundled sample: a Landsat-like Collection 2 Level-2 product.

The scene sits on the real location of Olemps and Rodez (Aveyron, INSEE 12174 / 12202), on
the Landsat UTM 31N grid. The town is warmer than its vegetated surroundings; the river
Aveyron is cool water; a cloud with its dilated edge and its shadow sits north-east; a
corner of fill mimics the edge of a scene. Files: MTL (txt, xml, json), ST_B10, QA_PIXEL,
SR_B4, SR_B5 (uint16 tiled GeoTIFFs like USGS's COGs) and the study-area outline
(GeoJSON, EPSG:2154). Values follow the USGS C2 L2 scaling exactly, so tests can recompute
them independently.

Usage: sample_data.py OUTPUT_FOLDER [--size N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

PRODUCT_ID = "LC09_L2SP_197029_20230715_20230717_02_T1"
ST_MULT, ST_ADD = 0.00341802, 149.0
SR_MULT, SR_ADD = 2.75e-05, -0.2
EPSG_UTM = 32631
#: Pixel centre of the town centre (Olemps / Rodez), lon/lat.
TOWN_LONLAT = (2.5640, 44.3480)

# Real Collection 2 QA_PIXEL values (bit 6 clear, confidence bits set as USGS does).
QA_FILL = 1
QA_CLEAR = 21824
QA_WATER = 21952
QA_CLOUD = 22280
QA_DILATED = 21762
QA_SHADOW = 23888

CO = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE"]


def _smooth_noise(rng, shape, passes=4):
    noise = rng.standard_normal(shape)
    for _ in range(passes):  # cheap separable blur; deterministic
        noise = (noise + np.roll(noise, 1, 0) + np.roll(noise, -1, 0)) / 3
        noise = (noise + np.roll(noise, 1, 1) + np.roll(noise, -1, 1)) / 3
    return noise / noise.std()


def scene_fields(size: int, seed: int = 12174):
    """Kelvin, QA_PIXEL and red/NIR reflectance arrays of the scene (size × size)."""
    rng = np.random.RandomState(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float64) / size
    # Urban share: Rodez centre (large) and Olemps (small, south-west of it).
    urban = np.clip(
        np.exp(-(((xx - 0.55) / 0.10) ** 2 + ((yy - 0.45) / 0.08) ** 2))
        + 0.7 * np.exp(-(((xx - 0.40) / 0.06) ** 2 + ((yy - 0.58) / 0.05) ** 2)),
        0, 1,
    )
    forest = np.clip(_smooth_noise(rng, (size, size), 8) - 0.6, 0, None) * (1 - urban)
    forest = np.clip(forest, 0, 1)
    # The Aveyron: a meander crossing the scene west to east, south of the centre.
    river_y = 0.62 + 0.05 * np.sin(xx * 9.0) + 0.02 * np.sin(xx * 23.0)
    water = np.abs(yy - river_y) < (1.5 / size + 0.004)
    kelvin = (
        273.15 + 28.0
        + 1.5 * (yy - 0.5)  # slightly warmer southward
        + 9.0 * urban
        - 3.0 * forest
        + 0.6 * _smooth_noise(rng, (size, size), 2)
    )
    kelvin[water] = 273.15 + 21.5 + 0.3 * rng.standard_normal(water.sum())
    ndvi = np.clip(0.72 - 0.6 * urban + 0.1 * forest + 0.03 * rng.standard_normal((size, size)), 0.05, 0.9)
    ndvi[water] = -0.12
    nir = np.where(water, 0.03, 0.12 + 0.28 * ndvi)
    red = nir * (1 - ndvi) / (1 + ndvi)

    qa = np.full((size, size), QA_CLEAR, dtype=np.uint16)
    qa[water] = QA_WATER
    # Cloud north-east, its dilated edge, and its shadow offset south-west (sun from the south-east).
    cloud_d = np.hypot((xx - 0.80) / 0.09, (yy - 0.18) / 0.06)
    shadow_d = np.hypot((xx - 0.74) / 0.09, (yy - 0.25) / 0.06)
    shadow = (shadow_d < 1.0) & (cloud_d >= 1.3)
    qa[shadow] = QA_SHADOW
    kelvin[shadow] -= 4.0
    dilated = (cloud_d >= 1.0) & (cloud_d < 1.3)
    qa[dilated] = QA_DILATED
    cloud = cloud_d < 1.0
    qa[cloud] = QA_CLOUD
    kelvin[cloud] = 273.15 + 2.0 - 8.0 * (1 - cloud_d[cloud])  # cold cloud tops
    # Scene edge: the south-west corner is outside the swath.
    fill = (xx + (1 - yy)) < 0.18
    qa[fill] = QA_FILL
    return kelvin, qa, red, nir, fill


def _grid(size: int):
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(EPSG_UTM)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(wgs, utm).TransformPoint(*TOWN_LONLAT)
    # Landsat's UTM grid: pixel edges at odd multiples of 15 m.
    x0 = np.floor((x - size * 15) / 30) * 30 + 15
    y0 = np.floor((y + size * 15) / 30) * 30 + 15
    return (float(x0), 30.0, 0.0, float(y0), 0.0, -30.0), utm


def write_band(path: Path, array, geotransform, srs, nodata=None, options=CO) -> Path:
    """Write ``array`` (any numpy type GDAL knows) as a single-band GeoTIFF in ``srs``."""
    from osgeo import gdal_array

    data_type = gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, data_type,
                                              options=list(options))
    ds.SetGeoTransform(geotransform)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    band = None
    ds = None
    return path


def mtl_groups(size: int, geotransform, cloud_cover: float) -> dict:
    x0, _, _, y0, _, _ = geotransform
    pid = PRODUCT_ID
    ul = (x0 + 15, y0 - 15)
    lr = (x0 + size * 30 - 15, y0 - size * 30 + 15)
    contents = {
        "ORIGIN": "Territoire synthetic sample (not USGS data)",
        "LANDSAT_PRODUCT_ID": pid,
        "PROCESSING_LEVEL": "L2SP",
        "COLLECTION_NUMBER": "02",
        "COLLECTION_CATEGORY": "T1",
        "OUTPUT_FORMAT": "GEOTIFF",
        "FILE_NAME_BAND_4": f"{pid}_SR_B4.TIF",
        "FILE_NAME_BAND_5": f"{pid}_SR_B5.TIF",
        "FILE_NAME_BAND_ST_B10": f"{pid}_ST_B10.TIF",
        "FILE_NAME_QUALITY_L1_PIXEL": f"{pid}_QA_PIXEL.TIF",
        "FILE_NAME_METADATA_ODL": f"{pid}_MTL.txt",
        "FILE_NAME_METADATA_XML": f"{pid}_MTL.xml",
        "DATA_TYPE_BAND_ST_B10": "UINT16",
    }
    return {
        "LANDSAT_METADATA_FILE": {},
        "PRODUCT_CONTENTS": contents,
        "IMAGE_ATTRIBUTES": {
            "SPACECRAFT_ID": "LANDSAT_9",
            "SENSOR_ID": "OLI_TIRS",
            "WRS_TYPE": "2",
            "WRS_PATH": "197",
            "WRS_ROW": "029",
            "DATE_ACQUIRED": "2023-07-15",
            "SCENE_CENTER_TIME": "10:32:41.2030000Z",
            "CLOUD_COVER": f"{cloud_cover:.2f}",
            "CLOUD_COVER_LAND": f"{cloud_cover:.2f}",
            "SUN_AZIMUTH": "138.5",
            "SUN_ELEVATION": "62.1",
        },
        "PROJECTION_ATTRIBUTES": {
            "MAP_PROJECTION": "UTM",
            "DATUM": "WGS84",
            "ELLIPSOID": "WGS84",
            "UTM_ZONE": "31",
            "GRID_CELL_SIZE_THERMAL": "30.00",
            "REFLECTIVE_LINES": str(size),
            "REFLECTIVE_SAMPLES": str(size),
            "THERMAL_LINES": str(size),
            "THERMAL_SAMPLES": str(size),
            "CORNER_UL_PROJECTION_X_PRODUCT": f"{ul[0]:.3f}",
            "CORNER_UL_PROJECTION_Y_PRODUCT": f"{ul[1]:.3f}",
            "CORNER_LR_PROJECTION_X_PRODUCT": f"{lr[0]:.3f}",
            "CORNER_LR_PROJECTION_Y_PRODUCT": f"{lr[1]:.3f}",
        },
        "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS": {
            "REFLECTANCE_MULT_BAND_4": "2.75e-05",
            "REFLECTANCE_MULT_BAND_5": "2.75e-05",
            "REFLECTANCE_ADD_BAND_4": "-0.2",
            "REFLECTANCE_ADD_BAND_5": "-0.2",
        },
        "LEVEL2_SURFACE_TEMPERATURE_PARAMETERS": {
            "TEMPERATURE_MAXIMUM_BAND_ST_B10": "372.999941",
            "TEMPERATURE_MINIMUM_BAND_ST_B10": "149.003418",
            "QUANTIZE_CAL_MAXIMUM_BAND_ST_B10": "65535",
            "QUANTIZE_CAL_MINIMUM_BAND_ST_B10": "1",
            "TEMPERATURE_MULT_BAND_ST_B10": repr(ST_MULT),
            "TEMPERATURE_ADD_BAND_ST_B10": repr(ST_ADD),
        },
    }


_QUOTED = {"ORIGIN", "LANDSAT_PRODUCT_ID", "PROCESSING_LEVEL", "COLLECTION_NUMBER", "COLLECTION_CATEGORY",
           "OUTPUT_FORMAT", "SPACECRAFT_ID", "SENSOR_ID", "SCENE_CENTER_TIME", "MAP_PROJECTION", "DATUM",
           "ELLIPSOID", "DATA_TYPE_BAND_ST_B10"}


def write_mtl(groups: dict, path: Path) -> None:
    """Write ``groups`` as ODL text, XML or JSON according to the suffix, as USGS lays them out."""
    root = "LANDSAT_METADATA_FILE"
    inner = {name: values for name, values in groups.items() if name != root}
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(json.dumps({root: inner}, indent=None), encoding="utf-8")
    elif suffix == ".xml":
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<{root}>"]
        for name, values in inner.items():
            lines.append(f"  <{name}>")
            lines += [f"    <{key}>{value}</{key}>" for key, value in values.items()]
            lines.append(f"  </{name}>")
        lines.append(f"</{root}>")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        lines = [f"GROUP = {root}"]
        for name, values in inner.items():
            lines.append(f"  GROUP = {name}")
            for key, value in values.items():
                shown = f'"{value}"' if key in _QUOTED or key.startswith("FILE_NAME") else value
                lines.append(f"    {key} = {shown}")
            lines.append(f"  END_GROUP = {name}")
        lines += [f"END_GROUP = {root}", "END"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_study_area(path: Path, geotransform, size: int, srs_utm) -> None:
    """An approximate outline around the town (EPSG:2154), for clipping demos and tests."""
    x0, _, _, y0, _, _ = geotransform
    cx, cy = x0 + 0.50 * size * 30, y0 - 0.50 * size * 30
    radius = 0.22 * size * 30
    angles = np.linspace(0, 2 * np.pi, 25)[:-1]
    wobble = 1 + 0.15 * np.sin(3 * angles)
    ring = [(cx + radius * w * np.cos(a), cy + radius * 0.8 * w * np.sin(a)) for a, w in zip(angles, wobble)]
    ring.append(ring[0])
    polygon = ogr.Geometry(ogr.wkbPolygon)
    linear = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ring:
        linear.AddPoint_2D(float(x), float(y))
    polygon.AddGeometry(linear)
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    srs_utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lambert.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    polygon.Transform(osr.CoordinateTransformation(srs_utm, lambert))
    ring_out = polygon.GetGeometryRef(0)
    coords = [[round(ring_out.GetX(i), 2), round(ring_out.GetY(i), 2)] for i in range(ring_out.GetPointCount())]
    feature_collection = {
        "type": "FeatureCollection",
        "name": "zone_etude_olemps",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
        "features": [{
            "type": "Feature",
            "properties": {"nom": "Zone d'étude Olemps – Rodez (contour approximatif)", "insee": "12174"},
            "geometry": {"type": "Polygon", "coordinates": [coords]},
        }],
    }
    path.write_text(json.dumps(feature_collection, ensure_ascii=False, indent=1), encoding="utf-8")


def generate(folder: str | Path, size: int = 400) -> Path:
    """Write the sample product into ``folder/PRODUCT_ID``; return that product folder."""
    product = Path(folder) / PRODUCT_ID
    product.mkdir(parents=True, exist_ok=True)
    kelvin, qa, red, nir, fill = scene_fields(size)
    geotransform, srs = _grid(size)
    st_dn = np.clip(np.round((kelvin - ST_ADD) / ST_MULT), 1, 65535).astype(np.uint16)
    st_dn[fill] = 0
    to_sr = lambda rho: np.clip(np.round((rho - SR_ADD) / SR_MULT), 1, 65535).astype(np.uint16)  # noqa: E731
    red_dn, nir_dn = to_sr(red), to_sr(nir)
    red_dn[fill] = nir_dn[fill] = 0
    write_band(product / f"{PRODUCT_ID}_ST_B10.TIF", st_dn, geotransform, srs, nodata=0)
    write_band(product / f"{PRODUCT_ID}_QA_PIXEL.TIF", qa, geotransform, srs, nodata=1)
    write_band(product / f"{PRODUCT_ID}_SR_B4.TIF", red_dn, geotransform, srs, nodata=0)
    write_band(product / f"{PRODUCT_ID}_SR_B5.TIF", nir_dn, geotransform, srs, nodata=0)
    cloudy = np.isin(qa, [QA_CLOUD, QA_DILATED, QA_SHADOW])
    cloud_cover = 100.0 * cloudy.sum() / (~fill).sum()
    groups = mtl_groups(size, geotransform, cloud_cover)
    for suffix in ("txt", "xml", "json"):
        write_mtl(groups, product / f"{PRODUCT_ID}_MTL.{suffix}")
    write_study_area(Path(folder) / "zone_etude_olemps.geojson", geotransform, size, srs)
    (Path(folder) / "SOURCE.txt").write_text(SOURCE, encoding="utf-8")
    return product


SOURCE = """Territoire — sample data

LC09_L2SP_197029_20230715_20230717_02_T1/: a SYNTHETIC Landsat 9 Collection 2 Level-2 product, made by
testing/sample_data.py (deterministic), at the real place of Olemps and Rodez (Aveyron) on Landsat's UTM 31N grid.
Not USGS data, not a measurement. The demo's summer scenes are made from it, their temperature and reflectance
redrawn from the real land cover of Olemps (testing/sample_town.py).

zone_etude_olemps.geojson: an approximate study area, synthetic.

The demo town itself is real: the commune outline and the BD TOPO® buildings, roads, vegetation and water of Olemps,
© IGN, Licence Ouverte Etalab 2.0 (testing/olemps/olemps_12174.gpkg.zip, see testing/olemps/SOURCE.txt).
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", help="folder to write the sample into")
    parser.add_argument("--size", type=int, default=400, help="scene width and height in pixels")
    args = parser.parse_args(argv)
    product = generate(args.output, args.size)
    print(f"sample product written to {product}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
