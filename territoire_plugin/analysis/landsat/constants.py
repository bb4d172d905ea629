"""Landsat Collection 2 constants in one place: Kelvin offset, QA_PIXEL bits, USGS scale factors."""

from __future__ import annotations

KELVIN = 273.15

#: QA_PIXEL bit of each mask choice (Landsat Collection 2, bits 0-7).
QA_BITS = {
    "fill": 0,
    "dilated_cloud": 1,
    "cirrus": 2,
    "cloud": 3,
    "cloud_shadow": 4,
    "snow": 5,
    "water": 7,
}
CLOUD_FLAGS = ("dilated_cloud", "cirrus", "cloud", "cloud_shadow")
DEFAULT_MASK = ("fill",) + CLOUD_FLAGS

QA_CLEAR_BIT = 6


def qa_bitmask(flags) -> int:
    """Integer with the QA_PIXEL bits of ``flags`` set."""
    unknown = set(flags) - set(QA_BITS)
    if unknown:
        raise ValueError(f"unknown QA_PIXEL flags: {sorted(unknown)}")
    return sum(1 << QA_BITS[flag] for flag in set(flags))


#: QA_PIXEL bits masked by default (fill, dilated cloud, cirrus, cloud, cloud shadow); pre-Collection BQA:
#: fill and high-confidence cloud and cirrus.
QA_CLOUD_MASK = qa_bitmask(DEFAULT_MASK)

#: Factors USGS documents for Collection 2 Level-2 ST_B10; used only when no metadata exists.
USGS_ST_MULT = 0.00341802
USGS_ST_ADD = 149.0
#: Collection 2 Level-2 surface reflectance: reflectance = DN × scale + offset.
USGS_SR = (2.75e-05, -0.2)
