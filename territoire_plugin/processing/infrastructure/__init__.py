"""Toolbox group "Infrastructure monitoring" (one file per algorithm id)."""
