"""EGMS (Copernicus European Ground Motion Service) files as users download them: CSV, or zip of CSV.

Columns are found by name, never by position (releases rename and reorder them); the points
are in ETRS89-LAEA (EPSG:3035, written ``IGNF:ETRS89LAEA`` by some tiles: the same system).
Zip entries are read in memory, never extracted: an entry whose path leaves the archive
(``../``, absolute) is refused.

Output: a GeoPackage point layer in Lambert-93 with one row per point (velocity, its standard
deviation, acceleration, seasonality, coherence, line-of-sight vector…) and the displacement
time series stored compactly in the same row: field ``displacement_mm``, a BLOB of float32
little-endian values, one per date of the table ``egms_dates`` (same order). That keeps 1 M
points × 300 dates at ~1.2 GB instead of 300 M rows, and one point's series is one read.
"""

from __future__ import annotations

import datetime
import re
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

from ..core.archives import csv_sources
from ..core.csv_blocks import csv_header_and_blocks, line_ends
from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ..core.gpkg_points import PointWriter
from .egms_rows import RowMaker

ogr.UseExceptions()
osr.UseExceptions()

DATE_COLUMN = re.compile(r"^\d{8}$")
#: output field → accepted column names (lower case), first found wins. A later naming (height_ortho,
#: height_ellipse, rmse_ts…, reference/partner-services.md "EGMS products") is read too; columns that match
#: nothing are listed in the summary, never dropped silently.
COLUMNS = {
    "pid": ("pid", "point_id", "id"),
    "easting": ("easting", "x", "east"),
    "northing": ("northing", "y", "north"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon"),
    "height": ("height", "height_ortho", "height_wgs84", "height_ellipse"),
    "mp_type": ("mp_type",),
    "rmse": ("rmse", "rmse_ts"),
    "coherence": ("temporal_coherence", "coherence"),
    "velocity": ("mean_velocity", "velocity", "vel"),
    "velocity_std": ("mean_velocity_std", "velocity_std"),
    "acceleration": ("acceleration",),
    "acceleration_std": ("acceleration_std",),
    "seasonality": ("seasonality",),
    "seasonality_std": ("seasonality_std",),
    "los_east": ("los_east",),
    "los_north": ("los_north",),
    "los_up": ("los_up",),
    "incidence_angle": ("incidence_angle",),
    "track_angle": ("track_angle",),
}
NUMERIC = [name for name in COLUMNS if name not in ("pid", "mp_type")]
#: Characters read at a time (about 1,400 lines of 300 dates).
BLOCK = 1 << 22


@dataclass
class EgmsSummary:
    files: list = field(default_factory=list)
    level: str = ""
    dates: list = field(default_factory=list)
    read: int = 0
    kept: int = 0
    #: Columns of the files that are neither a known field nor a date (not imported).
    ignored: list = field(default_factory=list)
    #: Known optional fields none of the files has.
    missing: list = field(default_factory=list)
    #: Characters read so far (progress).
    characters: int = 0


def _find_columns(header: list[str], name: str) -> tuple[dict, list[int], list[str]]:
    lower = [column.strip().lower() for column in header]
    found = {}
    for output, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in lower:
                found[output] = lower.index(alias)
                break
    missing = [column for column in ("pid", "easting", "northing", "velocity") if column not in found]
    if missing:
        raise AnalysisError("egms_missing_columns", QT_TRANSLATE_NOOP(
            "AnalysisError", "{name} has no column {missing}: it is not an EGMS product file (columns found: "
            "{found})."), name=name, missing=", ".join(missing), found=", ".join(header[:12]))
    date_index = [i for i, column in enumerate(header) if DATE_COLUMN.match(column.strip())]
    for i in date_index:
        try:
            datetime.date(int(header[i][:4]), int(header[i][4:6]), int(header[i][6:8]))
        except ValueError:
            raise AnalysisError("egms_bad_date", QT_TRANSLATE_NOOP(
                "AnalysisError", "The column {column} of {name} is not a date (an EGMS series column is named by its "
                "date, YYYYMMDD): the file is damaged or was edited. Download it again."),
                column=header[i].strip(), name=name) from None
    return found, date_index, [header[i].strip() for i in date_index]


def level_of(name: str, columns: dict) -> str:
    upper = name.upper()
    for level in ("L2A", "L2B", "L3"):
        if f"_{level}_" in upper or upper.startswith(f"EGMS_{level}"):
            return {"L2A": "L2a (Basic)", "L2B": "L2b (Calibrated)", "L3": "L3 (Ortho)"}[level]
    return "L3 (Ortho)" if "latitude" not in columns else "L2"


def import_egms(path: str | Path, output: str | Path, *, bounds_3035=None, clip_wkt_3035: str | None = None,
                progress=None, is_canceled=None) -> EgmsSummary:
    """Read EGMS points in ``bounds_3035`` (and ``clip_wkt_3035``) into a GeoPackage at ``output``."""
    from ..core.files import atomic_output
    from ..core.grid import check_cancel, srs_of, transformation

    path, output = Path(path), Path(output)
    summary = EgmsSummary()
    lambert = srs_of(2154)
    to_lambert = transformation(3035, 2154)
    clip = ogr.CreateGeometryFromWkt(clip_wkt_3035) if clip_wkt_3035 else None
    size = path.stat().st_size
    with atomic_output(output) as temporary:
        writer = None
        try:
            for name, stream in csv_sources(path, "EGMS"):
                with stream:
                    header, delimiter, blocks = csv_header_and_blocks(stream, name, "EGMS", BLOCK)
                    if not header:
                        continue
                    columns, date_index, dates = _find_columns(header, name)
                    used = set(columns.values()) | set(date_index)
                    summary.ignored += [c.strip() for i, c in enumerate(header)
                                        if i not in used and c.strip() not in summary.ignored]
                    if writer is None:
                        summary.missing = [f for f in COLUMNS if f not in columns]
                        summary.dates, summary.level = dates, level_of(name, columns)
                        numeric = [n for n in NUMERIC if n in columns]
                        _create_layers(temporary, lambert, numeric, dates)
                        writer = PointWriter(temporary, "egms_points", ["pid", "mp_type", *numeric, "displacement_mm"])
                    elif dates != summary.dates:
                        raise AnalysisError("egms_mixed_dates", QT_TRANSLATE_NOOP(
                            "AnalysisError", "{name} has other acquisition dates than the first file: import the "
                            "files of one release and one track at a time."), name=name)
                    summary.files.append(name)
                    maker = RowMaker(header, columns, date_index, numeric, delimiter, bounds_3035, clip, to_lambert,
                                     name, writer.srs_id)
                    _copy_rows(blocks, maker, writer, summary, progress, is_canceled, size)
            if writer is None:
                raise AnalysisError("egms_empty", QT_TRANSLATE_NOOP(
                    "AnalysisError", "{name} holds no EGMS point."), name=path.name)
            done, writer = writer, None
            done.close(check_cancel=lambda: check_cancel(is_canceled),
                       before_commit=lambda connection: _write_metadata(connection, summary))
            check_cancel(is_canceled)
        finally:
            if writer is not None:
                writer.close(finish=False)  # the writer's thread ends; the file goes with the failure
    return summary


def _copy_rows(blocks, maker, writer, summary, progress, is_canceled, size) -> None:
    """The points of the text ``blocks`` into ``writer``: two blocks parsed at once on two threads (their numpy
    work lets Python's lock go), taken in the file's order; Cancel looked at between blocks."""
    from ..core.grid import check_cancel

    first_line, waiting = 2, deque()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="territoire-egms") as pool:
        try:
            for block in blocks:
                waiting.append(pool.submit(maker.rows, block, first_line))
                first_line += line_ends(block) + (block[-1:] not in ("\n", b"\n"))
                if len(waiting) >= 3:  # memory bounded: at most three blocks read ahead
                    _flush(waiting.popleft().result(), writer, summary)
                    check_cancel(is_canceled)
                    if progress is not None and size:
                        progress(min(99.0, 100.0 * summary.characters / size))
                summary.characters += len(block)
            while waiting:
                _flush(waiting.popleft().result(), writer, summary)
        finally:
            for job in waiting:
                job.cancel()


def _flush(made, writer, summary) -> None:
    x, y, rows, read = made
    writer.write(x, y, rows)
    summary.read += read
    summary.kept += len(rows)


def _create_layers(path, srs, numeric, dates) -> None:
    """The empty point layer (its fields and its spatial index: :class:`PointWriter` fills both), the table of the
    dates, filled, and the metadata table, empty (filled at the end through the writer's connection: opening the
    finished file again with OGR to write a few rows cost a quarter of a second for 200,000 points)."""
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("egms_points", srs=srs, geom_type=ogr.wkbPoint, options=["SPATIAL_INDEX=YES"])
    layer.CreateField(ogr.FieldDefn("pid", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("mp_type", ogr.OFTString))
    for name in numeric:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("displacement_mm", ogr.OFTBinary))
    table = dataset.CreateLayer("egms_dates", geom_type=ogr.wkbNone)
    table.CreateField(ogr.FieldDefn("position", ogr.OFTInteger))
    table.CreateField(ogr.FieldDefn("date", ogr.OFTDate))
    table.StartTransaction()
    for position, stamp in enumerate(dates):
        feature = ogr.Feature(table.GetLayerDefn())
        feature.SetField("position", position)
        feature.SetField("date", f"{stamp[:4]}/{stamp[4:6]}/{stamp[6:]}")
        table.CreateFeature(feature)
    table.CommitTransaction()
    meta = dataset.CreateLayer("egms_metadata", geom_type=ogr.wkbNone)
    meta.CreateField(ogr.FieldDefn("key", ogr.OFTString))
    meta.CreateField(ogr.FieldDefn("value", ogr.OFTString))
    layer = table = meta = dataset = None


def _write_metadata(connection, summary: EgmsSummary) -> None:
    """The rows of ``egms_metadata`` (GDAL's triggers on that table, which count its rows, are plain SQL)."""
    connection.executemany("INSERT INTO egms_metadata (key, value) VALUES (?, ?)", (
        ("level", summary.level), ("files", ", ".join(summary.files)),
        ("crs_of_source", "EPSG:3035 (ETRS89-LAEA)"), ("velocity_unit", "mm/year"),
        ("displacement_encoding", "float32 little-endian, one value per row of egms_dates"),
        ("points_read", str(summary.read)), ("points_kept", str(summary.kept))))
    connection.execute("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM egms_metadata) "
                       "WHERE table_name = 'egms_metadata'")


def read_series(blob: bytes) -> np.ndarray:
    """The displacement series (mm) of one point from its ``displacement_mm`` BLOB; empty if the BLOB is not
    one (a length that is not a whole number of float32 values: a damaged layer)."""
    if len(blob) % 4:
        return np.empty(0, dtype="<f4")
    return np.frombuffer(blob, dtype="<f4")
