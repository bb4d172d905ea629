"""The report's « Vue 3D » page: the image of the commune's digital twin, the legend of its buildings' colours and
what the scene is made of (heights, relief, trees, camera, sources).

The twin (``territoire:digital_twin_3d``) runs after the report, on a diagnostic already delivered: it adds this
page at the end of the report's layout, kept in the commune's project, and exports the PDF again, atomically. Run
again, it replaces its page. A report whose images are not kept in its layout (made by a version before 0.9) is
left as it is: exported again, its charts would be missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsLayoutItemPicture

from ...core.files import atomic_output
from .layout import REPORT_PROPERTY, Pages, export_pdf
from .text import report_language, text_for

#: Custom property of the items of the page, for an later run to find and replace them.
PAGE_PROPERTY = "territoire/page"
PAGE_NAME = "view3d"


@dataclass
class SceneFacts:
    """What the page says of the scene."""

    theme: str  # heat, motion, clay or buildings
    buildings: object  # the themed buildings layer (its 2D style gives the legend)
    count: int
    measured: int
    from_storeys: int
    defaulted: int
    relief: bool  # False: flat terrain at ``ground``
    ground: float
    trees: str | None  # "lidar", "mixed" (LiDAR HD and BD TOPO's vegetation zones), "bdtopo", or None


def report_layout(project):
    """The report's layout in the commune's project, or None."""
    return next((layout for layout in project.layoutManager().printLayouts()
                 if layout.customProperty(REPORT_PROPERTY)), None)


def whole(layout) -> bool:
    """True if every picture of ``layout`` can be drawn again (an image path, not kept in the layout, may point to
    the diagnostic's work folder, gone)."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemPicture):
            path = item.picturePath()
            if path and not path.startswith("base64:") and not Path(path).exists():
                return False
    return True


def remove_page(layout) -> None:
    """The page an earlier run added, and its items."""
    items = [item for item in layout.items()
             if hasattr(item, "customProperty") and item.customProperty(PAGE_PROPERTY) == PAGE_NAME]
    if not items:
        return
    page = items[0].page()
    for item in items:
        layout.removeLayoutItem(item)
    collection = layout.pageCollection()
    if 0 < page < collection.pageCount():
        collection.deletePage(page)


def add_view_page(project, pdf: Path, image: Path, facts: SceneFacts) -> bool:
    """Add the page to the report of ``project`` and export it again to ``pdf``; False if the project has no
    report, or one that cannot be exported again (see the module's docstring)."""
    layout = report_layout(project)
    if layout is None or not whole(layout):
        return False
    remove_page(layout)
    text = text_for(report_language())
    words = text["view3d"]
    pages = Pages(project, layout.name(), text["typography"], layout=layout)
    top = pages.new_page()
    placed = [pages.label(words["title"], 15, top + 12, 180, 10, size=16, bold=True),
              pages.picture(image, 15, top + 26, 180, 112.5, embed=False)]  # beside the project
    legend = pages.legend(words["legend"], [facts.buildings])
    placed.append(pages.place(legend, 15, top + 143, 70, 60))
    legend.setResizeToContents(True)
    lines = [words["theme"].format(theme=words["themes"].get(facts.theme, facts.theme)),
             words["heights"].format(count=text["count"](facts.count, "building"),
                                     measured=text["integer"](facts.measured),
                                     storeys=text["integer"](facts.from_storeys),
                                     default=text["integer"](facts.defaulted)),
             words["relief"] if facts.relief else words["flat"].format(altitude=text["number"](facts.ground, 0)),
             words[{"lidar": "trees", "mixed": "trees_mixed", "bdtopo": "trees_bdtopo"}.get(facts.trees, "no_trees")],
             words["camera"]]
    placed.append(pages.label("\n\n".join(lines), 90, top + 143, 105, 100, size=9))
    sources = ["IGN BD TOPO®"] + (["IGN RGE ALTI®, LiDAR HD"] if facts.relief or facts.trees in ("lidar", "mixed")
                                  else [])
    sources += [words["theme_sources"][facts.theme]] if facts.theme in words["theme_sources"] else []
    placed.append(pages.label(words["sources"].format(sources=", ".join(sources)), 15, top + 280, 180, 6, size=7,
                              colour="#555555"))
    for item in placed:
        item.setCustomProperty(PAGE_PROPERTY, PAGE_NAME)
    with atomic_output(pdf) as temporary:
        export_pdf(layout, temporary)
    return True
