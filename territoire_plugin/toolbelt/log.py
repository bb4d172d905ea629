"""Logger writing to the "Territoire" tab of the QGIS message log."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

LOG_TAB = "Territoire"


def log(message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """Write ``message`` to the Territoire tab. Never pass secrets here."""
    QgsMessageLog.logMessage(str(message), LOG_TAB, level, notifyUser=level >= Qgis.MessageLevel.Warning)
