"""One row per bad input a careful user or a damaged file can give (issue 15): each ends in the project's own
clear message — never a traceback, never the "unexpected error" of a bug — with nothing left in the output
folder or in Processing's temporary folder and an existing output untouched; or, for an absurd but readable
input, in a refusal that says what is wrong rather than a normal-looking result."""

import re
import shutil
from pathlib import Path

import algorithm_inputs
import bad_files
import pytest
from algorithm_inputs import parameters

inputs = algorithm_inputs.inputs  # the module's fixture


def long_path(out: Path, suffix: str) -> str:
    return str(out / ("d" * 3000) / f"result{suffix}")


def file_as_folder(out: Path, name: str) -> str:
    (out / "a_file").write_text("not a folder", encoding="utf-8")
    return str(out / "a_file" / name)


LIST = '{"LANDSAT_METADATA_FILE": []}'
GROUPS = '{"LANDSAT_METADATA_FILE": {"LEVEL2_SURFACE_TEMPERATURE_PARAMETERS": 5}}'
# (id, algorithm, overrides(given, tmp, out) -> dict, expected message (regex), kind)
CASES = [
    # Landsat metadata (MTL) damaged or of the wrong shape
    ("mtl factor abc", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, mult="abc")},
     r"TEMPERATURE_MULT_BAND_ST_B10.*abc", "refuse"),
    ("mtl factor nan", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, mult="nan")},
     r"multiplier nan", "refuse"),
    ("mtl factor inf", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, add="inf")},
     r"offset inf", "refuse"),
    ("mtl json list", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, json=LIST)},
     r"Cannot read the metadata file .*: it is not a Landsat MTL", "refuse"),
    ("mtl json array", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, json="[1, 2]")},
     r"Cannot read the metadata file .*: it is not a Landsat MTL", "refuse"),
    ("mtl json groups of numbers", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, json=GROUPS)},
     r"The metadata file .* describes a product of level unknown with no ST_B10 band", "refuse"),
    ("mtl empty", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, text="")},
     r"Cannot read the metadata file .*: it is not a Landsat MTL", "refuse"),
    ("mtl binary", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, text="\x00\xff\xfe" * 50)},
     r"Cannot read the metadata file .*: it is not a Landsat MTL", "refuse"),
    ("lst output folder is a file", "landsat_lst", lambda g, t, o: {"OUTPUT": file_as_folder(o, "lst.tif")},
     r"a_file is a file, not a folder", "refuse"),
    ("lst path of 3000 characters", "landsat_lst", lambda g, t, o: {"OUTPUT": long_path(o, ".tif")},
     r"too long", "refuse"),
    ("lst existing output", "landsat_lst", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "lst.tif")},
     r"already exists", "refuse"),
    ("lst band missing", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, drop="ST_B10")},
     r"ST_B10", "refuse"),
    ("lst band is text", "landsat_lst", lambda g, t, o: {"INPUT": bad_files.product(g, t, garble="ST_B10")},
     r"ST_B10.*is not a raster QGIS can read", "refuse"),
    # NDVI
    ("ndvi scale 0", "ndvi", lambda g, t, o: bad_files.user_bands(g, t, 0.0), r"scale 0.0 .* must be a positive",
     "refuse"),
    ("ndvi scale nan", "ndvi", lambda g, t, o: bad_files.user_bands(g, t, float("nan")), r"scale nan", "refuse"),
    ("ndvi existing output", "ndvi", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "ndvi.tif")},
     r"already exists", "refuse"),
    ("ndvi red band is text", "ndvi", lambda g, t, o: {"INPUT": bad_files.product(g, t, garble="SR_B4")},
     r"SR_B4.*is not a raster QGIS can read", "refuse"),
    # Heat islands, hot spots, composite, intensity
    ("islands percentile 150", "heat_islands", lambda g, t, o: {"MODE": 1, "THRESHOLD": 150.0},
     r"[Pp]ercentile.*0.*100", "refuse"),
    ("islands percentile -5", "heat_islands", lambda g, t, o: {"MODE": 1, "THRESHOLD": -5.0},
     r"[Pp]ercentile.*0.*100", "refuse"),
    ("islands existing output", "heat_islands", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "islands.gpkg")},
     r"already exists", "refuse"),
    ("islands raster without georeferencing", "heat_islands",
     lambda g, t, o: {"INPUT": bad_files.raster(g["lst"], t, georeferenced=False)}, r"is not georeferenced", "refuse"),
    ("islands raster is text", "heat_islands", lambda g, t, o: {"INPUT": bad_files.text(t, "x.tif")},
     r"x\.tif", "refuse"),
    ("hotspots band of 10,000 km", "heat_hotspots", lambda g, t, o: {"DISTANCE": 1e7}, r"band", "refuse"),
    ("hotspots existing output", "heat_hotspots", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "hotspots.gpkg")},
     r"already exists", "refuse"),
    ("hotspots raster without georeferencing", "heat_hotspots",
     lambda g, t, o: {"INPUT": bad_files.raster(g["lst"], t, georeferenced=False)}, r"is not georeferenced", "refuse"),
    ("composite without georeferencing", "lst_composite",
     lambda g, t, o: {"INPUTS": [g["lst"], bad_files.raster(g["lst"], t, georeferenced=False)]},
     r"is not georeferenced", "refuse"),
    ("composite of all-nodata rasters", "lst_composite",
     lambda g, t, o: {"INPUTS": [bad_files.raster(g["lst"], t, nodata=True) for _ in range(2)]},
     r"None of the 2 temperature rasters has a valid pixel", "refuse"),
    ("composite existing output", "lst_composite", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "composite.tif")},
     r"already exists", "refuse"),
    ("intensity existing output", "heat_island_intensity",
     lambda g, t, o: {"OUTPUT": bad_files.existing(o, "intensity.tif")}, r"already exists", "refuse"),
    ("intensity raster without georeferencing", "heat_island_intensity",
     lambda g, t, o: {"LST": bad_files.raster(g["lst"], t, georeferenced=False)}, r"is not georeferenced", "refuse"),
    # Greening
    ("greening on a constant temperature", "greening_scenario",
     lambda g, t, o: {"LST": bad_files.raster(g["lst"], t, constant=30.0)},
     r"surface temperature is the same \(30.00 °C\)", "refuse"),
    ("greening existing output", "greening_scenario", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "g.tif")},
     r"already exists", "refuse"),
    ("greening raster without georeferencing", "greening_scenario",
     lambda g, t, o: {"NDVI": bad_files.raster(g["ndvi"], t, georeferenced=False)}, r"is not georeferenced", "refuse"),
    # Heat exposure
    ("exposure existing output", "heat_exposure",
     lambda g, t, o: {"OUTPUT_BUILDINGS": bad_files.existing(o, "exposure.gpkg")}, r"already exists", "refuse"),
    ("exposure shapefile output, empty buildings", "heat_exposure",
     lambda g, t, o: {"BUILDINGS": bad_files.empty_polygons(t), "OUTPUT_BUILDINGS": str(o / "exposure.shp")},
     r"empty", "refuse"),
    ("exposure raster without georeferencing", "heat_exposure",
     lambda g, t, o: {"LST": bad_files.raster(g["lst"], t, georeferenced=False)}, r"is not georeferenced", "refuse"),
    # Corridor change
    ("corridor raster without georeferencing", "corridor_change",
     lambda g, t, o: {"BEFORE": bad_files.raster(g["ndvi"], t, georeferenced=False)}, r"is not georeferenced",
     "refuse"),
    ("corridor existing output", "corridor_change", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "corridor.gpkg")},
     r"already exists", "refuse"),
    ("corridor on curved lines", "corridor_change", lambda g, t, o: {"ASSETS": bad_files.curved_lines(g, t)},
     None, "works"),
    # EGMS import
    ("egms short row", "import_egms", lambda g, t, o: {"INPUT": bad_files.egms(g, t, "short")},
     r"Line 3 of EGMS_damaged.csv has 5 values where its header names", "refuse"),
    ("egms nan easting", "import_egms", lambda g, t, o: {"INPUT": bad_files.egms(g, t, "nan easting")},
     r"Line 3 of EGMS_damaged.csv: easting is « nan », not a number", "refuse"),
    ("egms field of 200,000 characters", "import_egms", lambda g, t, o: {"INPUT": bad_files.egms(g, t, "long field")},
     r"Line 3 of EGMS_damaged.csv holds a value of more than 131072 characters", "refuse"),
    ("egms letters in a series", "import_egms", lambda g, t, o: {"INPUT": bad_files.egms(g, t, "letters")},
     r"Line 3 of EGMS_damaged.csv: 2019\d{4} is « abc », not a number", "refuse"),
    ("egms bad date column", "import_egms", lambda g, t, o: {"INPUT": bad_files.egms(g, t, "bad date")},
     r"The column 20191399 of EGMS_damaged.csv is not a date", "refuse"),
    ("egms letters in the velocity", "import_egms", lambda g, t, o: {"INPUT": bad_files.egms(g, t, "velocity")},
     r"Line 3 of EGMS_damaged.csv: mean_velocity is « vite », not a number", "refuse"),
    ("egms empty file", "import_egms", lambda g, t, o: {"INPUT": bad_files.text(t, "egms.csv", "")},
     r"egms.csv holds no EGMS point", "refuse"),
    ("egms a JPEG named .csv", "import_egms", lambda g, t, o: {"INPUT": bad_files.jpeg(t, "egms.csv")},
     r"egms\.csv", "refuse"),
    ("egms a JPEG named .zip", "import_egms", lambda g, t, o: {"INPUT": bad_files.jpeg(t, "egms.zip")},
     r"egms\.zip", "refuse"),
    ("egms existing output", "import_egms", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "egms.gpkg")},
     r"already exists", "refuse"),
    ("egms output folder is a file", "import_egms", lambda g, t, o: {"OUTPUT": file_as_folder(o, "egms.gpkg")},
     r"a_file is a file, not a folder", "refuse"),
    # Ground motion
    ("trend on a 3-byte series", "ground_motion_trend", lambda g, t, o: {"INPUT": bad_files.short_series(g, t)},
     r"displacement series", "refuse"),
    ("trend existing output", "ground_motion_trend", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "trend.gpkg")},
     r"already exists", "refuse"),
    ("assets in degrees", "ground_motion_assets", lambda g, t, o: {"ASSETS": bad_files.in_degrees(g, t)},
     r"geographic", "refuse"),
    ("assets empty", "ground_motion_assets", lambda g, t, o: {"ASSETS": bad_files.empty_polygons(t)}, r"empty",
     "refuse"),
    ("assets existing output", "ground_motion_assets", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "gm.gpkg")},
     r"already exists", "refuse"),
    ("differential existing output", "ground_motion_differential",
     lambda g, t, o: {"OUTPUT": bad_files.existing(o, "dm.gpkg")}, r"already exists", "refuse"),
    # Filosofi population from a local file
    ("filosofi short rows", "download_population", lambda g, t, o: {"SOURCE": bad_files.filosofi(t, "short")},
     r"Line 3 of Filosofi2019_carreaux_200m_met.csv has 2 values where its header names", "refuse"),
    ("filosofi absurd cell ids", "download_population", lambda g, t, o: {"SOURCE": bad_files.filosofi(t, "cell")},
     r"Line 3 of .*: the cell « CRS3035RES200mNabcE1234 » is not a Filosofi cell", "refuse"),
    ("filosofi ind = beaucoup", "download_population", lambda g, t, o: {"SOURCE": bad_files.filosofi(t, "beaucoup")},
     r"Line 822 of .*: ind is « beaucoup », not a number of inhabitants", "refuse"),
    ("filosofi a JPEG named .gpkg", "download_population", lambda g, t, o: {"SOURCE": bad_files.jpeg(t, "f.gpkg")},
     r"f\.gpkg is not a GeoPackage", "refuse"),
    ("filosofi a missing file", "download_population", lambda g, t, o: {"SOURCE": str(t / "nowhere.zip")},
     r"nowhere\.zip", "refuse"),
    ("filosofi existing output", "download_population",
     lambda g, t, o: {"OUTPUT": bad_files.existing(o, "population.gpkg")}, r"already exists", "refuse"),
    # Partner data outputs
    ("commune existing output", "commune_boundary", lambda g, t, o: {"OUTPUT": bad_files.existing(o, "commune.gpkg")},
     r"already exists", "refuse"),
    ("commune unknown", "commune_boundary", lambda g, t, o: {"COMMUNE": "Nullepartville-sur-Rien"},
     r"Nullepartville", "refuse"),
    ("bdtopo not a geopackage", "download_bdtopo", lambda g, t, o: {"OUTPUT": str(o / "bdtopo.csv")},
     r"GeoPackage", "refuse"),
    ("landsat_l1 on a level-2 product", "landsat_lst_l1", lambda g, t, o: {}, r"Level-2|L2", "refuse"),
    # The 3D twin: a project that is not a diagnostic's, buildings in degrees, no building, a theme not computed
    ("twin on another project", "digital_twin_3d", lambda g, t, o: {"PROJECT": algorithm_inputs.twin_project(
        t, g["buildings"], name="mon_projet")}, r"is not the project of a commune diagnostic", "refuse"),
    ("twin buildings in degrees", "digital_twin_3d", lambda g, t, o: {"PROJECT": algorithm_inputs.twin_project(
        t, g["buildings"], crs="EPSG:4326")}, r"geographic CRS.*EPSG:4326.*Lambert-93", "refuse"),
    ("twin without buildings", "digital_twin_3d", lambda g, t, o: {"PROJECT": algorithm_inputs.twin_project(
        t, g["buildings"], empty=True)}, r"holds no building", "refuse"),
    ("twin theme not computed", "digital_twin_3d", lambda g, t, o: {"THEME": 2},
     r"no layer for the theme asked \(motion\)\. Themes it has: buildings", "refuse"),
]


def test_the_table_is_large_enough():
    assert len(CASES) >= 60
    assert len({case[0] for case in CASES}) == len(CASES)


def every_file(folder: Path) -> dict:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} if folder.exists() else {}


@pytest.mark.parametrize(("name", "overrides", "expected", "kind"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_input_gets_a_clear_message_and_leaves_nothing(provider, inputs, tmp_path, name, overrides,
                                                             expected, kind):
    from qgis import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProcessingUtils

    out, scratch = tmp_path / "out", tmp_path / "inputs"
    out.mkdir()
    scratch.mkdir()
    params = {**parameters(name, inputs, out), **overrides(inputs, scratch, out)}
    before, temporary = every_file(out), every_file(Path(QgsProcessingUtils.tempFolder()))
    try:
        results = processing.run(f"territoire:{name}", params, feedback=QgsProcessingFeedback())
        message = None
    except QgsProcessingException as error:
        message, results = str(error), None
    if kind == "works":
        assert message is None, message
        return
    assert message is not None, f"accepted: {results}"
    assert "Traceback" not in message and 'File "' not in message, message
    assert "unexpected error" not in message, message
    assert re.search(expected, message), message
    assert every_file(out) == before
    left = set(every_file(Path(QgsProcessingUtils.tempFolder()))) - set(temporary)
    assert not left, left
    shutil.rmtree(tmp_path, ignore_errors=True)
