"""Cerema local climate zones (LCZ), resolved through the data.gouv.fr API by dataset id.

File addresses change between releases, so the dataset's resources are listed through the API.
The dataset also publishes a CSV of the communes each territory covers (reference/partner-services.md,
"Cerema LCZ"): a commune's territory is looked up there by INSEE code (Olemps lies in Rodez's), then
by the commune's or the given urban area's name in the resources' titles. Files are checked against
the checksum data.gouv.fr gives (sha1 in udata v1, sha256…). Most small towns are not covered: that is
said plainly, with the list of territories that are.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from osgeo import ogr, osr

from ..core.archives import refuse_unsafe_entries
from ..core.errors import NONE, QT_TRANSLATE_NOOP, AnalysisError
from .api_geo import normalise
from .network import HttpClient

ogr.UseExceptions()
LCZ_DATASET = "6641c562e5acdb35c0e6051d"
LCZ_FIELDS = ("lcz", "lcz_int", "lcz_primary")
VECTOR_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".fgb")
CHECKSUMS = ("sha1", "sha256", "sha512", "md5")


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    format: str
    #: (algorithm, hex digest) as data.gouv.fr gives it, or None.
    checksum: tuple | None

    @property
    def is_communes_list(self) -> bool:
        """The CSV of the covered communes (not a territory's zones)."""
        text = normalise(f"{self.title} {Path(urlsplit(self.url).path).name}")
        return (self.format == "csv" or self.url.lower().endswith(".csv")) and "commune" in text


def list_resources(client: HttpClient, base_url: str, dataset: str = LCZ_DATASET) -> list[Resource]:
    def check(answer):  # before the listing is cached
        if not isinstance(answer, dict) or not isinstance(answer.get("resources"), list):
            raise AnalysisError("lcz_bad_dataset", QT_TRANSLATE_NOOP(
                "AnalysisError", "data.gouv.fr sent no resource list for the LCZ dataset {dataset}. Try again "
                "later."), dataset=dataset)

    data = client.get_json(f"{base_url}/datasets/{dataset}/", max_age_s=7 * 86400, namespace="data_gouv",
                           validate=check)
    resources = data["resources"]
    found = []
    for item in resources:
        # Only a web address is fetched (never file:// or a local path a damaged answer could name).
        if not isinstance(item, dict) or not isinstance(item.get("url"), str) or \
                not item["url"].startswith(("https://", "http://")):
            continue
        checksum = item.get("checksum") if isinstance(item.get("checksum"), dict) else {}
        kind, value = str(checksum.get("type", "")).lower(), checksum.get("value")
        found.append(Resource(str(item.get("title", "")), item["url"], str(item.get("format", "")).lower(),
                              (kind, str(value)) if kind in CHECKSUMS and value else None))
    return found


def territory_of(path: Path, insee: str) -> str | None:
    """The territory (as the covered-communes CSV names it) of the commune ``insee``, or None. The CSV's
    delimiter, encoding (UTF-8 or Latin-1) and column names are found, not assumed."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t|")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    header = [normalise(name).replace(" ", "_") for name in next(rows, [])]
    code = next((i for i, n in enumerate(header) if "insee" in n or n in ("code_commune", "codgeo", "com")), None)
    area = next((i for i, n in enumerate(header) if any(w in n for w in ("territoire", "zone", "agglo", "aire"))),
                None)
    if code is None or area is None:
        return None
    for row in rows:
        if len(row) > max(code, area) and row[code].strip().zfill(5) == insee:
            return row[area].strip() or None
    return None


def pick_resource(resources: list[Resource], commune_name: str, urban_area: str = "",
                  territory: str | None = None) -> Resource:
    wanted = [normalise(text) for text in (territory, urban_area, commune_name) if text]
    for target in wanted:
        for resource in resources:
            if resource.is_communes_list:
                continue
            words = normalise(Path(urlsplit(resource.url).path).stem + " " + resource.title)
            if f" {target} " in f" {words} ":
                return resource
    areas = sorted({resource.title for resource in resources if not resource.is_communes_list})
    raise AnalysisError("lcz_not_covered", QT_TRANSLATE_NOOP(
        "AnalysisError", "The Cerema local climate zones do not cover {commune} by name: they exist for about 90 "
        "urban areas over 50,000 inhabitants. If the commune belongs to one of them, give its name as the urban "
        "area. Covered: {areas}."), commune=commune_name, areas="; ".join(areas[:40]) or NONE)


def extract_lcz(path: Path, output: Path, clip_wkt_2154: str) -> int:
    """Write the LCZ polygons intersecting the commune (clipped to it) into ``output``; return their count."""
    from ..core.files import atomic_output

    source = _open_in_zip(path) if path.suffix.lower() == ".zip" else ogr.Open(str(path))
    layer, field = _lcz_layer(source, path.name)
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    lambert.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source_srs = layer.GetSpatialRef()
    if source_srs is not None:
        source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source_srs, lambert) if source_srs and not source_srs.IsSame(lambert) \
        else None
    clip = ogr.CreateGeometryFromWkt(clip_wkt_2154)
    count = 0
    with atomic_output(output) as temporary:
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(temporary))
        try:
            out = dataset.CreateLayer("lcz", srs=lambert, geom_type=ogr.wkbMultiPolygon)
            out.CreateField(ogr.FieldDefn("lcz", ogr.OFTString))
            out.StartTransaction()
            for feature in layer:
                geometry = feature.GetGeometryRef()
                if geometry is None:
                    continue
                geometry = geometry.Clone()
                if transform is not None:
                    geometry.Transform(transform)
                if not geometry.Intersects(clip):
                    continue
                piece = ogr.ForceToMultiPolygon(geometry.Intersection(clip))
                if piece is None or piece.IsEmpty():
                    continue
                target = ogr.Feature(out.GetLayerDefn())
                target.SetGeometry(piece)
                target.SetField("lcz", str(feature.GetField(field)))
                out.CreateFeature(target)
                count += 1
            out.CommitTransaction()
        finally:
            dataset = None
    source = None
    return count


def _no_layer(name: str) -> AnalysisError:
    return AnalysisError("lcz_no_layer", QT_TRANSLATE_NOOP(
        "AnalysisError", "{name} holds no vector layer with an LCZ field. The Cerema file format may have "
        "changed: report it to the Territoire developers."), name=name)


def _open_in_zip(path: Path):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    refuse_unsafe_entries(path, names, "data.gouv.fr")
    vector = [name for name in names if name.lower().endswith(VECTOR_SUFFIXES)]
    if not vector:
        raise _no_layer(path.name)
    return ogr.Open(f"/vsizip/{path}/{vector[0]}")


def _lcz_layer(source, name: str):
    for index in range(source.GetLayerCount()):
        layer = source.GetLayer(index)
        definition = layer.GetLayerDefn()
        fields = {definition.GetFieldDefn(i).GetName().lower(): definition.GetFieldDefn(i).GetName()
                  for i in range(definition.GetFieldCount())}
        for candidate in LCZ_FIELDS:
            if candidate in fields:
                return layer, fields[candidate]
    raise _no_layer(name)
