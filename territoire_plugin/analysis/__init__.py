"""Pure numpy + GDAL science. Nothing in this package may import ``qgis``.

Everything here is unit-testable without QGIS and works window by window so
that a full Landsat or Sentinel-2 scene runs in bounded memory.
"""
