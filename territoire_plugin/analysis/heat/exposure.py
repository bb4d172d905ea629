"""Exposure of buildings and of 200 m population cells to surface heat, and a vulnerability index.

Buildings: mean and maximum LST (and heat-island intensity) over the pixels each footprint
touches. A building is *sensitive* when one of its descriptive fields names a school, nursery,
health or elderly-care use (BD TOPO ``nature``, ``usage_1``, ``usage_2``…), or when it touches
a site of a sensitive-sites layer (e.g. BD TOPO ERP or activity zones).

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


def building_exposure(footprints, attributes, fields, lst_path, intensity_path=None, site_geometries=(),
                      is_canceled=None) -> list[BuildingExposure]:
    """Exposure of each footprint (OGR geometries in the rasters' CRS) with its attributes (dicts)."""
    lst = zonal_statistics(lst_path, footprints, all_touched=True, overlapping=True, is_canceled=is_canceled)
    heat = zonal_statistics(intensity_path, footprints, all_touched=True, overlapping=True,
                            is_canceled=is_canceled) if intensity_path is not None else None
    results = []
    for index, footprint in enumerate(footprints):
        reason = sensitive_reason(attributes[index], fields)
        if not reason:
            for site_name, site in site_geometries:
                if footprint.Intersects(site):
                    reason = f"site: {site_name}"
                    break
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
