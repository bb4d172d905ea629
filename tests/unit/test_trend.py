"""Displacement trends against series built here with known velocity, acceleration and seasonality."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from territoire_plugin.analysis.ground_motion.trend import trends, years_since_first


def six_day_dates(count=300):
    start = datetime.date(2019, 1, 3)
    return [(start + datetime.timedelta(days=6 * k)).strftime("%Y%m%d") for k in range(count)]


def test_known_components_are_recovered():
    t = years_since_first(six_day_dates())
    assert t[1] == pytest.approx(6 / 365.25)
    rng = np.random.default_rng(1)
    series = np.vstack([
        -5.0 * t,                                             # steady subsidence
        -2.0 * t - 0.8 * t**2,                                # accelerating: a = −1.6 mm/yr²
        1.0 * t + 3.0 * np.sin(2 * np.pi * t + 0.7),          # seasonal, amplitude 3 mm
        np.where(t < 3.3, 0.0, -9.0 * (t - 3.3)),             # stable, then −9 mm/yr over the last part
        rng.normal(0, 1.0, t.size),                           # noise only
    ])
    result = trends(series, t, change_threshold=2.0)
    assert result.velocity[0] == pytest.approx(-5.0, abs=1e-6)
    assert result.acceleration[0] == pytest.approx(0.0, abs=1e-6)
    assert result.acceleration[1] == pytest.approx(-1.6, abs=1e-6)
    assert result.seasonal_amplitude[2] == pytest.approx(3.0, abs=0.05)
    assert result.recent_velocity[3] == pytest.approx(-9.0, abs=0.3)
    assert result.flagged.tolist() == [False, True, False, True, False]
    assert abs(result.velocity[4]) < 0.5


def test_gaps_are_interpolated_and_sparse_series_left_out():
    t = years_since_first(six_day_dates(100))
    series = np.vstack([-4.0 * t, -4.0 * t])
    series[0, 10:20] = np.nan
    series[1, :70] = np.nan  # fewer than half the values
    result = trends(series, t)
    assert result.velocity[0] == pytest.approx(-4.0, abs=1e-6)
    assert np.isnan(result.velocity[1]) and not result.flagged[1]
