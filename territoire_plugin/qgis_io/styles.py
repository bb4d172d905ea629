"""Styles shipped in ``resources/styles`` applied to outputs, adapted to each output's values."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsBasicNumericFormat,
    QgsColorRampLegendNodeSettings,
    QgsColorRampShader,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)

from ..core.wording import celsius
from ..toolbelt.resources import resource_path
from ..toolbelt.settings import Settings

LST_STYLE = "lst_celsius.qml"


def celsius_label(value: float) -> str:
    """"27,5 °C" in French, "27.5 °C" in English: the reports' language (the options page), since these legends
    are printed in the council report (a French QGIS has French reports by default)."""
    return celsius(value, Settings.load().report_language, 1)


def style_diverging(layer: QgsRasterLayer, style: str, low: float, centre: float, high: float,
                    label=celsius_label, suffix: str = "\u00a0°C") -> None:
    """Load ``style`` and spread its colour stops evenly from ``low`` to ``high`` around ``centre``.

    The ramp stays symmetric around ``centre`` (e.g. the median temperature), so colours above
    and below it read as "warmer" and "cooler" than the typical pixel.
    """
    message, ok = layer.loadNamedStyle(str(resource_path("styles", style)))
    if not ok:
        raise RuntimeError(f"cannot load style {style}: {message}")
    half = max(high - centre, centre - low, 0.5)
    low, high = centre - half, centre + half
    renderer = layer.renderer()
    ramp = renderer.shader().rasterShaderFunction()
    colours = [item.color for item in ramp.colorRampItemList()]
    steps = len(colours) - 1
    items = []
    for index, colour in enumerate(colours):
        value = low + (high - low) * index / steps
        items.append(QgsColorRampShader.ColorRampItem(value, colour, label(value)))
    new_ramp = QgsColorRampShader(low, high)
    new_ramp.setColorRampType(ramp.colorRampType())
    new_ramp.setClassificationMode(ramp.classificationMode())
    if ramp.sourceColorRamp():
        new_ramp.setSourceColorRamp(ramp.sourceColorRamp().clone())
    new_ramp.setColorRampItemList(items)
    legend = QgsColorRampLegendNodeSettings()
    legend.setUseContinuousLegend(True)
    legend.setSuffix(suffix)
    number_format = QgsBasicNumericFormat()
    number_format.setNumberDecimalPlaces(1)
    number_format.setShowTrailingZeros(True)
    # The render context's locale is the system's, not the report's: both separators set for the report's language.
    french = Settings.load().report_language == "fr"
    number_format.setDecimalSeparator("," if french else ".")
    number_format.setThousandsSeparator("\u202f" if french else ",")
    legend.setNumericFormat(number_format)
    new_ramp.setLegendSettings(legend)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(new_ramp)
    new_renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), renderer.usesBands()[0], shader)
    new_renderer.setClassificationMin(low)
    new_renderer.setClassificationMax(high)
    layer.setRenderer(new_renderer)


def write_sidecar_style(raster_path: str, style: str, low: float, centre: float, high: float) -> Path:
    """Write ``<raster>.qml`` so QGIS styles the raster whenever it is opened."""
    layer = QgsRasterLayer(raster_path, "style", "gdal")
    if not layer.isValid():
        raise RuntimeError(f"cannot open {raster_path} to style it")
    style_diverging(layer, style, low, centre, high)
    sidecar = Path(raster_path).with_suffix(".qml")
    message, ok = layer.saveNamedStyle(str(sidecar))
    if not ok:
        raise RuntimeError(f"cannot write {sidecar}: {message}")
    return sidecar


class StyleAndNamePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a saved style and a display name to a layer Processing adds to the project."""

    # Processing keeps only a raw pointer: hold a Python reference until the layer is styled.
    _alive: list = []

    def __init__(self, style_file: str, name: str):
        super().__init__()
        self.style_file = style_file
        self.name = name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - Qt API
        layer.loadNamedStyle(self.style_file)
        layer.setName(self.name)
        layer.triggerRepaint()

    @classmethod
    def create(cls, style_file: str, name: str) -> StyleAndNamePostProcessor:
        instance = cls(style_file, name)
        cls._alive.append(instance)
        return instance


def load_on_completion(context, uri: str, name: str, style_file=None) -> None:
    """Have Processing load ``uri`` into the project when the algorithm ends, named ``name`` and, if given,
    styled with the QML ``style_file``."""
    details = QgsProcessingContext.LayerDetails(name, context.project(), uri)
    if style_file:
        details.setPostProcessor(StyleAndNamePostProcessor.create(str(style_file), name))
    context.addLayerToLoadOnCompletion(uri, details)


def name_and_style_on_load(context, path: str, style_file, name: str) -> None:
    """When Processing loads ``path`` into the project, name it ``name`` and give it ``style_file``."""
    if context.willLoadLayerOnCompletion(path):
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = name
        details.setPostProcessor(StyleAndNamePostProcessor.create(str(style_file), name))


def style_lst_output(context, path: str, low: float, centre: float, high: float, name: str) -> None:
    """A surface-temperature raster: the LST ramp spread around ``centre`` as its sidecar style, and its name
    for when Processing loads it."""
    name_and_style_on_load(context, path, write_sidecar_style(path, LST_STYLE, low, centre, high), name)


def add_styled_raster(context, path: str, style: str, name: str) -> None:
    """Style ``path`` with a shipped QML (as a sidecar, so it also applies when opened later) and name it
    for when Processing loads it into the project."""
    sidecar = Path(path).with_suffix(".qml")
    sidecar.write_bytes(resource_path("styles", style).read_bytes())
    name_and_style_on_load(context, path, sidecar, name)


def style_on_load(context, destination: str, style: str, name: str) -> None:
    """When Processing loads ``destination`` into the project, give it a shipped style and a name."""
    if context.willLoadLayerOnCompletion(destination):
        details = context.layerToLoadOnCompletionDetails(destination)
        details.setPostProcessor(StyleAndNamePostProcessor.create(str(resource_path("styles", style)), name))


#: The shipped styles' class labels are French; an English report shows them in English (words here, numbers by
#: :func:`english_label`).
ENGLISH_WORDS = {
    "alerte": "alert", "à surveiller": "watch", "stable": "stable", "données insuffisantes": "insufficient data",
    "non significatif": "not significant", "faible": "low", "moyenne": "medium", "forte": "high",
    "changement de tendance": "change of trend", "tendance stable": "steady trend",
    "bâti, peu végétalisé": "built-up, little vegetation", "sol nu, minéral": "bare or mineral ground",
    "végétation clairsemée": "sparse vegetation", "végétation dense": "dense vegetation", "végétation": "vegetation",
    "envahissement": "encroachment", "perte de végétation": "loss of vegetation",
    "sans changement notable": "no notable change", "inchangé": "unchanged", "référence": "reference",
    "eau": "water", "très faible": "very low", "très forte": "very high", "point chaud": "hot spot",
    "point froid": "cold spot", "dommages structurels": "structural damage",
    "fissuration esthétique": "cosmetic cracking", "limite de sécurité": "safe limit", "négligeable": "negligible",
    "et plus": "and above", "non classé": "not classified",
    "pas de signe": "no sign", "à inspecter": "to inspect",
}


def english_label(label: str) -> str:
    """A French class label in English: its words (:data:`ENGLISH_WORDS`), « à » between numbers as « to »,
    decimal commas as points, mm/an as mm/yr."""
    import re

    text = re.sub(r"(\d),(\d)", r"\1.\2", label).replace(" à ", " to ").replace("mm/an", "mm/yr")
    for french in sorted(ENGLISH_WORDS, key=len, reverse=True):
        text = re.sub(rf"(?<![\w]){re.escape(french)}(?![\w])", ENGLISH_WORDS[french], text)
    return text


def relabel_in_english(layer) -> None:
    """The class labels of ``layer``'s renderer (categories, ranges, raster colour classes) in English."""
    renderer = layer.renderer()
    if renderer is None:
        return
    if hasattr(renderer, "categories"):
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, english_label(category.label()))
    elif hasattr(renderer, "ranges"):
        for index, item in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, english_label(item.label()))
    elif hasattr(renderer, "shader") and renderer.shader() is not None:
        function = renderer.shader().rasterShaderFunction()
        if hasattr(function, "colorRampItemList"):
            items = function.colorRampItemList()
            for item in items:
                item.label = english_label(item.label)
            function.setColorRampItemList(items)
    elif hasattr(renderer, "classes"):  # paletted rasters
        for item in renderer.classes():
            renderer.setLabel(item.value, english_label(item.label))
