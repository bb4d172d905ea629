"""Landsat and Sentinel-2 products: metadata, land surface temperature (Level-2 and Level-1), NDVI."""
