"""Stocktake: start a count (whole store or categories), scan or type counts, review the
variance, post it with a manager's permission."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from PySide6.QtCore import QSize, Qt

from app.services.inventory.services import InventoryServices
from app.services.permissions import Permission
from ui.backoffice.common import TOUCH, RowsModel, approval_up_front, button, parse_qty, qty, show_error, table, yuan
from ui.errors import user_message
from ui.tasks import run_in_background


class StocktakePage(QWidget):
    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.stocktake_id: str | None = None
        self.busy = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.categories = QListWidget()
        self.categories.setObjectName("stocktakeCategories")
        self.categories.setMaximumHeight(190)
        top.addWidget(self.categories, 1)
        column = QVBoxLayout()
        column.addWidget(button(self.tr("Start counting"), self.start, "startStocktake"))
        join = QHBoxLayout()
        self.open_takes = QComboBox()
        self.open_takes.setObjectName("openStocktakes")
        self.open_takes.setMinimumHeight(TOUCH)
        self.open_takes.setPlaceholderText(self.tr("No count in progress"))
        join.addWidget(self.open_takes, 1)
        join.addWidget(button(self.tr("Join this count"), self.join, "joinStocktake"))
        column.addLayout(join)
        self.title = QLabel(self.tr("Tick categories to count only those; none ticked counts the whole store."))
        self.title.setObjectName("stocktakeTitle")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        top.addLayout(column, 1)
        layout.addLayout(top)
        row = QHBoxLayout()
        self.quantity = QLineEdit()
        self.quantity.setObjectName("countQuantity")
        self.quantity.setPlaceholderText(self.tr("Qty"))
        self.quantity.setMaximumWidth(140)
        self.scan = QLineEdit()
        self.scan.setObjectName("countScan")
        self.scan.setPlaceholderText(self.tr("Scan each item (counts 1), or type a quantity then scan"))
        for edit in (self.quantity, self.scan):
            edit.setMinimumHeight(48)
            edit.setStyleSheet("font-size: 15pt;")
        self.scan.returnPressed.connect(self.on_scan)
        row.addWidget(self.quantity)
        row.addWidget(self.scan, 1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("countMessage")
        layout.addWidget(self.message)
        self.model = RowsModel(
            [self.tr("Code"), self.tr("Name"), self.tr("Book"), self.tr("Counted"), self.tr("Difference"),
             self.tr("Value ¥")],
            lambda l: (l.sku_code, l.name, qty(l.book_milli),
                       qty(l.counted_milli) if l.was_counted else self.tr("not counted"),
                       qty(l.difference_milli), yuan(l.value_fen)))
        layout.addWidget(table(self.model, 1, "varianceTable"))
        bottom = QHBoxLayout()
        self.total = QLabel()
        self.total.setObjectName("varianceTotal")
        bottom.addWidget(self.total)
        bottom.addStretch(1)
        bottom.addWidget(button(self.tr("Review all differences"), self.review, "reviewStocktake"))
        self.post_button = button(self.tr("Post differences"), self.post, "postStocktake")
        self.post_button.setEnabled(False)
        bottom.addWidget(self.post_button)
        layout.addLayout(bottom)
        self.reload_categories()
        self.refresh_open()

    def reload_categories(self) -> None:
        self.categories.clear()
        for code in self.services.products.categories():
            if "/" in code:
                continue  # top levels are enough to choose a count area; children come along
            item = QListWidgetItem(code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setSizeHint(QSize(160, TOUCH))
            self.categories.addItem(item)

    def chosen_categories(self) -> list[str]:
        return [self.categories.item(i).text() for i in range(self.categories.count())
                if self.categories.item(i).checkState() == Qt.CheckState.Checked]

    def refresh_open(self) -> None:
        self.open_takes.clear()
        for view in self.services.stocktake.open_stocktakes():
            scope = ", ".join(view.scope) or self.tr("whole store")
            self.open_takes.addItem(f"{view.number} ({scope})", view.id)
        if self.open_takes.count():
            self.open_takes.setCurrentIndex(0)

    def start(self) -> None:
        """Freezing the book of a whole big store takes seconds: done in the background."""
        categories = self.chosen_categories()
        self.busy = True
        self.title.setText(self.tr("Freezing the book quantities…"))
        run_in_background(lambda: self.services.stocktake.start(categories), self._started,
                          self._failed)

    def _started(self, stocktake_id: str) -> None:
        self.busy = False
        self._show_session(stocktake_id)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        show_error(self, exc)

    def join(self) -> None:
        """This device adds its counts to a count another device started."""
        if self.open_takes.currentData():
            self._show_session(self.open_takes.currentData())

    def _show_session(self, stocktake_id: str) -> None:
        self.stocktake_id = stocktake_id
        view = self.services.stocktake.view(stocktake_id)
        self.refresh_open()
        scope = ", ".join(view.scope) or self.tr("whole store")
        self.title.setText(self.tr("%1 (%2): %3 products, book quantities frozen when counting started")
                           .replace("%1", view.number).replace("%2", scope).replace("%3", str(view.item_count)))
        self.post_button.setEnabled(True)
        self.refresh()
        self.scan.setFocus()

    def on_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.stocktake_id is None:
            return
        try:
            typed = parse_qty(self.quantity.text()) if self.quantity.text().strip() else None
            found = self.services.stocktake.count(self.stocktake_id, code, typed)
        except ValueError:
            self.message.setText(self.tr("Type the quantity as a number, e.g. 12."))
            return
        except Exception as exc:  # noqa: BLE001
            self.message.setStyleSheet("color: #cf222e;")
            self.message.setText(user_message(exc))
            return
        self.quantity.clear()
        counted = self.services.stocktake.counted(self.stocktake_id, found.product_id)
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(self.tr("%1: counted %2").replace("%1", found.name).replace("%2", qty(counted)))
        self.refresh()

    def refresh(self) -> None:
        """While counting: what has been counted so far (small, fast)."""
        if self.stocktake_id is None:
            self.refresh_open()
            return
        self._show_report(self.services.stocktake.variance(self.stocktake_id, counted_only=True),
                          complete=False)

    def review(self) -> None:
        """Every product in scope, uncounted ones as zero: what posting would write."""
        if self.stocktake_id is None:
            return
        self.busy = True
        stocktake_id = self.stocktake_id
        run_in_background(lambda: self.services.stocktake.variance(stocktake_id),
                          lambda report: self._show_report(report, complete=True), self._failed)

    def _show_report(self, report, complete: bool) -> None:
        self.busy = False
        self.model.set_rows(report.lines)
        text = (self.tr("All products in scope: %1 differ · value %2") if complete
                else self.tr("Counted so far: %1 differ · value %2"))
        self.total.setText(text.replace("%1", str(len(report.differences)))
                           .replace("%2", yuan(report.total_value_fen)))

    def post(self) -> None:
        """Posting a whole store writes many movements: in the background, once."""
        if self.stocktake_id is None or self.busy:
            return
        go_on, approval = approval_up_front(self, self.services, Permission.STOCK_ADJUSTMENT)
        if not go_on:
            return
        stocktake_id, actor = self.stocktake_id, self.services.actor
        self.busy = True
        self.post_button.setEnabled(False)
        run_in_background(lambda: self.services.stocktake.post(stocktake_id, actor, approval),
                          self._posted, self._post_failed)

    def _posted(self, changed: int) -> None:
        self.busy = False
        self.refresh_open()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Posted: %1 products adjusted.").replace("%1", str(changed)))

    def _post_failed(self, exc: Exception) -> None:
        self.post_button.setEnabled(True)
        self._failed(exc)
