"""Toolbox group "Partner data": the connectors (one file per algorithm id)."""
