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
            period = words["period_one" if first == last else "period_many"].format(first=first, last=last)
            lines.append(words["lst"].format(period=period, median=text["celsius"](np.median(values)),
                                             p90=text["celsius"](np.percentile(values, 90)),
                                             scenes=text["count"](len(diagnostic.facts.landsat), "scene")))
    if "ilots_chaleur" in layers:
        islands = layers["ilots_chaleur"]
        biggest = max(islands.getFeatures(), key=lambda f: f["area_ha"] or 0, default=None)
        if biggest is not None:
            lines.append(words["islands"].format(count=text["count"](islands.featureCount(), "island"),
                                                 area=text["number"](biggest["area_ha"]),
                                                 intensity=text["number"](biggest["mean_intensity"], signed=True)))
    if sites:
        lines.append(words["sensitive"].format(count=text["count"](diagnostic.facts.sensitive, "sensitive"),
                                               site=sites[0][0], lst=text["celsius"](sites[0][2])))
    motion = diagnostic.facts.motion
    if motion is not None and "egms_points" in layers:
        lines.append(words["motion"].format(alerts=text["count"](sum(a for a, _ in motion.values()), "asset"),
                                            watch=text["integer"](sum(w for _, w in motion.values())),
                                            points=text["count"](layers["egms_points"].featureCount(), "point")))
    return [text["typography"](line) for line in lines]


def hottest_sites(layer, count: int | None = None) -> list:
    """(name or reason, reason, mean, max, geometry, address) of the ``count`` hottest sensitive buildings (all:
    None); the address is filled by :func:`named`."""
    rows = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterExpression('"sensitive" = 1')):
        mean = feature["lst_mean"]
        if mean is None or str(mean) == "NULL":
            continue
        why = str(feature["sensitive_why"] or "")
        rows.append((why.split(":")[-1].strip() or why or str(feature.id()), why, float(mean),
                     float(feature["lst_max"] or mean), feature.geometry(), ""))
    return sorted(rows, key=lambda r: -r[2])[:count]


def alert_rows(layers, text, count: int | None = None) -> list:
    """The assets on alert, fastest first (the first ``count``; all: None)."""
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


def named(layers, sites, alerts, feedback=None) -> tuple[list, list, bool]:
    """(sites, alerts, whether the geocoder answered): each site with its address (6th item), each asset on alert
    labelled by its address — a bridge by its name and address — instead of its BD TOPO identifier."""
    from ...qgis_io.places import addresses_of, named_place

    geometries = {("site", n): row[4] for n, row in enumerate(sites)}
    geometries.update({("alert", n): row[6].geometry() for n, row in enumerate(alerts)})
    reference = layers.get("batiments_chaleur") or next((layers[row[5]] for row in alerts), None)
    if reference is None:
        return sites, alerts, True
    found = addresses_of(geometries, reference.crs(), reference.transformContext(), feedback)
    if not found and geometries:
        return sites, alerts, False
    sites = [(*row[:5], found.get(("site", n)) or "—") for n, row in enumerate(sites)]
    relabelled = [(named_place(label, found.get(("alert", n))), *rest) for n, (label, *rest) in enumerate(alerts)]
    return sites, relabelled, True


def chart_files(layers, text, work: Path, lst_values, sites, alerts) -> list[Path]:
    files = []
    if lst_values is not None:
        title, x_label, y_label = text["chart_lst"]
        files.append(charts.histogram(work / "chart_lst.png", lst_values, title, x_label, y_label,
                                      fmt=lambda v: text["number"](v, 0), share=lambda v: text["percent"](v)))
    if sites:
        title, y_label = text["chart_sites"]
        shown = sites[:8]
        files.append(charts.bars(work / "chart_sites.png", [s[0] for s in shown], [s[2] for s in shown],
                                 title, y_label, colours=["#d7301f"], fmt=lambda v: text["number"](v, 1)))
    motion = [n for n in text["kinds"] if n in layers]
    if motion:
        counts = [0, 0, 0, 0]
        for name in motion:
            for value in values_of(layers[name], "gm_class"):
                counts[int(value)] += 1
        title, y_label = text["chart_alerts"]
        files.append(charts.bars(work / "chart_alerts.png", text["classes"], counts, title, y_label,
                                 colours=["#bdbdbd", "#1a9641", "#fdae61", "#d7191c"],
                                 fmt=lambda v: text["integer"](v)))
        series, start = worst_series(layers, alerts[:3])
        if series:
            title, x_label, y_label = text["chart_series"]
            files.append(charts.lines(work / "chart_series.png", series, title, x_label, y_label, start=start,
                                      language=text["language"], fmt=lambda v: text["number"](v, 0)))
    return files


def worst_series(layers, alerts) -> list:
    """Date-by-date median displacement of the EGMS points within the buffer of the assets most on alert (the
    buffers ground_motion_assets used: 5 m around buildings, 15 m around lines)."""
    from ...qgis_io.ground_motion import DEFAULT_BUFFERS, median_series, series_dates, series_near

    points = layers.get("egms_points")
    if points is None:
        return [], None
    dates = series_dates(points)
    if not dates:
        return [], None
    days = np.array([(datetime.date(int(d[:4]), int(d[4:6]), int(d[6:8])) -
                      datetime.date(int(dates[0][:4]), int(dates[0][4:6]), int(dates[0][6:8]))).days for d in dates])
    out = []
    for label, kind, _, _, _, name, feature in alerts:
        shape = {0: "point", 1: "line"}.get(int(layers[name].geometryType()), "polygon")
        found = series_near(points, feature.geometry(), layers[name].crs(), DEFAULT_BUFFERS[shape], len(days),
                              layers[name].transformContext())
        if found:
            out.append((f"{kind} {label}", days, median_series(found)))
    return out, datetime.date(int(dates[0][:4]), int(dates[0][4:6]), int(dates[0][6:8]))


def tables(text, sites, alerts, total_sites: int | None = None, total_alerts: int | None = None) -> list:
    """(title, rows, column widths in mm) of each table; a table cut to its first rows says so in its title
    (« les 15 ouvrages les plus préoccupants sur 41 en alerte »). Names are whole: the cells wrap."""
    titles = text["table_titles"]
    out = []
    if sites:
        total = total_sites or len(sites)
        title = (titles["sites_cut"].format(shown=len(sites), total=text["integer"](total)) if total > len(sites)
                 else titles["sites_all"])
        out.append((title, [text["table_sites"]] + [[s[0], s[1], s[5] or "—", text["number"](s[2]),
                                                     text["number"](s[3])] for s in sites], [36, 50, 48, 23, 23]))
    if alerts:
        total = total_alerts or len(alerts)
        title = (titles["alerts_cut"].format(shown=len(alerts), total=text["integer"](total)) if total > len(alerts)
                 else titles["alerts_all"])
        out.append((title, [text["table_alerts"]] + [[a[0], a[1], text["integer"](a[2]), text["number"](a[3]), a[4]]
                                                     for a in alerts], [58, 26, 18, 36, 28]))
    return out
