"""Typed plugin settings, all under one QgsSettings group ("territoire/")."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

GROUP = "territoire"
REPORT_LANGUAGES = ("fr", "en")


def default_cache_dir() -> str:
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "cache" / "territoire")


@dataclass
class Settings:
    """What the user can set on the options page. Secrets never go here (QgsAuthManager)."""

    cache_dir: str = ""
    report_language: str = "fr"
    debug_mode: bool = False

    def __post_init__(self):
        if not self.cache_dir:
            self.cache_dir = default_cache_dir()
        if self.report_language not in REPORT_LANGUAGES:
            self.report_language = REPORT_LANGUAGES[0]

    @classmethod
    def load(cls) -> Settings:
        store = QgsSettings()
        values = {}
        for item in fields(cls):
            default = item.default
            raw = store.value(f"{GROUP}/{item.name}", default)
            if isinstance(default, bool):
                raw = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            values[item.name] = type(default)(raw)
        return cls(**values)

    def save(self) -> None:
        store = QgsSettings()
        for item in fields(self):
            store.setValue(f"{GROUP}/{item.name}", getattr(self, item.name))
