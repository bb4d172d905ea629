"""INSEE Filosofi 200 m grids made here in the shapes INSEE publishes (reference/partner-services.md "INSEE Filosofi
200 m — as published"): the column names and order of each year, comma-separated with quoted identifiers, 2017
in Latin-1, and the packaging of the download, a zip holding a 7z (made by 7-Zip itself, ``7zz``) holding the
CSV or the GeoPackage, e.g. ``Filosofi2019_carreaux_200m_csv.zip`` → ``.7z`` → ``carreaux_200m_met.csv``.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from pathlib import Path

from .egms import to_laea

#: The columns of each year, in order (the counts the plugin reads and some of the others around them).
HEADERS = {
    2019: ["idcar_200m", "idcar_1km", "idcar_nat", "i_est_200", "i_est_1km", "lcog_geo", "ind", "men",
           "men_pauv", "ind_snv", "ind_0_3", "ind_65_79", "ind_80p", "ind_inc"],
    2017: ["Idcar_200m", "I_est_200", "Idcar_1km", "I_est_1km", "Idcar_nat", "Groupe", "Ind", "Ind_snv",
           "Ind_0_3", "Ind_65_79", "Ind_80p", "Ind_inc", "Men_pauv", "Men", "lcog_geo"],
    2015: ["IdINSPIRE", "Id_carr1km", "I_est_cr", "Id_carr_n", "Groupe", "Depcom", "Ind", "Men", "Ind_65_79",
           "Ind_80p", "Ind_inc", "I_est_1km"],
}
ENCODINGS = {2019: "utf-8", 2017: "latin-1", 2015: "utf-8"}


def _cell(size, north, east):
    return f"CRS3035RES{size}mN{north - north % size}E{east - east % size}"


def filosofi_rows(year=2019, side=40, ages=True, cells=None):
    """(header, rows) of cells of 200 m around Olemps, in the columns of ``year``; ``ages=False``: a file
    (an extract) without the age counts; ``cells``: {(east, north) of the south-west corner: inhabitants} instead of
    a side × side grid of made-up counts. Values are strings as in the file."""
    cx, cy = to_laea(2.554, 44.345)
    east0, north0 = int(cx // 200 * 200) - side * 100, int(cy // 200 * 200) - side * 100
    header = [c for c in HEADERS[year] if ages or c.lower() not in ("ind_65_79", "ind_80p")]
    if cells is None:
        cells = {(east0 + i * 200, north0 + j * 200): float(5 + (i * 7 + j * 13) % 40)
                 for j in range(side) for i in range(side)}
    rows = []
    for (east, north), inhabitants in sorted(cells.items(), key=lambda item: (item[0][1], item[0][0])):
        values = {"idcar_200m": _cell(200, north, east), "idinspire": _cell(200, north, east),
                  "idcar_1km": _cell(1000, north, east), "id_carr1km": _cell(1000, north, east),
                  "idcar_nat": _cell(2000, north, east), "id_carr_n": _cell(2000, north, east),
                  "ind": f"{inhabitants:.1f}", "ind_65_79": f"{inhabitants * 0.15:.1f}",
                  "ind_80p": f"{inhabitants * 0.05:.1f}", "lcog_geo": "12174", "depcom": "12174"}
        rows.append([values.get(column.lower(), "0") for column in header])
    return header, rows


def write_filosofi_csv(path, year=2019, delimiter=",", ages=True, cells=None):
    """The CSV of ``year``: identifiers quoted as INSEE quotes them, the year's encoding."""
    header, rows = filosofi_rows(year, ages=ages, cells=cells)
    with open(path, "w", newline="", encoding=ENCODINGS[year]) as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for row in rows:
            handle.write(delimiter.join(f'"{v}"' if v.startswith("CRS") else v for v in row) + "\r\n")
    return path


def write_filosofi_geopackage(path, year=2019, far=False):
    """The GeoPackage edition: the same table with the cells as polygons in EPSG:3035; ``far``: one cell far from
    Olemps (an overseas territory's file)."""
    from osgeo import ogr, osr

    header, rows = filosofi_rows(year)
    if far:
        rows = [[("CRS3035RES200mN1000000E1000000" if n == 0 else v) for n, v in enumerate(rows[0])]]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3035)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(Path(path).stem, srs=srs, geom_type=ogr.wkbMultiPolygon)
    for column in header:
        kind = ogr.OFTString if column.lower().startswith(("id", "lcog")) else ogr.OFTReal
        layer.CreateField(ogr.FieldDefn(column, kind))
    layer.StartTransaction()
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for index, value in enumerate(row):
            feature.SetField(index, value if header[index].lower().startswith(("id", "lcog")) else float(value))
        north, east = (int(v) for v in row[0].split("N")[1].split("E"))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({east} {north},{east + 200} {north},{east + 200} {north + 200},{east} {north + 200},"
            f"{east} {north})))"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    return path


def seven_zip_tool() -> str:
    """7-Zip's command: ``7zz`` in Debian 12's package 7zip, ``7z`` in later releases'."""
    tool = shutil.which("7zz") or shutil.which("7z")
    if tool is None:
        raise RuntimeError("7-Zip is needed to make INSEE's packaging: apt-get install 7zip (make system does)")
    return tool


def seven_zip(archive: Path, members: list, method: str = "LZMA2") -> Path:
    """A 7z made by 7-Zip itself (Debian package 7zip) with ``method`` (LZMA2, LZMA, BZip2, PPMd…)."""
    tool = seven_zip_tool()
    archive = Path(archive)
    archive.unlink(missing_ok=True)
    subprocess.run([tool, "a", "-bd", "-y", f"-m0={method}", str(archive), *[str(Path(m).name) for m in members]],
                   cwd=Path(members[0]).parent, check=True, capture_output=True)
    return archive


def insee_download(folder, year=2019, edition="csv", method="LZMA2", outer=zipfile.ZIP_STORED,
                   territories=("met",), cells=None) -> Path:
    """``Filosofi<year>_carreaux_200m_<edition>.zip`` as insee.fr serves it: a zip holding a 7z holding one file
    per territory (``carreaux_200m_met.csv``…; only ``met`` has the cells around Olemps, the others are short);
    ``cells`` as :func:`filosofi_rows` takes them (CSV edition)."""
    folder = Path(folder)
    work = folder / f"insee-{year}-{edition}"
    work.mkdir(parents=True, exist_ok=True)
    members = []
    for territory in territories:
        name = work / f"carreaux_200m_{territory}.{'gpkg' if edition == 'gpkg' else 'csv'}"
        if edition == "gpkg":
            write_filosofi_geopackage(name, year, far=territory != "met")
        elif territory == "met":
            write_filosofi_csv(name, year, cells=cells)
        else:  # an overseas file: the same columns, cells far from Olemps
            header, _ = filosofi_rows(year)
            name.write_text(",".join(header) + "\r\n" + ",".join(
                ['"CRS3035RES200mN1000000E1000000"'] + ["1"] * (len(header) - 1)) + "\r\n", encoding=ENCODINGS[year])
        members.append(name)
    stem = f"Filosofi{year}_carreaux_200m_{edition}"
    packed = seven_zip(work / f"{stem}.7z", members, method)
    download = folder / f"{stem}.zip"
    with zipfile.ZipFile(download, "w", outer) as archive:
        archive.write(packed, packed.name)
    shutil.rmtree(work)
    return download
