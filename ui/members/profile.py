"""The member profile panel: level, balances, coupons, tags, exclusive salesperson and
recent purchases. It only shows; actions (top-up, coupons) live in their dialogs."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.domain.clock import to_local
from app.services.members.profile import MemberProfile


class MemberProfilePanel(QWidget):
    def __init__(self, tz, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("profileTitle")
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(self.title)
        form = QFormLayout()
        self.level = self._value("profileLevel")
        self.points = self._value("profilePoints")
        self.stored_value = self._value("profileStoredValue")
        self.salesperson = self._value("profileSalesperson")
        self.tags = self._value("profileTags")
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Stored value"), self.stored_value)
        form.addRow(self.tr("Exclusive salesperson"), self.salesperson)
        form.addRow(self.tr("Tags"), self.tags)
        layout.addLayout(form)
        self.coupons = self._list(layout, self.tr("Coupons"), "profileCoupons")
        self.recent = self._list(layout, self.tr("Recent purchases"), "profileRecent")
        self.clear()

    def _value(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet("font-size: 13pt;")
        return label

    def _list(self, layout: QVBoxLayout, title: str, name: str) -> QListWidget:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        items = QListWidget()
        items.setObjectName(name)
        items.setMaximumHeight(150)
        inner.addWidget(items)
        layout.addWidget(box)
        return items

    def clear(self) -> None:
        self.title.setText(self.tr("No member"))
        for label in (self.level, self.points, self.stored_value, self.salesperson, self.tags):
            label.clear()
        self.coupons.clear()
        self.recent.clear()

    def show_profile(self, p: MemberProfile) -> None:
        m = p.member
        self.title.setText(f"{m.name}  {m.masked_phone}")
        discount = "" if p.level.discount_bp >= 10000 else self.tr(" · %1% of price").replace(
            "%1", f"{p.level.discount_bp / 100:g}")
        self.level.setText(f"{p.level.name}{discount} · ×{p.level.points_multiplier_pct / 100:g} "
                           + self.tr("points"))
        expiring = self.tr(" (%1 expired)").replace("%1", str(p.points.due_to_expire)) \
            if p.points.due_to_expire else ""
        self.points.setText(f"{p.points.available:,}{expiring}")
        self.stored_value.setText(self.tr("%1 (principal %2, bonus %3)")
                                  .replace("%1", p.stored_value.total.format())
                                  .replace("%2", p.stored_value.principal.format())
                                  .replace("%3", p.stored_value.bonus.format()))
        self.salesperson.setText(p.salesperson_name or self.tr("(none)"))
        self.tags.setText(" · ".join(p.tags) or "—")
        self.coupons.clear()
        for c in p.coupons:
            until = to_local(c.ends_at, self._tz).strftime("%Y-%m-%d")
            self.coupons.addItem(f"{c.describe()}  ({self.tr('until')} {until})")
        self.recent.clear()
        if not p.recent:
            self.recent.addItem(self.tr("No purchases yet"))
        for purchase in p.recent:
            when = to_local(purchase.completed_at, self._tz).strftime("%Y-%m-%d %H:%M")
            where = "" if purchase.channel == "store" else f"  [{purchase.channel} · {purchase.status}]"
            self.recent.addItem(f"{when}  {purchase.receipt_no}  {purchase.total.format()}{where}")
