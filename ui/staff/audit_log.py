"""The audit log viewer: filter by time, action, staff and text; export CSV; check the chain."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.services.audit import AuditFilter
from app.services.auth import StaffMember
from app.services.errors import ServiceError
from app.services.permissions import StaffAdmin
from ui.errors import user_message

ACTION_GROUPS = ("", "login", "override", "permission", "sale.", "refund", "drawer", "shift",
                 "cash", "role", "staff", "settings", "audit")
COLUMNS = ("#", "Time", "Action", "Staff", "Approved by", "Subject", "Details")


class AuditLogView(QWidget):
    def __init__(self, admin: StaffAdmin, tz, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._admin = admin
        self._tz = tz
        self.actor: StaffMember | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.since = QDateEdit(calendarPopup=True)
        self.until = QDateEdit(calendarPopup=True)
        for edit in (self.since, self.until):
            edit.setMinimumHeight(44)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.setMinimumHeight(44)
        for group in ACTION_GROUPS:
            self.action.addItem(group or self.tr("All actions"), group)
        self.staff = QLineEdit()
        self.staff.setObjectName("auditStaff")
        self.staff.setPlaceholderText(self.tr("Staff code"))
        self.text = QLineEdit()
        self.text.setObjectName("auditText")
        self.text.setPlaceholderText(self.tr("Text in subject or details"))
        for w in (self.staff, self.text):
            w.setMinimumHeight(44)
            w.returnPressed.connect(self.refresh)
        for label, w in ((self.tr("From"), self.since), (self.tr("To"), self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        for w in (self.action, self.staff, self.text):
            filters.addWidget(w)
        layout.addLayout(filters)
        buttons = QHBoxLayout()
        for text, name, slot in ((self.tr("Search (Enter)"), "auditSearch", self.refresh),
                                 (self.tr("Export CSV…"), "auditExport", self.export),
                                 (self.tr("Check the log is intact"), "auditVerify", self.verify)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.setMinimumHeight(44)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)

    def start(self, actor: StaffMember, today: datetime) -> None:
        self.actor = actor
        local = to_local(today, self._tz).date()
        self.until.setDate(QDate(local.year, local.month, local.day))
        self.since.setDate(QDate(local.year, local.month, local.day).addDays(-7))
        self.refresh()

    def current_filter(self, limit: int = 500) -> AuditFilter:
        return AuditFilter(since=self._utc(self.since.date()),
                           until=self._utc(self.until.date().addDays(1)),
                           action_prefix=self.action.currentData() or "",
                           actor_code=self.staff.text().strip(), text=self.text.text().strip(),
                           limit=limit)

    def _utc(self, day: QDate) -> datetime:
        local = datetime(day.year(), day.month(), day.day(), tzinfo=self._tz)
        return local.astimezone(timezone.utc)

    def refresh(self) -> None:
        try:
            records = self._admin.audit_entries(self.actor, self.current_filter())
        except ServiceError as exc:
            self._say(user_message(exc), bad=True)
            return
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            details = ", ".join(f"{k}={v}" for k, v in r.details.items())
            values = (str(r.seq), to_local(r.at, self._tz).strftime("%Y-%m-%d %H:%M:%S"), r.action,
                      r.actor_code, r.approver_code, r.subject, details)
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self._say(self.tr("%1 entries (newest first)").replace("%1", str(len(records))))

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                                  "audit-log.csv", "CSV (*.csv)")
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:  # BOM: Excel reads UTF-8
                count = self._admin.export_audit(self.actor, out, self.current_filter(limit=10**6))
        except ServiceError as exc:
            self._say(user_message(exc), bad=True)
            return
        except OSError as exc:
            self._say(self.tr("Could not write %1: %2").replace("%1", path).replace("%2", exc.strerror or ""), bad=True)
            return
        self._say(self.tr("%1 entries exported to %2").replace("%1", str(count)).replace("%2", path))

    def verify(self) -> None:
        try:
            check = self._admin.verify_audit(self.actor)
        except ServiceError as exc:
            self._say(user_message(exc), bad=True)
            return
        if check.ok:
            self._say(self.tr("The audit log is intact: %1 entries checked.").replace("%1", str(check.checked)))
        else:
            self._say(self.tr("The audit log was tampered with at entry %1 (%2). Tell the head office.")
                      .replace("%1", str(check.first_broken_seq)).replace("%2", check.problem), bad=True)

    def _say(self, text: str, bad: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if bad else "")
