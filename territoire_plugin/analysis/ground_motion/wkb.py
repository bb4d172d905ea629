"""Linear geometries read from WKB without QGIS: points, lines and polygons as vertex arrays (Z/M ignored)."""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np


@dataclass
class Shape:
    """An asset: its kind ("polygon", "line", "point"), rings or parts as (n, 2) arrays, its buffer (m)."""

    kind: str
    parts: list
    buffer: float


_UINT = {1: struct.Struct("<I"), 0: struct.Struct(">I")}


_DOUBLE = {1: np.dtype("<f8"), 0: np.dtype(">f8")}


_EXTRA_DIMS = {0: 0, 1: 1, 2: 1, 3: 2}  # ISO WKB: thousands give Z, M, ZM


def _read_wkb(wkb: bytes, offset: int, parts: list) -> int:
    """Append (kind, (n, 2) coordinates) of the geometry at ``offset`` to ``parts``; the offset after it."""
    order = wkb[offset]
    uint = _UINT[order]
    (code,) = uint.unpack_from(wkb, offset + 1)
    dims = 2 + bool(code & 0x80000000) + bool(code & 0x40000000)  # EWKB flags
    code &= 0x0FFFFFFF
    dims += _EXTRA_DIMS.get(code // 1000, 0)
    base = code % 1000
    offset += 5
    if base == 1:
        values = np.frombuffer(wkb, _DOUBLE[order], dims, offset)[:2]
        if not np.isnan(values).any():  # POINT EMPTY is NaN, NaN
            parts.append(("point", values.reshape(1, 2)))
        return offset + dims * 8
    if base in (2, 3, 17):  # a line: one run of coordinates; a polygon or triangle: its rings
        kind = "line" if base == 2 else "polygon"
        if base == 2:
            rings = 1
        else:
            (rings,) = uint.unpack_from(wkb, offset)
            offset += 4
        for _ in range(rings):
            (count,) = uint.unpack_from(wkb, offset)
            if count:
                parts.append((kind, np.frombuffer(wkb, _DOUBLE[order], count * dims, offset + 4)
                              .reshape(count, dims)[:, :2]))
            offset += 4 + count * dims * 8
        return offset
    if base in (4, 5, 6, 7, 15, 16):  # multi geometries, collections, polyhedral surfaces, TINs
        (count,) = uint.unpack_from(wkb, offset)
        offset += 4
        for _ in range(count):
            offset = _read_wkb(wkb, offset, parts)
        return offset
    raise ValueError(f"WKB geometry type {code} is not linear: segmentize it first")


def shape_from_wkb(wkb: bytes, buffers: dict) -> Shape | None:
    """The :class:`Shape` of a linear geometry in WKB (ISO or EWKB flags, Z/M ignored; points, lines, polygons,
    their multi forms, collections of them), ``buffers`` by kind; None for an empty geometry. Curves must be
    segmentized first (ValueError otherwise)."""
    parts = []
    _read_wkb(wkb, 0, parts)
    if not parts:
        return None
    kinds = {kind for kind, _ in parts}
    if len(kinds) == 1:
        kind = parts[0][0]
    else:  # a collection mixing kinds counts only its highest-dimension members (polygons, else lines)
        kind = "polygon" if "polygon" in kinds else "line"
    arrays = [values for each, values in parts if each == kind]
    return Shape(kind, [np.vstack(arrays)] if kind == "point" else arrays, buffers[kind])
