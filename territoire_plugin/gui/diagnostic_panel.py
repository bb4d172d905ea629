"""The "Diagnostic de commune" panel: pick a commune, a period and the analyses; get a styled project part
and a report for the council.

The work is territoire:commune_diagnostic run as a background task (QgsProcessingAlgRunnerTask): the
window stays responsive, a progress bar and the current step show, Cancel stops it and leaves nothing.
When it ends, the commune's group ("Territoire — <commune>": Données, Surchauffe, Infrastructures) is
added to the current project from the commune's GeoPackage, with its styles, the map themes and the
IGN basemap underneath, and the map zooms to the commune. Running again for the same commune reuses
the download cache and, once the user agrees, replaces the group and the files.
"""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsLayerDefinition,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtCore import QStringListModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

PANEL_OBJECT_NAME = "TerritoireDiagnosticPanel"
DIGITS = re.compile(r"^\d[\dAB]\d{3}$")


class _Feedback(QgsProcessingFeedback):
    """Processing feedback whose step texts reach the panel (through a queued signal: any thread)."""

    step = pyqtSignal(str)

    def setProgressText(self, text):  # noqa: N802 - Qt API
        super().setProgressText(text)
        self.step.emit(text)


def suggestions(text: str) -> list:
    """Communes matching ``text`` (name, INSEE code or postcode) from API Géo, through the plugin's cache."""
    from ..qgis_io.areas import client_for
    from ..sources.api_geo import ApiGeo

    client, url = client_for("api_geo")
    api = ApiGeo(client, url)
    text = text.strip()
    if DIGITS.match(text):
        found = [c for c in [api.by_code(text)] if c is not None]
        return found + [c for c in api.search(text, postcode=True) if c not in found]
    return api.search(text)


class DiagnosticPanel(QgsDockWidget):
    """The panel; ``iface`` gives the map canvas the results are zoomed on."""

    finished = pyqtSignal(bool)  # a run ended: True when results were added to the project

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Commune diagnostic"))
        self.setObjectName(PANEL_OBJECT_NAME)
        self.iface = iface
        self.task = None
        self.feedback = None
        self.search_task = None
        self.communes = {}  # label -> Commune
        self.build()

    # ------------------------------------------------------------------ widgets

    def build(self) -> None:
        from ..diagnostic.workflow import default_last_summer

        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.commune = QLineEdit(body)
        self.commune.setObjectName("commune")
        self.commune.setPlaceholderText(self.tr("Name, INSEE code or postcode"))
        self.completer_model = QStringListModel(self)
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.commune.setCompleter(completer)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(350)
        self.search_timer.timeout.connect(self.search)
        self.commune.textEdited.connect(lambda _: self.search_timer.start())
        form.addRow(self.tr("Commune"), self.commune)

        period = QHBoxLayout()
        self.last_summer = QSpinBox(body)
        self.last_summer.setObjectName("last_summer")
        self.last_summer.setRange(2013, 2100)
        self.last_summer.setValue(default_last_summer())
        self.summers = QSpinBox(body)
        self.summers.setObjectName("summers")
        self.summers.setRange(1, 10)
        self.summers.setValue(3)
        self.period_label = QLabel(body)
        for widget in (self.last_summer, self.summers):
            widget.valueChanged.connect(self.show_period)
        period.addWidget(QLabel(self.tr("last summer"), body))
        period.addWidget(self.last_summer)
        period.addWidget(QLabel(self.tr("summers"), body))
        period.addWidget(self.summers)
        form.addRow(self.tr("Period"), period)
        form.addRow("", self.period_label)
        self.show_period()

        self.analyses = QComboBox(body)
        self.analyses.setObjectName("analyses")
        self.analyses.addItems([self.tr("Urban overheating and infrastructures"), self.tr("Urban overheating"),
                                self.tr("Infrastructures")])
        form.addRow(self.tr("Analyses"), self.analyses)
        self.egms = QgsFileWidget(body)
        self.egms.setObjectName("egms")
        self.egms.setFilter("EGMS (*.csv *.zip)")
        form.addRow(self.tr("EGMS file"), self.egms)
        layout.addLayout(form)

        advanced = QgsCollapsibleGroupBox(self.tr("Advanced options"), body)
        advanced.setObjectName("advanced")
        advanced_form = QFormLayout(advanced)
        self.max_cloud = QDoubleSpinBox(advanced)
        self.max_cloud.setRange(0, 100)
        self.max_cloud.setValue(30)
        self.max_cloud.setSuffix(" %")
        advanced_form.addRow(self.tr("Maximum cloud cover"), self.max_cloud)
        self.population = QLineEdit(advanced)
        self.population.setObjectName("population")
        self.population.setPlaceholderText(self.tr("INSEE Filosofi 200 m file or web address (optional)"))
        advanced_form.addRow(self.tr("Population"), self.population)
        self.folder = QgsFileWidget(advanced)
        self.folder.setObjectName("folder")
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setFilePath(str(Path.home() / "Territoire"))
        advanced_form.addRow(self.tr("Output folder"), self.folder)
        advanced.setCollapsed(True)
        layout.addWidget(advanced)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run the diagnostic"), body)
        self.run_button.setObjectName("run")
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(body)
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.step_label = QLabel(body)
        self.step_label.setObjectName("step")
        self.step_label.setWordWrap(True)
        layout.addWidget(self.step_label)
        self.summary = QLabel(body)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary.setOpenExternalLinks(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.setWidget(body)

    def show_period(self) -> None:
        last = self.last_summer.value()
        first = last - self.summers.value() + 1
        self.period_label.setText(self.tr("June–August, {0}–{1}").format(first, last) if first != last
                                  else self.tr("June–August {0}").format(last))

    # ------------------------------------------------------------------ commune search

    def search(self) -> None:
        text = self.commune.text().strip()
        if len(text) < 2 or text in self.communes:
            return
        task = QgsTask.fromFunction(self.tr("Searching communes"), lambda _task: suggestions(text),
                                    on_finished=self.show_suggestions)
        self.search_task = task
        QgsApplication.taskManager().addTask(task)

    def show_suggestions(self, exception, result=None) -> None:
        if exception is not None or not result:
            return
        self.communes.update({commune.label(): commune for commune in result})
        self.completer_model.setStringList([commune.label() for commune in result])
        if self.commune.hasFocus():
            self.commune.completer().complete()

    def chosen_commune(self):
        """(query for the algorithm, the Commune if one was picked from the list)."""
        text = self.commune.text().strip()
        commune = self.communes.get(text)
        return (commune.code if commune else text), commune

    # ------------------------------------------------------------------ run

    def parameters(self, overwrite: bool) -> dict:
        query, _ = self.chosen_commune()
        return {"COMMUNE": query, "ANALYSES": self.analyses.currentIndex(), "EGMS": self.egms.filePath() or None,
                "LAST_SUMMER": self.last_summer.value(), "SUMMERS": self.summers.value(),
                "MAX_CLOUD": self.max_cloud.value(), "POPULATION": self.population.text().strip() or None,
                "OVERWRITE": overwrite, "OUTPUT_FOLDER": self.folder.filePath()}

    def existing(self, commune) -> bool:
        """Does the project or the output folder already hold results for this commune?"""
        from ..diagnostic.workflow import results_folder

        if commune is None:
            return False
        folder = results_folder(self.folder.filePath(), commune.code, commune.name)
        return folder.exists() or self.group_of(commune.name) is not None

    @staticmethod
    def group_of(name: str):
        return QgsProject.instance().layerTreeRoot().findGroup(f"Territoire — {name}")

    def ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def run(self) -> None:
        query, commune = self.chosen_commune()
        if not query:
            self.step_label.setText(self.tr("Type a commune first."))
            return
        if not self.folder.filePath():
            self.step_label.setText(self.tr("Choose an output folder (advanced options)."))
            return
        overwrite = False
        if self.existing(commune):
            if not self.ask(self.tr("Replace the diagnostic?"), self.tr(
                    "{0} already has a diagnostic (in the project or the output folder). Run it again and replace "
                    "it? Downloads already made are reused.").format(commune.name)):
                return
            overwrite = True
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:commune_diagnostic")
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = _Feedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.feedback.step.connect(self.step_label.setText)
        self.task = QgsProcessingAlgRunnerTask(algorithm, self.parameters(overwrite), self.context, self.feedback)
        self.task.executed.connect(self.done)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.summary.clear()
        self.step_label.setText(self.tr("Starting…"))
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        if self.feedback is not None:
            self.feedback.cancel()
            self.step_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def done(self, successful: bool, results: dict) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        cancelled = self.feedback is not None and self.feedback.isCanceled()
        self.task = None
        if cancelled or not successful or not results.get("PROJECT"):
            self.progress.setValue(0)
            self.step_label.setText(self.tr("Cancelled: nothing was added or written.") if cancelled
                                    else self.tr("The diagnostic failed; see the Processing log for why."))
            self.finished.emit(False)
            return
        try:
            self.add_results(results["PROJECT"])
        except Exception as error:  # noqa: BLE001 - a slot must not raise (PyQt would abort QGIS)
            self.step_label.setText(self.tr("The results could not be added to the project: {0}").format(error))
            self.finished.emit(False)
            return
        self.progress.setValue(100)
        self.step_label.setText(self.tr("Done."))
        folder = Path(results["FOLDER"]).as_uri()
        open_report, open_folder = self.tr("Open the report"), self.tr("Open the folder")
        self.summary.setText("<br>".join(f"• {line}" for line in results["SUMMARY"].splitlines()) +
                             f"<br><a href='{Path(results['REPORT']).as_uri()}'>{open_report}</a> · "
                             f"<a href='{folder}'>{open_folder}</a>")
        if self.iface is not None:
            self.iface.messageBar().pushMessage("Territoire", self.tr("Diagnostic ready: {0}").format(
                Path(results["REPORT"]).name), level=Qgis.MessageLevel.Success, duration=8)
        self.finished.emit(True)

    # ------------------------------------------------------------------ results into the project

    def add_results(self, project_file: str) -> None:
        """Copy the commune's group, its map themes and the basemap from the written project into the current
        project (replacing an older group of the same commune), then zoom to the commune."""
        from ..diagnostic.project import add_map_themes

        source = QgsProject()
        if not source.read(project_file):
            raise OSError(f"cannot read {project_file}")
        source_root = source.layerTreeRoot()
        group, basemap = source_root.children()[0], source_root.children()[-1]
        project = QgsProject.instance()
        was_empty = not project.mapLayers()
        root = project.layerTreeRoot()
        old = root.findGroup(group.name())
        if old is not None:
            layer_ids = old.findLayerIds()
            root.removeChildNode(old)
            project.removeMapLayers(layer_ids)
        definition = Path(project_file).with_suffix(".qlr")
        try:
            written, error = QgsLayerDefinition.exportLayerDefinition(str(definition), [group])
            if not written:
                raise OSError(f"cannot write {definition}: {error}")
            loaded, error = QgsLayerDefinition.loadLayerDefinition(str(definition), project, root)
            if not loaded:
                raise OSError(error)
        finally:
            definition.unlink(missing_ok=True)
        added = root.findGroup(group.name())
        root.insertChildNode(0, added.clone())
        root.removeChildNode(added)
        added = root.children()[0]
        if root.findGroup(basemap.name()) is None:
            for layer_node in basemap.findLayers():
                layer = layer_node.layer().clone()
                if project.addMapLayer(layer, False) is None:
                    raise OSError(f"cannot add {layer.name()}")
                base = root.findGroup(basemap.name()) or root.addGroup(basemap.name())
                base.addLayer(layer).setItemVisibilityChecked(layer_node.itemVisibilityChecked())
        add_map_themes(project, added)
        commune = next((n.layer() for n in added.findLayers() if n.layer() and
                        n.layer().source().endswith("layername=commune")), None)
        if commune is not None and was_empty:
            project.setCrs(commune.crs())  # a new project takes Lambert-93 rather than the first basemap's CRS
        if commune is not None and self.iface is not None:
            # QGIS sets up the canvas (full extent, CRS) on a project's first layers when it syncs the canvas with
            # the layer tree, later on: sync now, so the zoom below is not undone.
            bridge = getattr(self.iface, "layerTreeCanvasBridge", lambda: None)()
            if bridge is not None:
                bridge.setCanvasLayers()
            canvas = self.iface.mapCanvas()
            if was_empty:
                canvas.setDestinationCrs(commune.crs())
            transform = QgsCoordinateTransform(commune.crs(), canvas.mapSettings().destinationCrs(), project)
            extent = transform.transformBoundingBox(commune.extent())
            extent.scale(1.1)
            canvas.setExtent(extent)
            canvas.refresh()
        source.clear()
