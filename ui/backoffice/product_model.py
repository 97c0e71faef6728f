"""The product list as a lazy Qt model: one page at a time through fetchMore, so a
million SKUs open as fast as a hundred."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.inventory.listing import PAGE_SIZE, ListFilter, ListRow, ProductList
from ui.backoffice.common import qty, yuan


class ProductTableModel(QAbstractTableModel):
    def __init__(self, listing: ProductList) -> None:
        super().__init__()
        self._listing = listing
        self._filter = ListFilter()
        self.rows: list[ListRow] = []
        self._exhausted = False
        self.headers = [self.tr("Code"), self.tr("Name"), self.tr("Barcode"), self.tr("Category"),
                        self.tr("Unit"), self.tr("Retail"), self.tr("On hand"), self.tr("Active")]

    def set_filter(self, filters: ListFilter) -> None:
        """Start over with new filters; shows the first page at once."""
        self.beginResetModel()
        self._filter = filters
        self.rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        after = self.rows[-1].sku_code if self.rows else ""
        page = self._listing.page(self._filter, after, PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.sku_code, row.name, row.barcode, row.category, row.unit, yuan(row.retail_fen),
                    qty(row.on_hand_milli), self.tr("yes") if row.active else self.tr("no"))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6 and row.on_hand_milli < 0:
            return QColor("#cf222e")  # negative stock is allowed at the till, flagged here
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QColor("#8c959f")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, index: int) -> ListRow | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None
