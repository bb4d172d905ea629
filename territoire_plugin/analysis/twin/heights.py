"""The height a building is extruded by in the 3D view, from what BD TOPO says of it.

BD TOPO gives ``hauteur`` (m, from the ground to the gutter, measured by IGN's stereo-restitution or LiDAR) for
most buildings and ``nombre_d_etages`` for many; some have neither (light buildings, recent ones). The rule, in
this order, the first that holds:

1. ``hauteur`` when it is a number above zero (BD TOPO writes 0 where it does not know);
2. ``nombre_d_etages`` × :data:`STOREY_M` when the storeys are a number above zero;
3. :data:`DEFAULT_M` otherwise — one storey, stated in the log and the report with the count of buildings.

The QGIS expression the 3D renderer uses (``qgis_io.scene3d.height_expression``) applies the same rule; the tests
check that both give the same height for every building of the real Olemps extract.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Metres a storey, for a building known only by its storeys (the usual 3 m of French housing surveys).
STOREY_M = 3.0
#: Metres for a building known by neither: one storey.
DEFAULT_M = STOREY_M


@dataclass(frozen=True)
class Heights:
    metres: np.ndarray  # float64, one a building
    measured: int  # from ``hauteur``
    from_storeys: int  # from ``nombre_d_etages``
    defaulted: int  # neither: DEFAULT_M

    @property
    def count(self) -> int:
        return self.measured + self.from_storeys + self.defaulted


def _numbers(values) -> np.ndarray:
    """float64 of ``values`` (None, NULL-like objects and text that is no number become NaN)."""
    out = np.full(len(values), np.nan)
    for index, value in enumerate(values):
        try:
            out[index] = float(value)
        except (TypeError, ValueError):
            pass
    return out


def building_heights(hauteur, storeys) -> Heights:
    """The heights of buildings given their ``hauteur`` and ``nombre_d_etages`` (sequences of one length, with
    None or NaN where BD TOPO gives nothing), by the module's rule."""
    measured = _numbers(hauteur)
    floors = _numbers(storeys)
    if measured.shape != floors.shape:
        raise ValueError("hauteur and nombre_d_etages must be of one length")
    with np.errstate(invalid="ignore"):
        has_height = np.isfinite(measured) & (measured > 0)
        has_storeys = ~has_height & np.isfinite(floors) & (floors > 0)
    metres = np.where(has_height, measured, np.where(has_storeys, floors * STOREY_M, DEFAULT_M))
    known = int(has_height.sum())
    by_storeys = int(has_storeys.sum())
    return Heights(metres, known, by_storeys, len(metres) - known - by_storeys)
