"""Qt table model over the lines of the sale being rung up, with their priced amounts."""
from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt,
)
from PySide6.QtGui import QColor

from app.domain.cart import CartLine
from app.domain.pricing import PricedCart, PricedLine


class CartTableModel(QAbstractTableModel):
    COLUMNS = ("#", QT_TRANSLATE_NOOP("CartTableModel", "Item"), QT_TRANSLATE_NOOP("CartTableModel", "Qty"),
               QT_TRANSLATE_NOOP("CartTableModel", "Price"), QT_TRANSLATE_NOOP("CartTableModel", "Amount"),
               QT_TRANSLATE_NOOP("CartTableModel", "Discount"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[CartLine, ...] = ()
        self._priced: dict[str, PricedLine] = {}
        self._cart: PricedCart | None = None

    def set_lines(self, lines: tuple[CartLine, ...], priced: PricedCart | None = None) -> None:
        old, new = len(self._lines), len(lines)
        self._cart = priced
        self._priced = {p.line_id: p for p in priced.lines} if priced else {}
        if new == old + 1 and lines[:old] == self._lines:
            # the common case, one scan: insert one row (and refresh the others' amounts,
            # which a promotion may have changed) instead of resetting the table
            self.beginInsertRows(QModelIndex(), old, old)
            self._lines = lines
            self.endInsertRows()
            if old:
                self.dataChanged.emit(self.index(0, 3), self.index(old - 1, len(self.COLUMNS) - 1))
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

    def priced_at(self, row: int) -> PricedLine | None:
        line = self.line_at(row)
        return self._priced.get(line.line_id) if line else None

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
        priced = self._priced.get(line.line_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, priced, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return QColor("#cf222e")
        if role == Qt.ItemDataRole.ToolTipRole:
            why = self._cart.explain(priced).text_zh if self._cart and priced else ""
            return f"{line.product.sku_code}  {line.product.barcode}\n{why}".strip()
        return None

    @staticmethod
    def _display(line: CartLine, priced: PricedLine | None, row: int, column: int) -> str:
        product = line.product
        if column == 0:
            return str(row + 1)
        if column == 1:
            return product.name
        if column == 2:
            return line.quantity.format() + (" kg" if product.is_weighed else "")
        if column == 3:
            return (priced.base_price if priced else product.unit_price).plain()
        if column == 4:
            return (priced.amount if priced else line.amount).plain()
        discount = priced.amount - priced.base_amount if priced else None
        return discount.plain() if discount and discount.fen else ""
