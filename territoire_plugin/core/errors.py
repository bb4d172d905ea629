"""Errors raised by the analysis layer.

The analysis layer cannot import ``qgis``, so it cannot translate its messages. Each
message template is marked with :func:`QT_TRANSLATE_NOOP` (context ``AnalysisError``) so
``make i18n`` collects it; the Processing layer translates the template and fills in the
``params``. Each error also carries a stable ``key`` that tests and callers can rely on.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Phrase(str):
    """A piece of a message the analysis layer writes (in English) and the Processing layer translates:
    ``template`` is marked with :func:`QT_TRANSLATE_NOOP` (context ``AnalysisError``), ``params`` fill it.
    It is the English text wherever a plain string is expected."""

    def __new__(cls, template: str, /, **params):
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self


NONE = Phrase(QT_TRANSLATE_NOOP("AnalysisError", "none"))  # an empty list, in a message


class AnalysisError(Exception):
    """Bad input: the message says what is wrong and how to fix it."""

    def __init__(self, key: str, template: str, /, **params):
        super().__init__(template.format(**params))
        self.key = key
        self.template = template
        self.params = params


class Cancelled(Exception):  # noqa: N818 - a cancel is not an error
    """The user cancelled; whatever was being written has been removed."""


class ServiceError(AnalysisError):
    """A partner service failed or refused: the message says which, why, and what to do."""


def service_error(key: str, template: str, **params) -> ServiceError:
    return ServiceError(key, template, **params)
