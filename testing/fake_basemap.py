"""The Géoplateforme's WMTS and geocoder as the demo town needs them, drawn from the real Olemps extract.

WMTS: ``GET <wmts>?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal
&TILEMATRIXSET=PM&TILEMATRIX=<z>&TILEROW=<y>&TILECOL=<x>&FORMAT=image/png`` → a 256 × 256 PNG of the PM (Web
Mercator) tile matrix set, as the real service answers (reference/partner-services.md, "IGN Géoplateforme": layer and
tile matrix set names; IGN's WMTS documentation, geoservices.ign.fr); an unknown layer or matrix set is an OWS
ExceptionReport with HTTP 400. The tiles are a *demonstration* basemap (land, woods, water, roads, buildings of the
extract, Plan-IGN-like colours), not Plan IGN: the demo's report says so.

Geocoder: ``GET <geocoding>/reverse?lon=<lon>&lat=<lat>&index=address&limit=1`` → a GeoJSON FeatureCollection whose
features carry ``label, score, housenumber, id, name, postcode, citycode, x, y, city, context, type, importance,
street, _type, distance`` (IGN's documentation of the Géoplateforme geocoder, geoservices.ign.fr "Service
Géoplateforme de géocodage", and answers recorded in public clients): here the nearest named road section of the
extract, numbered from its address ranges when it has some (``type`` housenumber), else the street (``type``
street); nothing within 300 m: no feature. More than 50 requests a second: HTTP 429 with Retry-After, as documented.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time

from . import olemps
from .local_server import LocalServer

PLAN_IGN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
#: Plan-IGN-like colours (RGB): land, woods, hedges, water, roads, buildings.
COLOURS = {"land": (246, 244, 238), "trees": (205, 226, 184), "hedges": (214, 231, 196), "water": (168, 209, 234),
           "roads": (178, 172, 166), "buildings": (196, 184, 174)}
ORIGIN = 20037508.342789244  # PM tile matrix set: Web Mercator, origin top-left


def tile_bounds(z: int, row: int, col: int):
    size = 2 * ORIGIN / 2 ** z
    return -ORIGIN + col * size, ORIGIN - (row + 1) * size, -ORIGIN + (col + 1) * size, ORIGIN - row * size


def render_tile(z: int, row: int, col: int) -> bytes:
    """A 256 × 256 PNG of the extract over one PM tile."""
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    xmin, ymin, xmax, ymax = tile_bounds(z, row, col)
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    shares = olemps.land_cover((xmin, (xmax - xmin) / 256, 0, ymax, 0, -(ymax - ymin) / 256), 256, 256,
                               mercator.ExportToWkt(), oversample=2)
    image = np.empty((256, 256, 3), np.float32)
    image[:] = COLOURS["land"]
    for name in ("hedges", "trees", "water", "roads", "buildings"):
        share = np.clip(shares[name], 0, 1)[..., None]
        colour = np.array(COLOURS[name], np.float32)
        if name == "roads":  # road lines are thin: drawn whole wherever they touch a pixel
            share = np.clip(share * 4, 0, 1)
        image = image * (1 - share) + colour * share
    memory = gdal.GetDriverByName("MEM").Create("", 256, 256, 3, gdal.GDT_Byte)
    for band in range(3):
        memory.GetRasterBand(band + 1).WriteArray(np.round(image[..., band]).astype(np.uint8))
    path = f"/vsimem/tile_{z}_{row}_{col}_{threading.get_ident()}.png"
    gdal.GetDriverByName("PNG").CreateCopy(path, memory)
    memory = None
    return memory_file(path)


def memory_file(path: str) -> bytes:
    """The content of the /vsimem/ file GDAL wrote at ``path`` (an answer's body), the file removed."""
    from osgeo import gdal

    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return bytes(data)


def _exception(code: str, locator: str, text: str):
    body = ('<?xml version="1.0" encoding="UTF-8"?><ExceptionReport xmlns="http://www.opengis.net/ows/1.1" '
            f'version="1.1.0"><Exception exceptionCode="{code}" locator="{locator}"><ExceptionText>{text}'
            "</ExceptionText></Exception></ExceptionReport>")
    return 400, {"Content-Type": "application/xml"}, body.encode()


def install_wmts(server: LocalServer, path: str = "/wmts") -> str:
    tiles: dict = {}

    def get_tile(request):
        q = {k.upper(): v[0] for k, v in request.query.items()}
        if q.get("REQUEST", "").lower() != "gettile":
            return _exception("OperationNotSupported", "request", "Only GetTile is served here")
        if q.get("LAYER") != PLAN_IGN:
            return _exception("InvalidParameterValue", "layer", f"Unknown layer: {q.get('LAYER')}")
        if q.get("TILEMATRIXSET") != "PM":
            return _exception("InvalidParameterValue", "tilematrixset", "Unknown tile matrix set")
        try:
            z, row, col = int(q["TILEMATRIX"]), int(q["TILEROW"]), int(q["TILECOL"])
        except (KeyError, ValueError):
            return _exception("MissingParameterValue", "tilematrix", "TILEMATRIX, TILEROW and TILECOL are needed")
        if not (0 <= z <= 19 and 0 <= row < 2 ** z and 0 <= col < 2 ** z):
            return _exception("TileOutOfRange", "tilerow", "The tile is outside the matrix")
        key = (z, row, col)
        if key not in tiles:
            tiles[key] = render_tile(z, row, col)
        return 200, {"Content-Type": "image/png"}, tiles[key]

    server.route(path, get_tile)
    return server.url + path


ABBREVIATIONS = {"R": "Rue", "RTE": "Route", "PL": "Place", "AV": "Avenue", "CHE": "Chemin", "CHEM": "Chemin",
                 "IMP": "Impasse", "ALL": "Allée", "LOT": "Lotissement", "BD": "Boulevard", "RES": "Résidence",
                 "SQ": "Square", "CRS": "Cours", "PASS": "Passage", "HAM": "Hameau", "LD": "Lieu-dit"}
SMALL_WORDS = {"DE", "DU", "DES", "LA", "LE", "LES", "ET", "AU", "AUX", "EN", "SUR"}


def street_name(abbreviated: str) -> str:
    """BD TOPO 2.2's « R DES JARDINS DE LEIA » as the BAN writes it: « Rue des Jardins de Leia »."""
    words = re.sub(r"\b([LD]) (?=\w)", r"\1'", abbreviated).split()  # « L ECOLE » is « l'École » cut short
    out = [ABBREVIATIONS.get(words[0], words[0].capitalize())] if words else []
    for word in words[1:]:
        if word in SMALL_WORDS:
            out.append(word.lower())
        elif re.match(r"^[LD]'", word):
            out.append(word[:2].lower() + word[2:].capitalize())
        else:
            out.append(word.capitalize())
    return " ".join(out)


def install_geocoding(server: LocalServer, roads: list, path: str = "/geocodage") -> str:
    from osgeo import ogr

    from territoire_plugin.core.grid import transformation

    named = []
    for road in roads:
        properties = road["properties"]
        if properties.get("nom_1_gauche"):
            line = ogr.CreateGeometryFromJson(json.dumps(road["geometry"]))
            line.FlattenTo2D()
            named.append((line, properties))
    to_lambert, to_lonlat = transformation(4326, 2154), transformation(2154, 4326)
    town = olemps.commune()["properties"]
    recent: list = []

    def reverse(request):
        now = time.monotonic()
        recent[:] = [t for t in recent if now - t < 1.0] + [now]
        if len(recent) > 50:
            return 429, {"Content-Type": "application/json", "Retry-After": "5"}, json.dumps(
                {"code": 429, "message": "Too Many Requests"}).encode()
        try:
            lon, lat = float(request.query["lon"][0]), float(request.query["lat"][0])
        except (KeyError, ValueError):
            return 400, {"Content-Type": "application/json"}, json.dumps(
                {"code": 400, "message": "Failed parsing query", "detail": ["lon and lat are required"]}).encode()
        x, y, _ = to_lambert.TransformPoint(lon, lat)
        point = ogr.CreateGeometryFromWkt(f"POINT({x} {y})")
        body = {"type": "FeatureCollection", "features": []}
        best = min(named, key=lambda item: item[0].Distance(point), default=None)
        if best is not None and best[0].Distance(point) <= 300:
            line, properties = best
            street = street_name(properties["nom_1_gauche"])
            points = line.GetPoints() if line.GetGeometryType() == ogr.wkbLineString else \
                line.GetGeometryRef(0).GetPoints()
            (ax, ay), (bx, by) = points[0][:2], points[-1][:2]
            along = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) /
                                 max((bx - ax) ** 2 + (by - ay) ** 2, 1e-9)))
            left = (bx - ax) * (y - ay) - (by - ay) * (x - ax) > 0
            side = "gauche" if left else "droite"
            first, last = properties.get(f"borne_debut_{side}") or 0, properties.get(f"borne_fin_{side}") or 0
            number = None
            if first or last:
                number = int(round(first + along * (last - first)))
                number = max(number, 1)
            px, py = ax + along * (bx - ax), ay + along * (by - ay)
            plon, plat, _ = to_lonlat.TransformPoint(px, py)
            name = f"{number} {street}" if number else street
            slug = re.sub(r"[^a-z0-9]", "", street.lower())[:8]
            body["features"].append({
                "type": "Feature", "geometry": {"type": "Point", "coordinates": [round(plon, 6), round(plat, 6)]},
                "properties": {
                    "label": f"{name} {town['code_postal']} {town['nom_officiel']}", "score": 0.9999,
                    "housenumber": str(number) if number else None,
                    "id": f"{town['code_insee']}_{slug}" + (f"_{number:05d}" if number else ""),
                    "name": name, "postcode": town["code_postal"], "citycode": town["code_insee"],
                    "x": round(px, 2), "y": round(py, 2), "city": town["nom_officiel"],
                    "context": "12, Aveyron, Occitanie", "type": "housenumber" if number else "street",
                    "importance": 0.52, "street": street, "_type": "address",
                    "distance": int(round(math.hypot(px - x, py - y)))}})
        return 200, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()

    server.route(f"{path}/reverse", reverse)
    return server.url + path
