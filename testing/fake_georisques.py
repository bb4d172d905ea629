"""BRGM Géorisques API v1 on 127.0.0.1, answering as the real one does (reference/partner-services.md,
"Géorisques"; the API's documentation, georisques.gouv.fr/doc-api; answers recorded in public clients, e.g.
incubateur-ademe/mutafriches apps/api/.../georisques/{rga,catnat}):

- ``GET /api/v1/rga?latlon=<lon>,<lat>`` → ``{"codeExposition": "2", "exposition": "Exposition moyenne"}``; a place
  the map does not cover (outside mainland France) → ``{}``; no or a bad ``latlon`` → HTTP 400 with a JSON message.
- ``GET /api/v1/gaspar/catnat?code_insee=<insee>&page=<n>&page_size=<k>`` → ``{"results", "page", "total_pages",
  "data": [...], "response_code": 200, "message": "", "next", "previous"}``, dates as « 06/07/2001 »; an unknown
  commune: ``"results": 0`` and no data.

The zones and decrees are the caller's: for the demo town they are synthetic (said in the demo's notice).
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from .local_server import LocalServer

LABELS = {0: "Exposition nulle", 1: "Exposition faible", 2: "Exposition moyenne", 3: "Exposition forte"}
DROUGHT = "Mouvements de terrain différentiels consécutifs à la sécheresse et à la réhydratation des sols"
MAINLAND_LONLAT = (-5.3, 41.2, 9.7, 51.2)


def _json(status, body):
    return status, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(body, ensure_ascii=False).encode()


def install_georisques(server: LocalServer, zones, decrees: dict, default: int = 1, prefix: str = "/api/v1") -> str:
    """``zones``: [(OGR polygon in EPSG:2154, class 0–3)], first match wins, ``default`` elsewhere in mainland
    France; ``decrees``: {insee: [decree dicts as the API writes them]}."""
    from osgeo import ogr

    from territoire_plugin.core.grid import transformation

    to_lambert = transformation(4326, 2154)

    def rga(request):
        try:
            lon, lat = (float(v) for v in request.query["latlon"][0].split(","))
        except (KeyError, ValueError):
            return _json(400, {"response_code": 400, "message": "Le paramètre latlon est obligatoire et doit être "
                                                               "de la forme longitude,latitude"})
        left, bottom, right, top = MAINLAND_LONLAT
        if not (left <= lon <= right and bottom <= lat <= top):
            return _json(200, {})
        x, y, _ = to_lambert.TransformPoint(lon, lat)
        point = ogr.CreateGeometryFromWkt(f"POINT({x} {y})")
        code = next((code for polygon, code in zones if polygon.Contains(point)), default)
        return _json(200, {"codeExposition": str(code), "exposition": LABELS[code]})

    def catnat(request):
        insee = request.query.get("code_insee", [""])[0]
        page = max(1, int(request.query.get("page", ["1"])[0]))
        size = max(1, min(1000, int(request.query.get("page_size", ["10"])[0])))
        rows = decrees.get(insee, [])
        pages = max(1, -(-len(rows) // size))
        chunk = rows[(page - 1) * size:page * size]

        def link(number):
            query = urlencode({"code_insee": insee, "page": number, "page_size": size})
            return f"{server.url}{prefix}/gaspar/catnat?{query}"

        return _json(200, {"results": len(rows), "page": page, "total_pages": pages, "data": chunk,
                           "response_code": 200, "message": "",
                           "next": link(page + 1) if page < pages else None,
                           "previous": link(page - 1) if page > 1 else None})

    server.route(f"{prefix}/rga", rga)
    server.route(f"{prefix}/gaspar/catnat", catnat)
    return server.url + prefix


def decree(code: str, peril: str, start: str, end: str, decreed: str, journal: str, insee: str, commune: str) -> dict:
    """One CatNat row as the API writes it (dates « dd/mm/yyyy »)."""
    return {"code_national_catnat": code, "date_debut_evt": start, "date_fin_evt": end,
            "date_publication_arrete": decreed, "date_publication_jo": journal, "libelle_risque_jo": peril,
            "code_insee": insee, "libelle_commune": commune}
