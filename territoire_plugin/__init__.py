"""Territoire — QGIS plugin entry point. Keep this cheap: nothing heavy is imported here."""


def classFactory(iface):  # noqa: N802 - QGIS API
    from .plugin import TerritoirePlugin

    return TerritoirePlugin(iface)
