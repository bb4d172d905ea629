"""A GeoPackage spatial index (an SQLite R*Tree) built in one pass from all its boxes: packed, sorted tile by tile
(Sort-Tile-Recursive, Leutenegger et al. 1997), written straight into the R-tree's three tables.

SQLite inserts into an R-tree one box at a time, each insert walking and splitting the tree (≈ 15 µs a point:
75 s for 5 million EGMS points); GDAL ≥ 3.8 builds GeoPackage indexes the way done here. The tables' layout is
SQLite's own (ext/rtree/rtree.c): ``<name>_node(nodeno, data)`` holds each node as a blob — two bytes of tree depth
(root only), two bytes of cell count, then its cells, each a 64-bit rowid (a feature id in the leaves, a child node
number above) and the box's float32 bounds in column order (minx, maxx, miny, maxy), all big-endian; node 1 is the
root; ``<name>_rowid(rowid, nodeno)`` gives each feature's leaf and ``<name>_parent(nodeno, parentnode)`` each
node's parent. A node holds at most (blob size − 4) / 24 cells (51: SQLite caps nodes at 51 cells). The float32
bounds are rounded outward (a box never shrinks), as SQLite does. ``SELECT rtreecheck('<name>')`` checks the
result (the tests do).
"""

from __future__ import annotations

import sqlite3

import numpy as np

#: One cell of a two-dimensional R-tree node: rowid, then minx, maxx, miny, maxy.
CELL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
#: Rows written between two looks at Cancel.
BATCH = 100_000
#: Rows of the rowid table an INSERT writes at once.
PAIRS = 499


def _down(values: np.ndarray) -> np.ndarray:
    single = values.astype(np.float32)
    return np.where(single > values, np.nextafter(single, np.float32(-np.inf)), single)


def _up(values: np.ndarray) -> np.ndarray:
    single = values.astype(np.float32)
    return np.where(single < values, np.nextafter(single, np.float32(np.inf)), single)


def _str_order(cx: np.ndarray, cy: np.ndarray, capacity: int) -> np.ndarray:
    """Sort-Tile-Recursive order of boxes of centres (cx, cy): vertical slices by x, each sorted by y."""
    count = len(cx)
    nodes = -(-count // capacity)
    slices = max(1, int(np.ceil(np.sqrt(nodes))))
    per_slice = slices * capacity
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(count, np.int64)
    slice_of[by_x] = np.arange(count) // per_slice
    return np.lexsort((cy, slice_of))


def _level(ids, boxes, capacity):
    """Group cells (ids, float32 boxes minx, maxx, miny, maxy) into nodes: (cells in node order, node boxes)."""
    order = _str_order((boxes[:, 0] + boxes[:, 1]) / 2.0, (boxes[:, 2] + boxes[:, 3]) / 2.0, capacity)
    ids, boxes = ids[order], boxes[order]
    nodes = -(-len(ids) // capacity)
    starts = np.arange(nodes) * capacity
    node_boxes = np.stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1], starts),
                           np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3], starts)],
                          axis=1)
    return ids, boxes, node_boxes


def _blobs(ids, boxes, capacity, size, depth=None) -> list:
    """The node blobs of cells (ids, boxes) cut into nodes of ``capacity`` cells, each ``size`` bytes."""
    nodes = -(-len(ids) // capacity)
    cells = np.zeros(nodes * capacity, CELL)
    cells["id"][:len(ids)], cells["box"][:len(ids)] = ids, boxes
    counts = np.full(nodes, capacity, ">u2")
    counts[-1] = len(ids) - (nodes - 1) * capacity
    head = np.zeros((nodes, 2), ">u2")
    head[:, 1] = counts
    if depth is not None:
        head[:, 0] = depth
    body = np.concatenate([head.view(np.uint8).reshape(nodes, 4),
                           cells.view(np.uint8).reshape(nodes, capacity * CELL.itemsize)], axis=1)
    if body.shape[1] < size:
        body = np.pad(body, ((0, 0), (0, size - body.shape[1])))
    return [row.tobytes() for row in body]


def bulk_load(connection: sqlite3.Connection, name: str, ids: np.ndarray, x: np.ndarray, y: np.ndarray,
              check_cancel=None) -> None:
    """Fill the empty two-dimensional R-tree ``name`` with the points (``ids``, x, y). Inside the caller's
    transaction; ``check_cancel()`` (raising) is called between batches."""
    ids = np.asarray(ids, np.int64)
    size = connection.execute(f'SELECT length(data) FROM "{name}_node" WHERE nodeno = 1').fetchone()[0]  # noqa: S608 # nosec B608 - the code's own table names
    capacity = min(51, (size - 4) // CELL.itemsize)
    for table in ("node", "rowid", "parent"):
        connection.execute(f'DELETE FROM "{name}_{table}"')  # noqa: S608 # nosec B608
    if not len(ids):
        connection.execute(f'INSERT INTO "{name}_node" VALUES (1, ?)', (bytes(size),))  # noqa: S608 # nosec B608
        return
    boxes = np.stack([_down(x), _up(x), _down(y), _up(y)], axis=1)
    # Levels from the leaves up: each level's cells sorted into its nodes; the next level's cells are its nodes.
    levels = []  # (cell ids, cell boxes) per level, leaves first
    cell_ids, cell_boxes = ids, boxes
    while True:
        cell_ids, cell_boxes, node_boxes = _level(cell_ids, cell_boxes, capacity)
        levels.append((cell_ids, cell_boxes))
        if len(node_boxes) == 1:
            break
        # The nodes of this level become the cells of the next; their numbers are given below (placeholders).
        cell_ids, cell_boxes = np.arange(len(node_boxes), dtype=np.int64), node_boxes
    # Node numbers from the root down: root 1, then each level's nodes in turn. A level's cells that are nodes
    # carry the placeholder index of the node they stand for in the level below.
    depth = len(levels) - 1
    first_number, numbers = 1, []
    for cells, _ in reversed(levels):
        nodes = -(-len(cells) // capacity)
        numbers.append(np.arange(first_number, first_number + nodes, dtype=np.int64))
        first_number += nodes
    numbers.reverse()  # numbers[k]: the node numbers of level k (leaves first)
    rows_node, rows_parent = [], []
    for level, (cells, cell_boxes) in enumerate(levels):
        if level > 0:
            cells = numbers[level - 1][cells]  # placeholders → the child nodes' numbers
            parents = np.repeat(numbers[level], capacity)[:len(cells)]
            rows_parent += zip(cells.tolist(), parents.tolist())
        blobs = _blobs(cells, cell_boxes, capacity, size, depth if level == depth else None)
        rows_node += zip(numbers[level].tolist(), blobs)
    connection.executemany(f'INSERT INTO "{name}_node" (nodeno, data) VALUES (?, ?)', rows_node)  # noqa: S608 # nosec B608
    connection.executemany(f'INSERT INTO "{name}_parent" (nodeno, parentnode) VALUES (?, ?)', rows_parent)  # noqa: S608 # nosec B608
    leaves, leaf_numbers = levels[0][0], np.repeat(numbers[0], capacity)[:len(levels[0][0])]
    order = np.argsort(leaves, kind="stable")  # rowid order: appended at the end of the table's b-tree
    leaves, leaf_numbers = leaves[order], leaf_numbers[order]
    # Many rows a statement (999 values at most, the limit of SQLite before 3.32): one step of SQLite's for them all.
    sql = f'INSERT INTO "{name}_rowid" (rowid, nodeno) VALUES (?, ?)'  # noqa: S608 # nosec B608
    sql_many = sql + ", (?, ?)" * (PAIRS - 1)
    pairs = np.stack([leaves, leaf_numbers], axis=1)
    for start in range(0, len(pairs), BATCH):
        if check_cancel is not None:
            check_cancel()
        batch = pairs[start:start + BATCH]
        whole = len(batch) - len(batch) % PAIRS
        if whole:
            connection.executemany(sql_many, batch[:whole].reshape(-1, 2 * PAIRS).tolist())
        connection.executemany(sql, batch[whole:].tolist())
