"""Roles are data: a manager chooses each role's permissions and discount limit."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from app.services.auth import StaffMember
from app.services.errors import ServiceError
from app.services.permissions import Permission, PermissionService, RoleSpec
from ui.dialogs.manager_override import with_override
from ui.errors import user_message

PERMISSION_LABELS = {
    Permission.PRICE_OVERRIDE: QT_TRANSLATE_NOOP("RoleEditor", "Change a price"),
    Permission.DISCOUNT_ABOVE_LIMIT: QT_TRANSLATE_NOOP("RoleEditor", "Discount above the limit"),
    Permission.VOID_LINE: QT_TRANSLATE_NOOP("RoleEditor", "Void a line"),
    Permission.CANCEL_SALE: QT_TRANSLATE_NOOP("RoleEditor", "Cancel a sale"),
    Permission.REFUND: QT_TRANSLATE_NOOP("RoleEditor", "Refund"),
    Permission.REFUND_WITHOUT_RECEIPT: QT_TRANSLATE_NOOP("RoleEditor", "Refund without receipt"),
    Permission.OPEN_DRAWER: QT_TRANSLATE_NOOP("RoleEditor", "Open the drawer without a sale"),
    Permission.REPRINT: QT_TRANSLATE_NOOP("RoleEditor", "Reprint receipts"),
    Permission.STOCK_ADJUSTMENT: QT_TRANSLATE_NOOP("RoleEditor", "Adjust stock"),
    Permission.EDIT_PRODUCTS: QT_TRANSLATE_NOOP("RoleEditor", "Edit products"),
    Permission.MANAGE_STAFF: QT_TRANSLATE_NOOP("RoleEditor", "Manage staff and roles"),
    Permission.DEVICE_SETTINGS: QT_TRANSLATE_NOOP("RoleEditor", "Device settings"),
    Permission.OPEN_SHIFT: QT_TRANSLATE_NOOP("RoleEditor", "Open a shift"),
    Permission.CLOSE_SHIFT: QT_TRANSLATE_NOOP("RoleEditor", "Close a shift"),
    Permission.VIEW_REPORTS: QT_TRANSLATE_NOOP("RoleEditor", "Shift reports (X)"),
    Permission.PAY_IN_OUT: QT_TRANSLATE_NOOP("RoleEditor", "Pay cash in or out"),
    Permission.SAFE_DROP: QT_TRANSLATE_NOOP("RoleEditor", "Safe drop"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("RoleEditor", "See the audit log"),
    Permission.EDIT_MEMBERS: QT_TRANSLATE_NOOP("RoleEditor", "Edit members"),
}


class RoleEditor(QWidget):
    def __init__(self, perms: PermissionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._perms = perms
        self.actor: StaffMember | None = None
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("roleList")
        self.list.setMaximumWidth(240)
        self.list.currentItemChanged.connect(lambda item, _: self._show(item))
        layout.addWidget(self.list)
        right = QVBoxLayout()
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("roleCode")
        self.name = QLineEdit()
        self.name.setObjectName("roleName")
        self.limit = QSpinBox()
        self.limit.setObjectName("roleDiscountLimit")
        self.limit.setRange(0, 100)
        self.limit.setSuffix(" %")
        for w in (self.code, self.name, self.limit):
            w.setMinimumHeight(44)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Largest discount on their own"), self.limit)
        right.addLayout(form)
        box = QGroupBox(self.tr("Permissions"))
        grid = QGridLayout(box)
        self.checks: dict[Permission, QCheckBox] = {}
        for i, permission in enumerate(Permission):
            check = QCheckBox(QCoreApplication.translate("RoleEditor", PERMISSION_LABELS[permission]))
            check.setObjectName(f"perm_{permission.value}")
            check.setMinimumHeight(44)
            grid.addWidget(check, i // 2, i % 2)
            self.checks[permission] = check
        right.addWidget(box)
        self.message = QLabel()
        self.message.setObjectName("roleMessage")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        buttons = QHBoxLayout()
        for text, name, slot in ((self.tr("New role"), "roleNew", self.new_role),
                                 (self.tr("Save role"), "roleSave", self.save)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.setMinimumHeight(52)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        right.addLayout(buttons)
        right.addStretch(1)
        layout.addLayout(right, 1)

    def start(self, actor: StaffMember) -> None:
        self.actor = actor
        self.reload()

    def reload(self, select: str = "") -> None:
        self.list.clear()
        for spec in self._perms.roles():
            item = QListWidgetItem(f"{spec.name} ({spec.code})")
            item.setData(256, spec)
            self.list.addItem(item)
            if spec.code == select or (not select and self.list.count() == 1):
                self.list.setCurrentItem(item)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        spec: RoleSpec = item.data(256)
        self.code.setText(spec.code)
        self.code.setReadOnly(True)
        self.name.setText(spec.name)
        self.limit.setValue(spec.discount_limit_bp // 100)
        for permission, check in self.checks.items():
            check.setChecked(permission in spec.permissions)

    def new_role(self) -> None:
        self.list.clearSelection()
        self.code.setReadOnly(False)
        for w in (self.code, self.name):
            w.clear()
        self.limit.setValue(0)
        for check in self.checks.values():
            check.setChecked(False)
        self.code.setFocus()

    def spec(self) -> RoleSpec:
        granted = frozenset(p for p, check in self.checks.items() if check.isChecked())
        return RoleSpec(self.code.text().strip(), self.name.text().strip(), self.limit.value() * 100,
                        granted)

    def save(self) -> None:
        spec = self.spec()
        try:
            with_override(self, self._perms, lambda ok: self._perms.save_role(self.actor, spec, ok))
        except ServiceError as exc:
            self.message.setText(user_message(exc))
            return
        self.message.setText(self.tr("Role %1 saved.").replace("%1", spec.name))
        self.reload(spec.code)
