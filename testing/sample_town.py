"""The sample town: every partner service a commune diagnostic calls, served on 127.0.0.1, on the real Olemps.

Olemps (Aveyron, INSEE 12174) as IGN publishes it (testing/olemps: the real outline, BD TOPO® buildings, roads,
vegetation and water, Licence Ouverte 2.0): API Géo answers the real outline; the Géoplateforme WFS the real
buildings and road sections (3D, V3 field names), the real bridges (the road sections that cross on a bridge, as
``construction_lineaire`` lines, and the decks of the longer ones as ``construction_surfacique`` polygons), and public
buildings (ERP) placed as the real layer places them (an entrance or an address plate outside a real footprint);
the Géoplateforme WMTS a demonstration basemap drawn from the same extract, and its geocoder the address of the
nearest numbered road side. What cannot be had for real is synthetic and said so: a Planetary-Computer-like STAC
API serves the clearest Landsat scene of each summer, made from the bundled sample scene but following the real land
cover (built-up warmer, woods cooler, water coolest; each summer a little warmer); INSEE's Filosofi 200 m grid is
spread over the real residential buildings and sums to the commune's population; the EGMS points (a real-layout
CSV made by the project's generator) stand on the real footprints, with a subsiding neighbourhood and a viaduct
whose deck tilts. Used by ``make demo`` and the diagnostic tests: the connectors run their real code against it.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import fake_basemap, fake_elevation, fake_georisques, fake_services, fake_stac, filosofi, olemps
from .local_server import LocalServer

INSEE, NAME = "12174", "Olemps"
SAMPLE_PRODUCT = "LC09_L2SP_197029_20230715_20230717_02_T1"
#: Where the ground subsides (EPSG:2154, a residential neighbourhood east of the centre) and how far.
SUBSIDENCE_CENTRE, SUBSIDENCE_RADIUS = (664800.0, 6360100.0), 200.0
#: A patch of swelling clay (EPSG:2154 centre, radius of the "forte" exposure, of the "moyenne" ring around it,
#: seasonal amplitude in mm): Géorisques answers these classes there (synthetic, as the whole exposure map here)
#: and the EGMS points of the buildings in the "forte" patch swing with the seasons, deeper in 2019 and 2022.
CLAY = ((664300.0, 6360500.0), 180.0, 350.0, 5.0)
#: The commune's CatNat decrees as Géorisques lists them (synthetic: codes and dates made for the demo, perils
#: worded as the Journal officiel words them).
DECREES = (
    ("INTE8200624A", "Tempête", "06/11/1982", "10/11/1982", "18/11/1982", "19/11/1982"),
    ("INTE9900627A", "Inondations et coulées de boue", "12/11/1999", "14/11/1999", "29/11/1999", "30/11/1999"),
    ("INTE0400651A", fake_georisques.DROUGHT, "01/07/2003", "30/09/2003", "11/01/2005", "01/02/2005"),
    ("INTE2016134A", fake_georisques.DROUGHT, "01/07/2019", "30/09/2019", "16/06/2020", "10/07/2020"),
    ("IOMR2309856A", fake_georisques.DROUGHT, "01/07/2022", "30/09/2022", "03/04/2023", "05/05/2023"),
)
#: The road section on the RN 88 viaduct whose deck tilts (the longest bridge of the commune, 213 m).
VIADUCT = "TRONROUT0000000060810489"
#: Bridges at least this long (m) also get a deck polygon (``construction_surfacique``), as the longer ones do.
DECK_MIN_LENGTH = 50.0
#: Public buildings (ERP), on real footprints: (libelle, building cleabs, type_principal, activite_principale,
#: type_de_localisation, linked by liens_vers_batiment). The first three are sensitive (school, nursing home,
#: crèche); the nursing home's address plate is linked to no building (it belongs to the nearest footprint).
SITES = (
    ("École élémentaire", "BATIMENT0000000060617600", "R", "Enseignement primaire", "Entrée principale du bâtiment",
     True),
    ("EHPAD", "BATIMENT0000000060617306", "J", "Hébergement de personnes âgées", "Plaque adresse", False),
    ("Crèche", "BATIMENT0000000060617308", "R", "Petite enfance", "Entrée pour les secours", True),
    ("Restaurant", "BATIMENT0000000257021110", "N", "Restauration", "Entrée principale du bâtiment", True),
    ("Supermarché", "BATIMENT0000000257028133", "M", "Commerce alimentaire", "Entrée principale du bâtiment", False),
)
SENSITIVE = SITES[:3]
#: What the demo's report says on its cover (the plugin's "notice on the report cover" setting).
NOTICE = ("Démonstration : bâtiments, routes et contour réels (IGN BD TOPO®, Licence Ouverte 2.0) ; images Landsat, "
          "population, sites sensibles, points EGMS et fond de plan synthétiques.")


def _ogr(feature):
    from osgeo import ogr

    return ogr.CreateGeometryFromJson(json.dumps(feature["geometry"]))


def public_buildings(buildings):
    """BD TOPO ERP as the real layer has them (reference/partner-services.md, "Géoplateforme WFS"): points at an
    entrance or an address plate, 3.6 m outside the footprint on a side whose nearest footprint is still the
    building, with ``type_principal`` (IGN's codes) and ``liens_vers_batiment``; the supermarket's point stands
    inside its footprint."""
    from osgeo import ogr

    by_id = {b["properties"]["cleabs"]: b for b in buildings}
    shapes = [(b["properties"]["cleabs"], _ogr(b)) for b in buildings]
    features = []
    for number, (name, cleabs, kind, activity, where, linked) in enumerate(SITES):
        footprint = _ogr(by_id[cleabs])
        xmin, xmax, ymin, ymax = footprint.GetEnvelope()
        cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        candidates = [(cx, ymin - 3.6), (cx, ymax + 3.6), (xmin - 3.6, cy), (xmax + 3.6, cy)]
        x, y = candidates[0]
        if kind == "M":
            inner = footprint.PointOnSurface()
            x, y = inner.GetX(), inner.GetY()
        else:
            for x, y in candidates:
                point = ogr.CreateGeometryFromWkt(f"POINT({x} {y})")
                if min(shapes, key=lambda item: item[1].Distance(point))[0] == cleabs:
                    break
        features.append({"type": "Feature", "id": f"erp.ERP{number:016d}",
                         "geometry": {"type": "Point", "coordinates": [round(x, 2), round(y, 2)]},
                         "properties": {"cleabs": f"ERP{number:016d}", "libelle": name, "categorie": "5",
                                        "type_principal": kind, "activite_principale": activity,
                                        "type_de_localisation": where,
                                        "liens_vers_batiment": cleabs if linked else None}})
    return features


def bridges(roads):
    """``construction_lineaire`` lines (nature 'Pont') along the road sections that cross on a bridge."""
    return [{"type": "Feature", "id": f"construction_lineaire.CONSLINE{r['properties']['cleabs'][8:]}",
             "geometry": r["geometry"],
             "properties": {"cleabs": f"CONSLINE{r['properties']['cleabs'][8:]}", "nature": "Pont",
                            "toponyme": None}}
            for r in roads if r["properties"].get("franchissement") == "Pont"]


def bridge_decks(roads):
    """The decks of the bridges at least :data:`DECK_MIN_LENGTH` long, as BD TOPO gives them in
    ``construction_surfacique`` (polygons, nature 'Pont'): the road line widened to its carriageway plus 2 m."""
    decks = []
    for road in roads:
        line = _ogr(road)
        if road["properties"].get("franchissement") != "Pont" or line.Length() < DECK_MIN_LENGTH:
            continue
        width = (road["properties"].get("largeur_de_chaussee") or 6.0) + 2.0
        deck = line.Buffer(width / 2, 1)
        ring = [list(point[:2]) for point in deck.GetGeometryRef(0).GetPoints()]
        cleabs = f"CONSSURF{road['properties']['cleabs'][8:]}"
        decks.append({"type": "Feature", "id": f"construction_surfacique.{cleabs}",
                      "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
                      "properties": {"cleabs": cleabs, "nature": "Pont", "toponyme": None}})
    return decks


def viaduct(roads):
    """(x0, y0, x1, y1, width) of the tilting viaduct, as the EGMS generator takes a deck."""
    road = next(r for r in roads if r["properties"]["cleabs"] == VIADUCT)
    line = road["geometry"]["coordinates"][0]
    return (*line[0][:2], *line[-1][:2], (road["properties"].get("largeur_de_chaussee") or 6.0) + 2.0)


def landsat_cogs(folder: Path, years, sample: Path):
    """One COG set per summer from the bundled sample scene, its surface temperature and reflectances redrawn from
    the real land cover around Olemps (:func:`follow_land_cover`) and warmer by 0.4 K a year."""
    from osgeo import gdal

    gdal.UseExceptions()
    product = sample / SAMPLE_PRODUCT
    items = {}
    for offset, year in enumerate(years):
        item_id = f"LC09_L2SP_197029_{year}0715_{year}0717_02_T1"
        files = {band: folder / f"{item_id}_{band}.TIF" for band in ("ST_B10", "QA_PIXEL", "SR_B4", "SR_B5")}
        # Made again each time (a few tenths of a second): the land cover rule may have changed.
        sources = {band: gdal.Open(str(product / f"{SAMPLE_PRODUCT}_{band}.TIF")) for band in files}
        memory = {band: gdal.GetDriverByName("MEM").CreateCopy("", source) for band, source in sources.items()}
        follow_land_cover(memory, 0.4 * offset)
        for band, dataset in memory.items():
            gdal.GetDriverByName("COG").CreateCopy(str(files[band]), dataset,
                                                   options=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])
        memory = sources = None
        items[item_id] = (f"{year}-07-15T10:27:00Z", files)
    return items


def follow_land_cover(bands: dict, warming: float, margin: float = 1500.0) -> None:
    """Redraw ST_B10, SR_B4 and SR_B5 (MEM datasets, in place) over Olemps and ``margin`` metres around it from the
    real land cover: open land about 28 °C in mid-July (as the scene around), each share of built footprint up to
    +9 K, of road up to +6 K, of woods down to −5 K, water at 22 °C; NDVI likewise (built and roads low, woods high,
    water negative).
    Cloud, shadow and fill pixels of the scene keep their values."""
    import numpy as np

    from territoire_plugin.core.grid import transformation

    st = bands["ST_B10"]
    x0, dx, _, y0, _, dy = st.GetGeoTransform()
    envelope = _ogr(olemps.commune()).Buffer(margin).GetEnvelope()  # (xmin, xmax, ymin, ymax), Lambert-93
    to_utm = transformation(2154, 32631)
    corners = [to_utm.TransformPoint(x, y)[:2] for x in envelope[:2] for y in envelope[2:]]
    col0 = max(int((min(c[0] for c in corners) - x0) / dx), 0)
    col1 = min(int((max(c[0] for c in corners) - x0) / dx) + 1, st.RasterXSize)
    row0 = max(int((max(c[1] for c in corners) - y0) / dy), 0)
    row1 = min(int((min(c[1] for c in corners) - y0) / dy) + 1, st.RasterYSize)
    width, height = col1 - col0, row1 - row0
    shares = olemps.land_cover((x0 + col0 * dx, dx, 0, y0 + row0 * dy, 0, dy), width, height, st.GetProjection())
    built, roads = shares["buildings"], np.clip(shares["roads"], 0, 1)
    woods = np.clip(shares["trees"] + 0.5 * shares["hedges"], 0, 1)
    water = shares["water"]
    rng = np.random.default_rng(12174)
    noise = rng.normal(0, 1.0, (height + 8, width + 8))
    for _ in range(3):  # a smooth texture, as fields and slopes give (a cheap box blur)
        noise = sum(np.roll(np.roll(noise, i, 0), j, 1) for i in (-1, 0, 1) for j in (-1, 0, 1)) / 9
    noise = noise[4:-4, 4:-4] / noise.std() * 0.8 + rng.normal(0, 0.2, (height, width))
    kelvin = 273.15 + 28.0 + 9.0 * built + 6.0 * roads - 5.0 * woods + noise + warming
    kelvin = kelvin * (1 - water) + (273.15 + 22.0 + warming) * water
    ndvi = np.clip(0.55 - 0.45 * built - 0.35 * roads + 0.25 * woods + rng.normal(0, 0.02, (height, width)),
                   0.05, 0.9)
    ndvi = ndvi * (1 - water) - 0.12 * water
    nir = np.where(water > 0.5, 0.03, 0.12 + 0.28 * ndvi)
    red = nir * (1 - ndvi) / (1 + ndvi)
    qa = bands["QA_PIXEL"].GetRasterBand(1).ReadAsArray(col0, row0, width, height)
    keep = ~np.isin(qa, (21824, 21952))  # cloud, dilated cloud, shadow, fill: as the scene has them
    # Blended with the scene over the window's outer 20 pixels: no seam.
    rows, cols = np.mgrid[0:height, 0:width]
    weight = np.clip(np.minimum.reduce([rows, cols, height - 1 - rows, width - 1 - cols]) / 20.0, 0, 1)
    for band, values, scale, offset in (("ST_B10", kelvin, 0.00341802, 149.0), ("SR_B4", red, 2.75e-05, -0.2),
                                        ("SR_B5", nir, 2.75e-05, -0.2)):
        target = bands[band].GetRasterBand(1)
        old = target.ReadAsArray(col0, row0, width, height).astype(np.float64)
        new = weight * (values - offset) / scale + (1 - weight) * old
        new = np.clip(np.round(new), 1, 65535).astype(np.uint16)
        target.WriteArray(np.where(keep, old.astype(np.uint16), new), col0, row0)


def population_cells(total: int) -> dict:
    """{(east, north) of a 200 m LAEA cell: inhabitants}: ``total`` spread over the residential buildings by floor
    area (footprint × storeys of 3 m), one decimal as INSEE's estimates have."""
    from territoire_plugin.core.grid import transformation

    to_laea = transformation(2154, 3035)
    floors = {}
    for building in olemps.features("batiment"):
        properties = building["properties"]
        if properties.get("usage_1") != "Résidentiel" and properties.get("usage_2") != "Résidentiel":
            continue
        shape = _ogr(building)
        inner = shape.PointOnSurface()
        east, north, _ = to_laea.TransformPoint(inner.GetX(), inner.GetY())
        key = (int(east // 200 * 200), int(north // 200 * 200))
        storeys = max(1.0, round((properties.get("hauteur") or 3.0) / 3.0))
        floors[key] = floors.get(key, 0.0) + shape.GetArea() * storeys
    whole = sum(floors.values())
    return {key: round(total * area / whole, 1) for key, area in floors.items() if total * area / whole >= 0.5}


def build(folder, sample) -> dict:
    """Write every file the services serve into ``folder``; return their paths and the features."""
    from testing.egms import points_over_footprints, write_egms_csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    buildings = olemps.features("batiment")
    roads = olemps.features("troncon_de_route")
    footprints = folder / "buildings.geojson"
    footprints.write_text(json.dumps({
        "type": "FeatureCollection", "features": buildings,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}), encoding="utf-8")
    egms = folder / "EGMS_L2b_sample_olemps.csv"
    swelling: set = set()
    points, dates, moved, _ = points_over_footprints(footprints, centre=SUBSIDENCE_CENTRE, radius=SUBSIDENCE_RADIUS,
                                                     per_building=3, bridge=viaduct(roads),
                                                     clay=(CLAY[0], CLAY[1], CLAY[3]), swelling=swelling)
    write_egms_csv(egms, points, dates)  # made again each time: the generator may have changed
    population = filosofi.insee_download(folder, cells=population_cells(olemps.commune()["properties"]["population"]))
    return {"folder": folder, "buildings": buildings, "egms": egms, "population": population, "moved": moved,
            "swelling": swelling,
            "layers": {
                "BDTOPO_V3:batiment": buildings,
                "BDTOPO_V3:troncon_de_route": roads,
                "BDTOPO_V3:troncon_de_voie_ferree": [],  # no railway crosses Olemps
                "BDTOPO_V3:construction_lineaire": bridges(roads),
                "BDTOPO_V3:construction_surfacique": bridge_decks(roads),
                "BDTOPO_V3:erp": public_buildings(buildings),
                "BDTOPO_V3:zone_de_vegetation": olemps.features("zone_de_vegetation"),
                "BDTOPO_V3:surface_hydrographique": olemps.features("surface_hydrographique"),
            }}


def clay_zones():
    """[(OGR polygon, class)] of the demo's exposure map: the "forte" patch, then the "moyenne" ring."""
    from osgeo import ogr

    (x, y), high, medium, _ = CLAY
    centre = ogr.CreateGeometryFromWkt(f"POINT({x} {y})")
    return [(centre.Buffer(high, 16), 3), (centre.Buffer(medium, 16), 2)]


def install_clay(server: LocalServer) -> str:
    """Géorisques for the demo town: the clay zones ("faible" elsewhere) and the commune's decrees."""
    rows = [fake_georisques.decree(*row, INSEE, NAME) for row in DECREES]
    return fake_georisques.install_georisques(server, clay_zones(), {INSEE: rows}, default=1)


def serve(folder, sample, years, server: LocalServer | None = None):
    """(server, environment variables pointing the plugin at it, built files) for the sample town."""
    server = server or LocalServer()
    built = build(folder, sample)
    cogs = landsat_cogs(Path(folder), years, Path(sample))
    items = [fake_stac.landsat_item(server.url, item_id, when, 12.0, files)
             for item_id, (when, files) in cogs.items()]
    env = {
        "TERRITOIRE_API_GEO_URL": fake_services.install_api_geo(server, outlines={INSEE: olemps.outline_lonlat()}),
        "TERRITOIRE_GEOPLATEFORME_WFS_URL": fake_services.install_wfs(server, built["layers"]),
        "TERRITOIRE_PLANETARY_COMPUTER_STAC_URL": fake_stac.install_stac(server, items),
        "TERRITOIRE_PLANETARY_COMPUTER_SAS_URL": fake_stac.install_sas_and_cogs(
            server, {files[band].name: files[band] for _, files in cogs.values() for band in files}),
        "TERRITOIRE_IGN_WMTS_URL": fake_basemap.install_wmts(server),
        "TERRITOIRE_IGN_WMS_RASTER_URL": fake_elevation.install_wms_raster(server),
        "TERRITOIRE_GEORISQUES_URL": install_clay(server),
        "TERRITOIRE_GEOCODING_URL": fake_basemap.install_geocoding(server,
                                                                   built["layers"]["BDTOPO_V3:troncon_de_route"]),
    }
    server.serve_file("/insee/Filosofi2019_carreaux_200m_csv.zip", built["population"])
    built["population_url"] = f"{server.url}/insee/Filosofi2019_carreaux_200m_csv.zip"
    return server, env, built
