"""Bulk price change for a category (with its children) or a supplier."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.errors import InvalidInput
from app.services.inventory.products import BulkPriceChange
from app.services.inventory.services import InventoryServices
from ui.backoffice.common import TOUCH, as_actor, button, parse_yuan
from ui.errors import user_message


class BulkPriceDialog(QDialog):
    def __init__(self, services: InventoryServices, category: str | None, supplier_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.changed: int | None = None
        self.setWindowTitle(self.tr("Change prices"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.target = QComboBox()
        for code in services.products.categories():
            self.target.addItem(self.tr("Category %1").replace("%1", code), f"category:{code}")
        for s in services.purchasing.suppliers():
            self.target.addItem(self.tr("Supplier %1").replace("%1", s.name), f"supplier:{s.id}")
        wanted = f"supplier:{supplier_id}" if supplier_id else f"category:{category}"
        self.target.setCurrentIndex(max(0, self.target.findData(wanted)))
        self.price_type = QComboBox()
        for text, key in ((self.tr("Retail price"), "retail"), (self.tr("Member price"), "member"),
                          (self.tr("Floor price"), "floor"), (self.tr("Cost price"), "cost")):
            self.price_type.addItem(text, key)
        self.percent, self.amount = QLineEdit(), QLineEdit()
        self.percent.setPlaceholderText(self.tr("e.g. 5 or -10"))
        self.amount.setPlaceholderText(self.tr("e.g. 0.50 or -1.00"))
        for label, widget in ((self.tr("Products"), self.target), (self.tr("Price"), self.price_type),
                              (self.tr("Change by %"), self.percent), (self.tr("Then add ¥"), self.amount)):
            widget.setMinimumHeight(TOUCH)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(self.tr("Cancel"), self.reject))
        row.addWidget(button(self.tr("Change prices"), self.apply, "applyBulkPrice"))
        layout.addLayout(row)

    def apply(self) -> None:
        kind, _, key = (self.target.currentData() or ":").partition(":")
        try:
            percent = Decimal(self.percent.text().strip() or "0")
            amount = parse_yuan(self.amount.text()) or 0
            if percent * 100 != (percent * 100).to_integral_value():
                raise ValueError(self.percent.text())
        except (InvalidOperation, ValueError):
            self.message.setText(user_message(InvalidInput(
                "Type the change as a percentage (e.g. 5) and an amount in yuan (e.g. 0.50).")))
            return
        change = BulkPriceChange(
            price_type=self.price_type.currentData(), percent_bp=int(percent * 100), amount_fen=amount,
            category_code=key if kind == "category" else None,
            supplier_id=key if kind == "supplier" else None)
        try:
            changed = as_actor(self, self.services, lambda actor, ok:
                               self.services.products.bulk_price_change(change, actor, ok))
        except Exception as exc:  # noqa: BLE001
            self.message.setText(user_message(exc))
            return
        if changed is None:  # the supervisor did not approve: nothing changed
            return
        self.changed = changed
        self.accept()
