"""Valid inputs for every algorithm of the provider, made once per module by the plugin's own algorithms on the
sample town, and valid parameters for each: the cancel test and the bad-input table start from them."""

import json
from pathlib import Path

import pytest

ALGORITHMS = [
    "clay_shrink_swell", "commune_boundary", "commune_diagnostic", "corridor_change", "digital_twin_3d",
    "download_bdtopo",
    "download_egms", "download_georisques", "download_landsat", "download_lcz", "download_population",
    "download_sentinel2", "greening_scenario", "ground_motion_assets", "ground_motion_differential",
    "ground_motion_trend", "heat_exposure", "heat_hotspots", "heat_island_intensity", "heat_islands", "import_egms",
    "landsat_lst", "landsat_lst_l1", "lst_composite", "ndvi",
]


@pytest.fixture(scope="module")
def inputs(town, sample_product, tmp_path_factory, qgis_app, qgis_processing):
    """Inputs for every algorithm, made once by the plugin's own algorithms on the sample town."""
    from conftest import register_provider
    from qgis import processing

    register_provider()
    folder = tmp_path_factory.mktemp("cancel_inputs")
    lst = processing.run("territoire:landsat_lst", {"INPUT": str(sample_product),
                                                    "OUTPUT": str(folder / "lst.tif")})["OUTPUT"]
    ndvi = processing.run("territoire:ndvi", {"INPUT": str(sample_product),
                                              "OUTPUT": str(folder / "ndvi.tif")})["OUTPUT"]
    egms = processing.run("territoire:import_egms", {"INPUT": str(town["egms"]),
                                                     "OUTPUT": str(folder / "egms.gpkg")})["OUTPUT"]
    from testing import fake_services

    lines = folder / "roads.geojson"
    lines.write_text(json.dumps({"type": "FeatureCollection",
                                 "features": fake_services.lambert93_lines("troncon_de_route"),
                                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}}),
                     encoding="utf-8")
    buildings = str(town["folder"] / "buildings.geojson")
    risks = processing.run("territoire:download_georisques", {"COMMUNE": "12174", "BUILDINGS": buildings,
                                                              "OUTPUT": str(folder / "georisques.gpkg")})["OUTPUT"]
    twin = twin_project(folder / "twin", buildings)
    return {"lst": lst, "ndvi": ndvi, "egms_csv": str(town["egms"]), "egms": egms, "lines": str(lines), "twin": twin,
            "buildings": buildings, "product": str(sample_product), "population": town["population_url"],
            "exposure": f"{risks}|layername=exposition_argiles", "decrees": f"{risks}|layername=catnat"}


def parameters(name: str, given: dict, out: Path) -> dict:
    """Valid parameters of algorithm ``name``, every output inside ``out``."""
    lst, ndvi, buildings = given["lst"], given["ndvi"], given["buildings"]
    return {
        "clay_shrink_swell": {"POINTS": given["egms"], "BUILDINGS": buildings, "EXPOSURE": given["exposure"],
                              "DECREES": given["decrees"], "OUTPUT": str(out / "clay.gpkg")},
        "commune_boundary": {"COMMUNE": "12174", "OUTPUT": str(out / "commune.gpkg")},
        "commune_diagnostic": {"COMMUNE": "12174", "EGMS": given["egms_csv"], "POPULATION": given["population"],
                               "OUTPUT_FOLDER": str(out)},
        "digital_twin_3d": {"PROJECT": given["twin"], "OVERWRITE": True},
        "corridor_change": {"BEFORE": ndvi, "AFTER": ndvi, "ASSETS": given["lines"],
                            "OUTPUT": str(out / "corridor.gpkg")},
        "download_bdtopo": {"COMMUNE": "12174", "THEMES": [0], "OUTPUT": str(out / "bdtopo.gpkg")},
        "download_egms": {"COMMUNE": "12174", "OUTPUT_FOLDER": str(out)},
        "download_georisques": {"COMMUNE": "12174", "OUTPUT": str(out / "georisques.gpkg")},
        "download_landsat": {"COMMUNE": "12174", "START": "2024-06-01", "END": "2026-08-31",
                             "OUTPUT_FOLDER": str(out)},
        "download_lcz": {"COMMUNE": "12174", "OUTPUT": str(out / "lcz.gpkg")},
        "download_population": {"COMMUNE": "12174", "SOURCE": given["population"],
                                "OUTPUT": str(out / "population.gpkg")},
        "download_sentinel2": {"COMMUNE": "12174", "START": "2024-06-01", "END": "2026-08-31",
                               "OUTPUT_FOLDER": str(out)},
        "greening_scenario": {"LST": lst, "NDVI": ndvi, "PLANTING": buildings, "OUTPUT": str(out / "g.tif"),
                              "OUTPUT_SUMMARY": str(out / "g.gpkg")},
        "ground_motion_assets": {"POINTS": given["egms"], "ASSETS": buildings, "OUTPUT": str(out / "gm.gpkg")},
        "ground_motion_differential": {"POINTS": given["egms"], "ASSETS": buildings,
                                       "OUTPUT": str(out / "dm.gpkg")},
        "ground_motion_trend": {"INPUT": given["egms"], "OUTPUT": str(out / "trend.gpkg")},
        "heat_exposure": {"LST": lst, "BUILDINGS": buildings, "OUTPUT_BUILDINGS": str(out / "exposure.gpkg")},
        "heat_hotspots": {"INPUT": lst, "OUTPUT": str(out / "hotspots.gpkg")},
        "heat_island_intensity": {"LST": lst, "OUTPUT": str(out / "intensity.tif")},
        "heat_islands": {"INPUT": lst, "OUTPUT": str(out / "islands.gpkg")},
        "import_egms": {"INPUT": given["egms_csv"], "OUTPUT": str(out / "egms.gpkg")},
        "landsat_lst": {"INPUT": given["product"], "OUTPUT": str(out / "lst.tif")},
        "landsat_lst_l1": {"INPUT": given["product"], "OUTPUT": str(out / "l1.tif")},  # refused: a Level-2
        "lst_composite": {"INPUTS": [lst, lst], "OUTPUT": str(out / "composite.tif")},
        "ndvi": {"INPUT": given["product"], "OUTPUT": str(out / "ndvi.tif")},
    }[name]


def twin_project(folder: Path, buildings: str, crs: str = "EPSG:2154", empty: bool = False,
                 name: str = "territoire_12174") -> str:
    """The smallest project of a commune diagnostic digital_twin_3d reads: the buildings as the GeoPackage's table
    « batiment », in ``folder/<name>.qgz`` (in ``crs``; ``empty``: no building)."""
    from osgeo import gdal
    from qgis.core import QgsProject, QgsVectorLayer

    gdal.UseExceptions()
    folder.mkdir(parents=True, exist_ok=True)
    gpkg = folder / f"{name}.gpkg"
    gdal.VectorTranslate(str(gpkg), buildings, layerName="batiment", dstSRS=crs,
                         where="1 = 0" if empty else None)
    project = QgsProject()
    layer = QgsVectorLayer(f"{gpkg}|layername=batiment", "Bâtiments", "ogr")
    assert layer.isValid()
    assert project.addMapLayer(layer, False) is not None
    project.layerTreeRoot().addGroup("Données").addLayer(layer)
    path = folder / f"{name}.qgz"
    assert project.write(str(path))
    return str(path)
