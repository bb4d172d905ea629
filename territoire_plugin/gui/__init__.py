"""Toolbar, menu, panel and dialogs. Long work runs in Processing or QgsTask, never on the GUI thread."""
