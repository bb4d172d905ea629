"""Read 7z archives with the standard library only (``lzma``, ``bz2``, ``zlib``), streaming, in bounded memory.

INSEE publishes the Filosofi grids as a zip holding a ``.7z`` holding the CSV or GeoPackage
(reference/partner-services.md "INSEE Filosofi 200 m — as published"). GDAL reads 7z only from 3.7 on, with
libarchive; stock QGIS always has Python's ``lzma``, which decodes the raw LZMA/LZMA2 streams 7-Zip writes.
Layout: 7-Zip's own ``DOC/7zFormat.txt``. Supported: plain or encoded headers; folders of one coder (Copy, LZMA,
LZMA2, Deflate, BZip2: what 7-Zip writes for data files); solid folders. Refused with a clear message: AES and
filter chains (BCJ…). An entry is decoded in chunks of ``CHUNK`` bytes and checked against its CRC32 at its end;
the archive is read by seeks, so a 7z stored inside a zip is read in place. Every size is checked before use.
"""

from __future__ import annotations

import bz2
import io
import lzma
import zlib
from dataclasses import dataclass, field

from .errors import QT_TRANSLATE_NOOP, AnalysisError

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
CHUNK = 1 << 20
#: Largest LZMA dictionary accepted (7-Zip's "ultra" uses 64 MiB): the decoder allocates it.
MAX_DICTIONARY = 1 << 30
K_END, K_HEADER, K_ARCHIVE_PROPERTIES, K_ADDITIONAL_STREAMS, K_MAIN_STREAMS, K_FILES_INFO = range(6)
K_PACK_INFO, K_UNPACK_INFO, K_SUBSTREAMS_INFO, K_SIZE, K_CRC, K_FOLDER, K_CODERS_UNPACK_SIZE = range(6, 13)
K_NUM_UNPACK_STREAM, K_EMPTY_STREAM, K_EMPTY_FILE, K_NAME, K_ENCODED_HEADER = 13, 14, 15, 17, 23
COPY, LZMA, LZMA2, DEFLATE, BZIP2, AES = b"\x00", b"\x03\x01\x01", b"\x21", b"\x04\x01\x08", b"\x04\x02\x02", \
    b"\x06\xf1\x07\x01"


def _error(name: str, reason: str) -> AnalysisError:
    return AnalysisError("sevenzip_unreadable", QT_TRANSLATE_NOOP(
        "AnalysisError", "The 7z archive {name} cannot be read ({reason}). Download it again; if it still fails, "
        "extract it with 7-Zip and give the extracted file."), name=name, reason=reason)


@dataclass
class Folder:
    method: bytes
    properties: bytes
    pack_offset: int = 0  # from the start of the archive
    pack_size: int = 0
    unpack_size: int = 0
    crc: int | None = None
    streams: int = 1


@dataclass
class Entry:
    name: str
    size: int
    folder: int | None  # None: an empty file or a folder
    offset: int = 0  # in the folder's decoded stream
    crc: int | None = None
    is_dir: bool = False


@dataclass
class _Streams:
    folders: list = field(default_factory=list)
    sizes: list = field(default_factory=list)  # per file stream, in folder order
    crcs: list = field(default_factory=list)


class _Reader:
    def __init__(self, data: bytes, name: str):
        self.data, self.position, self.name = data, 0, name

    def byte(self) -> int:
        if self.position >= len(self.data):
            raise _error(self.name, "header cut short")
        self.position += 1
        return self.data[self.position - 1]

    def bytes(self, count: int) -> bytes:
        if self.position + count > len(self.data):
            raise _error(self.name, "header cut short")
        self.position += count
        return self.data[self.position - count:self.position]

    def number(self) -> int:
        """7z's variable-length UINT64: leading one bits of the first byte count the bytes that follow."""
        first, mask, value = self.byte(), 0x80, 0
        for index in range(8):
            if not first & mask:
                return value | ((first & (mask - 1)) << (8 * index))
            value |= self.byte() << (8 * index)
            mask >>= 1
        return value

    def bits(self, count: int) -> list[bool]:
        values, current = [], 0
        for index in range(count):
            if index % 8 == 0:
                current = self.byte()
            values.append(bool(current & (0x80 >> (index % 8))))
        return values

    def digests(self, count: int) -> list:
        defined = [True] * count if self.byte() else self.bits(count)
        return [int.from_bytes(self.bytes(4), "little") if known else None for known in defined]

    def expect(self, value: int) -> None:
        if self.byte() != value:
            raise _error(self.name, f"unexpected header byte at {self.position - 1}")


class SevenZip:
    """The entries of a 7z archive read from ``raw`` (a seekable binary file), and a stream for each."""

    def __init__(self, raw, name: str):
        self.raw, self.name = raw, name
        raw.seek(0)
        start = raw.read(32)
        if len(start) < 32 or start[:6] != SIGNATURE:
            raise _error(name, "not a 7z archive")
        if zlib.crc32(start[12:32]) != int.from_bytes(start[8:12], "little"):
            raise _error(name, "its start header is damaged")
        offset, size = int.from_bytes(start[12:20], "little"), int.from_bytes(start[20:28], "little")
        if 32 + offset + size > raw.seek(0, io.SEEK_END):  # sizes checked before anything is read or allocated
            raise _error(name, "the archive is cut short or damaged")
        raw.seek(32 + offset)
        if zlib.crc32(header := raw.read(size)) != int.from_bytes(start[28:32], "little"):
            raise _error(name, "the archive is cut short or damaged")
        self.entries: list[Entry] = []
        self.folders: list[Folder] = []
        reader = _Reader(header, name)
        while True:
            kind = reader.byte() if size else K_HEADER
            if kind == K_ENCODED_HEADER:  # the header is itself packed, in a folder described here
                streams = self._streams_info(reader)
                if not streams.folders:
                    raise _error(name, "empty encoded header")
                folder = streams.folders[0]
                reader = _Reader(b"".join(self._decoded(folder)), name)
                if folder.crc is not None and zlib.crc32(reader.data) != folder.crc:
                    raise _error(name, "its header does not match its checksum")
                continue
            if kind != K_HEADER:
                raise _error(name, f"unknown header type {kind}")
            if size:
                self._header(reader)
            return

    # ------------------------------------------------------------------ header
    def _header(self, reader: _Reader) -> None:
        kind = reader.byte()
        if kind == K_ARCHIVE_PROPERTIES:
            while reader.byte() != K_END:
                reader.bytes(reader.number())
            kind = reader.byte()
        if kind == K_ADDITIONAL_STREAMS:
            self._streams_info(reader)
            kind = reader.byte()
        streams = _Streams()
        if kind == K_MAIN_STREAMS:
            streams = self._streams_info(reader)
            kind = reader.byte()
        self.folders = streams.folders
        if kind == K_FILES_INFO:
            self._files(reader, streams)
            kind = reader.byte()
        if kind != K_END:
            raise _error(self.name, "unexpected header layout")

    def _streams_info(self, reader: _Reader) -> _Streams:
        streams, pack_sizes, pack_position = _Streams(), [], 0
        kind = reader.byte()
        if kind == K_PACK_INFO:
            pack_position = reader.number()
            count = reader.number()
            while (kind := reader.byte()) != K_END:
                if kind == K_SIZE:
                    pack_sizes = [reader.number() for _ in range(count)]
                elif kind == K_CRC:
                    reader.digests(count)
            kind = reader.byte()
        if kind == K_UNPACK_INFO:
            reader.expect(K_FOLDER)
            count = reader.number()
            if reader.byte():
                raise _error(self.name, "external folder data")
            streams.folders = [self._folder(reader) for _ in range(count)]
            reader.expect(K_CODERS_UNPACK_SIZE)
            for folder in streams.folders:
                folder.unpack_size = [reader.number() for _ in range(folder.streams)][-1]
                folder.streams = 1
            while (kind := reader.byte()) != K_END:
                if kind == K_CRC:
                    for folder, crc in zip(streams.folders, reader.digests(count)):
                        folder.crc = crc
            kind = reader.byte()
        position = 32 + pack_position
        if len(pack_sizes) < len(streams.folders):
            raise _error(self.name, "pack sizes missing")
        for folder, size in zip(streams.folders, pack_sizes):
            folder.pack_offset, folder.pack_size = position, size
            position += size
        streams.sizes = [folder.unpack_size for folder in streams.folders]
        streams.crcs = [folder.crc for folder in streams.folders]
        if kind == K_SUBSTREAMS_INFO:
            self._substreams(reader, streams)
            kind = reader.byte()
        if kind != K_END:
            raise _error(self.name, "unexpected streams layout")
        return streams

    def _folder(self, reader: _Reader) -> Folder:
        coders = reader.number()
        methods = []
        for _ in range(coders):
            flags = reader.byte()
            method = reader.bytes(flags & 0x0F)
            if flags & 0x10:
                if (reader.number(), reader.number()) != (1, 1):
                    raise _error(self.name, "a coder with several streams (a filter chain)")
            properties = reader.bytes(reader.number()) if flags & 0x20 else b""
            methods.append((method, properties))
        if any(method == AES for method, _ in methods):
            raise _error(self.name, "it is protected by a password")
        if coders != 1:
            raise _error(self.name, f"a filter chain of {coders} coders")
        method, properties = methods[0]
        return Folder(method=method, properties=properties)

    def _substreams(self, reader: _Reader, streams: _Streams) -> None:
        counts = [1] * len(streams.folders)
        kind = reader.byte()
        if kind == K_NUM_UNPACK_STREAM:
            counts = [reader.number() for _ in streams.folders]
            kind = reader.byte()
        sizes = []
        for folder, count in zip(streams.folders, counts):
            if count == 0:
                continue
            own = [reader.number() for _ in range(count - 1)] if kind == K_SIZE else []
            if sum(own) > folder.unpack_size:
                raise _error(self.name, "file sizes larger than their folder")
            sizes += own + [folder.unpack_size - sum(own)]
        if kind == K_SIZE:
            kind = reader.byte()
        crcs = []
        unknown = sum(count for folder, count in zip(streams.folders, counts)
                      if not (count == 1 and folder.crc is not None))
        read = reader.digests(unknown) if kind == K_CRC else [None] * unknown
        if kind == K_CRC:
            kind = reader.byte()
        for folder, count in zip(streams.folders, counts):
            if count == 1 and folder.crc is not None:
                crcs.append(folder.crc)
            else:
                crcs += [read.pop(0) for _ in range(count)]
        for folder, count in zip(streams.folders, counts):
            folder.streams = count
        if kind != K_END:
            raise _error(self.name, "unexpected substreams layout")
        streams.sizes, streams.crcs = sizes, crcs

    def _files(self, reader: _Reader, streams: _Streams) -> None:
        count = reader.number()
        names, empty_stream, empty_file = [""] * count, [False] * count, []
        while (kind := reader.byte()) != K_END:
            size = reader.number()
            block = _Reader(reader.bytes(size), self.name)
            if kind == K_EMPTY_STREAM:
                empty_stream = block.bits(count)
            elif kind == K_EMPTY_FILE:
                empty_file = block.bits(sum(empty_stream))
            elif kind == K_NAME:
                if block.byte():
                    raise _error(self.name, "external file names")
                names = block.data[1:].decode("utf-16-le").split("\x00")[:count]
        stream, empties = 0, 0
        folder_index, in_folder, offset = 0, 0, 0
        for index in range(count):
            name = names[index] if index < len(names) else ""
            if empty_stream[index]:
                is_dir = not (empty_file[empties] if empties < len(empty_file) else False)
                empties += 1
                self.entries.append(Entry(name=name, size=0, folder=None, is_dir=is_dir))
                continue
            while folder_index < len(self.folders) and in_folder >= self.folders[folder_index].streams:
                folder_index, in_folder, offset = folder_index + 1, 0, 0
            if folder_index >= len(self.folders) or stream >= len(streams.sizes):
                raise _error(self.name, "more files than data streams")
            size = streams.sizes[stream]
            self.entries.append(Entry(name=name, size=size, folder=folder_index, offset=offset,
                                      crc=streams.crcs[stream]))
            stream, in_folder, offset = stream + 1, in_folder + 1, offset + size

    # ------------------------------------------------------------------ data
    def _decoder(self, folder: Folder):
        method, props = folder.method, folder.properties
        if method == LZMA:
            if len(props) != 5:
                raise _error(self.name, "bad LZMA properties")
            value, dictionary = props[0], int.from_bytes(props[1:5], "little")
            lc, lp, pb = value % 9, (value // 9) % 5, value // 45
            return self._checked(dictionary, {"id": lzma.FILTER_LZMA1, "lc": lc, "lp": lp, "pb": pb,
                                              "dict_size": dictionary})
        if method == LZMA2:
            if len(props) != 1 or props[0] > 40:
                raise _error(self.name, "bad LZMA2 properties")
            dictionary = 0xFFFFFFFF if props[0] == 40 else (2 | (props[0] & 1)) << (props[0] // 2 + 11)
            return self._checked(dictionary, {"id": lzma.FILTER_LZMA2, "dict_size": dictionary})
        if method == BZIP2:
            return bz2.BZ2Decompressor()
        if method == DEFLATE:
            return _Inflate()
        if method == COPY:
            return _Copy()
        raise _error(self.name, f"compression method {method.hex()} is not supported")

    def _checked(self, dictionary: int, lzma_filter: dict):
        if dictionary > MAX_DICTIONARY:
            raise _error(self.name, f"an LZMA dictionary of {dictionary >> 20} MiB")
        try:  # lc/lp/pb out of range: liblzma's "Internal error"
            return lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[lzma_filter])
        except (lzma.LZMAError, ValueError) as exc:
            raise _error(self.name, "bad LZMA properties") from exc

    def _decoded(self, folder: Folder):
        """The folder's decoded bytes, in chunks of at most CHUNK bytes."""
        decoder = self._decoder(folder)
        position, packed_left, left = folder.pack_offset, folder.pack_size, folder.unpack_size
        while left > 0:
            data = b""
            if decoder.needs_input:
                if packed_left <= 0:
                    raise _error(self.name, "compressed data cut short")
                self.raw.seek(position)
                data = self.raw.read(min(CHUNK, packed_left))
                if not data:
                    raise _error(self.name, "compressed data cut short")
                position, packed_left = position + len(data), packed_left - len(data)
            try:
                out = decoder.decompress(data, min(CHUNK, left))
            except (lzma.LZMAError, OSError, zlib.error, EOFError) as exc:
                raise _error(self.name, f"damaged data: {exc}") from exc
            if not out and decoder.needs_input and packed_left <= 0:
                raise _error(self.name, "compressed data cut short")
            left -= len(out)
            if out:
                yield out

    def open(self, entry: Entry) -> io.BufferedReader:
        """A binary stream of one entry, checked against its CRC32 when it has been read to its end."""
        return io.BufferedReader(_EntryStream(self, entry), buffer_size=CHUNK)


class _EntryStream(io.RawIOBase):
    def __init__(self, archive: SevenZip, entry: Entry):
        self.archive, self.entry = archive, entry
        self.chunks = archive._decoded(archive.folders[entry.folder]) if entry.folder is not None else iter(())
        self.skip, self.left, self.crc, self.pending = entry.offset, entry.size, 0, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending and self.left > 0:
            chunk = next(self.chunks, None)
            if chunk is None:
                raise _error(self.archive.name, f"{self.entry.name} is cut short")
            if self.skip:
                dropped = min(self.skip, len(chunk))
                chunk, self.skip = chunk[dropped:], self.skip - dropped
            self.pending = chunk[:self.left]
            self.left -= len(self.pending)
            self.crc = zlib.crc32(self.pending, self.crc)
            if self.left == 0 and self.entry.crc is not None and self.crc != self.entry.crc:
                raise _error(self.archive.name, f"{self.entry.name} does not match its checksum")
        count = min(len(buffer), len(self.pending))
        buffer[:count] = self.pending[:count]
        self.pending = self.pending[count:]
        return count


class _Copy:
    needs_input = True

    def decompress(self, data: bytes, max_length: int) -> bytes:
        return data


class _Inflate:
    """zlib's raw inflate with the ``needs_input`` / ``max_length`` interface of lzma's and bz2's decoders."""

    def __init__(self):
        self.inflater = zlib.decompressobj(-15)

    @property
    def needs_input(self) -> bool:
        return not self.inflater.unconsumed_tail

    def decompress(self, data: bytes, max_length: int) -> bytes:
        return self.inflater.decompress(self.inflater.unconsumed_tail + data, max_length)
