"""What the report's maps stand on and zoom into: the basemap image (added to the project, under its layers), the
sources line that names it, the labels of the sensitive sites, and the extents of the close-ups (the cluster of
assets on alert, the hottest sensitive site)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from qgis.core import QgsFeatureRequest, QgsPalLayerSettings, QgsRectangle, QgsVectorLayerSimpleLabeling

from ...qgis_io.places import basemap_image
from ...toolbelt.compat import text_format
from ...toolbelt.settings import SERVICES, Settings
from .. import catalogue

#: Assets within this distance (m) of one another make one cluster of the motion close-up.
CLUSTER_M = 250.0


def report_basemap(project, extent: QgsRectangle, folder: Path, insee: str, language: str, feedback=None):
    """(layer or None, words for the sources line): Plan IGN over ``extent`` saved beside the report and added,
    unchecked, to the project's basemap group (so the layout kept in the project finds it)."""
    from ..report.text import text_for

    words = text_for(language)["basemap"]
    layer = basemap_image(extent, project.crs(), folder / f"fond_de_plan_{insee}.tif", project.transformContext(),
                          feedback=feedback)
    if layer is None:
        return None, words["none"]
    layer.setName(catalogue.words(language)["plan_ign_report"])
    project.addMapLayer(layer, False)
    group = project.layerTreeRoot().findGroup(catalogue.words(language)["group_basemap"])
    node = (group or project.layerTreeRoot()).addLayer(layer)
    node.setItemVisibilityChecked(False)
    url = Settings.load().service_url("ign_wmts")
    official = url == SERVICES["ign_wmts"].default.rstrip("/")  # not a mirror or a local copy
    return layer, (words["official"] if official else words["other"].format(host=urlsplit(url).netloc))


def label_sites(layer, field: str = "libelle") -> None:
    """Each sensitive site's name beside its point, on a white halo."""
    from qgis.PyQt.QtGui import QColor, QFont

    if layer is None or layer.fields().indexOf(field) < 0:
        return
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.enabled = True
    text = text_format(QFont("Sans", 8, QFont.Weight.Bold), QColor("#202020"))
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def square(box: QgsRectangle, margin: float, minimum: float) -> QgsRectangle:
    """``box`` grown by ``margin`` and made a square of at least ``minimum`` metres, on the same centre."""
    side = max(box.width() + 2 * margin, box.height() + 2 * margin, minimum)
    centre = box.center()
    return QgsRectangle(centre.x() - side / 2, centre.y() - side / 2, centre.x() + side / 2, centre.y() + side / 2)


def alert_cluster(layers: dict, names, expression: str = '"gm_class" = 3') -> tuple[QgsRectangle | None, int]:
    """(extent, count) of the densest cluster of the features of ``names`` matching ``expression`` (assets on
    alert): the feature with the most others within :data:`CLUSTER_M`, and those."""
    centres = []
    for name in names:
        if name in layers:
            request = QgsFeatureRequest().setFilterExpression(expression)
            centres += [(f.geometry().boundingBox().center(), f.geometry().boundingBox())
                        for f in layers[name].getFeatures(request) if f.hasGeometry()]
    if not centres:
        return None, 0
    best = max(centres, key=lambda item: sum(item[0].distance(other[0]) <= CLUSTER_M for other in centres))
    members = [box for centre, box in centres if best[0].distance(centre) <= CLUSTER_M]
    extent = QgsRectangle(members[0])
    for box in members[1:]:
        extent.combineExtentWith(box)
    return square(extent, 40.0, 250.0), len(members)
