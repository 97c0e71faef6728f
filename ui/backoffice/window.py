"""The back-office window: navigation on the left, one page per area.

Wiring for the main window (not edited here): `open_back_office(ctx, parent)`.
Services are built from ctx.engine / ctx.sessions / ctx.terminal / ctx.clock.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from app.services.auth import StaffMember
from app.services.inventory.services import InventoryServices
from ui.backoffice.common import TOUCH
from ui.backoffice.import_dialog import ImportDialog
from ui.backoffice.product_editor import ProductEditor
from ui.backoffice.products_page import ProductsPage
from ui.backoffice.purchasing_page import PurchasingPage
from ui.backoffice.reports_page import ReportsPage
from ui.backoffice.stock_card import StockCardDialog
from ui.backoffice.stocktake_page import StocktakePage
from ui.backoffice.transfers_page import TransfersPage

class BackOfficeWindow(QMainWindow):
    """Works for `actor`: the services check their permissions (ctx.rules) and the pages
    ask a supervisor on the spot when the actor lacks one."""

    def __init__(self, ctx, actor: StaffMember | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.services = InventoryServices.build(ctx.engine, ctx.sessions, ctx.terminal, ctx.clock,
                                                getattr(ctx, "rules", None), actor)
        self.setWindowTitle(self.tr("Back office — %1").replace("%1", ctx.terminal.store_name))
        self.resize(1280, 800)
        self.nav = QListWidget()
        self.nav.setObjectName("backofficeNav")
        self.nav.setFixedWidth(180)
        self.nav.setStyleSheet("QListWidget { font-size: 13pt; }")
        self.pages = QStackedWidget()
        self.products = ProductsPage(self.services)
        self.purchasing = PurchasingPage(self.services)
        self.stocktake = StocktakePage(self.services)
        self.transfers = TransfersPage(self.services)
        self.reports = ReportsPage(self.services)
        for number, (title, page) in enumerate(((self.tr("Products"), self.products),
                                                (self.tr("Purchasing"), self.purchasing),
                                                (self.tr("Stocktake"), self.stocktake),
                                                (self.tr("Transfers"), self.transfers),
                                                (self.tr("Stock & reports"), self.reports)), start=1):
            item = QListWidgetItem(f"{number}  {title}")
            item.setSizeHint(item.sizeHint().__class__(160, TOUCH + 8))
            self.nav.addItem(item)
            self.pages.addWidget(page)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self.nav.setCurrentRow(n - 1))
        self.nav.currentRowChanged.connect(self._show_page)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)
        self.products.edit_requested.connect(self.edit_product)
        self.products.stock_card_requested.connect(self.show_stock_card)
        self.products.import_requested.connect(self.import_products)
        self.products.labels_requested.connect(self.print_labels)
        self.nav.setCurrentRow(0)
        self.products.refresh()
        self.products.search.setFocus()

    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        page = self.pages.currentWidget()
        if hasattr(page, "refresh") and page is not self.products:
            page.refresh()

    def edit_product(self, product_id: str) -> None:
        dialog = ProductEditor(self.services, product_id or None, self)
        if dialog.exec():
            self.products.reload_choices()
            self.products.refresh()

    def show_stock_card(self, product_id: str) -> None:
        StockCardDialog(self.services, product_id, self).exec()
        self.products.refresh()

    def import_products(self) -> None:
        ImportDialog(self.services, self).exec()
        self.products.reload_choices()
        self.products.refresh()

    def print_labels(self, product_ids: list[str]) -> None:
        from ui.backoffice.labels import LabelDialog
        LabelDialog(self.services, product_ids, self).exec()


def open_back_office(ctx, parent: QWidget | None = None,
                     actor: StaffMember | None = None) -> BackOfficeWindow:
    """Open (and return) the back office as its own window over the till."""
    window = BackOfficeWindow(ctx, actor, parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.show()
    return window
