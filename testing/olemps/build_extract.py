#!/usr/bin/env python3
"""Build the bundled demo town, ``testing/olemps/olemps_12174.gpkg.zip``, from the real IGN extract in
``../shared/data/france_bdtopo_olemps_12174_geoclimate`` (run once by a developer; the result is committed).

What is kept, under the field names the Géoplateforme WFS uses for BD TOPO V3 (so the sample town serves them as
the real service does): the commune outline (``commune``: code_insee, nom_officiel, population, code_postal);
the buildings (``batiment``, 3D: cleabs, nature, usage_1, usage_2, construction_legere, etat_de_l_objet, hauteur,
nombre_d_etages, nombre_de_logements, altitude_minimale_sol, date_creation); the road sections within 300 m of the
commune (``troncon_de_route``, 3D, from BD TOPO 2.2 ROUTE renamed to V3's fields); vegetation
(``zone_de_vegetation``) and water (``surface_hydrographique``). Coordinates rounded to the decimetre
(BD TOPO's planimetric precision is metric). Source: IGN BD TOPO®, Licence Ouverte Etalab 2.0 (see SOURCE.txt).

Usage: /usr/bin/python3 testing/olemps/build_extract.py [SHARED_DATA_FOLDER]
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent.parent / "shared" / "data" / "france_bdtopo_olemps_12174_geoclimate"
TARGET = HERE / "olemps_12174.gpkg.zip"

#: (output layer, source shapefile, geometry type, [(output field, OGR type, source field or None)])
LAYERS = [
    ("commune", "v3_COMMUNE", ogr.wkbMultiPolygon, [
        ("cleabs", ogr.OFTString, "ID"), ("code_insee", ogr.OFTString, "INSEE_COM"),
        ("nom_officiel", ogr.OFTString, "NOM"), ("population", ogr.OFTInteger, "POPULATION"),
        ("code_postal", ogr.OFTString, "CODE_POST"), ("code_insee_du_departement", ogr.OFTString, "INSEE_DEP")]),
    ("batiment", "v3_BATIMENT", ogr.wkbMultiPolygon25D, [
        ("cleabs", ogr.OFTString, "ID"), ("nature", ogr.OFTString, "NATURE"), ("usage_1", ogr.OFTString, "USAGE1"),
        ("usage_2", ogr.OFTString, "USAGE2"), ("construction_legere", ogr.OFTString, "LEGER"),
        ("etat_de_l_objet", ogr.OFTString, "ETAT"), ("hauteur", ogr.OFTReal, "HAUTEUR"),
        ("nombre_d_etages", ogr.OFTInteger, "NB_ETAGES"), ("nombre_de_logements", ogr.OFTInteger, "NB_LOGTS"),
        ("altitude_minimale_sol", ogr.OFTReal, "Z_MIN_SOL"), ("date_creation", ogr.OFTString, "DATE_CREAT")]),
    ("troncon_de_route", "v2_ROUTE", ogr.wkbMultiLineString25D, [
        ("cleabs", ogr.OFTString, "id"), ("nature", ogr.OFTString, "nature"),
        ("importance", ogr.OFTString, "importance"), ("nom_1_gauche", ogr.OFTString, "nom_voie_g"),
        ("nom_1_droite", ogr.OFTString, "nom_voie_d"), ("cpx_numero", ogr.OFTString, "numero"),
        ("nombre_de_voies", ogr.OFTInteger, "nb_voies"), ("largeur_de_chaussee", ogr.OFTReal, "largeur"),
        ("position_par_rapport_au_sol", ogr.OFTString, "pos_sol"), ("franchissement", ogr.OFTString, "franchisst"),
        ("insee_commune_gauche", ogr.OFTString, "inseecom_g"), ("code_postal_gauche", ogr.OFTString, "codepost_g"),
        ("borne_debut_gauche", ogr.OFTInteger, "bornedeb_g"), ("borne_fin_gauche", ogr.OFTInteger, "bornefin_g"),
        ("borne_debut_droite", ogr.OFTInteger, "bornedeb_d"), ("borne_fin_droite", ogr.OFTInteger, "bornefin_d")]),
    ("zone_de_vegetation", "v3_ZONE_DE_VEGETATION", ogr.wkbMultiPolygon, [
        ("cleabs", ogr.OFTString, "ID"), ("nature", ogr.OFTString, "NATURE")]),
    ("surface_hydrographique", "v3_SURFACE_HYDROGRAPHIQUE", ogr.wkbMultiPolygon25D, [
        ("cleabs", ogr.OFTString, "ID"), ("nature", ogr.OFTString, "NATURE"),
        ("nom_cours_d_eau", ogr.OFTString, "NOM_C_EAU")]),
]


def rounded(geometry):
    """A multi-geometry with the coordinates rounded to the centimetre (BD TOPO's precision is metric)."""
    multi = ogr.ForceToMultiPolygon(geometry) if "POLYGON" in geometry.GetGeometryName() else \
        ogr.ForceToMultiLineString(geometry)
    text = re.sub(r"-?\d+\.\d+", lambda m: f"{float(m.group()):.2f}", multi.ExportToIsoWkt())
    return ogr.CreateGeometryFromWkt(text)


def build(source: Path, target: Path = TARGET) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    gpkg = target.with_suffix("")  # olemps_12174.gpkg
    gpkg.unlink(missing_ok=True)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    outline = ogr.Open(str(source / "v3_COMMUNE.shp"))  # kept open while its feature is used
    first = outline.GetLayer(0).GetNextFeature()
    commune = first.GetGeometryRef().Clone()
    around = commune.Buffer(300)
    for name, shapefile, kind, fields in LAYERS:
        dataset = ogr.Open(str(source / f"{shapefile}.shp"))
        layer = dataset.GetLayer(0)
        written = out.CreateLayer(name, srs=srs, geom_type=kind, options=["SPATIAL_INDEX=YES", "FID=fid"])
        for field, field_type, _ in fields:
            written.CreateField(ogr.FieldDefn(field, field_type))
        written.StartTransaction()
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is None or (name == "troncon_de_route" and not geometry.Intersects(around)):
                continue
            record = ogr.Feature(written.GetLayerDefn())
            for field, _, origin in fields:
                value = feature.GetField(origin)
                if value not in (None, ""):
                    record.SetField(field, value)
            record.SetGeometry(rounded(geometry))
            written.CreateFeature(record)
        written.CommitTransaction()
    out = None
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.write(gpkg, gpkg.name)
    gpkg.unlink()
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
