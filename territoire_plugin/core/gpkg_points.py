"""Writing many points into a GeoPackage point layer fast: rows inserted through SQLite in batches, on a thread of
their own (SQLite releases the GIL while it writes), the spatial index packed in one pass at the end.

The layer is created by OGR (GeoPackage tables, its SRS, its R-tree spatial index and the triggers that keep it)
and closed; this writer then fills it with ``INSERT``s whose geometry is a GeoPackage binary point (``GP``,
version 0, little-endian without envelope, the layer's srs_id, then a WKB Point), made for a whole batch at once
with numpy. The R-tree is built at :meth:`PointWriter.close` from all the points at once
(:mod:`.gpkg_rtree`: a packed tree, ~50 times faster than SQLite's one-by-one inserts). GDAL's triggers call
spatial SQL functions that plain SQLite has not: they are set aside while the writer works and put back, as GDAL
wrote them, at the end, with the layer's extent in ``gpkg_contents`` and its feature count left for OGR to count
again. Memory stays bounded: at most two batches wait for the writer, and the index needs 16 bytes a point (80 MB
for 5 million points); each batch, and each step of the index, is a point where Cancel can stop.
"""

from __future__ import annotations

import sqlite3
from itertools import chain

import numpy as np

from .background import BackgroundWriter
from .gpkg_rtree import bulk_load

#: Rows a statement inserts, at most (and at most 999 values a statement, the limit of SQLite before 3.32).
ROWS = 32

#: One GeoPackage point geometry: header (magic, version, flags, srs_id) and WKB (byte order, type, x, y).
GP_POINT = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"), ("order", "u1"),
                     ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


def point_blobs(x: np.ndarray, y: np.ndarray, srs_id: int) -> list:
    """The GeoPackage binary geometries of points (x, y), one ``bytes`` each."""
    rows = np.zeros(len(x), GP_POINT)
    rows["magic"], rows["flags"], rows["srs_id"], rows["order"], rows["type"] = b"GP", 1, srs_id, 1, 1
    rows["x"], rows["y"] = x, y
    raw = rows.tobytes()
    size = GP_POINT.itemsize
    return [raw[k * size:(k + 1) * size] for k in range(len(x))]


class PointWriter:
    """Rows into the point layer ``table`` of the GeoPackage ``path`` (created by OGR, then closed): :meth:`write` a
    batch, :meth:`close` to finish (raises the writer's error, if it had one)."""

    def __init__(self, path, table: str, columns: list):
        self.path, self.table = str(path), table
        self.connection = sqlite3.connect(self.path, check_same_thread=False)
        self.geometry, self.srs_id = self.connection.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
        # The key is left to SQLite: in a new table it numbers the rows 1, 2, 3… in the order they come.
        names = [self.geometry, *columns]
        quoted = ", ".join('"' + name.replace('"', '""') + '"' for name in names)
        # The names are the layer's own (set by the code, quoted): no user text goes into the statement.
        self.rows = max(1, min(ROWS, 999 // len(names)))
        row = f'({", ".join("?" * len(names))})'
        # One statement inserts several rows: SQLite writes them with Python's lock released, taken back once for
        # them all, not once a row (the threads hand the lock to each other far less often).
        self.sql = f'INSERT INTO "{table}" ({quoted}) VALUES {row}'  # noqa: S608 # nosec B608
        self.sql_many = f'INSERT INTO "{table}" ({quoted}) VALUES {", ".join([row] * self.rows)}'  # noqa: S608 # nosec B608
        self.extent = [np.inf, np.inf, -np.inf, -np.inf]
        self.count = 0
        # GDAL's triggers on the table (R-tree upkeep with spatial functions, feature count), put back at the end.
        triggers = self.connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).fetchall()
        self.triggers = [sql for _, sql in triggers]
        for name, _ in triggers:
            self.connection.execute(f'DROP TRIGGER "{name}"')
        rtree = f"rtree_{table}_{self.geometry}"
        indexed = self.connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()
        self.rtree = rtree if indexed else None
        self.xs, self.ys = [], []  # the points, for the index
        # A file being made (atomic_output: it moves into place only when whole): no journal needed.
        for pragma in ("synchronous = OFF", "journal_mode = OFF", "cache_size = -65536", "temp_store = MEMORY"):
            self.connection.execute(f"PRAGMA {pragma}")
        self.connection.execute("BEGIN")
        self.writer = BackgroundWriter(self._insert, depth=2, name="territoire-point-writer")

    def _insert(self, rows) -> None:
        size = self.rows
        whole = len(rows) - len(rows) % size
        if whole:
            self.connection.executemany(self.sql_many, (list(chain.from_iterable(rows[start:start + size]))
                                                        for start in range(0, whole, size)))
        self.connection.executemany(self.sql, rows[whole:])

    def write(self, x: np.ndarray, y: np.ndarray, rows: list) -> None:
        """A batch: points (x, y) in the layer's CRS and their ``rows``, one tuple per point: its geometry
        (:func:`point_blobs` of the layer's :attr:`srs_id`; made by the caller, on any thread), then the columns'
        values in order."""
        if not len(x):
            return
        self.extent = [min(self.extent[0], float(x.min())), min(self.extent[1], float(y.min())),
                       max(self.extent[2], float(x.max())), max(self.extent[3], float(y.max()))]
        self.count += len(x)
        if self.rtree is not None:
            self.xs.append(np.array(x, np.float64))
            self.ys.append(np.array(y, np.float64))
        self.writer.put(rows)

    def close(self, finish: bool = True, check_cancel=None, before_commit=None) -> None:
        """Wait for the writer; with ``finish``, build the spatial index, put GDAL's triggers back, write the
        extent, call ``before_commit(connection)`` (other rows of the same file) and commit (``check_cancel()``,
        raising, is called between the index's steps)."""
        try:
            self.writer.finish(check=finish)
            if not finish:
                return
            last = self.connection.execute(f'SELECT max(rowid) FROM "{self.table}"').fetchone()[0] or 0  # noqa: S608 # nosec B608
            if last != self.count:  # cannot happen in a new table; the index would be wrong
                raise RuntimeError(f"{self.table}: {self.count} rows written, the last numbered {last}")
            if self.rtree is not None:
                x = np.concatenate(self.xs) if self.xs else np.empty(0)
                y = np.concatenate(self.ys) if self.ys else np.empty(0)
                self.xs, self.ys = [], []
                bulk_load(self.connection, self.rtree, np.arange(1, len(x) + 1), x, y, check_cancel)
            if self.count:
                self.connection.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                    (*self.extent, self.table))
            if self.connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                self.connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?",
                                        (self.count, self.table))
            for sql in self.triggers:
                self.connection.execute(sql)
            if before_commit is not None:
                before_commit(self.connection)
            self.connection.commit()
        finally:
            self.connection.close()
