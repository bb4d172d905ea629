"""The PDF report of the commune diagnostic: texts (fr/en), content (figures, tables), charts, layout."""
