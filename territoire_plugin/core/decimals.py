"""Many short decimal numbers of a text parsed at once, with numpy, eight characters at a time.

For the series of an EGMS CSV (hundreds of millions of values like ``-1.2`` or ``13.45``): numpy's own text readers
parse one character at a time and hold Python's lock while they do; this reads each value's last eight bytes as one
64-bit word and turns all the words of a block into numbers with a few whole-array operations ("SWAR": SIMD within a
register; the 8-digit conversion is the well-known multiply-and-shift one). Whole-array operations let Python's
lock go, so two threads parse two blocks at the same time.

Only plain decimals are read: an optional sign, digits, at most one point, eight characters at most (``-1234.56``,
``.5``, ``7.``). Anything else — an empty value, an exponent, ``nan``, a space, a ninth character — makes
:func:`parse_decimals` answer None, and the caller reads that text the careful way. The value of each token is its
digits as an exact integer divided by a power of ten, in float64: the correctly rounded double, as ``float()`` and
``strtod`` give.
"""

from __future__ import annotations

import numpy as np

_U = np.uint64
_ZEROS = _U(0x3030303030303030)  # '0' in every byte
_ONES = _U(0x0101010101010101)
_HIGH = _U(0x8080808080808080)
_POINTS = _U(0x2E2E2E2E2E2E2E2E)  # '.' in every byte
_NOT_DIGIT = _U(0x4646464646464646)  # added to a byte: its high bit is set from ':' (0x3A) up
_LOW_NIBBLES = _U(0x0F0F0F0F0F0F0F0F)
#: Multiplied by 2**(8·i), its top byte is 7 − i: the digits after a point in byte i.
_BYTES_AFTER = _U(0x0706050403020100)
_POWERS = 10.0 ** np.arange(9)
#: Masks keeping a token's bytes (the top ``length`` bytes of its word), by length; and '0' in the other bytes.
_MASKS = np.array([0] + [~((1 << (8 * (8 - n))) - 1) & 0xFFFFFFFFFFFFFFFF for n in range(1, 9)], np.uint64)
_FILLS = _ZEROS & ~_MASKS
#: Values per step: the temporaries of a step stay in the processor's cache.
STEP = 1 << 15
#: Bytes to put before the text (anything but a digit): the first token's word reads the eight bytes before its end.
PAD = 8


def parse_decimals(buffer: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray | None:
    """float64 values of the tokens ``buffer[starts:ends]`` (``buffer`` a uint8 array; ``starts`` and ``ends``
    arrays of one shape, which the result has; every end ≥ 8), or None if one of them is not a plain decimal of at
    most eight characters."""
    if buffer.dtype != np.uint8 or buffer.size < 8:
        return None
    words = np.ndarray(shape=(buffer.size - 7,), dtype="<u8", buffer=buffer, strides=(1,))  # 8 bytes at each byte
    out = np.empty(ends.shape)
    rows = max(1, STEP // max(1, int(np.prod(ends.shape[1:], dtype=np.int64))))
    for first in range(0, len(ends), rows):
        part = slice(first, first + rows)
        if not _step(buffer, words, starts[part], ends[part], out[part]):
            return None
    return out


def _step(buffer, words, starts, ends, out) -> bool:
    if not ends.size:
        return True
    first = buffer[starts]
    minus = first == 0x2D
    signed = minus | (first == 0x2B)
    length = ends - starts - signed  # the sign is left out of the token: it reads as a leading zero
    if ((length < 1) | (length > 8)).any():
        return False  # empty, or more than eight characters
    word = words[ends - 8]  # byte 7 is the token's last character
    word &= _MASKS[length]
    word |= _FILLS[length]  # what lies before the token reads as leading zeros
    # The point: the lowest zero byte of word XOR '........' (exact for the lowest one; a second point stays a
    # non-digit below).
    points = word ^ _POINTS
    marks = (points - _ONES) & ~points & _HIGH
    point = (marks & (_U(0) - marks)) >> _U(7)  # bit 8·i for a point in byte i, else 0
    word ^= point * _U(0x1E)  # '.' → '0'
    if (((word + _NOT_DIGIT) | (word - _ZEROS)) & _HIGH).any():
        return False  # a byte that is no digit: not a plain decimal
    has_point = point != _U(0)
    if (length <= has_point).any():
        return False  # no digit: "-", ".", "-."
    # The point taken out: the bytes before it move one place up (byte 0 becomes a zero digit).
    word = (word & ~((point << _U(8)) - has_point)) | ((word & (point - has_point)) << _U(8))
    decimals = (point * _BYTES_AFTER) >> _U(56)
    # Eight digits to a number, the first character being the lowest byte (multiply-and-shift, pair by pair).
    word &= _LOW_NIBBLES
    word = ((word * _U(2561)) >> _U(8)) & _U(0x00FF00FF00FF00FF)
    word = ((word * _U(6553601)) >> _U(16)) & _U(0x0000FFFF0000FFFF)
    word = (word * _U(42949672960001)) >> _U(32)
    np.divide(word, _POWERS[decimals], out=out)
    np.negative(out, out=out, where=minus)
    return True
