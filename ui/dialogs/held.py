"""取单: the held sales of this till, newest last; Enter recalls the selected one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.services.held_sales import HeldSummary
from ui.widgets.keypad import TOUCH_SIZE


class RecallDialog(QDialog):
    def __init__(self, held: list[HeldSummary], tz, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recall a held sale"))
        self.chosen: HeldSummary | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Held sales: choose one and press Enter")))
        self.list = QListWidget()
        self.list.setObjectName("heldList")
        self.list.setStyleSheet("QListWidget { font-size: 13pt; } "
                                "QListWidget::item { min-height: 44px; }")
        for sale in held:
            when = to_local(sale.held_at, tz).strftime("%H:%M")
            label = f"{when}  {sale.total.format()}  " + self.tr("%n item(s)", "", sale.piece_count)
            label += f"  {sale.first_item}" + (f"  [{sale.label}]" if sale.label else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, sale)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.recall())
        layout.addWidget(self.list)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Back (Esc)"))
        recall = QPushButton(self.tr("Recall (Enter)"))
        recall.setObjectName("recallButton")
        for button in (back, recall):
            button.setMinimumHeight(TOUCH_SIZE)
            row.addWidget(button)
        back.clicked.connect(self.reject)
        recall.clicked.connect(self.recall)
        layout.addLayout(row)
        self.resize(640, 420)

    def recall(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.recall()
            return
        super().keyPressEvent(event)
