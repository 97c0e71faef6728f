"""The stock card of one SKU: levels, every movement with the balance after it, and adjustments."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.services.inventory.common import ADJUSTMENT_REASONS
from app.services.inventory.services import InventoryServices
from ui.backoffice.common import TOUCH, RowsModel, as_actor, button, parse_qty, qty, show_error, table


KIND_TEXT = {
    "opening": QT_TRANSLATE_NOOP("StockCard", "opening stock"), "sale": QT_TRANSLATE_NOOP("StockCard", "sale"),
    "return": QT_TRANSLATE_NOOP("StockCard", "customer return"),
    "receiving": QT_TRANSLATE_NOOP("StockCard", "goods received"),
    "supplier_return": QT_TRANSLATE_NOOP("StockCard", "returned to supplier"),
    "adjustment": QT_TRANSLATE_NOOP("StockCard", "adjustment"),
    "transfer_out": QT_TRANSLATE_NOOP("StockCard", "transfer out"),
    "transfer_in": QT_TRANSLATE_NOOP("StockCard", "transfer in"),
    "stocktake": QT_TRANSLATE_NOOP("StockCard", "stocktake"),
}


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("StockCard", KIND_TEXT[kind]) if kind in KIND_TEXT else kind


class StockCardDialog(QDialog):
    def __init__(self, services: InventoryServices, product_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.product_id = services, product_id
        draft = services.products.get(product_id)
        self.setWindowTitle(self.tr("Stock card — %1").replace("%1", f"{draft.sku_code} {draft.name}"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        self.levels = QLabel()
        self.levels.setObjectName("stockLevels")
        self.levels.setStyleSheet("font-size: 13pt;")
        layout.addWidget(self.levels)
        tz = services.terminal.tz
        self.model = RowsModel(
            [self.tr("Time"), self.tr("Movement"), self.tr("Quantity"), self.tr("Balance"), self.tr("Note")],
            lambda c: (to_local(c.at, tz).strftime("%Y-%m-%d %H:%M"), kind_text(c.kind), qty(c.quantity_milli),
                       qty(c.balance_milli), c.note))
        layout.addWidget(table(self.model, 4, "stockCardTable"))
        row = QHBoxLayout()
        self.reason = QComboBox()
        for reason in ADJUSTMENT_REASONS:
            self.reason.addItem(reason, reason)
        self.reason.setMinimumHeight(TOUCH)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Quantity"))
        self.amount.setMinimumHeight(TOUCH)
        row.addWidget(QLabel(self.tr("Adjust:")))
        row.addWidget(self.reason)
        row.addWidget(self.amount)
        row.addWidget(button(self.tr("Adjust stock"), self.adjust, "adjustStock"))
        row.addStretch(1)
        row.addWidget(button(self.tr("Close"), self.accept))
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        level = self.services.stock.level(self.product_id)
        text = self.tr("On hand %1 · reserved %2 · available %3").replace(
            "%1", qty(level.on_hand_milli)).replace("%2", qty(level.reserved_milli)).replace(
            "%3", qty(level.available_milli))
        if level.negative:
            text += " · " + self.tr("NEGATIVE: count this product")
        self.levels.setText(text)
        self.model.set_rows(self.services.stock.stock_card(self.product_id))

    def adjust(self) -> None:
        try:
            amount = parse_qty(self.amount.text())
            reason = self.reason.currentData()
            done = as_actor(self, self.services, lambda actor, ok: self.services.stock.adjust(
                self.product_id, amount, reason, actor=actor, approver=ok))
            if done is None:  # the supervisor did not approve
                return
        except ValueError:
            self.amount.selectAll()
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.amount.clear()
        self.refresh()
