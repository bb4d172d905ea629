"""Writing QGIS vector layers into GeoPackages."""

from __future__ import annotations

from qgis.core import QgsProcessingException


def write_gpkg_layer(layer, path, layer_name: str, new_file: bool = True) -> None:
    """Write the vector ``layer`` as ``layer_name`` into the GeoPackage ``path``: a new file, or (``new_file``
    False) a layer added to it or replaced. Stops with a clear error if it cannot."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", layer_name
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if new_file
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path),
                                                                     QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise QgsProcessingException(f"cannot write {layer_name} into {path}: {message}")
