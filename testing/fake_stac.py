"""Fake STAC APIs (Planetary Computer, Earth Search), SAS tokens and Cloud-Optimized GeoTIFFs on 127.0.0.1.

Shapes follow the recorded live answers and the services' own documentation (reference/partner-services.md,
"Planetary Computer STAC" and "Earth Search v1")."""

from __future__ import annotations

import json

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


def landsat_item(server_url, item_id, when, cloud, cog_paths, platform="landsat-9", correction="L2SP"):
    """A Planetary Computer ``landsat-c2-l2`` item (shape of the recorded live answers, reference/
    partner-services.md "Planetary Computer STAC"): an L2SR item has no thermal asset, Landsat 4/5/7 call the
    thermal asset ``lwir`` (ST_B6)."""
    band = {"scale": 0.00341802, "offset": 149.0, "nodata": 0, "data_type": "uint16", "unit": "kelvin"}
    reflectance = {"scale": 2.75e-05, "offset": -0.2, "nodata": 0, "data_type": "uint16"}
    asset = {"type": "image/tiff; application=geotiff; profile=cloud-optimized", "roles": ["data"]}
    item = {
        "type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "landsat-c2-l2",
        "bbox": [0.9, 43.2, 3.9, 45.3],
        "geometry": {"type": "Polygon", "coordinates": [[[0.9, 43.2], [3.9, 43.2], [3.9, 45.3], [0.9, 45.3],
                                                         [0.9, 43.2]]]},
        "properties": {"datetime": when, "platform": platform, "eo:cloud_cover": cloud,
                       "landsat:wrs_path": "197", "landsat:wrs_row": "029", "proj:epsg": 32631,
                       "landsat:collection_category": "T1", "landsat:correction": correction},
        "assets": {
            "lwir11": {**asset, "href": f"{server_url}/cogs/{cog_paths['ST_B10'].name}", "raster:bands": [band]},
            "qa_pixel": {**asset, "href": f"{server_url}/cogs/{cog_paths['QA_PIXEL'].name}",
                         "raster:bands": [{"nodata": 1, "data_type": "uint16"}]},
            "red": {**asset, "href": f"{server_url}/cogs/{cog_paths['SR_B4'].name}", "raster:bands": [reflectance]},
            "nir08": {**asset, "href": f"{server_url}/cogs/{cog_paths['SR_B5'].name}", "raster:bands": [reflectance]},
        },
        "links": [{"rel": "collection", "href": f"{server_url}/stac/collections/landsat-c2-l2"}],
    }
    if correction != "L2SP" or platform not in ("landsat-8", "landsat-9"):
        thermal = item["assets"].pop("lwir11")
        if correction == "L2SP":  # Landsat 4/5/7: ST_B6 under the key lwir; L2SR: no thermal asset at all
            item["assets"]["lwir"] = thermal
    return item


#: How each API links its next page (reference/partner-services.md): Planetary Computer repeats the request body
#: with a ``token`` and no ``merge``; Earth Search (stac-server) says ``"merge": false`` and repeats the body with
#: ``next``; the STAC API spec also allows ``"merge": true`` with only what changes (the client merges it).
PAGING = ("planetary", "earth-search", "merge")


def install_stac(server, items, prefix="/stac", page_size=2, honour_query=True, paging=None):
    """A STAC API /search (POST) answering ``items`` in pages linked with rel=next, the ``paging`` style (by default
    Earth Search's for the /es prefix, Planetary Computer's otherwise), with the query extension's ``lt``, ``eq``
    and ``in`` (or, ``honour_query=False``, only the cloud cover: a catalogue that answers every kind of item).
    A body without ``collections`` or ``datetime`` (a merge the client forgot) is refused with HTTP 400."""
    paging = paging or ("earth-search" if prefix == "/es" else "planetary")

    def matches(item, name, term):
        value = item["properties"].get(name)
        return all({"lt": lambda v, x: v is not None and v < x, "eq": lambda v, x: v == x,
                    "in": lambda v, x: v in x}[op](value, arg) for op, arg in term.items())

    def search(request):
        body = request.json()
        if "collections" not in body or "datetime" not in body:
            return 400, {"Content-Type": "application/json"}, json.dumps(
                {"code": "BadRequest", "description": "collections and datetime are required"}).encode()
        begin, end = body["datetime"].split("/")
        wanted = [item for item in items if begin[:10] <= item["properties"]["datetime"][:10] <= end[:10]]
        for name, term in body.get("query", {}).items():
            if honour_query or name == "eo:cloud_cover":
                wanted = [item for item in wanted if matches(item, name, term)]
        start = int(body.get("token", body.get("next", "0")))
        page = wanted[start:start + page_size]
        links = []
        if start + page_size < len(wanted):
            following = str(start + page_size)
            link = {"rel": "next", "href": f"{server.url}{prefix}/search", "method": "POST"}
            if paging == "planetary":
                link["body"] = {**body, "token": following}
            elif paging == "earth-search":
                link.update(merge=False, body={**body, "next": following})
            else:
                link.update(merge=True, body={"next": following})
            links.append(link)
        answer = {"type": "FeatureCollection", "features": page, "links": links,
                  "context": {"returned": len(page), "matched": len(wanted)}}
        return 200, {"Content-Type": "application/geo+json"}, json.dumps(answer).encode()

    server.route(f"{prefix}/search", search)
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
