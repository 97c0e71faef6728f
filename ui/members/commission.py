"""Commission rules editor: the list of rules and a form to add or change one."""
from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QVBoxLayout,
    QWidget,
)

from app.domain.money import Money, MoneyError
from app.services.errors import ServiceError
from app.services.members.commission import CommissionService, RuleData
from ui.errors import user_message
from ui.members.common import error_label, touch_button


class CommissionRulesEditor(QDialog):
    """``allowed`` is whether the logged-in user may change rules (the service checks it too)."""

    def __init__(self, service: CommissionService, allowed: bool, tz, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Commission rules"))
        self.resize(720, 560)
        self._service = service
        self._allowed = allowed
        self._tz = tz
        self._rules: list[RuleData] = []
        self._editing: str = ""
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("ruleList")
        self.list.setStyleSheet("QListWidget::item { min-height: 44px; }")
        self.list.currentRowChanged.connect(self._load)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._form(), 1)
        self.reload()

    def _form(self) -> QVBoxLayout:
        column = QVBoxLayout()
        form = QFormLayout()
        self.name = self._edit("ruleName")
        self.kind = self._combo("ruleKind", [("percent", self.tr("Percent of net sales")),
                                             ("per_item", self.tr("Fixed amount per item"))])
        self.value = self._edit("ruleValue", self.tr("e.g. 5 (%) or 2.00 (yuan)"))
        self.scope = self._combo("ruleScope", [("all", self.tr("All goods")), ("category", self.tr("Category")),
                                               ("sku", self.tr("SKU"))])
        self.scope_ref = self._edit("ruleScopeRef", self.tr("Category code (e.g. 服装) or SKU"))
        self.starts = self._edit("ruleStarts", "YYYY-MM-DD")
        self.ends = self._edit("ruleEnds", self.tr("YYYY-MM-DD (last day, optional)"))
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(True)
        for label, widget in ((self.tr("Name"), self.name), (self.tr("Kind"), self.kind),
                              (self.tr("Rate / amount"), self.value), (self.tr("For"), self.scope),
                              (self.tr("Category / SKU"), self.scope_ref), (self.tr("From"), self.starts),
                              (self.tr("Until"), self.ends), ("", self.active)):
            form.addRow(label, widget)
        column.addLayout(form)
        self.error = error_label("ruleError")
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        new = touch_button(self.tr("New rule"), name="ruleNew")
        new.clicked.connect(self._new)
        save = touch_button(self.tr("Save"), name="ruleSave")
        save.clicked.connect(self.save)
        save.setEnabled(self._allowed)
        close = touch_button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        for b in (close, new, save):
            buttons.addWidget(b)
        column.addLayout(buttons)
        column.addStretch(1)
        return column

    def _edit(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(44)
        return edit

    def _combo(self, name: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumHeight(44)
        for data, label in items:
            combo.addItem(label, data)
        return combo

    def reload(self) -> None:
        self._rules = self._service.rules()
        self.list.clear()
        for r in self._rules:
            value = f"{r.rate_bp / 100:g}%" if r.kind == "percent" else Money(r.amount_fen).format()
            scope = r.scope_ref or self.tr("all goods")
            off = "" if r.active else self.tr(" (off)")
            self.list.addItem(f"{r.name}: {value} · {scope}{off}")

    def _new(self) -> None:
        self._editing = ""
        self.list.clearSelection()
        for edit in (self.name, self.value, self.scope_ref, self.starts, self.ends):
            edit.clear()
        self.active.setChecked(True)
        self.name.setFocus()

    def _load(self, row: int) -> None:
        if not 0 <= row < len(self._rules):
            return
        r = self._rules[row]
        self._editing = r.id
        self.name.setText(r.name)
        self.kind.setCurrentIndex(self.kind.findData(r.kind))
        self.value.setText(f"{r.rate_bp / 100:g}" if r.kind == "percent" else Money(r.amount_fen).plain())
        self.scope.setCurrentIndex(self.scope.findData(r.scope))
        self.scope_ref.setText(r.scope_ref)
        self.starts.setText(r.starts_at.astimezone(self._tz).date().isoformat() if r.starts_at else "")
        self.ends.setText(r.ends_at.astimezone(self._tz).date().isoformat() if r.ends_at else "")
        self.active.setChecked(r.active)

    def save(self) -> None:
        self.error.clear()
        try:
            rule = self._rule_from_form()
            self._service.save(rule, self._allowed)
        except ValueError:
            self.error.setText(self.tr("Check the rate or amount and the dates (YYYY-MM-DD)."))
            return
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return
        self.reload()

    def _rule_from_form(self) -> RuleData:
        kind = self.kind.currentData()
        try:
            rate = int(Decimal(self.value.text().strip() or "0") * 100) if kind == "percent" else 0
            amount = Money.parse(self.value.text()).fen if kind == "per_item" else 0
        except (InvalidOperation, MoneyError) as exc:
            raise ValueError(str(exc)) from exc
        return RuleData(self._editing, self.name.text(), kind, rate_bp=rate, amount_fen=amount,
                        scope=self.scope.currentData(), scope_ref=self.scope_ref.text(),
                        starts_at=self._day(self.starts.text(), 0), ends_at=self._day(self.ends.text(), 1),
                        active=self.active.isChecked())

    def _day(self, text: str, plus_days: int) -> datetime | None:
        """Local midnight of the day (the end date counts in full: midnight after it)."""
        text = text.strip()
        if not text:
            return None
        from datetime import date, timedelta
        day = date.fromisoformat(text) + timedelta(days=plus_days)
        return datetime.combine(day, time(0), tzinfo=self._tz)
