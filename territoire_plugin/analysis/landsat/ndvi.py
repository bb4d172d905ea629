"""NDVI = (NIR − red) / (NIR + red) on surface reflectance, Landsat C2 L2 or Sentinel-2 L2A.

Reflectance = DN × scale + offset, held to [0.0001, 1]: Landsat C2 L2 SR 2.75e-5 and −0.2 (MTL);
Sentinel-2 L2A 1e-4 and −0.1 since processing baseline 04.00 (25 January 2022), 0 before.
DN 0 is fill. Clouds and shadows are masked with QA_PIXEL (Landsat) or SCL (Sentinel-2).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ..raster.strips import NODATA, Inputs, RunningStats, map_strips
from .constants import QA_BITS, QA_CLOUD_MASK, USGS_SR
from .mtl import band_file, find_metadata

#: Sentinel-2 SCL classes masked: no data, saturated/defective, cloud shadow, cloud (medium, high), cirrus.
SCL_MASKED = (0, 1, 3, 8, 9, 10)
SCL_WATER, SCL_SNOW = 6, 11
S2_OFFSET_FROM = "2022-01-25"
REFLECTANCE_FLOOR = np.float32(1e-4)
#: What reflectance looks like when its scaling is right: dense vegetation (NDVI > 0.6) has a near-infrared
#: reflectance of about 0.25–0.5, open water (SCL class 6) a negative NDVI (reference/partner-services.md,
#: "Earth Search v1": the declared offset and the boa_offset_applied flag disagree on some items).
DENSE_VEGETATION_NDVI = 0.6
VEGETATION_NIR = (0.25, 0.5)
PLAUSIBILITY_PIXELS = 100


class Plausibility:
    """Strip after strip: the mean NIR reflectance of dense vegetation and the mean NDVI of open water."""

    def __init__(self, scale: float, offset: float, mask_kind: str | None):
        self.scale, self.offset, self.mask_kind = float(scale), float(offset), mask_kind
        self.nir_total, self.nir_count, self.water_total, self.water_count = 0.0, 0, 0.0, 0

    def __call__(self, out, arrays) -> None:
        valid = out != NODATA
        dense = valid & (out > DENSE_VEGETATION_NDVI)
        if dense.any():
            self.nir_total += float((arrays["nir"][dense].astype(np.float64) * self.scale + self.offset).sum())
            self.nir_count += int(dense.sum())
        if self.mask_kind == "scl":
            water = valid & (arrays["mask"] == SCL_WATER)
            self.water_total += float(out[water].astype(np.float64).sum())
            self.water_count += int(water.sum())

    @property
    def vegetation_nir(self) -> float | None:
        return self.nir_total / self.nir_count if self.nir_count >= PLAUSIBILITY_PIXELS else None

    @property
    def water_ndvi(self) -> float | None:
        return self.water_total / self.water_count if self.water_count >= PLAUSIBILITY_PIXELS else None

    def problems(self) -> list[str]:
        """"vegetation_nir" and/or "water_ndvi" when that test fails (a test without enough pixels passes)."""
        found = []
        nir, water = self.vegetation_nir, self.water_ndvi
        if nir is not None and not VEGETATION_NIR[0] <= nir <= VEGETATION_NIR[1]:
            found.append("vegetation_nir")
        if water is not None and water >= 0:
            found.append("water_ndvi")
        return found


@dataclass
class Reflectance:
    """The red and near-infrared bands of one product, their scaling and their mask band."""

    red: Path
    nir: Path
    scale: tuple = (1.0, 0.0)  # applies to both bands
    mask: Path | None = None
    mask_kind: str | None = None  # "qa_pixel" or "scl"
    sensor: str = ""
    notes: dict = field(default_factory=dict)


def _missing(what: str, where: Path) -> AnalysisError:
    return AnalysisError("ndvi_band_missing", QT_TRANSLATE_NOOP(
        "AnalysisError", "No {what} band found in {where}. Give a Landsat Level-2 product (MTL or folder), a "
        "Sentinel-2 L2A folder from Territoire's download, or the red and near-infrared bands themselves."),
        what=what, where=where)


def landsat_reflectance(user_path) -> Reflectance:
    metadata, band = find_metadata(user_path)
    folder = metadata.path.parent if metadata else Path(user_path).parent
    red = band_file(metadata, folder, "FILE_NAME_BAND_4", "SR_B4")
    nir = band_file(metadata, folder, "FILE_NAME_BAND_5", "SR_B5")
    if red is None or nir is None:
        raise _missing("SR_B4 (red)" if red is None else "SR_B5 (near infrared)", folder)
    scale = USGS_SR
    source = "USGS default"
    if metadata is not None:
        mult = metadata.number("REFLECTANCE_MULT_BAND_4", "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS")
        add = metadata.number("REFLECTANCE_ADD_BAND_4", "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS")
        if mult is not None and add is not None:
            scale, source = (mult, add), f"MTL ({metadata.path.name})"
    qa = band_file(metadata, folder, "FILE_NAME_QUALITY_L1_PIXEL", "QA_PIXEL")
    return Reflectance(red, nir, scale, qa, "qa_pixel" if qa else None, "Landsat",
                       {"TERRITOIRE_SCALE_SOURCE": source})


def sentinel2_reflectance(folder: Path) -> Reflectance:
    """A folder written by territoire:download_sentinel2 (bands + *_metadata.json), or any B04/B08/SCL set."""
    red = band_file(None, folder, "", "B04")
    nir = band_file(None, folder, "", "B08")
    if red is None or nir is None:
        raise _missing("B04 (red)" if red is None else "B08 (near infrared)", folder)
    scl = band_file(None, folder, "", "SCL")
    meta_files = sorted(folder.glob("*_metadata.json"))
    if meta_files:
        scale, date, rule = _sentinel2_metadata(meta_files[0])
        source = f"{meta_files[0].name}: {rule}" if rule else meta_files[0].name
    else:
        match = re.search(r"(20\d{2})(\d{2})(\d{2})", red.name)
        date = f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else ""
        scale = (1e-4, -0.1 if date >= S2_OFFSET_FROM else 0.0)
        source = f"date in the file name ({date or 'unknown'})"
    return Reflectance(red, nir, scale, scl, "scl" if scl else None, "Sentinel-2",
                       {"TERRITOIRE_SCALE_SOURCE": source, "TERRITOIRE_DATE": date})


def _sentinel2_metadata(path: Path) -> tuple[tuple[float, float], str, str]:
    """(B04 scale and offset, date, offset rule) from the ``*_metadata.json`` territoire:download_sentinel2 wrote."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        scaling = meta["scale_offset"]["B04"]
        scale = (float(scaling[0]), float(scaling[1]))
        if len(scaling) != 2:
            raise ValueError(f"{len(scaling)} values for B04")
        date, rule = meta.get("datetime", ""), meta.get("offset_rule") or ""
        if not isinstance(date, str) or not isinstance(rule, str):
            raise TypeError("datetime or offset_rule is not text")
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, LookupError, TypeError, AttributeError) as error:
        raise AnalysisError("s2_bad_metadata", QT_TRANSLATE_NOOP(
            "AnalysisError", "The file {name} beside the Sentinel-2 bands is damaged: it does not give the scale "
            "and offset of B04. Download the scene again, or remove this file (the date is then read from the "
            "band file names)."), name=path.name, detail=str(error)[:120]) from error
    return scale, date[:10], rule


def resolve_reflectance(user_path) -> Reflectance:
    path = Path(user_path)
    if path.is_dir() and (list(path.glob("*_B04.*")) or list(path.glob("*_B04_*"))):
        return sentinel2_reflectance(path)
    return landsat_reflectance(path)


def ndvi(bands: Reflectance, output, *, mask_water: bool = False, mask_snow: bool = False, window=None,
         progress=None, is_canceled=None) -> RunningStats:
    """Write NDVI (float32, −1…1, NODATA where masked) and return its statistics."""
    import math

    if not all(math.isfinite(v) for v in bands.scale) or bands.scale[0] <= 0:
        raise AnalysisError("reflectance_scale", QT_TRANSLATE_NOOP(
            "AnalysisError", "The reflectance scale {scale} and offset {offset} cannot turn these bands into "
            "reflectances: the scale must be a positive number (e.g. 0.0001 for Sentinel-2, 0.0000275 for "
            "Landsat Collection 2)."), scale=bands.scale[0], offset=bands.scale[1])
    inputs = Inputs.open({"red": bands.red, "nir": bands.nir, "mask": bands.mask})
    scale, offset = (np.float32(v) for v in bands.scale)
    red_nodata, nir_nodata = inputs.nodata("red"), inputs.nodata("nir")
    qa_bits = QA_CLOUD_MASK | (1 << QA_BITS["water"] if mask_water else 0) | (1 << QA_BITS["snow"] if mask_snow else 0)
    scl_masked = SCL_MASKED + ((SCL_WATER,) if mask_water else ()) + ((SCL_SNOW,) if mask_snow else ())

    def formula(arrays):
        red_dn, nir_dn = arrays["red"], arrays["nir"]
        invalid = (red_dn == 0) | (nir_dn == 0)
        for dn, nodata in ((red_dn, red_nodata), (nir_dn, nir_nodata)):
            if nodata is not None and nodata != 0:
                invalid |= dn == nodata
        if bands.mask_kind == "qa_pixel":
            invalid |= (arrays["mask"] & qa_bits) != 0
        elif bands.mask_kind == "scl":
            invalid |= np.isin(arrays["mask"], scl_masked)
        # Reflectance is held to its physical range: water's slightly negative NIR keeps a strongly
        # negative NDVI instead of a meaningless one.
        red = np.clip(red_dn.astype(np.float32) * scale + offset, REFLECTANCE_FLOOR, 1.0)
        nir = np.clip(nir_dn.astype(np.float32) * scale + offset, REFLECTANCE_FLOOR, 1.0)
        total = nir + red
        invalid |= np.abs(total) < 1e-6
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.clip((nir - red) / total, -1.0, 1.0)
        out[invalid] = NODATA
        return out

    stats = RunningStats()
    stats.plausibility = Plausibility(bands.scale[0], bands.scale[1], bands.mask_kind)

    def on_strip(out, arrays):
        stats(out, arrays)
        stats.plausibility(out, arrays)

    def refuse_if_empty():
        if stats.count == 0:
            raise AnalysisError("ndvi_empty", QT_TRANSLATE_NOOP(
                "AnalysisError", "Every pixel is masked (fill, cloud or shadow): no NDVI can be computed. Pick a "
                "clearer scene."))

    metadata = {"TERRITOIRE_PRODUCT": f"NDVI, {bands.sensor} surface reflectance",
                "TERRITOIRE_REFLECTANCE": f"DN × {bands.scale[0]} + {bands.scale[1]}", **bands.notes}
    map_strips(inputs, output, formula, window=window, description="NDVI", metadata=metadata,
               progress=progress, is_canceled=is_canceled, on_strip=on_strip, before_commit=refuse_if_empty)
    return stats
