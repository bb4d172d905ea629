"""sources.egms_rows and the block pipeline of sources.egms.import_egms: the fast path (numpy on whole blocks)
gives, row for row and byte for byte, what the careful path (csv module, line by line) gives, whatever the line
ends and wherever the blocks are cut; what it cannot read it leaves to the careful path."""

from __future__ import annotations

import io
import sqlite3

import numpy as np
import pytest

from territoire_plugin.core.archives import csv_header, text_stream
from territoire_plugin.core.grid import transformation
from territoire_plugin.sources import egms
from territoire_plugin.sources.egms_rows import RowMaker
from testing.egms import egms_points, write_egms_csv


@pytest.fixture(scope="module")
def csv_text(tmp_path_factory):
    points, dates = egms_points(count_side=12)
    path = write_egms_csv(tmp_path_factory.mktemp("egms") / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.csv", points,
                          dates)
    return path.read_text(encoding="utf-8")


def maker_of(text: str) -> tuple[RowMaker, str]:
    stream = text_stream(io.BytesIO(text.encode("utf-8")))
    header, delimiter = csv_header(stream, "EGMS_test.csv", "EGMS")
    columns, date_index, _ = egms._find_columns(header, "EGMS_test.csv")
    numeric = [n for n in egms.NUMERIC if n in columns]
    maker = RowMaker(header, columns, date_index, numeric, delimiter, None, None, transformation(3035, 2154),
                     "EGMS_test.csv", 2154)
    return maker, stream.read()


def plain(row):
    """A row with its series as bytes (the fast path gives a view of its block's array; SQLite writes both alike)."""
    return tuple(bytes(memoryview(value)) if isinstance(value, (np.ndarray, memoryview)) else value for value in row)


def same(made, expected):
    x, y, rows, count = made
    ex, ey, erows, ecount = expected
    assert count == ecount and [plain(row) for row in rows] == [plain(row) for row in erows]
    np.testing.assert_array_equal(x, ex)
    np.testing.assert_array_equal(y, ey)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_fast_path_equals_careful_path(csv_text, line_end, final_newline):
    text = csv_text.replace("\r\n", "\n").replace("\n", line_end)
    if not final_newline:
        text = text.rstrip("\r\n")
    maker, body = maker_of(text)
    fast = maker._fast(body)
    assert fast is not None, "the published layout takes the fast path"
    assert fast[3] == 144 and len(fast[2]) == 144
    same(fast, maker._careful(list(io.StringIO(body, newline="")), 2))


@pytest.mark.parametrize("damage", ["quotes", "exponent", "empty value", "nan", "long value"])
def test_what_the_fast_path_cannot_read_goes_the_careful_way(csv_text, damage):
    maker, body = maker_of(csv_text.replace("\r\n", "\n"))
    lines = body.split("\n")
    fields = lines[5].split(",")
    if damage == "quotes":
        fields[0] = f'"{fields[0]}"'
    elif damage == "exponent":
        fields[-3] = "1.5e-1"
    elif damage == "empty value":
        fields[-3] = ""
    elif damage == "nan":
        fields[-3] = "nan"
    elif damage == "long value":
        fields[-3] = "-123.4567891"
    lines[5] = ",".join(fields)
    body = "\n".join(lines)
    if damage != "quotes":  # quotes are looked for before (rows)
        assert maker._fast(body) is None
    made = maker.rows(body, 2)
    same(made, maker._careful(list(io.StringIO(body, newline="")), 2))
    series = np.frombuffer(made[2][5][-1], "<f4")
    expected = {"quotes": None, "exponent": 0.15, "empty value": np.nan, "nan": np.nan,
                "long value": -123.4567891}[damage]
    if expected is not None:
        np.testing.assert_allclose(series[-3], np.float32(expected), equal_nan=True)


def test_a_lone_carriage_return_is_a_line_break_that_cuts_the_row(csv_text):
    """As the line-by-line reader always read it: a line cut by a CR is a damaged file, said with its line."""
    from territoire_plugin.core.errors import AnalysisError

    maker, body = maker_of(csv_text.replace("\r\n", "\n"))
    lines = body.split("\n")
    lines[5] = lines[5].replace(",", ",\r", 1)
    with pytest.raises(AnalysisError, match="Line 7 of EGMS_test.csv has 2 values"):
        maker.rows("\n".join(lines), 2)


@pytest.mark.parametrize("block", [997, 20_000, 1 << 21])
def test_blocks_cut_anywhere_give_the_same_file(tmp_path, csv_text, monkeypatch, block):
    """Blocks parsed two at a time on two threads and cut wherever: the same rows, in the file's order, and a
    spatial index SQLite accepts."""
    source = tmp_path / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.csv"
    source.write_text(csv_text, encoding="utf-8")
    monkeypatch.setattr(egms, "BLOCK", block)
    output = tmp_path / f"egms_{block}.gpkg"
    summary = egms.import_egms(source, output)
    assert summary.read == summary.kept == 144
    connection = sqlite3.connect(str(output))
    rows = connection.execute("SELECT fid, pid, velocity, displacement_mm FROM egms_points ORDER BY fid").fetchall()
    assert [r[0] for r in rows] == list(range(1, 145))
    assert [r[1] for r in rows] == [f"3PWxq{n:07d}" for n in range(144)]
    maker, body = maker_of(csv_text)
    careful = maker._careful(list(io.StringIO(body, newline="")), 2)[2]
    assert [(r[2], r[3]) for r in rows] == [(c[-1 - len(egms.NUMERIC) + egms.NUMERIC.index("velocity")], c[-1])
                                            for c in careful]
    assert connection.execute("SELECT rtreecheck('rtree_egms_points_geom')").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM rtree_egms_points_geom").fetchone()[0] == 144


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1"])
def test_bytes_that_are_not_ascii_read_as_the_text_stream_reads_them(tmp_path, csv_text, encoding):
    """UTF-8 files are read as bytes: a block with a byte that is not ASCII is decoded as the text stream decodes
    (UTF-8, a BOM dropped, Latin-1 for a byte that is not UTF-8) and goes the careful way."""
    lines = csv_text.replace("\r\n", "\n").split("\n")
    lines[3] = "Pé" + lines[3][2:]
    source = tmp_path / "EGMS_L2b_037_0288_IW2_VV_2019_2023_1.csv"
    source.write_bytes("\n".join(lines).encode(encoding))
    output = tmp_path / "egms.gpkg"
    summary = egms.import_egms(source, output)
    assert summary.kept == 144
    pids = [r[0] for r in sqlite3.connect(str(output)).execute("SELECT pid FROM egms_points ORDER BY fid")]
    assert pids[2] == "Pé" + lines[3][2:].split(",")[0] and pids[0] == "3PWxq0000000"


def test_blocks_and_line_counts():
    from territoire_plugin.core.csv_blocks import csv_blocks, line_ends

    data = b"".join(f"{n},{'x' * (n % 7)}\n".encode() for n in range(500)) + b"last"
    for size in (3, 64, 1000, 1 << 20):
        blocks = list(csv_blocks(io.BytesIO(data), "f.csv", "EGMS", size))
        assert b"".join(blocks) == data and all(block.endswith(b"\n") for block in blocks[:-1])
        assert sum(line_ends(block) for block in blocks) == data.count(b"\n") == 500
        assert [line_ends(block) for block in blocks] == [block.count(b"\n") for block in blocks]
