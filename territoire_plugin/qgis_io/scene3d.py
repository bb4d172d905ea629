"""The commune's buildings in QGIS's 3D view: extruded by their height, coloured like their 2D style.

:func:`height_expression` is the QGIS expression of :mod:`..analysis.twin.heights`'s rule (``hauteur``, else storeys
× 3 m, else one storey) for the layer's fields; :func:`layer_heights` counts which part of the rule each building
took, for the log and the report. :func:`renderer_3d` turns a layer's 2D renderer (graduated, categorized, rule-based
or single symbol — the plugin's styles for heat exposure, ground motion, clay risk, buildings) into a rule-based 3D
renderer with the same classes, in the same colours: the 2D legend stays the legend of the 3D view.
"""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsProperty,
    QgsPropertyCollection,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..analysis.twin.heights import DEFAULT_M, STOREY_M, Heights, building_heights
from ..toolbelt.compat import clamp_to_terrain, set_material

HEIGHT_FIELD, STOREYS_FIELD = "hauteur", "nombre_d_etages"


def init_3d() -> None:
    """QGIS's 3D registries (renderers, symbols, materials, terrains): QGIS's window fills them at start, a
    script or qgis_process does not — without them a project's 3D renderers are dropped when it is read."""
    from qgis._3d import Qgs3D

    Qgs3D.initialize()  # does nothing the second time


def height_expression(field_names) -> str:
    """The extrusion height, by the rule of :mod:`..analysis.twin.heights`, for a layer with ``field_names``."""
    names = set(field_names)
    cases = []
    if HEIGHT_FIELD in names:
        cases.append(f'WHEN "{HEIGHT_FIELD}" > 0 THEN "{HEIGHT_FIELD}"')
    if STOREYS_FIELD in names:
        cases.append(f'WHEN "{STOREYS_FIELD}" > 0 THEN "{STOREYS_FIELD}" * {STOREY_M:g}')
    if not cases:
        return f"{DEFAULT_M:g}"
    return f"CASE {' '.join(cases)} ELSE {DEFAULT_M:g} END"


def layer_heights(layer) -> Heights:
    """The heights of ``layer``'s buildings, by the rule, and how many took each part of it."""
    names = set(layer.fields().names())
    wanted = [name for name in (HEIGHT_FIELD, STOREYS_FIELD) if name in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
        wanted, layer.fields())
    hauteur, storeys = [], []
    for feature in layer.getFeatures(request):
        hauteur.append(feature[HEIGHT_FIELD] if HEIGHT_FIELD in names else None)
        storeys.append(feature[STOREYS_FIELD] if STOREYS_FIELD in names else None)
    return building_heights(hauteur, storeys)


def _symbol_3d(colour: QColor, height: str):
    from qgis._3d import QgsPhongMaterialSettings, QgsPolygon3DSymbol

    symbol = QgsPolygon3DSymbol()
    material = QgsPhongMaterialSettings()
    material.setDiffuse(colour)
    material.setAmbient(colour.darker(200))
    material.setSpecular(QColor(40, 40, 40))
    set_material(symbol, material)
    properties = QgsPropertyCollection()
    properties.setProperty(symbol.PropertyExtrusionHeight, QgsProperty.fromExpression(height))
    symbol.setDataDefinedProperties(properties)
    clamp_to_terrain(symbol)
    return symbol


def _classes(renderer) -> list[tuple[str, str, QColor]]:
    """(label, filter expression, colour) of each class of the 2D ``renderer``; "" filters nothing."""
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        field = renderer.classAttribute()  # a field name, or an expression
        column = QgsExpression.quotedColumnRef(field) if field.isidentifier() else f"({field})"
        out = []
        for category in renderer.categories():
            if not category.renderState():
                continue
            value = category.value()
            test = (f"{column} IS NULL" if value is None or value == "" or str(value) == "NULL"
                    else f"{column} = {QgsExpression.quotedValue(value)}")
            out.append((category.label(), test, category.symbol().color()))
        return out
    if isinstance(renderer, QgsGraduatedSymbolRenderer):
        column = QgsExpression.quotedColumnRef(renderer.classAttribute())
        ranges = renderer.ranges()
        out = []
        for index, item in enumerate(ranges):
            if not item.renderState():
                continue
            low = ">=" if index == 0 else ">"  # QGIS's own rule: the first range holds its lower bound
            out.append((item.label(), f"{column} {low} {item.lowerValue()!r} AND {column} <= {item.upperValue()!r}",
                        item.symbol().color()))
        return out
    if isinstance(renderer, QgsRuleBasedRenderer):
        return [(rule.label(), rule.filterExpression(), rule.symbol().color())
                for rule in renderer.rootRule().children() if rule.active() and rule.symbol() is not None]
    if isinstance(renderer, QgsSingleSymbolRenderer):
        return [("", "", renderer.symbol().color())]
    raise ValueError(f"no 3D renderer for a {renderer.type() if renderer is not None else 'missing'} renderer")


def renderer_3d(renderer, height: str):
    """A rule-based 3D renderer with one rule a class of the 2D ``renderer``, in its colour, extruded by the
    expression ``height``."""
    from qgis._3d import QgsRuleBased3DRenderer

    root = QgsRuleBased3DRenderer.Rule(None)
    for label, test, colour in _classes(renderer):
        rule = QgsRuleBased3DRenderer.Rule(_symbol_3d(QColor(colour), height), test, label)
        root.appendChild(rule)
    return QgsRuleBased3DRenderer(root)


# ---------------------------------------------------------------------------------------------------- the 3D view

#: The view's name in the project (View ▸ 3D Map Views).
VIEW_NAME = "Territoire 3D"
#: Camera over the commune's centre, looking down at this angle (0 = straight down, 90 = horizontal), north up.
PITCH_DEGREES = 45.0


def _origin(extent) -> tuple[float, float]:
    """The scene's origin: the extent's centre rounded to the kilometre (QGIS 3.22 writes the origin with six
    significant digits: a Lambert-93 northing rounded to the kilometre keeps them exact)."""
    return (round(extent.center().x() / 1000.0) * 1000.0, round(extent.center().y() / 1000.0) * 1000.0)


def view_settings_xml(project, extent, layers, dem_layer=None, ground: float = 0.0, background: str = "#f2f2ee"):
    """The ``<view>`` element of a 3D map view of ``extent`` (project CRS) showing ``layers`` (3D renderers of
    their own, the others draped on the terrain), on the terrain of ``dem_layer`` (a raster layer of the project)
    or flat at ``ground`` metres; the camera oblique over the extent's centre, north up. Made by QGIS itself
    (``Qgs3DMapSettings`` read from the few settings given, then written whole), so each QGIS version writes its
    own form. Returns the element's text."""
    from qgis._3d import Qgs3DMapSettings
    from qgis.core import QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    ox, oy = _origin(extent)
    if dem_layer is not None:
        generator = f'<generator type="dem" layer="{dem_layer.id()}" resolution="16" skirt-height="10"/>'
    else:
        generator = (f'<generator type="flat"><extent xmin="{extent.xMinimum()}" ymin="{extent.yMinimum()}" '
                     f'xmax="{extent.xMaximum()}" ymax="{extent.yMaximum()}"/></generator>')
    draped = "".join(f'<layer id="{layer.id()}"/>' for layer in layers)
    source = (f'<qgis3d><origin x="{ox}" y="{oy}" z="0"/>'
              f'<extent xMin="{extent.xMinimum()}" yMin="{extent.yMinimum()}" xMax="{extent.xMaximum()}" '
              f'yMax="{extent.yMaximum()}" showIn2dView="0"/>'
              f'<color background="{background}" selection="#ffff00"/>'
              # One sun, high in the south-west, downwards in both the Y-up and the Z-up world (QGIS 3.42 flipped
              # it); an empty point-light list keeps QGIS from adding its default lamp over the origin.
              '<point-lights/><directional-lights><directional-light x="-0.4" y="-1" z="-1" '
              'color="255,255,255,255" intensity="1"/></directional-lights>'
              f'<terrain exaggeration="1" texture-size="1024" max-terrain-error="3" max-ground-error="1" '
              f'shading-enabled="1" show-labels="0" elevation-offset="{0 if dem_layer is not None else ground}">'
              f"<layers>{draped}</layers>{generator}</terrain></qgis3d>")
    document = QDomDocument()
    document.setContent(source)
    element = document.documentElement()
    crs = document.createElement("crs")
    project.crs().writeXml(crs, document)
    element.appendChild(crs)
    context = QgsReadWriteContext()
    context.setPathResolver(project.pathResolver())
    settings = Qgs3DMapSettings()
    settings.readXml(element, context)
    settings.resolveReferences(project)
    out = QDomDocument()
    view = out.createElement("view")
    view.setAttribute("name", VIEW_NAME)
    view.setAttribute("isOpen", "1")
    view.appendChild(settings.writeXml(out, context))
    view.appendChild(_camera(out, extent, ox, oy, ground))
    out.appendChild(view)
    return out.toString()


def _camera(document, extent, ox: float, oy: float, ground: float):
    """The camera looking at the extent's centre from far enough to see it whole: written both in map coordinates
    (xMap…, what QGIS ≥ 3.36 reads) and relative to the origin (x, y, elev, what earlier releases read)."""
    cx, cy = extent.center().x(), extent.center().y()
    camera = document.createElement("camera")
    distance = 1.3 * max(extent.width(), extent.height(), 200.0)
    for name, value in (("xMap", cx), ("yMap", cy), ("zMap", ground), ("x", cx - ox), ("y", -(cy - oy)),
                        ("elev", ground), ("dist", distance), ("pitch", PITCH_DEGREES), ("yaw", 0.0)):
        camera.setAttribute(name, f"{value:.2f}")
    return camera


_DOCKS = re.compile(r"<mapViewDocks3D\s*/>|<mapViewDocks3D>.*?</mapViewDocks3D>", re.DOTALL)


def add_view_to_project(path, view_xml: str) -> None:
    """Put the 3D view ``view_xml`` (:func:`view_settings_xml`) in the project file ``path`` (.qgz or .qgs), in
    place of its 3D views, so QGIS opens it with the project (a 3D view belongs to QGIS's window, not to the
    project object a script writes: QGIS 3.22 has no API for it, later ones none from Python). The file is
    rewritten atomically; the other members of a .qgz (auxiliary storage) are kept as they were."""
    import zipfile

    from ..core.files import atomic_output

    path = Path(path)
    docks = f"<mapViewDocks3D>\n{view_xml.strip()}\n</mapViewDocks3D>"

    def spliced(text: str) -> str:
        if _DOCKS.search(text):
            return _DOCKS.sub(lambda _match: docks, text, count=1)
        end = text.rindex("</qgis>")
        return f"{text[:end]}{docks}\n{text[end:]}"

    if path.suffix.lower() != ".qgz":
        text = spliced(path.read_text(encoding="utf-8"))
        with atomic_output(path) as temporary:
            Path(temporary).write_text(text, encoding="utf-8")
        return
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    with atomic_output(path) as temporary, zipfile.ZipFile(temporary, "w") as target:
        for info, data in members:
            if info.filename.lower().endswith(".qgs"):
                data = spliced(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
