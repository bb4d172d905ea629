"""The report's places against local copies of the Géoplateforme (testing/fake_basemap.py): the Plan IGN image
mosaicked from WMTS tiles and cached (offline afterwards, nothing when there is neither network nor cache), and the
addresses of the reverse geocoder (cached, one request per place, none when it cannot be reached)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest


def olemps_extent():
    from qgis.core import QgsRectangle

    from testing import olemps
    from testing.sample_town import _ogr

    xmin, xmax, ymin, ymax = _ogr(olemps.commune()).GetEnvelope()
    return QgsRectangle(xmin, ymin, xmax, ymax)


def test_tiles_cover_the_area_at_the_asked_width():
    from territoire_plugin.sources import wmts

    bounds = (285000.0, 5515000.0, 291000.0, 5521000.0)  # 6 km of Web Mercator around Olemps
    z, rows, cols = wmts.tiles_for(bounds, 1400)
    span = wmts.tile_span(z)
    # The tiles cover the area, and the pixels across are at least the width asked (the next level up would not).
    assert -wmts.ORIGIN + cols.start * span <= bounds[0] and -wmts.ORIGIN + cols.stop * span >= bounds[2]
    assert wmts.ORIGIN - rows.start * span >= bounds[3] and wmts.ORIGIN - rows.stop * span <= bounds[1]
    assert 6000 / (span / 256) >= 1400 > 6000 / (2 * span / 256)
    assert z == math.ceil(math.log2(2 * wmts.ORIGIN * 1400 / (256 * 6000)))
    # A whole département would take too many tiles: a coarser level.
    z_wide, rows_wide, cols_wide = wmts.tiles_for((250000.0, 5400000.0, 400000.0, 5600000.0), 1400)
    assert len(rows_wide) * len(cols_wide) <= wmts.MAX_TILES and z_wide < z
    with pytest.raises(ValueError):
        wmts.tiles_for((1.0, 1.0, 1.0, 2.0), 100)


def test_basemap_is_mosaicked_cached_and_used_offline(geoplateforme, tmp_path):
    """The image is in Web Mercator over the commune, made of the service's tiles (their colours), each asked once;
    a second image with the service gone comes from the cache; with neither, nothing (None)."""
    import rasterio
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from territoire_plugin.qgis_io.places import basemap_image
    from testing import fake_basemap

    crs = QgsCoordinateReferenceSystem("EPSG:2154")
    context = QgsProject.instance().transformContext()
    layer = basemap_image(olemps_extent(), crs, tmp_path / "fond.tif", context)
    assert layer is not None and layer.isValid() and layer.crs().authid() == "EPSG:3857"
    asked = len(geoplateforme.requests_to("/wmts"))
    assert 4 <= asked <= 120
    with rasterio.open(tmp_path / "fond.tif") as image:
        pixels = image.read().reshape(3, -1).T
        bounds = image.bounds
    colours = {tuple(p) for p in pixels[::7]}
    for name in ("land", "trees", "buildings"):
        assert fake_basemap.COLOURS[name] in colours, name
    # The commune (Web Mercator, by an independent transformation) lies inside the image.
    from rasterio.warp import transform_bounds

    extent = olemps_extent()
    left, bottom, right, top = transform_bounds("EPSG:2154", "EPSG:3857", extent.xMinimum(), extent.yMinimum(),
                                                extent.xMaximum(), extent.yMaximum())
    assert bounds.left <= left and bounds.right >= right and bounds.bottom <= bottom and bounds.top >= top
    del layer
    geoplateforme.close()  # offline: the same image again, from the cache alone
    again = basemap_image(olemps_extent(), crs, tmp_path / "again.tif", context)
    assert again is not None
    with rasterio.open(tmp_path / "fond.tif") as first, rasterio.open(tmp_path / "again.tif") as second:
        assert np.array_equal(first.read(), second.read())
    from qgis.core import QgsRectangle

    elsewhere = QgsRectangle(700000, 6600000, 705000, 6605000)  # never fetched: nothing, and no file left
    assert basemap_image(elsewhere, crs, tmp_path / "none.tif", context) is None
    assert not (tmp_path / "none.tif").exists()


def test_addresses_name_the_places_once_each_and_offline_after(geoplateforme):
    """A building on a numbered road side gets « <number> <street> », the street written out as the BAN writes it
    (the fake's rule, recomputed here from the extract); one request per distinct place; cached for offline."""
    from osgeo import ogr
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProject

    from territoire_plugin.qgis_io.places import addresses_of
    from testing import olemps

    roads = [r for r in olemps.features("troncon_de_route")
             if r["properties"].get("nom_1_gauche") == "R ADRIEN RODAT"]
    assert roads
    lines = []
    for road in roads:
        multi = ogr.CreateGeometryFromJson(json.dumps(road["geometry"]))  # kept while its part is copied
        lines.append(multi.GetGeometryRef(0).Clone())
    longest = max(lines, key=lambda line: line.Length())
    middle = longest.Value(longest.Length() / 2)  # on the street itself: no other is nearer
    near = QgsGeometry.fromWkt(f"POINT({middle.GetX()} {middle.GetY()})")
    far = QgsGeometry.fromWkt("POINT(700000 6600000)")  # far from any street of the extract
    crs = QgsCoordinateReferenceSystem("EPSG:2154")
    context = QgsProject.instance().transformContext()
    found = addresses_of({"a": near, "b": QgsGeometry(near), "c": far}, crs, context)
    assert "Rue Adrien Rodat" in found["a"] and found["a"] == found["b"] and found["c"] is None
    assert len(geoplateforme.requests_to("/geocodage/reverse")) == 2  # "a" and "b" are one place
    geoplateforme.close()
    assert addresses_of({"a": near}, crs, context) == {"a": found["a"]}  # from the cache
    assert addresses_of({"d": QgsGeometry.fromWkt("POINT(664000 6360000)")}, crs, context) == {}  # unreachable


def test_street_names_are_written_out_as_the_ban_writes_them():
    from testing.fake_basemap import street_name

    assert street_name("R DES JARDINS DE LEIA") == "Rue des Jardins de Leia"
    assert street_name("CHE D AUBIN") == "Chemin d'Aubin"
    assert street_name("RTE DE RODEZ") == "Route de Rodez"
