"""The quarantine view: events of this till the cloud rejected, with the cloud's reason.

Read-only. A rejected event is never lost: the till keeps it (sync_quarantine and the
outbox) and the cloud stores it in its quarantine where head office can see it; it
just does not count in the cloud's figures until head office deals with it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.sync.quarantine import RejectedEvent, rejected_events
from ui.widgets.keypad import TOUCH_SIZE


class SyncQuarantineDialog(QDialog):
    def __init__(self, rows: list[RejectedEvent], total: int, tz,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Events the cloud rejected"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(len(rows), total))
        self.summary.setObjectName("quarantineSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("quarantineTable")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Rejected at"),
                                              self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, event in enumerate(rows):
            when = to_local(event.rejected_at, tz).strftime("%Y-%m-%d %H:%M:%S")
            for column, text in enumerate((event.kind, when, event.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{event.reason}\n#{event.seq} {event.event_id}")
                self.table.setItem(row, column, item)
        self.table.setWordWrap(True)  # a reason is a sentence: show all of it
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(rows))
        layout.addWidget(self.table)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setMinimumHeight(TOUCH_SIZE)
        close.clicked.connect(self.reject)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(900, 480)

    def _summary(self, shown: int, total: int) -> str:
        if total == 0:
            return self.tr("The cloud has rejected no event of this till.")
        text = self.tr("The cloud rejected %1 event(s) of this till. They are kept on the till "
                       "and in the cloud's quarantine, where head office can see and settle "
                       "them; they never hold up the other events.").replace("%1", str(total))
        if shown < total:
            text += " " + self.tr("The newest %1 are shown.").replace("%1", str(shown))
        return text


def open_quarantine(window) -> SyncQuarantineDialog:
    """Opened from the Till menu (Ctrl+Shift+S); reads only the till's database, so it works offline."""
    rows, total = rejected_events(window.ctx.sessions)
    dialog = SyncQuarantineDialog(rows, total, window.ctx.terminal.tz, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
