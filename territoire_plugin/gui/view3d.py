"""The panel's « Vue 3D » button: the commune's digital twin (territoire:digital_twin_3d) for the diagnostic just
made, then its project opened in QGIS with the 3D view.

The algorithm runs on QGIS's main thread (its image is drawn with OpenGL, whose offscreen surfaces Qt makes there
only); the window keeps answering, since its downloads wait in event loops, and its progress and steps show in
the panel. At the end the image joins the summary's links, and QGIS offers to open the commune's project, whose 3D
view opens with it (from a script QGIS has no other way to open a configured 3D view).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingContext, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from .feedback import PanelFeedback


def make_view(panel, project_path: str):
    """Run the twin for ``project_path``; the results, or None (the reason shown in the panel)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:digital_twin_3d")
    feedback, errors = PanelFeedback(), []  # (its signals, on this thread, are plain calls)
    feedback.step.connect(panel.show_step)
    feedback.error.connect(errors.append)
    feedback.progressChanged.connect(lambda value: panel.progress.setValue(int(value)))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    panel.show_step(QCoreApplication.translate("View3d", "3D view: relief, trees and buildings…"))
    QCoreApplication.processEvents()
    results, ok = algorithm.run({"PROJECT": project_path, "OVERWRITE": True}, context, feedback)
    if not ok:
        reason = errors[-1] if errors else QCoreApplication.translate("View3d", "no reason was given")
        panel.show_step(QCoreApplication.translate("View3d", "The 3D view could not be made: {0}").format(reason), True)
        return None
    panel.progress.setValue(100)
    return results


def offer_to_open(panel, iface, project_path: str) -> bool:
    """Ask, then open the commune's project (QGIS asks first whether to save the current one)."""
    if iface is None:
        return False
    title = QCoreApplication.translate("View3d", "Open the 3D view?")
    text = QCoreApplication.translate(
        "View3d", "The 3D view is saved in the commune's project {0}. Open that project now? The current project is "
        "closed (QGIS offers to save it first).").format(Path(project_path).name)
    if not panel.ask(title, text):
        return False
    return bool(iface.addProject(project_path))


def run_view3d(panel, iface) -> None:
    """The button's work: the twin of the panel's last diagnostic, its image linked, the project offered."""
    project = panel.last_project
    panel.view3d_button.setEnabled(False)
    panel.run_button.setEnabled(False)
    try:
        results = make_view(panel, project)
    finally:
        panel.run_button.setEnabled(True)
        panel.view3d_button.setEnabled(True)
    if results is None:
        return
    if results.get("IMAGE"):
        label = QCoreApplication.translate("View3d", "Image of the 3D view")
        panel.summary.setText(panel.summary.text() + f"<br><a href='{Path(results['IMAGE']).as_uri()}'>{label}</a>")
    panel.show_step(QCoreApplication.translate("View3d", "3D view ready."))
    offer_to_open(panel, iface, project)
