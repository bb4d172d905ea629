#!/usr/bin/env python3
"""`make demo` (``python -m testing.demo``): the main job — a commune diagnostic of the sample town, offline.

Serves the sample town (Olemps, Aveyron) on 127.0.0.1 — API Géo, the Géoplateforme WFS, a STAC API
with Landsat COGs, INSEE's Filosofi grid — generated from the bundled sample, plus an EGMS file made
by the project's generator; points the plugin at these services, and runs
territoire:commune_diagnostic through Processing exactly as the panel and the toolbox do (the same
connector code: HTTP, cache, COG windows). Writes into the output folder the commune's GeoPackage,
QGIS project, PDF report and a PNG of the main map; then territoire:digital_twin_3d adds the 3D view to the
project and, with a display (`make demo` runs it under xvfb-run: QT_QPA_PLATFORM=xcb), its image
vue3d_<insee>.png. Prints where they are with a short summary.
Must run with Debian's /usr/bin/python3 (or a venv built on it) so PyQGIS imports.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsSettings  # noqa: E402
from qgis.PyQt.QtCore import QLocale  # noqa: E402


def start_qgis(profile: Path):
    """Headless QGIS on a profile of its own (the user's QGIS settings are not touched), French reports."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    profile.mkdir(parents=True, exist_ok=True)
    # A window system (xvfb-run, a desktop) when asked for: the 3D view's image needs OpenGL.
    app = QgsApplication([], os.environ.get("QT_QPA_PLATFORM") == "xcb", str(profile))
    app.initQgis()
    from territoire_plugin.plugin import TerritoirePlugin

    plugin = TerritoirePlugin(None)
    plugin.initProcessing()
    return app, plugin


def run(sample: Path, output: Path) -> dict:
    from territoire_plugin.diagnostic.workflow import default_last_summer

    from . import sample_town

    last = default_last_summer()
    server, env, built = sample_town.serve(output / "services", sample, [last - 2, last - 1, last])
    os.environ.update(env)
    QgsSettings().setValue("territoire/cache_dir", str(output / "cache"))
    QgsSettings().setValue("territoire/report_language", "fr")
    QgsSettings().setValue("territoire/report_notice", sample_town.NOTICE)
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:commune_diagnostic")
        from qgis.core import QgsProcessingContext, QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def setProgressText(self, text):  # noqa: N802 - Qt API
                print(f"  … {text}", flush=True)

        results, ok = algorithm.run({
            "COMMUNE": sample_town.NAME, "EGMS": str(built["egms"]), "POPULATION": built["population_url"],
            "OVERWRITE": True, "OUTPUT_FOLDER": str(output)}, QgsProcessingContext(), Feedback(), {}, False)
        if not ok or not results.get("REPORT"):
            raise SystemExit("the diagnostic did not complete")
        twin = QgsApplication.processingRegistry().createAlgorithmById("territoire:digital_twin_3d")
        made, ok = twin.run({"PROJECT": results["PROJECT"], "OVERWRITE": True}, QgsProcessingContext(), Feedback(),
                            {}, False)
        if not ok:
            raise SystemExit("the 3D view could not be added")
        results.update({"IMAGE_3D": made["IMAGE"], "RELIEF": made["RELIEF"]})
    finally:
        server.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", default=str(ROOT / "territoire_plugin" / "resources" / "sample"))
    parser.add_argument("--output", default=str(ROOT / "demo_output"))
    args = parser.parse_args(argv)
    output = Path(args.output).resolve()
    app, _plugin = start_qgis(output / ".qgis-profile")
    print("Territoire — démo : diagnostic de la commune d'Olemps (Aveyron), hors ligne")
    results = run(Path(args.sample), output)
    print()
    print("En bref :")
    for line in results["SUMMARY"].splitlines():
        print(f"  • {line}")
    print()
    print(f"  GeoPackage  : {results['GEOPACKAGE']}")
    print(f"  projet QGIS : {results['PROJECT']}   (ouvrez-le dans QGIS)")
    print(f"  rapport PDF : {results['REPORT']}")
    print(f"  carte PNG   : {results['MAP']}")
    shot = results["IMAGE_3D"] or "pas d'image sans écran (lancez sous xvfb-run)"
    print(f"  vue 3D      : {shot}   (et dans le projet : Vue ▸ Vues cartographiques 3D)")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
