"""STAC API search (Planetary Computer, Earth Search) and reading windows of the COGs it finds.

Only the area's window is read from each Cloud-Optimized GeoTIFF, with HTTP Range requests
(GDAL ``/vsicurl/``, given QGIS's proxy settings). Planetary Computer asset URLs are signed
with a short-lived SAS token, fetched once per collection, kept until shortly before it
expires, and fetched again when the server says it has expired.
"""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..analysis.landsat.constants import USGS_SR, USGS_ST_ADD, USGS_ST_MULT
from ..core.errors import QT_TRANSLATE_NOOP, ServiceError
from ..toolbelt.log import log_tr
from .network import HttpClient


@dataclass(frozen=True)
class Profile:
    """What to fetch from one collection of one STAC service."""

    collection: str
    #: asset key in the STAC item → band name in the local files (USGS / ESA names).
    bands: dict
    tile_properties: tuple
    #: STAC query extension terms that keep only usable items (besides the cloud cover).
    query: dict | None = None


#: ``landsat-c2-l2`` mixes Landsat 4/5/7/8/9 and L2SP/L2SR items; L2SR items have no thermal asset and Landsat
#: 4/5/7 call theirs ``lwir`` (reference/partner-services.md, "Planetary Computer STAC"): only Landsat 8/9 L2SP.
LANDSAT_PC = Profile("landsat-c2-l2", {"lwir11": "ST_B10", "qa_pixel": "QA_PIXEL", "red": "SR_B4", "nir08": "SR_B5"},
                     ("landsat:wrs_path", "landsat:wrs_row"),
                     {"platform": {"in": ["landsat-8", "landsat-9"]}, "landsat:correction": {"eq": "L2SP"}})
#: Earth Search items have no ``s2:mgrs_tile``: the tile is ``mgrs:utm_zone`` + ``mgrs:latitude_band`` +
#: ``mgrs:grid_square``, or ``grid:code`` (reference/partner-services.md, "Earth Search v1").
SENTINEL2_EARTH_SEARCH = Profile("sentinel-2-l2a", {"red": "B04", "nir": "B08", "scl": "SCL"}, ("s2:mgrs_tile",))
SENTINEL2_PC = Profile("sentinel-2-l2a", {"B04": "B04", "B08": "B08", "SCL": "SCL"}, ("s2:mgrs_tile",))


@dataclass
class Scene:
    id: str
    datetime: str
    cloud: float | None
    platform: str
    tile: str
    collection: str
    assets: dict
    properties: dict

    @property
    def date(self) -> str:
        return self.datetime[:10]


#: What a STAC item id may be, since it becomes a folder and file names (real ids: LC09_L2SP_197029_20230715_02_T1,
#: S2B_31TDJ_20230718_0_L2A).
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def _bad_item(service: str, what: str) -> ServiceError:
    return ServiceError(
        "stac_bad_item",
        QT_TRANSLATE_NOOP("AnalysisError", "{service} sent a STAC item that cannot be used ({what}). Try again later."),
        service=service, what=what,
    )


def parse_item(item, profile: Profile, service: str) -> Scene:
    if not isinstance(item, dict) or not item.get("id") or not isinstance(item.get("properties"), dict):
        raise _bad_item(service, str(item)[:120])
    if not isinstance(item["id"], str) or not SAFE_ID.match(item["id"]) or ".." in item["id"]:
        # The id names the scene's folder and files: it must stay a plain name (no ../, no absolute path).
        raise _bad_item(service, f"an item id that is not a plain name: {str(item['id'])[:80]!r}")
    properties = item["properties"]
    assets = item.get("assets") if isinstance(item.get("assets"), dict) else {}
    missing = [key for key in profile.bands if not isinstance(assets.get(key), dict) or not assets[key].get("href")]
    if missing:
        raise _bad_item(service, f"{item['id']} has no asset {', '.join(missing)}")
    for key in profile.bands:
        href = assets[key]["href"]
        # Only a web address is read: GDAL would open a local path or /vsi… name given by a service as well.
        if not isinstance(href, str) or not href.startswith(("https://", "http://")):
            raise _bad_item(service, f"{item['id']}: the asset {key} is not a web address ({str(href)[:80]})")
        try:
            band_scaling(assets[key])
        except ValueError as exc:
            raise _bad_item(service, f"{item['id']}: {exc}") from exc
    stamp = properties.get("datetime")
    try:
        datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError as exc:
        raise _bad_item(service, f"{item['id']} has no valid datetime ({stamp})") from exc
    cloud = properties.get("eo:cloud_cover")
    tile = "/".join(str(properties[p]) for p in profile.tile_properties if p in properties)
    if not tile and "s2:mgrs_tile" in profile.tile_properties:
        tile = mgrs_tile(properties)
    collection = item.get("collection")
    usable = isinstance(cloud, (int, float)) and not isinstance(cloud, bool) and math.isfinite(cloud)
    return Scene(item["id"], str(stamp), float(cloud) if usable else None,
                 str(properties.get("platform", "")), tile,
                 collection if isinstance(collection, str) and SAFE_ID.match(collection) else profile.collection,
                 assets, properties)


def mgrs_tile(properties: dict) -> str:
    """The MGRS tile ("31TDJ") of a Sentinel-2 item without ``s2:mgrs_tile``: from ``mgrs:*`` or ``grid:code``."""
    zone, band, square = (properties.get(k) for k in ("mgrs:utm_zone", "mgrs:latitude_band", "mgrs:grid_square"))
    if isinstance(zone, int) and not isinstance(zone, bool) and 1 <= zone <= 60 and isinstance(band, str) and \
            isinstance(square, str) and re.fullmatch(r"[C-X]", band) and re.fullmatch(r"[A-Z]{2}", square):
        return f"{zone:02d}{band}{square}"
    code = str(properties.get("grid:code", ""))
    return code[5:] if re.fullmatch(r"MGRS-\d{2}[C-X][A-Z]{2}", code) else ""


class StacApi:
    def __init__(self, client: HttpClient, base_url: str):
        self.client = client
        self.base_url = base_url

    def search(self, profile: Profile, bbox_lonlat, start: str, end: str, max_cloud: float | None = None,
               page_size: int = 100, max_items: int = 1000) -> list[Scene]:
        body = {"collections": [profile.collection], "bbox": [round(v, 6) for v in bbox_lonlat],
                "datetime": f"{start}T00:00:00Z/{end}T23:59:59Z", "limit": page_size}
        query = dict(profile.query or {})
        if max_cloud is not None:
            query["eo:cloud_cover"] = {"lt": max_cloud}
        if query:
            body["query"] = query
        url, method, scenes = f"{self.base_url}/search", "POST", []
        service = self.client.service

        def check(answer):  # before the page is cached
            if not isinstance(answer, dict) or not isinstance(answer.get("features"), list) or not isinstance(
                    answer.get("links", []), list):
                raise _bad_item(service, str(answer)[:120])

        seen: set = set()
        while url and len(scenes) < max_items:
            page = (self.client.post_json(url, body, max_age_s=86400, namespace="stac", validate=check)
                    if method == "POST" else self.client.get_json(url, max_age_s=86400, namespace="stac",
                                                                  validate=check))
            # A server that ignores the paging token sends the same page again: stop there, never loop.
            ids = [item.get("id") for item in page["features"] if isinstance(item, dict)]
            ids = {i for i in ids if isinstance(i, str)}
            if seen and ids and ids <= seen:
                log_tr(QT_TRANSLATE_NOOP(
                    "TerritoireLog", "{0}: a next page repeats items already seen; paging stops there."),
                       self.client.service)
                break
            for item in page["features"]:
                # A catalogue mixes items this profile cannot use: each is one skipped item, never a failed search.
                try:
                    scene = parse_item(item, profile, self.client.service)
                except ServiceError as error:
                    log_tr(QT_TRANSLATE_NOOP("TerritoireLog", "{0}: item skipped ({1})."), self.client.service,
                           error.params.get("what", error))
                    continue
                if scene.id not in seen:
                    scenes.append(scene)
                seen.add(scene.id)
            seen |= ids
            following = next((link for link in page.get("links", [])
                              if isinstance(link, dict) and link.get("rel") == "next"), None)
            if not following or not page["features"]:
                break
            url = following.get("href")
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                raise _bad_item(self.client.service, f"next link {str(url)[:80]}")
            method = str(following.get("method", "GET")).upper()
            if method == "POST":
                given = following.get("body") if isinstance(following.get("body"), dict) else None
                body = {**body, **(given or {})} if following.get("merge") else (given or body)
        return scenes[:max_items]


class SasSigner:
    """Planetary Computer SAS tokens, one per collection, reused until a minute before expiry."""

    def __init__(self, client: HttpClient, base_url: str):
        self.client = client
        self.base_url = base_url
        self._tokens: dict = {}

    def token(self, collection: str, refresh: bool = False) -> str:
        cached = self._tokens.get(collection)
        if cached and not refresh and cached[1] - 60 > time.time():
            return cached[0]
        answer = self.client.request("GET", f"{self.base_url}/token/{collection}").json(self.client.service)
        token = answer.get("token") if isinstance(answer, dict) else None
        # A SAS token is a query string (st=…&se=…&sig=…): nothing that would change the address it is added to.
        if not isinstance(token, str) or not token or not re.fullmatch(r"[A-Za-z0-9%=&._~+\-:/]+", token):
            raise _bad_item(self.client.service, "no token in the SAS answer")
        expiry = answer.get("msft:expiry")
        try:
            expires = datetime.fromisoformat(expiry.replace("Z", "+00:00")).timestamp()
        except (AttributeError, ValueError, OverflowError, OSError):  # absent, not text, not a date
            expires = time.time() + 600
        self._tokens[collection] = (token, expires)
        return token

    def sign(self, href: str, collection: str, refresh: bool = False) -> str:
        return f"{href}{'&' if '?' in href else '?'}{self.token(collection, refresh)}"


def band_scaling(asset: dict) -> tuple[float, float] | None:
    """(scale, offset) from the asset's raster:bands, if given; ValueError if they are not usable numbers."""
    bands = asset.get("raster:bands") if isinstance(asset, dict) else None
    if not isinstance(bands, list) or not bands or not isinstance(bands[0], dict) or "scale" not in bands[0]:
        return None
    scale, offset = bands[0]["scale"], bands[0].get("offset", 0.0)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (scale, offset)) \
            or scale <= 0:
        raise ValueError(f"raster:bands scale {str(scale)[:20]}, offset {str(offset)[:20]}")
    return float(scale), float(offset)


def landsat_mtl_json(scene: Scene, files: dict) -> dict:
    """A USGS-layout MTL (JSON) for the downloaded windows, so territoire:landsat_lst reads them directly."""
    st = band_scaling(scene.assets["lwir11"]) or (USGS_ST_MULT, USGS_ST_ADD)
    sr = band_scaling(scene.assets["red"]) or USGS_SR
    product_id = scene.properties.get("landsat:product_id") or scene.id
    return {"LANDSAT_METADATA_FILE": {
        "PRODUCT_CONTENTS": {
            "ORIGIN": f"Territoire window of STAC item {scene.id} ({scene.collection})",
            "LANDSAT_PRODUCT_ID": product_id, "PROCESSING_LEVEL": "L2SP",
            **{f"FILE_NAME_{key}": name for key, name in files.items()},
        },
        "IMAGE_ATTRIBUTES": {
            "SPACECRAFT_ID": scene.platform.upper().replace("-", "_"), "DATE_ACQUIRED": scene.date,
            "SCENE_CENTER_TIME": scene.datetime[11:].replace("+00:00", "Z") or "00:00:00Z",
            "CLOUD_COVER": "" if scene.cloud is None else f"{scene.cloud:.2f}",
        },
        "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS": {
            "REFLECTANCE_MULT_BAND_4": repr(sr[0]), "REFLECTANCE_ADD_BAND_4": repr(sr[1]),
            "REFLECTANCE_MULT_BAND_5": repr(sr[0]), "REFLECTANCE_ADD_BAND_5": repr(sr[1]),
        },
        "LEVEL2_SURFACE_TEMPERATURE_PARAMETERS": {
            "TEMPERATURE_MULT_BAND_ST_B10": repr(st[0]), "TEMPERATURE_ADD_BAND_ST_B10": repr(st[1]),
        },
    }}


#: Why each Sentinel-2 scaling was chosen (written in the metadata, the NDVI's tags and the log).
OFFSET_RULES = {
    "boa_offset_applied": "earthsearch:boa_offset_applied is true: the DN are already harmonised, reflectance = "
                          "DN × scale (the declared offset is not applied again)",
    "declared": "the item's raster:bands scale and offset",
    "baseline": "processing baseline {baseline} / date {date}: offset −0.1 from baseline 04.00 (25 January 2022), "
                "0 before",
}


def sentinel2_metadata(scene: Scene, files: dict) -> dict:
    """Item metadata beside Sentinel-2 windows: reflectance = DN × scale + offset, and the rule that gave it.

    Decided from the item's own declarations: Earth Search's ``earthsearch:boa_offset_applied: true`` means its
    COGs hold harmonised DN (no offset), whatever ``raster:bands`` declares; otherwise the declared scale and
    offset; without either (Planetary Computer), −0.1 from processing baseline 04.00 on. The NDVI checks the
    result is plausible and warns when it is not (reference/partner-services.md, "Earth Search v1").
    """
    scaling, rule = {}, None
    baseline = str(scene.properties.get("s2:processing_baseline", ""))
    applied = scene.properties.get("earthsearch:boa_offset_applied")
    for asset_key, file_name in files.items():
        band = file_name.rsplit("_", 1)[-1].split(".")[0]  # <id>_<band>.TIF
        found = band_scaling(scene.assets.get(asset_key, {}))
        if band == "SCL":
            found = None
        elif applied is True:
            found, rule = ((found[0] if found else 0.0001), 0.0), OFFSET_RULES["boa_offset_applied"]
        elif found is not None:
            rule = OFFSET_RULES["declared"]
        else:
            # Products of processing baseline 04.00 and later (from 25 January 2022) carry a −1000 DN offset.
            offset = -0.1 if (baseline >= "04.00" or scene.date >= "2022-01-25") else 0.0
            found = (0.0001, offset)
            rule = OFFSET_RULES["baseline"].format(baseline=baseline or "?", date=scene.date)
        scaling[band] = found
    return {"id": scene.id, "collection": scene.collection, "datetime": scene.datetime, "cloud_cover": scene.cloud,
            "platform": scene.platform, "tile": scene.tile, "processing_baseline": baseline,
            "boa_offset_applied": applied if isinstance(applied, bool) else None, "offset_rule": rule,
            "files": files, "scale_offset": scaling}


def write_json(path: Path, data: dict) -> None:
    from .cache import atomic_write_bytes

    atomic_write_bytes(path, json.dumps(data, indent=1).encode("utf-8"))
