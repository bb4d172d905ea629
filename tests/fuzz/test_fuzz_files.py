"""Fuzzing the readers of files users give: MTL, 7z, zip, CSV, EGMS, Filosofi, EGMS names (make fuzz).

Each case starts from a real-shaped file and damages it (testing/fuzzing.py); whatever the damage, the reader
returns or raises the project's own AnalysisError (a clear message) or Cancelled, never anything else.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from territoire_plugin.core import archives
from territoire_plugin.core.errors import AnalysisError
from territoire_plugin.core.sevenzip import SevenZip
from testing import egms as egms_data
from testing import filosofi
from testing.fuzzing import (
    FUZZ,
    Seeds,
    awkward_text,
    csv_bytes,
    mutated_bytes,
    mutated_json,
    mutated_seven_zip,
    mutated_table,
)

#: Bodies no mutation of a small seed reaches: nesting deeper than Python's recursion limit, huge numbers.
PATHOLOGICAL = [b"[" * 100_000, b'{"a":' * 50_000, b"<a>" * 50_000, b"1" * 10_000, b"\xff\xfe" + b"\x00\xd8" * 3,
                b"\xff\xfe\x41", b"\xfe\xff\xd8\x00\x00", b""]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# ------------------------------------------------------------------ Landsat MTL (txt, json, xml)

@pytest.fixture(scope="module")
def mtl_seeds(sample_product) -> dict:
    return Seeds({suffix: next(sample_product.glob(f"*_MTL{suffix}")).read_bytes()
                  for suffix in (".txt", ".json", ".xml")})


def _read_whole_mtl(path: Path) -> None:
    from territoire_plugin.analysis.landsat.mtl import read_mtl

    metadata = read_mtl(path)
    metadata.st_b10_factors()
    metadata.cloud_cover  # noqa: B018 - each accessor parses
    for accessor in ("product_id", "spacecraft", "processing_level", "acquisition"):
        value = getattr(metadata, accessor)
        assert value is None or isinstance(value, str)
    metadata.product_file("FILE_NAME_BAND_ST_B10")


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".txt", ".json", ".xml"]))
def test_mtl(mtl_seeds, folder, data, suffix):
    import json

    seed = mtl_seeds[suffix]
    if suffix == ".json" and data.draw(st.booleans()):
        content = json.dumps(data.draw(mutated_json(json.loads(seed)))).encode()
    else:
        content = data.draw(mutated_bytes(seed) | st.sampled_from(PATHOLOGICAL))
    path = folder / f"LC09_L2SP_197029_20230715_20230717_02_T1_MTL{suffix}"
    path.write_bytes(content)
    try:
        _read_whole_mtl(path)
    except AnalysisError:
        pass


# ------------------------------------------------------------------ 7z (INSEE's packaging)

@pytest.fixture(scope="module")
def seven_zips(folder) -> list:
    """Small 7z archives written by 7-Zip itself, one per method it uses for data files."""
    source = folder / "cells.csv"
    source.write_bytes(b"idcar_200m,ind\n" + b"".join(b"CRS3035RES200mN%dE%d,%d.0\n" % (n, n, n) for n in range(300)))
    other = folder / "notes.txt"
    other.write_bytes(b"Filosofi 2019\n" * 50)
    return Seeds({method: filosofi.seven_zip(folder / f"seed_{method}.7z", [source, other], method).read_bytes()
                  for method in ("LZMA2", "LZMA", "BZip2", "Deflate", "Copy")})


@FUZZ
@given(data=st.data())
def test_seven_zip(seven_zips, data):
    seed = data.draw(st.sampled_from(list(seven_zips.values())))
    content = data.draw(mutated_seven_zip(seed) | st.sampled_from(PATHOLOGICAL))
    try:
        archive = SevenZip(io.BytesIO(content), "fuzz.7z")
        for entry in archive.entries:
            if not entry.is_dir:
                with archive.open(entry) as stream:
                    while stream.read(1 << 16):
                        pass
    except AnalysisError:
        pass


# ------------------------------------------------------------------ CSV text and zips

@FUZZ
@given(content=st.binary(max_size=2000) | mutated_bytes("pid;easting;northing\r\n1;2,5;3\r\n".encode("utf-16"))
       | mutated_bytes("pid,easting\n\"a\",1\n".encode("utf-8-sig")) | st.sampled_from(PATHOLOGICAL))
def test_csv_text(content):
    try:
        stream = archives.text_stream(io.BytesIO(content))
        header, delimiter = archives.csv_header(stream, "fuzz.csv", "EGMS")
        assert delimiter in (",", ";", "\t")
        for row in archives.decimal_points(archives.csv_rows(stream, delimiter, "fuzz.csv", "EGMS"), delimiter):
            assert isinstance(row, list)
    except AnalysisError:
        pass


@pytest.fixture(scope="module")
def zip_seeds(folder, seven_zips) -> Seeds:
    seeds = Seeds()
    for compression, members in ((zipfile.ZIP_DEFLATED, {"a.csv": b"pid,easting\n1,2\n", "b.txt": b"x"}),
                                 (zipfile.ZIP_STORED, {"Filosofi2019.7z": seven_zips["LZMA2"]}),
                                 (zipfile.ZIP_DEFLATED, {"Filosofi2019.7z": seven_zips["LZMA"]})):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, value in members.items():
                archive.writestr(name, value)
        seeds[f"zip{len(seeds)}"] = buffer.getvalue()
    return seeds


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".zip", ".7z", ".csv"]))
def test_archives(zip_seeds, seven_zips, folder, data, suffix):
    seed = data.draw(st.sampled_from([*zip_seeds.values(), *seven_zips.values()]))
    path = folder / f"download{suffix}"
    path.write_bytes(data.draw(mutated_bytes(seed)))
    try:
        for _name, stream in archives.csv_sources(path, "INSEE Filosofi"):
            header, delimiter = archives.csv_header(stream, "x", "INSEE Filosofi")
            for _row in archives.csv_rows(stream, delimiter, "x", "INSEE Filosofi"):
                pass
    except AnalysisError:
        pass
    try:
        with archives.extracted(path, "INSEE Filosofi", ".csv") as copies:
            assert all(copy.exists() for copy in copies)
    except AnalysisError:
        pass


# ------------------------------------------------------------------ EGMS CSV → GeoPackage

@pytest.fixture(scope="module")
def egms_table(folder) -> Seeds:
    import csv

    points, dates = egms_data.egms_points(count_side=3, dates=egms_data.six_day_dates(count=12))
    path = egms_data.write_egms_csv(folder / "egms_seed.csv", points, dates)
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return Seeds(header=rows[0], rows=rows[1:])


@FUZZ
@given(data=st.data())
def test_import_egms(egms_table, folder, data):
    from territoire_plugin.sources.egms import import_egms, read_series

    header, rows = egms_table["header"], egms_table["rows"]
    table = data.draw(mutated_table(header, rows))
    content = data.draw(csv_bytes(table)) if data.draw(st.integers(0, 4)) else data.draw(
        mutated_bytes(data.draw(csv_bytes([header, *rows]))))
    suffix = data.draw(st.sampled_from([".csv", ".csv", ".zip"]))
    path = folder / f"EGMS_L2b_037_0288_IW2_VV_2019_2023_1{suffix}"
    if suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(path.with_suffix(".csv").name, content)
    else:
        path.write_bytes(content)
    output = folder / "egms.gpkg"
    output.unlink(missing_ok=True)
    try:
        summary = import_egms(path, output)
    except AnalysisError:
        assert not output.exists(), "a refused import leaves no GeoPackage"
        return
    assert output.exists() and summary is not None
    from osgeo import ogr

    dataset = ogr.Open(str(output))
    for feature in dataset.GetLayer(0):
        blob = feature.GetFieldAsBinary("displacement_mm") if feature.GetFieldIndex("displacement_mm") >= 0 else b""
        read_series(blob)
    dataset = None


@FUZZ
@given(blob=st.binary(max_size=64))
def test_read_series(blob):
    from territoire_plugin.sources.egms import read_series

    values = read_series(blob)
    assert values.size == (len(blob) // 4 if len(blob) % 4 == 0 else 0)


@FUZZ
@given(text=awkward_text | st.text(max_size=200)
       | st.from_regex(r"(EGMS_L2[ab]_\d{1,4}_\d{1,5}_IW\d_VV_\d{4}_\d{4}_\d(\.zip)?|\d{1,4}_\d{1,5}_IW\d)[ ,;\n]?"
                       r"([ ,;\n]\S{0,40})?", fullmatch=True),
       level=st.sampled_from(["L2a", "L2b", "x", ""]), release=st.sampled_from(["2019_2023", "2018_2022", "", "../"]))
def test_egms_names(text, level, release):
    from territoire_plugin.sources.egms_archive import L2_NAME, l2_names

    try:
        names = l2_names(text, level, release)
    except AnalysisError:
        return
    assert all(L2_NAME.match(name) and "/" not in name and "\\" not in name and name != ".." for name in names)


# ------------------------------------------------------------------ INSEE Filosofi 200 m

@FUZZ
@given(data=st.data(), year=st.sampled_from(sorted(filosofi.HEADERS)))
def test_read_population(folder, data, year):
    from territoire_plugin.sources.population import read_population

    header, rows = filosofi.filosofi_rows(year, side=3)
    content = data.draw(csv_bytes(data.draw(mutated_table(header, rows))))
    if not data.draw(st.integers(0, 4)):
        content = data.draw(mutated_bytes(content))
    path = folder / f"Filosofi{year}_carreaux_200m_met.csv"
    path.write_bytes(content)
    output = folder / "population.gpkg"
    output.unlink(missing_ok=True)
    try:
        read_population(path, output)
    except AnalysisError:
        assert not output.exists(), "a refused read leaves no GeoPackage"


@FUZZ
@given(cell=awkward_text | st.from_regex(r"CRS3035RES\d{0,6}mN-?\d{0,12}E-?\d{0,12}", fullmatch=True))
def test_cell_square(cell):
    from territoire_plugin.sources.population import cell_square

    square = cell_square(cell)
    assert square is None or all(isinstance(value, float) for value in square)


# ------------------------------------------------------------------ Sentinel-2 metadata beside downloaded bands

@FUZZ
@given(data=st.data())
def test_sentinel2_metadata_file(folder, data):
    import json

    from territoire_plugin.analysis.landsat.ndvi import sentinel2_reflectance

    scene = folder / "S2B_31TDJ_20230718_0_L2A"
    scene.mkdir(exist_ok=True)
    for band in ("B04", "B08", "SCL"):
        (scene / f"S2B_31TDJ_20230718_0_L2A_{band}.TIF").touch()
    # What territoire:download_sentinel2 writes (sources/stac.py sentinel2_metadata).
    written = {"id": "S2B_31TDJ_20230718_0_L2A", "collection": "sentinel-2-l2a", "datetime": "2023-07-18T10:40:00Z",
               "cloud_cover": 4.0, "platform": "sentinel-2b", "tile": "31TDJ", "processing_baseline": "05.09",
               "boa_offset_applied": None, "offset_rule": "the item's raster:bands scale and offset",
               "files": {"red": "S2B_31TDJ_20230718_0_L2A_B04.TIF"},
               "scale_offset": {"B04": [0.0001, -0.1], "B08": [0.0001, -0.1], "SCL": None}}
    content = json.dumps(data.draw(mutated_json(written))).encode()
    if not data.draw(st.integers(0, 4)):
        content = data.draw(mutated_bytes(content) | st.sampled_from(PATHOLOGICAL))
    (scene / "S2B_31TDJ_20230718_0_L2A_metadata.json").write_bytes(content)
    try:
        bands = sentinel2_reflectance(scene)
    except AnalysisError:
        return
    assert len(bands.scale) == 2 and all(isinstance(v, float) for v in bands.scale)
