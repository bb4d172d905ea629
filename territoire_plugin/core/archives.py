"""Files as partner portals publish them, read safely and in bounded memory: a CSV, a zip, a 7z, a 7z in a zip.

INSEE's Filosofi downloads are zips holding a ``.7z`` holding the CSV or GeoPackage; EGMS serves zips of CSV;
Cerema zips of shapefiles. Entries are streamed, never read whole: a 7z stored in a zip is read in place (its
bytes are a window of the zip), a compressed one is first copied to a temporary file. An entry whose path would
leave the folder it is extracted to (``../``, absolute, drive letter) is refused. Text is UTF-8, or Latin-1
where a byte is not UTF-8 (2017 Filosofi files are Latin-1).
"""

from __future__ import annotations

import codecs
import csv
import io
import lzma
import re
import shutil
import struct
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import QT_TRANSLATE_NOOP, AnalysisError
from .sevenzip import SIGNATURE, SevenZip

#: Error handler of the text streams: bytes that are not UTF-8 are read as Latin-1.
LATIN1_FALLBACK = "territoire-latin1"
codecs.register_error(LATIN1_FALLBACK,
                      lambda error: (error.object[error.start:error.end].decode("latin-1"), error.end))


#: What the standard library raises on a damaged or unusual archive: a bad central directory or CRC, an inflate
#: error, an encrypted member or an unknown compression method, a stream cut short.
ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError,
                  ValueError, struct.error, OSError)


def damaged(name: str, what: str, error) -> AnalysisError:
    """The message for an archive the standard library cannot read (``error`` kept as a detail)."""
    return AnalysisError("archive_damaged", QT_TRANSLATE_NOOP(
        "AnalysisError", "{name} is damaged, encrypted or packed in a way that cannot be read. Download the {what} "
        "file again, as the portal delivers it."), name=name, what=what, detail=str(error)[:200])


class _Guarded(io.RawIOBase):
    """A binary stream whose read errors (a damaged member) become the project's message."""

    def __init__(self, opener, name: str, what: str):
        self.label, self.what, self.inner = name, what, None
        try:
            self.inner = opener()
        except ARCHIVE_ERRORS as error:  # (the project's own errors are none of these: they pass as they are)
            raise damaged(name, what, error) from error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self.inner.read(len(buffer))
        except ARCHIVE_ERRORS as error:
            raise damaged(self.label, self.what, error) from error
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            if self.inner is not None:  # None: the member could not even be opened
                self.inner.close()
        except ARCHIVE_ERRORS:
            pass
        super().close()


def guarded(opener, name: str, what: str) -> io.BufferedReader:
    """``opener()``'s stream, its open and read errors made the project's message."""
    return io.BufferedReader(_Guarded(opener, name, what), buffer_size=1 << 16)


def unsafe_entry(name: str) -> bool:
    """True for an archive entry whose path would leave the folder it is extracted to."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or ".." in parts or bool(re.match(r"^[A-Za-z]:", name))


def refuse_unsafe_entries(path: Path, names, what: str) -> None:
    """Raise if any entry of ``names`` would leave the folder it is extracted to."""
    for name in names:
        if unsafe_entry(name):
            raise AnalysisError("zip_unsafe", QT_TRANSLATE_NOOP(
                "AnalysisError", "The zip {name} holds an entry with an unsafe path ({entry}): it is refused. "
                "Download the file again from the {what} portal."), name=path.name, entry=name, what=what)


def text_stream(raw) -> io.TextIOWrapper:
    """Text of a binary stream: UTF-16 when it starts with its byte-order mark (French Excel's « Texte Unicode »),
    else UTF-8 (a BOM dropped) with Latin-1 for any byte that is not UTF-8."""
    if not hasattr(raw, "peek"):
        raw = io.BufferedReader(raw)
    start = raw.peek(2)[:2]
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return io.TextIOWrapper(raw, encoding="utf-16", newline="")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors=LATIN1_FALLBACK, newline="")


def delimiter_of(line: str) -> str:
    """The separator of a CSV header line: comma, semicolon (French Excel) or tab, whichever it holds most."""
    return max((",", ";", "\t"), key=line.count)


#: Longest line read from a CSV (an EGMS row of 300 dates is ~3 kB): a longer one is a damaged or hostile file, and
#: reading it whole could exhaust memory (a 1 MB zip can inflate to a single line of 1 GB).
MAX_LINE = 1 << 20


def _too_long(name: str, what: str) -> AnalysisError:
    return AnalysisError("csv_line_too_long", QT_TRANSLATE_NOOP(
        "AnalysisError", "{name} has a line of more than {limit} characters: it is not a {what} file, or it is "
        "damaged. Download it again."), name=name, limit=MAX_LINE, what=what)


def _undecodable(name: str, what: str, error) -> AnalysisError:
    return AnalysisError("csv_undecodable", QT_TRANSLATE_NOOP(
        "AnalysisError", "{name} is not readable text (it starts as UTF-16 but is cut or damaged). Download the "
        "{what} file again, or save it again as « CSV UTF-8 »."), name=name, what=what, detail=str(error)[:120])


def _readline(stream, name: str, what: str) -> str:
    try:
        line = stream.readline(MAX_LINE + 1)
    except UnicodeError as error:
        raise _undecodable(name, what, error) from error
    if len(line) > MAX_LINE:
        raise _too_long(name, what)
    return line


def _csv_error(error: csv.Error, line: int, name: str, what: str) -> AnalysisError:
    if "field larger than field limit" in str(error):
        return AnalysisError("csv_field_too_long", QT_TRANSLATE_NOOP(
            "AnalysisError", "Line {line} of {name} holds a value of more than {limit} characters: it is not "
            "a {what} file, or it is damaged. Download the {what} file again."), line=line, name=name,
            limit=csv.field_size_limit(), what=what, detail=str(error))
    return AnalysisError("csv_unreadable", QT_TRANSLATE_NOOP(
        "AnalysisError", "Line {line} of {name} cannot be read as CSV (a quote left open, or a character out "
        "of place). Download the {what} file again."), line=line, name=name, what=what,
        detail=str(error)[:100])


def csv_header(stream, name: str, what: str) -> tuple[list, str]:
    """(header, separator) of a CSV text stream; an empty header for an empty file."""
    line = _readline(stream, name, what)
    if not line.strip():
        return [], ","
    delimiter = delimiter_of(line)
    try:
        return next(csv.reader([line], delimiter=delimiter)), delimiter
    except csv.Error as error:
        raise _csv_error(error, 1, name, what) from error


def csv_lines(stream, name: str, what: str):
    """The lines of a CSV text stream, each at most MAX_LINE characters (a longer one is refused unread)."""
    while True:
        line = _readline(stream, name, what)
        if not line:
            return
        yield line


def check_line_lengths(lengths, name: str, what: str) -> None:
    """Refuse, as :func:`csv_lines` does, lines longer than MAX_LINE (``lengths``: the lines' lengths)."""
    if len(lengths) and max(lengths) > MAX_LINE:
        raise _too_long(name, what)


def csv_rows(stream, delimiter: str, name: str, what: str, lines=None, first_line: int = 2):
    """The rows of a CSV text stream (or of ``lines`` of it, the first being line ``first_line``), each line at most
    MAX_LINE characters; the csv module's own errors become the project's (a clear message, never a traceback)."""
    reader = csv.reader(csv_lines(stream, name, what) if lines is None else lines, delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_error(error, reader.line_num + first_line - 1, name, what) from error
        yield row


def decimal_points(rows, delimiter: str):
    """Rows of a file whose separator is not the comma, with decimal commas made points (« 1,5 » → "1.5")."""
    if delimiter == ",":
        return rows
    return ([field.replace(",", ".") for field in row] for row in rows)


class _Window(io.RawIOBase):
    """A read-only, seekable view of ``size`` bytes of ``handle`` from ``start`` (a member stored in a zip)."""

    def __init__(self, handle, start: int, size: int):
        self.handle, self.start, self.size, self.position = handle, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.position, 2: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        count = max(0, min(len(buffer), self.size - self.position))
        self.handle.seek(self.start + self.position)
        data = self.handle.read(count)
        buffer[:len(data)] = data
        self.position += len(data)
        return len(data)


def _stored_window(path: Path, info: zipfile.ZipInfo):
    """A seekable window on a member stored (not compressed) in the zip at ``path``, or None."""
    if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1 or info.header_offset < 0:
        return None
    handle = open(path, "rb")
    handle.seek(info.header_offset)
    local = handle.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        handle.close()
        return None
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    return io.BufferedReader(_Window(handle, info.header_offset + 30 + name_length + extra_length,
                                     info.file_size)), handle


def _unreadable(path: Path, what: str) -> AnalysisError:
    return AnalysisError("file_not_csv_zip", QT_TRANSLATE_NOOP(
        "AnalysisError", "{name} is neither a CSV, a zip nor a 7z file. Give the {what} file as downloaded."),
        name=path.name, what=what)


def _seven_zip_members(raw, label: str, path: Path, what: str):
    archive = SevenZip(raw, label)
    entries = [entry for entry in archive.entries if not entry.is_dir]
    refuse_unsafe_entries(path, [entry.name for entry in entries], what)
    for entry in entries:
        yield f"{label}/{entry.name}", (lambda entry=entry: archive.open(entry))


def members(path: Path, what: str):
    """(name, open) of each file in ``path``: the file itself, or the members of a zip, of a 7z, of a 7z in a zip.

    ``open()`` gives a binary stream. Used as a generator, so temporary copies live while it runs.
    """
    path = Path(path)
    with open(path, "rb") as handle:
        is_7z = handle.read(6) == SIGNATURE
    if is_7z:
        with open(path, "rb") as raw:
            yield from _seven_zip_members(raw, path.name, path, what)
        return
    if not zipfile.is_zipfile(path):
        yield path.name, (lambda: open(path, "rb"))
        return
    try:
        archive = zipfile.ZipFile(path)
        entries = [info for info in archive.infolist() if not info.is_dir()]
    except ARCHIVE_ERRORS as error:
        raise damaged(path.name, what, error) from error
    with archive:
        refuse_unsafe_entries(path, [info.filename for info in entries], what)
        for info in entries:
            if not info.filename.lower().endswith(".7z"):
                yield info.filename, (lambda info=info: guarded(lambda: archive.open(info),
                                                                f"{path.name}/{info.filename}", what))
                continue
            stored = _stored_window(path, info)
            if stored is not None:
                window, handle = stored
                with handle:
                    yield from _seven_zip_members(window, f"{path.name}/{info.filename}", path, what)
                continue
            with tempfile.TemporaryDirectory(prefix="territoire-7z-") as folder:
                copy = Path(folder) / "archive.7z"
                with guarded(lambda info=info: archive.open(info), f"{path.name}/{info.filename}", what) as source, \
                        open(copy, "wb") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
                with open(copy, "rb") as raw:
                    yield from _seven_zip_members(raw, f"{path.name}/{info.filename}", path, what)


def csv_sources(path: Path, what: str):
    """(name, text stream) of each CSV in ``path`` (a CSV, or a zip or 7z of CSVs, or a 7z in a zip), streamed.

    ``what`` names the expected product in the errors ("EGMS", "INSEE Filosofi"…).
    """
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with open(path, "rb") as raw:
            yield path.name, text_stream(raw)
        return
    with open(path, "rb") as handle:
        start = handle.read(6)
    if start[:6] != SIGNATURE and not zipfile.is_zipfile(path):
        raise _unreadable(path, what)
    found = False
    for name, opener in members(path, what):
        if name.lower().endswith(".csv"):
            found = True
            with opener() as raw:
                yield name, text_stream(raw)
    if not found:
        raise AnalysisError("zip_no_csv", QT_TRANSLATE_NOOP(
            "AnalysisError", "The archive {name} holds no CSV file. Give the {what} file as downloaded."),
            name=path.name, what=what)


@contextmanager
def extracted(path: Path, what: str, suffix: str):
    """The files ending in ``suffix`` inside ``path`` (zip, 7z, 7z in a zip) copied to a temporary folder, or
    ``[path]`` if it is such a file; the copies are removed on exit. For formats read by random access
    (GeoPackage)."""
    path = Path(path)
    if path.suffix.lower() == suffix:
        yield [path]
        return
    with tempfile.TemporaryDirectory(prefix="territoire-extract-") as folder:
        copies = []
        for number, (name, opener) in enumerate(members(path, what)):
            if name.lower().endswith(suffix):
                copy = Path(folder) / f"{number}_{PurePosixPath(name.replace(chr(92), '/')).name}"
                with opener() as source, open(copy, "wb") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
                copies.append(copy)
        yield copies
