"""The feedback through which a Processing run tells the panel its steps and errors."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtCore import pyqtSignal


class PanelFeedback(QgsProcessingFeedback):
    """Processing feedback whose step texts and errors reach the panel (through queued signals: any thread).

    The algorithm's exception is the message the user reads (translated, saying what to do): QGIS's task
    hands it to ``reportError`` before ``executed`` fires, so the panel can show it instead of pointing to
    the log."""

    step = pyqtSignal(str)
    error = pyqtSignal(str)

    def setProgressText(self, text):  # noqa: N802 - Qt API
        super().setProgressText(text)
        self.step.emit(text)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - Qt API
        super().reportError(error, fatalError)
        self.error.emit(str(error))
