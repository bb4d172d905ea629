"""The council report of a commune diagnostic: a QGIS print layout exported to PDF (A4 portrait).

Pages: cover with the key figures; what was measured (sources, dates, licences, plugin version);
one map per topic (surface temperature, heat islands and hot spots, exposure, ground-motion
alerts) with legend, scale bar, north arrow and sources; charts (drawn by :mod:`.charts`); tables;
the caveats in plain words. French by default, English if the options say so.
"""

from __future__ import annotations

import base64
import datetime
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
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

from ...analysis.heat.islands import valid_values
from ...toolbelt.compat import TEXT_AS_TEXT, set_label_text, set_legend_style_font
from ...toolbelt.resources import plugin_version
from ...toolbelt.settings import Settings
from . import clay, content, mapping
from .text import report_language, text_for

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
#: Custom property marking the report's layout in its project (the 3D view adds its page to it).
REPORT_PROPERTY = "territoire/report"
PAGE_W, PAGE_H = 210.0, 297.0


class Pages:
    """A multi-page A4 portrait layout with helpers placing items in millimetres."""

    def __init__(self, project, name: str, typography=lambda line: line, layout=None):
        """A new layout named ``name``; or, given ``layout`` (a report read back from its project), more pages for
        it."""
        self.typography = typography  # the report language's spacing, applied to every text placed
        if layout is not None:
            self.layout, self.count = layout, layout.pageCollection().pageCount()
            return
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(name)
        self.layout.setCustomProperty(REPORT_PROPERTY, True)
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
        label.setText(self.typography(text))
        set_label_text(label, QFont("Sans", size, QFont.Weight.Bold if bold else QFont.Weight.Normal), colour)
        return self.place(label, x, y, w, h)

    def picture(self, path, x, y, w, h, embed: bool = True):
        """The image ``path``, kept in the layout itself (``embed``: a file of the diagnostic's work folder, which
        goes; the report stays whole in the project, and can be exported again), else linked."""
        picture = QgsLayoutItemPicture(self.layout)
        picture.setPicturePath("base64:" + base64.b64encode(Path(path).read_bytes()).decode("ascii") if embed
                               else str(path))
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        return self.place(picture, x, y, w, h)

    def table(self, rows, x, y, w, h, widths=None):
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        header_font = QFont("Sans", 8, QFont.Weight.Bold)
        cells = []
        for number, row in enumerate(rows):
            cells.append([QgsTableCell(self.typography(str(value))) for value in row])
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
        table.recalculateFrameSizes()
        needed = table.totalSize().height()  # wrapped cells make rows taller: the frame grows to hold them all
        if needed > h:
            frame.attemptResize(QgsLayoutSize(w, needed, MM))
        self.last_height = max(needed, h)
        return table

    def map(self, project, layers, extent, x, y, w, h, legend_title: str, sources: str, basemap=None):
        """A framed map of ``layers`` (first on top) over ``basemap`` (not in the legend), its legend, scale bar,
        north arrow and sources line."""
        item = QgsLayoutItemMap(self.layout)
        item.setLayers(layers + ([basemap] if basemap is not None else []))
        item.setCrs(project.crs())
        item.setFrameEnabled(True)
        self.place(item, x, y, w, h)
        self.map_box = (x, y, w, h)  # on its page, for a close-up in its corner
        item.zoomToExtent(extent)
        legend = self.legend(legend_title, layers)
        legend.setLinkedMap(item)
        legend.setLegendFilterByMapEnabled(True)
        legend.setBackgroundEnabled(True)
        legend.setColumnCount(2)  # a long legend (several asset layers) stays on its page
        legend.setSplitLayer(False)  # a layer's classes stay together in one column
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

    def legend(self, title: str, layers) -> QgsLayoutItemLegend:
        """A framed legend of ``layers`` alone (a raster without its band's name), in the report's fonts; not
        placed yet."""
        from qgis.core import QgsRasterLayer

        from ..project import hide_band_label

        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(self.typography(title))
        legend.setAutoUpdateModel(False)
        model_root = legend.model().rootGroup()
        model_root.clear()
        for layer in layers:
            node = model_root.addLayer(layer)
            if isinstance(layer, QgsRasterLayer):
                hide_band_label(node)
        set_legend_style_font(legend, QgsLegendStyle.Style.Title, QFont("Sans", 10, QFont.Weight.Bold))
        set_legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel, QFont("Sans", 8))
        set_legend_style_font(legend, QgsLegendStyle.Style.Subgroup, QFont("Sans", 8, QFont.Weight.Bold))
        legend.setFrameEnabled(True)
        return legend

    def inset(self, main, layers, extent, caption: str, basemap=None, size: float = 72.0):
        """A close-up of ``extent`` in the lower-left corner of the map ``main`` (the last one placed), framed, with
        its caption above it and its area outlined in red on ``main``."""
        from qgis.core import QgsFillSymbol, QgsLayoutItemMapOverview

        left, top, _, height = self.map_box
        x, y = left + 3, top + height - size - 3
        inset = QgsLayoutItemMap(self.layout)
        inset.setLayers(layers + ([basemap] if basemap is not None else []))
        inset.setCrs(main.crs())
        inset.setFrameEnabled(True)
        inset.setFrameStrokeWidth(QgsLayoutMeasurement(0.6, MM))
        inset.setFrameStrokeColor(QColor("#d7191c"))
        self.place(inset, x, y, size, size)
        inset.zoomToExtent(extent)
        overview = QgsLayoutItemMapOverview("inset", main)
        main.overviews().addOverview(overview)
        overview.setLinkedMap(inset)
        overview.setFrameSymbol(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#d7191c", "outline_width": "0.6"}))
        caption_item = self.label(caption, x, y - 9, size + 40, 8, size=8, bold=True, colour="#202020")
        caption_item.setBackgroundEnabled(True)
        caption_item.setBackgroundColor(QColor(255, 255, 255, 220))
        return inset


def export_pdf(layout, pdf: Path) -> QgsLayoutExporter:
    """``layout`` exported to the PDF ``pdf`` (text kept as text); the exporter, for more exports."""
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.textRenderFormat = TEXT_AS_TEXT
    status = exporter.exportToPdf(str(pdf), settings)
    if status != QgsLayoutExporter.ExportResult.Success:
        raise OSError(f"cannot export the report {pdf} ({exporter.errorMessage()})")
    return exporter


def write_report(diagnostic, project, layers: dict, pdf: Path, png: Path, feedback=None):
    """Lay out and export the report (PDF) and the main map (PNG); return (pdf, png, summary text). ``feedback``
    (cancel) reaches the basemap's tiles and the addresses' requests."""
    language = report_language()
    text = text_for(language)
    today = datetime.date.today()
    date_text = today.strftime("%d/%m/%Y") if language == "fr" else today.isoformat()
    title = text["title"].format(of_name=text["of"](diagnostic.name))
    pages = Pages(project, title, text["typography"])
    top = 0.0
    commune = layers["commune"]
    extent = commune.extent()
    extent.scale(1.08)
    work = diagnostic.work
    # The summer-median temperatures, read once for the summary and the histogram.
    lst_values = valid_values(diagnostic.rasters["lst"][0], np.float64) if "lst" in layers else None
    # The hottest sensitive sites and the assets most on alert, found once for the summary, charts and tables.
    all_sites = content.hottest_sites(layers["batiments_chaleur"]) if "batiments_chaleur" in layers else []
    all_alerts = content.alert_rows(layers, text)
    # The rows shown are named by their addresses (the geocoder asked once per place, cached).
    sites, alerts, addressed = content.named(layers, all_sites[:10], all_alerts[:15], feedback)
    summary = content.summary_lines(diagnostic, layers, text, lst_values, sites)
    clay_line = clay.summary_line(diagnostic.facts, text)
    if clay_line:
        summary.append(text["typography"](clay_line))
    basemap, basemap_words = mapping.report_basemap(project, extent, pdf.parent, diagnostic.insee, language,
                                                           feedback)
    mapping.label_sites(layers.get("erp"))

    def sources_line(names: str) -> str:
        return text["sources"].format(sources=names, basemap=basemap_words)

    # Cover.
    pages.label(title, 15, 20, 180, 16, size=22, bold=True)
    pages.label(text["subtitle"].format(insee=diagnostic.insee), 15, 37, 180, 8, size=11, colour="#444444")
    notice = Settings.load().report_notice
    if notice:  # e.g. what a demonstration's data are: said on the cover, in red
        pages.label(notice, 15, 46, 180, 7, size=9, bold=True, colour="#a00000")
    cover_layers = [layers[n] for n in ("commune", "ilots_chaleur", "lst", "batiment") if n in layers]
    pages.map(project, cover_layers, extent, 15, 55, 180, 115, text["legend"],
              sources_line("Landsat 8/9 C2 L2 (USGS), IGN BD TOPO®"), basemap)
    pages.label(text["key"], 15, 238, 180, 8, size=13, bold=True)
    pages.label("\n".join(f"• {line}" for line in summary), 15, 247, 180, 40, size=9)
    pages.label(text["made"].format(date=date_text, version=plugin_version()), 15, 288, 180, 6, size=7,
                colour="#666666")

    # What was measured.
    top = pages.new_page()
    pages.label(text["measured"], 15, top + 15, 180, 10, size=16, bold=True)
    pages.table([text["sources_head"]] + [list(row) for row in text["sources_rows"]], 15, top + 30, 180, 60,
                widths=[55, 75, 50])
    scenes = ", ".join(content.scene_date(name, language) for name in diagnostic.facts.landsat) or "—"
    pages.label(text["dates"].format(scenes=scenes, egms=diagnostic.facts.egms_file or "—", date=date_text)
                + "\n" + text["made"].format(date=date_text, version=plugin_version()), 15, top + 95, 180, 20, size=9)
    pages.label(text["caveats"], 15, top + 125, 180, 10, size=16, bold=True)
    pages.label("\n\n".join(text["caveat_text"]), 15, top + 138, 180, 120, size=9)
    for warning in diagnostic.warnings:
        pages.label(f"⚠ {warning}", 15, top + 262, 180, 16, size=9, colour="#a00000")

    # Maps (first layer on top: the heat islands over the hot-spot grid their legend lists).
    source_names = {"lst": "Landsat 8/9 C2 L2 (USGS)", "islands": "Landsat 8/9 C2 L2 (USGS)",
                    "exposure": "Landsat (USGS), IGN BD TOPO®", "motion": "EGMS (Copernicus), IGN BD TOPO®"}
    main_page = None
    motion_names = ["mouvement_pont", "mouvement_pont_surface", "mouvement_troncon_de_voie_ferree",
                    "mouvement_troncon_de_route", "mouvement_batiment"]
    for key, names in (("lst", ["commune", "lst"]), ("islands", ["commune", "ilots_chaleur", "points_chauds"]),
                       ("exposure", ["commune", "erp", "batiments_chaleur"]),
                       ("motion", ["commune", *motion_names])):
        shown = [layers[n] for n in names if n in layers]
        top = pages.new_page()
        pages.label(text["maps"][key], 15, top + 12, 180, 10, size=16, bold=True)
        if len(shown) <= 1:
            pages.label(text["no_motion"] if key == "motion" else text["no_heat"], 15, top + 30, 180, 20)
            continue
        main = pages.map(project, shown, extent, 15, top + 26, 180, 175, text["legend"],
                         sources_line(source_names[key]), basemap)
        if key == "motion":  # the alerts are sub-millimetre at this scale: a close-up of where they gather
            close, count = mapping.alert_cluster(layers, motion_names)
            if close is not None:
                pages.inset(main, shown, close, text["inset_motion"].format(count=text["integer"](count)), basemap)
        elif key == "exposure" and sites and sites[0][4] is not None:
            close = mapping.square(sites[0][4].boundingBox(), 60.0, 220.0)
            pages.inset(main, shown, close, text["inset_heat"].format(site=sites[0][0]), basemap)
        if main_page is None:
            main_page = pages.count - 1

    if diagnostic.facts.motion is not None:  # clay shrink-swell comes with the ground motion
        clay.add_page(pages, project, layers, diagnostic, text, extent, basemap, sources_line, feedback)

    # Charts.
    chart_files = content.chart_files(layers, text, work, lst_values, sites, alerts)
    if chart_files:
        top = pages.new_page()
        pages.label(text["charts"], 15, top + 12, 180, 10, size=16, bold=True)
        for number, path in enumerate(chart_files[:4]):
            pages.picture(path, 15 + (number % 2) * 92, top + 28 + (number // 2) * 58, 88, 52)
    # Tables.
    tables = content.tables(text, sites, alerts, len(all_sites), len(all_alerts))
    if tables:
        top = pages.new_page()
        pages.label(text["tables"], 15, top + 12, 180, 10, size=16, bold=True)
        y = top + 28
        if not addressed:
            pages.label(text["no_addresses"], 15, y - 6, 180, 6, size=8, colour="#a00000")
            y += 4
        for title, rows, widths in tables:
            pages.label(title, 15, y, 180, 7, size=11, bold=True)
            pages.table(rows, 15, y + 8, 180, 7 * len(rows) + 4, widths=widths)
            y += pages.last_height + 18

    exporter = export_pdf(pages.layout, pdf)
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


