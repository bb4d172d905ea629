"""A dock that draws a displacement series, and the map tool that picks a point or an asset.

Click a ground-motion point: its own series. Click an asset (a building, a road…) of the active layer:
the median, date by date, of the series of the points within the asset's buffer (the defaults of
territoire:ground_motion_assets), so the asset's movement reads at a glance.

Drawn with QPainter only (nothing beyond what QGIS ships): the measurements, the linear trend,
a ±σ band around it (σ = the point's velocity standard deviation × time, or the residual spread)
and the seasonal fit. Exportable as PNG and CSV.
"""

from __future__ import annotations

import csv
from datetime import date

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapToolIdentify
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QDockWidget, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class SeriesChart(QWidget):
    """Measurements (dots), linear trend (line), ±σ band and seasonal fit (thin curve)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(420, 280)
        self.dates: list[date] = []
        self.values = None
        self.fit = None
        self.title = ""  # the point's id, or the asset's name
        self.caption = ""  # what the chart's heading says: « Point EGMS 3PWxq0000000 », « Bâtiment … »

    def set_series(self, title: str, dates, values, velocity_std: float | None = None, caption: str = "") -> None:
        import numpy as np

        from ..analysis.ground_motion.trend import trends, years_since_first

        self.title, self.caption, self.dates = title, caption or title, list(dates)
        self.values = np.asarray(values, dtype=np.float64)
        t = years_since_first([d.strftime("%Y%m%d") for d in self.dates]) if self.dates else np.empty(0)
        self.fit = None
        finite = np.isfinite(self.values)
        if finite.sum() >= 3:
            result = trends(self.values[None, :], t)
            design = np.column_stack([np.ones_like(t), t])
            line = design @ (np.linalg.pinv(design[finite]) @ self.values[finite])
            seasonal = np.column_stack([np.ones_like(t), t, np.sin(2 * np.pi * t), np.cos(2 * np.pi * t)])
            season = seasonal @ (np.linalg.pinv(seasonal[finite]) @ self.values[finite])
            residual = float(np.nanstd(self.values[finite] - line[finite]))
            spread = velocity_std * t if velocity_std else np.full_like(t, residual)
            self.fit = {"t": t, "line": line, "season": season, "spread": spread,
                        "velocity": float(result.velocity[0]), "acceleration": float(result.acceleration[0])}
        self.update()

    def paintEvent(self, event):  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self.values is None or not len(self.dates):
            message = self.tr("Click a ground-motion point on the map")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            return
        draw_series(painter, self, self.width(), self.height())
        painter.end()


def draw_series(painter, chart, width: int, height: int) -> None:
    """The chart: title (the point or the asset), velocity line above the plot (it hides no data), value and
    date ticks, axis titles and a legend for the measurements, trend, ±σ band and seasonal fit."""
    import numpy as np

    from ..core.wording import number
    from ..diagnostic.report.charts import date_ticks, nice_ticks
    from ..toolbelt.i18n import qgis_language

    language = qgis_language()
    metrics = painter.fontMetrics()
    line = metrics.height() + 2
    left = 14 + line + metrics.horizontalAdvance("-000")
    area = QRectF(left, 6 + 2 * line, width - left - 14, height - 6 - 2 * line - 3 * line - 6)
    values = chart.values[np.isfinite(chart.values)]
    low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
    if chart.fit is not None:
        low = min(low, float(np.min(chart.fit["line"] - chart.fit["spread"])))
        high = max(high, float(np.max(chart.fit["line"] + chart.fit["spread"])))
    if high - low < 1e-6:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.04
    low, high = low - pad, high + pad
    first, last = chart.dates[0].toordinal(), max(chart.dates[-1].toordinal(), chart.dates[0].toordinal() + 1)

    def point(day: date, value: float) -> QPointF:
        x = area.left() + (day.toordinal() - first) / (last - first) * area.width()
        y = area.bottom() - (value - low) / (high - low) * area.height()
        return QPointF(x, y)

    grey, dark = QColor("#9e9e9e"), QColor("#252525")
    painter.setPen(QPen(dark, 1))
    bold = painter.font()
    bold.setBold(True)
    painter.save()
    painter.setFont(bold)
    painter.drawText(QRectF(0, 4, width, line), Qt.AlignmentFlag.AlignCenter, chart.caption or chart.title)
    painter.restore()
    if chart.fit is not None:
        painter.setPen(QPen(QColor("#08519c"), 1))
        painter.drawText(QRectF(area.left(), 4 + line, area.width(), line), Qt.AlignmentFlag.AlignCenter,
                         QCoreApplication.translate(
                             "SeriesChart", "Velocity {0} mm/year, acceleration {1} mm/year²").format(
                             number(chart.fit["velocity"], language, 1, True),
                             number(chart.fit["acceleration"], language, 2, True)))
    ticks = nice_ticks(low, high, 5)
    decimals = 0 if all(float(v).is_integer() for v in ticks) else 1
    for value in ticks:
        y = point(chart.dates[0], value).y()
        painter.setPen(QPen(QColor("#eeeeee"), 1))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(QPen(dark, 1))
        painter.drawText(QRectF(0, y - line / 2, area.left() - 4, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number(value, language, decimals))
    for day, label in date_ticks(chart.dates[0], chart.dates[-1], language):
        x = point(day, low).x()
        painter.setPen(QPen(QColor("#eeeeee"), 1))
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        painter.setPen(QPen(dark, 1))
        painter.drawText(QRectF(x - 50, area.bottom() + 2, 100, line), Qt.AlignmentFlag.AlignCenter, label)
    painter.setPen(QPen(grey, 1))
    painter.drawRect(area)
    painter.setPen(QPen(dark, 1))
    painter.drawText(QRectF(area.left(), area.bottom() + line, area.width(), line), Qt.AlignmentFlag.AlignCenter,
                     QCoreApplication.translate("SeriesChart", "Date of the measurement"))
    painter.save()
    painter.translate(4 + line / 2, area.center().y())  # noqa: QGS201 - QPainter
    painter.rotate(-90)  # noqa: QGS201 - QPainter.rotate returns nothing
    painter.drawText(QRectF(-area.height() / 2, -line / 2, area.height(), line), Qt.AlignmentFlag.AlignCenter,
                     QCoreApplication.translate("SeriesChart", "Displacement (mm)"))
    painter.restore()
    if chart.fit is not None:
        upper = [point(d, v + s) for d, v, s in zip(chart.dates, chart.fit["line"], chart.fit["spread"])]
        lower = [point(d, v - s) for d, v, s in zip(chart.dates, chart.fit["line"], chart.fit["spread"])]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAND)
        painter.drawPolygon(QPolygonF(upper + lower[::-1]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(point(chart.dates[0], float(chart.fit["season"][0])))
        for d, v in zip(chart.dates[1:], chart.fit["season"][1:]):
            path.lineTo(point(d, float(v)))
        painter.setPen(QPen(SEASON, 1.5))
        painter.drawPath(path)
        painter.setPen(QPen(TREND, 2))
        painter.drawLine(point(chart.dates[0], float(chart.fit["line"][0])),
                         point(chart.dates[-1], float(chart.fit["line"][-1])))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(dark)
    for d, v in zip(chart.dates, chart.values):
        if np.isfinite(v):
            painter.drawEllipse(point(d, float(v)), 2.0, 2.0)
    legend(painter, QRectF(area.left(), area.bottom() + 2 * line + 2, area.width(), line), chart.fit is not None)


BAND, SEASON, TREND = QColor(33, 113, 181, 45), QColor("#fd8d3c"), QColor("#08519c")


def legend(painter, box: QRectF, with_fit: bool) -> None:
    """One line: ● measurements, — trend, ▭ ±σ band, ~ seasonal fit."""
    entries = [("dot", QCoreApplication.translate("SeriesChart", "measurements"))]
    if with_fit:
        entries += [("trend", QCoreApplication.translate("SeriesChart", "linear trend")),
                    ("band", QCoreApplication.translate("SeriesChart", "± σ")),
                    ("season", QCoreApplication.translate("SeriesChart", "seasonal fit"))]
    metrics = painter.fontMetrics()
    widths = [24 + metrics.horizontalAdvance(text) + 16 for _, text in entries]
    x = box.left() + max(0.0, (box.width() - sum(widths)) / 2)
    middle = box.center().y()
    for (kind, text), width in zip(entries, widths):
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "dot":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#252525"))
            painter.drawEllipse(QPointF(x + 10, middle), 3.0, 3.0)
        elif kind == "band":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAND)
            painter.drawRect(QRectF(x, middle - 5, 20, 10))
        else:
            painter.setPen(QPen(TREND if kind == "trend" else SEASON, 2))
            painter.drawLine(QPointF(x, middle), QPointF(x + 20, middle))
        painter.setPen(QPen(QColor("#252525"), 1))
        painter.drawText(QRectF(x + 24, box.top(), width - 24, box.height()), Qt.AlignmentFlag.AlignVCenter, text)
        x += width


class SeriesDock(QDockWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("TerritoireSeriesDock")
        self.setWindowTitle(self.tr("Ground-motion time series"))
        body = QWidget(self)
        self.chart = SeriesChart(body)
        self.info = QLabel(body)
        png, table = QPushButton(self.tr("Export PNG…"), body), QPushButton(self.tr("Export CSV…"), body)
        png.clicked.connect(lambda: self.ask_and_export("png"))
        table.clicked.connect(lambda: self.ask_and_export("csv"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(png)
        buttons.addWidget(table)
        layout = QVBoxLayout(body)
        layout.addWidget(self.chart, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

    def show_feature(self, layer: QgsVectorLayer, feature) -> bool:
        """Draw the series of ``feature`` (a point of an EGMS import); False when it has none."""
        import numpy as np

        days = series_days(layer)
        values = point_series(layer, feature, days)
        if values is None:
            self.info.setText(self.tr("This point has no displacement series."))
            return False
        std_index = layer.fields().indexOf("velocity_std")
        std = feature.attribute(std_index) if std_index >= 0 else None
        pid = feature.attribute(layer.fields().indexOf("pid")) if layer.fields().indexOf("pid") >= 0 else feature.id()
        self.chart.set_series(str(pid), days, values, float(std) if std not in (None, "NULL") else None,
                              caption=self.tr("EGMS point {0}").format(pid))
        self.info.setText(self.tr("{0} measurements").format(int(np.isfinite(values).sum())))
        return True

    def show_asset(self, title: str, days, series) -> bool:
        """Draw the date-by-date median of the point series ``series`` (one row per point) of an asset."""

        from ..qgis_io.ground_motion import median_series

        if not len(series):
            self.info.setText(self.tr("No ground-motion point with a series within this asset's buffer."))
            return False
        self.chart.set_series(title, days, median_series(series), caption=self.tr(
            "{0} — median of the points within its buffer").format(title))
        self.info.setText(self.tr("median of {0} points").format(len(series)))
        return True

    def name_by_address(self, geometry, crs, title: str):
        """Look up the asset's address in a background task (the geocoder, cached) and, if the chart still shows
        that asset when it answers, name it by its address in the chart's caption. Returns the task."""
        from qgis.core import QgsApplication, QgsGeometry, QgsTask

        from ..qgis_io.places import addresses_of, named_place

        shape, context = QgsGeometry(geometry), QgsProject.instance().transformContext()

        def lookup(task):
            return addresses_of({0: shape}, crs, context, task).get(0)

        def done(exception, address=None):
            if exception is None and address and self.chart.title == title:
                self.chart.caption = self.tr("{0} — median of the points within its buffer").format(
                    named_place(title, address))
                self.chart.update()

        self.address_task = QgsTask.fromFunction(self.tr("Address of {0}").format(title), lookup, on_finished=done)
        QgsApplication.taskManager().addTask(self.address_task)
        return self.address_task

    def export(self, path: str, kind: str) -> None:
        if kind == "png":
            self.chart.grab().save(path, "PNG")
            return
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["date", "displacement_mm"])
            for day, value in zip(self.chart.dates, self.chart.values):
                writer.writerow([day.isoformat(), "" if value != value else f"{value:.2f}"])

    def ask_and_export(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), "", f"{kind.upper()} (*.{kind})")
        if path:
            self.export(path, kind)


def series_days(layer: QgsVectorLayer) -> list[date] | None:
    """The dates of an EGMS import's series (read once from its GeoPackage), or None without series."""
    from ..qgis_io.ground_motion import series_dates

    dates = series_dates(layer)
    return [date(int(d[:4]), int(d[4:6]), int(d[6:8])) for d in dates] if dates else None


def point_series(layer: QgsVectorLayer, feature, days: list[date] | None):
    """An EGMS point's displacement series (one value per day of ``days``), or None when it has none."""
    import numpy as np

    from ..sources.egms import read_series

    index = layer.fields().indexOf("displacement_mm")
    blob = feature.attribute(index) if index >= 0 else None
    if not days or blob is None or str(blob) == "NULL":
        return None
    return read_series(bytes(blob)).astype(np.float64)[:len(days)]


def nearest_feature(layer: QgsVectorLayer, point: QgsPointXY, area: QgsRectangle):
    """The feature of ``layer`` within ``area`` closest to ``point`` (both in the layer's CRS), or None."""
    target = QgsGeometry.fromPointXY(point)
    candidates = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(area)))
    return min(candidates, key=lambda f: f.geometry().distance(target)) if candidates else None


class SeriesMapTool(QgsMapToolIdentify):
    """Click near a ground-motion point: its series goes to the dock; click an asset: its points' median."""

    def __init__(self, canvas, dock: SeriesDock, layer_provider, asset_provider=None):
        super().__init__(canvas)
        self.dock = dock
        self.layer_provider = layer_provider  # returns the EGMS point layer to search
        self.asset_provider = asset_provider or (lambda: None)  # returns the assets layer (lines, polygons)

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt API
        self.pick(self.toMapCoordinates(event.pos()))

    def to_layer(self, layer: QgsVectorLayer, point: QgsPointXY, radius: float):
        """The click (canvas CRS) and a search square of ``radius`` canvas units, in ``layer``'s CRS."""
        transform = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(), layer.crs(),
                                           QgsProject.instance())
        area = QgsRectangle(point.x() - radius, point.y() - radius, point.x() + radius, point.y() + radius)
        return transform.transform(point), transform.transformBoundingBox(area)

    def pick(self, point: QgsPointXY) -> bool:
        layer = self.layer_provider()
        if layer is None:
            return False
        radius = self.canvas().mapUnitsPerPixel() * 8
        nearest = nearest_feature(layer, *self.to_layer(layer, point, radius))
        if nearest is not None:
            self.dock.show()
            return self.dock.show_feature(layer, nearest)
        return self.pick_asset(layer, point, radius)

    def pick_asset(self, points: QgsVectorLayer, point: QgsPointXY, radius: float) -> bool:
        """The asset under the click: the median series of the ground-motion points within its buffer."""
        from ..qgis_io.ground_motion import DEFAULT_BUFFERS, series_near

        assets = self.asset_provider()
        if (not isinstance(assets, QgsVectorLayer) or assets.crs().isGeographic()
                or assets.geometryType() not in (QgsWkbTypes.GeometryType.PolygonGeometry,
                                                 QgsWkbTypes.GeometryType.LineGeometry)):
            return False
        asset = nearest_feature(assets, *self.to_layer(assets, point, radius))
        if asset is None:
            return False
        kind = "polygon" if assets.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry else "line"
        days = series_days(points)
        series = series_near(points, asset.geometry(), assets.crs(), DEFAULT_BUFFERS[kind], len(days or []),
                             QgsProject.instance().transformContext())
        if series is None:
            self.dock.info.setText(self.tr("This asset cannot be placed in the ground-motion points' CRS."))
            return False
        if not days:
            series = []
        name_index = next((assets.fields().indexOf(n) for n in ("nom", "name", "cleabs", "id")
                           if assets.fields().indexOf(n) >= 0), -1)
        title = str(asset.attribute(name_index)) if name_index >= 0 else f"{assets.name()} #{asset.id()}"
        self.dock.show()
        if not self.dock.show_asset(title, days, series):
            return False
        self.dock.name_by_address(asset.geometry(), assets.crs(), title)
        return True
