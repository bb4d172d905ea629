"""API Géo (geo.api.gouv.fr): find a commune by name, INSEE code or postcode, and get its outline.

Everything that comes back is checked: a commune needs a code, a name and, for the outline,
a polygon geometry. Names are compared without accents or case ("saint etienne" finds
"Saint-Étienne"); an ambiguous or misspelled name is refused with the closest candidates.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..core.errors import NONE, QT_TRANSLATE_NOOP, ServiceError
from .network import HttpClient

FIELDS = "nom,code,codesPostaux,codeDepartement,population,centre"
INSEE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
CACHE_DAYS = 30 * 86400


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    department: str
    population: int | None
    postcodes: tuple

    def label(self) -> str:
        return f"{self.name} ({self.department}, INSEE {self.code})"


def normalise(text: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[-'’_]", " ", text)
    text = re.sub(r"\bst\b", "saint", text)
    text = re.sub(r"\bste\b", "sainte", text)
    return re.sub(r"\s+", " ", text).strip()


def _bad_answer(item) -> ServiceError:
    return ServiceError(
        "api_geo_bad_answer",
        QT_TRANSLATE_NOOP("AnalysisError", "API Géo sent an answer that is not a commune list: {item}. "
                          "Try again later."),
        item=str(item)[:200],
    )


def _communes(items) -> list:
    if not isinstance(items, list):
        raise _bad_answer(items)
    return [_commune(item) for item in items]


def _commune(item) -> Commune:
    # The code goes into addresses and WFS filters: only an INSEE code is taken (never « x' OR '1'='1 »).
    if not isinstance(item, dict) or not isinstance(item.get("code"), str) or not INSEE_CODE.match(item["code"]) \
            or not isinstance(item.get("nom"), str) or not item["nom"].strip():
        raise _bad_answer(item)
    population, postcodes = item.get("population"), item.get("codesPostaux") or []
    department = item.get("codeDepartement")
    if not isinstance(postcodes, list) or not all(isinstance(p, str) for p in postcodes):
        raise _bad_answer(item)
    usable = isinstance(population, (int, float)) and not isinstance(population, bool) and \
        0 <= population < 1e9
    return Commune(
        code=item["code"].upper(),
        name=item["nom"].strip(),
        department=department if isinstance(department, str) and department else item["code"][:2],
        population=int(population) if usable else None,
        postcodes=tuple(postcodes),
    )


class ApiGeo:
    def __init__(self, client: HttpClient, base_url: str):
        self.client = client
        self.base_url = base_url

    def by_code(self, code: str) -> Commune | None:
        try:
            item = self.client.get_json(f"{self.base_url}/communes/{code.upper()}", {"fields": FIELDS},
                                        max_age_s=CACHE_DAYS, namespace="api_geo", validate=_commune)
        except ServiceError as error:
            if error.key == "service_bad_request" and error.params.get("status") == 404:
                return None
            raise
        return _commune(item)

    def search(self, text: str, *, postcode: bool = False, limit: int = 15) -> list[Commune]:
        params = {"fields": FIELDS, "limit": limit}
        if postcode:
            params["codePostal"] = text
        else:
            params.update({"nom": text, "boost": "population"})
        items = self.client.get_json(f"{self.base_url}/communes", params, max_age_s=CACHE_DAYS, namespace="api_geo",
                                     validate=_communes)
        return _communes(items)

    def resolve(self, query: str) -> Commune:
        """The one commune ``query`` designates: INSEE code, postcode, "Name" or "Name (dept)"."""
        query = query.strip()
        if INSEE_CODE.match(query):
            commune = self.by_code(query)
            if commune is not None:
                return commune
            by_postcode = self.search(query, postcode=True)
            if len(by_postcode) == 1:
                return by_postcode[0]
            if by_postcode:
                raise _ambiguous(query, by_postcode)
            raise _not_found(query, [])
        department = None
        match = re.match(r"^(.*?)\s*\((\w{2,3})\)$", query)
        if match:
            query, department = match.group(1), match.group(2).upper()
        candidates = self.search(query)
        if department:
            candidates = [c for c in candidates if c.department == department]
        wanted = normalise(query)
        exact = [c for c in candidates if normalise(c.name) == wanted]
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            raise _ambiguous(query, exact)
        names = {normalise(c.name): c for c in candidates}
        # A misspelled name is never guessed silently: the user picks from the closest names.
        close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.75)
        raise _not_found(query, [names[name] for name in close] or candidates[:5])

    def outline(self, commune: Commune) -> dict:
        """GeoJSON Feature of the commune's outline (EPSG:4326), checked to be a polygon."""
        feature = self.client.get_json(f"{self.base_url}/communes/{commune.code}",
                                       {"format": "geojson", "geometry": "contour", "fields": FIELDS},
                                       max_age_s=CACHE_DAYS, namespace="api_geo",
                                       validate=lambda answer: _check_outline(answer, commune))
        return feature


def _check_outline(feature, commune: Commune) -> None:
    geometry = feature.get("geometry") if isinstance(feature, dict) else None
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon") or \
            not isinstance(geometry.get("coordinates"), list):
        raise ServiceError(
            "api_geo_no_outline",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "API Géo has no outline for {commune}. Use the ADMIN EXPRESS source instead."
            ),
            commune=commune.label(),
        )


def _ambiguous(query: str, candidates) -> ServiceError:
    return ServiceError(
        "commune_ambiguous",
        QT_TRANSLATE_NOOP(
            "AnalysisError",
            "Several communes match \"{query}\": {candidates}. Give the INSEE code, or the name with its "
            "department, e.g. \"{example}\"."
        ),
        query=query, candidates="; ".join(c.label() for c in candidates[:8]),
        example=f"{candidates[0].name} ({candidates[0].department})",
    )


def _not_found(query: str, suggestions) -> ServiceError:
    return ServiceError(
        "commune_not_found",
        QT_TRANSLATE_NOOP(
            "AnalysisError",
            "No commune is named \"{query}\". Closest names: {suggestions}. Check the spelling, or give the "
            "INSEE code."
        ),
        query=query, suggestions="; ".join(c.label() for c in suggestions) or NONE,
    )
