"""Charts of the report drawn with QPainter into PNG files: nothing beyond what QGIS ships.

Each function writes one image (``path``) and returns it; sizes are in pixels at 200 dpi so the
charts stay sharp in the PDF. Values are plotted as given: the caller computes the statistics.
"""

from __future__ import annotations

import math
from pathlib import Path

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

WIDTH, HEIGHT = 1600, 900
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 170, 50, 110, 150
PALETTE = ("#d7301f", "#2c7fb8", "#41ab5d", "#fe9929", "#756bb1", "#636363")


class _Canvas:
    """A white image with a title and a plot area; ``x``/``y`` map data to pixels."""

    def __init__(self, title: str, x_range, y_range, x_label: str, y_label: str, bottom: int = MARGIN_BOTTOM):
        self.image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
        self.image.setDotsPerMeterX(7874)  # 200 dpi
        self.image.setDotsPerMeterY(7874)
        self.image.fill(QColor("white"))
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        if self.x1 <= self.x0:
            self.x1 = self.x0 + 1
        if self.y1 <= self.y0:
            self.y1 = self.y0 + 1
        self.plot = QRectF(MARGIN_LEFT, MARGIN_TOP, WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
                           HEIGHT - MARGIN_TOP - bottom)
        self.painter.setFont(QFont("Sans", 16, QFont.Weight.Bold))
        self.painter.drawText(QRectF(0, 15, WIDTH, 60), int(Qt.AlignmentFlag.AlignCenter), title)
        self.painter.setFont(QFont("Sans", 11))
        self.painter.drawText(QRectF(MARGIN_LEFT, self.plot.bottom() + 50, self.plot.width(), 45),
                              int(Qt.AlignmentFlag.AlignCenter), x_label)
        self.painter.save()
        self.painter.translate(28, MARGIN_TOP + self.plot.height() / 2)
        self.painter.rotate(-90)
        # The axis title may be longer than the axis: it wraps on two lines rather than being clipped.
        self.painter.drawText(QRectF(-self.plot.height() / 2 - 40, -26, self.plot.height() + 80, 52),
                              int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), y_label)
        self.painter.restore()

    def x(self, value: float) -> float:
        return self.plot.left() + (value - self.x0) / (self.x1 - self.x0) * self.plot.width()

    def y(self, value: float) -> float:
        return self.plot.bottom() - (value - self.y0) / (self.y1 - self.y0) * self.plot.height()

    def y_axis(self, ticks: int = 5, fmt=lambda v: f"{v:g}") -> None:
        self.painter.setFont(QFont("Sans", 10))
        for step in nice_ticks(self.y0, self.y1, ticks):
            y = self.y(step)
            self.painter.setPen(QPen(QColor("#dddddd"), 1))
            self.painter.drawLine(QPointF(self.plot.left(), y), QPointF(self.plot.right(), y))
            self.painter.setPen(QPen(QColor("black"), 1))
            self.painter.drawText(QRectF(56, y - 15, MARGIN_LEFT - 68, 30),
                                  int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), fmt(step))
        self.painter.setPen(QPen(QColor("black"), 2))
        self.painter.drawLine(self.plot.bottomLeft(), self.plot.bottomRight())
        self.painter.drawLine(self.plot.bottomLeft(), self.plot.topLeft())

    def x_axis(self, ticks: int = 6, fmt=lambda v: f"{v:g}", at=None) -> None:
        self.painter.setFont(QFont("Sans", 10))
        self.painter.setPen(QPen(QColor("black"), 1))
        for step in (at if at is not None else nice_ticks(self.x0, self.x1, ticks)):
            x = self.x(step)
            self.painter.drawLine(QPointF(x, self.plot.bottom()), QPointF(x, self.plot.bottom() + 8))
            self.painter.drawText(QRectF(x - 90, self.plot.bottom() + 10, 180, 30),
                                  int(Qt.AlignmentFlag.AlignCenter), fmt(step))

    def save(self, path) -> Path:
        self.painter.end()
        path = Path(path)
        if not self.image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        return path


def nice_ticks(low: float, high: float, count: int) -> list[float]:
    span = high - low
    if span <= 0 or not math.isfinite(span):
        return [low]
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def histogram(path, values, title: str, x_label: str, y_label: str, bins: int = 30, colour: str = PALETTE[0],
              fmt=lambda v: f"{v:g}", share=lambda v: f"{v:g} %") -> Path:
    """Histogram of ``values`` (share of values per bin, in %)."""
    import numpy as np

    values = np.asarray(values, np.float64)
    values = values[np.isfinite(values)]
    if values.size == 0:
        values = np.zeros(1)
    counts, edges = np.histogram(values, bins=bins)
    shares = counts / max(counts.sum(), 1) * 100.0
    canvas = _Canvas(title, (float(edges[0]), float(edges[-1])), (0.0, float(shares.max()) * 1.1 or 1.0),
                     x_label, y_label)
    canvas.y_axis(fmt=share)
    canvas.painter.setPen(QPen(QColor("white"), 1))
    canvas.painter.setBrush(QColor(colour))
    for share, left, right in zip(shares, edges[:-1], edges[1:]):
        canvas.painter.drawRect(QRectF(QPointF(canvas.x(left), canvas.y(share)),
                                       QPointF(canvas.x(right), canvas.y(0))))
    canvas.x_axis(fmt=fmt)
    return canvas.save(path)


def bars(path, labels, values, title: str, y_label: str, colours=None, fmt=lambda v: f"{v:g}") -> Path:
    """Vertical bars, one per label, with the value written on each; labels wrap on up to four lines, whole."""
    values = [float(v) for v in values]
    top = max(values + [0.0])
    bottom = min(values + [0.0])
    canvas = _Canvas(title, (0.0, float(max(len(values), 1))), (bottom, top * 1.15 if top > 0 else 1.0), "", y_label,
                     bottom=MARGIN_BOTTOM + 40)
    canvas.y_axis(fmt=fmt)
    width = canvas.plot.width() / max(len(values), 1)
    for index, (label, value) in enumerate(zip(labels, values)):
        colour = QColor((colours or PALETTE)[index % len(colours or PALETTE)])
        left = canvas.plot.left() + index * width + width * 0.15
        canvas.painter.setPen(Qt.PenStyle.NoPen)
        canvas.painter.setBrush(colour)
        canvas.painter.drawRect(QRectF(QPointF(left, canvas.y(max(value, 0))),
                                       QPointF(left + width * 0.7, canvas.y(min(value, 0)))))
        canvas.painter.setPen(QPen(QColor("black"), 1))
        canvas.painter.setFont(QFont("Sans", 10))
        canvas.painter.drawText(QRectF(left - width * 0.15, canvas.y(max(value, 0)) - 32, width, 28),
                                int(Qt.AlignmentFlag.AlignCenter), fmt(value))
        box = QRectF(left - width * 0.15 + 4, canvas.plot.bottom() + 6, width - 8, MARGIN_BOTTOM + 30)
        canvas.painter.setFont(_fitting_font(canvas.painter, str(label), box))
        canvas.painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap), str(label))
    return canvas.save(path)


def _fitting_font(painter, text: str, box: QRectF) -> QFont:
    """The largest font (10 pt down to 6 pt) in which ``text``, wrapped, fits ``box``."""
    from qgis.PyQt.QtGui import QFontMetricsF

    for size in (10, 9, 8, 7, 6):
        font = QFont("Sans", size)
        needed = QFontMetricsF(font, painter.device()).boundingRect(
            box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap), text)
        if needed.height() <= box.height() and needed.width() <= box.width() + 1:
            break
    return font


def date_ticks(start, end, language: str) -> list:
    """(date, label) ticks for a time axis from ``start`` to ``end`` (datetime.date): each 1 January when the span
    is over three years, else each 1 January and 1 July (« 07/2021 » in French, "2021-07" in English)."""
    import datetime

    ticks = []
    for year in range(start.year, end.year + 2):
        months = (1,) if (end - start).days > 3 * 366 else (1, 7)
        for month in months:
            day = datetime.date(year, month, 1)
            if start <= day <= end:
                french = f"{month:02d}/{year}" if language == "fr" else f"{year}-{month:02d}"
                ticks.append((day, str(year) if month == 1 else french))
    return ticks or [(start, start.isoformat())]


def lines(path, series, title: str, x_label: str, y_label: str, start=None, language: str = "fr",
          fmt=lambda v: f"{v:g}") -> Path:
    """Line chart: ``series`` = [(label, x values (days from ``start``, a datetime.date), y values)]; dated x axis
    when ``start`` is given; the legend under the plot, every label whole."""
    import datetime

    import numpy as np

    xs = [np.asarray(s[1], np.float64) for s in series] or [np.zeros(1)]
    ys = [np.asarray(s[2], np.float64) for s in series] or [np.zeros(1)]
    finite = np.concatenate([y[np.isfinite(y)] for y in ys]) if ys else np.zeros(1)
    finite = finite if finite.size else np.zeros(1)
    low, high = float(finite.min()), float(finite.max())
    pad = max((high - low) * 0.08, 0.5)
    rows = max(1, len(series))
    canvas = _Canvas(title, (float(min(x.min() for x in xs)), float(max(x.max() for x in xs))),
                     (low - pad, high + pad), x_label, y_label, bottom=MARGIN_BOTTOM + 36 * rows)
    canvas.y_axis(fmt=fmt)
    if start is not None:
        end = start + datetime.timedelta(days=canvas.x1)
        first = start + datetime.timedelta(days=canvas.x0)
        ticks = date_ticks(first, end, language)
        labels = dict(((day - start).days, label) for day, label in ticks)
        canvas.x_axis(at=list(labels), fmt=lambda v: labels[v])
    else:
        canvas.x_axis()
    canvas.painter.setFont(QFont("Sans", 11))
    for index, ((label, _, _), x, y) in enumerate(zip(series, xs, ys)):
        colour = QColor(PALETTE[index % len(PALETTE)])
        canvas.painter.setPen(QPen(colour, 3))
        points = [QPointF(canvas.x(a), canvas.y(b)) for a, b in zip(x, y) if math.isfinite(b)]
        for first_point, second in zip(points[:-1], points[1:]):
            canvas.painter.drawLine(first_point, second)
        legend_y = canvas.plot.bottom() + 110 + index * 36  # under the axis title, one line per series
        canvas.painter.setPen(QPen(colour, 5))
        canvas.painter.drawLine(QPointF(MARGIN_LEFT, legend_y), QPointF(MARGIN_LEFT + 50, legend_y))
        canvas.painter.setPen(QPen(QColor("black"), 1))
        canvas.painter.drawText(QRectF(MARGIN_LEFT + 62, legend_y - 17, WIDTH - MARGIN_LEFT - 100, 34),
                                int(Qt.AlignmentFlag.AlignVCenter), str(label))
    return canvas.save(path)


def timeline(path, events, title: str, x_label: str, labels: tuple) -> Path:
    """Dated events on a time axis: ``events`` = [(start year as a float, end year, highlighted)], a bar each from
    start to end (at least a few weeks wide), the highlighted ones (drought decrees) in red on the upper row, the
    others in grey below; ``labels`` = (highlighted, other) for the legend."""
    years = [year for start, end, _ in events for year in (start, end)] or [2000.0, 2001.0]
    low, high = math.floor(min(years)) - 1, math.ceil(max(years)) + 1
    canvas = _Canvas(title, (float(low), float(high)), (0.0, 3.0), x_label, "", bottom=MARGIN_BOTTOM + 36)
    canvas.x_axis(fmt=lambda v: f"{v:.0f}")
    canvas.painter.setPen(QPen(QColor("black"), 2))
    canvas.painter.drawLine(canvas.plot.bottomLeft(), canvas.plot.bottomRight())
    colours = {True: QColor(PALETTE[0]), False: QColor("#969696")}
    for start, end, highlighted in events:
        row = 2.0 if highlighted else 1.0
        left, right = canvas.x(start), max(canvas.x(end), canvas.x(start) + 6)
        canvas.painter.setPen(Qt.PenStyle.NoPen)
        canvas.painter.setBrush(colours[highlighted])
        canvas.painter.drawRect(QRectF(QPointF(left, canvas.y(row + 0.3)), QPointF(right, canvas.y(row - 0.3))))
    canvas.painter.setFont(QFont("Sans", 11))
    for index, highlighted in enumerate((True, False)):
        legend_y = canvas.plot.bottom() + 110
        x = MARGIN_LEFT + index * 500
        canvas.painter.setPen(QPen(colours[highlighted], 14))
        canvas.painter.drawLine(QPointF(x, legend_y), QPointF(x + 40, legend_y))
        canvas.painter.setPen(QPen(QColor("black"), 1))
        canvas.painter.drawText(QRectF(x + 52, legend_y - 17, 420, 34), int(Qt.AlignmentFlag.AlignVCenter),
                                labels[index])
    return canvas.save(path)
