"""Numbers, plurals, spacing and commune names written as French (or English) writes them.

The one helper every part of the plugin uses for what a person reads: the report, the panel, the log,
the progress steps and the error messages. No qgis here, so the analysis layer can use it too; the
language is always passed in ("fr" or "en"; anything else is treated as English).

French rules followed (Imprimerie nationale, *Lexique des règles typographiques*; CLDR for numbers):
decimal comma (28,4), thousands grouped by a narrow no-break space (7 085), a no-break space before
« : » and the units « % » « °C », a narrow no-break space before « ; ? ! », no-break spaces inside « »,
a noun in the plural from 2 on (0 ouvrage, 1 ouvrage, 1,5 hectare, 2 ouvrages), and « de » elided or
contracted with the commune's name (d'Olemps, du Havre, des Abymes, de La Rochelle, de Rodez).
"""

from __future__ import annotations

import math
import re

NBSP = "\u00a0"  # no-break space: before « : », « % », « °C », inside « »
NNBSP = "\u202f"  # narrow no-break space: thousands, before « ; ? ! »

_VOWELS = "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆaeiouyàâäéèêëîïôöùûüœæ"
# Communes whose initial h is aspirated (no elision: « de Haguenau »); the others elide (« d'Hyères »).
# Names starting with « Haut » (Hautmont, Hauteville…) are aspirated too.
_H_ASPIRATED = {"haguenau", "hazebrouck", "hendaye", "hénin-beaumont", "halluin", "ham", "hayange", "hem",
                "houilles", "harnes", "haubourdin", "hagondange", "hombourg-haut", "hallennes-lez-haubourdin",
                "hérin", "hondschoote", "houplines", "hasparren", "hagetmau", "hambach", "hardricourt"}
_Y_CONSONANT = {"yutz", "yainville", "youx"}


def _english(language: str) -> bool:
    return language != "fr"


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    return separator.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def number(value, language: str, decimals: int = 1, signed: bool = False) -> str:
    """``value`` rounded to ``decimals``: 28,4 / 7 085 / +4,7 in French; 28.4 / 7,085 / +4.7 in English.

    Thousands are grouped from 1 000 on, as CLDR and QGIS's French locale do. NaN is written « – »."""
    value = float(value)
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return ("-" if value < 0 else "+" if signed else "") + "∞"
    text = f"{abs(value):.{max(0, int(decimals))}f}"
    whole, _, fraction = text.partition(".")
    negative = value < 0 and float(text) != 0
    english = _english(language)
    whole = _group(whole, "," if english else NNBSP)
    body = whole + (("." if english else ",") + fraction if fraction else "")
    sign = "-" if negative else ("+" if signed and float(text) != 0 else "")
    return sign + body


def integer(value, language: str) -> str:
    """A count: 7 085 in French, 7,085 in English."""
    return number(round(float(value)), language, 0)


def percent(value, language: str, decimals: int = 1) -> str:
    """``value`` already in percent: 96,0 % in French, 96.0% in English."""
    return number(value, language, decimals) + ("%" if _english(language) else NBSP + "%")


def celsius(value, language: str, decimals: int = 1, signed: bool = False) -> str:
    """28,4 °C in French, 28.4 °C in English (both with a no-break space)."""
    return number(value, language, decimals, signed) + NBSP + "°C"


def is_plural(value, language: str) -> bool:
    """French takes the plural from 2 on (0 and 1,5 are singular); English for anything but 1."""
    value = abs(float(value))
    return value != 1 if _english(language) else value >= 2


def plural(value, singular: str, plural_form: str, language: str) -> str:
    """The word alone, singular or plural for ``value``."""
    return plural_form if is_plural(value, language) else singular


def count(value, singular: str, plural_form: str, language: str, decimals: int = 0) -> str:
    """« 1 ouvrage », « 2 ouvrages », « 7 085 habitants », « 1,5 hectare » (no-break space between)."""
    shown = number(value, language, decimals) if decimals else integer(value, language)
    return shown + NBSP + plural(round(float(value), decimals), singular, plural_form, language)


def join(items, language: str) -> str:
    """« bâtiments, routes et ponts » / "buildings, roads and bridges"."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    word = " and " if _english(language) else " et "
    return ", ".join(items[:-1]) + word + items[-1]


_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$)")
_BEFORE_TALL = re.compile(r"[ \u00a0\u202f]+([;?!])")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
_UNIT = re.compile(r"(?<=[\d}]) (%|°C|mm/an|mm|ha|m|km|km²|ans?|hab\.)(?=[\s.,;:!?)]|$)")


def typography(text: str, language: str) -> str:
    """French spacing applied to ``text``: no-break spaces before « : », « ; ? ! » and units, inside « ».

    Only spaces already written are turned into no-break ones (a colon in "https://" is left alone). English
    text is returned as it is.
    """
    if _english(language) or not text:
        return text
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_TALL.sub(NNBSP + r"\1", text)
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    text = _CLOSE_QUOTE.sub(NBSP + "»", text)
    return _UNIT.sub(NBSP + r"\1", text)


def _elides(name: str) -> bool:
    first = name[:1]
    if not first:
        return False
    if first in "Hh":
        lower = name.lower()
        return lower not in _H_ASPIRATED and not lower.startswith("haut")
    if first in "Yy":  # « d'Yvetot », « d'Yerres », but « de Yutz »
        return name.lower() not in _Y_CONSONANT
    return first in _VOWELS


def of_place(name: str, language: str) -> str:
    """« de » and the commune's name, elided or contracted: d'Olemps, du Havre, des Abymes, de La Rochelle.

    English: the name as it is ("Diagnostic of Le Havre" reads well enough).
    """
    name = name.strip()
    if _english(language):
        return name
    if name.startswith(("Le ", "Le-")):
        return "du " + name[3:]
    if name.startswith(("Les ", "Les-")):
        return "des " + name[4:]
    return ("d'" if _elides(name) else "de ") + name


def at_place(name: str, language: str) -> str:
    """« à » and the name: à Olemps, au Havre, aux Abymes, à La Rochelle; "in Le Havre" in English."""
    name = name.strip()
    if _english(language):
        return "in " + name
    if name.startswith(("Le ", "Le-")):
        return "au " + name[3:]
    if name.startswith(("Les ", "Les-")):
        return "aux " + name[4:]
    return "à " + name


class LocalFloat(float):
    """A float that ``str.format`` writes in ``language`` (decimal comma in French), whatever the format spec:
    lets a message template such as "{size:.1f} Mo" come out as « 2,5 Mo » without changing the template."""

    language = "fr"

    def __new__(cls, value, language: str = "fr"):
        self = super().__new__(cls, value)
        self.language = language
        return self

    def __format__(self, spec: str) -> str:
        text = float.__format__(float(self), spec) if spec else repr(float(self))
        if _english(self.language):
            return text
        return text.replace(",", NNBSP).replace(".", ",")

    def __str__(self) -> str:
        return self.__format__("")


def localised(params: dict, language: str) -> dict:
    """``params`` with every float (not bool, not int) wrapped as a :class:`LocalFloat` of ``language``."""
    return {key: LocalFloat(value, language) if isinstance(value, float) else value for key, value in params.items()}
