"""The commune's buildings in QGIS's 3D view: extruded by their height, coloured like their 2D style.

:func:`height_expression` is the QGIS expression of :mod:`..analysis.twin.heights`'s rule (``hauteur``, else storeys
× 3 m, else one storey) for the layer's fields; :func:`layer_heights` counts which part of the rule each building
took, for the log and the report. :func:`renderer_3d` turns a layer's 2D renderer (graduated, categorized, rule-based
or single symbol — the plugin's styles for heat exposure, ground motion, clay risk, buildings) into a rule-based 3D
renderer with the same classes, in the same colours: the 2D legend stays the legend of the 3D view.
"""

from __future__ import annotations

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
    raise ValueError(f"no 3D renderer for a {renderer.type()} renderer")


def renderer_3d(renderer, height: str):
    """A rule-based 3D renderer with one rule a class of the 2D ``renderer``, in its colour, extruded by the
    expression ``height``."""
    from qgis._3d import QgsRuleBased3DRenderer

    root = QgsRuleBased3DRenderer.Rule(None)
    for label, test, colour in _classes(renderer):
        rule = QgsRuleBased3DRenderer.Rule(_symbol_3d(QColor(colour), height), test, label)
        root.appendChild(rule)
    return QgsRuleBased3DRenderer(root)
