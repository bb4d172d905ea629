"""Realistic stand-ins for API Géo and the Géoplateforme WFS, served by LocalServer.

Communes and BD TOPO features are made here (around Olemps and Rodez, Aveyron), in the shapes
the real services answer: API Géo's JSON and GeoJSON, WFS 2.0 GeoJSON pages with numberMatched /
numberReturned, OGC ExceptionReports for unknown layers.
"""

from __future__ import annotations

import math

from .local_server import LocalServer

#: (code, name, department, population, postcodes, centre lon/lat, radius in degrees)
COMMUNES = [
    ("12174", "Olemps", "12", 3311, ["12510"], (2.5540, 44.3450), 0.030),
    ("12202", "Rodez", "12", 24057, ["12000"], (2.5750, 44.3500), 0.035),
    ("12208", "Sainte-Radegonde", "12", 1622, ["12850"], (2.6180, 44.3360), 0.030),
    ("12229", "Saint-Martin-de-Lenne", "12", 280, ["12130"], (2.9500, 44.4300), 0.040),
    ("30275", "Saint-Martin-de-Valgalgues", "30", 4400, ["30520"], (4.1600, 44.1600), 0.020),
    ("84110", "Saint-Martin-de-Castillon", "84", 730, ["84750"], (5.5200, 43.8600), 0.030),
    ("12290", "Saint-Martin-de-Lenne", "12", 0, ["12130"], (2.9600, 44.4400), 0.010),  # homonym for ambiguity
]


def _ring(lon, lat, radius, points=24):
    ring = [[round(lon + radius * math.cos(a) * 1.4, 6), round(lat + radius * math.sin(a), 6)]
            for a in (2 * math.pi * i / points for i in range(points))]
    return ring + [ring[0]]


def _item(code, name, dep, pop, postcodes, centre):
    return {"nom": name, "code": code, "codesPostaux": postcodes, "codeDepartement": dep, "population": pop,
            "centre": {"type": "Point", "coordinates": list(centre)}}


def _normal(text):
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("-", " ")


def install_api_geo(server: LocalServer, prefix: str = "/apigeo", outlines: dict | None = None) -> str:
    """API Géo /communes as geo.api.gouv.fr answers (reference/partner-services.md "API Géo": its source and recorded
    answers): an unknown code is HTTP 404 ``Not Found`` in text/plain; with ``format=geojson`` the geometry fields
    (centre…) leave ``properties``; a commune in two parts (Sainte-Radegonde here) has a MultiPolygon contour.
    ``outlines``: {code: GeoJSON geometry in WGS84} answered instead of the made-up rings (the real Olemps)."""
    def search(request):
        if "codePostal" in request.query:
            wanted = request.query["codePostal"][0]
            found = [c for c in COMMUNES if wanted in c[4]]
        else:
            name = _normal(request.query.get("nom", [""])[0])
            # Like API Géo: accent/case-insensitive, prefix and typo-tolerant-ish (first 4 letters).
            found = [c for c in COMMUNES if _normal(c[1]).startswith(name[:4]) or name in _normal(c[1])]
            found.sort(key=lambda c: -c[3])
        return [_item(*c[:6]) for c in found]

    def by_code(request):
        code = request.path.rsplit("/", 1)[1]
        match = [c for c in COMMUNES if c[0] == code]
        if not match:
            return 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not Found"
        c = match[0]
        if request.query.get("format") == ["geojson"]:
            properties = {k: v for k, v in _item(*c[:6]).items() if k not in ("centre", "contour", "mairie", "bbox")}
            geometry = {"type": "Polygon", "coordinates": [_ring(*c[5], c[6])]}
            if c[0] in (outlines or {}):
                geometry = outlines[c[0]]
            elif c[0] == "12208":  # the main part, and a detached part to the east
                (lon, lat), radius = c[5], c[6]
                geometry = {"type": "MultiPolygon", "coordinates": [
                    [_ring(lon, lat, radius)], [_ring(lon + 3 * radius, lat, radius / 4)]]}
            body = {"type": "Feature", "properties": properties, "geometry": geometry}
        else:
            body = _item(*c[:6])
        import json

        return 200, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()

    server.json_route(f"{prefix}/communes", search)
    server.route(f"{prefix}/communes/*", by_code)
    return server.url + prefix


def lambert93_buildings(count_x=60, count_y=40, origin=(661500.0, 6359000.0), step=100.0):
    """Rectangular building footprints on a grid, BD TOPO v3 attributes."""
    features = []
    usages = ["Résidentiel", "Résidentiel", "Commercial et services", "Industriel", "Agricole"]
    for j in range(count_y):
        for i in range(count_x):
            x, y = origin[0] + i * step, origin[1] + j * step
            w, h = 12 + (i * 7 + j * 3) % 15, 9 + (i * 5 + j * 11) % 12
            index = j * count_x + i
            features.append({
                "type": "Feature",
                "id": f"batiment.{index + 1}",
                "geometry": {"type": "MultiPolygon", "coordinates": [[[[x, y], [x + w, y], [x + w, y + h],
                                                                        [x, y + h], [x, y]]]]},
                "properties": {"cleabs": f"BATIMENT{index:016d}", "nature": "Indifférenciée",
                               "usage_1": usages[index % len(usages)], "hauteur": 4.0 + (index % 9) * 1.5,
                               "nombre_de_logements": index % 6, "date_creation": "2010-05-12T00:00:00Z"},
            })
    return features


def lambert93_lines(kind, count=25, origin=(661500.0, 6359000.0)):
    features = []
    for k in range(count):
        y = origin[1] + 30 + k * 70
        properties = {"cleabs": f"{kind.upper()}{k:012d}"}
        if kind == "troncon_de_route":
            properties.update(nature="Route à 1 chaussée", importance=str(1 + k % 5), nom_1_gauche=f"Rue {k}")
        elif kind == "construction_lineaire":
            properties.update(nature="Pont" if k % 3 == 0 else "Mur")
        else:
            properties.update(nature="Voie ferrée principale")
        features.append({"type": "Feature", "id": f"{kind}.{k + 1}",
                         "geometry": {"type": "MultiLineString",
                                      "coordinates": [[[origin[0], y], [origin[0] + 2400, y + 50]]]},
                         "properties": properties})
    return features


def lambert93_decks(count=3, origin=(661500.0, 6359000.0)):
    """Bridge decks as BD TOPO ``construction_surfacique`` polygons (nature 'Pont'), each 8 m wide and 60 m
    long, over the first road sections of :func:`lambert93_lines` (bridges come as lines and as decks)."""
    features = []
    for k in range(count):
        x, y = origin[0] + 300 + 400 * k, origin[1] + 30 + k * 70
        ring = [[x, y - 4], [x + 60, y - 4], [x + 60, y + 4], [x, y + 4], [x, y - 4]]
        features.append({"type": "Feature", "id": f"construction_surfacique.{k + 1}",
                         "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
                         "properties": {"cleabs": f"CONSSURF{k:016d}", "nature": "Pont",
                                        "toponyme": f"Pont {k + 1}"}})
    return features


def with_z(coordinates, z: float):
    """GeoJSON ``coordinates`` with a Z added to every 2D position (BD TOPO V3 geometries are 3D)."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        return list(coordinates) + [z] if len(coordinates) == 2 else list(coordinates)
    return [with_z(child, z) for child in coordinates]


def install_wfs(server: LocalServer, layers: dict, path: str = "/wfs/ows", *, counting: str = "exact",
                max_count: int = 5000, ignore_startindex: bool = False) -> str:
    """A WFS 2.0 GetFeature endpoint over ``layers`` ({typename: [features]}), GeoJSON, paged, BBOX/CQL.

    Answers as the Géoplateforme's GeoServer does (reference/partner-services.md, "Géoplateforme WFS": GeoServer
    documentation and recorded answers): 3D geometries (a Z on every position) under ``geometry_name``
    "geometrie"; pages of at most ``max_count`` features whatever COUNT asks; ``numberMatched`` with
    ``counting="exact"``, or no ``numberMatched`` and ``"totalFeatures": "unknown"`` with ``"unknown"``;
    ``ignore_startindex`` serves the first page again for any STARTINDEX (a misbehaving server).
    """
    import json
    import re

    def envelope(geometry):
        coords = []

        def walk(node):
            if node and isinstance(node[0], (int, float)):
                coords.append(node)
            else:
                for child in node:
                    walk(child)

        walk(geometry["coordinates"])
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        return min(xs), min(ys), max(xs), max(ys)

    def get_feature(request):
        q = {k.upper(): v[0] for k, v in request.query.items()}
        typename = q.get("TYPENAMES") or q.get("TYPENAME")
        if typename not in layers:
            report = (
                '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"'
                ' version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="typeName">'
                f"<ows:ExceptionText>Feature type {typename} unknown</ows:ExceptionText></ows:Exception>"
                "</ows:ExceptionReport>"
            )
            return 400, {"Content-Type": "application/xml"}, report.encode()
        features = layers[typename]
        box = None
        if "BBOX" in q:
            box = [float(v) for v in q["BBOX"].split(",")[:4]]
        cql = q.get("CQL_FILTER", "")
        match = re.search(r"BBOX\(\w+,([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)", cql)
        if match:
            box = [float(v) for v in match.groups()]
        for field, value in re.findall(r"(\w+)='([^']*)'", cql):
            features = [f for f in features if str(f["properties"].get(field)) == value]
        if box:
            def overlaps(feature):
                xmin, ymin, xmax, ymax = envelope(feature["geometry"])
                return not (xmin > box[2] or xmax < box[0] or ymin > box[3] or ymax < box[1])

            features = [f for f in features if overlaps(f)]
        start = 0 if ignore_startindex else int(q.get("STARTINDEX", 0))
        count = min(int(q.get("COUNT", 1000)), max_count)
        page = [{**f, "geometry_name": "geometrie",
                 "geometry": {**f["geometry"], "coordinates": with_z(f["geometry"]["coordinates"], 600.0 + n % 40)}}
                for n, f in enumerate(features[start:start + count], start=start)]
        body = {"type": "FeatureCollection", "features": page, "numberReturned": len(page),
                "timeStamp": "2026-11-23T10:00:00.000Z",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}
        if counting == "exact":
            body.update(totalFeatures=len(features), numberMatched=len(features))
        else:
            body["totalFeatures"] = "unknown"
        return 200, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(body).encode()

    server.route(path, get_feature)
    return server.url + path


def to_lambert93(lon, lat):
    from territoire_plugin.core.grid import transformation

    x, y, _ = transformation(4326, 2154).TransformPoint(lon, lat)
    return x, y


def admin_express_communes():
    """ADMIN EXPRESS commune features (EPSG:2154) for the fake WFS: squares around each commune."""
    features = []
    for code, name, _dep, pop, _pc, (lon, lat), _r in COMMUNES[:3]:
        x, y = to_lambert93(lon, lat)
        square = [[x - 2000, y - 2000], [x + 2000, y - 2000], [x + 2000, y + 2000], [x - 2000, y + 2000],
                  [x - 2000, y - 2000]]
        features.append({"type": "Feature", "id": f"commune.{code}",
                         "geometry": {"type": "MultiPolygon", "coordinates": [[square]]},
                         "properties": {"code_insee": code, "nom_officiel": name, "population": pop}})
    return features


# ---------------------------------------------------------------- archives

def zip_files(path, members: dict):
    """A zip with ``members`` ({name in archive: bytes or source path})."""
    import zipfile
    from pathlib import Path

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, Path(content).read_bytes() if not isinstance(content, bytes) else content)
    return path


# ---------------------------------------------------------------- EGMS archive

NGINX_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
             b"</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")


def install_egms_archive(server: LocalServer, files: dict, token: str, prefix: str = "/insar-api/archive") -> str:
    """The EGMS archive's one route, as EGMStoolkit uses it (functions/egmsapitools.py, classes/EGMSdownloaderapi.py):
    GET <prefix>/download/<file name>?id=<token>, Range resume, HTTP 502 for a file it does not have.

    How the real archive answers a stale token is not recorded anywhere public: the fake answers HTTP 403 with
    a web page (a 200 page is also caught by the client, which checks that a download is a zip).
    """
    def download(request):
        name = request.path.rsplit("/", 1)[-1]
        if request.query.get("id") != [token]:
            return 403, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>EU Login</body></html>"
        if name not in files:
            return 502, {"Content-Type": "text/html"}, NGINX_502
        status, headers, body = server._serve_file(request, files[name])
        return status, {**headers, "Content-Type": "application/zip"}, body

    server.route(f"{prefix}/download/*", download)
    return f"{server.url}{prefix}"
