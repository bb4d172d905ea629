"""Trees for the 3D view where IGN's LiDAR HD height model is not published yet: BD TOPO's vegetation zones
(``zone_de_vegetation``), each shown at a stated height for its nature.

These heights are conventions for the view, not measurements: BD TOPO gives a zone's nature, not its height. Its
forests are stands of trees able to reach 5 m (IGN, *BD TOPO® — Descriptif de contenu*, class
ZONE_DE_VEGETATION); a closed forest is shown 15 m high, a wood 12 m, an open forest 10 m, a hedge 6 m, an orchard
4 m. Shrubland (« Lande ligneuse ») and vineyards (« Vigne ») are no trees: below the 3 m the LiDAR HD canopy
starts at. A zone keeps only its part where the height model has no data, so the two sources never overlap; each
zone takes the height class of :mod:`.canopy` its height falls in, as LiDAR HD patches do.
"""

from __future__ import annotations

import json

import numpy as np
from osgeo import gdal, ogr, osr

from .canopy import CLASSES

ogr.UseExceptions()

#: Stated height (m) of the tree natures of BD TOPO's ``zone_de_vegetation``; other natures are no trees.
HEIGHTS = {
    "Forêt fermée de feuillus": 15.0,
    "Forêt fermée de conifères": 15.0,
    "Forêt fermée mixte": 15.0,
    "Peupleraie": 15.0,
    "Bois": 12.0,
    "Forêt ouverte": 10.0,
    "Haie": 6.0,
    "Verger": 4.0,
}
#: The trees' ``source`` field for these zones (LiDAR HD patches: :data:`.canopy.SOURCE`).
BDTOPO = "BD TOPO"


def height_class(height: float) -> int:
    """The class (1…3) of :data:`.canopy.CLASSES` a height falls in."""
    return next(number for number, (low, high) in enumerate(CLASSES, start=1) if low <= height < high)


def uncovered(heights: np.ndarray, geotransform) -> ogr.Geometry | None:
    """The area where the height model ``heights`` has no data (NaN), as one geometry in its CRS; None if it has
    data everywhere."""
    missing = np.isnan(heights)
    if not missing.any():
        return None
    rows, columns = heights.shape
    memory = gdal.GetDriverByName("MEM").Create("", columns, rows, 1, gdal.GDT_Byte)
    memory.SetGeoTransform(geotransform)
    band = memory.GetRasterBand(1)
    band.WriteArray(missing.astype(np.uint8))
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("missing", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0, [])  # the band as its own mask: the cells without data only
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for feature in layer:
        union.AddGeometry(feature.GetGeometryRef())
    return union.UnionCascaded()


def zone_rows(features: list, area: ogr.Geometry | None) -> list:
    """(polygon, nature, height, class) of the GeoJSON vegetation zones ``features`` that are trees, cut to
    ``area`` (None: whole)."""
    rows = []
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS's warnings on the degenerate rings it repairs
    try:
        for feature in features:
            rows += _rows_of(feature, area)
    finally:
        gdal.PopErrorHandler()
    return rows


def _rows_of(feature: dict, area) -> list:
    nature = str((feature.get("properties") or {}).get("nature") or "")
    height = HEIGHTS.get(nature)
    geometry = feature.get("geometry")
    if height is None or not geometry:
        return []
    shape = ogr.CreateGeometryFromJson(json.dumps(geometry))
    shape.FlattenTo2D()
    if not shape.IsValid():
        shape = shape.Buffer(0)
    if area is not None:
        shape = shape.Intersection(area)
    if shape is None or shape.IsEmpty() or shape.GetArea() <= 0:
        return []
    return [(part, nature, height, height_class(height)) for part in _polygons(shape)]


def _polygons(shape: ogr.Geometry) -> list:
    flat = ogr.GT_Flatten(shape.GetGeometryType())
    if flat == ogr.wkbPolygon:
        return [shape]
    if flat in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        parts = [shape.GetGeometryRef(i).Clone() for i in range(shape.GetGeometryCount())]
        return [p for part in parts for p in _polygons(part)]
    return []  # lines and points left by a cut: no area


def add_zones(path: str, table: str, rows: list) -> int:
    """Append ``rows`` (of :func:`zone_rows`) to the trees' ``table`` of the GeoPackage ``path`` (made by
    :func:`.canopy.write_polygons`, or made here with its fields); their count."""
    target = ogr.Open(path, update=1) if gdal.VSIStatL(path) is not None else None
    if target is None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(2154)
        target = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        layer = target.CreateLayer(table, srs, ogr.wkbPolygon)
        for name, kind in (("classe", ogr.OFTInteger), ("hauteur", ogr.OFTReal), ("source", ogr.OFTString)):
            layer.CreateField(ogr.FieldDefn(name, kind))
    layer = target.GetLayerByName(table)
    if layer.GetLayerDefn().GetFieldIndex("nature") < 0:
        layer.CreateField(ogr.FieldDefn("nature", ogr.OFTString))
    layer.StartTransaction()
    for polygon, nature, height, number in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(polygon)
        feature.SetField("classe", number)
        feature.SetField("hauteur", height)
        feature.SetField("source", BDTOPO)
        feature.SetField("nature", nature)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    target = None
    return len(rows)
