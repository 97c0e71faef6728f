"""Small shared pieces of the member screens."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.widgets.keypad import TOUCH_SIZE


def touch_button(text: str, parent: QWidget | None = None, name: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setMinimumHeight(TOUCH_SIZE)
    # Enter belongs to the field being typed in, never to whichever button is "default"
    button.setAutoDefault(False)
    if name:
        button.setObjectName(name)
    return button


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    # room for two lines, so a wrapped message is never cut off by a squeezed layout
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 6)
    return label
