"""Clay shrink-swell from ground motion (analysis/ground_motion/clay.py), checked on series made here whose
seasonal swing, dry summers and trends are known, and the class rule case by case."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest

from territoire_plugin.analysis.ground_motion import clay


def six_days(start=date(2018, 1, 4), count=365):
    return [start + timedelta(days=6 * k) for k in range(count)]


def swing(days, amplitude, velocity=0.0, dry=(), extra=0.0):
    """A clay swing: lowest at the end of summer (day 250), highest in early spring, ``velocity`` mm/yr, and
    ``extra`` mm more shrinkage from July to September of the ``dry`` years."""
    out = []
    for day in days:
        t = (day - days[0]).days / 365.25
        phase = 2 * math.pi * (day.timetuple().tm_yday - 250) / 365.25
        value = velocity * t - amplitude * math.cos(phase)
        if day.year in dry and 182 <= day.timetuple().tm_yday <= 273:
            value -= extra * math.sin(math.pi * (day.timetuple().tm_yday - 182) / 91)
        out.append(value)
    return np.array(out)


def expected_drop(days, values, year):
    """Late-summer mean minus spring mean, by a plain loop."""
    spring = [v for d, v in zip(days, values) if date(year, 4, 15) <= d <= date(year, 5, 31)]
    late = [v for d, v in zip(days, values) if date(year, 8, 15) <= d <= date(year, 9, 30)]
    return sum(late) / len(late) - sum(spring) / len(spring)


def test_summer_motion_and_fits_follow_the_swing():
    days = six_days()
    rows = np.vstack([swing(days, 5.0, dry=(2019, 2022), extra=4.0), swing(days, 0.3, velocity=-3.0),
                      np.full(len(days), np.nan)])
    drops = clay.summer_drops(rows, days)
    assert sorted(drops) == [2018, 2019, 2020, 2021, 2022, 2023]
    for year in drops:
        assert drops[year][0] == pytest.approx(expected_drop(days, rows[0], year), abs=1e-9)
    assert drops[2019][0] < drops[2021][0] - 2  # a dry summer sinks deeper
    motion = clay.clay_motion(rows, days, dry_years=(2019, 2022))
    assert motion.dry_years == [2019, 2022]
    # (the motion's summers are taken without the long-term trend: about the raw drops here, whose trend is small)
    assert motion.dry_drop[0] == pytest.approx(min(drops[2019][0], drops[2022][0]), abs=0.6)
    assert 4.5 < motion.amplitude[0] < 6.5 and motion.amplitude[1] < 0.6
    assert motion.velocity[1] == pytest.approx(-3.0, abs=0.1)
    assert np.isnan(motion.dry_drop[2]) and np.isnan(motion.amplitude[2])


def test_a_series_without_a_dry_summer_is_insufficient_data():
    days = six_days(start=date(2014, 10, 1), count=100)  # October 2014 to August 2016: neither 2018 nor 2019
    rows = np.vstack([swing(days, 6.0)])
    motion = clay.clay_motion(rows, days, dry_years=(2018, 2019))
    assert motion.dry_years == [] and np.isnan(motion.dry_drop).all()
    classes, _ = clay.risk_classes([3], motion, [0.5], [4])
    assert classes.tolist() == [clay.INSUFFICIENT]


@pytest.mark.parametrize("exposure, amplitude, drop, velocity, spread, points, expected", [
    (3, 5.0, -6.0, 0.0, 0.5, 4, clay.INSPECT),       # swelling clay under a house on forte exposure
    (2, 3.5, -1.0, 0.0, 0.5, 4, clay.INSPECT),       # moyenne, a strong seasonal swing
    (2, 1.0, -1.0, 0.0, 3.5, 4, clay.INSPECT),       # moyenne, uneven footprint
    (2, 1.0, -1.0, 0.0, 2.5, 4, clay.NO_SIGN),       # a spread within the noise of a few points
    (2, 2.5, -2.5, 0.0, 0.5, 4, clay.WATCH),         # moyenne, a sign but not a strong one
    (1, 5.0, -6.0, 0.0, 0.5, 4, clay.WATCH),         # faible: never "inspect"
    (0, 5.0, -6.0, 0.0, 0.5, 4, clay.NO_SIGN),       # not classified: the motion is not clay's
    (3, 0.5, -0.5, 0.3, 0.5, 4, clay.NO_SIGN),       # forte, no sign
    (1, 0.5, -0.5, -3.0, 0.5, 4, clay.WATCH),        # faible, sinking
    (3, 5.0, -6.0, 0.0, np.nan, 1, clay.INSUFFICIENT),  # one point only
    (-1, 5.0, -6.0, 0.0, 0.5, 4, clay.INSUFFICIENT),    # exposure unknown (no answer)
])
def test_the_class_rule(exposure, amplitude, drop, velocity, spread, points, expected):
    motion = clay.ClayMotion(np.array([velocity]), np.array([0.0]), np.array([amplitude]), np.array([drop]), [2019])
    classes, signs = clay.risk_classes([exposure], motion, [spread], [points])
    assert classes.tolist() == [expected]
    assert bool(signs[0] & clay.SIGN_EXPOSURE) == (exposure >= 2)
    assert bool(signs[0] & clay.SIGN_AMPLITUDE) == (amplitude >= clay.THRESHOLDS["amplitude_watch"])


def test_velocity_spread_per_asset():
    ids = np.array([0, 0, 0, 2, 2, 1])
    velocities = np.array([-1.0, 2.5, 0.0, -4.0, -1.0, 3.0])
    spread = clay.velocity_spread(ids, velocities, 4)
    assert spread[0] == pytest.approx(3.5) and spread[2] == pytest.approx(3.0)
    assert np.isnan(spread[1]) and np.isnan(spread[3])


def test_the_exposure_is_refined_only_where_the_class_changes():
    """A map with a round patch of class 3 in class 1: the refined cells settle every point with its true class
    at its cell's centre, and far fewer requests than a full fine grid."""
    from territoire_plugin.sources.georisques import refined_exposure

    def truth(x, y):
        return 3 if math.hypot(x - 1000, y - 1000) < 300 else 1

    asked = []

    def ask(x, y):
        asked.append((x, y))
        return truth(x, y)

    rng = np.random.default_rng(1)
    points = [tuple(p) for p in rng.uniform(0, 2000, (3000, 2))]
    cells = refined_exposure(points, 50.0, ask, coarsest=400.0)
    fine_grid = len({(int(x // 50), int(y // 50)) for x, y in points})
    assert len(asked) < fine_grid / 2
    for x, y in points:
        (x0, y0, size), code = next(((k, v) for k, v in cells.items()
                                     if k[0] <= x < k[0] + k[2] and k[1] <= y < k[1] + k[2]))
        assert code == truth(x0 + size / 2, y0 + size / 2)
        if size > 50:  # a cell left coarse lies wholly inside one class
            corners = [truth(x0 + dx, y0 + dy) for dx in (0, size) for dy in (0, size)]
            assert len(set(corners)) == 1
    assert all(size in (50.0, 100.0, 200.0, 400.0) for _, _, size in cells)


def test_a_building_swinging_as_thermal_dilation_is_not_clay():
    """A swing of the same size, highest in summer (a building's thermal dilation): no clay sign; the clay swing
    (lowest at the end of summer): to inspect on "forte" exposure."""
    days = six_days()
    thermal = np.array([4.0 * math.sin(2 * math.pi * ((d.timetuple().tm_yday - 110) / 365.25)) for d in days])
    rows = np.vstack([thermal, swing(days, 4.0)])
    motion = clay.clay_motion(rows, days, dry_years=(2019, 2022))
    assert motion.amplitude[0] == pytest.approx(motion.amplitude[1], rel=0.15)
    assert motion.mean_drop[0] > 0 > motion.mean_drop[1]
    classes, signs = clay.risk_classes([3, 3], motion, [0.5, 0.5], [4, 4])
    assert classes.tolist() == [clay.NO_SIGN, clay.INSPECT]
    assert not signs[0] & clay.SIGN_AMPLITUDE and signs[1] & clay.SIGN_AMPLITUDE
