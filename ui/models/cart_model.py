"""Qt table model over the lines of the sale being rung up."""
from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt,
)

from app.domain.cart import CartLine


class CartTableModel(QAbstractTableModel):
    COLUMNS = ("#", QT_TRANSLATE_NOOP("CartTableModel", "Item"), QT_TRANSLATE_NOOP("CartTableModel", "Qty"),
               QT_TRANSLATE_NOOP("CartTableModel", "Price"), QT_TRANSLATE_NOOP("CartTableModel", "Amount"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[CartLine, ...] = ()

    def set_lines(self, lines: tuple[CartLine, ...]) -> None:
        old, new = len(self._lines), len(lines)
        if new == old + 1 and lines[:old] == self._lines:
            # the common case, one scan: insert one row instead of repainting the table
            self.beginInsertRows(QModelIndex(), old, old)
            self._lines = lines
            self.endInsertRows()
            return
        if new == old and new:
            self._lines = lines
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def line_at(self, row: int) -> CartLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CartTableModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.line_at(index.row())
        if line is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.product.sku_code}  {line.product.barcode}"
        return None

    @staticmethod
    def _display(line: CartLine, row: int, column: int) -> str:
        product = line.product
        if column == 0:
            return str(row + 1)
        if column == 1:
            return product.name
        if column == 2:
            return line.quantity.format() + (" kg" if product.is_weighed else "")
        if column == 3:
            return product.unit_price.plain()
        return line.amount.plain()

