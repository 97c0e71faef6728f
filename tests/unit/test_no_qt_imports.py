"""app/, drivers/ and cloud/ must run without Qt (DESIGN.md: dependency direction)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "ui")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_core_packages_import_no_qt_and_no_ui():
    offenders = []
    for package in ("app", "drivers", "cloud"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in _imports(path):
                if name.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_the_check_itself_sees_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport ui.main\n")
    assert [n.split(".")[0] for n in _imports(sample)] == ["PySide6", "ui"]


def test_the_cloud_uses_only_the_tills_domain_code():
    """cloud/ may share app.domain (pure rules: money, pricing, commission), never the
    till's services, database or sync code."""
    offenders = []
    for path in sorted((ROOT / "cloud").rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] == "app" and not (name == "app.domain" or name.startswith("app.domain.")):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []
