"""Differential settlement: angular distortion (Skempton & MacDonald), tensile strain (Boscardin & Cording),
gradients along a line."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Skempton & MacDonald (1956) angular distortion limits: (β at least, class).
SKEMPTON = ((1 / 150, "structural damage"), (1 / 300, "cosmetic cracking"), (1 / 500, "limit of safety"),
            (0.0, "negligible"))


def category_of(value: float, limits) -> str:
    """The category of the first (lower limit, category) of ``limits`` (highest first) that ``value`` reaches."""
    return next(name for limit, name in limits if value >= limit)


#: Boscardin & Cording (1989) limiting tensile strain categories: (strain at least, category).
BOSCARDIN = ((0.003, "severe"), (0.0015, "moderate"), (0.00075, "slight"), (0.0005, "very slight"),
             (0.0, "negligible"))


def tensile_strain(beta: float, horizontal_strain: float = 0.0) -> tuple[float, str]:
    """Largest principal tensile strain of a wall with angular distortion ``beta`` and horizontal strain
    ``horizontal_strain`` (both dimensionless), with its Boscardin & Cording category.

    Mohr's circle with no vertical strain: ε = εh/2 + √((εh/2)² + (β/2)²); without horizontal strain this is
    β/2 (pure distortion). InSAR gives no horizontal strain, so it is the caller's assumption.
    """
    half = horizontal_strain / 2.0
    strain = half + float(np.hypot(half, beta / 2.0))
    return strain, category_of(strain, BOSCARDIN)


@dataclass
class Distortion:
    beta: float  # angular distortion (dimensionless)
    first: int  # indices of the worst pair, into the points given
    second: int
    distance_m: float
    difference_mm: float
    category: str


def worst_distortion(x, y, displacement_mm, min_distance_m: float = 3.0) -> Distortion | None:
    """The pair of points with the largest |Δd| / distance (pairs closer than ``min_distance_m`` ignored)."""
    x, y, d = (np.asarray(v, np.float64) for v in (x, y, displacement_mm))
    if x.size < 2:
        return None
    distance = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    difference = np.abs(d[:, None] - d[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        beta = np.where(distance >= min_distance_m, difference / (distance * 1000.0), -1.0)
    first, second = np.unravel_index(int(np.argmax(beta)), beta.shape)
    if beta[first, second] < 0:
        return None
    value = float(beta[first, second])
    category = category_of(value, SKEMPTON)
    return Distortion(value, int(first), int(second), float(distance[first, second]),
                      float(difference[first, second]), category)


def chainage_along(px, py, line: np.ndarray) -> np.ndarray:
    """Chainage (m from the line's start) of each point's closest position on the polyline ``line``."""
    px, py = np.asarray(px, np.float64)[:, None], np.asarray(py, np.float64)[:, None]
    x1, y1 = line[:-1, 0][None, :], line[:-1, 1][None, :]
    dx, dy = (line[1:, 0] - line[:-1, 0])[None, :], (line[1:, 1] - line[:-1, 1])[None, :]
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length2 > 0, ((px - x1) * dx + (py - y1) * dy) / length2, 0.0)
    t = np.minimum(np.maximum(t, 0.0), 1.0)
    distance = (px - (x1 + t * dx)) ** 2 + (py - (y1 + t * dy)) ** 2
    best = np.argmin(distance, axis=1)
    starts = np.concatenate([[0.0], np.cumsum(np.sqrt(length2.ravel()))])[:-1]
    return starts[best] + t[np.arange(t.shape[0]), best] * np.sqrt(length2.ravel()[best])


def steepest_gradient(chainages, displacement_mm, min_gap_m: float = 3.0) -> Distortion | None:
    """Between consecutive points along a line (by chainage), the stretch where displacement changes fastest."""
    order = np.argsort(chainages)
    s, d = np.asarray(chainages, np.float64)[order], np.asarray(displacement_mm, np.float64)[order]
    if s.size < 2:
        return None
    gap = np.diff(s)
    with np.errstate(invalid="ignore", divide="ignore"):
        gradient = np.where(gap >= min_gap_m, np.abs(np.diff(d)) / (gap * 1000.0), -1.0)
    k = int(np.argmax(gradient))
    if gradient[k] < 0:
        return None
    value = float(gradient[k])
    category = category_of(value, SKEMPTON)
    return Distortion(value, int(order[k]), int(order[k + 1]), float(gap[k]), float(abs(d[k + 1] - d[k])), category)
