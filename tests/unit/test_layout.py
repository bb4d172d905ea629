"""The layout docs/ARCHITECTURE.md describes holds: processing/ is the provider, the base and one file per
algorithm id in group folders; no algorithm module is used as a library; modules stay short."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PLUGIN = ROOT / "territoire_plugin"
PROCESSING = PLUGIN / "processing"
GROUPS = {"connectors": "partner_data", "heat": "urban_heat", "infrastructure": "infrastructure",
          "diagnostic": "diagnostic"}
#: The shared base of download_landsat and download_sentinel2 (an abstract algorithm, no id of its own).
ALGORITHM_BASES = {PROCESSING / "connectors" / "stac_base.py"}
MAX_LINES = 400


def returned_string(tree: ast.AST, method: str) -> str | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == method:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and isinstance(inner.value, ast.Constant):
                    return inner.value.value
    return None


def algorithm_files():
    return sorted(p for group in GROUPS for p in (PROCESSING / group).glob("*.py")
                  if p.name != "__init__.py" and p not in ALGORITHM_BASES)


def test_processing_holds_the_provider_the_base_and_group_folders_only():
    top = sorted(p.name for p in PROCESSING.iterdir() if p.name != "__pycache__")
    assert top == ["__init__.py", "base.py", *sorted(GROUPS), "provider.py"]


def test_each_algorithm_file_is_named_after_its_id_and_sits_in_its_group_folder():
    files = algorithm_files()
    assert len(files) == 25
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert returned_string(tree, "name") == path.stem, path
        group_id = returned_string(tree, "groupId")
        if group_id is None:  # inherited from the group's base class in base.py
            bases = {base.id for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                     for base in node.bases if isinstance(base, ast.Name)}
            group_id = {"ConnectorAlgorithm": "partner_data", "StacDownloadAlgorithm": "partner_data",
                        "HeatAlgorithm": "urban_heat", "InfrastructureAlgorithm": "infrastructure"}[bases.pop()]
        assert group_id == GROUPS[path.parent.name], path


def imported_modules(path: Path) -> set:
    """Absolute names of the plugin modules ``path`` imports (relative imports resolved), and of the names it
    imports from them when those are modules."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    package = parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_no_algorithm_module_is_used_as_a_library():
    """Only the provider imports algorithm modules (and the two STAC connectors their shared base)."""
    algorithms = {".".join(p.relative_to(ROOT).with_suffix("").parts) for p in algorithm_files()}
    provider = PROCESSING / "provider.py"
    users = {}
    for path in PLUGIN.rglob("*.py"):
        if path != provider:
            for module in imported_modules(path) & algorithms:
                users.setdefault(module, []).append(str(path.relative_to(ROOT)))
    assert users == {}
    assert algorithms <= imported_modules(provider)  # the check sees what the provider imports


def test_every_module_stays_under_400_lines():
    long = {str(p.relative_to(ROOT)): n for folder in (PLUGIN, ROOT / "testing") for p in folder.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) >= MAX_LINES}
    assert long == {}
