"""The Géoplateforme's WMS-Raster elevation layers for the demo town, the relief drawn from the real Olemps extract.

``GET <wms-r>?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=<layer>&STYLES=&CRS=EPSG:2154&BBOX=<xmin,ymin,xmax,ymax>
&WIDTH=<w>&HEIGHT=<h>&FORMAT=image/geotiff`` → a GeoTIFF of one Float32 band, no-data −9999 where the layer has
nothing, as the real service answers (IGN's WMS-Raster documentation, cartes.gouv.fr « Images WMS-Raster »; live
probes recorded in public clients, 2026-09: ``image/geotiff``, one Float32 band, no-data −9999); more than 2048
pixels a side, an unknown layer or CRS: a WMS 1.3.0 ServiceExceptionReport, text/xml, HTTP 400 (ROK4, the server
behind the Géoplateforme's WMS: rok4/server, src/services/wms/Exception.cpp and getmap.cpp).

The terrain is the real one: the BD TOPO® road sections of the extract are 3D, their vertices' altitudes (RGE ALTI®,
498 to 641 m across Olemps) triangulated into a 5 m grid, extended beyond the outermost roads. LiDAR HD, as in much
of France today, covers only part of the area: here the west of the commune (x < 664 000 m); elsewhere its layers
answer no-data, and the client must take RGE ALTI®. The height model (MNH) is the buildings' ``hauteur`` and 14 m
over the woods, where LiDAR HD is.
"""

from __future__ import annotations

import json
import threading

import numpy as np

from . import olemps
from .fake_basemap import memory_file
from .local_server import LocalServer

TERRAIN_LIDAR = "IGNF_LIDAR-HD_MNT_ELEVATION.ELEVATIONGRIDCOVERAGE.LAMB93"
TERRAIN_RGE_ALTI = "ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES"
HEIGHT_LIDAR = "IGNF_LIDAR-HD_MNH_ELEVATION.ELEVATIONGRIDCOVERAGE.LAMB93"
LIDAR_EAST_LIMIT = 664_000.0
NODATA = -9999.0
CELL = 5.0
TREE_HEIGHT = 14.0
_LOCK = threading.Lock()
_GRIDS: dict = {}


def _road_vertices() -> np.ndarray:
    points = []
    for feature in olemps.features("troncon_de_route"):
        geometry = feature["geometry"]
        lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
        points += [c for line in lines for c in line if len(c) > 2 and -100 < c[2] < 5000]  # 9999: unknown
    return np.array(points)


def grids():
    """(geotransform, terrain, heights) over the extract and 500 m around, 5 m cells, Lambert-93 (made once)."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    with _LOCK:
        if _GRIDS:
            return _GRIDS["geotransform"], _GRIDS["terrain"], _GRIDS["heights"]
        vertices = _road_vertices()
        xmin, ymin = vertices[:, :2].min(axis=0) - 500
        xmax, ymax = vertices[:, :2].max(axis=0) + 500
        width, height = int((xmax - xmin) // CELL), int((ymax - ymin) // CELL)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(2154)
        source = gdal.GetDriverByName("Memory").Create("", 0, 0, 0, gdal.GDT_Unknown)
        layer = source.CreateLayer("z", srs, ogr.wkbPoint25D)
        for x, y, z in vertices[::2]:
            feature = ogr.Feature(layer.GetLayerDefn())
            point = ogr.Geometry(ogr.wkbPoint25D)
            point.AddPoint(float(x), float(y), float(z))
            feature.SetGeometry(point)
            layer.CreateFeature(feature)
        grid = gdal.Grid("", source, format="MEM", outputBounds=[xmin, ymax, xmax, ymin], width=width, height=height,
                         outputType=gdal.GDT_Float32, algorithm="linear:radius=-1:nodata=-9999")
        # radius=-1: a cell outside the roads' triangles takes its nearest vertex (the grid has no hole).
        terrain = grid.GetRasterBand(1).ReadAsArray()
        geotransform = (float(xmin), CELL, 0.0, float(ymax), 0.0, -CELL)
        # The height model: buildings by their height, woods at TREE_HEIGHT.
        heights = np.zeros_like(terrain)
        cover = olemps.land_cover(geotransform, width, height, srs.ExportToWkt(), oversample=2)
        heights[cover["trees"] > 0.5] = TREE_HEIGHT
        mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Float32)
        mem.SetGeoTransform(geotransform)
        mem.SetProjection(srs.ExportToWkt())
        buildings = ogr.GetDriverByName("Memory").CreateDataSource("")
        blayer = buildings.CreateLayer("b", srs, ogr.wkbPolygon)
        blayer.CreateField(ogr.FieldDefn("h", ogr.OFTReal))
        for feature in olemps.features("batiment"):
            h = feature["properties"].get("hauteur")
            if not h:
                continue
            out = ogr.Feature(blayer.GetLayerDefn())
            geometry = ogr.CreateGeometryFromJson(json.dumps(feature["geometry"]))
            geometry.FlattenTo2D()
            out.SetGeometry(geometry)
            out.SetField("h", float(h))
            blayer.CreateFeature(out)
        gdal.RasterizeLayer(mem, [1], blayer, options=["ATTRIBUTE=h"])
        built = mem.GetRasterBand(1).ReadAsArray()
        heights = np.where(built > 0, built, heights).astype(np.float32)
        _GRIDS.update(geotransform=geotransform, terrain=terrain, heights=heights)
        return geotransform, terrain, heights


def render(layer: str, bounds, width: int, height: int) -> bytes:
    """The GeoTIFF a GetMap of ``layer`` over ``bounds`` (Lambert-93) answers."""
    from osgeo import gdal, osr

    geotransform, terrain, heights = grids()
    values = heights if layer == HEIGHT_LIDAR else terrain
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    source = gdal.GetDriverByName("MEM").Create("", values.shape[1], values.shape[0], 1, gdal.GDT_Float32)
    source.SetGeoTransform(geotransform)
    source.SetProjection(srs.ExportToWkt())
    source.GetRasterBand(1).WriteArray(values)
    source.GetRasterBand(1).SetNoDataValue(NODATA)
    path = f"/vsimem/elevation_{threading.get_ident()}_{id(values)}.tif"
    warped = gdal.Warp("", source, format="MEM", outputBounds=bounds, width=width, height=height,
                       resampleAlg="bilinear", srcNodata=NODATA, dstNodata=NODATA, outputType=gdal.GDT_Float32)
    data = warped.GetRasterBand(1).ReadAsArray()
    if layer in (TERRAIN_LIDAR, HEIGHT_LIDAR):  # LiDAR HD has not been flown east of the limit
        xs = bounds[0] + (np.arange(width) + 0.5) * (bounds[2] - bounds[0]) / width
        data[:, xs >= LIDAR_EAST_LIMIT] = NODATA
    warped.GetRasterBand(1).WriteArray(data)
    gdal.GetDriverByName("GTiff").CreateCopy(path, warped)
    warped = source = None
    return memory_file(path)


def _exception(code: str, text: str):
    body = ('<?xml version="1.0" encoding="UTF-8"?><ServiceExceptionReport version="1.3.0" '
            f'xmlns="http://www.opengis.net/ogc"><ServiceException code="{code}">{text}</ServiceException>'
            "</ServiceExceptionReport>")
    return 400, {"Content-Type": "text/xml"}, body.encode()


def install_wms_raster(server: LocalServer, path: str = "/wms-r", requests: list | None = None) -> str:
    """The WMS-Raster GetMap at ``path``; each request's layer is appended to ``requests`` when given."""

    def get_map(request):
        q = {k.upper(): v[0] for k, v in request.query.items()}
        if q.get("REQUEST", "").lower() != "getmap":
            return _exception("OperationNotSupported", "Only GetMap is served here")
        layer = q.get("LAYERS", "")
        if layer not in (TERRAIN_LIDAR, TERRAIN_RGE_ALTI, HEIGHT_LIDAR):
            return _exception("LayerNotDefined", f"Unknown layer: {layer}")
        if q.get("CRS") != "EPSG:2154" or q.get("FORMAT") != "image/geotiff":
            return _exception("InvalidCRS", "This fake serves EPSG:2154 GeoTIFF only")
        try:
            bounds = [float(v) for v in q["BBOX"].split(",")]
            width, height = int(q["WIDTH"]), int(q["HEIGHT"])
        except (KeyError, ValueError):
            return _exception("MissingParameterValue", "BBOX, WIDTH and HEIGHT are needed")
        if not (0 < width <= 2048 and 0 < height <= 2048):
            return _exception("InvalidParameterValue", "WIDTH and HEIGHT must be at most 2048")
        if requests is not None:
            requests.append(layer)
        return 200, {"Content-Type": "image/geotiff"}, render(layer, bounds, width, height)

    server.route(path, get_map)
    return server.url + path
