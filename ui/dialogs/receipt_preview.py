"""The receipt as the customer gets it, shown after the sale with the change."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.domain.receipt import ReceiptDocument, render_text
from app.services.checkout import CompletedSale
from ui.widgets.receipt_view import ReceiptView


class ReceiptPreviewDialog(QDialog):
    def __init__(self, completed: CompletedSale, document: ReceiptDocument, print_note: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sale complete"))
        layout = QVBoxLayout(self)
        change = QLabel(self.tr("Change: %1").replace("%1", completed.change.format()))
        change.setObjectName("previewChange")
        change.setStyleSheet("font-size: 26pt; font-weight: bold; color: #0a7d32;")
        layout.addWidget(change)
        note = QLabel(print_note)
        note.setObjectName("printNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.text = ReceiptView(render_text(document), document.columns)
        scroll = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setMinimumSize(self.text.sizeHint().width() + 24, 460)
        layout.addWidget(scroll)
        close = QPushButton(self.tr("Next customer (Enter)"))
        close.setMinimumHeight(52)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close)
