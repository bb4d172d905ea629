"""A CSV read in large blocks of whole lines, for files of millions of lines (EGMS): one C read a block instead of a
Python call a line, and UTF-8 text left as bytes for readers that work on bytes."""

from __future__ import annotations

import io

import numpy as np

from .archives import LATIN1_FALLBACK, MAX_LINE, _too_long, _undecodable, csv_header


def csv_blocks(stream, name: str, what: str, size: int = 1 << 22):
    """The text of a CSV stream (text, or bytes: see :func:`csv_header_and_blocks`) in blocks of about ``size``
    characters, each ending at the end of a line (the last one may not): whole lines in one C read instead of a
    Python call per line. Memory stays under ``size`` + MAX_LINE: a line left unfinished at the end of a block may
    not grow beyond MAX_LINE (the caller checks the lines inside a block with :func:`check_line_lengths`)."""
    rest = None
    while True:
        try:
            text = stream.read(size)
        except UnicodeError as error:
            raise _undecodable(name, what, error) from error
        if rest is None:
            rest = text[:0]
        if not text:
            if rest:
                if len(rest) > MAX_LINE:
                    raise _too_long(name, what)
                yield rest
            return
        end = text.rfind(b"\n" if isinstance(text, bytes) else "\n") + 1
        if end == 0:
            rest += text
            if len(rest) > MAX_LINE:
                raise _too_long(name, what)
            continue
        # One copy of the block (bytes join a view of the part they need), not two.
        block, rest = rest + (memoryview(text)[:end] if isinstance(text, bytes) else text[:end]), text[end:]
        if len(rest) > MAX_LINE:
            raise _too_long(name, what)
        yield block


def csv_header_and_blocks(stream, name: str, what: str, size: int = 1 << 22) -> tuple[list, str, object]:
    """(header, separator, blocks) of a CSV text stream of :func:`text_stream` not read yet, the blocks as
    :func:`csv_blocks` cuts them. UTF-8 text comes as blocks of its bytes, not decoded: a reader of plain ASCII
    numbers works on them as they are (decoding and counting lines cost more than parsing them), and
    :func:`decode_block` gives the text of any other block, as the text stream would have. UTF-16 comes as text."""
    if getattr(stream, "encoding", None) != "utf-8-sig":
        header, delimiter = csv_header(stream, name, what)
        return header, delimiter, csv_blocks(stream, name, what, size)
    raw = stream.buffer
    line = raw.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE:
        raise _too_long(name, what)
    header, delimiter = csv_header(io.StringIO(line.decode("utf-8-sig", errors=LATIN1_FALLBACK), newline=""),
                                   name, what)
    return header, delimiter, csv_blocks(raw, name, what, size)


def decode_block(block) -> str:
    """The text of a block of :func:`csv_header_and_blocks` (bytes of UTF-8 with Latin-1 for any byte that is not
    UTF-8, as :func:`text_stream` reads them; a block cut at a line end cuts no character)."""
    return block if isinstance(block, str) else block.decode("utf-8", errors=LATIN1_FALLBACK)


def line_ends(block) -> int:
    """How many line ends (LF) a block holds: numpy counts a block of bytes ten times as fast as ``bytes.count``."""
    if isinstance(block, str):
        return block.count("\n")
    return int(np.count_nonzero(np.frombuffer(block, np.uint8) == 10))
