"""Cerema local climate zones (LCZ), resolved through the data.gouv.fr API by dataset id.

File addresses change between releases, so the dataset's resources are listed through the API
and the one for the commune's urban area is picked by name. Most small towns are not covered:
that is said plainly, with the list of urban areas that are.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from osgeo import ogr, osr

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError
from ..core.files import refuse_unsafe_entries
from .api_geo import normalise
from .network import HttpClient

ogr.UseExceptions()
LCZ_DATASET = "6641c562e5acdb35c0e6051d"
LCZ_FIELDS = ("lcz", "lcz_int", "lcz_primary")
VECTOR_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".fgb")


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    format: str
    sha256: str | None


def list_resources(client: HttpClient, base_url: str, dataset: str = LCZ_DATASET) -> list[Resource]:
    data = client.get_json(f"{base_url}/datasets/{dataset}/", max_age_s=7 * 86400, namespace="data_gouv")
    resources = data.get("resources") if isinstance(data, dict) else None
    if not isinstance(resources, list):
        raise AnalysisError("lcz_bad_dataset", QT_TRANSLATE_NOOP(
            "AnalysisError", "data.gouv.fr sent no resource list for the LCZ dataset {dataset}. Try again later."),
            dataset=dataset)
    found = []
    for item in resources:
        if not isinstance(item, dict) or not item.get("url"):
            continue
        checksum = item.get("checksum") or {}
        found.append(Resource(str(item.get("title", "")), item["url"], str(item.get("format", "")).lower(),
                              checksum.get("value") if checksum.get("type") == "sha256" else None))
    return found


def pick_resource(resources: list[Resource], commune_name: str, urban_area: str = "") -> Resource:
    wanted = [normalise(text) for text in (urban_area, commune_name) if text]
    for target in wanted:
        for resource in resources:
            words = normalise(Path(urlsplit(resource.url).path).stem + " " + resource.title)
            if f" {target} " in f" {words} ":
                return resource
    areas = sorted({resource.title for resource in resources})
    raise AnalysisError("lcz_not_covered", QT_TRANSLATE_NOOP(
        "AnalysisError", "The Cerema local climate zones do not cover {commune} by name: they exist for about 90 "
        "urban areas over 50,000 inhabitants. If the commune belongs to one of them, give its name as the urban "
        "area. Covered: {areas}."), commune=commune_name, areas="; ".join(areas[:40]) or "none")


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
