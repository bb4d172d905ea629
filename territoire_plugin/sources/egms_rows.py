"""The rows of an EGMS CSV turned into GeoPackage rows, a block of lines at a time.

Fast path, for the files as EGMS publishes them (comma-separated, plain decimals, nothing quoted): the block's
commas and line ends are found with numpy, which gives every value's place at once; the values — the series above
all, 300 a line — are parsed by :mod:`..core.decimals` (a few whole-array operations for all the values of the
block, letting Python's lock go: two blocks are parsed at once on two cores), and the points projected together.
Anything unusual in a block (an empty value, a word where a number goes, a line of another length, a point outside
the LAEA grid, quotes, a character that is not ASCII) sends that block through the careful path, line by line,
which says exactly what is wrong and where (line and column). Both give the same rows.
"""

from __future__ import annotations

import csv
import io
import math
import threading
import warnings

import numpy as np
from osgeo import ogr

from ..core.archives import check_line_lengths, csv_rows, decimal_points
from ..core.csv_blocks import decode_block
from ..core.decimals import PAD, parse_decimals
from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ..core.gpkg_points import point_blobs


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
    """Rows (x, y in Lambert-93, attribute tuples) of EGMS lines; see the module's docstring. Safe to use from
    several threads at once (it keeps no state between blocks)."""

    def __init__(self, header, columns, date_index, numeric, delimiter, bounds, clip, to_lambert, name, srs_id):
        self.header, self.columns, self.date_index = header, columns, date_index
        self.numeric = [columns[n] for n in numeric]  # the numeric fields' columns, in the layer's order
        self.delimiter, self.bounds, self.clip, self.to_lambert, self.name = (delimiter, bounds, clip, to_lambert,
                                                                              name)
        self.fast = delimiter == "," and bool(date_index)
        # The series' columns: a slice (a view, no copy) when they follow each other, as EGMS writes them.
        contiguous = date_index and date_index == list(range(date_index[0], date_index[-1] + 1))
        self.dates = slice(date_index[0], date_index[-1] + 1) if contiguous else np.array(date_index, np.int64)
        self.srs_id = srs_id  # of the GeoPackage's Lambert-93, for the rows' geometries
        self.lock = threading.Lock()  # one PROJ transformation and one clip geometry, for every thread

    def rows(self, block: str, first_line: int):
        """(x, y, attribute tuples, lines read) of the lines of ``block`` (the first is line ``first_line`` of the
        file)."""
        quote = b'"' if isinstance(block, bytes) else '"'
        if self.fast and block.isascii() and quote not in block:
            try:
                made = self._fast(block)
            except (ValueError, IndexError, RuntimeError):
                made = None
            if made is not None:
                return made
        return self._careful(list(io.StringIO(decode_block(block), newline="")), first_line)

    def _fast(self, block):
        """The rows of an ASCII block (bytes, or text), or None: see the module's docstring."""
        data = block if isinstance(block, bytes) else block.encode("ascii")
        if not data.endswith(b"\n"):  # the file's last line, without its line end
            data += b"\r\n" if b"\r" in data else b"\n"
        text = b" " * PAD + data
        buffer = np.frombuffer(text, np.uint8)
        line_ends = buffer == 10
        count, width = int(np.count_nonzero(line_ends)), len(self.header)
        # Every value's end: the commas and line ends in order, ``width`` a line — if each line has as many.
        separators = buffer == 44
        separators |= line_ends
        ends = np.flatnonzero(separators)
        del separators
        if ends.size != count * width:
            return None
        ends = ends.reshape(count, width)
        if not line_ends[ends[:, -1]].all():
            return None  # as many values in all, but not as many on each line
        starts = np.empty_like(ends)  # (in place: the arrays of a block are large, each one more costs)
        starts.ravel()[1:] = ends.ravel()[:-1]
        starts += 1
        starts.ravel()[0] = PAD
        lengths = ends[:, -1] - starts[:, 0]
        check_line_lengths(lengths, self.name, "EGMS")
        if lengths.max() > csv.field_size_limit():
            return None  # a line that may hold a field over the csv module's limit: the careful path decides
        returns = int(np.count_nonzero(buffer == 13)) if b"\r" in text else 0
        if returns:  # CRLF (Windows) line ends: the CR is no part of the last value. A CR elsewhere ends a line
            if returns != count or not (buffer[ends[:, -1] - 1] == 13).all():  # for the careful path: it decides
                return None
            ends[:, -1] -= 1
        columns = self.columns

        def numbers(column):
            values = parse_decimals(buffer, starts[:, column], ends[:, column])
            if values is None:  # not a number the fast reader reads (an exponent, sixteen characters…): Python's float
                values = np.array([float(text[a:b]) for a, b in zip(starts[:, column].tolist(),
                                                                   ends[:, column].tolist())])
            return values

        dates = self.dates
        series = parse_decimals(buffer, starts[:, dates], ends[:, dates], np.dtype("<f4"))
        if series is None:
            return None
        # The other numbers, all columns at once (one column that the fast reader cannot read: column by column).
        numeric = self.numeric
        values = parse_decimals(buffer, starts[:, numeric], ends[:, numeric])
        if values is None:
            values = np.stack([numbers(column) for column in numeric], axis=1)
        x, y, velocity = (values[:, self.numeric.index(columns[name])] for name in ("easting", "northing", "velocity"))
        if not (np.isfinite(x).all() and np.isfinite(y).all()) or np.isnan(velocity).any():
            return None
        keep = np.ones(count, bool)
        if self.bounds is not None:
            left, bottom, right, top = self.bounds
            keep = (x >= left) & (x <= right) & (y >= bottom) & (y <= top)
        with self.lock:
            if self.clip is not None:
                for index in np.flatnonzero(keep):
                    point = ogr.Geometry(ogr.wkbPoint)
                    point.AddPoint_2D(float(x[index]), float(y[index]))
                    keep[index] = self.clip.Contains(point)
            kept = np.flatnonzero(keep)
            if kept.size == 0:
                return np.empty(0), np.empty(0), [], count
            projected = np.array(self.to_lambert.TransformPoints(list(zip(x[kept].tolist(), y[kept].tolist()))))
        if not np.isfinite(projected[:, :2]).all():
            return None
        if kept.size != count:
            values, series = values[kept], series[kept]

        def strings(column):
            return [text[a:b].decode("ascii") for a, b in zip(starts[kept, column].tolist(),
                                                               ends[kept, column].tolist())]

        pids = strings(columns["pid"])
        types = strings(columns["mp_type"]) if "mp_type" in columns else [None] * kept.size
        x, y = projected[:, 0], projected[:, 1]
        # The rows put together column by column in C (zip), each series a view of the block's array, not a copy:
        # SQLite copies it once, when it writes the row.
        rows = list(zip(point_blobs(x, y, self.srs_id), pids, types, *values.T.tolist(), list(series)))
        return x, y, rows, count

    def _careful(self, lines, first_line):
        with self.lock:  # the transformation and the clip are used for every line
            return self._careful_rows(lines, first_line)

    def _careful_rows(self, lines, first_line):
        check_line_lengths([len(line) for line in lines], self.name, "EGMS")
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
        x, y = np.array(xs), np.array(ys)
        return x, y, [(point, *values) for point, values in zip(point_blobs(x, y, self.srs_id), attributes)], len(lines)
