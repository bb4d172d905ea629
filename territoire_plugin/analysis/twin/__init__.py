"""The commune's digital twin in 3D: what the scene is made of (building heights, trees), without QGIS."""
