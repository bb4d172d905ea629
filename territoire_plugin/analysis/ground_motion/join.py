"""Ground motion (InSAR points) joined to assets: which points belong to which asset.

A point belongs to an asset when it lies within the asset's buffer distance: inside a polygon or
within the distance of its outline; within the distance of a line; within the distance of a
point asset. Candidates come from a grid index of the points (numpy, built once); the exact
tests are vectorised over the candidates (crossing-number point-in-polygon, point-to-segment
distance), in chunks of bounded size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .wkb import Shape


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
    from ...core.grid import check_cancel

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
