"""Code that runs on task threads connects no Python function to a Qt signal.

Every Python slot is a PyQt proxy object, kept in a table the GUI thread uses as well; proxies made and dropped on
a worker thread (one set per HTTP request, formerly) crashed QGIS's window while the GUI thread delivered queued
signals (stop 27: SIGSEGV in PyQt's event handling, or glibc's double free). On these threads a signal may only be
connected to a C++ slot of a Qt object (``loop.quit``)."""

import ast
from pathlib import Path

PLUGIN = Path(__file__).resolve().parents[2] / "territoire_plugin"
#: The packages whose code runs inside algorithms, hence on QgsTask threads.
TASK_PACKAGES = ("core", "analysis", "sources", "qgis_io", "diagnostic", "processing")
CPP_SLOTS = {"quit", "exit", "deleteLater"}


def python_connections(source: str):
    """(line, slot text) of each ``signal.connect(slot)`` whose slot is not a C++ slot of a Qt object."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
                and node.args and isinstance(node.func.value, ast.Attribute)):
            slot = node.args[0]
            if not (isinstance(slot, ast.Attribute) and slot.attr in CPP_SLOTS):
                found.append((node.lineno, ast.unparse(slot)))
    return found


def test_the_rule_finds_a_python_slot():
    assert python_connections("reply.finished.connect(loop.quit)\ntimer.timeout.connect(loop.quit)") == []
    assert python_connections("reply.downloadProgress.connect(moved)\nx.sig.connect(lambda: 1)") == [
        (1, "moved"), (2, "lambda: 1")]
    # A database connection is no signal.
    assert python_connections("connection = sqlite3.connect(path)") == []


def test_no_python_function_is_connected_on_task_threads():
    offenders = []
    for package in TASK_PACKAGES:
        for path in sorted((PLUGIN / package).rglob("*.py")):
            offenders += [f"{path.relative_to(PLUGIN)}:{line}: {slot}"
                          for line, slot in python_connections(path.read_text(encoding="utf-8"))]
    assert offenders == []
