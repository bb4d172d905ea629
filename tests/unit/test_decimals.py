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
