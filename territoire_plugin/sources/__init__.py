"""One module per partner service (API Géo, Géoplateforme WFS, STAC, EGMS…): fetch, parse, validate."""
