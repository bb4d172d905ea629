"""Small shared helpers: resource paths, settings, logger, translations."""
