"""The sample town: every partner service a commune diagnostic calls, served on 127.0.0.1.

Olemps (Aveyron, INSEE 12174) at its real location: API Géo answers its outline; the Géoplateforme
WFS its BD TOPO buildings, roads, railway, bridges and public buildings (a school, a nursing home,
a crèche); a Planetary-Computer-like STAC API and SAS endpoint the clearest Landsat scene of each
summer, as Cloud-Optimized GeoTIFFs made from the bundled sample scene (each summer a little
warmer); INSEE's Filosofi 200 m grid as a CSV. The EGMS points are a real-layout EGMS CSV made by
the project's generator over the same footprints, with a subsiding zone and a tilting bridge deck.
Used by ``make demo`` and by the diagnostic tests: the connectors run their real code against it.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import fake_services, fake_stac, filosofi
from .local_server import LocalServer

INSEE, NAME = "12174", "Olemps"
SAMPLE_PRODUCT = "LC09_L2SP_197029_20230715_20230717_02_T1"
#: Where the ground subsides (EPSG:2154) and the bridge deck that tilts (x0, y0, x1, y1, width).
SUBSIDENCE_CENTRE = (662300.0, 6360300.0)
BRIDGE = (661600.0, 6359730.0, 661900.0, 6359760.0, 8.0)
SITES = (("École élémentaire Jean Jaurès", 8, 6), ("EHPAD Les Tilleuls", 30, 14), ("Crèche Les Lutins", 21, 20))


def public_buildings(buildings):
    """BD TOPO ERP as the real layer has them (reference/partner-services.md, "Géoplateforme WFS"): points at an
    entrance or an address plate, 3.6 m outside the footprint, with ``type_principal`` (IGN's codes) and
    ``liens_vers_batiment`` (the cleabs of the building). A school and a crèche are linked; the nursing home's
    address plate is not (it belongs to the nearest footprint); a restaurant and a supermarket (not sensitive)
    stand on their buildings."""
    kinds = (("R", "Enseignement primaire", "Entrée principale du bâtiment", True),
             ("J", "Hébergement de personnes âgées", "Plaque adresse", False),
             ("R", "Petite enfance", "Entrée pour les secours", True))
    others = (("Restaurant Le Vieux Four", 12, 6, "N", "Restauration", True),
              ("Supermarché du Causse", 13, 6, "M", "Commerce alimentaire", False))
    rows = [(name, i, j, *kind) for (name, i, j), kind in zip(SITES, kinds)]
    rows += [(name, i, j, kind, activity, "Entrée principale du bâtiment", linked)
             for name, i, j, kind, activity, linked in others]
    features = []
    for number, (name, i, j, kind, activity, where, linked) in enumerate(rows):
        footprint = buildings[j * 60 + i]
        ring = footprint["geometry"]["coordinates"][0][0]
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        inside = kind == "M"  # the supermarket's point stands inside its footprint
        x, y = (sum(xs) / len(xs), sum(ys) / len(ys)) if inside else ((min(xs) + max(xs)) / 2, min(ys) - 3.6)
        features.append({"type": "Feature", "id": f"erp.ERP{number:016d}",
                         "geometry": {"type": "Point", "coordinates": [x, y]},
                         "properties": {"cleabs": f"ERP{number:016d}", "libelle": name, "categorie": "5",
                                        "type_principal": kind, "activite_principale": activity,
                                        "type_de_localisation": where,
                                        "liens_vers_batiment": footprint["properties"]["cleabs"] if linked else None}})
    return features


def bridges():
    x0, y0, x1, y1, _ = BRIDGE
    return [{"type": "Feature", "id": "construction_lineaire.1",
             "geometry": {"type": "MultiLineString", "coordinates": [[[x0, y0], [x1, y1]]]},
             "properties": {"cleabs": "CONSLINE0000000001", "nature": "Pont", "toponyme": "Pont de l'Aveyron"}}]


def bridge_decks():
    """The deck of the same bridge, as BD TOPO gives it in ``construction_surfacique`` (a polygon, nature 'Pont')."""
    from osgeo import ogr

    x0, y0, x1, y1, width = BRIDGE
    deck = ogr.CreateGeometryFromWkt(f"LINESTRING({x0} {y0},{x1} {y1})").Buffer(width / 2, 1)
    ring = [list(point[:2]) for point in deck.GetGeometryRef(0).GetPoints()]
    return [{"type": "Feature", "id": "construction_surfacique.1",
             "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
             "properties": {"cleabs": "CONSSURF0000000001", "nature": "Pont", "toponyme": "Pont de l'Aveyron"}}]


def landsat_cogs(folder: Path, years, sample: Path):
    """One COG set per summer from the bundled sample scene (ST_B10 warmer by 0.4 K a year)."""
    import numpy as np
    from osgeo import gdal

    gdal.UseExceptions()
    product = sample / SAMPLE_PRODUCT
    items = {}
    for offset, year in enumerate(years):
        item_id = f"LC09_L2SP_197029_{year}0715_{year}0717_02_T1"
        files = {}
        for band in ("ST_B10", "QA_PIXEL", "SR_B4", "SR_B5"):
            target = folder / f"{item_id}_{band}.TIF"
            if not target.exists():
                source = gdal.Open(str(product / f"{SAMPLE_PRODUCT}_{band}.TIF"))
                memory = gdal.GetDriverByName("MEM").CreateCopy("", source)
                if band == "ST_B10":
                    data = memory.GetRasterBand(1).ReadAsArray().astype(np.float64)
                    warmer = np.where(data > 0, data + round(0.4 * offset / 0.00341802), 0)
                    memory.GetRasterBand(1).WriteArray(warmer.astype(np.uint16))
                gdal.GetDriverByName("COG").CreateCopy(str(target), memory, options=["COMPRESS=DEFLATE",
                                                                                      "BLOCKSIZE=256"])
                memory = source = None
            files[band] = target
        items[item_id] = (f"{year}-07-15T10:27:00Z", files)
    return items


def build(folder, sample) -> dict:
    """Write every file the services serve into ``folder``; return their paths and the features."""
    from testing.egms import points_over_footprints, write_egms_csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    buildings = fake_services.lambert93_buildings()
    footprints = folder / "buildings.geojson"
    footprints.write_text(json.dumps({
        "type": "FeatureCollection", "features": buildings,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}), encoding="utf-8")
    egms = folder / "EGMS_L2b_sample_olemps.csv"
    moved = None
    if not egms.exists():
        points, dates, moved, _ = points_over_footprints(footprints, centre=SUBSIDENCE_CENTRE, radius=350.0,
                                                         per_building=3, bridge=BRIDGE)
        write_egms_csv(egms, points, dates)
    population = filosofi.insee_download(folder)
    return {"folder": folder, "buildings": buildings, "egms": egms, "population": population, "moved": moved,
            "layers": {
                "BDTOPO_V3:batiment": buildings,
                "BDTOPO_V3:troncon_de_route": fake_services.lambert93_lines("troncon_de_route"),
                "BDTOPO_V3:troncon_de_voie_ferree": fake_services.lambert93_lines("troncon_de_voie_ferree", count=2),
                "BDTOPO_V3:construction_lineaire": bridges(),
                "BDTOPO_V3:construction_surfacique": bridge_decks(),
                "BDTOPO_V3:erp": public_buildings(buildings),
            }}


def serve(folder, sample, years, server: LocalServer | None = None):
    """(server, environment variables pointing the plugin at it, built files) for the sample town."""
    server = server or LocalServer()
    built = build(folder, sample)
    cogs = landsat_cogs(Path(folder), years, Path(sample))
    items = [fake_stac.landsat_item(server.url, item_id, when, 12.0, files)
             for item_id, (when, files) in cogs.items()]
    env = {
        "TERRITOIRE_API_GEO_URL": fake_services.install_api_geo(server),
        "TERRITOIRE_GEOPLATEFORME_WFS_URL": fake_services.install_wfs(server, built["layers"]),
        "TERRITOIRE_PLANETARY_COMPUTER_STAC_URL": fake_stac.install_stac(server, items),
        "TERRITOIRE_PLANETARY_COMPUTER_SAS_URL": fake_stac.install_sas_and_cogs(
            server, {files[band].name: files[band] for _, files in cogs.values() for band in files}),
    }
    server.serve_file("/insee/Filosofi2019_carreaux_200m_csv.zip", built["population"])
    built["population_url"] = f"{server.url}/insee/Filosofi2019_carreaux_200m_csv.zip"
    return server, env, built
