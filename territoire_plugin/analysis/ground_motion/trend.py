"""Trends of displacement time series: velocity, acceleration, seasonal amplitude, change of trend.

All series share the same dates, so each model is one least-squares solve for all points at
once (a chunk of points at a time), t in years from the first date:

    linear     d = a + v·t                               → velocity v (mm/year)
    quadratic  d = a + b·t + c·t²                        → acceleration 2c (mm/year²)
    seasonal   d = a + b·t + s·sin 2πt + k·cos 2πt       → seasonal amplitude √(s² + k²) (mm)
    recent     linear fit on the last third of the dates → recent velocity; the change of trend is
               recent − long-term velocity, flagged when its magnitude exceeds the threshold.

Missing values (NaN) are filled by linear interpolation in time before the fits; a series
with fewer than half its values is left out (NaN results).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

CHUNK = 50_000


@dataclass
class Trends:
    velocity: np.ndarray
    acceleration: np.ndarray
    seasonal_amplitude: np.ndarray
    recent_velocity: np.ndarray
    change: np.ndarray
    flagged: np.ndarray


def years_since_first(dates) -> np.ndarray:
    """Decimal years since the first date (dates as YYYYMMDD strings or datetime.date)."""
    days = []
    for value in dates:
        day = value if isinstance(value, date) else date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        days.append(day.toordinal())
    days = np.asarray(days, np.float64)
    return (days - days[0]) / 365.25


def _fill_gaps(series: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    finite = np.isfinite(series)
    usable = finite.sum(axis=1) >= max(3, series.shape[1] // 2)
    filled = series.copy()
    for row in np.nonzero(usable & ~finite.all(axis=1))[0]:
        good = finite[row]
        filled[row, ~good] = np.interp(t[~good], t[good], series[row, good])
    return filled, usable


def _solve(design: np.ndarray, series: np.ndarray) -> np.ndarray:
    """Least-squares coefficients of every series (rows) on ``design`` (dates × terms)."""
    return np.linalg.pinv(design) @ series.T


def trends(series: np.ndarray, t: np.ndarray, *, change_threshold: float = 2.0, is_canceled=None) -> Trends:
    """Trends of ``series`` (points × dates, mm) sampled at ``t`` (years); :class:`Cancelled` between chunks."""
    from ...core.grid import check_cancel

    n = series.shape[0]
    out = {name: np.full(n, np.nan) for name in ("velocity", "acceleration", "seasonal", "recent")}
    ones = np.ones_like(t)
    linear = np.column_stack([ones, t])
    quadratic = np.column_stack([ones, t, t**2])
    seasonal = np.column_stack([ones, t, np.sin(2 * np.pi * t), np.cos(2 * np.pi * t)])
    recent_from = int(len(t) * 2 / 3)
    recent = linear[recent_from:]
    for start in range(0, n, CHUNK):
        check_cancel(is_canceled)
        chunk = np.asarray(series[start:start + CHUNK], np.float64)
        filled, usable = _fill_gaps(chunk, t)
        rows = np.nonzero(usable)[0]
        if rows.size == 0:
            continue
        data = filled[rows]
        out["velocity"][start + rows] = _solve(linear, data)[1]
        out["acceleration"][start + rows] = 2 * _solve(quadratic, data)[2]
        season = _solve(seasonal, data)
        out["seasonal"][start + rows] = np.hypot(season[2], season[3])
        out["recent"][start + rows] = _solve(recent, data[:, recent_from:])[1]
    change = out["recent"] - out["velocity"]
    return Trends(out["velocity"], out["acceleration"], out["seasonal"], out["recent"], change,
                  np.abs(np.nan_to_num(change)) > change_threshold)
