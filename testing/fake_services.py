"""Realistic stand-ins for API Géo and the Géoplateforme WFS, served by LocalServer.

Communes and BD TOPO features are made here (around Olemps and Rodez, Aveyron), in the shapes
the real services answer: API Géo's JSON and GeoJSON, WFS 2.0 GeoJSON pages with numberMatched /
numberReturned, OGC ExceptionReports for unknown layers.
"""

from __future__ import annotations

import math

from .egms import to_laea
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


def install_api_geo(server: LocalServer, prefix: str = "/apigeo") -> str:
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
            return 404, {"Content-Type": "application/json"}, b'{"code":404,"message":"Commune non trouvee"}'
        c = match[0]
        if request.query.get("format") == ["geojson"]:
            feature = {"type": "Feature", "properties": _item(*c[:6]),
                       "geometry": {"type": "Polygon", "coordinates": [_ring(*c[5], c[6])]}}
            body = feature
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


def install_wfs(server: LocalServer, layers: dict, path: str = "/wfs/ows") -> str:
    """A WFS 2.0 GetFeature endpoint over ``layers`` ({typename: [features]}), GeoJSON, paged, BBOX/CQL."""
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
        start, count = int(q.get("STARTINDEX", 0)), int(q.get("COUNT", 1000))
        page = features[start:start + count]
        body = {"type": "FeatureCollection", "features": page, "totalFeatures": len(features),
                "numberMatched": len(features), "numberReturned": len(page),
                "timeStamp": "2026-11-23T10:00:00.000Z",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}
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


# ---------------------------------------------------------------- STAC, SAS tokens and COGs

LANDSAT_SIZE = (7681, 7801)
#: UTM 31N origin of the fake Landsat scene (covers Olemps and Rodez).
LANDSAT_ORIGIN = (350085.0, 5000115.0)


def make_cog(path, kind, size=LANDSAT_SIZE, origin=LANDSAT_ORIGIN, pixel=30.0, epsg=32631):
    """A Landsat-size Cloud-Optimized GeoTIFF (uint16, DEFLATE, 512 blocks, overviews) of plausible values."""
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    width, height = size
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((origin[0], pixel, 0, origin[1], 0, -pixel))
    mem.SetProjection(srs.ExportToWkt())
    col = np.sin(np.arange(width, dtype=np.float32) / 300)
    row = np.cos(np.arange(height, dtype=np.float32) / 400)
    wave = np.outer(row, col)
    if kind == "ST_B10":  # 290-310 K
        data = np.round((300 + 10 * wave - 149.0) / 0.00341802)
    elif kind == "QA_PIXEL":  # clear land, a band of cloud
        data = np.where(wave > 0.8, 22280, 21824)
    elif kind in ("SR_B4", "B04"):
        data = np.round((0.06 + 0.03 * wave + 0.2) / 2.75e-05) if kind == "SR_B4" else 1000 + 600 + 300 * wave
    elif kind == "SCL":
        data = np.where(wave > 0.8, 9, 4)
    else:  # near infrared
        data = np.round((0.30 + 0.05 * wave + 0.2) / 2.75e-05) if kind == "SR_B5" else 1000 + 3000 + 500 * wave
    mem.GetRasterBand(1).WriteArray(data.astype(np.uint16))
    mem.GetRasterBand(1).SetNoDataValue(1 if kind == "QA_PIXEL" else 0)
    gdal.Translate(str(path), mem, format="COG", creationOptions=[
        "COMPRESS=DEFLATE", "BLOCKSIZE=512", "NUM_THREADS=ALL_CPUS", "OVERVIEW_RESAMPLING=NEAREST", "LEVEL=1"])
    return path


def landsat_item(server_url, item_id, when, cloud, cog_paths):
    band = {"scale": 0.00341802, "offset": 149.0, "nodata": 0, "data_type": "uint16", "unit": "kelvin"}
    reflectance = {"scale": 2.75e-05, "offset": -0.2, "nodata": 0, "data_type": "uint16"}
    asset = {"type": "image/tiff; application=geotiff; profile=cloud-optimized", "roles": ["data"]}
    return {
        "type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "landsat-c2-l2",
        "bbox": [0.9, 43.2, 3.9, 45.3],
        "geometry": {"type": "Polygon", "coordinates": [[[0.9, 43.2], [3.9, 43.2], [3.9, 45.3], [0.9, 45.3],
                                                         [0.9, 43.2]]]},
        "properties": {"datetime": when, "platform": "landsat-9", "eo:cloud_cover": cloud,
                       "landsat:wrs_path": "197", "landsat:wrs_row": "029", "proj:epsg": 32631,
                       "landsat:collection_category": "T1"},
        "assets": {
            "lwir11": {**asset, "href": f"{server_url}/cogs/{cog_paths['ST_B10'].name}", "raster:bands": [band]},
            "qa_pixel": {**asset, "href": f"{server_url}/cogs/{cog_paths['QA_PIXEL'].name}",
                         "raster:bands": [{"nodata": 1, "data_type": "uint16"}]},
            "red": {**asset, "href": f"{server_url}/cogs/{cog_paths['SR_B4'].name}", "raster:bands": [reflectance]},
            "nir08": {**asset, "href": f"{server_url}/cogs/{cog_paths['SR_B5'].name}", "raster:bands": [reflectance]},
        },
        "links": [{"rel": "collection", "href": f"{server_url}/stac/collections/landsat-c2-l2"}],
    }


def install_stac(server, items, prefix="/stac", page_size=2):
    """A STAC API /search (POST) answering ``items`` in pages linked with rel=next (POST + body token)."""

    def search(request):
        body = request.json()
        begin, end = body.get("datetime", "0000/9999").split("/")
        wanted = [item for item in items if begin[:10] <= item["properties"]["datetime"][:10] <= end[:10]]
        cloud = body.get("query", {}).get("eo:cloud_cover", {}).get("lt")
        if cloud is not None:
            wanted = [item for item in wanted if item["properties"]["eo:cloud_cover"] < cloud]
        start = int(body.get("token", "0"))
        page = wanted[start:start + page_size]
        links = []
        if start + page_size < len(wanted):
            links.append({"rel": "next", "href": f"{server.url}{prefix}/search", "method": "POST",
                          "body": {**body, "token": str(start + page_size)}})
        return {"type": "FeatureCollection", "features": page, "links": links,
                "context": {"returned": len(page), "matched": len(wanted)}}

    server.json_route(f"{prefix}/search", search)
    return server.url + prefix


def install_sas_and_cogs(server, cog_files, prefix="/sas", expired_tokens=0):
    """SAS token endpoint and COG files that need a valid token; the first ``expired_tokens`` are refused."""
    issued = []

    def token(request):
        issued.append(request.path)
        number = len(issued)
        return {"token": f"st=2026-11-23T09%3A00%3A00Z&se=2026-11-24T09%3A00%3A00Z&sp=rl&sv=2021-06-08&sr=c"
                         f"&skoid=fake&sig=TOKEN{number}",
                "msft:expiry": "2099-01-01T00:00:00Z"}

    server.json_route(f"{prefix}/token/*", token)
    refused = {f"TOKEN{n}" for n in range(1, expired_tokens + 1)}

    def cog(request):
        signature = request.query.get("sig", [""])[0]
        if not signature or signature in refused:
            return 403, {"Content-Type": "application/xml"}, (
                b"<?xml version=\"1.0\"?><Error><Code>AuthenticationFailed</Code><Message>Signature not valid"
                b" in the specified time frame</Message></Error>")
        return server._serve_file(request, cog_files[request.path.rsplit("/", 1)[1]])

    server.route("/cogs/*", cog)
    server.issued_tokens = issued
    return server.url + prefix


# ---------------------------------------------------------------- archives

def zip_files(path, members: dict):
    """A zip with ``members`` ({name in archive: bytes or source path})."""
    import zipfile
    from pathlib import Path

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, Path(content).read_bytes() if not isinstance(content, bytes) else content)
    return path


# ---------------------------------------------------------------- INSEE Filosofi 200 m grid

def filosofi_rows(year=2019, side=40):
    """Cells of 200 m around Olemps (EPSG:3035 ids) with counts, in the column names of ``year``."""
    cx, cy = to_laea(2.554, 44.345)
    east0, north0 = int(cx // 200 * 200) - side * 100, int(cy // 200 * 200) - side * 100
    names = {2019: ("idcar_200m", "ind", "ind_65_79", "ind_80p"), 2017: ("Idcar_200m", "Ind", "Ind_65_79", "Ind_80p"),
             2015: ("IdINSPIRE", "Ind", None, None)}[year]  # a file without the age counts
    header = [names[0], "i_est_200", names[1]] + [n for n in names[2:] if n] + ["lcog_geo"]
    rows = []
    for j in range(side):
        for i in range(side):
            east, north = east0 + i * 200, north0 + j * 200
            inhabitants = float(5 + (i * 7 + j * 13) % 40)
            row = [f"CRS3035RES200mN{north}E{east}", "0", f"{inhabitants:.1f}"]
            if names[2]:
                row += [f"{inhabitants * 0.15:.1f}", f"{inhabitants * 0.05:.1f}"]
            rows.append(row + ["12174"])
    return header, rows


def write_filosofi_csv(path, year=2019, delimiter=","):
    import csv

    header, rows = filosofi_rows(year)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path
