"""A bundled CJK font, so Chinese renders on machines that have none."""
from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

log = logging.getLogger(__name__)
BUNDLED_CJK = "DroidSansFallbackFull.ttf"


def install_fonts(app: QApplication, point_size: int = 12) -> list[str]:
    """Register the bundled font and put it behind the default font as the fallback for Chinese."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", BUNDLED_CJK)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled CJK font could not be loaded")
    base = app.font()
    font = QFont(base)
    font.setFamilies([base.family(), *families])
    font.setPointSize(point_size)
    app.setFont(font)
    return families


def monospace_font(point_size: int = 11) -> QFont:
    """Fixed-pitch font for receipt previews; CJK falls back to the bundled font."""
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font = QFont(fixed)
    font.setFamilies([fixed.family(), "Droid Sans Fallback"])
    font.setPointSize(point_size)
    return font
