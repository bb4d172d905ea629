"""The compatibility helper (toolbelt/compat.py) on whichever QGIS runs the suite (3.22, 3.40, 3.44), and the
supported range that metadata.txt declares."""

import configparser
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_fields_are_made_and_recognised_from_qmetatype_types_on_every_version(qgis_app):
    from qgis.core import QgsFields, QgsVectorLayer
    from qgis.PyQt.QtCore import QMetaType

    from territoire_plugin.toolbelt.compat import field_is, new_field

    kinds = {"a": QMetaType.Type.Double, "b": QMetaType.Type.Int, "c": QMetaType.Type.QString,
             "d": QMetaType.Type.LongLong, "e": QMetaType.Type.QByteArray}
    fields = QgsFields()
    for name, kind in kinds.items():
        fields.append(new_field(name, kind))
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "t", "memory")
    assert layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    assert layer.fields().names() == list(kinds)
    for name, kind in kinds.items():
        field = layer.fields().field(name)
        assert field_is(field, kind), (name, field.typeName())
        assert not any(field_is(field, other) for other_name, other in kinds.items() if other_name != name)
    # What a provider reports goes through the same test: OGR's real and integer columns.
    assert field_is(layer.fields().field("a"), QMetaType.Type.Double)
    comment = new_field("f", QMetaType.Type.QString, len=12, comment="commentaire")
    assert (comment.length(), comment.comment()) == (12, "commentaire")


def test_a_geopackage_raster_beside_vectors_keeps_its_own_crs(qgis_app, tmp_path):
    """QGIS 3.44 reads a GeoPackage raster table in the CRS of the GeoPackage's vector layers; the helper gives
    it the CRS GDAL reads (UTM 31N here, beside Lambert-93 vectors), on every version."""
    from osgeo import gdal, ogr, osr

    from territoire_plugin.toolbelt.compat import gdal_raster_layer

    gdal.UseExceptions()
    path = str(tmp_path / "mixed.gpkg")
    lambert, utm = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    utm.ImportFromEPSG(32631)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = source.CreateLayer("commune", lambert, ogr.wkbPoint)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (664000 6360000)"))
    layer.CreateFeature(feature)
    source = layer = feature = None
    memory = gdal.GetDriverByName("MEM").Create("", 12, 10, 1, gdal.GDT_Float32)
    memory.SetGeoTransform((459255.0, 30.0, 0.0, 4915635.0, 0.0, -30.0))
    memory.SetSpatialRef(utm)
    memory.GetRasterBand(1).WriteArray(np.arange(120, dtype=np.float32).reshape(10, 12))
    gdal.Translate(path, memory, format="GPKG", creationOptions=["RASTER_TABLE=lst", "APPEND_SUBDATASET=YES"])
    memory = None
    raster = gdal_raster_layer(f"GPKG:{path}:lst", "lst")
    assert raster.isValid()
    assert raster.crs().authid() == "EPSG:32631"
    assert raster.extent().xMinimum() == pytest.approx(459255.0)
    # The CRS is the layer's in a project written and read again.
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.addMapLayer(raster)
    assert project.write(str(tmp_path / "p.qgz"))
    again = QgsProject()
    assert again.read(str(tmp_path / "p.qgz"))
    assert [layer.crs().authid() for layer in again.mapLayers().values()] == ["EPSG:32631"]
    # A path GDAL cannot open gives QGIS's invalid layer, no exception.
    assert not gdal_raster_layer(f"GPKG:{tmp_path / 'none.gpkg'}:lst", "x").isValid()


def test_layout_label_and_legend_fonts(qgis_app):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLegendStyle, QgsPrintLayout, QgsProject
    from qgis.PyQt.QtGui import QColor, QFont

    from territoire_plugin.toolbelt import compat

    layout = QgsPrintLayout(QgsProject.instance())
    label = QgsLayoutItemLabel(layout)
    compat.set_label_text(label, QFont("Sans", 17, QFont.Weight.Bold), "#a00000")
    if compat.LABEL_TEXT_FORMAT:
        text = label.textFormat()
        font, colour, size = text.font(), text.color(), text.size()
    else:
        font, colour, size = label.font(), label.fontColor(), label.font().pointSizeF()
    assert (size, font.bold(), colour.name()) == (17, True, QColor("#a00000").name())
    legend = QgsLayoutItemLegend(layout)
    compat.set_legend_style_font(legend, QgsLegendStyle.Style.Title, QFont("Sans", 13, QFont.Weight.Bold))
    style = legend.rstyle(QgsLegendStyle.Style.Title)
    font = style.textFormat().toQFont() if compat.LEGEND_TEXT_FORMAT else style.font()
    assert (font.pointSizeF(), font.bold()) == (13, True)


def test_metadata_declares_a_tested_range():
    """metadata.txt: versions in QGIS's x.y form, minimum ≤ maximum, the minimum is the oldest tested (3.22)."""
    config = configparser.ConfigParser()
    assert config.read(ROOT / "territoire_plugin" / "metadata.txt", encoding="utf-8")
    general = config["general"]
    low, high = general["qgisMinimumVersion"], general["qgisMaximumVersion"]
    for value in (low, high):
        assert re.fullmatch(r"[34]\.\d{1,2}", value), value
    as_tuple = [tuple(int(p) for p in v.split(".")) for v in (low, high)]
    assert as_tuple[0] <= as_tuple[1]
    assert low == "3.22"
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])


def test_the_running_qgis_is_in_the_declared_range(qgis_app):
    from qgis.core import Qgis

    config = configparser.ConfigParser()
    assert config.read(ROOT / "territoire_plugin" / "metadata.txt", encoding="utf-8")
    low, high = (tuple(int(p) for p in config["general"][k].split(".")) for k in ("qgisMinimumVersion",
                                                                                   "qgisMaximumVersion"))
    running = (Qgis.versionInt() // 10000, Qgis.versionInt() // 100 % 100)
    assert low <= running <= high
