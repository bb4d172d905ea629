"""What the council report says: the summary lines, the hottest sensitive sites, the assets on alert, the
charts' data and the tables, read from the diagnostic's layers."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
from qgis.core import QgsFeatureRequest

from . import charts


def values_of(layer, field: str):
    """The non-null values of ``field``, read without geometries."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([field], layer.fields())
    out = []
    for feature in layer.getFeatures(request):
        value = feature[field]
        if value is not None and str(value) != "NULL":
            out.append(float(value))
    return np.array(out)


def scene_date(name: str, language: str = "fr") -> str:
    """The acquisition date of a Landsat product id, as the report's language writes dates."""
    parts = name.split("_")
    day = next((p for p in parts if len(p) == 8 and p.isdigit()), None)
    if not day:
        return name
    return f"{day[6:8]}/{day[4:6]}/{day[:4]}" if language == "fr" else f"{day[:4]}-{day[4:6]}-{day[6:8]}"


def summary_lines(diagnostic, layers, text, lst_values, sites) -> list[str]:
    lines = []
    words = text["summary"]
    if lst_values is not None:
        values = lst_values
        if values.size:
            first, last = diagnostic.facts.period or ("?", "?")
            lines.append(words["lst"].format(first=first, last=last, median=text["number"](np.median(values)),
                                             p90=text["number"](np.percentile(values, 90)),
                                             scenes=len(diagnostic.facts.landsat)))
    if "ilots_chaleur" in layers:
        islands = layers["ilots_chaleur"]
        biggest = max(islands.getFeatures(), key=lambda f: f["area_ha"] or 0, default=None)
        if biggest is not None:
            lines.append(words["islands"].format(count=islands.featureCount(), area=text["number"](biggest["area_ha"]),
                                                 intensity=text["number"](biggest["mean_intensity"], signed=True)))
    if sites:
        lines.append(words["sensitive"].format(count=diagnostic.facts.sensitive, site=sites[0][0],
                                               lst=text["number"](sites[0][2])))
    motion = diagnostic.facts.motion
    if motion is not None and "egms_points" in layers:
        lines.append(words["motion"].format(alerts=sum(a for a, _ in motion.values()),
                                            watch=sum(w for _, w in motion.values()),
                                            points=layers["egms_points"].featureCount()))
    return lines


def hottest_sites(layer, count: int) -> list:
    """(name or reason, reason, mean, max) of the ``count`` hottest sensitive buildings."""
    rows = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterExpression('"sensitive" = 1')):
        mean = feature["lst_mean"]
        if mean is None or str(mean) == "NULL":
            continue
        why = str(feature["sensitive_why"] or "")
        rows.append((why.split(":")[-1].strip() or why or str(feature.id()), why, float(mean),
                     float(feature["lst_max"] or mean)))
    return sorted(rows, key=lambda r: -r[2])[:count]


def alert_rows(layers, text, count: int) -> list:
    rows = []
    for name, kind in text["kinds"].items():
        if name not in layers:
            continue
        request = QgsFeatureRequest().setFilterExpression('"gm_class" = 3')
        for feature in layers[name].getFeatures(request):
            label = next((str(feature[f]) for f in ("nom", "toponyme", "cleabs") if
                          layers[name].fields().indexOf(f) >= 0 and feature[f] not in (None, "")), str(feature.id()))
            rows.append((label, kind, int(feature["gm_points"]), float(feature["gm_median"]),
                         text["classes"][3], name, feature))
    return sorted(rows, key=lambda r: -abs(r[3]))[:count]


def chart_files(layers, text, work: Path, lst_values, sites, alerts) -> list[Path]:
    files = []
    if lst_values is not None:
        title, x_label, y_label = text["chart_lst"]
        files.append(charts.histogram(work / "chart_lst.png", lst_values, title, x_label, y_label,
                                      fmt=lambda v: f"{v:.0f}"))
    if sites:
        title, y_label = text["chart_sites"]
        shown = sites[:8]
        files.append(charts.bars(work / "chart_sites.png", [s[0][:22] for s in shown], [s[2] for s in shown],
                                 title, y_label, colours=["#d7301f"], fmt=lambda v: f"{v:.1f}"))
    motion = [n for n in text["kinds"] if n in layers]
    if motion:
        counts = [0, 0, 0, 0]
        for name in motion:
            for value in values_of(layers[name], "gm_class"):
                counts[int(value)] += 1
        title, y_label = text["chart_alerts"]
        files.append(charts.bars(work / "chart_alerts.png", text["classes"], counts, title, y_label,
                                 colours=["#bdbdbd", "#1a9641", "#fdae61", "#d7191c"], fmt=lambda v: f"{v:.0f}"))
        series = worst_series(layers, alerts[:3])
        if series:
            title, x_label, y_label = text["chart_series"]
            files.append(charts.lines(work / "chart_series.png", series, title, x_label, y_label))
    return files


def worst_series(layers, alerts) -> list:
    """Date-by-date median displacement of the EGMS points within the buffer of the assets most on alert (the
    buffers ground_motion_assets used: 5 m around buildings, 15 m around lines)."""
    from ...qgis_io.ground_motion import DEFAULT_BUFFERS, median_series, series_dates, series_near

    points = layers.get("egms_points")
    if points is None:
        return []
    dates = series_dates(points)
    if not dates:
        return []
    days = np.array([(datetime.date(int(d[:4]), int(d[4:6]), int(d[6:8])) -
                      datetime.date(int(dates[0][:4]), int(dates[0][4:6]), int(dates[0][6:8]))).days for d in dates])
    out = []
    for label, kind, _, _, _, name, feature in alerts:
        shape = {0: "point", 1: "line"}.get(int(layers[name].geometryType()), "polygon")
        found = series_near(points, feature.geometry(), layers[name].crs(), DEFAULT_BUFFERS[shape], len(days),
                              layers[name].transformContext())
        if found:
            out.append((f"{kind} {label}"[:26], days, median_series(found)))
    return out


def tables(text, sites, alerts) -> list:
    tables = []
    if sites:
        tables.append(([text["table_sites"]] + [[s[0][:40], s[1][:40], text["number"](s[2]), text["number"](s[3])]
                                                for s in sites], [60, 70, 25, 25]))
    if alerts:
        tables.append(([text["table_alerts"]] + [[a[0][:40], a[1], str(a[2]), text["number"](a[3]), a[4]]
                                                 for a in alerts],
                       [60, 30, 20, 40, 30]))
    return tables
