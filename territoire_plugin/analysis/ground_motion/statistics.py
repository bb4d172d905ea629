"""Statistics of all assets at once from the (asset, point) pairs, sorted by asset and velocity.

Classes per asset, velocities in mm/year (line of sight, or vertical when converted):
insufficient data (fewer points than the minimum), stable (|median| ≤ stable band), alert
(|median| ≥ alert threshold), watch otherwise. The alternative rule compares |median| with k
times the median of the points' velocity standard deviations.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError

INSUFFICIENT, STABLE, WATCH, ALERT = range(4)


@dataclass
class AssetStatistics:
    count: np.ndarray
    median: np.ndarray
    mean: np.ndarray
    max_abs: np.ndarray
    p10: np.ndarray
    p90: np.ndarray
    share_unstable: np.ndarray
    std_median: np.ndarray
    category: np.ndarray

    def take(self, rows: np.ndarray) -> AssetStatistics:
        """The statistics of the assets at ``rows``, in that order."""
        return AssetStatistics(*(getattr(self, field.name)[rows] for field in dataclasses.fields(self)))


def rows_of(ids: np.ndarray, fids: np.ndarray) -> np.ndarray | None:
    """The row of each of ``ids`` in ``fids`` (feature ids read two ways), or None if one is missing."""
    ids, fids = np.asarray(ids, np.int64), np.asarray(fids, np.int64)
    if np.array_equal(ids, fids):
        return np.arange(ids.size)
    if fids.size == 0:
        return None
    sorter = np.argsort(fids, kind="stable")
    rows = sorter[np.minimum(np.searchsorted(fids, ids, sorter=sorter), fids.size - 1)]
    return rows if (fids[rows] == ids).all() else None


def _percentile_sorted(values, starts, counts, q):
    """Linear-interpolation percentile of each sorted group (numpy's default method)."""
    position = starts + (counts - 1) * q / 100.0
    low = np.floor(position).astype(np.int64)
    high = np.minimum(low + 1, starts + counts - 1)
    weight = position - low
    return values[low] * (1 - weight) + values[high] * weight


def asset_statistics(asset_ids: np.ndarray, velocities: np.ndarray, n_assets: int, *, stds=None,
                     stable: float = 2.0, alert: float = 5.0, min_points: int = 3,
                     std_multiple: float | None = None) -> AssetStatistics:
    """Statistics and class of each asset from (asset, point velocity) pairs, all at once."""
    nan = np.full(n_assets, np.nan)
    stats = AssetStatistics(np.zeros(n_assets, np.int64), nan.copy(), nan.copy(), nan.copy(), nan.copy(),
                            nan.copy(), nan.copy(), nan.copy(), np.full(n_assets, INSUFFICIENT, np.int8))
    if asset_ids.size:
        order = np.lexsort((velocities, asset_ids))
        ids, values = asset_ids[order], velocities[order]
        groups, starts, counts = np.unique(ids, return_index=True, return_counts=True)
        stats.count[groups] = counts
        stats.mean[groups] = np.add.reduceat(values, starts) / counts
        stats.median[groups] = _percentile_sorted(values, starts, counts, 50)
        stats.p10[groups] = _percentile_sorted(values, starts, counts, 10)
        stats.p90[groups] = _percentile_sorted(values, starts, counts, 90)
        stats.max_abs[groups] = np.maximum.reduceat(np.abs(values), starts)
        stats.share_unstable[groups] = np.add.reduceat((np.abs(values) > stable).astype(np.float64), starts) / counts
        if stds is not None:
            std_sorted = np.asarray(stds, np.float64)[order]
            std_order = np.lexsort((std_sorted, ids))
            stats.std_median[groups] = _percentile_sorted(std_sorted[std_order], starts, counts, 50)
    enough = stats.count >= min_points
    magnitude = np.abs(stats.median)
    if std_multiple is not None:
        if stds is None:
            raise AnalysisError("gm_no_std", QT_TRANSLATE_NOOP(
                "AnalysisError", "The rule in multiples of the standard deviation needs the points' velocity "
                "standard deviation field. Choose it, or use the thresholds in mm/year."))
        limit_stable = std_multiple * stats.std_median
        limit_alert = 2 * std_multiple * stats.std_median
    else:
        limit_stable, limit_alert = stable, alert
    category = np.where(magnitude <= limit_stable, STABLE, np.where(magnitude >= limit_alert, ALERT, WATCH))
    stats.category = np.where(enough, category, INSUFFICIENT).astype(np.int8)
    return stats


def vertical(velocity, los_up, minimum_los_up: float = 0.2):
    """Line-of-sight velocity to vertical, v_up ≈ v_los / los_up (horizontal motion neglected)."""
    los_up = np.asarray(los_up, np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.asarray(velocity, np.float64) / los_up
    out[~(np.abs(los_up) >= minimum_los_up)] = np.nan
    return out
