"""What a commune diagnostic produced, and the facts its report tells (no QGIS object)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Facts:
    """The facts of a run that are not in its layers."""

    #: Product ids of the Landsat scenes the summer median is made of.
    landsat: list = field(default_factory=list)
    #: (first, last) summer of the period, or None without an overheating analysis.
    period: tuple | None = None
    #: Sensitive buildings (schools, nursing homes, crèches…) among the exposed ones.
    sensitive: int = 0
    #: Per ground-motion layer, (assets on alert, assets to watch); None without an infrastructure analysis.
    motion: dict | None = None
    #: Name of the EGMS file the ground motion comes from ("" without one).
    egms_file: str = ""
    #: Clay shrink-swell: {"inspect", "watch", "insufficient": buildings; "decrees": [(start, end, peril,
    #: drought)] newest first}; None without it.
    clay: dict | None = None


@dataclass
class Diagnostic:
    """What the chain produced (paths inside the work folder) and the facts the report tells."""

    insee: str
    name: str
    work: Path
    vectors: dict = field(default_factory=dict)  # GeoPackage layer name -> (source URI, style file)
    rasters: dict = field(default_factory=dict)  # raster table name -> (path, style file)
    tables: dict = field(default_factory=dict)  # table name -> source URI (no geometry, not in the project)
    facts: Facts = field(default_factory=Facts)
    warnings: list = field(default_factory=list)
