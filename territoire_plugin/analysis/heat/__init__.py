"""Urban overheating: heat islands, hot spots, exposure, greening scenarios, LST composites."""
