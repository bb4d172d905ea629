"""Land surface temperature from a Landsat 8/9 Level-1 thermal band (B10), single-channel method.

1. Radiance        L  = ML · DN + AL                      (RADIANCE_MULT/ADD_BAND_10 from the MTL)
2. Brightness temp BT = K2 / ln(K1 / L + 1)   [K]         (K1/K2_CONSTANT_BAND_10: Landsat 8 and 9 differ)
3. NDVI from the top-of-atmosphere reflectance of B4 and B5 (REFLECTANCE_MULT/ADD_BAND_4/5; the sun
   elevation factor cancels out in the ratio)
4. Emissivity (Sobrino et al. 2004; Avdan & Jovanovska 2016):
     NDVI < 0            water        ε = 0.991
     0 ≤ NDVI < 0.2      bare soil    ε = 0.97
     0.2 ≤ NDVI ≤ 0.5    mixed        ε = 0.004 · Pv + 0.986, Pv = ((NDVI − 0.2) / (0.5 − 0.2))²
     NDVI > 0.5          vegetation   ε = 0.99
5. LST = BT / (1 + (λ · BT / ρ) · ln ε),  λ = 10.895 µm, ρ = h·c/k = 1.4388 × 10⁻² m·K;  °C = K − 273.15
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ..raster.strips import NODATA, Inputs, RunningStats, map_strips
from .constants import KELVIN, QA_CLOUD_MASK
from .mtl import LandsatMetadata, band_file, find_metadata

WAVELENGTH_M = 10.895e-6
RHO_MK = 1.4388e-2
NDVI_SOIL, NDVI_VEGETATION = 0.2, 0.5
EPS_WATER, EPS_SOIL, EPS_VEGETATION = 0.991, 0.97, 0.99


@dataclass
class Level1:
    b10: Path
    b4: Path
    b5: Path
    qa: Path | None
    qa_kind: str | None
    constants: dict
    metadata: LandsatMetadata


def emissivity(ndvi):
    """Emissivity from NDVI by the four cases above (numpy, element-wise)."""
    ndvi = np.asarray(ndvi, dtype=np.float32)
    pv = np.square((ndvi - NDVI_SOIL) / (NDVI_VEGETATION - NDVI_SOIL))
    return np.select(
        [ndvi < 0, ndvi < NDVI_SOIL, ndvi <= NDVI_VEGETATION],
        [np.float32(EPS_WATER), np.float32(EPS_SOIL), np.float32(0.004) * pv + np.float32(0.986)],
        default=np.float32(EPS_VEGETATION),
    ).astype(np.float32)


def brightness_temperature(dn, ml, al, k1, k2):
    radiance = dn.astype(np.float32) * np.float32(ml) + np.float32(al)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.float32(k2) / np.log(np.float32(k1) / radiance + np.float32(1.0))


def lst_from_bt(bt, eps):
    return bt / (np.float32(1.0) + (np.float32(WAVELENGTH_M) * bt / np.float32(RHO_MK)) * np.log(eps))


def resolve_level1(user_path) -> Level1:
    metadata, _band = find_metadata(user_path)
    if metadata is None:
        raise AnalysisError("l1_no_mtl", QT_TRANSLATE_NOOP(
            "AnalysisError", "No MTL file beside {path}: the Level-1 method needs the product's radiance and "
            "thermal constants. Give the product's MTL file or folder."), path=user_path)
    constants = {}
    for key in ("RADIANCE_MULT_BAND_10", "RADIANCE_ADD_BAND_10", "K1_CONSTANT_BAND_10", "K2_CONSTANT_BAND_10",
                "REFLECTANCE_MULT_BAND_4", "REFLECTANCE_ADD_BAND_4", "REFLECTANCE_MULT_BAND_5",
                "REFLECTANCE_ADD_BAND_5"):
        value = metadata.number(key)
        if value is None:
            raise AnalysisError("l1_constant_missing", QT_TRANSLATE_NOOP(
                "AnalysisError", "The metadata file {path} has no {constant}: it is not the MTL of a Landsat "
                "8/9 Level-1 product. For a Level-2 product use Land surface temperature (Landsat)."),
                path=metadata.path, constant=key)
        constants[key] = value
    folder = metadata.path.parent
    bands = {}
    for key, suffix in (("FILE_NAME_BAND_10", "B10"), ("FILE_NAME_BAND_4", "B4"), ("FILE_NAME_BAND_5", "B5")):
        found = band_file(metadata, folder, key, suffix)
        if found is None:
            raise AnalysisError("l1_band_missing", QT_TRANSLATE_NOOP(
                "AnalysisError", "Band {band} of the product is not in {folder}. Put the bands beside the MTL."),
                band=suffix, folder=folder)
        bands[suffix] = found
    qa = band_file(metadata, folder, "FILE_NAME_QUALITY_L1_PIXEL", "QA_PIXEL")
    qa_kind = "qa_pixel" if qa else None
    if qa is None:
        qa = band_file(metadata, folder, "FILE_NAME_BAND_QUALITY", "BQA")
        qa_kind = "bqa" if qa else None
    return Level1(bands["B10"], bands["B4"], bands["B5"], qa, qa_kind, constants, metadata)


def land_surface_temperature_l1(product: Level1, output, *, window=None, progress=None,
                                is_canceled=None) -> RunningStats:
    c = product.constants
    inputs = Inputs.open({"b10": product.b10, "b4": product.b4, "b5": product.b5, "qa": product.qa})

    def formula(arrays):
        # In-place float32 arithmetic: a 60 Mpx scene stays within a few strip-sized arrays.
        b10, b4, b5 = arrays["b10"], arrays["b4"], arrays["b5"]
        invalid = (b10 == 0) | (b4 == 0) | (b5 == 0)
        if product.qa_kind == "qa_pixel":
            invalid |= (arrays["qa"] & QA_CLOUD_MASK) != 0
        elif product.qa_kind == "bqa":  # pre-Collection: fill, high-confidence cloud (bits 14-15), cirrus (12-13)
            qa = arrays["qa"]
            invalid |= ((qa & 1) != 0) | (((qa >> 14) & 3) == 3) | (((qa >> 12) & 3) == 3)
        red = b4.astype(np.float32)
        red *= np.float32(c["REFLECTANCE_MULT_BAND_4"])
        red += np.float32(c["REFLECTANCE_ADD_BAND_4"])
        ndvi = b5.astype(np.float32)
        ndvi *= np.float32(c["REFLECTANCE_MULT_BAND_5"])
        ndvi += np.float32(c["REFLECTANCE_ADD_BAND_5"])
        total = ndvi + red
        ndvi -= red
        del red
        with np.errstate(divide="ignore", invalid="ignore"):
            ndvi /= total
        del total
        np.nan_to_num(ndvi, copy=False, nan=0.0, posinf=0.0, neginf=0.0)
        eps = emissivity(ndvi)
        del ndvi
        out = brightness_temperature(b10, c["RADIANCE_MULT_BAND_10"], c["RADIANCE_ADD_BAND_10"],
                                     c["K1_CONSTANT_BAND_10"], c["K2_CONSTANT_BAND_10"])
        out = lst_from_bt(out, eps)
        out -= np.float32(KELVIN)
        invalid |= ~np.isfinite(out)
        out[invalid] = NODATA
        return out

    stats = RunningStats()

    def refuse_if_empty():
        if stats.count == 0:
            raise AnalysisError("l1_empty", QT_TRANSLATE_NOOP(
                "AnalysisError", "No valid pixel: every pixel is fill or masked. Pick another scene."))

    spacecraft = product.metadata.spacecraft or "Landsat"
    metadata = {
        "TERRITOIRE_PRODUCT": "land surface temperature (°C), Landsat Level-1 B10, single-channel method",
        "TERRITOIRE_SPACECRAFT": spacecraft,
        "TERRITOIRE_K1": c["K1_CONSTANT_BAND_10"], "TERRITOIRE_K2": c["K2_CONSTANT_BAND_10"],
        "TERRITOIRE_ML": c["RADIANCE_MULT_BAND_10"], "TERRITOIRE_AL": c["RADIANCE_ADD_BAND_10"],
        "TERRITOIRE_EMISSIVITY": "NDVI thresholds (Sobrino 2004; Avdan & Jovanovska 2016)",
    }
    map_strips(inputs, output, formula, window=window, description="LST (°C)", unit="°C", metadata=metadata,
               progress=progress, is_canceled=is_canceled, on_strip=stats, before_commit=refuse_if_empty)
    return stats
