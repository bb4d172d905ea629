"""territoire:commune_diagnostic end to end against the sample town's local services.

Two communes (one in this process through Processing, one headless through qgis_process.bin) give two
complete sets of outputs; the figures of the report are recomputed from the GeoPackage with an
independent reader (rasterio); the PDF is rendered to PNG pages and its maps checked not blank; the
alerts land exactly on the buildings the EGMS generator made to subside; a cancel in the middle, or a
second run without "replace", leaves the output folder as it was.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import ARTIFACTS, QGIS_PROCESS, TOWN_YEARS, make_profile, qgis_env

from testing.fake_basemap import street_name
from testing.sample_town import NOTICE, VIADUCT

YEARS = TOWN_YEARS


@pytest.fixture(scope="module")
def olemps(town, tmp_path_factory, qgis_app, qgis_processing):
    from conftest import register_provider
    from qgis import processing

    register_provider()
    folder = tmp_path_factory.mktemp("diagnostics")
    from test_diagnostic_folders import left_by_a_killed_run

    left_by_a_killed_run(folder)  # the run cleans it up (check_complete: no .territoire-* left)
    from qgis.core import QgsSettings

    QgsSettings().setValue("territoire/report_notice", NOTICE)  # as make demo says it
    result = processing.run("territoire:commune_diagnostic", {
        "COMMUNE": "Olemps", "LAST_SUMMER": YEARS[-1], "SUMMERS": 3, "EGMS": str(town["egms"]),
        "POPULATION": town["population_url"], "OUTPUT_FOLDER": str(folder)})
    QgsSettings().remove("territoire/report_notice")
    return folder, result


def pdf_pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def image_array(path: Path) -> np.ndarray:
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    pointer = image.constBits()
    pointer.setsize(image.sizeInBytes())
    return np.frombuffer(pointer, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)[
        :, :image.width(), :3].copy()


def check_complete(folder: Path, insee: str, name: str, tmp: Path, population: bool = True) -> dict:
    """Every deliverable of one commune is there and sound; returns what the checks read."""
    from osgeo import ogr
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    results = folder / f"{insee}_{name}"
    gpkg, project_file = results / f"territoire_{insee}.gpkg", results / f"territoire_{insee}.qgz"
    pdf, png = results / f"rapport_{insee}.pdf", results / f"carte_{insee}.png"
    for path in (gpkg, project_file, pdf, png):
        assert path.stat().st_size > 1000, path
    assert not list(folder.glob(".territoire-*")), "the work folder must be gone"
    source = ogr.Open(str(gpkg))
    names = {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())}
    source = None
    for layer in ("commune", "batiment", "troncon_de_route", "erp", "ilots_chaleur", "points_chauds",
                  "batiments_chaleur", "egms_points", "egms_dates", "mouvement_batiment", "mouvement_troncon_de_route",
                  "argiles_batiments", "argiles_exposition", "catnat") + (
                      ("vulnerabilite_200m",) if population else ()):
        assert layer in names, (layer, names)
    assert ("vulnerabilite_200m" in names) == population
    for raster in ("lst", "intensite_icu", "ndvi"):
        assert QgsRasterLayer(f"GPKG:{gpkg}:{raster}", raster, "gdal").isValid(), raster
    # Styled when the GeoPackage is opened alone (style saved in it).
    alone = QgsVectorLayer(f"{gpkg}|layername=mouvement_batiment", "m", "ogr")
    assert alone.renderer().type() == "categorizedSymbol", alone.renderer().type()

    project = QgsProject()
    assert project.read(str(project_file))
    top = project.layerTreeRoot().children()[0]
    assert top.name() == f"Territoire — {'Olemps' if insee == '12174' else 'Rodez'}"
    assert [group.name() for group in top.children()] == ["Données", "Surchauffe", "Infrastructures", "Argiles"]
    assert project.layerTreeRoot().children()[1].name() == "Fond de plan"
    assert set(project.mapThemeCollection().mapThemes()) == {"Surchauffe", "Infrastructures", "Argiles", "Tout"}
    basemap = results / f"fond_de_plan_{insee}.tif"  # the report's Plan IGN image, beside it (a copy of tiles)
    for layer in project.mapLayers().values():
        assert layer.isValid(), layer.name()
        if layer.name() == "Plan IGN (image du rapport)":
            assert layer.source() == str(basemap)
        elif layer.providerType() != "wms":  # every other layer but the live basemaps reads the GeoPackage
            assert str(gpkg) in layer.source(), layer.source()
    commune = project.mapLayersByName("Commune")[0]
    view = project.viewSettings().defaultViewExtent()
    assert view.contains(commune.extent()) and view.width() < commune.extent().width() * 1.3
    assert project.layoutManager().layouts(), "the report's layout is kept in the project"

    pages = pdf_pages(pdf, tmp)
    assert len(pages) == 9
    ARTIFACTS.mkdir(exist_ok=True)
    for number in (0, 2, 4, 5, 6, 8):  # cover, temperature, exposure, ground-motion and clay maps, tables
        pixels = image_array(pages[number])
        height = pixels.shape[0]
        map_area = pixels[int(height * 0.15):int(height * 0.6)]
        assert map_area.std() > 25, (number, map_area.std())
        assert len(np.unique(map_area.reshape(-1, 3), axis=0)) > 40
        (ARTIFACTS / f"diagnostic_{insee}_page{number + 1}.png").write_bytes(pages[number].read_bytes())
    return {"gpkg": gpkg, "project": project, "results": results}


def test_olemps_diagnostic_is_complete_and_right(olemps, town, tmp_path):
    import rasterio
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    folder, result = olemps
    checked = check_complete(folder, "12174", "olemps", tmp_path)
    gpkg = checked["gpkg"]
    assert result["GEOPACKAGE"] == str(gpkg)
    # The summary's median temperature, recomputed from the GeoPackage raster with rasterio.
    with rasterio.open(f"GPKG:{gpkg}:lst") as raster:
        values = raster.read(1, masked=True).compressed()
    summary = result["SUMMARY"]
    assert f"{float(np.median(values)):.1f}".replace(".", ",") in summary, summary
    assert f"{float(np.percentile(values, 90)):.1f}".replace(".", ",") in summary, summary
    # French typography: a no-break space before every colon and unit, real plurals, no "(s)".
    assert " :" not in summary and " °C" not in summary and "(s)" not in summary, summary
    assert "\u00a0: " in summary and "\u00a0°C" in summary
    assert re.search(r"\d\u00a0(scène Landsat|scènes Landsat)\b", summary), summary
    assert re.search(r"\d\u00a0ouvrages? en alerte", summary), summary
    # Alerts land on the buildings made to subside (among those inside the commune).
    moved = {town["buildings"][fid]["properties"]["cleabs"] for fid in town["moved"]}
    buildings = QgsVectorLayer(f"{gpkg}|layername=mouvement_batiment", "b", "ogr")
    on_alert = {f["cleabs"] for f in buildings.getFeatures(QgsFeatureRequest().setFilterExpression('"gm_class" = 3'))}
    present = {f["cleabs"] for f in buildings.getFeatures()}
    # No false alarm; a subsiding building whose 5 m buffer also takes in more points of stable neighbours than
    # its own (dense real footprints) may read as stable or to watch: nearly all the others are on alert.
    assert len(on_alert) > 10 and on_alert <= moved & present
    assert len(on_alert) >= 0.95 * len(moved & present), (len(on_alert), len(moved & present))
    assert result["ALERTS"] >= len(on_alert)
    # The report's words, read back from the PDF (pdftotext): the alert table says it is cut and out of how
    # many, counted here from the GeoPackage (assets of every kind with gm_class 3); French typography.
    text = subprocess.run(["pdftotext", "-layout", str(folder / "12174_olemps" / "rapport_12174.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    total = 0
    for name in ("mouvement_batiment", "mouvement_troncon_de_route", "mouvement_troncon_de_voie_ferree",
                 "mouvement_pont", "mouvement_pont_surface"):
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        if layer.isValid():
            total += sum(1 for f in layer.getFeatures() if f["gm_class"] == 3)
    assert total > 15
    flat = " ".join(text.split())
    assert f"Les 15 ouvrages les plus préoccupants sur {total} en alerte" in flat, flat[-2000:]
    assert "Diagnostic de la commune d'Olemps" in flat and "Date de la mesure" not in flat  # in the chart image
    assert "(s)" not in flat and " ouvrage(s)" not in flat
    assert re.search(r"\d,\d\s?°C", flat) and not re.search(r"\d\.\d\s?°C", flat)  # decimal commas
    # The hottest sensitive site of the summary is the hottest of the exposure layer.
    exposed = QgsVectorLayer(f"{gpkg}|layername=batiments_chaleur", "e", "ogr")
    sites = sorted(((f["lst_mean"], f["sensitive_why"]) for f in exposed.getFeatures() if f["sensitive"] == 1),
                   reverse=True)
    assert sites and sites[0][1].split(":")[-1].strip() in summary
    # The sensitive buildings are those of the school, the nursing home and the crèche (real Olemps footprints):
    # their ERP points stand outside the footprints (two linked by liens_vers_batiment, one by the nearest
    # footprint); the restaurant and the supermarket (ERP types N and M) are not sensitive.
    from testing.sample_town import SENSITIVE

    flagged = {f["cleabs"]: f["sensitive_why"] for f in exposed.getFeatures() if f["sensitive"] == 1}
    assert set(flagged) == {cleabs for _, cleabs, *_ in SENSITIVE}
    assert sorted(why.split(":")[0] for why in flagged.values()) == ["ERP J", "ERP R", "ERP R"]
    # The bridge decks (construction_surfacique polygons) have their own layers; the viaduct's tilts.
    decks = town["layers"]["BDTOPO_V3:construction_surfacique"]
    deck = QgsVectorLayer(f"{gpkg}|layername=mouvement_pont_surface", "d", "ogr")
    assert deck.isValid() and deck.featureCount() == len(decks) > 1
    assert QgsVectorLayer(f"{gpkg}|layername=pont_surface", "s", "ogr").featureCount() == len(decks)
    viaduct = next(f for f in deck.getFeatures() if f["cleabs"].endswith(VIADUCT[8:]))
    assert viaduct["gm_class"] >= 2
    # The real town: its buildings are BD TOPO's (every one of the extract inside the outline is in the GeoPackage).
    served = {b["properties"]["cleabs"] for b in town["buildings"]}
    written = {f["cleabs"] for f in QgsVectorLayer(f"{gpkg}|layername=batiment", "b", "ogr").getFeatures()}
    assert written <= served and len(written) > 0.95 * len(served)
    # The cover says what is synthetic (the demo's notice); the basemap is named on every map.
    assert "Démonstration : bâtiments, routes et contour réels" in flat
    assert "127.0.0.1:" in flat  # (pdftotext's reading order of the small sources lines varies: counted below)
    # Addresses name the rows (no BD TOPO identifier in the tables), from the geocoder's streets.
    tables_page = flat[flat.rindex("Tableaux"):]
    assert "BATIMENT0" not in tables_page and "TRONROUT0" not in tables_page
    streets = {street_name(r["properties"]["nom_1_gauche"]) for r in town["layers"]["BDTOPO_V3:troncon_de_route"]
               if r["properties"].get("nom_1_gauche")}
    named = [street for street in streets if street in tables_page]
    assert len(named) >= 3, tables_page[:1500]
    # Close-ups: the layout kept in the project has the motion and heat close-ups, the motion one on the alerts.
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemMap

    layout = checked["project"].layoutManager().layouts()[0]
    sources = [item.text() for item in layout.items() if isinstance(item, QgsLayoutItemLabel)
               and item.text().startswith("Sources")]
    assert len(sources) == 6 and all("Fond\u00a0: tuiles de 127.0.0.1:" in line for line in sources), sources
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    # Clay shrink-swell: the summary counts the buildings to inspect as the GeoPackage has them, names the last
    # drought summer of the decrees; the page and its table are in the PDF.
    clay = QgsVectorLayer(f"{gpkg}|layername=argiles_batiments", "c", "ogr")
    inspect = sum(1 for f in clay.getFeatures() if f["clay_class"] == 3)
    assert inspect > 20 and f"Argiles\u00a0: {inspect}\u00a0bâtiments à inspecter" in summary, summary
    assert "le dernier pour l'été 2022" in summary
    assert "Argiles : bâtiments qui bougent avec les sécheresses" in flat
    assert f"Les 6 bâtiments les plus concernés sur {inspect} à inspecter pour les argiles" in flat
    assert len(maps) == 9  # cover, five topics, three close-ups
    close_ups = sorted(maps, key=lambda item: item.extent().width())[:3]
    assert all(item.extent().width() < 1000 for item in close_ups)
    alert_centres = [f.geometry().boundingBox().center() for f in buildings.getFeatures(
        QgsFeatureRequest().setFilterExpression('"gm_class" = 3'))]
    shown = max(sum(item.extent().contains(centre) for centre in alert_centres) for item in close_ups)
    assert shown >= 0.5 * len(alert_centres), (shown, len(alert_centres))


def test_second_commune_headless_gives_a_second_complete_set(olemps, town, tmp_path, tmp_path_factory, package_zip):
    folder, _ = olemps
    profile = make_profile(tmp_path_factory.mktemp("qp_diag"), package_zip,
                           "[locale]\noverrideFlag=true\nuserLocale=fr_FR\n")
    env = {**qgis_env(profile), **town["env"]}
    run = subprocess.run([QGIS_PROCESS, "--json", "run", "territoire:commune_diagnostic", "--", "COMMUNE=12202",
                          f"LAST_SUMMER={YEARS[-1]}", f"EGMS={town['egms']}", f"OUTPUT_FOLDER={folder}"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads(run.stdout)["results"]
    assert Path(results["REPORT"]).parent.name == "12202_rodez"
    check_complete(folder, "12202", "rodez", tmp_path, population=False)
    assert (folder / "12174_olemps" / "rapport_12174.pdf").exists()  # the first commune's set is untouched


def test_existing_results_are_kept_unless_replace_is_ticked(olemps, town, provider):
    from qgis import processing
    from qgis.core import QgsProcessingException

    folder, _ = olemps
    report = folder / "12174_olemps" / "rapport_12174.pdf"
    before = (report.stat().st_mtime_ns, report.read_bytes())
    with pytest.raises(QgsProcessingException, match="already exist"):
        processing.run("territoire:commune_diagnostic", {
            "COMMUNE": "Olemps", "LAST_SUMMER": YEARS[-1], "ANALYSES": 1, "OUTPUT_FOLDER": str(folder)})
    assert (report.stat().st_mtime_ns, report.read_bytes()) == before
    assert not list(folder.glob(".territoire-*"))


@pytest.mark.parametrize("stop_at", ["Heat islands and hot spots", "GeoPackage, project and report"])
def test_cancel_in_the_middle_leaves_the_folder_as_it_was(town, tmp_path, stop_at, provider):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("the town's own file")

    class Stop(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.seen = []

        def setProgressText(self, text):  # noqa: N802 - Qt API
            self.seen.append(text)
            if text == stop_at or text.startswith(stop_at):
                self.cancel()

    feedback = Stop()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:commune_diagnostic")
    results, ok = algorithm.run({"COMMUNE": "Olemps", "LAST_SUMMER": YEARS[-1], "EGMS": str(town["egms"]),
                                 "OUTPUT_FOLDER": str(folder)}, QgsProcessingContext(), feedback)
    assert stop_at in feedback.seen
    assert not results.get("REPORT")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    # A folder the run had to create is gone again.
    fresh = tmp_path / "new" / "folder"
    feedback = Stop()
    algorithm.run({"COMMUNE": "Olemps", "LAST_SUMMER": YEARS[-1], "OUTPUT_FOLDER": str(fresh)},
                  QgsProcessingContext(), feedback)
    assert stop_at in feedback.seen and not fresh.exists()


def test_report_texts_and_layer_names_exist_in_both_languages(qgis_app):
    """Every French text of the report has its English one with the same placeholders, and back."""
    import string

    from territoire_plugin.diagnostic import catalogue
    from territoire_plugin.diagnostic.report.text import TEXT, text_for

    def placeholders(value):
        if isinstance(value, str):
            return sorted(name for _, name, _, _ in string.Formatter().parse(value) if name)
        if isinstance(value, dict):
            return {key: placeholders(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [placeholders(item) for item in value]
        return value

    assert placeholders(TEXT["fr"]) == placeholders(TEXT["en"])
    assert set(catalogue.words("fr")) == set(catalogue.words("en"))
    assert all(catalogue.words(language)[key] for language in ("fr", "en") for key in catalogue.words("fr"))
    for key in ("classes", "table_sites", "table_alerts", "sources_rows", "caveat_text"):
        assert len(TEXT["fr"][key]) == len(TEXT["en"][key]), key
    assert TEXT["fr"]["title"] != TEXT["en"]["title"]
    french, english = text_for("fr"), text_for("en")
    assert (french["number"](28.44), french["number"](4.66, signed=True), english["number"](28.44)) == (
        "28,4", "+4,7", "28.4")
    assert set(TEXT["fr"]["nouns"]) == set(TEXT["en"]["nouns"])
    assert [french["count"](n, "asset") for n in (1, 2)] == ["1\u00a0ouvrage", "2\u00a0ouvrages"]
    assert [english["count"](n, "asset") for n in (1, 2)] == ["1\u00a0asset", "2\u00a0assets"]
    assert TEXT["fr"]["title"].format(of_name=french["of"]("Olemps")) == "Diagnostic de la commune d'Olemps"
    assert TEXT["fr"]["title"].format(of_name=french["of"]("Le Havre")) == "Diagnostic de la commune du Havre"
    # No "(s)" left for a number to fill in: every counted noun goes through the plural helper.
    flat = repr(TEXT)
    assert "(s)" not in flat, [line for line in flat.split("'") if "(s)" in line]


def test_a_failed_population_step_leaves_the_rest_of_the_diagnostic(town, tmp_path, provider):
    """Filosofi comes as a zip holding a .7z (reference/partner-services.md, "INSEE Filosofi"); here the 7z is
    damaged: when the population step cannot read what it is given, everything else is delivered and the report
    says why."""
    from qgis import processing

    from testing.fake_services import zip_files

    packaged = zip_files(tmp_path / "Filosofi2017_carreaux_200m_csv.zip",
                         {"Filosofi2017_carreaux_200m_csv.7z": b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(200)})
    folder = tmp_path / "out"
    result = processing.run("territoire:commune_diagnostic", {
        "COMMUNE": "Olemps", "LAST_SUMMER": YEARS[-1], "SUMMERS": 3, "EGMS": str(town["egms"]),
        "POPULATION": str(packaged), "OUTPUT_FOLDER": str(folder)})
    assert Path(result["REPORT"]).exists()
    check_complete(folder, "12174", "olemps", tmp_path, population=False)
    # The report's layout, saved in the project file, says why: its labels, read from the file's XML (whatever
    # the PDF's text rendering: QGIS 3.40 writes it as outlines, which pdftotext cannot read).
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(result["PROJECT"]) as archive:
        qgs = next(name for name in archive.namelist() if name.endswith(".qgs"))
        root = ET.fromstring(archive.read(qgs))
    labels = " ".join(item.get("labelText", "") for item in root.iter("LayoutItem"))
    assert "population" in labels.lower() and "Filosofi2017_carreaux_200m_csv.zip" in labels


# ------------------------------------------------------------------------------------------------ the 3D twin


class _Log:
    """A Processing feedback that keeps what the algorithm said."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Keeping(QgsProcessingFeedback):
            def __init__(self, kept):
                super().__init__()
                self.kept = kept

            def pushInfo(self, info):  # noqa: N802 - Qt API
                self.kept.append(("info", info))
                super().pushInfo(info)

            def pushWarning(self, warning):  # noqa: N802 - Qt API
                self.kept.append(("warning", warning))
                super().pushWarning(warning)

        self.lines = []
        self.feedback = Keeping(self.lines)

    def warnings(self):
        return [text for kind, text in self.lines if kind == "warning"]


def olemps_copy(olemps, tmp_path) -> Path:
    import shutil

    folder, _ = olemps
    copy = tmp_path / "12174_olemps"
    shutil.copytree(folder / "12174_olemps", copy)
    return copy


def saved_view(project: Path):
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(project) as archive:
        text = next(archive.read(n) for n in archive.namelist() if n.endswith(".qgs")).decode("utf-8")
    return ET.fromstring(text)


def test_the_digital_twin_adds_a_3d_view_on_the_real_relief(olemps, town, tmp_path, provider):
    import xml.etree.ElementTree as ET

    from osgeo import gdal
    from qgis import processing
    from qgis.core import QgsProject

    from territoire_plugin.diagnostic.twin import table_of
    from territoire_plugin.qgis_io.scene3d import VIEW_NAME, init_3d, layer_heights

    init_3d()  # to read the 3D renderers back, as QGIS's window does
    folder = olemps_copy(olemps, tmp_path)
    project = folder / "territoire_12174.qgz"
    before = QgsProject()
    assert before.read(str(project))
    layers_before = set(before.mapLayers())
    log = _Log()
    result = processing.run("territoire:digital_twin_3d", {"PROJECT": str(project)}, feedback=log.feedback)
    assert result["THEME"] == "heat"  # the first theme the diagnostic has
    assert result["IMAGE"] == ""  # this process draws offscreen, without OpenGL: said, no image
    assert any("xvfb-run" in text for text in log.warnings()) and not list(folder.glob("vue3d_*"))
    # The relief: the sample town's WMS-Raster serves Olemps' real terrain (498–641 m along its roads).
    relief = gdal.Open(result["RELIEF"])
    values = relief.GetRasterBand(1).ReadAsArray()
    assert relief.GetGeoTransform()[1] == 5.0 and 480 < float(values.min()) and float(values.max()) < 700
    # The project opens with its 3D view, on that relief, the buildings in it.
    views = saved_view(project).findall("mapViewDocks3D/view")
    assert [view.get("name") for view in views] == [VIEW_NAME]
    again = QgsProject()
    assert again.read(str(project))
    by_table = {table_of(layer): layer for layer in again.mapLayers().values()}
    terrain = views[0].find("qgis3d/terrain")
    assert by_table["relief_ign"].id() in ET.tostring(terrain, encoding="unicode")
    shown = [layer.get("id") for layer in terrain.find("layers")]
    assert shown[0] == by_table["batiments_chaleur"].id() and by_table["troncon_de_route"].id() in shown
    renderer = by_table["batiments_chaleur"].renderer3D()
    assert renderer is not None and renderer.type() == "rulebased"
    # The heights the log gives are the rule's, recomputed from the GeoPackage's layer.
    heights = layer_heights(by_table["batiments_chaleur"])
    said = [text for _, text in log.lines if str(heights.count) in text and str(heights.defaulted) in text]
    assert said and str(heights.measured) in said[0] and str(heights.from_storeys) in said[0]
    # Every layer of the diagnostic is still there; the relief and the trees are added, hidden.
    added = {by_table["relief_ign"].id(), by_table["arbres_3d"].id()}
    assert set(again.mapLayers()) == layers_before | added
    for layer_id in added:
        node = again.layerTreeRoot().findLayer(layer_id)
        assert node is not None and not node.itemVisibilityChecked()
    assert by_table["arbres_3d"].id() in shown and by_table["arbres_3d"].renderer3D() is not None
    check_trees(folder, by_table["arbres_3d"], by_table["batiment"], log)


def check_trees(folder, trees, buildings, log):
    """The sample town's LiDAR HD height model: the real Olemps woods at 14 m, west of the LiDAR limit only, and
    the buildings by their height — which must not come out as trees. East of the limit (LiDAR HD not flown yet),
    the real BD TOPO vegetation zones at their nature's stated height, over the area computed here with OGR from
    what the sample WFS serves."""
    import json

    from osgeo import gdal, ogr
    from qgis.core import QgsSpatialIndex

    from territoire_plugin.analysis.twin.vegetation import HEIGHTS
    from testing import olemps as extract
    from testing.fake_elevation import LIDAR_EAST_LIMIT, TREE_HEIGHT

    every = list(trees.getFeatures())
    patches = [feature for feature in every if feature["source"] == "LiDAR HD"]
    zones = [feature for feature in every if feature["source"] == "BD TOPO"]
    assert len(patches) > 20 and len(zones) > 20 and len(patches) + len(zones) == len(every)
    assert all(feature.geometry().boundingBox().xMaximum() <= LIDAR_EAST_LIMIT + 10 for feature in patches)
    assert all(feature.geometry().boundingBox().xMinimum() >= LIDAR_EAST_LIMIT - 10 for feature in zones)
    assert all(feature["hauteur"] == HEIGHTS[feature["nature"]] for feature in zones)
    relief = gdal.Open(str(folder / "relief_12174.tif"))  # the same grid as the height model's
    left, size, _, top, _, step = relief.GetGeoTransform()
    right, bottom = left + size * relief.RasterXSize, top + step * relief.RasterYSize
    relief = None
    box = ogr.CreateGeometryFromWkt(f"POLYGON(({LIDAR_EAST_LIMIT} {bottom},{right} {bottom},{right} {top},"
                                    f"{LIDAR_EAST_LIMIT} {top},{LIDAR_EAST_LIMIT} {bottom}))")
    expected = 0.0
    for feature in extract.features("zone_de_vegetation"):
        if feature["properties"]["nature"] in HEIGHTS:
            expected += ogr.CreateGeometryFromJson(json.dumps(feature["geometry"])).Intersection(box).GetArea()
    got = sum(feature.geometry().area() for feature in zones)
    assert expected > 10_000 and abs(got - expected) < 0.03 * expected, (got, expected)
    area = {feature["classe"]: 0.0 for feature in patches}
    for feature in patches:
        area[feature["classe"]] += feature.geometry().area()
    main = max(area, key=area.get)
    assert main == 2 and {round(f["hauteur"], 1) for f in patches if f["classe"] == 2} == {TREE_HEIGHT}
    index = QgsSpatialIndex(buildings.getFeatures())
    footprints = {feature.id(): feature.geometry() for feature in buildings.getFeatures()}
    overlap = 0.0
    for feature in patches:
        for found in index.intersects(feature.geometry().boundingBox()):
            overlap += feature.geometry().intersection(footprints[found]).area()
    built = sum(geometry.area() for geometry in footprints.values())
    assert overlap < 0.02 * built, (overlap, built)
    said = [text.replace(",", "").replace("\u202f", "").replace("\xa0", "") for _, text in log.lines
            if "LiDAR HD" in text and "canopy" in text]
    assert said and str(len(patches)) in said[0] and f"{len(zones)} BD TOPO vegetation zones" in said[0], said


def test_without_the_relief_service_the_twin_stands_on_flat_ground_and_says_so(olemps, town, tmp_path, provider,
                                                                                 monkeypatch):
    import numpy as np
    from osgeo import ogr
    from qgis import processing

    folder = olemps_copy(olemps, tmp_path)
    project = folder / "territoire_12174.qgz"
    monkeypatch.setenv("TERRITOIRE_IGN_WMS_RASTER_URL", "http://127.0.0.1:9/wms-r")  # nothing listens there
    log = _Log()
    result = processing.run("territoire:digital_twin_3d", {"PROJECT": str(project), "THEME": 4},
                            feedback=log.feedback)
    assert result["RELIEF"] == "" and result["THEME"] == "buildings" and not list(folder.glob("relief_*"))
    assert any("flat" in text or "plat" in text for text in log.warnings())
    terrain = saved_view(project).find("mapViewDocks3D/view/qgis3d/terrain")
    assert terrain.find("generator").get("type") == "flat"
    # At the buildings' median ground altitude, read here with OGR from the GeoPackage.
    dataset = ogr.Open(str(folder / "territoire_12174.gpkg"))
    table = dataset.GetLayerByName("batiment")
    names = [table.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(table.GetLayerDefn().GetFieldCount())]
    ground = (float(np.median([f.GetField("altitude_minimale_sol") for f in table
                               if f.GetField("altitude_minimale_sol") is not None]))
              if "altitude_minimale_sol" in names else 0.0)
    assert abs(float(terrain.get("elevation-offset")) - ground) < 0.01


def test_headless_under_xvfb_the_twin_draws_olemps_in_3d_and_keeps_the_image(olemps, town, tmp_path,
                                                                               tmp_path_factory, package_zip,
                                                                               artifacts):
    import shutil

    from qgis.PyQt.QtGui import QColor, QImage

    folder = olemps_copy(olemps, tmp_path)
    project = folder / "territoire_12174.qgz"
    profile = make_profile(tmp_path_factory.mktemp("qp_twin"), package_zip,
                           "[locale]\noverrideFlag=true\nuserLocale=fr_FR\n")
    env = {**qgis_env(profile), **town["env"]}
    env.pop("QT_QPA_PLATFORM")  # a display this time: Xvfb, Mesa's OpenGL
    pages_before = page_count(folder / "rapport_12174.pdf")
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", QGIS_PROCESS, "--json", "run",
               "territoire:digital_twin_3d", "--", f"PROJECT={project}", "THEME=2"]
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads(run.stdout)["results"]
    image_path = folder / "vue3d_12174.png"
    assert results["IMAGE"] == str(image_path) and results["THEME"] == "motion"
    image = QImage(str(image_path))
    assert (image.width(), image.height()) == (1600, 1000)
    # The ground-motion classes' colours of the 2D style (the sample town has buildings on alert).
    pixels = [QColor(image.pixel(x, y)) for x in range(0, 1600, 3) for y in range(0, 1000, 3)]

    def share(colour):
        want = QColor(colour)
        return sum(abs(p.red() - want.red()) + abs(p.green() - want.green()) + abs(p.blue() - want.blue()) < 70
                   for p in pixels)

    assert share("#1a9850") > 30  # stable, green: most buildings
    top = {image.pixel(x, 5) for x in range(0, 1600, 50)}
    assert len(top) == 1  # sky above the terrain: an oblique view
    shutil.copy(image_path, artifacts / "vue3d_12174.png")
    check_report_page(folder, pages_before, "mouvement_batiment", artifacts)
    # Again without "replace": refused, the image kept as it was.
    before = image_path.read_bytes()
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode != 0 and "vue3d_12174.png" in again.stdout + again.stderr
    assert image_path.read_bytes() == before
    # With "replace": the image made again, and the report's 3D page replaced, not added twice.
    replaced = subprocess.run(command + ["OVERWRITE=true"], capture_output=True, text=True, env=env, timeout=600)
    assert replaced.returncode == 0, replaced.stdout[-3000:] + replaced.stderr[-3000:]
    assert page_count(folder / "rapport_12174.pdf") == pages_before + 1


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def check_report_page(folder: Path, pages_before: int, table: str, artifacts: Path) -> None:
    """The report gained one page, the last: « Vue 3D de la commune », the image, and the heights of the themed
    buildings counted as SQLite counts them in the GeoPackage (the rule: hauteur above zero, else storeys above
    zero, else one storey); the rest of the report unchanged in its words."""
    import sqlite3

    pdf = folder / "rapport_12174.pdf"
    assert page_count(pdf) == pages_before + 1
    last = subprocess.run(["pdftotext", "-layout", "-f", str(pages_before + 1), "-l", str(pages_before + 1),
                           str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(last.split()).replace("\u202f", " ").replace("\xa0", " ")
    connection = sqlite3.connect(str(folder / "territoire_12174.gpkg"))
    measured, storeys, default = connection.execute(
        f"SELECT sum(hauteur > 0), sum(NOT coalesce(hauteur > 0, 0) AND nombre_d_etages > 0), "  # noqa: S608
        f"sum(NOT coalesce(hauteur > 0, 0) AND NOT coalesce(nombre_d_etages > 0, 0)) FROM {table}").fetchone()
    assert "Vue 3D de la commune" in flat, flat[:500]

    def french(number: int) -> str:
        return f"{number:,}".replace(",", " ")

    assert f"{french(measured)} mesurées" in flat and f"{french(storeys)} d'après le nombre d'étages" in flat, flat
    assert f"{french(default)} sans" in flat  # (the line may end there: the legend's words come between)
    assert "mouvements du sol" in flat and "Couleur des bâtiments" in flat
    first = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Diagnostic de la commune d'Olemps" in " ".join(first.split())
    page = subprocess.run(["pdftoppm", "-f", str(pages_before + 1), "-l", str(pages_before + 1), "-r", "50", "-png",
                           str(pdf), str(artifacts / "rapport_vue3d")], capture_output=True, text=True)
    assert page.returncode == 0, page.stderr
