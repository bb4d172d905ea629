"""QGIS ⇄ analysis adapters shared by the algorithms, the report and the GUI: areas and HTTP clients, features,
sinks and output fields, GeoPackage writing, ground-motion points and series, styles."""
