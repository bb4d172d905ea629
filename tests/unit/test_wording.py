"""The one wording helper: French numbers, plurals, spacing and commune names (core/wording.py)."""

from __future__ import annotations

import pytest

from territoire_plugin.core import wording as w

NB, NN = "\u00a0", "\u202f"


@pytest.mark.parametrize("value, decimals, signed, fr, en", [
    (28.44, 1, False, "28,4", "28.4"),
    (96.0, 1, False, "96,0", "96.0"),
    (7085, 0, False, f"7{NN}085", "7,085"),
    (1234567.891, 2, False, f"1{NN}234{NN}567,89", "1,234,567.89"),
    (999, 0, False, "999", "999"),
    (4.72, 1, True, "+4,7", "+4.7"),
    (-12.35, 1, False, "-12,3", "-12.3"),  # -12.35 is -12.3499… in binary: Python's own rounding
    (-0.04, 1, True, "0,0", "0.0"),  # no "-0,0", no "+0,0"
    (-4321.5, 0, False, f"-4{NN}322", "-4,322"),
])
def test_numbers(value, decimals, signed, fr, en):
    assert w.number(value, "fr", decimals, signed) == fr
    assert w.number(value, "en", decimals, signed) == en
    # The English form is Python's own "," format: the grouping and rounding are not ours to get wrong.
    python = format(value, f"{'+' if signed and round(value, decimals) else ''},.{decimals}f")
    assert en == python.replace("-0.0", "0.0")


def test_not_a_number_and_units():
    assert w.number(float("nan"), "fr") == "–"
    assert w.percent(96, "fr") == f"96,0{NB}%" and w.percent(96, "en") == "96.0%"
    assert w.celsius(28.44, "fr") == f"28,4{NB}°C" and w.celsius(28.44, "en") == f"28.4{NB}°C"
    assert w.integer(22768.6, "fr") == f"22{NN}769"


@pytest.mark.parametrize("value, fr, en", [
    (0, f"0{NB}ouvrage", f"0{NB}assets"), (1, f"1{NB}ouvrage", f"1{NB}asset"),
    (2, f"2{NB}ouvrages", f"2{NB}assets"), (41, f"41{NB}ouvrages", f"41{NB}assets"),
    (7085, f"7{NN}085{NB}ouvrages", f"7,085{NB}assets"),
])
def test_plurals(value, fr, en):
    assert w.count(value, "ouvrage", "ouvrages", "fr") == fr
    assert w.count(value, "asset", "assets", "en") == en


def test_plural_of_decimals_follows_french_rules():
    assert w.count(1.5, "hectare", "hectares", "fr", 1) == f"1,5{NB}hectare"
    assert w.count(2.0, "hectare", "hectares", "fr", 1) == f"2,0{NB}hectares"
    assert w.count(1.5, "hectare", "hectares", "en", 1) == f"1.5{NB}hectares"


@pytest.mark.parametrize("name, de, a", [
    ("Olemps", "d'Olemps", "à Olemps"), ("Le Havre", "du Havre", "au Havre"),
    ("Les Abymes", "des Abymes", "aux Abymes"), ("Rodez", "de Rodez", "à Rodez"),
    ("La Rochelle", "de La Rochelle", "à La Rochelle"), ("L'Haÿ-les-Roses", "de L'Haÿ-les-Roses", "à L'Haÿ-les-Roses"),
    ("Évry-Courcouronnes", "d'Évry-Courcouronnes", "à Évry-Courcouronnes"), ("Hyères", "d'Hyères", "à Hyères"),
    ("Haguenau", "de Haguenau", "à Haguenau"), ("Hautmont", "de Hautmont", "à Hautmont"),
    ("Yvetot", "d'Yvetot", "à Yvetot"), ("Yutz", "de Yutz", "à Yutz"), ("Albi", "d'Albi", "à Albi"),
    ("Œting", "d'Œting", "à Œting"), ("Les Sables-d'Olonne", "des Sables-d'Olonne", "aux Sables-d'Olonne"),
    ("Lesquin", "de Lesquin", "à Lesquin"), ("Levallois-Perret", "de Levallois-Perret", "à Levallois-Perret"),
])
def test_commune_names(name, de, a):
    assert w.of_place(name, "fr") == de
    assert w.at_place(name, "fr") == a
    assert w.of_place(name, "en") == name and w.at_place(name, "en") == "in " + name


def test_french_spacing():
    text = "Attention : voir « ici » ; vraiment ? oui ! 28,4 °C, 96,0 % et 12 ha. https://api.example.fr:443/a"
    assert w.typography(text, "fr") == (
        f"Attention{NB}: voir «{NB}ici{NB}»{NN}; vraiment{NN}? oui{NN}! 28,4{NB}°C, 96,0{NB}% et 12{NB}ha. "
        "https://api.example.fr:443/a")
    assert w.typography(text, "en") == text
    assert w.typography(w.typography(text, "fr"), "fr") == w.typography(text, "fr")  # idempotent


def test_join():
    assert w.join(["bâtiments", "routes", "ponts"], "fr") == "bâtiments, routes et ponts"
    assert w.join(["buildings", "roads"], "en") == "buildings and roads"
    assert w.join(["ponts"], "fr") == "ponts"


def test_message_parameters_take_the_decimal_comma_whatever_the_template_says():
    params = w.localised({"size": 2.54, "ratio": 0.5, "big": 12345.0, "line": 12345, "flag": True}, "fr")
    assert "{size:.1f} Mo, {ratio}, {big:,.0f}, ligne {line}, {flag}".format(**params) == (
        f"2,5 Mo, 0,5, 12{NN}345, ligne 12345, True")
    english = w.localised({"size": 2.54}, "en")
    assert "{size:.1f} MB".format(**english) == "2.5 MB"


def test_every_french_translation_reads_as_french():
    """The interface's French (i18n/territoire_fr.ts) keeps French spacing and has no "(s)" plural."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "territoire_plugin" / "i18n" / "territoire_fr.ts"
    translations = [m.find("translation").text or "" for m in ET.parse(ts).getroot().iter("message")]
    assert len(translations) > 300
    not_french = [t for t in translations if w.typography(t, "fr") != t]
    assert not not_french, not_french[:5]
    assert not [t for t in translations if "(s)" in t or "(e)" in t]
