"""Ground motion: EGMS points joined to assets, statistics, differential settlement, trends, corridors."""
