"""The diagnostic's layer catalogue: one record per output layer, complete and consistent."""

from conftest import ROOT

from territoire_plugin.diagnostic import catalogue


def test_every_layer_has_a_topic_both_titles_and_an_existing_style():
    styles = ROOT / "territoire_plugin" / "resources" / "styles"
    assert len({layer.name for layer in catalogue.LAYERS}) == len(catalogue.LAYERS)
    for layer in catalogue.LAYERS:
        assert layer.topic in catalogue.TOPICS, layer
        assert layer.fr and layer.en, layer
        for kind in ("point", "line", "polygon"):
            style = catalogue.style(layer.name, kind)
            assert style is None or (styles / style).is_file(), (layer.name, style)
    assert catalogue.style("commune") is None and catalogue.style("nothing") is None
    assert catalogue.style("mouvement_batiment", "polygon") == "ground_motion_assets_polygon.qml"
    assert catalogue.style("mouvement_troncon_de_route", "line") == "ground_motion_assets_line.qml"


def test_the_workflow_writes_only_catalogued_layers():
    """Every layer name the commune workflow writes (a literal key of vectors/rasters, a BD TOPO layer, a
    motion layer) has a record."""
    import re

    code = (ROOT / "territoire_plugin" / "diagnostic" / "workflow.py").read_text(encoding="utf-8")
    written = set(re.findall(r'diagnostic\.(?:vectors|rasters)\["(\w+)"\]', code))
    bdtopo = (ROOT / "territoire_plugin" / "sources" / "wfs.py").read_text(encoding="utf-8")
    layer_names = set(re.findall(r'"\w+": "(\w+)"', bdtopo.split("LAYER_NAMES = ", 1)[1].split("}", 1)[0]))
    assert layer_names == {"batiment", "troncon_de_route", "troncon_de_voie_ferree", "pont", "pont_surface", "erp"}
    written |= layer_names | {f"mouvement_{name}" for name in layer_names - {"erp"}}
    assert written - set(catalogue.BY_NAME) == set()
    assert len(written) > 15


def test_words_and_order():
    fr, en = catalogue.words("fr"), catalogue.words("en")
    assert set(fr) == set(en) and fr["group_heat"] == "Surchauffe" and en["group_heat"] == "Urban overheating"
    assert catalogue.words("de") == fr  # another language: the French titles
    assert catalogue.order("commune") == 0 and catalogue.order("batiment") == len(catalogue.LAYERS) - 1
    assert catalogue.order("unknown") == len(catalogue.LAYERS)
    assert catalogue.order("points_chauds") < catalogue.order("lst")  # hot spots drawn above the temperature
