"""The files an algorithm's run will write, checked before it starts and cleaned up if it does not finish.

Every Territoire algorithm with a file output gets a last parameter REPLACE ("Replace existing output files",
off by default): an output file that already exists is refused before any work, with a message naming it (the
project's rule: an existing file is never silently overwritten, in the dialog, in a batch, in qgis_process).
A run that fails or is cancelled removes the output files it created (and their side files: GeoPackage
journals, shapefile parts, GDAL's .aux.xml), so a failed run leaves the folder as it found it. Folder outputs
(downloads) are not concerned: they keep what was finished, for the next run to resume.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from qgis.core import QgsProcessingException, QgsProcessingParameterBoolean
from qgis.PyQt.QtCore import QCoreApplication

REPLACE = "REPLACE"

#: Destination parameter types whose value is one file (not a folder).
FILE_DESTINATIONS = ("fileDestination", "rasterDestination", "vectorDestination", "sink")
#: Files a format writes beside the main one.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".aux.xml", ".ovr", ".msk")
SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qmd", ".sbn", ".sbx", ".qix")


def add_replace_parameter(algorithm) -> None:
    """The REPLACE parameter, last, for an algorithm with at least one file output (and none of its own)."""
    definitions = algorithm.parameterDefinitions()
    if algorithm.parameterDefinition(REPLACE) is not None or algorithm.parameterDefinition("OVERWRITE") is not None:
        return
    if any(d.isDestination() and d.type() in FILE_DESTINATIONS for d in definitions):
        algorithm.addParameter(QgsProcessingParameterBoolean(  # noqa: QGS201 - a fixed, unique name
            REPLACE, QCoreApplication.translate("TerritoireOutputs", "Replace existing output files"),
            defaultValue=False))


def output_files(algorithm, parameters: dict, context) -> list[Path]:
    """The files the run will write: one per file destination given a file (not memory:, not a database).
    A temporary output (TEMPORARY_OUTPUT) is given its file name here, written back into ``parameters``, so
    that the algorithm writes the very file that is checked and cleaned up."""
    from qgis.core import QgsProcessing, QgsProcessingOutputLayerDefinition, QgsProperty

    files = []
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if definition.type() not in FILE_DESTINATIONS or not parameters.get(name):
            continue
        try:
            if definition.type() == "fileDestination":
                value = algorithm.parameterAsFileOutput(parameters, name, context)
            else:
                value = algorithm.parameterAsOutputLayer(parameters, name, context)
        except QgsProcessingException:
            continue
        given = parameters[name]
        sink = given.sink.staticValue() if isinstance(given, QgsProcessingOutputLayerDefinition) else given
        if sink == QgsProcessing.TEMPORARY_OUTPUT and value:
            if isinstance(given, QgsProcessingOutputLayerDefinition):
                given = QgsProcessingOutputLayerDefinition(given)
                given.sink = QgsProperty.fromValue(value)
                parameters[name] = given
            else:
                parameters[name] = value
        path = _file_of(value)
        if path is not None:
            files.append(path)
    return files


def _file_of(value: str) -> Path | None:
    value = (value or "").strip()
    if not value or value.startswith(("memory:", "postgis:", "postgres:", "spatialite:", "mssql:", "oracle:")):
        return None
    if value.startswith("ogr:"):  # ogr:dbname='/path/x.gpkg' table="t" (geom): a layer in a database file
        inside = value.split("dbname=", 1)[-1].strip()
        quote = inside[:1] if inside[:1] in "'\"" else ""
        value = inside[1:].split(quote, 1)[0] if quote else inside.split(" ", 1)[0]
    return Path(value.split("|", 1)[0])


def refuse_unwritable(files: list[Path]) -> None:
    """Stop before any work if an output cannot be written where it is asked: a path too long for the system,
    a folder that does not exist, a "folder" that is a file."""
    import os

    for path in files:
        longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
        if longest > 255 or len(str(path)) > 4095 or (os.name == "nt" and len(str(path)) > 259):
            raise QgsProcessingException(QCoreApplication.translate(
                "TerritoireOutputs", "The output path is too long ({0} characters, at most {1} per name): "
                "choose a shorter folder or file name.").format(len(str(path)), 255))
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            raise QgsProcessingException(QCoreApplication.translate(
                "TerritoireOutputs", "{0} is a file, not a folder: choose a folder for the output {1}.").format(
                    folder, path.name))
        if folder != path.parent:
            raise QgsProcessingException(QCoreApplication.translate(
                "TerritoireOutputs", "The output folder {0} does not exist. Create it or choose another "
                "folder.").format(path.parent))


def refuse_existing(algorithm, parameters, context, files: list[Path]) -> None:
    """Stop before any work if an output file exists and REPLACE is not ticked."""
    if algorithm.parameterDefinition(REPLACE) is None or algorithm.parameterAsBoolean(parameters, REPLACE, context):
        return
    existing = [path for path in files if path.exists()]
    if existing:
        raise QgsProcessingException(QCoreApplication.translate(
            "TerritoireOutputs", "{0} already exists and was left as it is. Choose another file name, or tick "
            "\"Replace existing output files\" to replace it.").format(existing[0]))


def snapshot(files: list[Path]) -> set[Path]:
    """The output files, and their side files, that exist before the run."""
    return {path for path in _with_side_files(files) if path.exists()}


def remove_created(files: list[Path], before: set[Path]) -> None:
    """Remove the output files (and side files) the run created: what existed before is kept."""
    for path in _with_side_files(files):
        if path not in before:
            with contextlib.suppress(OSError):
                path.unlink()


def _with_side_files(files: list[Path]) -> list[Path]:
    every = []
    for path in files:
        every.append(path)
        every.extend(Path(str(path) + suffix) for suffix in SIDE_SUFFIXES)
        if path.suffix.lower() == ".shp":
            every.extend(path.with_suffix(suffix) for suffix in SHAPEFILE_PARTS)
    return every
