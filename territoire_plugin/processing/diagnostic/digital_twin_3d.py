"""territoire:digital_twin_3d — the commune's digital twin in 3D, added to its diagnostic's project.

The work is :func:`territoire_plugin.diagnostic.twin.make_twin`; this algorithm reads the parameters and reports.
It runs on QGIS's main thread (the image is drawn with OpenGL, whose offscreen surfaces Qt makes there only).
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ...diagnostic.twin import THEMES, make_twin
from ...toolbelt.compat import ALGORITHM_NO_THREADING
from ..base import TerritoireAlgorithm


class DigitalTwin3dAlgorithm(TerritoireAlgorithm):
    PROJECT = "PROJECT"
    THEME = "THEME"
    OVERWRITE = "OVERWRITE"

    def name(self) -> str:
        return "digital_twin_3d"

    def displayName(self) -> str:
        return self.tr("Digital twin in 3D (commune diagnostic)")

    def group(self) -> str:
        return self.tr("Diagnostic")

    def groupId(self) -> str:
        return "diagnostic"

    def flags(self):
        return super().flags() | ALGORITHM_NO_THREADING

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Adds to a commune diagnostic's project (<i>territoire_&lt;INSEE&gt;.qgz</i>) a <b>3D view</b> of the "
            "commune: the IGN relief (Géoplateforme: LiDAR HD terrain model where published, RGE ALTI elsewhere; "
            "cached, saved as <i>relief_&lt;INSEE&gt;.tif</i>), the BD TOPO buildings extruded by their height "
            "(<i>hauteur</i>; without it, storeys × 3 m; without either, one storey, 3 m — counted in the log), "
            "coloured by the chosen theme with the classes and colours of the 2D map: surface-temperature "
            "exposure, ground-motion class or clay risk; the trees where IGN's LiDAR HD height model is published "
            "(canopy patches 3 m high and more, extruded by their height), elsewhere BD TOPO's vegetation zones at a "
            "height stated by their nature (closed forest 15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard "
            "4 m: not a measurement); the roads and the commune's outline "
            "draped on the terrain. The project then opens with its 3D view (View ▸ 3D Map Views).</p>"
            "<p>An image of the view "
            "(<i>vue3d_&lt;INSEE&gt;.png</i>, oblique over the centre, north up) is made for the report when QGIS can "
            "draw with OpenGL: always in QGIS's window; for <i>qgis_process</i> on a server, run it under "
            "<i>xvfb-run</i>. The report (<i>rapport_&lt;INSEE&gt;.pdf</i>) then gets a last page, <b>3D view</b>: "
            "the image, the legend of the buildings' colours and what the scene is made of (it is exported again; "
            "run again, the page is replaced). Without the relief service the terrain is flat, at the buildings' "
            "median ground "
            "altitude, and the log says so.</p><p>To show the scene in another viewer, open the 3D view and use "
            "its <b>Export 3D Scene</b> button (OBJ files).</p>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.PROJECT, self.tr("Project of the commune diagnostic (territoire_<INSEE>.qgz)"),
            fileFilter=self.tr("QGIS projects (*.qgz *.qgs)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.THEME, self.tr("Colour the buildings by"),
            [self.tr("The first theme the diagnostic has"), self.tr("Surface-temperature exposure"),
             self.tr("Ground-motion class"), self.tr("Clay shrink-swell risk"), self.tr("Nothing (buildings)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Replace the existing image and relief"), defaultValue=False))
        self.addOutput(QgsProcessingOutputFile("PROJECT", self.tr("Project with its 3D view")))
        self.addOutput(QgsProcessingOutputFile("IMAGE", self.tr("Image of the 3D view (PNG)")))
        self.addOutput(QgsProcessingOutputFile("RELIEF", self.tr("Relief (GeoTIFF)")))
        self.addOutput(QgsProcessingOutputString("THEME", self.tr("Theme shown")))

    def processAlgorithm(self, parameters, context, feedback):
        result = make_twin(self.parameterAsFile(parameters, self.PROJECT, context),
                           THEMES[self.parameterAsEnum(parameters, self.THEME, context)],
                           self.parameterAsBoolean(parameters, self.OVERWRITE, context), feedback)
        if result.image is not None:
            feedback.pushInfo(self.tr("Image of the 3D view: {0}").format(result.image))
        return {"PROJECT": str(result.project), "IMAGE": str(result.image) if result.image else "",
                "RELIEF": str(result.relief) if result.relief else "", "THEME": result.theme}
