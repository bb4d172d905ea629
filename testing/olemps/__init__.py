"""The real Olemps (Aveyron, INSEE 12174), bundled as the demo town: IGN BD TOPO® and the commune outline, Licence
Ouverte Etalab 2.0 (SOURCE.txt beside this file; made by build_extract.py from ``../shared``).

Read here as GeoJSON features in the shapes the Géoplateforme WFS answers (3D geometries, V3 field names, ids
``<layer>.<cleabs>``), and as land-cover fractions on any raster grid (for the synthetic Landsat scenes, which follow
the real land cover, and for the demonstration basemap's tiles).
"""

from __future__ import annotations

import json
import threading
from functools import cache
from pathlib import Path

EXTRACT = Path(__file__).resolve().parent / "olemps_12174.gpkg.zip"
#: GDAL's path of the GeoPackage inside the zip (read in place, never unpacked).
GPKG = f"/vsizip/{EXTRACT}/olemps_12174.gpkg"
LAYERS = ("commune", "batiment", "troncon_de_route", "zone_de_vegetation", "surface_hydrographique")
#: GDAL handles are not shared between threads: the local server's threads read the extract one at a time.
LOCK = threading.Lock()


@cache
def _features_json(layer: str) -> str:
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    with LOCK:
        dataset = ogr.Open(GPKG)
        source = dataset.GetLayer(layer)
        features = []
        for feature in source:
            geometry = json.loads(feature.GetGeometryRef().ExportToJson())
            properties = {key: value for key, value in feature.items().items()}
            features.append({"type": "Feature", "id": f"{layer}.{properties['cleabs']}", "geometry": geometry,
                             "properties": properties})
        dataset = None
    return json.dumps(features)


def features(layer: str) -> list:
    """The layer's features as GeoJSON dicts in EPSG:2154 (a fresh copy each call)."""
    return json.loads(_features_json(layer))


def commune() -> dict:
    """The commune's one feature (code_insee, nom_officiel, population, code_postal)."""
    return features("commune")[0]


def outline_lonlat() -> dict:
    """The commune outline as API Géo gives it: a GeoJSON Polygon (or MultiPolygon) in WGS84, 6 decimals."""
    from osgeo import ogr

    from territoire_plugin.core.grid import transformation

    geometry = ogr.CreateGeometryFromJson(json.dumps(commune()["geometry"]))
    geometry.Transform(transformation(2154, 4326))
    if geometry.GetGeometryCount() == 1:
        geometry = geometry.GetGeometryRef(0).Clone()
    shape = json.loads(geometry.ExportToJson())

    def rounded(node):
        return [round(v, 6) for v in node[:2]] if isinstance(node[0], float) else [rounded(n) for n in node]

    return {"type": shape["type"], "coordinates": rounded(shape["coordinates"])}


#: Land-cover classes rasterised by :func:`land_cover`: (layer, attribute filter, all touched).
COVER = {
    "buildings": ("batiment", None, False),
    "roads": ("troncon_de_route", "nature NOT IN ('Sentier', 'Chemin', 'Escalier')", True),
    "trees": ("zone_de_vegetation", "nature <> 'Haie'", False),
    "hedges": ("zone_de_vegetation", "nature = 'Haie'", False),
    "water": ("surface_hydrographique", None, False),
}


def land_cover(geotransform, width: int, height: int, wkt: str, oversample: int = 10) -> dict:
    """The share (0–1) of each class of :data:`COVER` in every pixel of a grid (any CRS): the extract rasterised on a
    grid ``oversample`` times finer, then averaged."""
    import numpy as np
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    x0, dx, _, y0, _, dy = geotransform
    fine = gdal.GetDriverByName("MEM").Create("", width * oversample, height * oversample, len(COVER), gdal.GDT_Byte)
    fine.SetGeoTransform((x0, dx / oversample, 0, y0, 0, dy / oversample))
    fine.SetProjection(wkt)
    with LOCK:
        dataset = ogr.Open(GPKG)
        for band, (layer_name, where, touched) in enumerate(COVER.values(), start=1):
            layer = dataset.GetLayer(layer_name)
            layer.SetAttributeFilter(where)
            options = ["ALL_TOUCHED=TRUE"] if touched else []
            gdal.RasterizeLayer(fine, [band], layer, burn_values=[1], options=options)
            layer.SetAttributeFilter(None)
        dataset = None
    shares = {}
    for band, name in enumerate(COVER, start=1):
        data = fine.GetRasterBand(band).ReadAsArray().astype(np.float32)
        shares[name] = data.reshape(height, oversample, width, oversample).mean(axis=(1, 3))
    return shares
