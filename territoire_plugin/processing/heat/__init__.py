"""Toolbox group "Urban overheating" (one file per algorithm id)."""
