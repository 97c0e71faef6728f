"""Coupons in the payment dialog: scan the coupon's code, or choose one of the member's."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.members.coupons import CouponInfo


class CouponPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.code = QLineEdit()
        self.code.setObjectName("couponCodeEdit")
        self.code.setMinimumHeight(44)
        self.code.setPlaceholderText(self.tr("Scan the coupon code, or choose a coupon below"))
        self.list = QListWidget()
        self.list.setObjectName("couponList")
        self.list.setMaximumHeight(140)
        self.list.setStyleSheet("QListWidget::item { min-height: 40px; font-size: 12pt; }")
        layout.addWidget(self.code)
        layout.addWidget(self.list)
        self._coupons: list[CouponInfo] = []

    def set_coupons(self, coupons: list[CouponInfo]) -> None:
        self._coupons = list(coupons)
        self.list.clear()
        for coupon in self._coupons:
            item = QListWidgetItem(f"{coupon.describe()}  ({coupon.ends_at:%Y-%m-%d})")
            item.setData(Qt.ItemDataRole.UserRole, coupon.code)
            self.list.addItem(item)
        if self._coupons:
            self.list.setCurrentRow(0)

    def chosen_code(self) -> str:
        """The typed or scanned code, else the coupon selected in the list."""
        typed = self.code.text().strip()
        if typed:
            return typed
        row = self.list.currentRow()
        return self._coupons[row].code if 0 <= row < len(self._coupons) else ""

    def step_selection(self, step: int) -> None:
        if self._coupons:
            row = max(0, min(len(self._coupons) - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
