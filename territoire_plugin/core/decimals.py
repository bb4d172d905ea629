"""Many short decimal numbers of a text parsed at once, with numpy, eight characters at a time.

For the series of an EGMS CSV (hundreds of millions of values like ``-1.2`` or ``13.45``): numpy's own text readers
parse one character at a time and hold Python's lock while they do; this reads each value's last eight bytes as one
64-bit word and turns all the words of a block into numbers with a few whole-array operations ("SWAR": SIMD within a
register; the 8-digit conversion is the well-known multiply-and-shift one). Whole-array operations let Python's
lock go, so two threads parse two blocks at the same time.

Two ways, the first tried first on each step of values:

- **by column** (the way programs write numbers): in each column (the last axis of the tokens' array), every token
  has as many digits after its point as the column's first one, and no "+" sign. The point's place is then known,
  and a step costs about half the operations of the general way. Tokens of up to 15 characters (``3661840.5``,
  ``43.845284``) are read with a second word for the characters before the last eight.
- **general**: an optional sign, digits, at most one point anywhere, eight characters at most (``-1234.56``,
  ``.5``, ``7.``, ``+3``).

Anything else — an empty value, an exponent, ``nan``, a space, a longer token that the first way cannot read — makes
:func:`parse_decimals` answer None, and the caller reads that text the careful way. The value of each token is its
digits as an exact integer (below 2**53) divided by a power of ten, in float64: the correctly rounded double, as
``float()`` and ``strtod`` give.
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
#: Bytes to put before the text (anything but a digit): the first token's words read the 16 bytes before its end.
PAD = 16
_SIGN_BITS = {np.dtype(np.float64): (np.uint64, 63), np.dtype(np.float32): (np.uint32, 31)}


def parse_decimals(buffer: np.ndarray, starts: np.ndarray, ends: np.ndarray, dtype=np.float64) -> np.ndarray | None:
    """Values (of ``dtype``: float64, or float32 cast from it) of the tokens ``buffer[starts:ends]`` (``buffer`` a
    uint8 array; ``starts`` and ``ends`` arrays of one shape, which the result has; every end ≥ :data:`PAD`), or
    None if one of them is not a decimal this module reads (see its docstring)."""
    dtype = np.dtype(dtype)
    if buffer.dtype != np.uint8 or buffer.size < PAD or dtype not in _SIGN_BITS:
        return None
    words = np.ndarray(shape=(buffer.size - 7,), dtype="<u8", buffer=buffer, strides=(1,))  # 8 bytes at each byte
    out = np.empty(ends.shape, dtype)
    rows = max(1, STEP // max(1, int(np.prod(ends.shape[1:], dtype=np.int64))))
    for first in range(0, len(ends), rows):
        part = slice(first, first + rows)
        if not (_column_step(buffer, words, starts[part], ends[part], out[part])
                or _step(buffer, words, starts[part], ends[part], out[part])):
            return None
    return out


def _digits(word, length, shift, below, above) -> np.ndarray | None:
    """The digits of the words' tokens (their last ``length`` bytes, at most 8, the others read as zeros; the point,
    if any, in the byte at ``shift``, taken out) as integers, or None if a byte is not a digit."""
    word ^= _ZEROS  # a digit's byte becomes its value
    word &= _MASKS[length]
    word = ((word & below) << _U(8)) | (word & above)  # the bytes before the point one place up: byte 0 a zero
    # A byte above 9 is no digit (+ 0x76 sets its high bit; one already set is seen before the carry it makes).
    if ((word | (word + _U(0x7676767676767676))) & _HIGH).any():
        return None
    return _eight_digits(word)


def _eight_digits(word):
    """Eight digit values (one a byte, 0–9) to the number they write, the first being the lowest byte
    (multiply-and-shift, pair by pair)."""
    word = ((word * _U(2561)) >> _U(8)) & _U(0x00FF00FF00FF00FF)
    word = ((word * _U(6553601)) >> _U(16)) & _U(0x0000FFFF0000FFFF)
    return (word * _U(42949672960001)) >> _U(32)


def _column_step(buffer, words, starts, ends, out) -> bool:
    """The tokens read by column (see the module's docstring): False if they are not all written that way (the
    caller then takes the general step)."""
    if not ends.size:
        return True
    minus = buffer[starts] == 0x2D
    length = ends - starts
    length -= minus  # the sign is left out of the token: it reads as a leading zero
    # The digits after the point of each column's first token: where its point is among its last eight characters.
    last = ends[0][..., None] - np.arange(1, 9)
    point = (buffer[last] == 0x2E) & (last >= starts[0][..., None])
    decimals = np.where(point.any(axis=-1), point.argmax(axis=-1), 0)
    if decimals.size and (decimals == decimals.flat[0]).all():
        decimals = decimals.flat[0]  # one number for all: operations with a scalar cost less than with a row
    longest = int(length.max())
    if longest > 15 or (length < np.where(decimals > 0, decimals + 2, 1)).any():
        return False  # too long for a whole number below 2**53, or a token without a digit before its point
    if (decimals > (7 if longest > 8 else 6)).any():
        return False
    shift = np.asarray(8 * (7 - decimals)).astype(np.uint64)  # the point's byte (none where there are no decimals)
    marked = decimals > 0
    below = np.where(marked, (_U(1) << shift) - _U(1), _U(0))
    place = np.where(marked, _U(0xFF) << shift, _U(0))
    low = words[ends - 8]  # byte 7 is the token's last character
    if ((low ^ np.where(marked, _U(0x2E) << shift, _U(0))) & place).any():
        return False  # a point elsewhere, or none
    low = _digits(low, np.minimum(length, 8), shift, below, ~(below | place))
    if low is None:
        return False  # a byte that is no digit: the general step says whether the token is a plain decimal
    if longest > 8:  # the characters before the last eight: up to seven more digits, before the point
        high = _digits(words[ends - 16], np.maximum(length - 8, 0), _U(0), _U(0), ~_U(0))
        if high is None:
            return False
        low += high * np.where(marked, _U(10 ** 7), _U(10 ** 8))
    np.divide(low, _POWERS[decimals], out=out)
    _negate(out, minus)
    return True


def _negate(out, minus) -> None:
    """``out`` negated where ``minus``, by its sign bit (-0 gives -0.0): a masked negation costs five times as
    much."""
    unsigned, bit = _SIGN_BITS[out.dtype]
    signs = minus.astype(unsigned)
    signs <<= unsigned(bit)
    view = out.view(unsigned)
    view ^= signs


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
    word &= _LOW_NIBBLES  # each digit's value
    word = _eight_digits(word)
    np.divide(word, _POWERS[decimals], out=out)
    _negate(out, minus)
    return True
