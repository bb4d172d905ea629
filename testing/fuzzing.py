"""Hypothesis strategies that damage real-shaped inputs: bytes, CSV tables, JSON answers (tests/fuzz, make fuzz).

A fuzzer that only draws random bytes never gets past a parser's first check; these start from a valid input
(a real MTL, a 7z made by 7-Zip, an EGMS CSV in the product's columns, a STAC item as Planetary Computer sends
it) and change a few things in it, so most cases reach the code that reads the values.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import zlib

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Cases per target: ≈ 1,000 in `make test` (and CI), ≥ 10,000 in `make fuzz`.
EXAMPLES = int(os.environ.get("TERRITOIRE_FUZZ_EXAMPLES", "1000"))

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                print_blob=True)

#: Values that break number and date parsers, CSV quoting, encodings and cell ids.
AWKWARD_TEXT = ["", " ", "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e308", "1e-400", "0", "-0", "abc",
                "1,5", "1.5.5", "+", "-", ".", '"', "'", '""', "\x00", "\ufeff", "é", "\r", "\n", "\r\n", ";", ",",
                "\t", "9" * 400, "x" * 5000, "CRS3035RES200mN0E0", "CRS3035RES0mN0E0", "CRS3035RES200mN9E9" + "9" * 30,
                "20191399", "2019-01-03", "00000000", "99999999", "-1", "2147483648", "18446744073709551616",
                "../..", "/etc/passwd", "C:\\x", "%s", "{0}", "{}", "<html>", "null", "true", "[]", "{}"]

awkward_text = st.one_of(st.sampled_from(AWKWARD_TEXT), st.text(max_size=24),
                         st.from_regex(r"-?\d{1,12}(\.\d{0,8})?([eE][-+]?\d{1,3})?", fullmatch=True))

class Seeds(dict):
    """Seed inputs keyed by name; a short repr, so a failing case's report shows the damage, not the seeds."""

    def __repr__(self) -> str:
        return f"<{len(self)} seeds: {', '.join(map(str, self))}>"


INTERESTING_BYTES = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x0A, 0x0D, 0x22, 0x2C, 0x3B, 0x3D, 0x7B, 0x3C]


@st.composite
def mutated_bytes(draw, seed: bytes, max_ops: int = 4) -> bytes:
    """``seed`` with 1 to ``max_ops`` byte flips, substitutions, insertions, deletions, cuts or repeats."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(("flip", "set", "insert", "delete", "truncate", "repeat")))
        size = len(data)
        at = draw(st.integers(0, max(size - 1, 0)))
        if op == "flip" and size:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and size:
            data[at] = draw(st.sampled_from(INTERESTING_BYTES) | st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            chunk = data[at:at + draw(st.integers(1, 64))]
            data[at:at] = chunk * draw(st.integers(1, 4))
    return bytes(data)


def seven_zip_fix_crcs(data: bytes) -> bytes:
    """``data`` with the start header's CRCs recomputed, so a damaged 7z header gets past its checksums and the
    parser reads what it says."""
    if len(data) < 32 or data[:6] != b"7z\xbc\xaf\x27\x1c":
        return data
    buffer = bytearray(data)
    offset, size = int.from_bytes(buffer[12:20], "little"), int.from_bytes(buffer[20:28], "little")
    header = bytes(buffer[32 + offset:32 + offset + size]) if offset < len(buffer) else b""
    buffer[28:32] = zlib.crc32(header).to_bytes(4, "little")
    buffer[8:12] = zlib.crc32(bytes(buffer[12:32])).to_bytes(4, "little")
    return bytes(buffer)


@st.composite
def mutated_seven_zip(draw, seed: bytes) -> bytes:
    """A 7z damaged anywhere, or in its header only with the checksums made right again."""
    if draw(st.booleans()):
        return draw(mutated_bytes(seed))
    offset = int.from_bytes(seed[12:20], "little")
    start = 32 + offset
    buffer = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(start if draw(st.booleans()) else 12, len(buffer) - 1))
        buffer[at] = draw(st.sampled_from(INTERESTING_BYTES) | st.integers(0, 255))
    return seven_zip_fix_crcs(bytes(buffer))


@st.composite
def mutated_table(draw, header: list, rows: list, max_ops: int = 4) -> list:
    """``[header] + rows`` (lists of strings) with fields replaced, added or dropped, rows dropped or repeated,
    header names changed."""
    table = [list(header)] + [list(row) for row in rows]
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(("field", "field", "field", "drop_field", "add_field", "drop_row", "repeat_row",
                                   "header", "empty_row")))
        line = draw(st.integers(0, len(table) - 1))
        row = table[line]
        if op == "field" and row:
            row[draw(st.integers(0, len(row) - 1))] = draw(awkward_text)
        elif op == "drop_field" and row:
            del row[draw(st.integers(0, len(row) - 1))]
        elif op == "add_field":
            row.insert(draw(st.integers(0, len(row))), draw(awkward_text))
        elif op == "drop_row" and len(table) > 1:
            del table[line]
        elif op == "repeat_row":
            table.insert(line, list(row))
        elif op == "header" and table[0]:
            table[0][draw(st.integers(0, len(table[0]) - 1))] = draw(
                st.sampled_from(["", "mean_velocity", "easting", "northing", "pid", "ind", "idcar_200m",
                                 "20190103", "20191399", "velocity", "EASTING", " easting "]) | awkward_text)
        elif op == "empty_row":
            table.insert(line, [])
    return table


@st.composite
def csv_bytes(draw, table: list) -> bytes:
    """``table`` written as a CSV file of a kind seen in the wild: ``,`` or ``;``, UTF-8 (with or without a
    BOM), Latin-1 or UTF-16 (French Excel), CRLF or LF."""
    delimiter = draw(st.sampled_from([",", ",", ";", "\t"]))
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n"]))).writerows(table)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.getvalue().encode(encoding, "replace")


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70),
                      st.floats(allow_nan=True, allow_infinity=True), awkward_text)
json_any = st.recursive(json_leaf, lambda children: st.lists(children, max_size=4)
                        | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=12)


def _mutate_json(draw, node):
    """``node`` with one change somewhere inside it (the place drawn by descending into containers)."""
    children = (list(node) if isinstance(node, dict) else range(len(node))) if isinstance(node, (dict, list)) else []
    if children and draw(st.integers(0, 3)):
        key = draw(st.sampled_from(sorted(children, key=str)))
        node[key] = _mutate_json(draw, node[key])
        return node
    choices = ["replace", "replace"]
    if isinstance(node, dict):
        choices += ["drop", "add"] if node else ["add"]
    if isinstance(node, list):
        choices += ["drop", "repeat", "empty"] if node else ["add"]
    op = draw(st.sampled_from(choices))
    if op == "replace":
        return draw(json_any)
    if isinstance(node, dict):
        if op == "drop":
            del node[draw(st.sampled_from(sorted(node)))]
        else:
            node[draw(st.text(max_size=10) | st.sampled_from(sorted(node) or ["x"]))] = draw(json_any)
        return node
    if op == "drop":
        del node[draw(st.integers(0, len(node) - 1))]
    elif op == "repeat":
        node.append(copy.deepcopy(node[draw(st.integers(0, len(node) - 1))]))
    elif op == "empty":
        node.clear()
    else:
        node.append(draw(json_any))
    return node


@st.composite
def mutated_json(draw, value, max_ops: int = 3):
    """A deep copy of ``value`` with 1 to ``max_ops`` values replaced by any JSON, keys dropped or added."""
    value = copy.deepcopy(value)
    for _ in range(draw(st.integers(1, max_ops))):
        value = _mutate_json(draw, value)
    return value


@st.composite
def answer_bytes(draw, value) -> bytes:
    """The body a service might send instead of ``value``: ``value`` damaged as JSON (mostly), then serialised,
    sometimes damaged as bytes too (cut short, bad UTF-8, NaN tokens)."""
    body = json.dumps(draw(mutated_json(value)) if draw(st.integers(0, 9)) else value).encode()
    if not draw(st.integers(0, 4)):
        body = draw(mutated_bytes(body))
    return body
