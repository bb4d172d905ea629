"""territoire:clay_shrink_swell — which buildings move with the droughts: clay exposure (Géorisques) × EGMS."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorLayer,
    QgsSpatialIndex,
)

from ...qgis_io.areas import LAMBERT93
from ...qgis_io.features import source_features
from ...qgis_io.geometry import flat_wkb
from ...qgis_io.sinks import add_features, output_feature, output_fields
from ...qgis_io.styles import style_on_load
from ...toolbelt.compat import DOUBLE, INT, TEXT
from ..base import InfrastructureAlgorithm

OUT_FIELDS = (("clay_high_pct", DOUBLE), ("clay_medium_pct", DOUBLE), ("clay_low_pct", DOUBLE),
              ("clay_worst", INT), ("clay_points", INT), ("clay_velocity", DOUBLE), ("clay_acceleration", DOUBLE),
              ("clay_amplitude", DOUBLE), ("clay_dry_drop", DOUBLE), ("clay_dry_years", TEXT),
              ("clay_differential", DOUBLE), ("clay_class", INT), ("clay_class_label", TEXT), ("clay_why", TEXT))


class ClayShrinkSwellAlgorithm(InfrastructureAlgorithm):
    POINTS = "POINTS"
    BUILDINGS = "BUILDINGS"
    EXPOSURE = "EXPOSURE"
    DECREES = "DECREES"
    BUFFER = "BUFFER"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "clay_shrink_swell"

    def displayName(self) -> str:
        return self.tr("Clay shrink-swell: buildings moving with the droughts")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>For each building: the share of its footprint in each class of the clay shrink-swell exposure map "
            "(from <i>download_georisques</i>) and the worst class; the EGMS points within its buffer (5 m), the "
            "date-by-date median of their displacement series, and from it the velocity, acceleration and seasonal "
            "amplitude, and the <b>motion of the dry summers</b> (late summer minus spring, the worst of the dry "
            "summers the series covers: those of the commune's drought decrees when given, else 2003, 2011, "
            "2015–2020, 2022, 2023); the spread of its points' velocities (uneven motion of the footprint).</p>"
            "<p><b>Classes</b> (they say where to look first, they prove no damage):<br>"
            "• <b>to inspect</b>: exposure medium or high, and a seasonal amplitude ≥ 3 mm, or a dry-summer drop "
            "≤ −4 mm, or a spread ≥ 3 mm/yr;<br>"
            "• <b>to watch</b>: exposure low or more, and an amplitude ≥ 2 mm, a dry-summer drop ≤ −2 mm, a "
            "velocity beyond ±2 mm/yr or a spread ≥ 3 mm/yr;<br>"
            "• <b>no sign</b>: the rest;<br>"
            "• <b>insufficient data</b>: fewer than 2 points, a series covering no dry summer, or no exposure "
            "known.</p><p>Where the thresholds come from: the exposure classes are the national map's (Code de la "
            "construction, art. R132-3; BRGM); ±2 mm/yr is the usual bound of stability for EGMS (velocity noise "
            "about 0.7 mm/yr); MT-InSAR measures the seasonal swing of swelling clay, several millimetres (Burnol "
            "et al., 2021, Atmosphere 12:1262, doi:10.3390/atmos12101262): 2 and 3 mm stand above the noise of a "
            "median of points, and count only in clay's phase (lowest at the end of summer: a building's thermal "
            "dilation rises in summer); the summers' motion is taken without the long-term trend; 3 mm/yr of spread "
            "is about four times the EGMS velocity noise; an uneven footprint cracks walls (Skempton &amp; "
            "MacDonald, 1956).</p><p>The buildings' height is not used: a building without one is classed like "
            "any other.</p>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.POINTS, self.tr("EGMS points (with displacement series)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXPOSURE, self.tr("Clay exposure (download_georisques, field code_exposition)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.DECREES, self.tr("CatNat decrees (download_georisques, table catnat)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterDistance(self.BUFFER, self.tr("Buffer around buildings"), 5.0,
                                                         minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Buildings and clay"), QgsProcessing.SourceType.TypeVectorPolygon))
        for name, title in (("INSPECT", self.tr("Buildings to inspect")), ("WATCH", self.tr("Buildings to watch")),
                            ("INSUFFICIENT", self.tr("Buildings with insufficient data")),
                            ("DROUGHT_DECREES", self.tr("Drought decrees"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ...analysis.ground_motion import clay
        from ...analysis.ground_motion.join import join_points, polygons_from_wkbs
        from ...analysis.ground_motion.wkb import shape_from_wkb
        from ...core.grid import check_cancel

        points = self.parameterAsVectorLayer(parameters, self.POINTS, context)
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        exposure = self.parameterAsSource(parameters, self.EXPOSURE, context)
        if buildings.featureCount() == 0:
            raise QgsProcessingException(self.tr("The buildings layer is empty."))
        if exposure.fields().indexOf("code_exposition") < 0:
            raise QgsProcessingException(self.tr(
                "The exposure layer has no field code_exposition: give the layer exposition_argiles made by "
                "download_georisques."))
        dates = self.series_dates(points)
        dry_years, decree_count = self.dry_years(parameters, context)
        feedback.pushInfo(self.tr("Dry summers looked at: {0}.").format(", ".join(str(y) for y in dry_years)))

        request = QgsFeatureRequest().setDestinationCrs(LAMBERT93, context.transformContext())
        features = list(source_features(buildings, context, request, feedback))
        shares, worst = self.exposure_shares(exposure, features, context, feedback)
        feedback.setProgress(30)
        x, y, velocities, series = self.read_points(points, dates, context, feedback)
        feedback.setProgress(50)
        wkbs = [flat_wkb(f.geometry()) if f.hasGeometry() else b"" for f in features]
        buffer = self.parameterAsDouble(parameters, self.BUFFER, context)
        shapes = polygons_from_wkbs(wkbs, buffer)  # plain one-ring polygons at once, else one by one
        valid = np.arange(len(wkbs))
        if shapes is None:
            shapes = [shape_from_wkb(wkb, {"polygon": buffer, "line": buffer, "point": buffer}) if wkb else None
                      for wkb in wkbs]
            valid = np.array([i for i, shape in enumerate(shapes) if shape is not None], np.int64)
            shapes = [shapes[i] for i in valid]
        pairs_asset, pairs_point = join_points(x, y, shapes, is_canceled=feedback.isCanceled)
        pairs_asset = valid[pairs_asset]
        n = len(features)
        counts = np.bincount(pairs_asset, minlength=n)
        medians = np.full((n, len(dates)), np.nan)
        starts = np.concatenate([[0], np.cumsum(counts)])
        for asset in np.flatnonzero(counts):
            if asset % 500 == 0:
                check_cancel(feedback.isCanceled)
            rows = series[pairs_point[starts[asset]:starts[asset + 1]]]
            with np.errstate(all="ignore"):
                medians[asset] = np.nanmedian(rows, axis=0)
        spread = clay.velocity_spread(pairs_asset, velocities[pairs_point], n)
        motion = clay.clay_motion(medians, dates, dry_years, is_canceled=feedback.isCanceled)
        feedback.setProgress(80)
        classes, signs = clay.risk_classes(worst, motion, spread, counts)
        labels = {0: self.tr("insufficient data"), 1: self.tr("no sign"), 2: self.tr("to watch"),
                  3: self.tr("to inspect")}
        fields, kept = output_fields(buildings.fields(), OUT_FIELDS)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, buildings.wkbType(),
                                                 LAMBERT93)
        covered = ", ".join(str(year) for year in motion.dry_years)
        rows = []
        for index, feature in enumerate(features):
            if index % 2000 == 0:
                check_cancel(feedback.isCanceled)
            rows.append(output_feature(fields, kept, feature, feature.geometry(), [
                *(float(v) for v in shares[index]), int(worst[index]) if worst[index] >= 0 else None,
                int(counts[index]), float(motion.velocity[index]), float(motion.acceleration[index]),
                float(motion.amplitude[index]), float(motion.dry_drop[index]), covered, float(spread[index]),
                int(classes[index]), labels[int(classes[index])], self.why(int(signs[index]))]))
        add_features(sink, rows, destination)
        result = {name: int((classes == code).sum()) for name, code in (
            ("INSPECT", clay.INSPECT), ("WATCH", clay.WATCH), ("INSUFFICIENT", clay.INSUFFICIENT))}
        feedback.pushInfo(self.tr("{0} buildings: {1} to inspect, {2} to watch, {3} with insufficient data.").format(
            n, result["INSPECT"], result["WATCH"], result["INSUFFICIENT"]))
        if not motion.dry_years:
            feedback.pushWarning(self.tr(
                "The EGMS series ({0} to {1}) covers none of the dry summers: every building is classed "
                "« insufficient data ». Use an EGMS release that covers a dry summer (e.g. 2018–2022).").format(
                dates[0], dates[-1]))
        style_on_load(context, destination, "clay_risk.qml", self.tr("Clay shrink-swell"))
        return {self.OUTPUT: destination, **result, "DROUGHT_DECREES": decree_count}

    def series_dates(self, points) -> list:
        from ...qgis_io.ground_motion import series_dates

        dates = series_dates(points)
        if not dates or points.fields().indexOf("displacement_mm") < 0:
            raise QgsProcessingException(self.tr(
                "The points have no displacement series (field displacement_mm and table egms_dates of an EGMS "
                "import): import the EGMS file with import_egms first."))
        return dates

    def dry_years(self, parameters, context) -> tuple[list, int]:
        """(dry summers, number of drought decrees): the years of the commune's drought decrees, else the
        national list."""
        from ...analysis.ground_motion.clay import NATIONAL_DRY_SUMMERS

        table = self.parameterAsVectorLayer(parameters, self.DECREES, context)
        years, count = set(), 0
        if table is not None and table.fields().indexOf("secheresse") >= 0:
            for feature in table.getFeatures():
                if feature["secheresse"] not in (1, True):
                    continue
                count += 1
                start, end = str(feature["debut"] or "")[:4], str(feature["fin"] or feature["debut"] or "")[:4]
                if start.isdigit() and end.isdigit():
                    years.update(range(int(start), int(end) + 1))
        return (sorted(years) if years else list(NATIONAL_DRY_SUMMERS)), count

    def exposure_shares(self, exposure, features, context, feedback):
        """(shares in % of each footprint in classes 3, 2, 1, worst class or -1) of every building."""
        import numpy as np

        request = QgsFeatureRequest().setDestinationCrs(LAMBERT93, context.transformContext())
        cells = {f.id(): f for f in source_features(exposure, context, request, feedback) if f.hasGeometry()}
        index = QgsSpatialIndex()
        for cell in cells.values():
            if not index.addFeature(cell):
                raise QgsProcessingException(self.tr("The exposure cell {0} cannot be indexed.").format(cell.id()))
        shares = np.zeros((len(features), 3))
        worst = np.full(len(features), -1, np.int32)
        for number, feature in enumerate(features):
            if number % 500 == 0 and feedback.isCanceled():
                break
            geometry = feature.geometry()
            area = geometry.area()
            if area <= 0:
                continue
            for cid in index.intersects(geometry.boundingBox()):
                code = cells[cid]["code_exposition"]
                if code in (None, "NULL") or str(code) == "NULL":
                    continue
                part = geometry.intersection(cells[cid].geometry()).area()
                if part <= 0:
                    continue
                code = int(code)
                worst[number] = max(worst[number], code)
                if code >= 1:
                    shares[number, 3 - code] += 100.0 * part / area
        return np.minimum(shares, 100.0), worst

    def read_points(self, layer, dates, context, feedback):
        """x, y (Lambert-93), velocity and series (points × dates) of the EGMS points."""
        import numpy as np

        from ...core.grid import check_cancel
        from ...sources.egms import read_series

        transform = QgsCoordinateTransform(layer.crs(), LAMBERT93, context.transformContext())
        velocity_index = layer.fields().indexOf("velocity")
        blob_index = layer.fields().indexOf("displacement_mm")
        request = QgsFeatureRequest().setSubsetOfAttributes([i for i in (velocity_index, blob_index) if i >= 0])
        xs, ys, velocities, rows = [], [], [], []
        for number, feature in enumerate(layer.getFeatures(request)):
            if number % 5000 == 0:
                check_cancel(feedback.isCanceled)
            if not feature.hasGeometry():
                continue
            point = QgsGeometry(feature.geometry())
            if point.transform(transform) != Qgis.GeometryOperationResult.Success:
                continue
            spot = point.asPoint()
            blob = feature.attribute(blob_index)
            values = np.full(len(dates), np.nan)
            if blob is not None and str(blob) != "NULL":
                read = read_series(bytes(blob)).astype(np.float64)
                values[:min(len(read), len(dates))] = read[:len(dates)]
            velocity = feature.attribute(velocity_index) if velocity_index >= 0 else None
            xs.append(spot.x())
            ys.append(spot.y())
            velocities.append(float(velocity) if velocity not in (None, "NULL") and str(velocity) != "NULL"
                              else np.nan)
            rows.append(values)
        if not rows:
            raise QgsProcessingException(self.tr("The EGMS points layer is empty."))
        return np.array(xs), np.array(ys), np.array(velocities), np.vstack(rows)

    def why(self, signs: int) -> str:
        from ...analysis.ground_motion import clay

        words = [(clay.SIGN_EXPOSURE, self.tr("clay exposure medium or high")),
                 (clay.SIGN_AMPLITUDE, self.tr("seasonal swing")), (clay.SIGN_DROP, self.tr("sinks in dry summers")),
                 (clay.SIGN_VELOCITY, self.tr("moving beyond ±2 mm/yr")),
                 (clay.SIGN_DIFFERENTIAL, self.tr("uneven footprint"))]
        return ", ".join(text for bit, text in words if signs & bit)
