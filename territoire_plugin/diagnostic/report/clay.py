"""The report's clay shrink-swell page: the buildings' classes over the exposure map, a close-up where the buildings
to inspect gather, the seasonal motion of the most concerned, the commune's CatNat decrees as a timeline, and the
buildings to inspect named by their addresses; and the summary's line."""

from __future__ import annotations

from qgis.core import QgsFeatureRequest

from . import charts, content
from .mapping import alert_cluster

LAYER = "argiles_batiments"
SHOWN = 6  # rows of the page's table (the layer has them all)


def rows(layer) -> list:
    """(identifier, worst exposure, amplitude, dry-summer drop, class label, feature) of the buildings to inspect,
    the deepest dry-summer drop first."""
    out = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterExpression('"clay_class" = 3')):
        drop = feature["clay_dry_drop"]
        drop = float(drop) if drop not in (None, "NULL") and str(drop) != "NULL" else 0.0
        out.append((str(feature["cleabs"] or feature.id()), int(feature["clay_worst"] or 0),
                    float(feature["clay_amplitude"] or 0.0), drop, str(feature["clay_class_label"]), feature))
    return sorted(out, key=lambda row: (row[3], -row[2]))


def summary_line(facts, text) -> str | None:
    clay = facts.clay
    if not clay:
        return None
    words = text["summary"]
    droughts = [d for d in clay["decrees"] if d[3]]
    last = max((str(d[0])[:4] for d in droughts), default="")
    return words["clay"].format(inspect=text["count"](clay["inspect"], "building"),
                                watch=text["integer"](clay["watch"]),
                                droughts=text["count"](len(droughts), "drought_decree"),
                                last=words["clay_last"].format(year=last) if last else "")


def _year(value) -> float | None:
    import datetime

    try:
        day = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def add_page(pages, project, layers, diagnostic, text, extent, basemap, sources_line, feedback=None) -> None:
    """The clay page (or, without the analysis, a line saying why)."""
    from ...qgis_io.places import addresses_of, named_place

    top = pages.new_page()
    pages.label(text["maps"]["clay"], 15, top + 12, 180, 10, size=16, bold=True)
    if LAYER not in layers:
        pages.label(text["no_clay"], 15, top + 30, 180, 20)
        return
    shown = [layers[n] for n in ("commune", LAYER, "argiles_exposition") if n in layers]
    main = pages.map(project, shown, extent, 15, top + 24, 180, 104, text["legend"],
                     sources_line("BRGM Géorisques, EGMS (Copernicus), IGN BD TOPO®"), basemap)
    close, count = alert_cluster(layers, [LAYER], '"clay_class" = 3')
    if close is not None:
        pages.inset(main, shown, close, text["inset_clay"].format(count=text["integer"](count)), basemap, size=56)
    every = rows(layers[LAYER])
    listed = every[:SHOWN]
    found = addresses_of({n: row[5].geometry() for n, row in enumerate(listed)}, layers[LAYER].crs(),
                         layers[LAYER].transformContext(), feedback)
    # Charts: the seasonal motion of the three most concerned, and the decrees in time.
    figures = []
    kind = text["kinds"]["mouvement_batiment"]
    series, start = content.worst_series(layers, [(named_place(row[0], found.get(n)), kind, 0, 0, 0, LAYER, row[5])
                                                 for n, row in enumerate(listed[:3])])
    if series:
        title, x_label, y_label = text["chart_clay"]
        figures.append(charts.lines(diagnostic.work / "chart_clay.png", series, title, x_label, y_label,
                                    start=start, language=text["language"], fmt=lambda v: text["number"](v, 0)))
    decrees = (diagnostic.facts.clay or {}).get("decrees", [])
    events = [(_year(a), _year(b) or _year(a), drought) for a, b, _, drought in decrees if _year(a) is not None]
    if events:
        title, x_label = text["chart_catnat"]
        figures.append(charts.timeline(diagnostic.work / "chart_catnat.png", events, title, x_label,
                                       (text["drought"], text["other_peril"])))
    for number, path in enumerate(figures):
        pages.picture(path, 15 + number * 92, top + 184, 88, 50)
    if listed:
        titles = text["table_titles"]
        title = (titles["clay_cut"].format(shown=len(listed), total=text["integer"](len(every)))
                 if len(every) > len(listed) else titles["clay_all"])
        pages.label(title, 15, top + 238, 180, 6, size=10, bold=True)
        classes = text["exposure_classes"]
        table = [text["table_clay"]] + [[named_place(row[0], found.get(n)), classes[max(0, min(3, row[1]))],
                                         text["number"](row[2]), text["number"](row[3], signed=True), row[4]]
                                        for n, row in enumerate(listed)]
        pages.table(table, 15, top + 245, 180, 6 * len(table) + 4, widths=[62, 26, 32, 28, 32])
