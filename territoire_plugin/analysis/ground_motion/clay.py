"""Clay shrink-swell (retrait-gonflement des argiles) read from the ground motion of each building.

Per building, from the EGMS displacement series of the points in its buffer (their date-by-date median):
velocity, acceleration and seasonal amplitude (:func:`.trend.trends`), the motion of each summer (late summer
minus spring, :func:`summer_drops`, the long-term trend taken out) and the worst of the dry summers; with the clay
exposure class of its footprint (Géorisques) and the spread of its points' velocities, a risk class by
:func:`risk_classes`.

The rule (:data:`THRESHOLDS`), each threshold with where it comes from:

- exposure: the national clay exposure map's classes (Code de la construction et de l'habitation, art. R132-3:
  faible, moyenne, forte; BRGM, Géorisques);
- velocity: beyond ±2 mm/yr is not "stable" (the EGMS mean-velocity noise is about 0.7 mm/yr, 1σ: EGMS product
  description; the project's ground-motion classes use the same bound);
- seasonal amplitude and dry-summer drop: MT-InSAR measures the seasonal rise and fall of swelling clay, of several
  millimetres, as extensometers do (Burnol et al., 2021, "Monitoring of Expansive Clays over Drought-Rewetting
  Cycles Using Satellite Remote Sensing", Atmosphere 12(10):1262, doi:10.3390/atmos12101262); 2 mm (watch) and
  3 mm (inspect) sit above the noise of a median of several points' displacements, 4 mm for a single dry summer.
  A swing counts only in clay's phase, lowest at the end of summer (the mean summer motion is a sinking): a
  building's own thermal dilation also swings by a few millimetres, but rises in summer;
- differential motion across the footprint: 3 mm/yr between its fastest and slowest points, about four times the
  EGMS velocity noise (0.7 mm/yr: the range of a handful of points' noise alone often reaches 2 mm/yr); a
  footprint moving unevenly is what cracks walls (Skempton & MacDonald, 1956, on angular distortion).

Classes: 0 insufficient data (fewer than :data:`MIN_POINTS` points, or a series that covers no dry summer),
1 no sign, 2 to watch, 3 to inspect. A class says where to look first; it proves no damage.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date

import numpy as np

from .trend import trends, years_since_first

#: Spring (before the soil dries) and late summer (driest), as (month, day) bounds, inclusive.
SPRING = ((4, 15), (5, 31))
LATE_SUMMER = ((8, 15), (9, 30))
#: At least this many acquisitions in each window for a summer's motion.
MIN_SAMPLES = 2
MIN_POINTS = 2
#: Summers of widespread drought in France (CatNat drought decrees in many départements); a commune's own
#: drought decrees are used instead when it has some.
NATIONAL_DRY_SUMMERS = (2003, 2011, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023)
THRESHOLDS = {
    "velocity": 2.0,  # mm/yr, both classes
    "amplitude_watch": 2.0, "amplitude_inspect": 3.0,  # mm, seasonal semi-amplitude
    "drop_watch": -2.0, "drop_inspect": -4.0,  # mm, late summer minus spring in a dry summer
    "differential": 3.0,  # mm/yr between the footprint's points
}
INSUFFICIENT, NO_SIGN, WATCH, INSPECT = 0, 1, 2, 3
#: Why a building is in its class: one bit per sign seen.
SIGN_EXPOSURE, SIGN_AMPLITUDE, SIGN_DROP, SIGN_VELOCITY, SIGN_DIFFERENTIAL = 1, 2, 4, 8, 16


def _day(value) -> date:
    return value if isinstance(value, date) else date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def summer_drops(series: np.ndarray, dates) -> dict:
    """{year: late-summer mean minus spring mean (mm), one value per row of ``series`` (rows × dates)} for every
    year with at least :data:`MIN_SAMPLES` acquisitions in both windows (NaN where a row lacks them)."""
    days = [_day(d) for d in dates]
    series = np.asarray(series, np.float64)
    out = {}
    def window(year, bounds):
        (m0, d0), (m1, d1) = bounds
        return np.array([date(year, m0, d0) <= d <= date(year, m1, d1) for d in days])

    for year in sorted({d.year for d in days}):
        spring, late = window(year, SPRING), window(year, LATE_SUMMER)
        if spring.sum() < MIN_SAMPLES or late.sum() < MIN_SAMPLES:
            continue
        spring_n = np.isfinite(series[:, spring]).sum(axis=1)
        late_n = np.isfinite(series[:, late]).sum(axis=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            drop = np.nanmean(series[:, late], axis=1) - np.nanmean(series[:, spring], axis=1)
        drop[(spring_n < MIN_SAMPLES) | (late_n < MIN_SAMPLES)] = np.nan
        out[year] = drop
    return out


def dry_summer_drop(drops: dict, dry_years) -> tuple[np.ndarray | None, list]:
    """(the most negative motion of the dry summers the series covers, per row; those years) — (None, []) when
    it covers none."""
    covered = [year for year in sorted(drops) if year in set(dry_years)]
    if not covered:
        return None, []
    stacked = np.vstack([drops[year] for year in covered])
    with warnings.catch_warnings():  # a row with no summer measured: NaN, said without a warning
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmin(stacked, axis=0), covered


@dataclass
class ClayMotion:
    """Per building: the fits of its median series and its summers."""

    velocity: np.ndarray
    acceleration: np.ndarray
    amplitude: np.ndarray
    dry_drop: np.ndarray
    dry_years: list
    #: The mean motion of all its summers (late summer minus spring): negative in clay's phase.
    mean_drop: np.ndarray = None

    def __post_init__(self):
        if self.mean_drop is None:  # given fits alone (tests): the swing is taken as clay's
            self.mean_drop = np.full(np.shape(self.amplitude), -1.0)


def clay_motion(median_series: np.ndarray, dates, dry_years=NATIONAL_DRY_SUMMERS, is_canceled=None) -> ClayMotion:
    """Fits and dry-summer motion of the buildings' median series (buildings × dates, mm; NaN rows allowed)."""
    t = years_since_first(dates)
    fitted = trends(median_series, t, is_canceled=is_canceled)
    # The summers' motion without the long-term trend (a building sinking 8 mm/yr also sinks 2–3 mm between
    # spring and late summer, clay or not).
    drops = summer_drops(median_series - np.nan_to_num(fitted.velocity)[:, None] * t[None, :], dates)
    drop, covered = dry_summer_drop(drops, dry_years)
    if drop is None:
        drop = np.full(median_series.shape[0], np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean_drop = np.nanmean(np.vstack(list(drops.values())), axis=0) if drops else \
            np.full(median_series.shape[0], np.nan)
    return ClayMotion(fitted.velocity, fitted.acceleration, fitted.seasonal_amplitude, drop, covered, mean_drop)


def risk_classes(exposure, motion: ClayMotion, differential, points, thresholds=THRESHOLDS):
    """(class 0–3, signs bit mask) of each building. ``exposure``: worst exposure class of its footprint (0–3,
    -1 unknown); ``differential``: spread of its points' velocities (mm/yr); ``points``: its number of points."""
    exposure = np.asarray(exposure)
    differential = np.asarray(differential, np.float64)
    points = np.asarray(points)
    velocity, drop = motion.velocity, motion.dry_drop
    with np.errstate(invalid="ignore"):
        # A swing in clay's phase only (its summers sink): a building's thermal dilation rises in summer.
        amplitude = np.where(motion.mean_drop < 0, motion.amplitude, 0.0)
        signs = ((exposure >= 2) * SIGN_EXPOSURE
                 + (amplitude >= thresholds["amplitude_watch"]) * SIGN_AMPLITUDE
                 + (drop <= thresholds["drop_watch"]) * SIGN_DROP
                 + (np.abs(velocity) > thresholds["velocity"]) * SIGN_VELOCITY
                 + (differential >= thresholds["differential"]) * SIGN_DIFFERENTIAL).astype(np.int32)
        strong = ((amplitude >= thresholds["amplitude_inspect"]) | (drop <= thresholds["drop_inspect"])
                  | (differential >= thresholds["differential"]))
        some = (signs & (SIGN_AMPLITUDE | SIGN_DROP | SIGN_VELOCITY | SIGN_DIFFERENTIAL)) > 0
    classes = np.full(exposure.shape, NO_SIGN, np.int32)
    classes[(exposure >= 1) & some] = WATCH
    classes[(exposure >= 2) & strong] = INSPECT
    insufficient = (points < MIN_POINTS) | ~np.isfinite(motion.amplitude) | (not motion.dry_years) | (exposure < 0)
    classes[insufficient] = INSUFFICIENT
    return classes, signs


def velocity_spread(asset_ids: np.ndarray, velocities: np.ndarray, n_assets: int) -> np.ndarray:
    """Per asset, the spread (max − min) of its points' velocities (NaN without two points)."""
    high = np.full(n_assets, -np.inf)
    low = np.full(n_assets, np.inf)
    np.maximum.at(high, asset_ids, velocities)
    np.minimum.at(low, asset_ids, velocities)
    counts = np.bincount(asset_ids, minlength=n_assets)
    spread = high - low
    spread[counts < 2] = np.nan
    return spread
