"""The report's charts: dated time axes, and images drawn whatever the labels' length."""

from __future__ import annotations

import datetime


def test_time_axis_ticks_are_dates():
    from territoire_plugin.diagnostic.report.charts import date_ticks

    five_years = date_ticks(datetime.date(2019, 1, 3), datetime.date(2023, 12, 27), "fr")
    assert [label for _, label in five_years] == ["2020", "2021", "2022", "2023"]
    assert all(day.month == 1 and day.day == 1 for day, _ in five_years)
    two_years = date_ticks(datetime.date(2021, 3, 1), datetime.date(2022, 12, 1), "fr")
    assert [label for _, label in two_years] == ["07/2021", "2022", "07/2022"]
    assert [label for _, label in date_ticks(datetime.date(2021, 3, 1), datetime.date(2022, 12, 1), "en")] == [
        "2021-07", "2022", "2022-07"]


def test_charts_with_long_names_and_dates_are_drawn(qgis_app, tmp_path):
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    from territoire_plugin.diagnostic.report import charts

    days = np.arange(0, 1800, 6)
    series = [(f"bâtiment {n} rue de la République prolongée, Olemps", days, -0.01 * n * days) for n in (1, 2, 3)]
    path = charts.lines(tmp_path / "series.png", series, "Déplacement", "Date de la mesure", "Déplacement (mm)",
                        start=datetime.date(2019, 1, 3), language="fr", fmt=lambda v: f"{v:g}".replace(".", ","))
    image = QImage(str(path))
    assert image.width() == charts.WIDTH and image.height() == charts.HEIGHT
    # Three legend lines under the plot, in the three series' colours.
    colours = {image.pixel(x, y) & 0xFFFFFF for x in range(charts.MARGIN_LEFT, charts.MARGIN_LEFT + 50, 5)
               for y in range(charts.HEIGHT - 200, charts.HEIGHT)}
    assert {int(c.lstrip("#"), 16) for c in charts.PALETTE[:3]} <= colours
    bars = charts.bars(tmp_path / "bars.png", ["École élémentaire Jean Jaurès et son restaurant scolaire"] * 8,
                       list(range(8)), "Sites", "T (°C)")
    assert QImage(str(bars)).width() == charts.WIDTH
