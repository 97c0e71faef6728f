"""Salesperson performance for a date range, run in the background, exportable to CSV."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

from app.domain.money import Money
from app.services.members.performance import PerformanceRow, PerformanceService, channels_of
from ui.channel.common import channel_name
from ui.errors import user_message
from ui.members.common import touch_button
from ui.tasks import run_in_background


class PerformanceModel(QAbstractTableModel):
    """Till figures, then one column per online channel with orders: "orders · paid"."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PerformanceRow] = []
        self.channels: list[str] = []
        self.till_headers = [self.tr("Code"), self.tr("Salesperson"), self.tr("Sales"),
                             self.tr("Orders"), self.tr("Units"), self.tr("Returns"),
                             self.tr("Net sales"), self.tr("Recruited"), self.tr("Served"),
                             self.tr("Commission")]
        self.headers = list(self.till_headers)

    def set_rows(self, rows: list[PerformanceRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.channels = channels_of(rows)
        self.headers = self.till_headers + [channel_name(c) for c in self.channels]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() >= len(self.till_headers):
            online = r.channel(self.channels[index.column() - len(self.till_headers)])
            return (self.tr("%1 · %2").replace("%1", str(online.orders))
                    .replace("%2", Money(online.paid_fen).format())) if online.orders else ""
        return (r.code, r.name, Money(r.sales_fen).format(), r.orders, f"{r.units_milli / 1000:g}",
                Money(r.returns_fen).format(), Money(r.net_sales_fen).format(), r.members_recruited,
                r.members_served, Money(r.commission_fen).format())[index.column()]


class PerformanceView(QWidget):
    def __init__(self, service: PerformanceService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.start = self._date_edit("perfStart", today.replace(day=1))
        self.end = self._date_edit("perfEnd", today)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.end)
        self.run_button = touch_button(self.tr("Show (F5)"), name="perfRun")
        self.run_button.setShortcut("F5")
        self.run_button.clicked.connect(self.run)
        self.export_button = touch_button(self.tr("Export CSV…"), name="perfExport")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.run_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.status = QLabel()
        self.status.setObjectName("perfStatus")
        layout.addWidget(self.status)
        self.model = PerformanceModel()
        self.table = QTableView()
        self.table.setObjectName("perfTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumHeight(44)
        return edit

    def _range(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def run(self) -> None:
        start, end = self._range()
        self.status.setText(self.tr("Working…"))
        run_in_background(lambda: self._service.report(start, end), self._show,
                          lambda exc: self.status.setText(user_message(exc)))

    def _show(self, rows: list[PerformanceRow]) -> None:
        self.model.set_rows(rows)
        total = sum(r.commission_fen for r in rows)
        self.status.setText(self.tr("%n salespeople · commission %1", "", len(rows))
                            .replace("%1", Money(total).format()))

    def export(self, path: str | None = None) -> None:
        start, end = self._range()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export performance"),
                                                  f"performance-{start}-{end}.csv", "CSV (*.csv)")
            if not path:
                return
        self.status.setText(self.tr("Exporting…"))
        run_in_background(lambda: self._service.export_csv(start, end, path),
                          lambda n: self.status.setText(self.tr("Exported %1 salespeople to %2")
                                                        .replace("%1", str(n)).replace("%2", path)),
                          lambda exc: self.status.setText(user_message(exc)))
