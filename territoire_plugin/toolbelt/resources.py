"""Where the plugin's files are, in the source tree and in the installed plugin alike.

In the source tree as in the installed plugin, everything sits inside the plugin folder::

    territoire_plugin/metadata.txt, territoire_plugin/resources/…, territoire_plugin/i18n/…

This module imports nothing from QGIS so every layer may use it.
"""

from __future__ import annotations

import configparser
from functools import cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent


def _locate(*parts: str) -> Path:
    return PLUGIN_DIR.joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (e.g. ``resource_path("styles", "lst_celsius.qml")``)."""
    return _locate("resources", *parts)


def icon_path(name: str) -> str:
    return str(resource_path("icons", name))


def i18n_path(*parts: str) -> Path:
    return _locate("i18n", *parts)


def metadata_path() -> Path:
    return _locate("metadata.txt")


@cache
def plugin_metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding="utf-8")
    return dict(parser["general"])


def plugin_version() -> str:
    return plugin_metadata()["version"]
