"""Processing provider and algorithms: thin wrappers from parameters to analysis/sources to styled outputs."""
