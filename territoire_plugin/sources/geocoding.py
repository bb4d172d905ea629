"""IGN Géoplateforme geocoder, reverse: the address of the Base Adresse Nationale nearest a point.

``GET <geocoding>/reverse?lon=<lon>&lat=<lat>&index=address&limit=1`` → a GeoJSON FeatureCollection whose features'
properties hold ``label``, ``name``, ``housenumber``, ``street``, ``postcode``, ``city``, ``citycode``, ``type``
(housenumber, street, locality, municipality), ``_type`` (address) and ``distance`` in metres (IGN, « Service
Géoplateforme de géocodage », geoservices.ign.fr: endpoint, indexes, 50 requests a second from one address and
HTTP 429 with Retry-After beyond; answers recorded in public clients). Answers are cached: the report of a commune
asks once per place, and works offline after.
"""

from __future__ import annotations

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, service_error

#: Farther than this, an address does not name the place (the point is in the fields).
MAX_DISTANCE_M = 150.0
ANSWER_MAX_AGE_S = 180 * 86400


def check_answer(data) -> None:
    """A FeatureCollection whose features carry properties with a text label."""
    ok = isinstance(data, dict) and isinstance(data.get("features"), list) and all(
        isinstance(f, dict) and isinstance(f.get("properties"), dict)
        and isinstance(f["properties"].get("label", ""), str) for f in data["features"])
    if not ok:
        raise service_error("geocoding_bad_answer", QT_TRANSLATE_NOOP(
            "AnalysisError", "The geocoding service answered in an unexpected shape: no address could be read."))


def short_address(properties: dict) -> str | None:
    """« 12 Rue Adrien Rodat » (a number and its street, or the street, or the place): the commune is known."""
    name = properties.get("name") or properties.get("label")
    if not isinstance(name, str) or not name.strip():
        return None
    return " ".join(name.split())


def reverse(client, base: str, lon: float, lat: float) -> str | None:
    """The address nearest (lon, lat) within :data:`MAX_DISTANCE_M`, or None."""
    data = client.get_json(f"{base}/reverse", {"lon": f"{lon:.6f}", "lat": f"{lat:.6f}", "index": "address",
                                                "limit": 1},
                           max_age_s=ANSWER_MAX_AGE_S, namespace="geocoding", validate=check_answer)
    for feature in data["features"]:
        properties = feature["properties"]
        distance = properties.get("distance")
        if isinstance(distance, (int, float)) and distance > MAX_DISTANCE_M:
            continue
        return short_address(properties)
    return None


def addresses(client, base: str, places: dict, is_canceled=lambda: False) -> dict:
    """{key: address or None} for ``places`` ({key: (lon, lat)}); one request per distinct place (to 1e-5°)."""
    found, seen = {}, {}
    for key, (lon, lat) in places.items():
        if is_canceled():
            raise Cancelled()
        spot = (round(lon, 5), round(lat, 5))
        if spot not in seen:
            seen[spot] = reverse(client, base, *spot)
        found[key] = seen[spot]
    return found
