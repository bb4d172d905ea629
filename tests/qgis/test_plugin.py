"""The plugin shell: load/unload, options page, settings, translations, cheap start-up."""

from __future__ import annotations

import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT


def territoire_toolbars(iface):
    from qgis.PyQt.QtWidgets import QToolBar

    return [bar for bar in iface.mainWindow().findChildren(QToolBar)
            if bar.objectName() == "TerritoireToolbar" and bar.parent() is not None]


def test_load_unload_twice_leaves_nothing(qgis_iface, qgis_processing):
    from conftest import unload_plugins
    from qgis.core import QgsApplication, QgsSettings

    from territoire_plugin import classFactory
    from territoire_plugin.toolbelt import i18n

    registry = QgsApplication.processingRegistry()
    unload_plugins()  # the provider other tests registered: set aside for this test
    assert registry.providerById("territoire") is None
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)  # QGIS in French: the plugin's translator loads
    settings.setValue("locale/userLocale", "fr_FR")
    try:
        _load_unload_twice(qgis_iface, registry, classFactory, i18n)
    finally:
        settings.setValue("locale/overrideFlag", False)
        settings.setValue("locale/userLocale", "")


def _load_unload_twice(qgis_iface, registry, class_factory, i18n):
    from qgis.PyQt.QtWidgets import QApplication

    for _ in range(2):
        plugin = class_factory(qgis_iface)
        assert len(i18n._installed) == 1
        plugin.initGui()
        bars = territoire_toolbars(qgis_iface)
        assert len(bars) == 1
        assert [a.objectName() for a in bars[0].actions()] == \
            ["TerritoireDiagnostic", "TerritoireLandsatLst", "TerritoireSeries", "TerritoireOptions",
             "TerritoireHelp"]
        assert bars[0].actions()[0].text() == "Diagnostic de commune"
        assert bars[0].actions()[1].text() == "Température de surface (Landsat)…"
        assert registry.providerById("territoire") is not None
        assert registry.algorithmById("territoire:landsat_lst") is not None
        qgis_iface.registerOptionsWidgetFactory.assert_called_with(plugin.options_factory)
        factory = plugin.options_factory
        plugin.toggle_series_tool(True)  # the series map tool and its dock
        assert plugin.series_dock is not None
        bars[0].actions()[0].trigger()  # the diagnostic panel
        assert plugin.diagnostic_panel is not None and plugin.diagnostic_action.isChecked()
        assert plugin.diagnostic_panel.windowTitle() == "Diagnostic de commune"
        assert qgis_iface.mapCanvas().mapTool() is plugin.series_tool
        plugin.unload()
        assert plugin.series_dock is None and qgis_iface.mapCanvas().mapTool() is None
        assert plugin.diagnostic_panel is None
        QApplication.processEvents()
        assert territoire_toolbars(qgis_iface) == []
        assert registry.providerById("territoire") is None
        assert i18n._installed == []  # the translator is removed too
        qgis_iface.unregisterOptionsWidgetFactory.assert_called_with(factory)
        assert plugin.actions == []


def test_options_page_saves_settings(qgis_app, tmp_path):
    from qgis.core import QgsSettings

    from territoire_plugin.gui.options import OptionsFactory
    from territoire_plugin.toolbelt.settings import Settings

    store = QgsSettings()
    store.remove("territoire")
    assert Settings.load().report_language == "fr"  # reports default to French
    assert Settings.load().cache_dir.endswith("territoire")
    factory = OptionsFactory()
    assert factory.title() == "Territoire" and not factory.icon().isNull()
    page = factory.createWidget(None)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "tile.bin").write_bytes(b"x" * 2048)
    page.cache_dir.setFilePath(str(tmp_path / "cache"))
    page.refresh_size()
    assert page.cache_size.text() == "2.0 KB"
    page.language.setCurrentIndex(page.language.findData("en"))
    page.debug.setChecked(True)
    page.apply()
    saved = Settings.load()
    assert (saved.cache_dir, saved.report_language, saved.debug_mode) == (str(tmp_path / "cache"), "en", True)
    assert store.value("territoire/report_language") == "en"  # one group, plain keys
    # Service addresses: a mirror set on the page is what the connectors use; empty means official.
    from territoire_plugin.toolbelt.settings import service_url

    assert page.service_urls["api_geo"].placeholderText() == "https://geo.api.gouv.fr"
    page.service_urls["api_geo"].setText("https://miroir.mairie.example/geo/")
    page.apply()
    assert service_url("api_geo") == "https://miroir.mairie.example/geo"
    page.service_urls["api_geo"].setText("")
    page.apply()
    assert service_url("api_geo") == "https://geo.api.gouv.fr"
    store.remove("territoire")


def test_resource_helper_finds_files_in_source_tree():
    from territoire_plugin.toolbelt.resources import i18n_path, metadata_path, plugin_version, resource_path

    assert resource_path("styles", "lst_celsius.qml").is_file()
    assert resource_path("icons", "territoire.svg").is_file()
    assert metadata_path() == ROOT / "territoire_plugin" / "metadata.txt"
    assert i18n_path("territoire_fr.ts").is_file()
    assert re.fullmatch(r"\d+\.\d+\.\d+", plugin_version())


def test_french_translation_under_french_locale(qgis_app, provider):
    from qgis.core import QgsApplication, QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from territoire_plugin.toolbelt import i18n

    settings = QgsSettings()
    previous = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    algorithm = QgsApplication.processingRegistry().algorithmById("territoire:landsat_lst")
    i18n.remove_translator()
    assert algorithm.displayName() == "Land surface temperature (Landsat)"
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "fr_FR")
        assert i18n.qgis_language() == "fr"
        assert i18n.install_translator() is not None
        assert algorithm.displayName() == "Température de surface (Landsat)"
        assert algorithm.group() == "Surchauffe urbaine"
        assert "10 h 30" in algorithm.shortHelpString()
        message = QCoreApplication.translate("AnalysisError", "The output {path} must be a GeoTIFF (.tif). "
                                             "Choose a file name ending in .tif.")
        assert message.startswith("La sortie {path} doit être un GeoTIFF")
    finally:
        i18n.remove_translator()
        settings.setValue("locale/overrideFlag", previous[0] or False)
        settings.setValue("locale/userLocale", previous[1] or "")
    assert algorithm.displayName() == "Land surface temperature (Landsat)"


def _messages():
    tree = ET.parse(ROOT / "territoire_plugin" / "i18n" / "territoire_fr.ts")
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def _fields(text: str) -> list:
    return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None)


def test_every_string_is_translated_with_the_same_placeholders():
    messages = list(_messages())
    assert len(messages) > 50
    for context, source, translation in messages:
        assert translation.get("type") not in ("unfinished", "obsolete"), (context, source)
        assert translation.text and translation.text.strip(), (context, source)
        assert _fields(translation.text) == _fields(source), (context, source)


def test_translations_are_up_to_date_with_the_code(tmp_path):
    """pylupdate5 over the code finds no string missing from the committed .ts."""
    sources = sorted(str(p) for p in (ROOT / "territoire_plugin").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
    committed = {(context, source) for context, source, _ in _messages()}
    assert in_code - committed == set(), "run `make i18n` and translate the new strings"


def test_plugin_start_up_imports_nothing_heavy():
    code = (
        "import sys\n"
        "import qgis.core\n"
        "before = set(sys.modules)\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "import territoire_plugin\n"
        "plugin = territoire_plugin.classFactory(None)\n"
        "plugin.initProcessing()\n"
        "new = set(sys.modules) - before\n"
        "heavy = sorted(m for m in new if m.split('.')[0] in ('numpy', 'osgeo')\n"
        "               or m.startswith('territoire_plugin.analysis'))\n"
        "assert not heavy, heavy\n"
        "assert QgsApplication.processingRegistry().algorithmById('territoire:landsat_lst')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,  # on sys.path
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("key", ["name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about",
                                 "version", "author", "email", "repository", "tracker", "homepage", "tags",
                                 "category", "icon", "hasProcessingProvider", "experimental", "changelog"])
def test_metadata_has_every_key_plugin_repositories_expect(key):
    from territoire_plugin.toolbelt.resources import plugin_metadata, resource_path

    metadata = plugin_metadata()
    assert metadata.get(key.lower()), key
    assert metadata["qgisminimumversion"] == "3.22" and metadata["qgismaximumversion"] == "3.99"
    assert metadata["hasprocessingprovider"] == "yes"
    assert "description[fr]" in metadata and "about[fr]" in metadata
    assert resource_path(*metadata["icon"].split("/")[1:]).is_file()


def test_strings_of_a_shared_base_class_are_translated(qgis_app, provider):
    """Download algorithms share parameters written in their base class: French too."""
    from qgis.core import QgsApplication, QgsSettings

    from territoire_plugin.toolbelt import i18n

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    i18n.remove_translator()
    try:
        i18n.install_translator()
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:download_landsat")
        labels = {p.name(): p.description() for p in algorithm.parameterDefinitions()}
        assert labels["MAX_SCENES"] == "Télécharger les N scènes les plus dégagées"  # written in the base class
        assert algorithm.displayName().startswith("Télécharger Landsat")  # written in the subclass
        assert algorithm.group() == "Données partenaires"
    finally:
        i18n.remove_translator()
        settings.setValue("locale/overrideFlag", False)
        settings.setValue("locale/userLocale", "")
