"""Raster plumbing of the analyses: strip-wise formulas over aligned inputs, zonal statistics."""
