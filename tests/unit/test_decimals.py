"""core.decimals: many short decimals parsed at once give what Python's float gives, value by value; anything that
is not a plain decimal of at most eight characters is left to the careful reader (None)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from territoire_plugin.core.decimals import PAD, parse_decimals


def tokens_of(text: str):
    """(buffer, starts, ends) of the comma- and newline-separated tokens of ``text``."""
    buffer = np.frombuffer((" " * PAD + text + "\n").encode("ascii"), np.uint8)
    ends = np.flatnonzero((buffer == 44) | (buffer == 10))
    starts = np.concatenate([[PAD], ends[:-1] + 1])
    return buffer, starts, ends


def parse(values: list[str]):
    return parse_decimals(*tokens_of(",".join(values)))


PLAIN = ["0", "-0", "7", "-1.2", "+7.25", "12345678", "-1234567", "0.0001", "-1234.56", "+.1234567", ".5", "5.",
         "-.5", "99999999", "-9.999999", "000.0010", "3.0", "-0.0"]


def test_plain_decimals_read_as_float_reads_them():
    values = parse(PLAIN)
    assert values is not None
    assert values.tolist() == [float(v) for v in PLAIN]
    assert [str(v) for v in values] == [str(float(v)) for v in PLAIN]  # the sign of -0.0 too


@pytest.mark.parametrize("token", ["", "-", ".", "-.", "+-1", "--1", "1..2", "1-2", "1e5", "nan", "inf", "1 ", " 1",
                                   "a", "1,5x", "123456789", "-123456789", "1.2.3", "0x10", "1_0", "1/2"])
def test_anything_else_is_left_to_the_careful_reader(token):
    assert parse(["1.5", token, "2"]) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(min_value=-9999, max_value=9999, allow_nan=False), st.integers(0, 3))
                .map(lambda pair: f"{pair[0]:.{pair[1]}f}").filter(lambda t: len(t) <= 8), min_size=1, max_size=500))
def test_random_values_equal_float(values):
    parsed = parse(values)
    assert parsed is not None
    np.testing.assert_array_equal(parsed, np.array([float(v) for v in values]))


def test_float32_like_numpy_loadtxt():
    """The series are stored in float32: the float64 value cast, as numpy's own reader gives them."""
    import io

    rng = np.random.default_rng(5)
    lines = [",".join(f"{v:.{rng.integers(0, 4)}f}" for v in rng.normal(0, 40, 300)) for _ in range(300)]
    text = "\n".join(lines)
    buffer, starts, ends = tokens_of(text)
    parsed = parse_decimals(buffer, starts.reshape(300, 300), ends.reshape(300, 300))
    expected = np.loadtxt(io.StringIO(text), delimiter=",", dtype="<f4")
    np.testing.assert_array_equal(parsed.astype("<f4"), expected)
    assert parsed.shape == (300, 300)


def columns_of(rows: list[list[str]]):
    """(buffer, starts, ends) of a table of tokens, one row a line: arrays of the table's shape."""
    buffer, starts, ends = tokens_of("\n".join(",".join(row) for row in rows))
    shape = (len(rows), len(rows[0]))
    return buffer, starts.reshape(shape), ends.reshape(shape)


def only_by_column(monkeypatch):
    """Make the general step fail the test: what follows is read column by column."""
    from territoire_plugin.core import decimals

    def general(*_):
        raise AssertionError("the general step was taken")
    monkeypatch.setattr(decimals, "_step", general)


def test_columns_written_alike_are_read_by_column(monkeypatch):
    """EGMS's own layout: each column with its own digits after the point, eastings and latitudes longer than eight
    characters (read with a second word), integers, signs."""
    rng = np.random.default_rng(7)
    formats = [(".6f", 44), (".6f", 2), (".1f", 3650000), (".1f", 2300000), (".1f", 600), (".2f", 1), (".0f", 300),
               (".1f", 20), (".7f", 0.5), (".3f", 123456789)]
    rows = [[f"{(center + rng.normal(0, 5)) * rng.choice([1, -1]):{form}}" for form, center in formats]
            for _ in range(400)]
    only_by_column(monkeypatch)
    parsed = parse_decimals(*columns_of(rows))
    assert parsed is not None and parsed.shape == (400, len(formats))
    expected = np.array([[float(token) for token in row] for row in rows])
    np.testing.assert_array_equal(parsed, expected)
    assert (np.signbit(parsed) == np.array([[token.startswith("-") for token in row] for row in rows])).all()
    as_float32 = parse_decimals(*columns_of(rows), np.float32)
    np.testing.assert_array_equal(as_float32, expected.astype(np.float32))


@pytest.mark.parametrize("column, expected_general", [
    (["1.5", "22.5", "-3.5"], False),
    (["1.5", "22.25", "-3.5"], True),  # another number of decimals: the general step reads it
    (["1.5", "+2.5"], True),  # a "+" sign
    (["1.5", ".5"], True),  # no digit before the point
    (["15", "2.5"], True),  # a point where the first has none
])
def test_a_column_not_written_alike_goes_the_general_way(monkeypatch, column, expected_general):
    from territoire_plugin.core import decimals

    taken = []
    general = decimals._step
    monkeypatch.setattr(decimals, "_step", lambda *args: taken.append(1) or general(*args))
    parsed = parse_decimals(*columns_of([[token] for token in column]))
    assert parsed is not None
    assert parsed.ravel().tolist() == [float(token) for token in column]
    assert bool(taken) == expected_general


@pytest.mark.parametrize("token", ["1234567890123.5", "-123456789012345", "12345678.1234567", "1.2345678",
                                   "0.12345678", "3650000.0", "-43.845284"])
def test_long_tokens(token):
    """Up to fifteen digits (a whole number below 2**53 divided by a power of ten: exact); a sixteenth character,
    or eight decimals, is the careful reader's."""
    digits = len(token.lstrip("-").replace(".", ""))
    decimals = len(token.partition(".")[2])
    parsed = parse_decimals(*columns_of([[token], [token]]))
    if len(token.lstrip("-")) <= 15 and decimals <= 7:
        assert digits <= 15 and parsed is not None and parsed.ravel().tolist() == [float(token)] * 2
    else:
        assert parsed is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 10 ** 14), st.booleans()), min_size=1, max_size=12),
       st.integers(1, 40), st.randoms(use_true_random=False))
def test_random_columns_equal_float(columns, count, random):
    rows = []
    for _ in range(count):
        row = []
        for decimals, largest, negative in columns:
            value = random.randint(0, largest) / 10 ** decimals * (-1 if negative and random.random() < 0.5 else 1)
            row.append(f"{value:.{decimals}f}")
        rows.append(row)
    parsed = parse_decimals(*columns_of(rows))
    if all(len(token.lstrip("-")) <= 15 for row in rows for token in row):
        assert parsed is not None
        np.testing.assert_array_equal(parsed, np.array([[float(token) for token in row] for row in rows]))
    elif parsed is not None:  # a token too long: the careful reader's, unless the general step reads it
        np.testing.assert_array_equal(parsed, np.array([[float(token) for token in row] for row in rows]))
