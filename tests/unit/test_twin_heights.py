"""analysis/twin/heights.py: the rule a building's 3D height follows, case by case."""

import math

import numpy as np
import pytest

from territoire_plugin.analysis.twin.heights import DEFAULT_M, STOREY_M, building_heights


def test_each_part_of_the_rule():
    heights = building_heights([12.5, 0, None, float("nan"), None, "7.2", -3, "n/a"],
                               [4, 2, 3, 0, None, None, None, "2"])
    assert heights.metres.tolist() == [12.5, 2 * STOREY_M, 3 * STOREY_M, DEFAULT_M, DEFAULT_M, 7.2, DEFAULT_M,
                                       2 * STOREY_M]
    assert (heights.measured, heights.from_storeys, heights.defaulted, heights.count) == (2, 3, 3, 8)


def test_nothing_known_is_one_storey_and_nothing_is_nan():
    heights = building_heights([None] * 5, [None] * 5)
    assert DEFAULT_M == STOREY_M and heights.metres.tolist() == [DEFAULT_M] * 5
    assert not any(math.isnan(v) for v in heights.metres) and heights.defaulted == 5
    empty = building_heights([], [])
    assert empty.count == 0 and empty.metres.dtype == np.float64


def test_the_two_columns_must_match():
    with pytest.raises(ValueError):
        building_heights([1.0, 2.0], [1])
