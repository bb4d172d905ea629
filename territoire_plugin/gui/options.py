"""The "Territoire" page of QGIS's Settings ▸ Options."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..sources.cache import Cache
from ..toolbelt.resources import icon_path
from ..toolbelt.settings import REPORT_LANGUAGES, SERVICES, Settings

PAGE_OBJECT_NAME = "mOptionsPageTerritoire"


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


class OptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(PAGE_OBJECT_NAME)
        settings = Settings.load()
        form = QFormLayout()

        self.cache_dir = QgsFileWidget(self)
        self.cache_dir.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.cache_dir.setFilePath(settings.cache_dir)
        form.addRow(QLabel(self.tr("Cache folder")), self.cache_dir)

        cache_row = QHBoxLayout()
        self.cache_size = QLabel()
        self.clear_button = QPushButton(self.tr("Clear the cache"))
        self.clear_button.clicked.connect(self.clear_cache)
        cache_row.addWidget(self.cache_size)
        cache_row.addStretch()
        cache_row.addWidget(self.clear_button)
        form.addRow(QLabel(self.tr("Cache size")), cache_row)

        self.language = QComboBox(self)
        names = {"fr": self.tr("French"), "en": self.tr("English")}
        for code in REPORT_LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(REPORT_LANGUAGES.index(settings.report_language))
        form.addRow(QLabel(self.tr("Language of reports")), self.language)

        self.notice = QLineEdit(self)
        self.notice.setText(settings.report_notice)
        self.notice.setPlaceholderText(self.tr("e.g. Working document, not for publication"))
        self.notice.setToolTip(self.tr("A line printed on the cover of every report (leave empty for none)."))
        form.addRow(QLabel(self.tr("Notice on the report cover")), self.notice)

        self.debug = QCheckBox(self.tr("Detailed messages in the log (debug)"), self)
        self.debug.setChecked(settings.debug_mode)
        form.addRow(self.debug)

        # One address per partner service: empty means the official one (shown greyed).
        services = QGroupBox(self.tr("Service addresses (leave empty for the official ones)"), self)
        services_form = QFormLayout(services)
        self.service_urls = {}
        for key, service in SERVICES.items():
            edit = QLineEdit(services)
            edit.setPlaceholderText(service.default)
            edit.setText(settings.service_urls.get(key, ""))
            if os.environ.get(service.env_var):
                edit.setToolTip(self.tr("Overridden by the environment variable {0}").format(service.env_var))
            services_form.addRow(QLabel(service.shown_label()), edit)
            self.service_urls[key] = edit

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(services)
        layout.addStretch()
        self.refresh_size()

    def refresh_size(self) -> None:
        self.cache_size.setText(human_size(Cache(self.cache_dir.filePath()).size()))

    def clear_cache(self) -> None:
        folder = Path(self.cache_dir.filePath())
        if not folder.is_dir():
            return
        answer = QMessageBox.question(
            self, self.tr("Clear the cache"),
            self.tr("Delete every file downloaded into {0}? Analyses will need the network again.").format(folder),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        Cache(folder).clear()
        self.refresh_size()

    def apply(self) -> None:
        Settings(
            cache_dir=self.cache_dir.filePath(),
            report_language=self.language.currentData(),
            report_notice=self.notice.text().strip(),
            debug_mode=self.debug.isChecked(),
            service_urls={key: edit.text() for key, edit in self.service_urls.items()},
        ).save()


class OptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__("Territoire", QIcon(icon_path("territoire.svg")))

    def icon(self) -> QIcon:
        return QIcon(icon_path("territoire.svg"))

    def createWidget(self, parent: QWidget) -> OptionsPage:  # noqa: N802 - Qt API
        return OptionsPage(parent)
