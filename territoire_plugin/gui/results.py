"""The diagnostic's results added to the current project: the commune's group, its map themes and the
basemap, copied from the project the diagnostic wrote; then the map zooms to the commune."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateTransform, QgsLayerDefinition, QgsProject


def add_results(project_file: str, iface) -> None:
    """Copy the commune's group, its map themes and the basemap from the written project into the current
    project (replacing an older group of the same commune), then zoom to the commune."""
    from ..diagnostic.project import add_map_themes

    source = QgsProject()
    if not source.read(project_file):
        raise OSError(f"cannot read {project_file}")
    source_root = source.layerTreeRoot()
    group, basemap = source_root.children()[0], source_root.children()[-1]
    project = QgsProject.instance()
    was_empty = not project.mapLayers()
    root = project.layerTreeRoot()
    old = root.findGroup(group.name())
    if old is not None:
        layer_ids = old.findLayerIds()
        root.removeChildNode(old)
        project.removeMapLayers(layer_ids)
    definition = Path(project_file).with_suffix(".qlr")
    try:
        written, error = QgsLayerDefinition.exportLayerDefinition(str(definition), [group])
        if not written:
            raise OSError(f"cannot write {definition}: {error}")
        loaded, error = QgsLayerDefinition.loadLayerDefinition(str(definition), project, root)
        if not loaded:
            raise OSError(error)
    finally:
        definition.unlink(missing_ok=True)
    added = root.findGroup(group.name())
    root.insertChildNode(0, added.clone())
    root.removeChildNode(added)
    added = root.children()[0]
    if root.findGroup(basemap.name()) is None:
        for layer_node in basemap.findLayers():
            if layer_node.layer().providerType() != "wms":  # the report's Plan IGN image: the live layer is there
                continue
            layer = layer_node.layer().clone()
            if project.addMapLayer(layer, False) is None:
                raise OSError(f"cannot add {layer.name()}")
            base = root.findGroup(basemap.name()) or root.addGroup(basemap.name())
            base.addLayer(layer).setItemVisibilityChecked(layer_node.itemVisibilityChecked())
    add_map_themes(project, added)
    commune = next((n.layer() for n in added.findLayers() if n.layer() and
                    n.layer().source().endswith("layername=commune")), None)
    if commune is not None and was_empty:
        project.setCrs(commune.crs())  # a new project takes Lambert-93 rather than the first basemap's CRS
    if commune is not None and iface is not None:
        # QGIS sets up the canvas (full extent, CRS) on a project's first layers when it syncs the canvas with
        # the layer tree, later on: sync now, so the zoom below is not undone.
        bridge = getattr(iface, "layerTreeCanvasBridge", lambda: None)()
        if bridge is not None:
            bridge.setCanvasLayers()
        canvas = iface.mapCanvas()
        if was_empty:
            canvas.setDestinationCrs(commune.crs())
        transform = QgsCoordinateTransform(commune.crs(), canvas.mapSettings().destinationCrs(), project)
        extent = transform.transformBoundingBox(commune.extent())
        extent.scale(1.1)
        canvas.setExtent(extent)
        canvas.refresh()
    source.clear()
