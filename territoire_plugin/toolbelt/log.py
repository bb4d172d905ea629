"""Logger writing to the "Territoire" tab of the QGIS message log."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

LOG_TAB = "Territoire"


def log(message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """Write ``message`` to the Territoire tab. Never pass secrets here."""
    QgsMessageLog.logMessage(str(message), LOG_TAB, level, notifyUser=level >= Qgis.MessageLevel.Warning)


def log_tr(template: str, *args, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """Write ``template`` (marked with ``QT_TRANSLATE_NOOP("TerritoireLog", …)``) in the interface's language,
    filled with ``args`` (numbers written that language's way)."""
    from qgis.PyQt.QtCore import QCoreApplication

    from .i18n import local_format

    log(local_format(QCoreApplication.translate("TerritoireLog", template), *args), level)


def debug(message: str) -> None:
    """Log ``message`` only when the user turned on detailed messages in the options."""
    from .settings import Settings

    if Settings.load().debug_mode:
        log(message, Qgis.MessageLevel.Info)
