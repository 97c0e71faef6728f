"""Staff accounts: name, role, PIN, badges, active, unlock after a lockout."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.auth import StaffMember
from app.services.errors import ServiceError
from app.services.permissions import PermissionService, StaffAdmin
from ui.dialogs.manager_override import with_override
from ui.errors import user_message

COLUMNS = ("Code", "Name", "Role", "Active", "Badges")


class StaffList(QWidget):
    def __init__(self, admin: StaffAdmin, perms: PermissionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._admin = admin
        self._perms = perms
        self.actor: StaffMember | None = None
        layout = QHBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._show_selected)
        layout.addWidget(self.table, 3)
        right = QVBoxLayout()
        form = QFormLayout()
        self.code, self.name, self.pin, self.badge = (QLineEdit() for _ in range(4))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Leave blank to keep the PIN"))
        self.badge.setPlaceholderText(self.tr("Scan a new badge"))
        self.role = QComboBox()
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)  # a new account can log in unless switched off
        for name, w in (("staffCode", self.code), ("staffName", self.name), ("staffPin", self.pin),
                        ("staffBadge", self.badge), ("staffRole", self.role), ("staffActive", self.active)):
            w.setObjectName(name)
            w.setMinimumHeight(44)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow("", self.active)
        form.addRow(self.tr("Badge"), self.badge)
        right.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("staffMessage")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        for text, name, slot in ((self.tr("Save"), "staffSave", self.save),
                                 (self.tr("Add badge"), "staffAddBadge", self.add_badge),
                                 (self.tr("Unlock after wrong PINs"), "staffUnlock", self.unlock),
                                 (self.tr("New staff member"), "staffNew", self.new)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.setMinimumHeight(52)
            b.clicked.connect(slot)
            right.addWidget(b)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.badge.returnPressed.connect(self.add_badge)

    def start(self, actor: StaffMember) -> None:
        self.actor = actor
        self.role.clear()
        for spec in self._perms.roles():
            self.role.addItem(f"{spec.name} ({spec.code})", spec.code)
        self.reload()

    def reload(self) -> None:
        self.rows = self._admin.staff()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = (row.code, row.name, row.role, self.tr("yes") if row.active else self.tr("no"),
                      ", ".join(row.badges))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _show_selected(self) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.code.setText(row.code)
        self.code.setReadOnly(True)
        self.name.setText(row.name)
        self.role.setCurrentIndex(max(0, self.role.findData(row.role)))
        self.active.setChecked(row.active)
        self.pin.clear()

    def new(self) -> None:
        self.table.clearSelection()
        self.code.setReadOnly(False)
        for w in (self.code, self.name, self.pin, self.badge):
            w.clear()
        self.active.setChecked(True)
        self.code.setFocus()

    def _run(self, call, done: str) -> None:
        try:
            with_override(self, self._perms, call)
        except ServiceError as exc:
            self.message.setText(user_message(exc))
            return
        self.message.setText(done)
        self.reload()

    def save(self) -> None:
        code, name, role, pin, active = (self.code.text(), self.name.text(), self.role.currentData(),
                                         self.pin.text(), self.active.isChecked())
        self._run(lambda ok: self._admin.save_staff(self.actor, code, name, role, pin, active, ok),
                  self.tr("%1 saved.").replace("%1", name))
        self.pin.clear()

    def add_badge(self) -> None:
        code, badge = self.code.text(), self.badge.text()
        self._run(lambda ok: self._admin.add_badge(self.actor, code, badge, ok),
                  self.tr("Badge added."))
        self.badge.clear()

    def unlock(self) -> None:
        code = self.code.text()
        self._run(lambda ok: self._admin.unlock(self.actor, code, ok),
                  self.tr("%1 can log in again.").replace("%1", code))
