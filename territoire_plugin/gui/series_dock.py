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
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QDockWidget, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class SeriesChart(QWidget):
    """Measurements (dots), linear trend (line), ±σ band and seasonal fit (thin curve)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(420, 240)
        self.dates: list[date] = []
        self.values = None
        self.fit = None
        self.title = ""

    def set_series(self, title: str, dates, values, velocity_std: float | None = None) -> None:
        import numpy as np

        from ..analysis.ground_motion.trend import trends, years_since_first

        self.title, self.dates = title, list(dates)
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
        import numpy as np

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self.values is None or not len(self.dates):
            message = self.tr("Click a ground-motion point on the map")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            return
        margin = 48
        area = QRectF(margin, 24, self.width() - margin - 12, self.height() - 24 - 32)
        values = self.values[np.isfinite(self.values)]
        low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
        if self.fit is not None:
            low = min(low, float(np.min(self.fit["line"] - self.fit["spread"])))
            high = max(high, float(np.max(self.fit["line"] + self.fit["spread"])))
        if high - low < 1e-6:
            low, high = low - 1, high + 1
        first, last = self.dates[0].toordinal(), max(self.dates[-1].toordinal(), self.dates[0].toordinal() + 1)

        def point(day: date, value: float) -> QPointF:
            x = area.left() + (day.toordinal() - first) / (last - first) * area.width()
            y = area.bottom() - (value - low) / (high - low) * area.height()
            return QPointF(x, y)

        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.drawRect(area)
        painter.drawText(QRectF(0, area.top() - 20, self.width(), 18), Qt.AlignmentFlag.AlignCenter, self.title)
        for value in (low, high):
            painter.drawText(QRectF(2, point(self.dates[0], value).y() - 8, margin - 6, 16),
                             Qt.AlignmentFlag.AlignRight, f"{value:.0f}")
        painter.drawText(QRectF(area.left(), area.bottom() + 4, 120, 16), Qt.AlignmentFlag.AlignLeft,
                         self.dates[0].isoformat())
        painter.drawText(QRectF(area.right() - 120, area.bottom() + 4, 120, 16), Qt.AlignmentFlag.AlignRight,
                         self.dates[-1].isoformat())
        painter.drawText(QRectF(2, area.bottom() + 16, margin, 16), Qt.AlignmentFlag.AlignLeft, "mm")
        if self.fit is not None:
            upper = [point(d, v + s) for d, v, s in zip(self.dates, self.fit["line"], self.fit["spread"])]
            lower = [point(d, v - s) for d, v, s in zip(self.dates, self.fit["line"], self.fit["spread"])]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(33, 113, 181, 45))
            painter.drawPolygon(QPolygonF(upper + lower[::-1]))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(point(self.dates[0], float(self.fit["season"][0])))
            for d, v in zip(self.dates[1:], self.fit["season"][1:]):
                path.lineTo(point(d, float(v)))
            painter.setPen(QPen(QColor("#fd8d3c"), 1))
            painter.drawPath(path)
            painter.setPen(QPen(QColor("#08519c"), 2))
            painter.drawLine(point(self.dates[0], float(self.fit["line"][0])),
                             point(self.dates[-1], float(self.fit["line"][-1])))
            painter.drawText(QRectF(area.left() + 6, area.top() + 4, area.width(), 16), Qt.AlignmentFlag.AlignLeft,
                             self.tr("velocity {0:.1f} mm/year, acceleration {1:.2f} mm/year²").format(
                                 self.fit["velocity"], self.fit["acceleration"]))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#252525"))
        for d, v in zip(self.dates, self.values):
            if np.isfinite(v):
                painter.drawEllipse(point(d, float(v)), 2.0, 2.0)
        painter.end()


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
        self.chart.set_series(str(pid), days, values, float(std) if std not in (None, "NULL") else None)
        self.info.setText(self.tr("{0} measurements").format(int(np.isfinite(values).sum())))
        return True

    def show_asset(self, title: str, days, series) -> bool:
        """Draw the date-by-date median of the point series ``series`` (one row per point) of an asset."""

        from ..qgis_io.ground_motion import median_series

        if not len(series):
            self.info.setText(self.tr("No ground-motion point with a series within this asset's buffer."))
            return False
        self.chart.set_series(title, days, median_series(series))
        self.info.setText(self.tr("median of {0} points").format(len(series)))
        return True

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
        return self.dock.show_asset(title, days, series)
