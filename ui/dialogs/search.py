"""Product search by name, code or pinyin initials; runs off the UI thread."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from app.services.catalog import CatalogService, ProductHit
from ui.errors import user_message
from ui.tasks import run_in_background

DEBOUNCE_MS = 150


class _HitsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[ProductHit] = []
        self.headers = [self.tr("Code"), self.tr("Item"), self.tr("Unit"), self.tr("Price")]

    def set_hits(self, hits: list[ProductHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        product = self.hits[index.row()].product
        return (product.barcode or product.sku_code, product.name, product.unit,
                product.unit_price.plain())[index.column()]


class SearchDialog(QDialog):
    def __init__(self, catalog: CatalogService, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a product"))
        self.resize(720, 480)
        self._catalog = catalog
        self._generation = 0
        self.chosen: ProductHit | None = None
        layout = QVBoxLayout(self)
        self.query = QLineEdit(initial)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Name, code, barcode or pinyin initials (e.g. kkkl)"))
        self.query.setMinimumHeight(44)
        layout.addWidget(self.query)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.model = _HitsModel()
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.doubleClicked.connect(lambda _: self._choose())
        layout.addWidget(self.table)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run)
        self.query.textChanged.connect(lambda _: self._debounce.start())
        self.query.returnPressed.connect(self._choose)
        if initial:
            self._debounce.start()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.hits:
            row = self.table.currentIndex().row()
            row = max(0, min(len(self.model.hits) - 1, row + (1 if event.key() == Qt.Key.Key_Down else -1)))
            self.table.selectRow(row)
            return
        super().keyPressEvent(event)

    def _run(self) -> None:
        text = self.query.text()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Searching…"))
        run_in_background(lambda: self._catalog.search(text),
                          lambda hits: self._show(generation, hits),
                          lambda exc: self.status.setText(user_message(exc)))

    def _show(self, generation: int, hits: list[ProductHit]) -> None:
        if generation != self._generation:
            return  # an older search finishing late
        self.model.set_hits(hits)
        self.status.setText(self.tr("%n product(s) found", "", len(hits)))
        if hits:
            self.table.selectRow(0)

    def _choose(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._run_now()
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.hits):
            self.chosen = self.model.hits[row]
            self.accept()

    def _run_now(self) -> None:
        self._generation += 1
        self._show(self._generation, self._catalog.search(self.query.text()))
