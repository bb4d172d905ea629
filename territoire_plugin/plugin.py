"""The plugin object QGIS loads: toolbar, menu, options page and Processing provider."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction

from .toolbelt.i18n import install_translator, remove_translator
from .toolbelt.resources import icon_path, plugin_metadata

MENU = "&Territoire"
TOOLBAR_OBJECT_NAME = "TerritoireToolbar"


class TerritoirePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.toolbar = None
        self.actions: list = []
        self.options_factory = None
        install_translator()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    # Processing ------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 - QGIS API
        """Register the provider; qgis_process calls this alone, with no GUI."""
        if self.provider is not None:
            return
        from .processing.provider import TerritoireProvider

        self.provider = TerritoireProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # GUI ----------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 - QGIS API
        self.initProcessing()
        self.toolbar = self.iface.addToolBar("Territoire")
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self.toolbar.setToolTip("Territoire")

        self._add_action("landsat_lst.svg", self.tr("Land surface temperature (Landsat)…"),
                         lambda: self.open_algorithm("territoire:landsat_lst"), "TerritoireLandsatLst")
        self._add_action("settings.svg", self.tr("Options…"), self.open_options, "TerritoireOptions")
        self._add_action("help.svg", self.tr("Help"), self.open_help, "TerritoireHelp")

        from .gui.options import OptionsFactory

        self.options_factory = OptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def _add_action(self, icon: str, text: str, slot, object_name: str) -> QAction:
        action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
        action.setObjectName(object_name)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        return action

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.hide()
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

    # Actions ------------------------------------------------------------------------
    def open_algorithm(self, algorithm_id: str):
        from qgis import processing

        processing.execAlgorithmDialog(algorithm_id, {})

    def open_options(self):
        from .gui.options import PAGE_OBJECT_NAME

        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=PAGE_OBJECT_NAME)

    def open_help(self):
        QDesktopServices.openUrl(QUrl(plugin_metadata().get("homepage", "")))
