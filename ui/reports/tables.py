"""Report tables behind the charts: filters, sorting, a quick text filter, CSV / XLSX export."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel,
    Qt, Signal,
)
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.domain.money import Money
from app.services.reports import ReportFilter, ReportService, ReportTable
from ui.errors import user_message
from ui.reports.dashboard import TOUCH, PeriodBar
from ui.tasks import run_in_background

TABLE_TITLES = {
    "day": QT_TRANSLATE_NOOP("ReportTables", "By day"),
    "hour": QT_TRANSLATE_NOOP("ReportTables", "By hour of day"),
    "tender": QT_TRANSLATE_NOOP("ReportTables", "By tender"),
    "category": QT_TRANSLATE_NOOP("ReportTables", "By category"),
    "product": QT_TRANSLATE_NOOP("ReportTables", "By product"),
    "salesperson": QT_TRANSLATE_NOOP("ReportTables", "By salesperson"),
    "cashier": QT_TRANSLATE_NOOP("ReportTables", "By cashier"),
    "channel": QT_TRANSLATE_NOOP("ReportTables", "By channel"),
}
# column titles the service uses, for the translation tool
COLUMN_TITLES = [QT_TRANSLATE_NOOP("ReportColumns", t) for t in (
    "Day", "Hour", "Tender", "Category", "SKU", "Product", "Salesperson", "Cashier", "Channel",
    "Orders", "Quantity", "Sales", "Returns", "Net sales", "Discounts", "Rounding", "Cost",
    "Gross margin", "Commission")]


def column_title(title: str) -> str:
    return QCoreApplication.translate("ReportColumns", title)


class ReportModel(QAbstractTableModel):
    """A ReportTable for a view: money shown in yuan, sorted by the underlying numbers."""

    def __init__(self, table: ReportTable | None = None) -> None:
        super().__init__()
        self.table = table

    def set_table(self, table: ReportTable) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(self.table.columns[section][0])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = self.table.rows[index.row()][index.column()]
        kind = self.table.columns[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "fen":
                return Money(value).plain()
            if kind == "milli":
                return f"{value / 1000:g}" if value % 1000 else str(value // 1000)
            return str(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportTablesView(QWidget):
    loaded = Signal()

    def __init__(self, reports: ReportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports, self.busy, self._request = reports, False, 0
        self.periods = PeriodBar(reports.today())
        self.kind = QComboBox(objectName="table_kind")
        for key, title in TABLE_TITLES.items():
            self.kind.addItem(QCoreApplication.translate("ReportTables", title), key)
        self.filters = self._filter_boxes(reports.filter_options())
        self.search = QLineEdit(objectName="search", placeholderText=self.tr("Find in table"))
        self.model = ReportModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView(objectName="report_table", sortingEnabled=True)
        self.view.setModel(self.proxy)
        # rows arrive ranked by net sales; no column is sorted until the user picks one
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.progress = QProgressBar(objectName="progress", maximum=0, maximumHeight=8)
        self.progress.hide()
        self.status = QLabel("", objectName="status", wordWrap=True)
        self._lay_out()
        self.periods.changed.connect(self.load)
        self.kind.currentIndexChanged.connect(self.load)
        for box in self.filters.values():
            box.currentIndexChanged.connect(self.load)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

    def _filter_boxes(self, options) -> dict[str, QComboBox]:
        boxes = {}
        for key, label, choices in (
                ("category_code", self.tr("All categories"), options.categories),
                ("salesperson_id", self.tr("All salespeople"), options.salespeople),
                ("cashier_id", self.tr("All cashiers"), options.cashiers),
                ("member_level_id", self.tr("All member levels"), options.member_levels),
                ("channel", self.tr("All channels"), options.channels)):
            box = QComboBox(objectName=f"filter_{key}")
            box.addItem(label, "")
            for value, text in choices:
                box.addItem(text, value)
            box.setMinimumHeight(TOUCH)
            boxes[key] = box
        return boxes

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        for box in self.filters.values():
            filters.addWidget(box)
        self.kind.setMinimumHeight(TOUCH)
        actions = QHBoxLayout()
        self.search.setMinimumHeight(TOUCH)
        actions.addWidget(self.search, 1)
        for text, name, slot in ((self.tr("Export CSV"), "export_csv", self.export_csv),
                                 (self.tr("Export XLSX"), "export_xlsx", self.export_xlsx)):
            button = QPushButton(text, objectName=name, minimumHeight=TOUCH)
            button.clicked.connect(slot)
            actions.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.periods)
        box.addLayout(filters)
        box.addLayout(actions)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.view, 1)

    def current_filter(self) -> ReportFilter:
        return ReportFilter(**{k: b.currentData() or "" for k, b in self.filters.items()})

    def load(self) -> None:
        self._request += 1
        request, kind = self._request, self.kind.currentData()
        period, flt = self.periods.period(), self.current_filter()
        self.busy = True
        self.progress.show()
        run_in_background(lambda: self.reports.table(kind, period, flt),
                          lambda table: self._done(request, table),
                          lambda exc: self._failed(request, exc))

    def _done(self, request: int, table: ReportTable) -> None:
        if request != self._request:
            return
        self.model.set_table(table)
        self.view.resizeColumnsToContents()
        self.status.setText(self.tr("{0} rows").format(len(table.rows)))
        self.busy = False
        self.progress.hide()
        self.loaded.emit()

    def _failed(self, request: int, exc: Exception) -> None:
        if request == self._request:
            self.busy = False
            self.progress.hide()
            self.status.setText(user_message(exc))

    def _titles(self) -> list[str]:
        return [column_title(c[0]) for c in self.model.table.columns]

    def export_csv(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "report.csv",
                                                   "CSV (*.csv)")[0]
        if path and self.model.table is not None:
            try:
                with open(path, "w", encoding="utf-8-sig", newline="") as out:
                    n = self.reports.export_csv(self.model.table, out, self._titles())
            except OSError:
                self.status.setText(self.tr("Could not write {0}. Choose another folder.").format(path))
                return
            self.status.setText(self.tr("Saved {0} rows to {1}").format(n, path))

    def export_xlsx(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export XLSX"), "report.xlsx",
                                                   "Excel (*.xlsx)")[0]
        if path and self.model.table is not None:
            try:
                n = self.reports.export_xlsx(self.model.table, Path(path), self._titles())
            except Exception as exc:  # shown as a sentence, never a trace
                self.status.setText(user_message(exc))
                return
            self.status.setText(self.tr("Saved {0} rows to {1}").format(n, path))
