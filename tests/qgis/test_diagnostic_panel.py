"""The "Commune diagnostic" panel driven like a user: search, pick, run in the background, cancel, re-run.

Runs against the sample town's local services (testing/sample_town.py). Screenshots of the panel and of
the resulting map go to test_artifacts/. The real QGIS window under Xvfb is covered by
tests/qgis/test_package_and_gui.py, which opens this panel from the toolbar.
"""

from __future__ import annotations

import time

import pytest
from conftest import ARTIFACTS, TOWN_YEARS

YEARS = TOWN_YEARS


def wait_for(condition, seconds=120.0, gaps=None):
    """Spin the event loop until ``condition``; ``gaps`` gets the longest time one turn of the loop took."""
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    longest = 0.0
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        before = time.monotonic()
        QCoreApplication.processEvents()
        longest = max(longest, time.monotonic() - before)
        time.sleep(0.02)
    if gaps is not None:
        gaps.append(longest)


@pytest.fixture
def panel(qgis_iface, provider, tmp_path):
    from qgis.core import QgsProject

    from territoire_plugin.gui.diagnostic_panel import DiagnosticPanel

    QgsProject.instance().clear()
    widget = DiagnosticPanel(qgis_iface)
    widget.folder.setFilePath(str(tmp_path / "results"))
    widget.resize(420, 640)
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()
    QgsProject.instance().clear()


def pick_olemps(panel, town):
    panel.commune.setText("Olem")
    panel.search()
    wait_for(lambda: panel.completer_model.stringList(), 30)
    labels = panel.completer_model.stringList()
    assert "Olemps (12, INSEE 12174)" in labels, labels
    panel.commune.setText("Olemps (12, INSEE 12174)")
    panel.last_summer.setValue(YEARS[-1])
    panel.egms.setFilePath(str(town["egms"]))


def run_to_end(panel, gaps=None):
    results = []
    panel.finished.connect(results.append)
    panel.run_button.click()
    assert not panel.run_button.isEnabled() and panel.cancel_button.isEnabled()
    wait_for(lambda: results, 300, gaps)
    return results[0]


def test_search_pick_run_and_the_styled_result_lands_in_the_project(panel, town, qgis_canvas, tmp_path):
    from qgis.core import QgsMapRendererSequentialJob, QgsProject

    pick_olemps(panel, town)
    progress = []
    panel.progress.valueChanged.connect(progress.append)
    gaps = []
    assert run_to_end(panel, gaps) is True
    # The window stayed responsive: no turn of the event loop waited on the diagnostic (the last turn adds
    # the results to the project, which takes a moment).
    assert gaps and gaps[0] < 2.0, gaps
    assert panel.step_label.text() in ("Done.", "Terminé.")
    assert progress and max(progress) == 100 and len(set(progress)) > 5  # the bar moved along the way
    root = QgsProject.instance().layerTreeRoot()
    group = root.children()[0]
    assert group.name() == "Territoire — Olemps"
    assert [g.name() for g in group.children()] == ["Données", "Surchauffe", "Infrastructures", "Argiles"]
    assert root.children()[-1].name() == "Fond de plan"
    assert {node.layer().providerType() for node in root.children()[-1].findLayers()} == {"wms"}
    assert set(QgsProject.instance().mapThemeCollection().mapThemes()) == {"Surchauffe", "Infrastructures", "Argiles",
                                                                           "Tout"}
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) >= 15 and all(layer.isValid() for layer in layers)
    motion = next(layer for layer in layers if layer.source().endswith("layername=mouvement_batiment"))
    assert motion.renderer().type() == "categorizedSymbol"
    commune = next(layer for layer in layers if layer.source().endswith("layername=commune"))
    assert qgis_canvas.extent().contains(commune.extent())
    view, outline = qgis_canvas.extent(), commune.extent()  # fitted: one side of the view hugs the commune
    assert min(view.width() / outline.width(), view.height() / outline.height()) < 1.3
    from testing.sample_town import SENSITIVE

    assert any(f"{name} (" in panel.summary.text() for name, *_ in SENSITIVE)  # the hottest sensitive site

    ARTIFACTS.mkdir(exist_ok=True)
    assert panel.grab().save(str(ARTIFACTS / "diagnostic_panel.png"))
    settings = qgis_canvas.mapSettings()
    settings.setLayers([layer for layer in layers if layer.name() not in ("Plan IGN", "Orthophotos IGN")][:8])
    settings.setOutputSize(qgis_canvas.size() if qgis_canvas.width() > 100 else settings.outputSize())
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    assert image.save(str(ARTIFACTS / "diagnostic_map.png"))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50  # a drawn map, not a blank canvas


def test_cancel_leaves_the_project_and_the_folder_as_they_were(panel, town, tmp_path):
    from qgis.core import QgsProject

    pick_olemps(panel, town)
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "notes.txt").write_text("ours")

    def cancel_at_landsat(text):
        if "Landsat" in text:
            panel.cancel()

    original_run = panel.run

    def run_and_hook():
        original_run()
        panel.feedback.step.connect(cancel_at_landsat)

    panel.run_button.clicked.disconnect()
    panel.run_button.clicked.connect(run_and_hook)
    assert run_to_end(panel) is False
    assert panel.step_label.text().startswith(("Cancelled", "Annulé"))
    assert not QgsProject.instance().mapLayers() and not QgsProject.instance().layerTreeRoot().children()
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_running_again_asks_then_replaces_the_group_and_reuses_the_cache(panel, town, monkeypatch):
    from qgis.core import QgsProject

    pick_olemps(panel, town)
    assert run_to_end(panel) is True
    first_ids = set(QgsProject.instance().mapLayers())
    requests_before = len(town_server_requests(town))
    questions = []
    monkeypatch.setattr(panel, "ask", lambda title, text: questions.append(text) or False)
    panel.run_button.click()  # the user says no: nothing runs
    assert questions and panel.run_button.isEnabled() and panel.task is None
    monkeypatch.setattr(panel, "ask", lambda title, text: questions.append(text) or True)
    assert run_to_end(panel) is True
    root = QgsProject.instance().layerTreeRoot()
    assert [n.name() for n in root.children()].count("Territoire — Olemps") == 1
    assert not first_ids & set(QgsProject.instance().mapLayers()) - {
        layer.id() for layer in QgsProject.instance().mapLayers().values() if layer.providerType() == "wms"}
    # The second run downloaded no BD TOPO page and no COG byte again: the cache served them.
    again = town_server_requests(town)[requests_before:]
    assert not [r for r in again if r.path.startswith(("/wfs", "/cogs"))], [r.path for r in again][:10]


def town_server_requests(town):
    return list(town["server"].requests)


def test_suggestions_by_name_insee_code_and_postcode(town, provider):
    from territoire_plugin.gui.commune_search import suggestions

    assert [c.code for c in suggestions("12174")][:1] == ["12174"]  # the INSEE code first
    assert {c.name for c in suggestions("12510")} == {"Olemps"}  # the postcode
    by_name = suggestions("saint-martin-de-lenne")
    assert {c.code for c in by_name} >= {"12229", "12290"}  # homonyms both offered, with their codes
    assert {c.label() for c in by_name} >= {"Saint-Martin-de-Lenne (12, INSEE 12229)",
                                            "Saint-Martin-de-Lenne (12, INSEE 12290)"}


def test_a_failed_run_shows_its_reason_in_the_panel_and_another_run_is_possible(panel, town):
    """The reason itself (the translated message, saying what to do), not a pointer to the log."""
    panel.commune.setText("Zzyzx-sur-Mer")
    assert run_to_end(panel) is False
    shown = panel.step_label.text()
    assert "Zzyzx-sur-Mer" in shown and ("No commune is named" in shown or "Aucune commune" in shown), shown
    assert "INSEE" in shown  # what to do: give the INSEE code
    assert "Traceback" not in shown and "see the Processing log" not in shown
    assert "a00000" in panel.step_label.styleSheet()  # shown as an error
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled() and panel.task is None
    wait_for(lambda: panel.step_label.height() >= panel.step_label.heightForWidth(panel.step_label.width()), 5)
    ARTIFACTS.mkdir(exist_ok=True)
    assert panel.grab().save(str(ARTIFACTS / "diagnostic_panel_failed.png"))
    pick_olemps(panel, town)  # the same panel runs again, no restart
    assert run_to_end(panel) is True
    assert "a00000" not in panel.step_label.styleSheet()


def test_the_search_says_it_is_searching_and_why_it_found_nothing(panel, town, monkeypatch):
    import socket

    from territoire_plugin.toolbelt.settings import SERVICES

    panel.commune.setText("Zzyzx")
    panel.search()
    assert panel.search_status.isVisibleTo(panel) and "Zzyzx" in panel.search_status.text()  # searching…
    wait_for(lambda: panel.commune_search.task is None, 30)
    assert "Zzyzx" in panel.search_status.text() and panel.search_status.isVisibleTo(panel)
    assert not panel.completer_model.stringList()

    with socket.socket() as closed:  # a port nobody listens on: API Géo "does not answer"
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv(SERVICES["api_geo"].env_var, f"http://127.0.0.1:{port}")
    panel.commune.setText("Rodez")
    panel.search()
    wait_for(lambda: panel.commune_search.task is None, 60)
    assert "API Géo" in panel.search_status.text() and ("proxy" in panel.search_status.text())
    assert panel.search_status.isVisibleTo(panel) and "a00000" in panel.search_status.styleSheet()
    assert panel.grab().save(str(ARTIFACTS / "diagnostic_panel_search_failed.png"))


def test_every_field_has_help_and_nothing_is_cut_in_a_narrow_dock(panel):
    from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QPushButton

    panel.findChild(QgsCollapsibleGroupBox, "advanced").setCollapsed(False)
    QCoreApplication.processEvents()
    fields = [w for kind in (QLineEdit, QAbstractSpinBox, QComboBox, QgsFileWidget, QPushButton)
              for w in panel.findChildren(kind) if w.isVisibleTo(panel) and w.parent() is not None and
              not isinstance(w.parent(), (QAbstractSpinBox, QgsFileWidget, QComboBox))]
    assert len(fields) >= 9
    missing = [w.objectName() or type(w).__name__ for w in fields if not w.toolTip()]
    assert not missing, missing
    panel.resize(300, 900)  # a narrow dock
    QCoreApplication.processEvents()
    scroll = panel.widget()
    body = scroll.widget()
    assert not scroll.horizontalScrollBar().isVisible()  # the fields fit the dock's width
    for label in body.findChildren(QLabel):
        if label.isVisibleTo(panel) and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width() - 1, label.text()  # a label never cut off
    for field in fields:
        assert field.geometry().right() <= body.width(), field.objectName()
    assert panel.grab().save(str(ARTIFACTS / "diagnostic_panel_narrow.png"))
