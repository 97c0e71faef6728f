"""Products: the lazy list with search and filters, and the actions on a product."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from app.services.inventory.listing import ListFilter
from app.services.inventory.services import InventoryServices
from ui.backoffice.common import TOUCH, button, show_error, table
from ui.backoffice.product_model import ProductTableModel

DEBOUNCE_MS = 200


class ProductsPage(QWidget):
    edit_requested = Signal(str)  # product id, '' for a new product
    stock_card_requested = Signal(str)
    labels_requested = Signal(list)
    import_requested = Signal()

    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.model = ProductTableModel(services.listing)
        self.table = table(self.model, 1, "productTable")
        # fixed widths: measuring every cell's text (ResizeToContents) costs more than the query
        header = self.table.horizontalHeader()
        for column, width in enumerate((110, 0, 150, 130, 56, 80, 80, 60)):
            if column != 1:
                header.setSectionResizeMode(column, header.ResizeMode.Interactive)
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _: self._edit())
        layout.addWidget(self.table)
        actions = QHBoxLayout()
        for text, slot, name in ((self.tr("New product"), lambda: self.edit_requested.emit(""), "newProduct"),
                                 (self.tr("Edit"), self._edit, "editProduct"),
                                 (self.tr("Stock card"), self._stock_card, "stockCard"),
                                 (self.tr("Shelf labels"), self._labels, "shelfLabels"),
                                 (self.tr("Change prices…"), self._bulk_price, "bulkPrice"),
                                 (self.tr("Import…"), self.import_requested.emit, "importProducts"),
                                 (self.tr("Export…"), self._export, "exportProducts")):
            actions.addWidget(button(text, slot, name))
        actions.addStretch(1)
        self.status = QLabel()
        actions.addWidget(self.status)
        layout.addLayout(actions)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setPlaceholderText(self.tr("Search by name, code, barcode or pinyin initials"))
        self.search.setMinimumHeight(TOUCH)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self.refresh)
        row.addWidget(self.search, 3)
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.supplier = QComboBox()
        self.supplier.setObjectName("supplierFilter")
        self.state = QComboBox()
        self.state.setObjectName("stockStateFilter")
        for text, key in ((self.tr("Any stock"), "all"), (self.tr("Negative stock"), "negative"),
                          (self.tr("Out of stock"), "out"), (self.tr("Below minimum"), "low"),
                          (self.tr("In stock"), "in_stock")):
            self.state.addItem(text, key)
        for combo in (self.category, self.supplier, self.state):
            combo.setMinimumHeight(TOUCH)
            combo.currentIndexChanged.connect(lambda _: self.refresh())
            row.addWidget(combo, 1)
        self.reload_choices()
        return row

    def reload_choices(self) -> None:
        for combo, items, blank in (
                (self.category, [(c, c) for c in self.services.products.categories()], self.tr("All categories")),
                (self.supplier, [(s.name, s.id) for s in self.services.purchasing.suppliers()],
                 self.tr("All suppliers"))):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(blank, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> ListFilter:
        return ListFilter(search=self.search.text(), category_code=self.category.currentData(),
                          supplier_id=self.supplier.currentData(), stock_state=self.state.currentData())

    def refresh(self) -> None:
        try:
            self.model.set_filter(self.current_filter())
        except Exception as exc:  # noqa: BLE001 - shown to the user as a sentence
            show_error(self, exc)
            return
        more = "+" if self.model.canFetchMore() else ""
        self.status.setText(self.tr("%1 products shown").replace("%1", f"{self.model.rowCount()}{more}"))
        if self.model.rowCount():
            self.table.selectRow(0)

    def selected_id(self) -> str | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.id if row else None

    def _edit(self) -> None:
        if pid := self.selected_id():
            self.edit_requested.emit(pid)

    def _stock_card(self) -> None:
        if pid := self.selected_id():
            self.stock_card_requested.emit(pid)

    def _labels(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        ids = [self.model.rows[i.row()].id for i in rows] or ([self.selected_id()] if self.selected_id() else [])
        if ids:
            self.labels_requested.emit(ids)

    def _bulk_price(self) -> None:
        from ui.backoffice.bulk_price import BulkPriceDialog
        dialog = BulkPriceDialog(self.services, self.category.currentData(), self.supplier.currentData(), self)
        if dialog.exec():
            self.status.setText(self.tr("%n price(s) changed", "", dialog.changed or 0))
            self.refresh()

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export products"), "products.xlsx",
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        from ui.tasks import run_in_background
        category = self.category.currentData()
        self.status.setText(self.tr("Exporting…"))
        run_in_background(lambda: self.services.importer.export(Path(path), category),
                          lambda n: self.status.setText(self.tr("%1 products exported").replace("%1", str(n))),
                          lambda exc: show_error(self, exc))
