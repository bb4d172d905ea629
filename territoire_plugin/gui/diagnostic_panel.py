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

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProject,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .commune_search import ERROR_STYLE, CommuneSearch
from .feedback import PanelFeedback

PANEL_OBJECT_NAME = "TerritoireDiagnosticPanel"
EGMS_HELP_URL = "https://egms.land.copernicus.eu/"
FILOSOFI_HELP_URL = "https://www.insee.fr/fr/statistiques/7655475"


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
        self.last_project = None  # the project of the last diagnostic made here
        self.build()

    # ------------------------------------------------------------------ widgets

    def build(self) -> None:
        from ..diagnostic.workflow import default_last_summer

        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = self.form_layout()
        self.commune = QLineEdit(body)
        self.commune.setObjectName("commune")
        self.commune.setPlaceholderText(self.tr("Name, INSEE code or postcode"))
        self.commune.setToolTip(self.tr(
            "Type at least two letters of the commune's name, its INSEE code (12174) or its postcode (12510), "
            "then pick it in the list. The list comes from API Géo (Etalab)."))
        self.add_row(form, self.tr("Commune"), self.commune)
        self.search_status = QLabel(body)
        self.search_status.setObjectName("search_status")
        self.search_status.setWordWrap(True)
        self.search_status.hide()
        form.addRow("", self.search_status)
        self.commune_search = CommuneSearch(self.commune, self.search_status, self)
        self.completer_model = self.commune_search.model
        self.communes = self.commune_search.communes  # label -> Commune

        self.last_summer = QSpinBox(body)
        self.last_summer.setObjectName("last_summer")
        self.last_summer.setRange(2013, 2100)
        self.last_summer.setValue(default_last_summer())
        self.summers = QSpinBox(body)
        self.summers.setObjectName("summers")
        self.summers.setRange(1, 10)
        self.summers.setValue(3)
        self.period_label = QLabel(body)
        self.period_label.setObjectName("period")
        self.period_label.setWordWrap(True)
        for widget in (self.last_summer, self.summers):
            widget.valueChanged.connect(self.show_period)
        self.last_summer.setToolTip(self.tr(
            "The most recent summer to study. Landsat scenes of June, July and August are used; the summer must "
            "be over for its scenes to be published (about two weeks after each pass)."))
        self.summers.setToolTip(self.tr(
            "How many summers, ending with the last one, the surface temperature is the median of. Several "
            "summers dampen one heatwave's weather; three is a good start."))
        self.add_row(form, self.tr("Last summer studied"), self.last_summer)
        self.add_row(form, self.tr("Number of summers"), self.summers)
        form.addRow("", self.period_label)
        self.show_period()

        self.analyses = QComboBox(body)
        self.analyses.setObjectName("analyses")
        self.analyses.addItems([self.tr("Overheating and infrastructures"), self.tr("Urban overheating"),
                                self.tr("Infrastructures")])
        self.analyses.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.analyses.setMinimumContentsLength(12)
        self.analyses.setToolTip(self.tr(
            "Urban overheating needs only the network (Landsat, BD TOPO). Infrastructures needs an EGMS file of "
            "ground motion, downloaded by you from the EGMS website."))
        self.add_row(form, self.tr("Analyses"), self.analyses)
        self.egms = QgsFileWidget(body)
        self.egms.setObjectName("egms")
        self.egms.setFilter("EGMS (*.csv *.zip)")
        egms_help = self.tr(
            "Ground-motion file of the European Ground Motion Service (Copernicus), as downloaded: the zip or its "
            "CSV. On the EGMS website (free EU Login account), choose the product « Calibrated » (L2b, tied to "
            "GNSS: the one for buildings and roads) or « Ortho » (L3, vertical, 100 m grid), the latest release "
            "(for example 2019–2023), and the tiles over the commune.")
        self.egms.setToolTip(egms_help)
        self.egms.lineEdit().setToolTip(egms_help)
        self.add_row(form, self.tr("EGMS file"), self.egms)
        self.egms_help = self.help_label(body, self.tr(
            "Needed for infrastructures. <a href='{0}'>Get it from the EGMS website</a>: product Calibrated (L2b) "
            "or Ortho (L3), latest release, the tiles over the commune.").format(EGMS_HELP_URL))
        self.egms_help.setObjectName("egms_help")
        form.addRow("", self.egms_help)
        layout.addLayout(form)

        advanced = QgsCollapsibleGroupBox(self.tr("Advanced options"), body)
        advanced.setObjectName("advanced")
        advanced_form = self.form_layout(advanced)
        self.max_cloud = QDoubleSpinBox(advanced)
        self.max_cloud.setRange(0, 100)
        self.max_cloud.setValue(30)
        self.max_cloud.setSuffix(" %")
        self.max_cloud.setToolTip(self.tr(
            "Landsat scenes more cloudy than this over their whole footprint are skipped; the clouds left over the "
            "commune are masked pixel by pixel."))
        self.add_row(advanced_form, self.tr("Maximum cloud cover"), self.max_cloud)
        self.population = QLineEdit(advanced)
        self.population.setObjectName("population")
        self.population.setPlaceholderText(self.tr("INSEE Filosofi 200 m file or web address (optional)"))
        self.population.setToolTip(self.tr(
            "INSEE's 200 m population grid (Filosofi « données carroyées »), to count the people exposed to heat: "
            "the file as INSEE publishes it (zip holding a 7z holding the CSV, or a GeoPackage), or its web "
            "address. Empty: the diagnostic counts buildings only."))
        self.add_row(advanced_form, self.tr("Population"), self.population)
        advanced_form.addRow("", self.help_label(advanced, self.tr(
            "<a href='{0}'>INSEE Filosofi 200 m grid</a>: « Données carroyées », the file for metropolitan "
            "France.").format(FILOSOFI_HELP_URL)))
        self.folder = QgsFileWidget(advanced)
        self.folder.setObjectName("folder")
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setFilePath(str(Path.home() / "Territoire"))
        self.folder.setToolTip(self.tr(
            "Each commune gets its own folder here: GeoPackage, QGIS project, PDF report. A folder already used "
            "for the commune is replaced only after you agree."))
        self.add_row(advanced_form, self.tr("Output folder"), self.folder)
        advanced.setCollapsed(True)
        layout.addWidget(advanced)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run the diagnostic"), body)
        self.run_button.setObjectName("run")
        self.run_button.clicked.connect(self.run)
        self.run_button.setToolTip(self.tr(
            "Downloads what is missing (kept in the cache for next time), runs the analyses in the background and "
            "adds the styled layers and the report to the project. QGIS stays usable meanwhile."))
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setToolTip(self.tr("Stops within two seconds; nothing half-written is left."))
        self.view3d_button = QPushButton(self.tr("3D view"), body)
        self.view3d_button.setObjectName("view3d")
        self.view3d_button.setEnabled(False)
        self.view3d_button.clicked.connect(self.view3d)
        self.view3d_button.setToolTip(self.tr(
            "The commune in 3D: IGN relief, LiDAR HD trees, the buildings by their height in the colours of the "
            "diagnostic; an image for the report; then the commune's project opens with its 3D view."))
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        layout.addWidget(self.view3d_button)  # a row of its own: the dock stays narrow
        self.progress = QProgressBar(body)
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.step_label = QLabel(body)
        self.step_label.setObjectName("step")
        self.step_label.setWordWrap(True)
        self.step_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.step_label)
        self.summary = QLabel(body)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary.setOpenExternalLinks(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        # In a scroll area: a short dock scrolls instead of squeezing the help texts until they are cut off.
        scroll = QScrollArea(self)
        scroll.setObjectName("scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)

    def form_layout(self, parent=None) -> QFormLayout:
        """A form with each label above its field: every field gets the dock's whole width (nothing cut off)."""
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    @staticmethod
    def add_row(form: QFormLayout, text: str, field) -> None:
        """A row whose label wraps (a narrow dock shows it on two lines rather than cutting it)."""
        label = QLabel(text, field.parentWidget())
        label.setWordWrap(True)
        label.setBuddy(field)
        form.addRow(label, field)

    @staticmethod
    def help_label(parent, html: str) -> QLabel:
        label = QLabel(html, parent)
        label.setWordWrap(True)
        label.setOpenExternalLinks(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setStyleSheet("color: #555555;")
        return label

    def show_period(self) -> None:
        last = self.last_summer.value()
        first = last - self.summers.value() + 1
        self.period_label.setText(self.tr("Landsat scenes of June to August, from {0} to {1}.").format(first, last)
                                  if first != last else self.tr("Landsat scenes of June to August {0}.").format(last))

    def search(self) -> None:
        self.commune_search.search()

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
            self.show_step(self.tr("Type a commune first."), True)
            return
        if not self.folder.filePath():
            self.show_step(self.tr("Choose an output folder (advanced options)."), True)
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
        self.feedback = PanelFeedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.feedback.step.connect(self.show_step)
        self.errors = []
        self.feedback.error.connect(self.errors.append)
        self.task = QgsProcessingAlgRunnerTask(algorithm, self.parameters(overwrite), self.context, self.feedback)
        self.task.executed.connect(self.done)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.summary.clear()
        self.show_step(self.tr("Starting…"))
        QgsApplication.taskManager().addTask(self.task)

    def show_step(self, text: str, error: bool = False) -> None:
        self.step_label.setStyleSheet(ERROR_STYLE if error else "")
        self.step_label.setText(text)

    def cancel(self) -> None:
        if self.feedback is not None:
            self.feedback.cancel()
            self.show_step(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def done(self, successful: bool, results: dict) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        cancelled = self.feedback is not None and self.feedback.isCanceled()
        self.task = None
        if cancelled:
            self.progress.setValue(0)
            self.show_step(self.tr("Cancelled: nothing was added or written. You can run it again."))
            self.finished.emit(False)
            return
        if not successful or not results.get("PROJECT"):
            self.progress.setValue(0)
            reason = self.errors[-1] if getattr(self, "errors", None) else self.tr("no reason was given")
            self.show_step(self.tr("The diagnostic failed: {0}\nNothing was added to the project. Details are in "
                                   "the log (View ▸ Panels ▸ Log Messages).").format(reason), True)
            self.finished.emit(False)
            return
        try:
            self.add_results(results["PROJECT"])
        except Exception as error:  # noqa: BLE001 - a slot must not raise (PyQt would abort QGIS)
            self.show_step(self.tr("The results could not be added to the project: {0}").format(error), True)
            self.finished.emit(False)
            return
        self.progress.setValue(100)
        self.show_step(self.tr("Done."))
        self.last_project = results["PROJECT"]
        self.view3d_button.setEnabled(True)
        folder = Path(results["FOLDER"]).as_uri()
        open_report, open_folder = self.tr("Open the report"), self.tr("Open the folder")
        self.summary.setText("<br>".join(f"• {line}" for line in results["SUMMARY"].splitlines()) +
                             f"<br><a href='{Path(results['REPORT']).as_uri()}'>{open_report}</a> · "
                             f"<a href='{folder}'>{open_folder}</a>")
        if self.iface is not None:
            self.iface.messageBar().pushMessage("Territoire", self.tr("Diagnostic ready: {0}").format(
                Path(results["REPORT"]).name), level=Qgis.MessageLevel.Success, duration=8)
        self.finished.emit(True)

    def add_results(self, project_file: str) -> None:
        from .results import add_results

        add_results(project_file, self.iface)

    def view3d(self) -> None:
        from .view3d import run_view3d

        run_view3d(self, self.iface)
