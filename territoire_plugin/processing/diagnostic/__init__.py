"""Toolbox group "Diagnostic": the whole commune job as one algorithm."""
