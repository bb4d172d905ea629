"""The commune diagnostic's own knowledge (no QGIS object): what it writes, and how it is shown."""
