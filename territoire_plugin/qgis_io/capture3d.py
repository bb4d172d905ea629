"""An image of a 3D view, rendered offscreen by QGIS's own 3D engine.

The view (``scene3d.view_settings_xml``) is put in a print layout's 3D map item, which renders it with QGIS's
offscreen 3D engine: exported (not previewed), the item waits until the whole scene has loaded, then captures
it; the image is written as a PNG, atomically. The 3D engine needs OpenGL, hence a display: QGIS's window has
one; a script or ``qgis_process`` needs one too (``xvfb-run`` on a server, Mesa's software OpenGL is enough).
Without it, or when the scene stays empty, the error says so — never a blank image. Runs on the GUI thread (Qt's
offscreen OpenGL surfaces are made there only): the algorithm that calls it does not run in the background.
"""

from __future__ import annotations

import os
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
from qgis.PyQt.QtCore import QCoreApplication, QThread
from qgis.PyQt.QtXml import QDomDocument

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError, Cancelled
from ..core.files import atomic_output
from ..toolbelt.compat import camera_pose

#: Pixels of the image: 16:10, readable on a report page.
WIDTH, HEIGHT = 1600, 1000
#: Print each drawing's time (the bench's breakdown).
TRACE = bool(os.environ.get("TERRITOIRE_TRACE_3D"))


#: The key of the error :func:`capture_view` raises where nothing can be drawn (the caller may go on without image).
NO_DISPLAY = "twin_no_opengl"


def no_display() -> AnalysisError:
    return AnalysisError(NO_DISPLAY, QT_TRANSLATE_NOOP(
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


def capture_view(project, view_xml: str, path, width: int = WIDTH, height: int = HEIGHT, is_canceled=None) -> Path:
    """The PNG ``path`` of the 3D view ``view_xml`` of ``project``, ``width`` × ``height`` pixels. Raises
    AnalysisError without OpenGL or when the image is empty; Cancelled when ``is_canceled()`` before it starts
    (the drawing itself, a few seconds, cannot be interrupted)."""
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
    if is_canceled is not None and is_canceled():
        raise Cancelled()
    # An export (not a preview) draws the 3D item synchronously: QGIS waits until every tile and every layer of
    # the scene is loaded, then captures it (twice, the first to let the last tiles in) — one drawing suffices.
    started = time.monotonic()
    image = exporter.renderPageToImage(0, dpi=dpi)
    if TRACE:
        print(f"capture3d: {time.monotonic() - started:6.2f} s, {_colours(image)} colours", flush=True)
    if image.isNull() or _colours(image) <= 8:
        raise AnalysisError("twin_capture_empty", QT_TRANSLATE_NOOP(
            "AnalysisError", "The 3D view came out empty: its layers show nothing in the commune's extent, or the 3D "
            "engine failed (see QGIS's log). Check the buildings layer and the relief."))
    path = Path(path)
    with atomic_output(path) as temporary:
        if not image.save(str(temporary), "PNG"):
            raise OSError(f"cannot write {path}")
    return path
