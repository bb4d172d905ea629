"""The rows of an EGMS CSV turned into GeoPackage rows, a chunk of lines at a time.

Fast path, for the files as EGMS publishes them (comma-separated, the series' date columns last, nothing
quoted): each line is split only up to its series (identifier, type and the few numeric fields), and the series of
the whole chunk is parsed at once by numpy's CSV reader, straight into float32; the points are projected together.
Anything unusual in a chunk (an empty value, a word where a number goes, a line of another length, a point outside
the LAEA grid, quotes) sends that chunk through the careful path, line by line, which says exactly what is wrong
and where (line and column). Both give the same rows.
"""

from __future__ import annotations

import csv
import io
import math
import warnings

import numpy as np
from osgeo import ogr

from ..core.archives import csv_rows, decimal_points
from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError

CHUNK = 10_000


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def not_a_number(name: str, line: int, column: str, value: str) -> AnalysisError:
    return AnalysisError("egms_not_a_number", QT_TRANSLATE_NOOP(
        "AnalysisError", "Line {line} of {name}: {column} is « {value} », not a number. The file is damaged or was "
        "edited: download it again."), name=name, line=line, column=column, value=value[:40])


def _series_blob(values: list[str]) -> bytes | None:
    """The float32 little-endian series; missing values become NaN. None if a value is not a number."""
    text = ",".join(values)
    if ",," in text or text.startswith(",") or text.endswith(","):
        try:
            series = np.array([value or "nan" for value in values], dtype="<f4")
        except ValueError:
            return None
    else:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # NumPy < 2.3 warns (DeprecationWarning) where it stops
                series = np.fromstring(text, dtype="<f4", sep=",")  # C-speed parse of the whole series
        except ValueError:  # NumPy ≥ 2.3 (Debian sid) raises there instead
            return None
        if series.size != len(values):
            return None
    return series.tobytes()


class RowMaker:
    """Rows (x, y in Lambert-93, attribute tuples) of EGMS lines; see the module's docstring."""

    def __init__(self, header, columns, date_index, numeric, delimiter, bounds, clip, to_lambert, name):
        self.header, self.columns, self.date_index = header, columns, date_index
        self.numeric = [columns[n] for n in numeric]  # the numeric fields' columns, in the layer's order
        self.delimiter, self.bounds, self.clip, self.to_lambert, self.name = (delimiter, bounds, clip, to_lambert,
                                                                              name)
        width = len(header)
        first = date_index[0] if date_index else width
        strings = [columns["pid"]] + ([columns["mp_type"]] if "mp_type" in columns else [])
        self.first_date = first
        # The fast path reads the published layout: dates last and contiguous, every other column before them.
        self.fast = (delimiter == "," and bool(date_index) and date_index == list(range(first, width))
                     and all(index < first for index in strings + self.numeric))

    def rows(self, lines: list[str], first_line: int):
        """(x, y, attribute tuples, lines read) of ``lines`` (the first is line ``first_line`` of the file)."""
        # Quotes, or a line long enough to hold a field over the csv module's limit: the careful path decides.
        limit = csv.field_size_limit()
        if self.fast and not any('"' in line or len(line) > limit for line in lines):
            try:
                made = self._fast(lines)
            except (ValueError, IndexError, RuntimeError):
                made = None
            if made is not None:
                return made
        return self._careful(lines, first_line)

    def _fast(self, lines):
        first, columns = self.first_date, self.columns
        heads = [line.split(",", first) for line in lines]
        if any(len(head) != first + 1 for head in heads):
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            series = np.loadtxt(io.StringIO("".join(head[first] for head in heads)), delimiter=",",
                                dtype="<f4", ndmin=2, comments=None)
        if series.shape != (len(lines), len(self.date_index)):
            return None
        # The fields before the series, in one C-speed parse too (the text columns skipped, float64).
        wanted = sorted({columns["easting"], columns["northing"], *self.numeric})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            prefixes = "\n".join(line[:len(line) - len(head[first]) - 1] for line, head in zip(lines, heads))
            fields = np.loadtxt(io.StringIO(prefixes), delimiter=",", dtype=np.float64, ndmin=2, usecols=wanted,
                                comments=None)
        if fields.shape != (len(lines), len(wanted)):
            return None
        at = {column: n for n, column in enumerate(wanted)}
        x, y = fields[:, at[columns["easting"]]], fields[:, at[columns["northing"]]]
        if not (np.isfinite(x).all() and np.isfinite(y).all()) or np.isnan(fields[:, at[columns["velocity"]]]).any():
            return None
        values = fields[:, [at[column] for column in self.numeric]].tolist()
        keep = np.ones(len(lines), bool)
        if self.bounds is not None:
            left, bottom, right, top = self.bounds
            keep = (x >= left) & (x <= right) & (y >= bottom) & (y <= top)
        if self.clip is not None:
            for index in np.flatnonzero(keep):
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(float(x[index]), float(y[index]))
                keep[index] = self.clip.Contains(point)
        kept = np.flatnonzero(keep)
        if kept.size == 0:
            return np.empty(0), np.empty(0), [], len(lines)
        projected = np.array(self.to_lambert.TransformPoints(list(zip(x[kept].tolist(), y[kept].tolist()))))
        if not np.isfinite(projected[:, :2]).all():
            return None
        blobs = series[kept].tobytes()
        size = 4 * series.shape[1]
        has_type = "mp_type" in columns
        attributes = [(heads[k][columns["pid"]], heads[k][columns["mp_type"]] if has_type else None, *values[k],
                       blobs[n * size:(n + 1) * size]) for n, k in enumerate(kept.tolist())]
        return projected[:, 0], projected[:, 1], attributes, len(lines)

    def _careful(self, lines, first_line):
        header, columns, date_index, name = self.header, self.columns, self.date_index, self.name
        ix, iy, iv = columns["easting"], columns["northing"], columns["velocity"]
        xs, ys, attributes = [], [], []
        reader = decimal_points(csv_rows(None, self.delimiter, name, "EGMS", lines=lines, first_line=first_line),
                                self.delimiter)
        for line, row in enumerate(reader, start=first_line):
            if len(row) != len(header):
                raise AnalysisError("egms_row_length", QT_TRANSLATE_NOOP(
                    "AnalysisError", "Line {line} of {name} has {count} values where its header names {columns}: "
                    "the file is cut or damaged. Download it again."), line=line, name=name, count=len(row),
                    columns=len(header))
            for column in (ix, iy, iv):
                try:
                    value = float(row[column])
                except ValueError:
                    raise not_a_number(name, line, header[column].strip(), row[column]) from None
                if column != iv and not math.isfinite(value):
                    raise not_a_number(name, line, header[column].strip(), row[column])
            x, y = float(row[ix]), float(row[iy])
            if self.bounds is not None and not (self.bounds[0] <= x <= self.bounds[2]
                                                and self.bounds[1] <= y <= self.bounds[3]):
                continue
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x, y)
            if self.clip is not None and not self.clip.Contains(point):
                continue
            try:
                point.Transform(self.to_lambert)
            except RuntimeError:  # PROJ: "Point outside of projection domain"
                raise AnalysisError("egms_outside", QT_TRANSLATE_NOOP(
                    "AnalysisError", "Line {line} of {name} places a point at easting {x}, northing {y}, outside "
                    "the ETRS89-LAEA grid of Europe (EPSG:3035) the EGMS uses: the file is damaged. Download it "
                    "again."), line=line, name=name, x=row[ix][:30], y=row[iy][:30]) from None
            blob = None
            if date_index:
                values = [row[i] for i in date_index]
                blob = _series_blob(values)
                if blob is None:
                    bad = next((i for i, v in zip(date_index, values) if v and _number(v) is None), date_index[0])
                    raise not_a_number(name, line, header[bad].strip(), row[bad])
            xs.append(point.GetX())
            ys.append(point.GetY())
            attributes.append((row[columns["pid"]], row[columns["mp_type"]] if "mp_type" in columns else None,
                               *(_number(row[index]) for index in self.numeric), blob))
        return np.array(xs), np.array(ys), attributes, len(lines)
