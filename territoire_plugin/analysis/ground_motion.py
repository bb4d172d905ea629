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

import dataclasses
import struct
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, AnalysisError

INSUFFICIENT, STABLE, WATCH, ALERT = range(4)


@dataclass
class Shape:
    """An asset: its kind ("polygon", "line", "point"), rings or parts as (n, 2) arrays, its buffer (m)."""

    kind: str
    parts: list
    buffer: float


_UINT = {1: struct.Struct("<I"), 0: struct.Struct(">I")}
_DOUBLE = {1: np.dtype("<f8"), 0: np.dtype(">f8")}
_EXTRA_DIMS = {0: 0, 1: 1, 2: 1, 3: 2}  # ISO WKB: thousands give Z, M, ZM


def _read_wkb(wkb: bytes, offset: int, parts: list) -> int:
    """Append (kind, (n, 2) coordinates) of the geometry at ``offset`` to ``parts``; the offset after it."""
    order = wkb[offset]
    uint = _UINT[order]
    (code,) = uint.unpack_from(wkb, offset + 1)
    dims = 2 + bool(code & 0x80000000) + bool(code & 0x40000000)  # EWKB flags
    code &= 0x0FFFFFFF
    dims += _EXTRA_DIMS.get(code // 1000, 0)
    base = code % 1000
    offset += 5
    if base == 1:
        values = np.frombuffer(wkb, _DOUBLE[order], dims, offset)[:2]
        if not np.isnan(values).any():  # POINT EMPTY is NaN, NaN
            parts.append(("point", values.reshape(1, 2)))
        return offset + dims * 8
    if base in (2, 3, 17):  # a line: one run of coordinates; a polygon or triangle: its rings
        kind = "line" if base == 2 else "polygon"
        if base == 2:
            rings = 1
        else:
            (rings,) = uint.unpack_from(wkb, offset)
            offset += 4
        for _ in range(rings):
            (count,) = uint.unpack_from(wkb, offset)
            if count:
                parts.append((kind, np.frombuffer(wkb, _DOUBLE[order], count * dims, offset + 4)
                              .reshape(count, dims)[:, :2]))
            offset += 4 + count * dims * 8
        return offset
    if base in (4, 5, 6, 7, 15, 16):  # multi geometries, collections, polyhedral surfaces, TINs
        (count,) = uint.unpack_from(wkb, offset)
        offset += 4
        for _ in range(count):
            offset = _read_wkb(wkb, offset, parts)
        return offset
    raise ValueError(f"WKB geometry type {code} is not linear: segmentize it first")


def shape_from_wkb(wkb: bytes, buffers: dict) -> Shape | None:
    """The :class:`Shape` of a linear geometry in WKB (ISO or EWKB flags, Z/M ignored; points, lines, polygons,
    their multi forms, collections of them), ``buffers`` by kind; None for an empty geometry. Curves must be
    segmentized first (ValueError otherwise)."""
    parts = []
    _read_wkb(wkb, 0, parts)
    if not parts:
        return None
    kinds = {kind for kind, _ in parts}
    if len(kinds) == 1:
        kind = parts[0][0]
    else:  # a collection mixing kinds counts only its highest-dimension members (polygons, else lines)
        kind = "polygon" if "polygon" in kinds else "line"
    arrays = [values for each, values in parts if each == kind]
    return Shape(kind, [np.vstack(arrays)] if kind == "point" else arrays, buffers[kind])


def polygons_from_wkbs(wkbs: list, buffer: float):
    """All assets at once when every WKB is a plain polygon (little-endian 2D Polygon, or MultiPolygon of one
    polygon, with one ring, as most building footprints are): the argument :func:`join_points` takes
    instead of a list of :class:`Shape`, built without a Python loop. None when any geometry is otherwise."""
    if not wkbs:
        return None
    sizes = np.fromiter((len(w or b"") for w in wkbs), np.int64, len(wkbs))
    if (sizes < 13).any():  # null or empty geometries among them
        return None
    data = np.frombuffer(b"".join(wkbs), np.uint8)
    ends = np.cumsum(sizes)
    offsets = ends - sizes

    def uint32(at):
        return (data[at] | (data[at + 1].astype(np.uint32) << 8) | (data[at + 2].astype(np.uint32) << 16)
                | (data[at + 3].astype(np.uint32) << 24)).astype(np.int64)

    code = uint32(offsets + 1)
    multi = code == 6
    if not ((data[offsets] == 1) & ((code == 3) | multi)).all():
        return None
    # A MultiPolygon of one polygon is that polygon's WKB after a 9-byte header.
    if multi.any():
        inner = offsets + 9
        checked = np.where(multi, inner, offsets)
        if (sizes[multi] < 22).any() or not ((uint32(offsets[multi] + 5) == 1) & (data[inner[multi]] == 1)
                                             & (uint32(inner[multi] + 1) == 3)).all():
            return None
        offsets = checked
    if not (uint32(offsets + 5) == 1).all():
        return None
    counts = uint32(offsets + 9)
    if (counts < 1).any() or (offsets + 13 + 16 * counts != ends).any():  # nothing else in the WKB
        return None
    starts = offsets + 13
    byte = _expand(starts, counts * 16)
    vertices = data[byte].view("<f8").reshape(-1, 2).astype(np.float64)
    count = len(wkbs)
    return _pieces_of_rings(vertices, counts, np.arange(count), np.ones(count, bool), np.full(count, float(buffer)))


#: Lines and point sets are cut into pieces of this many edges, so that a long line's candidates stay near it.
PIECE_EDGES = 16
#: Upper bound of (candidate pair, edge) rows computed at once: bounds the memory of the exact tests.
CHUNK_ROWS = 500_000


@dataclass
class _Pieces:
    """All assets flattened: edges (x1, y1, x2, y2) grouped in pieces, each piece one asset's run of edges."""

    edges: np.ndarray  # (m, 4)
    start: np.ndarray  # first edge of each piece
    count: np.ndarray  # edges in each piece
    asset: np.ndarray  # the asset of each piece
    polygon: np.ndarray  # piece of a polygon (its edges count crossings)
    buffer: np.ndarray  # buffer distance of each piece
    box: np.ndarray  # (p, 4) xmin, ymin, xmax, ymax of each piece, buffer included


def _pieces(shapes: list[Shape]) -> _Pieces:
    """Edges of every ring, line and point of ``shapes`` (a point is a zero-length edge); a polygon is one
    piece (the even-odd test needs all its rings), lines and points pieces of at most PIECE_EDGES edges."""
    def rings_of(shape):
        if shape.kind == "point":  # one zero-length edge per point
            return list(np.repeat(np.vstack(shape.parts).reshape(-1, 2), 2, axis=0).reshape(-1, 2, 2))
        return [part if len(part) > 1 else np.repeat(part, 2, axis=0) for part in shape.parts if len(part)]

    per_shape = [rings_of(shape) for shape in shapes]
    rings = [ring for each in per_shape for ring in each]
    lengths = np.fromiter((len(r) for r in rings), np.int64, len(rings))
    return _pieces_of_rings(np.concatenate(rings) if rings else np.empty((0, 2)), lengths,
                            np.repeat(np.arange(len(shapes)), [len(each) for each in per_shape]),
                            np.array([s.kind == "polygon" for s in shapes], bool),
                            np.array([s.buffer for s in shapes], np.float64))


def _pieces_of_rings(vertices, lengths, ring_asset, is_polygon, buffers) -> _Pieces:
    """Pieces from all rings' vertices laid end to end (``lengths`` per ring, ``ring_asset`` its asset)."""
    ring_of_vertex = np.repeat(np.arange(lengths.size), lengths)
    same_ring = ring_of_vertex[:-1] == ring_of_vertex[1:]
    edges = np.hstack([vertices[:-1][same_ring], vertices[1:][same_ring]])
    edge_ring = ring_of_vertex[:-1][same_ring]
    edge_asset = ring_asset[edge_ring]
    # Rank of each edge in its ring, to cut lines every PIECE_EDGES edges.
    ring_first_edge = np.searchsorted(edge_ring, np.arange(lengths.size))
    rank = np.arange(edge_ring.size) - ring_first_edge[edge_ring]
    new = np.ones(edge_ring.size, bool)
    if edge_ring.size > 1:
        new[1:] = (edge_asset[1:] != edge_asset[:-1]) | (
            ~is_polygon[edge_asset[1:]] & ((edge_ring[1:] != edge_ring[:-1]) | (rank[1:] % PIECE_EDGES == 0)))
    start = np.flatnonzero(new)
    count = np.diff(np.append(start, edge_ring.size))
    asset = edge_asset[start] if start.size else np.empty(0, np.int64)
    box = np.column_stack([np.minimum.reduceat(np.minimum(edges[:, 0], edges[:, 2]), start),
                           np.minimum.reduceat(np.minimum(edges[:, 1], edges[:, 3]), start),
                           np.maximum.reduceat(np.maximum(edges[:, 0], edges[:, 2]), start),
                           np.maximum.reduceat(np.maximum(edges[:, 1], edges[:, 3]), start)]) if start.size \
        else np.empty((0, 4))
    reach = buffers[asset]
    box += np.column_stack([-reach, -reach, reach, reach])
    return _Pieces(edges, start, count, asset, is_polygon[asset], reach, box)


def pieces_of(shapes) -> _Pieces:
    """What :func:`join_points` works on, built once: the pieces of a list of :class:`Shape`, or the result of
    :func:`polygons_from_wkbs` as it is."""
    return shapes if isinstance(shapes, _Pieces) else _pieces(shapes)


def bounds_of(shapes) -> tuple[float, float, float, float] | None:
    """(xmin, ymin, xmax, ymax) of the assets' buffered pieces, from their own coordinates; None when no asset
    has a geometry. (A provider's layer extent can be null: QGIS 3.40 reports a Null extent for a filtered
    GeoPackage layer with a feature without geometry.)"""
    box = pieces_of(shapes).box
    if box.shape[0] == 0:
        return None
    return float(box[:, 0].min()), float(box[:, 1].min()), float(box[:, 2].max()), float(box[:, 3].max())


def _expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of the ranges [start, start + count) — all at once."""
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, np.int64)
    offsets = np.cumsum(counts) - counts
    return np.repeat(starts - offsets, counts) + np.arange(total)


def _batches(weights: np.ndarray, limit: int):
    """Consecutive slices of ``weights`` whose sums stay under ``limit`` (a single heavy item alone)."""
    position, total = 0, weights.size
    cumulative = np.cumsum(weights)
    while position < total:
        base = cumulative[position - 1] if position else 0
        stop = max(int(np.searchsorted(cumulative, base + limit, side="right")), position + 1)
        yield slice(position, min(stop, total))
        position = stop


def _near(pieces: _Pieces, cand_piece: np.ndarray, px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """For each (piece, point) candidate: is the point within the piece's buffer, or inside its polygon?"""
    counts = pieces.count[cand_piece]
    edge = _expand(pieces.start[cand_piece], counts)
    pair = np.repeat(np.arange(cand_piece.size), counts)
    x1, y1, x2, y2 = (pieces.edges[edge, k] for k in range(4))
    qx, qy = px[pair] - x1, py[pair] - y1
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.where(length2 > 0, (qx * dx + qy * dy) / length2, 0.0), 0.0, 1.0)
        # Crossing number: the edge straddles the point's row and crosses it to the right of the point.
        straddles = (y1 > py[pair]) != (y2 > py[pair])
        crossing_x = dx * (py[pair] - y1) / np.where(y2 != y1, y2 - y1, 1.0) + x1
    distance2 = (qx - t * dx) ** 2 + (qy - t * dy) ** 2
    first = np.cumsum(counts) - counts
    closest = np.minimum.reduceat(distance2, first)
    crossings = np.add.reduceat((straddles & (px[pair] < crossing_x)).astype(np.int32), first)
    reach = pieces.buffer[cand_piece]
    return ((reach > 0) & (closest <= reach * reach)) | (pieces.polygon[cand_piece] & (crossings % 2 == 1))


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


#: Above this many grid cells, candidates come from sorted point keys instead of a dense cell table.
MAX_DENSE_CELLS = 8_000_000


def _candidates_by_cell(ix, iy, width, height, c0, r0, rows, columns):
    """(piece, point) candidates through a dense table of the grid cells each piece's box covers: one gather
    per point, no sort of the points. Yields them in batches of at most CHUNK_ROWS points."""
    count = rows * columns
    piece_of = np.repeat(np.arange(count.size), count)
    rank = _expand(np.zeros(count.size, np.int64), count)
    span = columns[piece_of]
    cells = (r0[piece_of] + rank // np.maximum(span, 1)) * width + c0[piece_of] + rank % np.maximum(span, 1)
    order = np.argsort(cells, kind="stable")
    pieces_by_cell = piece_of[order]
    per_cell = np.bincount(cells, minlength=width * height)
    first = np.cumsum(per_cell) - per_cell
    point_cell = iy * width + ix
    hits = per_cell[point_cell]
    touched = np.flatnonzero(hits)
    for part in _batches(hits[touched], CHUNK_ROWS):
        chosen = touched[part]
        cand_point = np.repeat(chosen, hits[chosen])
        cand_piece = pieces_by_cell[_expand(first[point_cell[chosen]], hits[chosen])]
        yield cand_piece, cand_point


def _candidates_by_row(ix, iy, width, c0, c1, r0, rows, edge_counts):
    """(piece, point) candidates through the points sorted by cell: each piece reads the cells of its box row by
    row with searchsorted (for grids too large for a dense table). Yields them in batches."""
    keys = iy * width + ix
    order = np.argsort(keys)
    keys = keys[order]
    row_piece = np.repeat(np.arange(rows.size), rows)
    row = r0[row_piece] + _expand(np.zeros(rows.size, np.int64), rows)
    first = np.searchsorted(keys, row * width + c0[row_piece], side="left")
    last = np.searchsorted(keys, row * width + c1[row_piece], side="right")
    found = last - first
    for part in _batches(found * edge_counts[row_piece], CHUNK_ROWS):
        yield np.repeat(row_piece[part], found[part]), order[_expand(first[part], found[part])]


def join_points(x, y, shapes, *, cell: float | None = None, is_canceled=None):
    """(asset index, point index) pairs of every point within every asset's buffer, sorted by asset then point.
    ``shapes``: a list of :class:`Shape`, or what :func:`polygons_from_wkbs` returns.

    Everything is vectorised. Points and assets meet in a grid of square cells: each piece of asset (a
    polygon, or a run of at most PIECE_EDGES edges of a line) covers the cells of its buffered box, and each
    point finds the pieces of its cell in a dense cell table (or, for very large grids, pieces read the
    points of their cells from the points sorted by cell). The exact tests then run over (candidate, edge)
    rows in chunks. A point without finite coordinates (an empty point) belongs to no asset.
    """
    from .raster import check_cancel

    x, y = np.asarray(x, np.float64), np.asarray(y, np.float64)
    located = np.isfinite(x) & np.isfinite(y)
    if not located.all():  # the others alone, then their indices mapped back (still in increasing order)
        index = np.flatnonzero(located)
        assets, points = join_points(x[index], y[index], shapes, cell=cell, is_canceled=is_canceled)
        return assets, index[points]
    empty = (np.empty(0, np.int64), np.empty(0, np.int64))
    if x.size == 0 or (not isinstance(shapes, _Pieces) and not shapes):
        return empty
    pieces = pieces_of(shapes)
    if pieces.start.size == 0:
        return empty
    if cell is None:
        spans = np.maximum(pieces.box[:, 2] - pieces.box[:, 0], pieces.box[:, 3] - pieces.box[:, 1])
        cell = max(float(np.median(spans)), 10.0)
    x0, y0 = float(x.min()), float(y.min())
    # Cell of each point: the pieces' formula below (floor of the quotient; truncation, as x ≥ x0), ten times
    # faster than numpy's float floor division.
    ix = ((x - x0) / cell).astype(np.int64)
    iy = ((y - y0) / cell).astype(np.int64)
    width, height = int(ix.max()) + 1, int(iy.max()) + 1
    # Cells covered by each piece's box, clipped to the grid; pieces off the grid cover none.
    c0 = np.clip(np.floor((pieces.box[:, 0] - x0) / cell), 0, width - 1).astype(np.int64)
    c1 = np.clip(np.floor((pieces.box[:, 2] - x0) / cell), -1, width - 1).astype(np.int64)
    r0 = np.clip(np.floor((pieces.box[:, 1] - y0) / cell), 0, height - 1).astype(np.int64)
    r1 = np.clip(np.floor((pieces.box[:, 3] - y0) / cell), -1, height - 1).astype(np.int64)
    rows = np.where((c1 >= c0) & (r1 >= r0) & (pieces.box[:, 2] >= x0) & (pieces.box[:, 3] >= y0), r1 - r0 + 1, 0)
    columns = np.where(rows > 0, c1 - c0 + 1, 0)
    covered = int((rows * columns).sum())
    if width * height <= MAX_DENSE_CELLS and covered <= 4 * x.size + 1_000_000:
        candidates = _candidates_by_cell(ix, iy, width, height, c0, r0, rows, columns)
    else:
        candidates = _candidates_by_row(ix, iy, width, c0, c1, r0, rows, pieces.count)
    assets, points = [], []
    for cand_piece, cand_point in candidates:
        check_cancel(is_canceled)
        px, py = x[cand_point], y[cand_point]
        box = pieces.box[cand_piece]
        inside_box = (px >= box[:, 0]) & (px <= box[:, 2]) & (py >= box[:, 1]) & (py <= box[:, 3])
        cand_piece, cand_point = cand_piece[inside_box], cand_point[inside_box]
        if cand_point.size == 0:
            continue
        # Exact tests in chunks of bounded (candidate, edge) rows.
        for part in _batches(pieces.count[cand_piece], CHUNK_ROWS):
            near = _near(pieces, cand_piece[part], x[cand_point[part]], y[cand_point[part]])
            assets.append(pieces.asset[cand_piece[part][near]])
            points.append(cand_point[part][near])
    if not assets:
        return empty
    # A point near two pieces of one line counts once; pairs sorted by asset, then point.
    key = np.unique(np.concatenate(assets) * x.size + np.concatenate(points))
    return key // x.size, key % x.size


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


def _columnar_layer(path: str, layer_name: str | None, fields: list[str]):
    """(dataset, layer) opened for GDAL's Arrow interface with only ``fields`` read, or None when the layer
    cannot be read that way. Keep the dataset while the layer is used. In the batches, a layer without named
    FID or geometry columns (e.g. a shapefile) has them as OGC_FID and wkb_geometry."""
    from osgeo import ogr

    source = ogr.Open(path)
    layer = None if source is None else source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None
    definition = layer.GetLayerDefn()
    layer.SetIgnoredFields([name for name in (definition.GetFieldDefn(i).GetName()
                                              for i in range(definition.GetFieldCount())) if name not in fields])
    return source, layer


def read_points_columnar(path: str, layer_name: str | None, fields: list[str]):
    """(x, y, {field: values}) of a point layer read column by column through GDAL's Arrow interface,
    or None when the layer cannot be read that way (the caller then reads feature by feature)."""
    try:
        opened = _columnar_layer(path, layer_name, fields)
        if opened is None:
            return None
        source, layer = opened
        xs, ys, columns = [], [], {name: [] for name in fields}
        geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
        for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
            wkb = batch.get(geometry_column)
            if wkb is None or np.ma.is_masked(wkb) or wkb.dtype.kind != "V" or wkb.dtype.itemsize not in (21, 29):
                return None  # null geometries or not plain points: read feature by feature
            # Each WKB read in place as a record: byte order, type, x, y (a z after them is left unread).
            point = np.ma.getdata(wkb).view(np.dtype({"names": ["order", "kind", "x", "y"],
                                                        "formats": ["u1", "<u4", "<f8", "<f8"],
                                                        "offsets": [0, 1, 5, 13], "itemsize": wkb.dtype.itemsize}))
            if not ((point["order"] == 1).all() and (point["kind"] % 1000 == 1).all()):  # little-endian points
                return None
            xs.append(point["x"].astype(np.float64))
            ys.append(point["y"].astype(np.float64))
            for name in fields:
                # A null value reads as NaN, as in the feature-by-feature read (not as the 0 under the mask).
                columns[name].append(np.ma.filled(np.ma.asarray(batch[name]).astype(np.float64), np.nan))
        del layer, source  # the layer first, then its dataset
    except (RuntimeError, KeyError, ValueError):
        return None
    if not xs:
        return np.empty(0), np.empty(0), {name: np.empty(0) for name in fields}
    return np.concatenate(xs), np.concatenate(ys), {name: np.concatenate(v) for name, v in columns.items()}


def read_geometries_columnar(path: str, layer_name: str | None):
    """(feature ids, WKB of each geometry or None) of a layer read through GDAL's Arrow interface, without
    its attributes; None when the layer cannot be read that way."""
    try:
        opened = _columnar_layer(path, layer_name, [])
        if opened is None:
            return None
        source, layer = opened
        fid_column, geometry_column = layer.GetFIDColumn() or "OGC_FID", layer.GetGeometryColumn() or "wkb_geometry"
        fids, wkbs = [], []
        for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
            fids.append(np.ma.getdata(batch[fid_column]).astype(np.int64))
            geometries = batch[geometry_column]
            values = np.ma.getdata(geometries).tolist()
            if np.ma.is_masked(geometries):  # null geometries
                values = [None if null else value for value, null in zip(values, np.ma.getmaskarray(geometries))]
            wkbs.extend(values)
        del layer, source  # the layer first, then its dataset
    except (RuntimeError, KeyError, ValueError):
        return None
    return (np.concatenate(fids) if fids else np.empty(0, np.int64)), wkbs


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
