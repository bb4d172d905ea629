"""BRGM Géorisques API v1: the clay shrink-swell exposure (retrait-gonflement des argiles, RGA) and the commune's
natural-disaster decrees (CatNat).

What the service answers (reference/partner-services.md, "Géorisques"; the API's documentation,
georisques.gouv.fr/doc-api; answers recorded in public clients, e.g. incubateur-ademe/mutafriches,
apps/api/src/friches/services/external/georisques):

- ``GET <base>/rga?latlon=<lon>,<lat>`` → ``{"codeExposition": "0"–"3", "exposition": "Exposition …"}``, or an empty
  object where the map has nothing. The exposure map itself is not served as polygons by any service this module
  could confirm (the Géorisques WMS/WFS capabilities list PPR and CatNat layers, not the exposure zones), so it is
  read point by point: a bounded sample on a grid refined where the class changes (:func:`refined_exposure`), each
  answer cached.
- ``GET <base>/gaspar/catnat?code_insee=<insee>&page=<n>&page_size=<k>`` → ``{"results", "page", "total_pages",
  "data": [{"code_national_catnat", "date_debut_evt", "date_fin_evt", "date_publication_arrete",
  "date_publication_jo", "libelle_risque_jo", "code_insee", "libelle_commune"}…], "response_code", "message",
  "next", "previous"}``; dates are written « 06/07/2001 ».

Every fact about the service is here, once.
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from dataclasses import dataclass

from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, ServiceError, service_error

RGA_PATH = "/rga"
CATNAT_PATH = "/gaspar/catnat"
PAGE_SIZE = 100
MAX_PAGES = 50
#: The exposure classes answered (Code de la construction, art. R132-3): 0 not classified, 1 low, 2 medium, 3 high.
#: A sample point's answer is used from the cache for a year (the map changes rarely), and offline for ever.
ANSWER_MAX_AGE_S = 365 * 86400
#: At most this many places asked for one commune (past it, the cells stay as coarse as they are).
MAX_SAMPLES = 3000
#: The sampling starts on cells this wide and splits them where the class changes, down to the finest asked.
COARSEST_CELL = 400.0
#: Mainland France (with Corsica) in Lambert-93: the exposure map covers it only.
MAINLAND_2154 = (99000.0, 6040000.0, 1243000.0, 7111000.0)


@dataclass(frozen=True)
class Decree:
    """One CatNat decree for the commune."""

    code: str
    peril: str
    start: datetime.date | None
    end: datetime.date | None
    decree: datetime.date | None
    journal: datetime.date | None

    @property
    def drought(self) -> bool:
        """A drought decree: « Mouvements de terrain différentiels consécutifs à la sécheresse et à la
        réhydratation des sols » (the clay shrink-swell peril), whatever its wording's case and accents."""
        return "secheresse" in _plain(self.peril)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _bad(what: str, answer) -> ServiceError:
    return service_error(
        "georisques_bad_answer",
        QT_TRANSLATE_NOOP("AnalysisError", "Géorisques sent an answer that cannot be read ({what}: {answer}). "
                                           "Try again later."),
        what=what, answer=str(answer)[:160])


def check_rga(data) -> None:
    """``{}`` (nothing mapped there) or a class code "0"–"3" with its label."""
    if not isinstance(data, dict):
        raise _bad("rga", data)
    if data and str(data.get("codeExposition", "")) not in ("0", "1", "2", "3"):
        raise _bad("rga", data)


def rga_class(client, base: str, lon: float, lat: float) -> int | None:
    """The exposure class at (lon, lat), 0–3, or None where the map says nothing."""
    data = client.get_json(f"{base}{RGA_PATH}", {"latlon": f"{lon:.6f},{lat:.6f}"}, max_age_s=ANSWER_MAX_AGE_S,
                           namespace="georisques", validate=check_rga)
    return int(data["codeExposition"]) if data else None


def parse_date(text) -> datetime.date | None:
    """« 06/07/2001 » (or ISO « 2001-07-06 », seen in other clients) → a date; empty → None."""
    if text in (None, ""):
        return None
    text = str(text).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text[:10], pattern).date()
        except ValueError:
            continue
    raise _bad("date", text)


def check_catnat_page(data) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise _bad("catnat", data)
    for item in data["data"]:
        if not isinstance(item, dict) or not isinstance(item.get("code_national_catnat"), str) or \
                not isinstance(item.get("libelle_risque_jo"), str):
            raise _bad("catnat", item)
        for key in ("date_debut_evt", "date_fin_evt", "date_publication_arrete", "date_publication_jo"):
            parse_date(item.get(key))


def decrees(client, base: str, insee: str, is_canceled=lambda: False) -> list[Decree]:
    """The commune's CatNat decrees, every page, newest event first (one decree once, even if repeated)."""
    found: dict = {}
    page, total_pages = 1, 1
    while page <= min(total_pages, MAX_PAGES):
        if is_canceled():
            raise Cancelled()
        data = client.get_json(f"{base}{CATNAT_PATH}", {"code_insee": insee, "page": page, "page_size": PAGE_SIZE},
                               max_age_s=7 * 86400, namespace="georisques", validate=check_catnat_page)
        for item in data["data"]:
            if str(item.get("code_insee", insee)) != insee:
                continue
            dates = [parse_date(item.get(key)) for key in ("date_debut_evt", "date_fin_evt",
                                                           "date_publication_arrete", "date_publication_jo")]
            decree = Decree(item["code_national_catnat"].strip(), " ".join(item["libelle_risque_jo"].split()), *dates)
            found.setdefault((decree.code, decree.peril), decree)
        pages = data.get("total_pages")
        total_pages = pages if isinstance(pages, int) and pages > 0 else (page + 1 if data.get("next") else page)
        if not data["data"]:
            break
        page += 1
    return sorted(found.values(), key=lambda d: (d.start or datetime.date.min), reverse=True)


def in_mainland(xmin: float, ymin: float, xmax: float, ymax: float) -> bool:
    """Whether an area (Lambert-93) lies in mainland France, which the exposure map covers."""
    left, bottom, right, top = MAINLAND_2154
    return xmin >= left and ymin >= bottom and xmax <= right and ymax <= top


def outside_mainland(name: str) -> ServiceError:
    return service_error(
        "georisques_outside_mainland",
        QT_TRANSLATE_NOOP("AnalysisError", "{name} is outside mainland France: the clay shrink-swell exposure map "
                                           "(Géorisques) covers mainland France and Corsica only."),
        name=name)


def refined_exposure(points, finest: float, ask, coarsest: float = COARSEST_CELL, limit: int = MAX_SAMPLES,
                     is_canceled=lambda: False) -> dict:
    """{(x0, y0, size): class} of square cells covering ``points`` ((x, y), metres): asked first on a grid of
    ``coarsest`` metres, then each cell whose class differs from a neighbour's (or is unknown) split in four, down to
    ``finest`` — the exposure map's zones are wide, so most of a commune is settled by few requests. ``ask(x, y)``
    gives the class at a place; at most ``limit`` requests (then the cells stay as they are)."""
    points = list(points)
    size = finest
    while size * 2 <= coarsest:
        size *= 2
    cells = {}
    for x, y in points:
        cells.setdefault((math.floor(x / size), math.floor(y / size)), []).append((x, y))
    asked = 0
    done: dict = {}
    while cells:
        found = {}
        for key in cells:
            if is_canceled():
                raise Cancelled()
            if asked >= limit:
                break
            found[key] = ask((key[0] + 0.5) * size, (key[1] + 0.5) * size)
            asked += 1
        finer = {}
        for key, inside in cells.items():
            if key not in found:
                continue
            neighbours = [found.get((key[0] + i, key[1] + j), found[key]) for i in (-1, 0, 1) for j in (-1, 0, 1)]
            if size / 2 >= finest and asked < limit and (found[key] is None or any(n != found[key]
                                                                                   for n in neighbours)):
                for x, y in inside:
                    finer.setdefault((math.floor(x / (size / 2)), math.floor(y / (size / 2))), []).append((x, y))
            else:
                done[(key[0] * size, key[1] * size, size)] = found[key]
        if not finer:
            break
        cells, size = finer, size / 2
    return done
