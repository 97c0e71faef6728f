"""Typed quantity or weight for a line, with a keypad for touch screens."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.domain.quantity import Quantity
from ui.errors import user_message
from ui.tasks import run_in_background
from ui.widgets.keypad import Keypad


class QuantityDialog(QDialog):
    """With `read_weight` (a scale is set up), the weight is read as the dialog opens and
    again with F1; typing stays possible when the scale cannot give a stable weight."""

    def __init__(self, item_name: str, current: str, weighed: bool, parent: QWidget | None = None,
                 read_weight: Callable[[], int] | None = None) -> None:
        super().__init__(parent)
        self._read_weight = read_weight
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
        self.scale_status = QLabel()
        self.scale_status.setObjectName("scaleStatus")
        self.scale_status.setWordWrap(True)
        if read_weight is not None:
            weigh = QPushButton(self.tr("Read the scale (F1)"))
            weigh.setMinimumHeight(44)
            weigh.clicked.connect(self.weigh)
            QShortcut(QKeySequence(Qt.Key.Key_F1), self, activated=self.weigh)
            layout.addWidget(weigh)
            layout.addWidget(self.scale_status)
            self.weigh()
        layout.addWidget(Keypad(self.edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.returnPressed.connect(self.accept)

    def value(self) -> str:
        return self.edit.text().strip()

    def weigh(self) -> None:
        if self._read_weight is None:
            return
        self.scale_status.setText(self.tr("Weighing…"))
        run_in_background(self._read_weight, self._weighed, self._scale_failed)

    def _weighed(self, grams: int) -> None:
        self.edit.setText(Quantity(grams).format())
        self.edit.selectAll()
        self.scale_status.setText(self.tr("Weight from the scale. Enter to take it."))

    def _scale_failed(self, exc: Exception) -> None:
        self.scale_status.setText(self.tr("Scale: %1 Type the weight instead.").replace(
            "%1", user_message(exc)))
