"""Corridor change along a line: flagged segments are exactly those over the cleared patch. No QGIS."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import write_raster
from osgeo import ogr

from territoire_plugin.analysis.ground_motion.corridor import corridor_change

GT = (500000.0, 10.0, 0.0, 4900000.0, 0.0, -10.0)


def test_loss_and_encroachment_segments(tmp_path):
    before = np.full((60, 200), 0.7, np.float32)
    after = before.copy()
    after[20:40, 50:80] = 0.2    # clearing between x = 500 and 800 m
    after[20:40, 150:170] = 0.95  # vegetation growing in, x = 1500 to 1700 m (before: bare)
    before[20:40, 150:170] = 0.3
    write_raster(tmp_path / "b.tif", before, GT, nodata=-9999)
    write_raster(tmp_path / "a.tif", after, GT, nodata=-9999)
    line = ogr.CreateGeometryFromWkt(f"LINESTRING({GT[0]} {GT[3] - 300},{GT[0] + 2000} {GT[3] - 300})")
    segments = []
    for start in range(0, 2000, 200):
        piece = ogr.CreateGeometryFromWkt(f"LINESTRING({GT[0] + start} {GT[3] - 300},{GT[0] + start + 200} "
                                          f"{GT[3] - 300})")
        segments.append(piece.Buffer(30, 8).ExportToWkt())
    assert line.Length() == 2000
    results = corridor_change(tmp_path / "b.tif", tmp_path / "a.tif", segments, threshold=0.15, share=0.2)
    assert [i for i, r in enumerate(results) if r.loss] == [2, 3]  # 400–600 and 600–800 m hold the clearing
    assert [i for i, r in enumerate(results) if r.encroachment] == [7, 8]
    assert results[0].mean_change == pytest.approx(0.0, abs=1e-6) and results[0].loss_share == 0
    # The buffer reaches 30 m past the clearing at its ends: most, not all, of the corridor was cleared.
    assert results[3].mean_change < -0.4 and results[3].loss_share > 0.85
