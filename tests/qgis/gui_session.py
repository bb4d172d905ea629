"""Run inside a real QGIS window (``qgis --code``): drive the plugin, take screenshots, write a report.

Environment: TERRITOIRE_GUI_REPORT (JSON written here), TERRITOIRE_GUI_SHOTS (folder for PNGs),
TERRITOIRE_GUI_SAMPLE (sample product folder).
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QToolBar, QWidget
from qgis.utils import active_plugins, iface, loadPlugin, startPlugin, unloadPlugin

REPORT = os.environ["TERRITOIRE_GUI_REPORT"]
SHOTS = os.environ["TERRITOIRE_GUI_SHOTS"]
SAMPLE = os.environ["TERRITOIRE_GUI_SAMPLE"]
report = {"steps": []}


def settle(ms=300):
    loop_end = QTimer()
    loop_end.setSingleShot(True)
    loop_end.start(ms)
    while loop_end.isActive():
        QApplication.processEvents()


def state():
    window = iface.mainWindow()
    bars = [b for b in window.findChildren(QToolBar) if b.objectName() == "TerritoireToolbar"]
    menus = [a.menu() for a in iface.pluginMenu().actions()
             if a.menu() is not None and a.menu().title().replace("&", "") == "Territoire"]
    return {
        "toolbars": len(bars),
        "toolbar_visible": bool(bars) and bars[0].isVisible(),
        "toolbar_actions": [a.objectName() for a in bars[0].actions()] if bars else [],
        "menu_actions": sum(len(m.actions()) for m in menus),
        "provider": QgsApplication.processingRegistry().providerById("territoire") is not None,
        "active": "territoire_plugin" in active_plugins,
    }


def trigger_and_inspect(object_name, inspect):
    """Trigger a toolbar action that opens a modal dialog; inspect the dialog, then close it."""
    bar = iface.mainWindow().findChild(QToolBar, "TerritoireToolbar")
    action = next(a for a in bar.actions() if a.objectName() == object_name)
    seen = {}

    def look():
        # Without a window manager nothing is "active": look for the visible dialog instead.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        dialog = dialogs[0] if dialogs else None
        if dialog is None:
            QTimer.singleShot(200, look)
            return
        settle(500)
        seen.update(inspect(dialog))
        dialog.reject()

    QTimer.singleShot(300, look)
    action.trigger()  # returns when the dialog is closed
    return seen


def inspect_algorithm_dialog(dialog):
    dialog.grab().save(os.path.join(SHOTS, "gui_algorithm_dialog.png"))
    return {"title": dialog.windowTitle()}


def inspect_options_dialog(dialog):
    page = dialog.findChild(QWidget, "mOptionsPageTerritoire")
    return {"page_found": page is not None, "page_visible": bool(page and page.isVisible())}


def drive_diagnostic_panel():
    """Open the panel from the toolbar, pick the sample commune, run, wait; screenshot panel and map."""
    import time

    bar = iface.mainWindow().findChild(QToolBar, "TerritoireToolbar")
    action = next(a for a in bar.actions() if a.objectName() == "TerritoireDiagnostic")
    action.trigger()
    settle(500)
    panel = iface.mainWindow().findChild(QWidget, "TerritoireDiagnosticPanel")
    seen = {"visible": bool(panel and panel.isVisible()), "checked": action.isChecked()}
    # A run that fails first: the panel shows the reason itself, then runs again without a restart.
    panel.folder.setFilePath(os.path.join(SHOTS, "gui_diagnostic"))
    panel.commune.setText("Zzyzx-sur-Mer")
    failed = []
    panel.finished.connect(failed.append)
    panel.run_button.click()
    end = time.monotonic() + 60
    while not failed and time.monotonic() < end:
        settle(200)
    settle(500)
    panel.finished.disconnect()
    seen["failed_outcome"], seen["failed_step"] = failed, panel.step_label.text()
    panel.grab().save(os.path.join(SHOTS, "gui_panel_failed.png"))
    panel.commune.setFocus()
    panel.commune.setText("Olem")
    panel.search()
    end = time.monotonic() + 60
    while not panel.completer_model.stringList() and time.monotonic() < end:
        settle(100)
    seen["suggestions"] = panel.completer_model.stringList()
    panel.commune.setText("Olemps (12, INSEE 12174)")
    panel.last_summer.setValue(int(os.environ["TERRITOIRE_GUI_LAST_SUMMER"]))
    panel.egms.setFilePath(os.environ["TERRITOIRE_GUI_EGMS"])
    panel.folder.setFilePath(os.path.join(SHOTS, "gui_diagnostic"))
    outcome = []
    panel.finished.connect(outcome.append)
    panel.run_button.click()
    settle(1500)
    panel.grab().save(os.path.join(SHOTS, "gui_panel_running.png"))
    seen["running_step"] = panel.step_label.text()
    end = time.monotonic() + 240
    while not outcome and time.monotonic() < end:
        settle(200)
    seen["outcome"] = outcome
    seen["step"] = panel.step_label.text()
    root = QgsProject.instance().layerTreeRoot()
    seen["groups"] = [node.name() for node in root.children()]
    canvas = iface.mapCanvas()
    canvas.refresh()
    canvas.waitWhileRendering()
    settle(1500)
    panel.grab().save(os.path.join(SHOTS, "gui_panel_done.png"))
    iface.mainWindow().grab().save(os.path.join(SHOTS, "gui_diagnostic_map.png"))
    image = canvas.grab().toImage()
    seen["canvas_colours"] = len({image.pixel(x, y) for x in range(0, image.width(), 7)
                                  for y in range(0, image.height(), 7)})
    seen["view3d"] = drive_view3d(panel)
    return seen


def three_d_canvases():
    return sorted({w.metaObject().className() for w in iface.mainWindow().findChildren(QWidget)
                   if w.metaObject().className() in ("Qgs3DMapCanvas", "Qgs3DMapCanvasWidget")})


def drive_view3d(panel):
    """The panel's « Vue 3D »: the twin made, its image linked, the commune's project opened with its 3D view
    (our question answered Yes; QGIS's own « save the current project? » answered Discard)."""
    import time

    from qgis.PyQt.QtWidgets import QMessageBox

    answered = []

    def answer():
        for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
            button = (box.button(QMessageBox.StandardButton.Yes) or box.button(QMessageBox.StandardButton.Discard)
                      or box.button(QMessageBox.StandardButton.No))
            if button is not None:
                answered.append(box.text()[:60])
                button.click()
        if not three_d_canvases():
            QTimer.singleShot(300, answer)

    QTimer.singleShot(1000, answer)
    panel.view3d_button.click()  # returns once the twin is made and the question answered
    end = time.monotonic() + 90
    while not three_d_canvases() and time.monotonic() < end:
        settle(500)
    settle(5000)  # the 3D view draws its scene
    iface.mainWindow().grab().save(os.path.join(SHOTS, "gui_view3d.png"))
    QApplication.primaryScreen().grabWindow(0).save(os.path.join(SHOTS, "gui_view3d_screen.png"))
    image = os.path.join(SHOTS, "gui_diagnostic", "12174_olemps", "vue3d_12174.png")
    return {"canvases": three_d_canvases(), "image": os.path.exists(image), "answered": answered,
            "linked": "vue3d_12174.png" in panel.summary.text(), "step": panel.step_label.text()}


def main():
    from qgis import processing

    # No window manager under Xvfb maximises the window: QGIS 3.40+ opens at its small default size, so the
    # session gives it the whole screen, as a desktop would.
    iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
    settle()
    report["start"] = state()
    iface.mainWindow().grab().save(os.path.join(SHOTS, "gui_toolbar.png"))
    report["algorithm_dialog"] = trigger_and_inspect("TerritoireLandsatLst", inspect_algorithm_dialog)
    report["options_dialog"] = trigger_and_inspect("TerritoireOptions", inspect_options_dialog)
    if os.environ.get("TERRITOIRE_GUI_EGMS"):
        report["diagnostic"] = drive_diagnostic_panel()
        iface.newProject(False)  # closes the commune's project and its 3D view
        settle(1000)

    before = set(QgsProject.instance().mapLayers())
    output = os.path.join(SHOTS, "gui_lst.tif")
    processing.runAndLoadResults("territoire:landsat_lst", {"INPUT": SAMPLE, "OUTPUT": output})
    added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    report["loaded"] = [{"name": layer.name(), "renderer": layer.renderer().type()} for layer in added]
    if added:
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(added[0].crs())
        canvas.setExtent(added[0].extent())
        canvas.refresh()
        canvas.waitWhileRendering()
        settle(800)
        image = canvas.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        report["canvas_colours"] = len(colours)
        iface.mainWindow().grab().save(os.path.join(SHOTS, "gui_lst_map.png"))

    for _cycle in range(2):
        unloadPlugin("territoire_plugin")
        settle()
        report["steps"].append({"after_unload": state()})
        loadPlugin("territoire_plugin")
        startPlugin("territoire_plugin")
        settle()
        report["steps"].append({"after_reload": state()})


def run():
    try:
        main()
        report["ok"] = True
    except Exception:  # noqa: BLE001 - report everything to the test
        report["ok"] = False
        report["error"] = traceback.format_exc()
    with open(REPORT, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1)
    # Close the project first, as QGIS does when a user quits (Projet ▸ Quitter), then quit. Calling
    # QgsApplication.exit() with layers still in the project leaves them to QGIS's own teardown, where QGIS 3.44
    # crashes (QgsProject's destructor signals a layer tree view already deleted). (The Quit action itself
    # waits on a dialog under QGIS 3.22 here.)
    QgsProject.instance().setDirty(False)
    iface.newProject(False)
    settle()
    QgsApplication.exit(0)


QTimer.singleShot(3000, run)
