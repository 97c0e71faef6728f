"""On-screen number pad for touch screens (targets of at least 44 px)."""
from __future__ import annotations


from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

TOUCH_SIZE = 56


class Keypad(QWidget):

    def __init__(self, target: QLineEdit, parent: QWidget | None = None, decimal: bool = True) -> None:
        super().__init__(parent)
        self._target = target
        grid = QGridLayout(self)
        grid.setSpacing(6)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "." if decimal else "00", "⌫"]
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setMinimumSize(TOUCH_SIZE, TOUCH_SIZE)
            button.setFocusPolicy(button.focusPolicy().NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, i // 3, i % 3)

    def _press(self, key: str) -> None:
        if key == "⌫":
            self._target.backspace()
        else:
            self._target.insert(key)
