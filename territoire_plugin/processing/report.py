"""The council report of a commune diagnostic: a QGIS print layout exported to PDF (A4 portrait).

Pages: cover with the key figures; what was measured (sources, dates, licences, plugin version);
one map per topic (surface temperature, heat islands and hot spots, exposure, ground-motion
alerts) with legend, scale bar, north arrow and sources; charts (drawn by :mod:`.charts`); tables;
the caveats in plain words. French by default, English if the options say so.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..analysis.heat.islands import valid_values
from ..toolbelt.compat import set_label_text, set_legend_style_font
from ..toolbelt.resources import plugin_version
from . import charts

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PAGE_W, PAGE_H = 210.0, 297.0

TEXT = {
    "fr": {
        "title": "Diagnostic de la commune de {name}",
        "subtitle": "Surchauffe urbaine et mouvements du sol vus de l'espace — INSEE {insee}",
        "made": "Rapport produit le {date} avec Territoire {version}, extension libre de QGIS.",
        "key": "En bref",
        "measured": "Ce qui a été mesuré",
        "maps": {"lst": "Température de surface en été (médiane)",
                 "islands": "Îlots de chaleur et points chauds",
                 "exposure": "Bâtiments et sites sensibles exposés à la chaleur",
                 "motion": "Mouvements du sol : ouvrages en alerte"},
        "charts": "Graphiques",
        "tables": "Tableaux",
        "caveats": "Précautions de lecture",
        "sources": "Sources : {sources}. Fond : limites communales (API Géo / IGN).",
        "legend": "Légende",
        "no_heat": "Pas d'analyse de la surchauffe (aucune scène Landsat d'été exploitable ou analyse non demandée).",
        "no_motion": "Pas d'analyse des mouvements du sol (pas de fichier EGMS ou analyse non demandée).",
        "chart_lst": ("Répartition de la température de surface", "Température de surface (°C)",
                      "Part de la commune"),
        "chart_sites": ("Sites sensibles les plus chauds", "Température de surface moyenne (°C)"),
        "chart_alerts": ("Ouvrages par classe de mouvement", "Nombre d'ouvrages"),
        "chart_series": ("Déplacement des ouvrages les plus préoccupants", "Jours depuis la première mesure",
                         "Déplacement (mm)"),
        "classes": ["données insuffisantes", "stable", "à surveiller", "alerte"],
        "table_sites": ["Site sensible", "Pourquoi", "T. moyenne (°C)", "T. max (°C)"],
        "table_alerts": ["Ouvrage", "Type", "Points", "Vitesse médiane (mm/an)", "Classe"],
        "kinds": {"mouvement_batiment": "bâtiment", "mouvement_troncon_de_route": "route",
                  "mouvement_troncon_de_voie_ferree": "voie ferrée", "mouvement_pont": "pont"},
        "summary": {
            "lst": "Température de surface médiane des étés {first}–{last} : {median} °C "
                   "(10 % de la commune au-dessus de {p90} °C), d'après {scenes} scène(s) Landsat.",
            "islands": "{count} îlot(s) de chaleur ; le plus étendu : {area} ha, {intensity} °C en moyenne "
                       "par rapport à la campagne voisine.",
            "sensitive": "{count} bâtiment(s) sensible(s) (santé, enseignement, petite enfance, personnes âgées) "
                         "dans la commune ; le plus chaud : {site} ({lst} °C).",
            "motion": "{alerts} ouvrage(s) en alerte et {watch} à surveiller d'après {points} points EGMS.",
        },
        "sources_rows": [
            ("Limites communales", "API Géo (Etalab) / IGN ADMIN EXPRESS", "Licence Ouverte 2.0"),
            ("Bâtiments, routes, voies ferrées, ponts, ERP", "IGN BD TOPO® (Géoplateforme)", "Licence Ouverte 2.0"),
            ("Température de surface, NDVI", "Landsat 8/9 Collection 2 niveau 2 (USGS/NASA)", "domaine public"),
            ("Mouvements du sol", "EGMS, Copernicus Land Monitoring Service", "accès libre et gratuit, "
             "citer Copernicus"),
            ("Population (carreaux de 200 m)", "INSEE Filosofi", "Licence Ouverte 2.0"),
        ],
        "sources_head": ["Donnée", "Producteur", "Licence"],
        "dates": "Scènes Landsat utilisées : {scenes}. Fichier EGMS : {egms}. Données téléchargées le {date}.",
        "caveat_text": [
            "La température mesurée par satellite est celle de la surface (toits, chaussées, sols, végétation), "
            "de jour, vers 10 h 30 heure solaire, par temps clair : ce n'est pas la température de l'air ressentie "
            "dans la rue, ni celle de la nuit, quand l'îlot de chaleur est le plus marqué.",
            "Le pixel thermique Landsat mesure 100 m, rééchantillonné à 30 m : un petit bâtiment prend la "
            "température de son voisinage. La médiane de plusieurs étés atténue la météo d'un jour.",
            "Les mouvements du sol EGMS sont mesurés le long de la ligne de visée du satellite, relativement à des "
            "points de référence : une vitesse de quelques mm/an est proche de la précision (environ 1 mm/an). "
            "Une alerte invite à une inspection, elle ne prouve pas un désordre.",
            "Il n'y a pas de mesure sur la végétation, l'eau ou les chantiers récents : un ouvrage sans point est "
            "classé « données insuffisantes ». Les sites sensibles viennent de la BD TOPO (ERP) et peuvent être "
            "incomplets.",
        ],
    },
    "en": {
        "title": "Diagnostic of {name}",
        "subtitle": "Urban overheating and ground motion seen from space — INSEE {insee}",
        "made": "Report made on {date} with Territoire {version}, a free QGIS plugin.",
        "key": "Key figures",
        "measured": "What was measured",
        "maps": {"lst": "Summer surface temperature (median)", "islands": "Heat islands and hot spots",
                 "exposure": "Buildings and sensitive sites exposed to heat",
                 "motion": "Ground motion: assets on alert"},
        "charts": "Charts",
        "tables": "Tables",
        "caveats": "Read with care",
        "sources": "Sources: {sources}. Commune outline: API Géo / IGN.",
        "legend": "Legend",
        "no_heat": "No overheating analysis (no usable summer Landsat scene, or not asked for).",
        "no_motion": "No ground-motion analysis (no EGMS file, or not asked for).",
        "chart_lst": ("Distribution of surface temperature", "Surface temperature (°C)", "Share of the commune"),
        "chart_sites": ("Hottest sensitive sites", "Mean surface temperature (°C)"),
        "chart_alerts": ("Assets by ground-motion class", "Number of assets"),
        "chart_series": ("Displacement of the most worrying assets", "Days since the first measurement",
                         "Displacement (mm)"),
        "classes": ["insufficient data", "stable", "watch", "alert"],
        "table_sites": ["Sensitive site", "Why", "Mean T (°C)", "Max T (°C)"],
        "table_alerts": ["Asset", "Kind", "Points", "Median velocity (mm/yr)", "Class"],
        "kinds": {"mouvement_batiment": "building", "mouvement_troncon_de_route": "road",
                  "mouvement_troncon_de_voie_ferree": "railway", "mouvement_pont": "bridge"},
        "summary": {
            "lst": "Median surface temperature of the summers {first}–{last}: {median} °C (10 % of the commune "
                   "above {p90} °C), from {scenes} Landsat scene(s).",
            "islands": "{count} heat island(s); the largest: {area} ha, {intensity} °C on average above the "
                       "nearby countryside.",
            "sensitive": "{count} sensitive building(s) (health, schools, childcare, elderly) in the commune; the "
                         "hottest: {site} ({lst} °C).",
            "motion": "{alerts} asset(s) on alert and {watch} to watch from {points} EGMS points.",
        },
        "sources_rows": [
            ("Commune outline", "API Géo (Etalab) / IGN ADMIN EXPRESS", "Licence Ouverte 2.0"),
            ("Buildings, roads, railways, bridges, public buildings", "IGN BD TOPO® (Géoplateforme)",
             "Licence Ouverte 2.0"),
            ("Surface temperature, NDVI", "Landsat 8/9 Collection 2 Level 2 (USGS/NASA)", "public domain"),
            ("Ground motion", "EGMS, Copernicus Land Monitoring Service", "free and open, credit Copernicus"),
            ("Population (200 m grid)", "INSEE Filosofi", "Licence Ouverte 2.0"),
        ],
        "sources_head": ["Data", "Producer", "Licence"],
        "dates": "Landsat scenes used: {scenes}. EGMS file: {egms}. Data downloaded on {date}.",
        "caveat_text": [
            "Satellite temperature is that of the surface (roofs, roads, ground, vegetation), by day, around 10:30 "
            "solar time, under a clear sky: not the air temperature felt in the street, nor the night's, when the "
            "heat island is strongest.",
            "Landsat's thermal pixel is 100 m, resampled to 30 m: a small building takes the temperature of its "
            "surroundings. The median of several summers dampens one day's weather.",
            "EGMS ground motion is measured along the satellite's line of sight, relative to reference points: a "
            "velocity of a few mm/yr is close to the precision (about 1 mm/yr). An alert calls for an inspection; "
            "it does not prove damage.",
            "There is no measurement on vegetation, water or recent works: an asset without points is classed "
            "\"insufficient data\". Sensitive sites come from BD TOPO (public buildings) and may be incomplete.",
        ],
    },
}


def report_language() -> str:
    from ..toolbelt.settings import Settings

    return Settings.load().report_language


def text_for(language: str) -> dict:
    words = dict(TEXT.get(language, TEXT["fr"]))
    words["number"] = lambda value, decimals=1, signed=False: number(value, language, decimals, signed)
    return words


def number(value: float, language: str, decimals: int = 1, signed: bool = False) -> str:
    """``value`` with ``decimals`` decimals, a decimal comma in French: 28,4 ; +4,7."""
    text = f"{float(value):{'+' if signed else ''}.{decimals}f}"
    return text.replace(".", ",") if language == "fr" else text


class _Pages:
    """A multi-page A4 portrait layout with helpers placing items in millimetres."""

    def __init__(self, project, name: str):
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(name)
        self.layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
        self.count = 1

    def new_page(self) -> float:
        """Add a page; later items go on it. Returns its top (0: positions are relative to the page)."""
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
        self.layout.pageCollection().addPage(page)
        self.count += 1
        return 0.0

    def place(self, item, x, y, w, h):
        """Add ``item`` at (x, y) mm of the current page, w × h mm."""
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(w, h, MM))
        item.attemptMove(QgsLayoutPoint(x, y, MM), True, False, self.count - 1)
        return item

    def label(self, text, x, y, w, h, size=10, bold=False, colour="#202020"):
        label = QgsLayoutItemLabel(self.layout)
        label.setText(text)
        set_label_text(label, QFont("Sans", size, QFont.Weight.Bold if bold else QFont.Weight.Normal), colour)
        return self.place(label, x, y, w, h)

    def picture(self, path, x, y, w, h):
        picture = QgsLayoutItemPicture(self.layout)
        picture.setPicturePath(str(path))
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        return self.place(picture, x, y, w, h)

    def table(self, rows, x, y, w, h, widths=None):
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        header_font = QFont("Sans", 8, QFont.Weight.Bold)
        cells = []
        for number, row in enumerate(rows):
            cells.append([QgsTableCell(str(value)) for value in row])
            if number == 0:
                for cell in cells[-1]:
                    cell.setBackgroundColor(QColor("#e6e6e6"))
        table.setTableContents(cells)
        table.setContentTextFormat(QgsTextFormat.fromQFont(QFont("Sans", 8)))
        table.setHeaderTextFormat(QgsTextFormat.fromQFont(header_font))
        if widths:
            table.setColumnWidths(widths)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptResize(QgsLayoutSize(w, h, MM))
        frame.attemptMove(QgsLayoutPoint(x, y, MM), True, False, self.count - 1)
        table.addFrame(frame)
        return table

    def map(self, project, layers, extent, x, y, w, h, legend_title: str, sources: str):
        item = QgsLayoutItemMap(self.layout)
        item.setLayers(layers)
        item.setCrs(project.crs())
        item.setFrameEnabled(True)
        self.place(item, x, y, w, h)
        item.zoomToExtent(extent)
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(legend_title)
        legend.setLinkedMap(item)
        legend.setLegendFilterByMapEnabled(True)
        legend.setAutoUpdateModel(False)
        model_root = legend.model().rootGroup()
        model_root.clear()
        from qgis.core import QgsRasterLayer

        from .diagnostic_output import hide_band_label

        for layer in layers:
            node = model_root.addLayer(layer)
            if isinstance(layer, QgsRasterLayer):
                hide_band_label(node)
        set_legend_style_font(legend, QgsLegendStyle.Style.Title, QFont("Sans", 10, QFont.Weight.Bold))
        set_legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel, QFont("Sans", 8))
        set_legend_style_font(legend, QgsLegendStyle.Style.Subgroup, QFont("Sans", 8, QFont.Weight.Bold))
        legend.setBackgroundEnabled(True)
        legend.setFrameEnabled(True)
        legend.setColumnCount(2)  # a long legend (several asset layers) stays on its page
        legend.setSplitLayer(True)
        self.place(legend, x, y + h + 4, w * 0.62, 60)
        legend.setResizeToContents(True)
        scalebar = QgsLayoutItemScaleBar(self.layout)
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(item)
        scalebar.applyDefaultSize()
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        scalebar.setUnitLabel("m")
        self.place(scalebar, x + w * 0.66, y + h + 4, w * 0.34, 12)
        scalebar.applyDefaultSize()
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setPicturePath(str(Path(QgsApplication.pkgDataPath()) / "svg" / "arrows" / "NorthArrow_02.svg"))
        self.place(arrow, x + w - 16, y + 3, 13, 17)
        self.label(sources, x + w * 0.66, y + h + 20, w * 0.34, 40, size=7, colour="#555555")
        return item


def _values(layer, field: str):
    """The non-null values of ``field``, read without geometries."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([field], layer.fields())
    out = []
    for feature in layer.getFeatures(request):
        value = feature[field]
        if value is not None and str(value) != "NULL":
            out.append(float(value))
    return np.array(out)


def write_report(diagnostic, project, layers: dict, pdf: Path, png: Path):
    """Lay out and export the report (PDF) and the main map (PNG); return (pdf, png, summary text)."""
    language = report_language()
    text = text_for(language)
    today = datetime.date.today()
    date_text = today.strftime("%d/%m/%Y") if language == "fr" else today.isoformat()
    pages = _Pages(project, text["title"].format(name=diagnostic.name))
    top = 0.0
    commune = layers["commune"]
    extent = commune.extent()
    extent.scale(1.08)
    work = diagnostic.work
    # The summer-median temperatures, read once for the summary and the histogram.
    lst_values = valid_values(diagnostic.rasters["lst"][0], np.float64) if "lst" in layers else None
    # The hottest sensitive sites and the assets most on alert, found once for the summary, charts and tables.
    sites = _hottest_sites(layers["batiments_chaleur"], 10) if "batiments_chaleur" in layers else []
    alerts = _alert_rows(layers, text, 15)
    summary = _summary(diagnostic, layers, text, lst_values, sites)

    # Cover.
    pages.label(text["title"].format(name=diagnostic.name), 15, 20, 180, 16, size=22, bold=True)
    pages.label(text["subtitle"].format(insee=diagnostic.insee), 15, 38, 180, 10, size=11, colour="#444444")
    cover_layers = [layers[n] for n in ("commune", "ilots_chaleur", "lst", "batiment") if n in layers]
    pages.map(project, cover_layers, extent, 15, 52, 180, 130, text["legend"], "")
    pages.label(text["key"], 15, 252, 180, 8, size=13, bold=True)
    pages.label("\n".join(f"• {line}" for line in summary), 15, 261, 180, 26, size=9)
    pages.label(text["made"].format(date=date_text, version=plugin_version()), 15, 288, 180, 6, size=7,
                colour="#666666")

    # What was measured.
    top = pages.new_page()
    pages.label(text["measured"], 15, top + 15, 180, 10, size=16, bold=True)
    pages.table([text["sources_head"]] + [list(row) for row in text["sources_rows"]], 15, top + 30, 180, 60,
                widths=[55, 75, 50])
    scenes = ", ".join(_scene_date(name, language) for name in diagnostic.facts.get("landsat", [])) or "—"
    pages.label(text["dates"].format(scenes=scenes, egms=diagnostic.facts.get("egms_file", "—"), date=date_text)
                + "\n" + text["made"].format(date=date_text, version=plugin_version()), 15, top + 95, 180, 20, size=9)
    pages.label(text["caveats"], 15, top + 125, 180, 10, size=16, bold=True)
    pages.label("\n\n".join(text["caveat_text"]), 15, top + 138, 180, 120, size=9)
    for warning in diagnostic.warnings:
        pages.label(f"⚠ {warning}", 15, top + 262, 180, 16, size=9, colour="#a00000")

    # Maps.
    source_names = {"lst": "Landsat 8/9 C2 L2 (USGS)", "islands": "Landsat 8/9 C2 L2 (USGS)",
                    "exposure": "Landsat (USGS), IGN BD TOPO®", "motion": "EGMS (Copernicus), IGN BD TOPO®"}
    main_page = None
    for key, names in (("lst", ["commune", "lst"]), ("islands", ["commune", "points_chauds", "ilots_chaleur"]),
                       ("exposure", ["commune", "erp", "batiments_chaleur"]),
                       ("motion", ["commune", "mouvement_pont", "mouvement_troncon_de_voie_ferree",
                                   "mouvement_troncon_de_route", "mouvement_batiment"])):
        shown = [layers[n] for n in names if n in layers]
        top = pages.new_page()
        pages.label(text["maps"][key], 15, top + 12, 180, 10, size=16, bold=True)
        if len(shown) <= 1:
            pages.label(text["no_motion"] if key == "motion" else text["no_heat"], 15, top + 30, 180, 20)
            continue
        pages.map(project, shown, extent, 15, top + 26, 180, 175, text["legend"],
                  text["sources"].format(sources=source_names[key]))
        if main_page is None:
            main_page = pages.count - 1

    # Charts.
    chart_files = _charts(layers, text, work, lst_values, sites, alerts)
    if chart_files:
        top = pages.new_page()
        pages.label(text["charts"], 15, top + 12, 180, 10, size=16, bold=True)
        for number, path in enumerate(chart_files[:4]):
            pages.picture(path, 15 + (number % 2) * 92, top + 28 + (number // 2) * 58, 88, 52)
    # Tables.
    tables = _tables(text, sites, alerts)
    if tables:
        top = pages.new_page()
        pages.label(text["tables"], 15, top + 12, 180, 10, size=16, bold=True)
        y = top + 28
        for rows, widths in tables:
            height = 7 * len(rows) + 4
            pages.table(rows, 15, y, 180, height, widths=widths)
            y += height + 10

    exporter = QgsLayoutExporter(pages.layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    status = exporter.exportToPdf(str(pdf), settings)
    if status != QgsLayoutExporter.ExportResult.Success:
        raise OSError(f"cannot export the report {pdf} ({exporter.errorMessage()})")
    image = QgsLayoutExporter.ImageExportSettings()
    image.dpi = 120
    image.pages = [main_page if main_page is not None else 0]
    status = exporter.exportToImage(str(png), image)
    if status != QgsLayoutExporter.ExportResult.Success:
        raise OSError(f"cannot export the map {png}")
    produced = png.with_name(f"{png.stem}_{image.pages[0] + 1}{png.suffix}")
    if not png.exists() and produced.exists():  # one page asked: QGIS may still number the file
        produced.replace(png)
    project.layoutManager().addLayout(pages.layout)
    project.write()
    return pdf, png, "\n".join(summary)


def _scene_date(name: str, language: str = "fr") -> str:
    """The acquisition date of a Landsat product id, as the report's language writes dates."""
    parts = name.split("_")
    day = next((p for p in parts if len(p) == 8 and p.isdigit()), None)
    if not day:
        return name
    return f"{day[6:8]}/{day[4:6]}/{day[:4]}" if language == "fr" else f"{day[:4]}-{day[4:6]}-{day[6:8]}"


def _summary(diagnostic, layers, text, lst_values, sites) -> list[str]:
    lines = []
    words = text["summary"]
    if lst_values is not None:
        values = lst_values
        if values.size:
            first, last = diagnostic.facts.get("period", ("?", "?"))
            lines.append(words["lst"].format(first=first, last=last, median=text["number"](np.median(values)),
                                             p90=text["number"](np.percentile(values, 90)),
                                             scenes=len(diagnostic.facts.get("landsat", []))))
    if "ilots_chaleur" in layers:
        islands = layers["ilots_chaleur"]
        biggest = max(islands.getFeatures(), key=lambda f: f["area_ha"] or 0, default=None)
        if biggest is not None:
            lines.append(words["islands"].format(count=islands.featureCount(), area=text["number"](biggest["area_ha"]),
                                                 intensity=text["number"](biggest["mean_intensity"], signed=True)))
    if sites:
        lines.append(words["sensitive"].format(count=diagnostic.facts.get("sensitive", 0), site=sites[0][0],
                                               lst=text["number"](sites[0][2])))
    motion = diagnostic.facts.get("motion")
    if motion is not None and "egms_points" in layers:
        lines.append(words["motion"].format(alerts=sum(a for a, _ in motion.values()),
                                            watch=sum(w for _, w in motion.values()),
                                            points=layers["egms_points"].featureCount()))
    return lines


def _hottest_sites(layer, count: int) -> list:
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


def _alert_rows(layers, text, count: int) -> list:
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


def _charts(layers, text, work: Path, lst_values, sites, alerts) -> list[Path]:
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
            for value in _values(layers[name], "gm_class"):
                counts[int(value)] += 1
        title, y_label = text["chart_alerts"]
        files.append(charts.bars(work / "chart_alerts.png", text["classes"], counts, title, y_label,
                                 colours=["#bdbdbd", "#1a9641", "#fdae61", "#d7191c"], fmt=lambda v: f"{v:.0f}"))
        series = _worst_series(layers, alerts[:3])
        if series:
            title, x_label, y_label = text["chart_series"]
            files.append(charts.lines(work / "chart_series.png", series, title, x_label, y_label))
    return files


def _worst_series(layers, alerts) -> list:
    """Date-by-date median displacement of the EGMS points within the buffer of the assets most on alert (the
    buffers ground_motion_assets used: 5 m around buildings, 15 m around lines)."""
    from .ground_motion_assets import DEFAULT_BUFFERS
    from .ground_motion_trend import median_series, series_dates, series_near

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


def _tables(text, sites, alerts) -> list:
    tables = []
    if sites:
        tables.append(([text["table_sites"]] + [[s[0][:40], s[1][:40], text["number"](s[2]), text["number"](s[3])]
                                                for s in sites], [60, 70, 25, 25]))
    if alerts:
        tables.append(([text["table_alerts"]] + [[a[0][:40], a[1], str(a[2]), text["number"](a[3]), a[4]]
                                                 for a in alerts],
                       [60, 30, 20, 40, 30]))
    return tables
