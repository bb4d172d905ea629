"""The standard-library 7z reader and the archive walker against archives made by 7-Zip itself, the tool
INSEE packs Filosofi with; expected contents are the files given to 7-Zip, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

from territoire_plugin.core.archives import csv_sources, extracted, members
from territoire_plugin.core.errors import AnalysisError
from territoire_plugin.core.sevenzip import SevenZip
from testing.filosofi import seven_zip, seven_zip_tool


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("7z")
    big = folder / "carreaux_200m_met.csv"
    with open(big, "w", encoding="utf-8") as handle:
        handle.write("idcar_200m,ind\n")
        for n in range(120_000):  # ~3.6 MB: several CHUNKs of 1 MiB
            handle.write(f'"CRS3035RES200mN{2_380_000 + 200 * (n % 997)}E{3_720_000 + 200 * (n // 997)}",'
                         f"{(n * 7919) % 400 / 10:.1f}\n")
    (folder / "lisez-moi.txt").write_bytes("Données carroyées, année 2017.\n".encode("latin-1"))
    (folder / "vide.csv").write_bytes(b"")
    return folder, [big, folder / "lisez-moi.txt", folder / "vide.csv"]


def read_all(path):
    with open(path, "rb") as raw:
        archive = SevenZip(raw, path.name)
        return {entry.name: archive.open(entry).read() for entry in archive.entries if not entry.is_dir}


@pytest.mark.parametrize("method", ["LZMA2", "LZMA", "BZip2", "Deflate", "Copy"])
def test_every_method_7zip_uses_for_data_is_read_byte_for_byte(files, method):
    folder, paths = files
    archive = seven_zip(folder / f"{method}.7z", paths, method)
    assert read_all(archive) == {p.name: p.read_bytes() for p in paths}


@pytest.mark.parametrize("options", [["-mhc=off"], ["-ms=off"], ["-mx=9"]])
def test_plain_headers_non_solid_and_ultra_archives(files, tmp_path, options):
    folder, paths = files
    archive = tmp_path / "x.7z"
    subprocess.run([seven_zip_tool(), "a", "-bd", *options, str(archive), *[p.name for p in paths]], cwd=folder,
                   check=True, capture_output=True)
    assert read_all(archive) == {p.name: p.read_bytes() for p in paths}


def test_the_last_file_of_a_solid_block_is_found_past_the_others(files, tmp_path):
    folder, paths = files
    archive = seven_zip(tmp_path / "solid.7z", [paths[0], paths[1]])
    with open(archive, "rb") as raw:
        entries = {entry.name: entry for entry in SevenZip(raw, "solid.7z").entries}
        second = entries["lisez-moi.txt"]
        assert second.folder == entries[paths[0].name].folder and second.offset == paths[0].stat().st_size
        assert SevenZip(raw, "solid.7z").open(second).read() == paths[1].read_bytes()


@pytest.mark.parametrize("damage, reason", [
    (lambda data: data[:len(data) // 2], "cut short"),
    (lambda data: data[:40] + bytes([data[40] ^ 0xFF]) + data[41:], "damaged"),
    (lambda data: b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(200), "damaged"),
])
def test_damaged_archives_are_refused_clearly(files, tmp_path, damage, reason):
    folder, paths = files
    archive = seven_zip(tmp_path / "ok.7z", paths[:2])
    broken = tmp_path / "broken.7z"
    broken.write_bytes(damage(archive.read_bytes()))
    with pytest.raises(AnalysisError) as caught:
        read_all(broken)
    assert caught.value.key == "sevenzip_unreadable" and reason in str(caught.value)


@pytest.mark.parametrize("options, reason", [(["-m0=PPMd"], "not supported"), (["-pmairie"], "password"),
                                             (["-pmairie", "-mhe=on"], "password")])
def test_what_is_not_supported_says_so(files, tmp_path, options, reason):
    folder, paths = files
    archive = tmp_path / "x.7z"
    subprocess.run([seven_zip_tool(), "a", "-bd", *options, str(archive), paths[1].name], cwd=folder, check=True,
                   capture_output=True)
    with pytest.raises(AnalysisError) as caught:
        read_all(archive)
    assert reason in str(caught.value)


def test_a_7z_in_a_zip_stored_or_compressed_and_latin1_text(files, tmp_path):
    folder, paths = files
    packed = seven_zip(tmp_path / "Filosofi2017_carreaux_200m_csv.7z", paths)
    for compression in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        download = tmp_path / f"download-{compression}.zip"
        with zipfile.ZipFile(download, "w", compression) as archive:
            archive.write(packed, packed.name)
        names = [name for name, _ in members(download, "INSEE Filosofi")]
        assert sorted(names) == sorted(f"{download.name}/{packed.name}/{p.name}" for p in paths)
        (name, stream), = [(n, s.read()) for n, s in csv_sources(download, "INSEE Filosofi") if "met" in n]
        assert stream == paths[0].read_text(encoding="utf-8")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("idcar_200m;libgeo\nA;Onet-le-Château\n".encode("latin-1"))
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes("\ufeffidcar_200m;libgeo\nA;Onet-le-Château\n".encode("utf-8"))
    for path in (latin, utf8):
        (text,) = [stream.read() for _, stream in csv_sources(path, "INSEE Filosofi")]
        assert text.splitlines()[1] == "A;Onet-le-Château"


def test_unsafe_names_in_a_7z_are_refused(files, tmp_path):
    folder, paths = files
    archive = tmp_path / "abs.7z"
    subprocess.run([seven_zip_tool(), "a", "-bd", "-spf", str(archive), str(paths[1])], check=True, capture_output=True)
    with pytest.raises(AnalysisError) as caught:
        list(members(archive, "INSEE Filosofi"))
    assert caught.value.key == "zip_unsafe"


def test_a_geopackage_is_extracted_for_reading_and_removed_after(files, tmp_path):
    folder, paths = files
    archive = seven_zip(tmp_path / "g.7z", paths[1:2])
    with extracted(archive, "INSEE Filosofi", ".txt") as copies:
        assert [c.read_bytes() for c in copies] == [paths[1].read_bytes()]
    assert not copies[0].exists()


def test_a_large_entry_is_read_in_bounded_memory(tmp_path):
    """~200 MB of CSV read through a 7z in a zip: the reading process's peak memory grows by far less than the
    entry (its dictionary and a few 1 MiB chunks), measured by the kernel (VmHWM) in a fresh process."""
    csv_path = tmp_path / "carreaux_200m_met.csv"
    line = b'"CRS3035RES200mN2380000E3720000","CRS3035RES1000mN2380000E3720000",0,0,"12174",12.5,5.0,0\n'
    with open(csv_path, "wb") as handle:
        for _ in range(200):
            handle.write(line * (1_000_000 // len(line) + 1))
    size = csv_path.stat().st_size
    archive = tmp_path / "big.7z"
    subprocess.run([seven_zip_tool(), "a", "-bd", "-mx=1", str(archive), csv_path.name], cwd=tmp_path, check=True,
                   capture_output=True)
    download = tmp_path / "big.zip"
    with zipfile.ZipFile(download, "w", zipfile.ZIP_STORED) as outer:
        outer.write(archive, archive.name)
    csv_path.unlink()
    script = (
        "import sys\nfrom pathlib import Path\nfrom territoire_plugin.core.archives import csv_sources\n"
        "def peak():\n    return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "before = peak()\ncount = 0\n"
        "for name, stream in csv_sources(Path(sys.argv[1]), 'INSEE Filosofi'):\n"
        "    for text in stream:\n        count += len(text)\n"
        "print(count, peak() - before)\n")
    run = subprocess.run([sys.executable, "-c", script, str(download)], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    count, growth_kib = (int(v) for v in run.stdout.split())
    assert count == size
    assert growth_kib < 48 * 1024, f"peak memory grew by {growth_kib / 1024:.0f} MiB for a {size >> 20} MiB entry"


def test_a_zip_bomb_line_is_refused_in_bounded_memory(tmp_path):
    """A small zip inflating to one 64 MB line: refused at MAX_LINE characters, never read whole."""
    import tracemalloc

    from territoire_plugin.core.archives import MAX_LINE, csv_header, csv_rows

    bomb = tmp_path / "EGMS_L2b_bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("EGMS_L2b_bomb.csv", "w") as out:
        out.write(b"pid,easting,northing,mean_velocity\n")
        for _ in range(64):
            out.write(b"1" * (1 << 20))
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    with pytest.raises(AnalysisError) as caught:
        for name, stream in csv_sources(bomb, "EGMS"):
            header, delimiter = csv_header(stream, name, "EGMS")
            assert header[0] == "pid"
            for _ in csv_rows(stream, delimiter, name, "EGMS"):
                pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.key == "csv_line_too_long" and peak < 8 * MAX_LINE


def test_a_field_longer_than_the_csv_module_allows_is_a_clear_error(tmp_path):
    from territoire_plugin.core.archives import csv_header, csv_rows

    path = tmp_path / "f.csv"
    path.write_text('pid,x\n"' + "a" * 200_000 + '",1\n', encoding="utf-8")
    with pytest.raises(AnalysisError) as caught:
        for _, stream in csv_sources(path, "EGMS"):
            csv_header(stream, "f.csv", "EGMS")
            list(csv_rows(stream, ",", "f.csv", "EGMS"))
    assert caught.value.key == "csv_field_too_long" and "Line 2 of f.csv" in str(caught.value)
