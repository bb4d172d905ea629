"""Ground-motion points and assets between QGIS and the analysis: shapes from QGIS geometries, points read by
columns (GDAL) or feature by feature, EGMS displacement series near a geometry."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsWkbTypes

#: Default buffer (m) around each kind of asset: a building's footprint, a road's or railway's axis, a point.
DEFAULT_BUFFERS = {"polygon": 5.0, "line": 15.0, "point": 20.0}


def linear_wkb(geometry: QgsGeometry, curved: bool = True) -> bytes:
    """The WKB of a geometry, curves segmentized (``curved=False``: the layer's type has none, skip the test)."""
    if curved and QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return bytes(geometry.asWkb())


def shape_of(geometry: QgsGeometry, buffers: dict):
    """The analysis :class:`Shape` of a QGIS geometry (curves segmentized), or None if null or empty."""
    from ..analysis.ground_motion.wkb import shape_from_wkb

    wkb = linear_wkb(geometry)
    return shape_from_wkb(wkb, buffers) if wkb else None


def columnar_file(layer, definition=None):
    """(path, layer name) of ``layer`` when it is a whole OGR file layer (read by columns through GDAL, fast at
    EGMS scale), else None. ``definition``: the Processing parameter value it came from (a selection or a
    feature limit rules the columnar read out)."""
    if (layer is None or layer.providerType() != "ogr" or layer.subsetString()
            or getattr(definition, "selectedFeaturesOnly", False)
            or getattr(definition, "featureLimit", -1) not in (-1, None)):
        return None
    parts = layer.source().split("|")
    return parts[0], next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)


def points_by_columns(file, fields, source_wkt: str, target_wkt: str, same_crs: bool):
    """(x, y, {field: values}) of the points of ``file`` read by columns through GDAL, in the target CRS; None
    when they cannot be read so. Uses no QGIS object: may run in a worker thread."""
    import numpy as np

    from ..analysis.ground_motion.columnar import read_points_columnar
    from ..core.grid import transformation

    columnar = read_points_columnar(file[0], file[1], fields) if file else None
    if columnar is None:
        return None
    x, y, columns = columnar
    if not same_crs and x.size:
        moved = np.asarray(transformation(source_wkt, target_wkt).TransformPoints(np.column_stack([x, y])))
        x, y = moved[:, 0], moved[:, 1]
    return x, y, columns


def read_points(points, fields, crs, feedback, context, file=None):
    """(x, y, {field: values}) of the points in ``crs``: columnar through GDAL when the points are a whole
    file layer (``file``, from :func:`columnar_file`; fast at EGMS scale), feature by feature otherwise. A
    multipoint gives each of its points; a feature without geometry is left out.
    (None, None, None) if cancelled."""
    import numpy as np

    same_crs = points.sourceCrs() == crs
    columnar = points_by_columns(file, fields, points.sourceCrs().toWkt(), crs.toWkt(), same_crs) if file else None
    if columnar is not None:
        return columnar
    from .features import source_features

    transform = QgsCoordinateTransform(points.sourceCrs(), crs, context.transformContext())
    request = QgsFeatureRequest().setSubsetOfAttributes(fields, points.fields())
    xs, ys, columns = [], [], {name: [] for name in fields}
    for feature in source_features(points, context, request, feedback):
        if feedback.isCanceled():
            return None, None, None
        geometry = feature.geometry()
        if geometry.isEmpty():  # null or empty: a point without location, within no asset's buffer
            continue
        values = [feature[name] for name in fields]
        for point in geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]:
            if not same_crs:
                point = transform.transform(point)
            xs.append(point.x())
            ys.append(point.y())
            for name, value in zip(fields, values):
                columns[name].append(float(value) if value is not None and str(value) != "NULL" else np.nan)
    return np.array(xs), np.array(ys), columns


def series_dates(layer) -> list[str] | None:
    """The dates of the EGMS series, from the table ``egms_dates`` of the layer's GeoPackage."""
    from osgeo import ogr

    path = layer.source().split("|")[0]
    if not path.lower().endswith(".gpkg") or not Path(path).exists():
        return None
    source = ogr.Open(path)
    table = source.GetLayerByName("egms_dates") if source else None
    if table is None:
        return None
    rows = sorted((feature.GetField("position"), feature.GetField("date")) for feature in table)
    source = None
    return [day.replace("/", "").replace("-", "") for _, day in rows]


def series_near(points, geometry, geometry_crs, buffer: float, count: int, transform_context):
    """The displacement series (``count`` values, mm) of the EGMS points of ``points`` within ``buffer`` of
    ``geometry`` (given in ``geometry_crs``), one array per point; None if the zone cannot be put in the
    points' CRS. Points without a series, or with a shorter one, are left out."""
    import numpy as np
    from qgis.core import Qgis, QgsCoordinateTransform, QgsFeatureRequest

    from ..sources.egms import read_series

    zone = geometry.buffer(buffer, 8)
    transform = QgsCoordinateTransform(geometry_crs, points.crs(), transform_context)
    if zone.transform(transform) != Qgis.GeometryOperationResult.Success:
        return None
    index = points.fields().indexOf("displacement_mm")
    series = []
    for feature in points.getFeatures(QgsFeatureRequest().setFilterRect(zone.boundingBox())):
        blob = feature.attribute(index) if index >= 0 else None
        if blob is None or str(blob) == "NULL" or not zone.intersects(feature.geometry()):
            continue
        values = read_series(bytes(blob)).astype(np.float64)[:count]
        if values.size == count:
            series.append(values)
    return series


def median_series(series):
    """The date-by-date median of point series (one row per point), gaps ignored."""
    import numpy as np

    stack = np.vstack(series)
    with np.errstate(all="ignore"):
        return np.nanmedian(stack, axis=0) if np.isfinite(stack).any() else stack[0]
