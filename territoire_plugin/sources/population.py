"""INSEE Filosofi 200 m population grid: read the national or regional file, keep the area's cells.

The cell identifier carries the cell: ``CRS3035RES200mN2029800E3740600`` is the 200 m square
of EPSG:3035 whose south-west corner is (E 3 740 600, N 2 029 800). Its column is named by
year (``idcar_200m`` 2019, ``Idcar_200m`` 2017, ``IdINSPIRE`` 2015), and so are the counts:
``ind`` / ``Ind`` (inhabitants), ``ind_65_79`` / ``Ind_65_79`` and ``ind_80p`` / ``Ind_80p``.
Names are matched without case. Files: CSV or GeoPackage, bare or as INSEE publishes them (a zip holding a
7z holding the file), UTF-8 or Latin-1 (2017); streamed, so the national file is read in bounded memory.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import ogr

from ..core.archives import csv_header, csv_rows, csv_sources, extracted
from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError

ogr.UseExceptions()
CELL_ID = re.compile(r"CRS3035RES(\d+)mN(\d+)E(\d+)", re.IGNORECASE)
ID_COLUMNS = ("idcar_200m", "idinspire", "idcar")
COUNTS = {"ind": ("ind",), "ind_65_79": ("ind_65_79",), "ind_80p": ("ind_80p",)}
BATCH = 20_000


@dataclass
class PopulationSummary:
    read: int = 0
    kept: int = 0
    inhabitants: float = 0.0
    missing: list = field(default_factory=list)


def cell_square(cell_id: str) -> tuple[float, float, float] | None:
    """(easting, northing, size) of the south-west corner of a Filosofi cell, in EPSG:3035."""
    match = CELL_ID.search(cell_id)
    if not match:
        return None
    size, north, east = (float(v) for v in match.groups())
    # A cell of the ETRS89-LAEA grid of Europe: anything else (N999…9, a size of 0) is not one, and would fall
    # outside the projection's domain.
    if not (0 < size <= 100_000 and 0 <= north < 10_000_000 and 0 <= east < 10_000_000):
        return None
    return east, north, size


def _columns(header: list[str], name: str) -> tuple[int, dict, list]:
    lower = [column.strip().lower() for column in header]
    id_index = next((lower.index(c) for c in ID_COLUMNS if c in lower), None)
    if id_index is None or "ind" not in lower:
        raise AnalysisError("population_schema", QT_TRANSLATE_NOOP(
            "AnalysisError", "{name} is not an INSEE Filosofi 200 m grid: it needs a cell identifier column "
            "(idcar_200m, Idcar_200m or IdINSPIRE) and an inhabitants column (ind). Columns found: {found}."),
            name=name, found=", ".join(header[:15]))
    counts = {out: lower.index(names[0]) for out, names in COUNTS.items() if names[0] in lower}
    missing = [out for out in COUNTS if out not in counts]
    return id_index, counts, missing


def read_population(path: str | Path, output: str | Path, *, bounds_3035=None, clip_wkt_3035: str | None = None,
                    is_canceled=None) -> PopulationSummary:
    """Write the area's cells (polygons in Lambert-93, counts) to a GeoPackage at ``output``."""
    from ..core.files import atomic_output
    from ..core.grid import check_cancel, srs_of, transformation

    path, output = Path(path), Path(output)
    summary = PopulationSummary()
    lambert = srs_of(2154)
    to_lambert = transformation(3035, 2154)
    clip = ogr.CreateGeometryFromWkt(clip_wkt_3035) if clip_wkt_3035 else None
    with atomic_output(output) as temporary:
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(temporary))
        try:
            layer = dataset.CreateLayer("population_200m", srs=lambert, geom_type=ogr.wkbPolygon)
            layer.CreateField(ogr.FieldDefn("idcar_200m", ogr.OFTString))
            for name in (*COUNTS, "ind_65p"):
                layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
            for header, rows, name in _row_sources(path):
                id_index, counts, summary.missing = _columns(header, name)
                layer.StartTransaction()
                for line, row in enumerate(rows, start=2):
                    summary.read += 1
                    if len(row) != len(header):
                        raise AnalysisError("population_row_length", QT_TRANSLATE_NOOP(
                            "AnalysisError", "Line {line} of {name} has {count} values where its header names "
                            "{columns}: the file is cut or damaged. Download it again."),
                            line=line, name=name, count=len(row), columns=len(header))
                    square = cell_square(str(row[id_index] or ""))
                    if square is None:
                        raise AnalysisError("population_bad_cell", QT_TRANSLATE_NOOP(
                            "AnalysisError", "Line {line} of {name}: the cell « {value} » is not a Filosofi cell "
                            "identifier (CRS3035RES200mN…E…). The file is damaged or was edited: download it "
                            "again."), line=line, name=name, value=str(row[id_index])[:40])
                    east, north, size = square
                    if bounds_3035 is not None and (east > bounds_3035[2] or east + size < bounds_3035[0]
                                                    or north > bounds_3035[3] or north + size < bounds_3035[1]):
                        continue
                    ring = ogr.Geometry(ogr.wkbLinearRing)
                    for x, y in ((east, north), (east + size, north), (east + size, north + size),
                                 (east, north + size), (east, north)):
                        ring.AddPoint_2D(x, y)
                    polygon = ogr.Geometry(ogr.wkbPolygon)
                    polygon.AddGeometry(ring)
                    if clip is not None and not clip.Intersects(polygon):
                        continue
                    polygon.Transform(to_lambert)
                    feature = ogr.Feature(layer.GetLayerDefn())
                    feature.SetGeometryDirectly(polygon)
                    feature.SetField("idcar_200m", row[id_index])
                    values = {out: _count(row[index], line, name, header[index]) for out, index in counts.items()}
                    for out, value in values.items():
                        if value is not None:
                            feature.SetField(out, value)
                    if values.get("ind_65_79") is not None and values.get("ind_80p") is not None:
                        feature.SetField("ind_65p", values["ind_65_79"] + values["ind_80p"])
                    layer.CreateFeature(feature)
                    summary.kept += 1
                    summary.inhabitants += values.get("ind") or 0.0
                    if line % BATCH == 0:
                        layer.CommitTransaction()
                        check_cancel(is_canceled)
                        layer.StartTransaction()
                layer.CommitTransaction()
            check_cancel(is_canceled)
        finally:
            dataset = None
    return summary


def _count(text, line: int, name: str, column: str) -> float | None:
    """A count of the file (a decimal comma taken); None if empty; a clear error if it is not a number."""
    if text is None or isinstance(text, (int, float)):
        return None if text is None else float(text)
    text = str(text).strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or value < 0:
        raise AnalysisError("population_not_a_count", QT_TRANSLATE_NOOP(
            "AnalysisError", "Line {line} of {name}: {column} is « {value} », not a number of inhabitants. The file "
            "is damaged or was edited: download it again."), line=line, name=name, column=column.strip(),
            value=text[:40])
    return value


def _row_sources(path: Path):
    """(header, rows, name) for each table of a CSV or a GeoPackage, bare or as INSEE packs them (zip → 7z)."""
    if path.suffix.lower() != ".csv":
        with extracted(path, "INSEE Filosofi", ".gpkg") as packages:
            for package in packages:
                yield from _geopackage_rows(package, path.name)
            if packages:
                return
    for name, stream in csv_sources(path, "INSEE Filosofi"):
        header, delimiter = csv_header(stream, name, "INSEE Filosofi")
        yield header, csv_rows(stream, delimiter, name, "INSEE Filosofi"), name


def _geopackage_rows(package: Path, label: str):
    try:
        dataset = ogr.Open(str(package))
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise AnalysisError("population_not_geopackage", QT_TRANSLATE_NOOP(
            "AnalysisError", "{name} is not a GeoPackage (nor a CSV): it cannot be an INSEE Filosofi file. Give the "
            "file as downloaded from INSEE (.zip, .7z, .csv or .gpkg)."), name=label)
    try:
        for index in range(dataset.GetLayerCount()):
            layer = dataset.GetLayer(index)
            definition = layer.GetLayerDefn()
            header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
            rows = ([feature.GetField(i) for i in range(len(header))] for feature in layer)
            yield header, rows, f"{label}:{layer.GetName()}"
    finally:
        dataset = None
