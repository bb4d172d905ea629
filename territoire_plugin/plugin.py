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
        self.series_dock = None
        self.series_tool = None
        self.diagnostic_panel = None
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

        self.diagnostic_action = self._add_action("territoire.svg", self.tr("Commune diagnostic"),
                                                  self.toggle_diagnostic_panel, "TerritoireDiagnostic")
        self.diagnostic_action.setCheckable(True)
        self._add_action("landsat_lst.svg", self.tr("Land surface temperature (Landsat)…"),
                         lambda: self.open_algorithm("territoire:landsat_lst"), "TerritoireLandsatLst")
        self.series_action = self._add_action("series.svg", self.tr(
            "Ground-motion time series (click a point, or an asset of the active layer)"),
                                              self.toggle_series_tool, "TerritoireSeries")
        self.series_action.setCheckable(True)
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
        if self.diagnostic_panel is not None:
            self.iface.removeDockWidget(self.diagnostic_panel)
            self.diagnostic_panel.deleteLater()
            self.diagnostic_panel = None
        if self.series_tool is not None:
            self.iface.mapCanvas().unsetMapTool(self.series_tool)
            self.series_tool = None
        if self.series_dock is not None:
            self.iface.removeDockWidget(self.series_dock)
            self.series_dock.deleteLater()
            self.series_dock = None
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

    def toggle_series_tool(self, checked: bool = True):
        """Switch on the map tool that shows a ground-motion point's series in a dock."""
        from qgis.PyQt.QtCore import Qt

        from .gui.series_dock import SeriesDock, SeriesMapTool

        if self.series_dock is None:
            self.series_dock = SeriesDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.series_dock)
        if self.series_tool is None:
            self.series_tool = SeriesMapTool(self.iface.mapCanvas(), self.series_dock, self.series_layer,
                                              self.iface.activeLayer)
            self.series_tool.setAction(self.series_action)
        if checked:
            self.iface.mapCanvas().setMapTool(self.series_tool)
            self.series_dock.show()
            self.show_series_points()
        else:
            self.iface.mapCanvas().unsetMapTool(self.series_tool)

    def toggle_diagnostic_panel(self, checked: bool = True):
        """Show or hide the "Commune diagnostic" panel."""
        from qgis.PyQt.QtCore import Qt

        from .gui.diagnostic_panel import DiagnosticPanel

        if self.diagnostic_panel is None:
            self.diagnostic_panel = DiagnosticPanel(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.diagnostic_panel)
            self.diagnostic_panel.visibilityChanged.connect(self.diagnostic_action.setChecked)
        self.diagnostic_panel.setVisible(checked)
        if checked:
            self.diagnostic_panel.raise_()

    def show_series_points(self) -> None:
        """The EGMS points the tool picks from are made visible (the diagnostic's project hides them): one
        cannot click what one cannot see."""
        from qgis.core import QgsProject

        layer = self.series_layer()
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id()) if layer is not None else None
        if node is None:
            return
        node.setItemVisibilityCheckedParentRecursive(True)
        self.iface.mapCanvas().refresh()

    def series_layer(self):
        """The active layer if it holds EGMS series, else the first such layer of the project."""
        from qgis.core import QgsProject, QgsVectorLayer

        candidates = [self.iface.activeLayer()] + list(QgsProject.instance().mapLayers().values())
        for layer in candidates:
            if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf("displacement_mm") >= 0:
                return layer
        return None

    def open_options(self):
        from .gui.options import PAGE_OBJECT_NAME

        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=PAGE_OBJECT_NAME)

    def open_help(self):
        QDesktopServices.openUrl(QUrl(plugin_metadata().get("homepage", "")))
