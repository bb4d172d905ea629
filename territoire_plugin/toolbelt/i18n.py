"""Translations: French when QGIS runs in French, English otherwise."""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .resources import i18n_path

_installed: list = []


def qgis_language() -> str:
    """Two-letter language QGIS runs in (its locale override, else the system's)."""
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    locale = settings.value("locale/userLocale", "", type=str) if override else ""
    return (locale or QLocale().name() or "en")[:2].lower()


def install_translator() -> QTranslator | None:
    """Load ``i18n/territoire_<lang>.qm`` for QGIS's language, once per process."""
    if _installed:
        return _installed[0]
    qm_file = i18n_path(f"territoire_{qgis_language()}.qm")
    if not qm_file.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return None
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return translator


def remove_translator() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def decimal(value: float, decimals: int = 2) -> str:
    """``value`` written as the interface's language writes numbers: 0,22 in French (core/wording.py)."""
    from ..core.wording import number

    return number(value, qgis_language(), decimals)
