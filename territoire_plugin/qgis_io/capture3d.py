"""An image of a 3D view, rendered offscreen by QGIS's own 3D engine.

The view (``scene3d.view_settings_xml``) is put in a print layout's 3D map item, which renders it with QGIS's
offscreen 3D engine; the layout is drawn again every half second until two drawings in a row are the same (the
terrain and the buildings have all loaded), and the last one is written as a PNG, atomically. The 3D engine needs
OpenGL, hence a display: QGIS's window has one; a script or ``qgis_process`` needs one too (``xvfb-run`` on a server,
Mesa's software OpenGL is enough). Without it, or when the scene stays empty, the error says so — never a blank
image. Runs on the GUI thread (Qt's offscreen OpenGL surfaces are made there only): the algorithm that calls it
does not run in the background.
"""

from __future__ import annotations

import time
from pathlib import Path

from qgis.core import (
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsReadWriteContext,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QThread, QTimer
from qgis.PyQt.QtXml import QDomDocument

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError, Cancelled
from ..core.files import atomic_output
from ..toolbelt.compat import camera_pose

#: Pixels of the image: 16:10, readable on a report page.
WIDTH, HEIGHT = 1600, 1000
#: Seconds between two drawings of the scene while it loads.
STEP_S = 0.5


def no_display() -> AnalysisError:
    return AnalysisError("twin_no_opengl", QT_TRANSLATE_NOOP(
        "AnalysisError", "The 3D image cannot be made here: QGIS's 3D engine needs OpenGL, and this session has no "
        "display (QGIS started without a screen, or with QT_QPA_PLATFORM=offscreen). Run it from QGIS's window, or "
        "on a server under xvfb-run; the 3D view itself is saved in the project either way."))


def opengl_available() -> bool:
    """Whether this session can draw with OpenGL (a context made current on an offscreen surface)."""
    from qgis.PyQt.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

    if QGuiApplication.platformName() in ("offscreen", "minimal", ""):
        return False
    context = QOpenGLContext()
    if not context.create():
        return False
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    made = surface.isValid() and context.makeCurrent(surface)
    if made:
        context.doneCurrent()
    surface.destroy()
    return bool(made)


def _colours(image) -> int:
    step = max(1, min(image.width(), image.height()) // 80)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def capture_view(project, view_xml: str, path, width: int = WIDTH, height: int = HEIGHT, timeout_s: float = 120.0,
                 is_canceled=None) -> Path:
    """The PNG ``path`` of the 3D view ``view_xml`` of ``project``, ``width`` × ``height`` pixels. Raises
    AnalysisError without OpenGL or when nothing shows within ``timeout_s``; Cancelled when ``is_canceled()``."""
    from qgis._3d import Qgs3DMapSettings, QgsLayoutItem3DMap

    if QThread.currentThread() is not QCoreApplication.instance().thread() or not opengl_available():
        raise no_display()
    document = QDomDocument()
    if not document.setContent(view_xml)[0]:
        raise ValueError("the 3D view's XML does not parse")
    view = document.documentElement()
    context = QgsReadWriteContext()
    context.setPathResolver(project.pathResolver())
    settings = Qgs3DMapSettings()
    settings.readXml(view.firstChildElement("qgis3d"), context)
    settings.resolveReferences(project)
    camera = view.firstChildElement("camera")

    def number(name):
        return float(camera.attribute(name))

    pose = camera_pose(number("xMap"), number("yMap"), number("zMap"), settings.origin(), number("dist"),
                       number("pitch"), number("yaw"))
    layout = QgsLayout(project)
    layout.initializeDefaults()
    dpi = 96.0
    size = QgsLayoutSize(width / dpi * 25.4, height / dpi * 25.4, QgsUnitTypes.LayoutMillimeters)
    layout.pageCollection().page(0).setPageSize(size)
    item = QgsLayoutItem3DMap(layout)
    item.attemptMove(QgsLayoutPoint(0, 0, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(size)
    item.setFrameEnabled(False)
    # The scene is drawn over the item's background (white by default): the view's own colour, its sky.
    item.setBackgroundColor(settings.backgroundColor())
    item.setMapSettings(settings)  # the item owns them now
    item.setCameraPose(pose)
    layout.addLayoutItem(item)
    exporter = QgsLayoutExporter(layout)
    started, previous, image = time.monotonic(), None, None
    while True:
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        item.refresh()
        loop = QEventLoop()
        QTimer.singleShot(int(STEP_S * 1000), loop.quit)
        loop.exec()
        image = exporter.renderPageToImage(0, dpi=dpi)
        if previous is not None and image == previous and _colours(image) > 8:
            break
        if time.monotonic() - started > timeout_s:
            raise AnalysisError("twin_capture_empty", QT_TRANSLATE_NOOP(
                "AnalysisError", "The 3D view stayed empty for {seconds} s: its layers show nothing in the commune's "
                "extent, or the 3D engine failed (see QGIS's log). Check the buildings layer and the relief."),
                seconds=int(timeout_s))
        previous = image
    path = Path(path)
    with atomic_output(path) as temporary:
        if not image.save(str(temporary), "PNG"):
            raise OSError(f"cannot write {path}")
    return path
