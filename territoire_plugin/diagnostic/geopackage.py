"""The commune diagnostic's GeoPackage: every vector layer and table, every raster (one band, float32, as a
gridded coverage), and each layer's style as its default (``layer_styles``)."""

from __future__ import annotations

from pathlib import Path

from . import catalogue

LAMBERT93 = "EPSG:2154"


def _source(uri: str) -> tuple[str, str | None]:
    parts = uri.split("|")
    layer = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    return parts[0], layer


def write_geopackage(diagnostic, path: Path) -> Path:
    """Every vector layer, then every raster (one band, float32, as a GeoPackage gridded coverage)."""
    from osgeo import gdal

    gdal.UseExceptions()
    first = True
    copies = [(name, uri, True) for name, (uri, _) in diagnostic.vectors.items()]
    copies += [(name, uri, False) for name, uri in diagnostic.tables.items()]
    for name, uri, spatial in copies:
        source, layer = _source(uri)
        dataset = gdal.VectorTranslate(
            str(path), source, format="GPKG", layers=[layer] if layer else None, layerName=name,
            accessMode=None if first else "update", dstSRS=LAMBERT93 if spatial else None,
            geometryType="PROMOTE_TO_MULTI" if spatial and name != "egms_points" else None)
        if dataset is None:
            raise OSError(f"cannot write {name} into {path}")
        dataset = None
        first = False
    for name, (raster, _) in diagnostic.rasters.items():
        dataset = gdal.Translate(str(path), raster, format="GPKG", bandList=[1], outputType=gdal.GDT_Float32,
                                 creationOptions=[f"RASTER_TABLE={name}", "APPEND_SUBDATASET=YES",
                                                  "TILE_FORMAT=TIFF",
                                                  f"FIELD_NAME={catalogue.BY_NAME[name].values or name}"])
        if dataset is None:
            raise OSError(f"cannot write the raster {name} into {path}")
        dataset = None
    return path


def write_default_styles(gpkg: Path, styles: dict) -> None:
    """Each layer's style as its default in the GeoPackage's ``layer_styles`` table (QGIS's own schema), written
    with OGR, so that the layers come styled even when the GeoPackage is opened without the project."""
    import datetime

    from osgeo import ogr
    from qgis.PyQt.QtXml import QDomDocument

    ogr.UseExceptions()
    dataset = ogr.Open(str(gpkg), 1)
    try:
        table = dataset.GetLayerByName("layer_styles")
        if table is None:
            table = dataset.CreateLayer("layer_styles", geom_type=ogr.wkbNone)
            for column, kind in (("f_table_catalog", ogr.OFTString), ("f_table_schema", ogr.OFTString),
                                 ("f_table_name", ogr.OFTString), ("f_geometry_column", ogr.OFTString),
                                 ("styleName", ogr.OFTString), ("styleQML", ogr.OFTString),
                                 ("styleSLD", ogr.OFTString), ("useAsDefault", ogr.OFTInteger),
                                 ("description", ogr.OFTString), ("owner", ogr.OFTString), ("ui", ogr.OFTString),
                                 ("update_time", ogr.OFTDateTime)):
                definition = ogr.FieldDefn(column, kind)
                if column == "useAsDefault":
                    definition.SetSubType(ogr.OFSTBoolean)
                table.CreateField(definition)
        for name, (title, layer) in styles.items():
            document = QDomDocument()
            layer.exportNamedStyle(document)
            source = dataset.GetLayerByName(name)
            feature = ogr.Feature(table.GetLayerDefn())
            for column, value in (("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", name),
                                  ("f_geometry_column", source.GetGeometryColumn() if source else ""),
                                  ("styleName", name[:30]), ("styleQML", document.toString()),
                                  ("styleSLD", ""), ("description", title), ("owner", ""), ("ui", "")):
                feature.SetField(column, value)
            feature.SetField("useAsDefault", 1)
            feature.SetField("update_time", datetime.datetime.now().strftime("%Y/%m/%d %H:%M:%S"))
            table.CreateFeature(feature)
    finally:
        dataset = None
