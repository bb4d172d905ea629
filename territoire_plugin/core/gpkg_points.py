"""Writing many points into a GeoPackage point layer fast: rows inserted through SQLite in batches, on a thread of
their own (SQLite releases the GIL while it writes), the spatial index filled as they go.

The layer is created by OGR (GeoPackage tables, its SRS, its R-tree spatial index and the triggers that keep it)
and closed; this writer then fills it with ``INSERT``s whose geometry is a GeoPackage binary point (``GP``,
version 0, little-endian without envelope, the layer's srs_id, then a WKB Point), made for a whole batch at once
with numpy, and puts each point's box into the R-tree itself. GDAL's triggers call spatial SQL functions that plain
SQLite has not: they are set aside while the writer works and put back, as GDAL wrote them, at the end, with the
layer's extent in ``gpkg_contents`` and its feature count left for OGR to count again. Memory stays bounded: at
most two batches wait for the writer; each batch is a point where Cancel can stop.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from .background import BackgroundWriter

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
        key = next(row[1] for row in self.connection.execute(f'PRAGMA table_info("{table}")') if row[5])
        names = [key, self.geometry, *columns]
        quoted = ", ".join('"' + name.replace('"', '""') + '"' for name in names)
        # The names are the layer's own (set by the code, quoted): no user text goes into the statement.
        self.sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})'  # noqa: S608 # nosec B608
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
        self.rtree_sql = f'INSERT INTO "{rtree}" VALUES (?, ?, ?, ?, ?)' if indexed else None  # noqa: S608 # nosec
        # A file being made (atomic_output: it moves into place only when whole): no journal needed.
        for pragma in ("synchronous = OFF", "journal_mode = OFF", "cache_size = -65536", "temp_store = MEMORY"):
            self.connection.execute(f"PRAGMA {pragma}")
        self.connection.execute("BEGIN")
        self.writer = BackgroundWriter(self._insert, depth=2, name="territoire-point-writer")

    def _insert(self, batch) -> None:
        rows, boxes = batch
        self.connection.executemany(self.sql, rows)
        if self.rtree_sql is not None:
            self.connection.executemany(self.rtree_sql, boxes)

    def write(self, x: np.ndarray, y: np.ndarray, attributes) -> None:
        """A batch: points (x, y) in the layer's CRS and ``attributes``, one tuple per point (the columns'
        values in order)."""
        if not len(x):
            return
        self.extent = [min(self.extent[0], float(x.min())), min(self.extent[1], float(y.min())),
                       max(self.extent[2], float(x.max())), max(self.extent[3], float(y.max()))]
        fids = range(self.count + 1, self.count + len(x) + 1)
        self.count += len(x)
        xs, ys = x.tolist(), y.tolist()
        self.writer.put(([(fid, blob, *values) for fid, blob, values in zip(fids, point_blobs(x, y, self.srs_id),
                                                                            attributes)],
                         [(fid, a, a, b, b) for fid, a, b in zip(fids, xs, ys)]))

    def close(self, finish: bool = True) -> None:
        """Wait for the writer; with ``finish``, put GDAL's triggers back, write the extent and commit."""
        try:
            self.writer.finish(check=finish)
            if not finish:
                return
            if self.count:
                self.connection.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                    (*self.extent, self.table))
            if self.connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                self.connection.execute("UPDATE gpkg_ogr_contents SET feature_count = NULL WHERE table_name = ?",
                                        (self.table,))
            for sql in self.triggers:
                self.connection.execute(sql)
            self.connection.commit()
        finally:
            self.connection.close()
