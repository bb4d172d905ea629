"""core.gpkg_rtree: the packed R-tree written straight into SQLite's tables is one SQLite accepts (its own
rtreecheck), finds exactly the points a brute-force search finds, and keeps working under SQLite's own inserts and
deletes afterwards."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from territoire_plugin.core.gpkg_rtree import bulk_load


def rtree(path, page_size=4096):
    connection = sqlite3.connect(str(path))
    connection.execute(f"PRAGMA page_size = {page_size}")
    connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    return connection


def found(connection, box):
    return {row[0] for row in connection.execute(
        "SELECT id FROM r WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?", (box[2], box[0], box[3], box[1]))}


@pytest.mark.parametrize("count", [0, 1, 50, 51, 52, 2601, 2602, 40_000])
def test_bulk_loaded_tree_is_valid_and_exact(tmp_path, count):
    rng = np.random.default_rng(count)
    x = 600_000 + rng.uniform(0, 20_000, count)
    y = 6_300_000 + rng.uniform(0, 20_000, count)
    x[: count // 10] = np.round(x[: count // 10])  # some on whole metres, some duplicated
    if count > 10:
        x[-5:], y[-5:] = x[0], y[0]
    connection = rtree(tmp_path / "r.db")
    connection.execute("BEGIN")
    bulk_load(connection, "r", np.arange(1, count + 1), x, y)
    connection.commit()
    assert connection.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM r").fetchone()[0] == count
    for box in [(605_000, 6_305_000, 606_000, 6_306_500), (600_000, 6_300_000, 620_000, 6_320_000),
                (590_000, 6_290_000, 591_000, 6_291_000)]:
        inside = np.flatnonzero((x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])) + 1
        # float32 bounds rounded outward: a point on the edge may be found; one inside never missed
        assert set(inside.tolist()) <= found(connection, box)
        widened = (box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)
        near = np.flatnonzero((x >= widened[0]) & (x <= widened[2]) & (y >= widened[1]) & (y <= widened[3])) + 1
        assert found(connection, box) <= set(near.tolist())
    stored = connection.execute("SELECT id, minx, maxx, miny, maxy FROM r ORDER BY id").fetchall()
    if count:
        ids, minx, maxx, miny, maxy = (np.array(c) for c in zip(*stored))
        assert (ids == np.arange(1, count + 1)).all()
        assert (minx <= x).all() and (maxx >= x).all() and (miny <= y).all() and (maxy >= y).all()
        assert (maxx - minx).max() < 0.13  # one float32 step at 6 300 000 m is 0.5 m; at 620 000 m, 0.0625 m
    # SQLite's own upkeep works on it afterwards.
    connection.execute("DELETE FROM r WHERE id % 3 = 0")
    added = [(count + k + 1, 610_000.0 + k, 610_000.0 + k, 6_310_000.0, 6_310_000.0) for k in range(500)]
    connection.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", added)
    connection.commit()
    assert connection.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM r").fetchone()[0] == count - count // 3 + 500


def test_a_larger_page_gives_the_same_capped_nodes(tmp_path):
    """SQLite caps nodes at 51 cells whatever the page size; the loader reads the node size SQLite chose."""
    connection = rtree(tmp_path / "r.db", page_size=65536)
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 1000, 10_000), rng.uniform(0, 1000, 10_000)
    bulk_load(connection, "r", np.arange(1, 10_001), x, y)
    connection.commit()
    assert connection.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    assert len(found(connection, (0, 0, 1000, 1000))) == 10_000


def test_cancel_is_looked_at_between_batches(tmp_path, monkeypatch):
    from territoire_plugin.core import gpkg_rtree

    monkeypatch.setattr(gpkg_rtree, "BATCH", 1000)
    calls = []

    def check():
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt

    connection = rtree(tmp_path / "r.db")
    with pytest.raises(KeyboardInterrupt):
        bulk_load(connection, "r", np.arange(1, 10_001), np.arange(10_000.0), np.arange(10_000.0), check)
    assert len(calls) == 3
