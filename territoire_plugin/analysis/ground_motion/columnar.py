"""Point and geometry layers read column by column through GDAL's Arrow interface (no QGIS)."""

from __future__ import annotations

import numpy as np

#: GDAL's NumPy reading of Arrow batches can fail inside its binding: QGIS 3.40's window (GDAL 3.10) once raised
#: « <built-in function _RecordBatchAsNumpy> returned a result with an exception set » (a SystemError) in the middle
#: of a commune diagnostic. The columnar read is only a faster path: the caller then reads feature by feature.
_BINDING_FAILURE = SystemError


def _columnar_layer(path: str, layer_name: str | None, fields: list[str]):
    """(dataset, layer) opened for GDAL's Arrow interface with only ``fields`` read, or None when the layer
    cannot be read that way. Keep the dataset while the layer is used. In the batches, a layer without named
    FID or geometry columns (e.g. a shapefile) has them as OGC_FID and wkb_geometry."""
    from osgeo import ogr

    source = ogr.Open(path)
    layer = None if source is None else source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None
    definition = layer.GetLayerDefn()
    layer.SetIgnoredFields([name for name in (definition.GetFieldDefn(i).GetName()
                                              for i in range(definition.GetFieldCount())) if name not in fields])
    return source, layer


def read_points_columnar(path: str, layer_name: str | None, fields: list[str]):
    """(x, y, {field: values}) of a point layer read column by column through GDAL's Arrow interface,
    or None when the layer cannot be read that way (the caller then reads feature by feature)."""
    try:
        opened = _columnar_layer(path, layer_name, fields)
        if opened is None:
            return None
        source, layer = opened
        xs, ys, columns = [], [], {name: [] for name in fields}
        geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
        for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
            wkb = batch.get(geometry_column)
            if wkb is None or np.ma.is_masked(wkb) or wkb.dtype.kind != "V" or wkb.dtype.itemsize not in (21, 29):
                return None  # null geometries or not plain points: read feature by feature
            # Each WKB read in place as a record: byte order, type, x, y (a z after them is left unread).
            point = np.ma.getdata(wkb).view(np.dtype({"names": ["order", "kind", "x", "y"],
                                                        "formats": ["u1", "<u4", "<f8", "<f8"],
                                                        "offsets": [0, 1, 5, 13], "itemsize": wkb.dtype.itemsize}))
            if not ((point["order"] == 1).all() and (point["kind"] % 1000 == 1).all()):  # little-endian points
                return None
            xs.append(point["x"].astype(np.float64))
            ys.append(point["y"].astype(np.float64))
            for name in fields:
                # A null value reads as NaN, as in the feature-by-feature read (not as the 0 under the mask).
                columns[name].append(np.ma.filled(np.ma.asarray(batch[name]).astype(np.float64), np.nan))
        del layer, source  # the layer first, then its dataset
    except (RuntimeError, KeyError, ValueError, _BINDING_FAILURE):
        return None
    if not xs:
        return np.empty(0), np.empty(0), {name: np.empty(0) for name in fields}
    return np.concatenate(xs), np.concatenate(ys), {name: np.concatenate(v) for name, v in columns.items()}


def read_geometries_columnar(path: str, layer_name: str | None):
    """(feature ids, WKB of each geometry or None) of a layer read through GDAL's Arrow interface, without
    its attributes; None when the layer cannot be read that way."""
    try:
        opened = _columnar_layer(path, layer_name, [])
        if opened is None:
            return None
        source, layer = opened
        fid_column, geometry_column = layer.GetFIDColumn() or "OGC_FID", layer.GetGeometryColumn() or "wkb_geometry"
        fids, wkbs = [], []
        for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
            fids.append(np.ma.getdata(batch[fid_column]).astype(np.int64))
            geometries = batch[geometry_column]
            values = np.ma.getdata(geometries).tolist()
            if np.ma.is_masked(geometries):  # null geometries
                values = [None if null else value for value, null in zip(values, np.ma.getmaskarray(geometries))]
            wkbs.extend(values)
        del layer, source  # the layer first, then its dataset
    except (RuntimeError, KeyError, ValueError, _BINDING_FAILURE):
        return None
    return (np.concatenate(fids) if fids else np.empty(0, np.int64)), wkbs
