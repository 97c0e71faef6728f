"""Choose the salesperson for a sale or a line: scan the badge, or pick from the list."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.errors import ServiceError
from app.services.members.salespeople import SalespersonInfo, SalespersonService
from ui.errors import user_message
from ui.members.common import error_label, touch_button


class SalespersonChooser(QDialog):
    """``chosen`` is the salesperson; ``cleared`` is True when the cashier removed the choice."""

    def __init__(self, salespeople: SalespersonService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Salesperson"))
        self.resize(460, 520)
        self._service = salespeople
        self.chosen: SalespersonInfo | None = None
        self.cleared = False
        self._people = salespeople.active()
        layout = QVBoxLayout(self)
        self.scan = QLineEdit()
        self.scan.setObjectName("salespersonScan")
        self.scan.setPlaceholderText(self.tr("Scan the badge or type the salesperson code"))
        self.scan.setMinimumHeight(48)
        layout.addWidget(self.scan)
        self.error = error_label("salespersonError")
        layout.addWidget(self.error)
        self.list = QListWidget()
        self.list.setObjectName("salespersonList")
        self.list.setStyleSheet("QListWidget::item { min-height: 44px; font-size: 13pt; }")
        for person in self._people:
            item = QListWidgetItem(f"{person.code}  {person.name}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda _: self._choose_row())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        back = touch_button(self.tr("Back (Esc)"))
        back.clicked.connect(self.reject)
        none = touch_button(self.tr("No salesperson"), name="salespersonClear")
        none.clicked.connect(self._clear)
        pick = touch_button(self.tr("Choose"), name="salespersonChoose")
        pick.clicked.connect(self._choose_row)
        for b in (back, none, pick):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.scan.returnPressed.connect(self._scanned)

    def _scanned(self) -> None:
        text = self.scan.text().strip()
        if not text:
            self._choose_row()
            return
        try:
            self.chosen = self._service.by_scan(text)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.scan.selectAll()
            return
        self.accept()

    def _choose_row(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._people):
            self.chosen = self._people[row]
            self.accept()

    def _clear(self) -> None:
        self.cleared = True
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._people:
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.list.setCurrentRow(max(0, min(len(self._people) - 1, self.list.currentRow() + step)))
            return
        super().keyPressEvent(event)
