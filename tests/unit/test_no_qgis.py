"""core/ and analysis/ run without QGIS: every one of their modules imports in a Python where QGIS and Qt
cannot be imported, and none of them names QGIS or Qt in an import, not even inside a function."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

NO_QGIS_PACKAGES = ("territoire_plugin.core", "territoire_plugin.analysis")
BLOCKED = ("qgis", "PyQt5", "PyQt6", "sip")

GUARD = """
import importlib, pkgutil, sys
blocked = {blocked!r}

class Unreachable:
    '''PyQGIS lives beside numpy and GDAL in dist-packages: it is made unreachable by name instead.'''
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"{{name}} cannot be imported here")
        return None

sys.meta_path.insert(0, Unreachable())
names = []
for package_name in {packages!r}:
    package = importlib.import_module(package_name)
    for module in pkgutil.walk_packages(package.__path__, package_name + "."):
        importlib.import_module(module.name)
        names.append(module.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in blocked)
assert not loaded, loaded
print(len(names), "modules")
"""


def modules_of(package: str, root=ROOT) -> list:
    return sorted((root / package.replace(".", "/")).rglob("*.py"))


def importable(package: str, root=ROOT) -> int:
    """Modules and sub-packages that pkgutil.walk_packages finds under ``package``."""
    top = root / package.replace(".", "/") / "__init__.py"
    return sum(1 for p in modules_of(package, root) if p != top)


def test_every_core_and_analysis_module_imports_where_qgis_cannot_be_imported():
    code = GUARD.format(blocked=BLOCKED, packages=NO_QGIS_PACKAGES)
    # python -c puts the working directory first on sys.path: the checkout, and nothing else of ours.
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-3000:]
    expected = sum(importable(package) for package in NO_QGIS_PACKAGES)
    assert expected > 25 and run.stdout.split()[0] == str(expected)  # every module was imported


@pytest.mark.parametrize("module", ["analysis/ground_motion/trend.py", "core/files.py"])
def test_the_guard_fails_on_a_module_that_imports_qgis(tmp_path, module):
    """The guard really fails: a copy of the packages with `import qgis.core` added to one module."""
    import shutil

    copy = tmp_path / "territoire_plugin"
    for package in ("core", "analysis"):
        shutil.copytree(ROOT / "territoire_plugin" / package, copy / package)
    (copy / "__init__.py").write_text("")
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + "\nimport qgis.core  # noqa\n", encoding="utf-8")
    code = GUARD.format(blocked=BLOCKED, packages=NO_QGIS_PACKAGES)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode != 0 and "ImportError: qgis cannot be imported here" in run.stderr


def test_no_analysis_module_names_qgis_or_qt_in_an_import():
    """Also imports inside functions, which importing the module does not run."""
    found = []
    for path in [p for package in NO_QGIS_PACKAGES for p in modules_of(package)]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [(path.name, n) for n in names if n.split(".")[0] in BLOCKED]
    assert found == []


def test_processing_code_never_reaches_for_the_global_project():
    """Algorithms run in Processing's worker thread, and in qgis_process with no project: they use
    ``context.project()`` / ``context.transformContext()``, never ``QgsProject.instance()``."""
    found = []
    for path in modules_of("territoire_plugin.processing"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "instance"
                    and isinstance(node.value, ast.Name) and node.value.id == "QgsProject"):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
