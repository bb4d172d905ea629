"""Exposure of buildings and of 200 m population cells to surface heat, and a vulnerability index.

Buildings: mean LST (and heat-island intensity) over the pixels each footprint touches, each pixel
weighed by the footprint's area in it, and the maximum of those pixels. A building is *sensitive*
when one of its descriptive fields names a school, nursery, health or elderly-care use (other
sources than BD TOPO: its ``usage_1``/``nature`` never do), or when a sensitive site belongs to it.
BD TOPO ERP are points at an entrance or an address plate, usually outside the footprint
(reference/partner-services.md, "Géoplateforme WFS"): a site belongs to the buildings its
``liens_vers_batiment`` names (their ``cleabs``), else to the nearest footprint within
:data:`SITE_LINK_DISTANCE`. An ERP is sensitive by its ``type_principal``
(:data:`SENSITIVE_ERP_TYPES`); every site of a layer without that field counts (the user chose them).

Population cells (INSEE Filosofi 200 m), vulnerability index in [0, 1]:

    E = max(0, mean intensity of the cell) / the largest such value of the area   (exposure)
    P = inhabitants / the most inhabitants of a cell of the area                   (people)
    A = share aged 65 and over / the largest share of the area                     (age)
    V = E × (P + A) / 2

V is 0 where the cell is not warmer than the reference or where nobody lives, and 1 for the
hottest, most populated and oldest cell of the area: it ranks cells within one area only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ..raster.zonal import zonal_statistics

SENSITIVE_WORDS = re.compile(
    r"enseignement|scolaire|[ée]cole|coll[èe]ge|lyc[ée]e|cr[èe]che|petite enfance|sant[ée]|h[ôo]pital|clinique|"
    r"ehpad|maison de retraite|personnes [âa]g[ée]es|m[ée]dico|dispensaire|centre de soins",
    re.IGNORECASE,
)
DESCRIPTIVE_FIELDS = ("nature", "usage_1", "usage_2", "usage1", "usage2", "nature_detaillee", "categorie", "toponyme",
                      "libelle")
#: ERP types (BD TOPO ``type_principal``, IGN's list of codes) whose occupants are the most sensitive to heat.
SENSITIVE_ERP_TYPES = {
    "J": "structures d'accueil pour personnes âgées et personnes handicapées",
    "R": "éveil, enseignement, formation, centres de loisirs sans hébergement (crèches, écoles)",
    "RH": "éveil, enseignement, formation, avec hébergement",
    "U": "établissements sanitaires",
    "PU": "petits établissements de soins (5e catégorie)",
}
#: Metres from an ERP point (an entrance, an address plate) to the footprint it belongs to, without a link.
SITE_LINK_DISTANCE = 25.0
#: Fields naming a site, best first.
SITE_LABELS = ("libelle", "toponyme", "nom", "nom_commercial", "categorie")


@dataclass
class BuildingExposure:
    lst_mean: float
    lst_max: float
    intensity_mean: float
    intensity_max: float
    sensitive: bool
    reason: str


def check_building_fields(field_names, has_sites_layer: bool) -> list[str]:
    """The descriptive fields to search for sensitive uses; refuse a layer with none and no sites layer."""
    found = [name for name in field_names if name.lower() in DESCRIPTIVE_FIELDS]
    if not found and not has_sites_layer:
        raise AnalysisError("buildings_fields", QT_TRANSLATE_NOOP(
            "AnalysisError", "The buildings layer has none of the fields that tell a building's use ({expected}): "
            "sensitive sites cannot be found. Use the BD TOPO buildings (Download IGN BD TOPO), or give a layer of "
            "sensitive sites."), expected=", ".join(DESCRIPTIVE_FIELDS[:3]))
    return found


def sensitive_reason(attributes: dict, fields) -> str:
    for name in fields:
        value = attributes.get(name)
        if isinstance(value, str) and SENSITIVE_WORDS.search(value):
            return f"{name}: {value}"
    return ""


@dataclass
class Site:
    geometry: object  # OGR geometry in the footprints' CRS (a point for BD TOPO ERP)
    attributes: dict

    @property
    def label(self) -> str:
        return next((str(self.attributes[n]) for n in SITE_LABELS if self.attributes.get(n) not in (None, "")),
                    "?")


def site_reason(site: Site) -> str | None:
    """Why ``site`` is sensitive ("ERP J: …", "site: …"), or None when it is an ERP of another type."""
    if "type_principal" not in site.attributes:
        return f"site: {site.label}"
    kind = str(site.attributes.get("type_principal") or "").strip().upper()
    return f"ERP {kind}: {site.label}" if kind in SENSITIVE_ERP_TYPES else None


def linked_buildings(site: Site, by_cleabs: dict, footprints, envelopes) -> list[int]:
    """Indices of the footprints ``site`` belongs to: its ``liens_vers_batiment``, else the nearest footprint
    within SITE_LINK_DISTANCE (none beyond)."""
    links = re.split(r"[/|;,\s]+", str(site.attributes.get("liens_vers_batiment") or ""))
    linked = sorted({by_cleabs[c] for c in links if c in by_cleabs})
    if linked or site.geometry is None or site.geometry.IsEmpty():
        return linked
    xmin, xmax, ymin, ymax = site.geometry.GetEnvelope()
    reach = SITE_LINK_DISTANCE
    near = np.flatnonzero((envelopes[:, 0] <= xmax + reach) & (envelopes[:, 1] >= xmin - reach)
                          & (envelopes[:, 2] <= ymax + reach) & (envelopes[:, 3] >= ymin - reach))
    distances = [(footprints[i].Distance(site.geometry), i) for i in near if not footprints[i].IsEmpty()]
    best = min(distances, default=None)
    return [best[1]] if best is not None and best[0] <= reach else []


def building_exposure(footprints, attributes, fields, lst_path, intensity_path=None, sites=(),
                      is_canceled=None) -> list[BuildingExposure]:
    """Exposure of each footprint (OGR geometries in the rasters' CRS) with its attributes (dicts); ``sites``:
    :class:`Site` records (e.g. BD TOPO ERP), linked to the buildings as the module says."""
    areas = {}  # the footprints' area in each pixel, computed once for both rasters when they share a grid
    lst = zonal_statistics(lst_path, footprints, all_touched=True, overlapping=True, area_weighted=True,
                           area_cache=areas, is_canceled=is_canceled)
    heat = zonal_statistics(intensity_path, footprints, all_touched=True, overlapping=True, area_weighted=True,
                            area_cache=areas, is_canceled=is_canceled) if intensity_path is not None else None
    by_site = {}
    if sites:
        by_cleabs = {str(a.get("cleabs")): i for i, a in enumerate(attributes) if a.get("cleabs")}
        envelopes = np.array([f.GetEnvelope() if not f.IsEmpty() else (np.inf, -np.inf, np.inf, -np.inf)
                              for f in footprints], np.float64).reshape(-1, 4)
        for site in sites:
            reason = site_reason(site)
            if reason is not None:
                for index in linked_buildings(site, by_cleabs, footprints, envelopes):
                    by_site.setdefault(index, reason)
    results = []
    for index in range(len(footprints)):
        reason = sensitive_reason(attributes[index], fields) or by_site.get(index, "")
        results.append(BuildingExposure(
            float(lst.mean[index]), float(lst.maximum[index]),
            float(heat.mean[index]) if heat is not None else float("nan"),
            float(heat.maximum[index]) if heat is not None else float("nan"),
            bool(reason), reason))
    return results


@dataclass
class CellVulnerability:
    intensity_mean: float
    exposure: float
    people: float
    age: float
    vulnerability: float


def population_counts(field_names) -> tuple[str, tuple]:
    """The inhabitants field and the fields giving the people aged 65 and over; refuse another schema."""
    lower = {name.lower(): name for name in field_names}
    if "ind" not in lower:
        raise AnalysisError("population_fields", QT_TRANSLATE_NOOP(
            "AnalysisError", "The population layer has no inhabitants field (ind): it is not a 200 m grid made by "
            "Population on a 200 m grid (INSEE Filosofi), or it follows another year's schema (fields found: "
            "{found}). Make it again with that algorithm."), found=", ".join(list(field_names)[:12]))
    if "ind_65p" in lower:
        return lower["ind"], (lower["ind_65p"],)
    if "ind_65_79" in lower and "ind_80p" in lower:
        return lower["ind"], (lower["ind_65_79"], lower["ind_80p"])
    return lower["ind"], ()


def cell_vulnerability(cells, inhabitants, elderly, intensity_path, is_canceled=None) -> list[CellVulnerability]:
    """Vulnerability of each cell (OGR geometries in the raster's CRS); ``elderly`` may hold NaN."""
    heat = zonal_statistics(intensity_path, cells, is_canceled=is_canceled)
    intensity = np.nan_to_num(heat.mean, nan=0.0)
    exposure = np.clip(intensity, 0.0, None)
    people = np.nan_to_num(np.asarray(inhabitants, dtype=np.float64), nan=0.0)
    old = np.nan_to_num(np.asarray(elderly, dtype=np.float64), nan=0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(people > 0, old / people, 0.0)
    e = exposure / exposure.max() if exposure.max() > 0 else np.zeros_like(exposure)
    p = people / people.max() if people.max() > 0 else np.zeros_like(people)
    a = share / share.max() if share.max() > 0 else np.zeros_like(share)
    v = e * (p + a) / 2.0
    return [CellVulnerability(float(heat.mean[i]), float(e[i]), float(p[i]), float(a[i]), float(v[i]))
            for i in range(len(cells))]
