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


def local_format(text: str, *args, **kwargs) -> str:
    """``text.format(*args, **kwargs)`` with every non-integer number written as the interface's language writes
    it, whatever the format spec: « {0:.1f} °C » gives « 28,4 °C » in French (core/wording.py's LocalFloat)."""
    import numbers

    from ..core.wording import LocalFloat

    language = qgis_language()

    def local(value):
        if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
            return LocalFloat(float(value), language)
        return value

    return text.format(*(local(v) for v in args), **{key: local(v) for key, v in kwargs.items()})


def translated(template: str, params: dict, fallback: str = "") -> str:
    """``template`` (context ``AnalysisError``) in the interface's language, filled with ``params``: numbers
    written as that language writes them (« 2,5 » in French), :class:`Phrase` parameters translated too."""
    from ..core.errors import Phrase
    from ..core.wording import localised

    language = qgis_language()
    params = {key: translated_phrase(value) if isinstance(value, Phrase) else value for key, value in params.items()}
    text = QCoreApplication.translate("AnalysisError", template)
    try:
        return text.format(**localised(params, language))
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return fallback or template


def translated_phrase(phrase) -> str:
    """A :class:`~territoire_plugin.core.errors.Phrase` in the interface's language."""
    return translated(phrase.template, phrase.params, str(phrase))


def error_text(error) -> str:
    """The message of one of the plugin's errors (:class:`~territoire_plugin.core.errors.AnalysisError`) in the
    interface's language."""
    return translated(error.template, error.params, str(error))
