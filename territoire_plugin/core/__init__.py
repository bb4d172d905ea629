"""No QGIS here: errors, files (atomic output, safe zip/CSV), GDAL grid helpers. Imports nothing of the plugin."""
