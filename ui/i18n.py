"""Interface language: Qt translations (.ts in resources, .qm built by make)."""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)
SUPPORTED = ("zh_CN", "en")


def translations_dir() -> Path:
    return resource_path("translations")


def resolve_language(setting: str, system_locale: str | None = None) -> str:
    """'system' follows the machine: any Chinese locale gives zh_CN, anything else English."""
    if setting in SUPPORTED:
        return setting
    name = system_locale or QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def qm_path(language: str) -> Path:
    return translations_dir() / f"mon_pos_{language}.qm"


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile a .ts with pyside6-lrelease (make does this; used as a fallback)."""
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    tool = (str(beside_python) if beside_python.exists() else None) or \
        shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None:
        return False
    result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, timeout=60)
    return result.returncode == 0 and qm.exists()


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the language's .qm into the application; English needs none."""
    if language == "en":
        return None
    qm = qm_path(language)
    ts = qm.with_suffix(".ts")
    if (not qm.exists() or (ts.exists() and ts.stat().st_mtime > qm.stat().st_mtime)) and ts.exists():
        build_qm(ts, qm)
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        log.warning("translation %s could not be loaded; the interface stays in English", qm)
        return None
    app.installTranslator(translator)
    return translator
