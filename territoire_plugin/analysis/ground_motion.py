"""Ground motion (InSAR points) joined to assets: which points belong to which asset, and what they say.

A point belongs to an asset when it lies within the asset's buffer distance: inside a polygon or
within the distance of its outline; within the distance of a line; within the distance of a
point asset. Candidates come from a grid index of the points (numpy, built once); the exact
tests are vectorised over the candidates (crossing-number point-in-polygon, point-to-segment
distance). Statistics of all assets are then computed at once from the (asset, point) pairs,
sorted by asset and velocity.

Classes per asset, velocities in mm/year (line of sight, or vertical when converted):
insufficient data (fewer points than the minimum), stable (|median| ≤ stable band), alert
(|median| ≥ alert threshold), watch otherwise. The alternative rule compares |median| with k
times the median of the points' velocity standard deviations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, AnalysisError

CLASSES = ("insufficient data", "stable", "watch", "alert")
INSUFFICIENT, STABLE, WATCH, ALERT = range(4)


@dataclass
class Shape:
    """An asset: its kind ("polygon", "line", "point"), rings or parts as (n, 2) arrays, its buffer (m)."""

    kind: str
    parts: list
    buffer: float

    @property
    def bounds(self):
        coords = np.vstack(self.parts)
        return coords[:, 0].min(), coords[:, 1].min(), coords[:, 0].max(), coords[:, 1].max()


class PointIndex:
    """Points bucketed in square cells; candidates of a box in a few searchsorted calls."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cell: float):
        self.x, self.y, self.cell = np.asarray(x, np.float64), np.asarray(y, np.float64), float(cell)
        self.x0, self.y0 = float(self.x.min()), float(self.y.min())
        ix = ((self.x - self.x0) // cell).astype(np.int64)
        iy = ((self.y - self.y0) // cell).astype(np.int64)
        self.width = int(ix.max()) + 1
        keys = iy * self.width + ix
        self.order = np.argsort(keys, kind="stable")
        self.keys = keys[self.order]

    def candidates(self, xmin, ymin, xmax, ymax) -> np.ndarray:
        c0 = max(int((xmin - self.x0) // self.cell), 0)
        c1 = min(int((xmax - self.x0) // self.cell), self.width - 1)
        r0 = max(int((ymin - self.y0) // self.cell), 0)
        r1 = int((ymax - self.y0) // self.cell)
        if c1 < c0 or r1 < r0:
            return np.empty(0, np.int64)
        rows = np.arange(r0, r1 + 1) * self.width
        starts = np.searchsorted(self.keys, rows + c0, side="left")
        ends = np.searchsorted(self.keys, rows + c1, side="right")
        if not (ends > starts).any():
            return np.empty(0, np.int64)
        return np.concatenate([self.order[s:e] for s, e in zip(starts, ends) if e > s])


def _segment_distance(px, py, line: np.ndarray) -> np.ndarray:
    """Distance of each point to the polyline ``line`` ((n, 2) array), all segments at once."""
    x1, y1 = line[:-1, 0][None, :], line[:-1, 1][None, :]
    dx, dy = (line[1:, 0] - line[:-1, 0])[None, :], (line[1:, 1] - line[:-1, 1])[None, :]
    length2 = dx * dx + dy * dy
    qx, qy = px[:, None] - x1, py[:, None] - y1
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length2 > 0, (qx * dx + qy * dy) / length2, 0.0)
    t = np.minimum(np.maximum(t, 0.0), 1.0)
    return np.sqrt(np.min((qx - t * dx) ** 2 + (qy - t * dy) ** 2, axis=1))


def _inside(px, py, rings) -> np.ndarray:
    """Even-odd rule over all rings (outer and holes) of a polygon, all edges at once."""
    edges = np.vstack([np.hstack([ring[:-1], ring[1:]]) for ring in rings])
    a, b, c, d = (edges[:, k][None, :] for k in range(4))
    pxx, pyy = px[:, None], py[:, None]
    straddles = (b > pyy) != (d > pyy)
    with np.errstate(invalid="ignore", divide="ignore"):
        crossing_x = (c - a) * (pyy - b) / np.where(d != b, d - b, 1.0) + a
    return (np.count_nonzero(straddles & (pxx < crossing_x), axis=1) % 2) == 1


def members(index: PointIndex, shape: Shape) -> np.ndarray:
    """Indices of the points within ``shape``'s buffer."""
    xmin, ymin, xmax, ymax = shape.bounds
    reach = shape.buffer
    found = index.candidates(xmin - reach, ymin - reach, xmax + reach, ymax + reach)
    if found.size == 0:
        return found
    px, py = index.x[found], index.y[found]
    if shape.kind == "point":
        coords = np.vstack(shape.parts)
        near = np.zeros(found.size, bool)
        for x, y in coords:
            near |= np.hypot(px - x, py - y) <= reach
    else:
        near = np.zeros(found.size, bool)
        if reach > 0:
            distance = np.min([_segment_distance(px, py, part) for part in shape.parts], axis=0)
            near = distance <= reach
        if shape.kind == "polygon":
            near |= _inside(px, py, shape.parts)
    return found[near]


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


def join_points(x, y, velocity, shapes: list[Shape], *, cell: float | None = None, is_canceled=None):
    """(asset index, point index) pairs of every point within every asset's buffer."""
    from .raster import check_cancel

    if len(x) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    if cell is None:
        spans = [max(s.bounds[2] - s.bounds[0], s.bounds[3] - s.bounds[1]) + 2 * s.buffer for s in shapes[:2000]]
        cell = max(float(np.median(spans)) if spans else 50.0, 10.0)
    index = PointIndex(x, y, cell)
    asset_parts, point_parts = [], []
    for number, shape in enumerate(shapes):
        if number % 2000 == 0:
            check_cancel(is_canceled)
        found = members(index, shape)
        if found.size:
            asset_parts.append(np.full(found.size, number, np.int64))
            point_parts.append(found)
    if not asset_parts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(asset_parts), np.concatenate(point_parts)


def vertical(velocity, los_up, minimum_los_up: float = 0.2):
    """Line-of-sight velocity to vertical, v_up ≈ v_los / los_up (horizontal motion neglected)."""
    los_up = np.asarray(los_up, np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.asarray(velocity, np.float64) / los_up
    out[~(np.abs(los_up) >= minimum_los_up)] = np.nan
    return out


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


def read_points_columnar(path: str, layer_name: str | None, fields: list[str]):
    """(x, y, {field: values}) of a point layer read column by column through GDAL's Arrow interface,
    or None when the layer cannot be read that way (the caller then reads feature by feature)."""
    from osgeo import ogr

    try:
        source = ogr.Open(path)
        layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
        if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
            return None
        layer.SetIgnoredFields([name for name in (layer.GetLayerDefn().GetFieldDefn(i).GetName()
                                                  for i in range(layer.GetLayerDefn().GetFieldCount()))
                                if name not in fields])
        xs, ys, columns = [], [], {name: [] for name in fields}
        geometry_column = layer.GetGeometryColumn() or "geometry"
        for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
            wkb = batch.get(geometry_column)
            if wkb is None or np.ma.is_masked(wkb) or wkb.dtype.kind != "V" or wkb.dtype.itemsize not in (21, 29):
                return None  # null geometries or not plain points: read feature by feature
            wkb = np.ma.getdata(wkb)
            raw = np.frombuffer(wkb.tobytes(), dtype=np.uint8).reshape(len(wkb), wkb.dtype.itemsize)
            if not (raw[:, 0] == 1).all():  # little-endian WKB only
                return None
            kind = raw[:, 1:5].copy().view("<u4").ravel() % 1000
            if not (kind == 1).all():
                return None
            xs.append(raw[:, 5:13].copy().view("<f8").ravel())
            ys.append(raw[:, 13:21].copy().view("<f8").ravel())
            for name in fields:
                # A null value reads as NaN, as in the feature-by-feature read (not as the 0 under the mask).
                columns[name].append(np.ma.filled(np.ma.asarray(batch[name]).astype(np.float64), np.nan))
        source = None
    except (RuntimeError, KeyError, ValueError):
        return None
    if not xs:
        return np.empty(0), np.empty(0), {name: np.empty(0) for name in fields}
    return np.concatenate(xs), np.concatenate(ys), {name: np.concatenate(v) for name, v in columns.items()}


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
