"""core/wording.py against Qt's own French locale (CLDR), the numbers QGIS writes in its French interface."""

from __future__ import annotations

import random

from territoire_plugin.core import wording


def test_french_numbers_are_the_ones_qt_writes():
    from qgis.PyQt.QtCore import QLocale

    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    generator = random.Random(12174)
    values = [generator.uniform(-1e7, 1e7) for _ in range(500)] + [generator.uniform(-50, 50) for _ in range(500)]
    for value in values:
        for decimals in (0, 1, 2):
            expected = french.toString(value, "f", decimals)
            # Qt < 5.15 writes a plain no-break space for thousands, CLDR 34+ the narrow one: compare the digits.
            expected = expected.replace("\u00a0", "\u202f")
            if expected.startswith("-") and set(expected[1:]) <= set("0,"):
                expected = expected[1:]  # Qt writes "-0,0"; a report never does
            assert wording.number(value, "fr", decimals) == expected, (value, decimals)
