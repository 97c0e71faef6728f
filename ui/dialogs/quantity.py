"""Typed quantity or weight for a line, with a keypad for touch screens."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets.keypad import Keypad


class QuantityDialog(QDialog):
    def __init__(self, item_name: str, current: str, weighed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weight (kg)") if weighed else self.tr("Quantity"))
        layout = QVBoxLayout(self)
        label = QLabel(item_name)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QLineEdit(current)
        self.edit.setObjectName("quantityEdit")
        self.edit.selectAll()
        self.edit.setMinimumHeight(44)
        layout.addWidget(self.edit)
        hint = self.tr("Enter the weight in kg, e.g. 0.535") if weighed else self.tr("Enter the number of pieces")
        layout.addWidget(QLabel(hint))
        layout.addWidget(Keypad(self.edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.returnPressed.connect(self.accept)

    def value(self) -> str:
        return self.edit.text().strip()
