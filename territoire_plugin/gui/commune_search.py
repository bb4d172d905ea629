"""The commune field's search: API Géo asked in the background as the user types, suggestions in a completer,
and a line under the field saying that it is searching, that nothing matched, or that API Géo does not answer."""

from __future__ import annotations

import re

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import QObject, QStringListModel, Qt, QTimer
from qgis.PyQt.QtWidgets import QCompleter

DIGITS = re.compile(r"^\d[\dAB]\d{3}$")
ERROR_STYLE = "color: #a00000;"
NOTE_STYLE = "color: #555555;"


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


class CommuneSearch(QObject):
    """Drives ``line_edit`` (the commune field) and ``status`` (the label under it)."""

    def __init__(self, line_edit, status, parent=None):
        super().__init__(parent)
        self.line_edit, self.status = line_edit, status
        self.task = None
        self.communes = {}  # label -> Commune
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line_edit.setCompleter(completer)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(350)
        self.timer.timeout.connect(self.search)
        line_edit.textEdited.connect(lambda _: self.timer.start())

    def search(self) -> None:
        text = self.line_edit.text().strip()
        if len(text) < 2 or text in self.communes:
            self.show("")
            return
        self.show(self.tr("Searching API Géo for « {0} »…").format(text))
        task = QgsTask.fromFunction(self.tr("Searching communes"), lambda _task: suggestions(text),
                                    on_finished=lambda exception, result=None: self.found(exception, result, text))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def show(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.status.setVisible(bool(text))

    def found(self, exception, result=None, text: str = "") -> None:
        self.task = None
        if exception is not None:
            self.show(self.tr("API Géo does not answer: check the network or the proxy "
                              "(Settings ▸ Options ▸ Network)."), True)
            return
        if not result:
            self.show(self.tr("No commune matches « {0} »: check the spelling, or type its INSEE code or "
                              "postcode.").format(text), True)
            return
        self.show("")
        self.communes.update({commune.label(): commune for commune in result})
        self.model.setStringList([commune.label() for commune in result])
        if self.line_edit.hasFocus():
            self.line_edit.completer().complete()
