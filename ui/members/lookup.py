"""Find a member: full phone, last 4 digits (pick from a list), card number, or a scanned
member code. Enter looks up; with several matches, arrows and Enter pick one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from app.services.errors import ServiceError
from app.services.members.members import MemberService, MemberSummary
from ui.errors import user_message
from ui.members.common import error_label, touch_button
from ui.widgets.keypad import Keypad


class MemberLookupDialog(QDialog):
    """``chosen`` holds the member picked; ``wants_registration`` is set by F2 / the button."""

    def __init__(self, members: MemberService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a member"))
        self.resize(560, 620)
        self._members = members
        self.chosen: MemberSummary | None = None
        self.wants_registration = False
        self._matches: list[MemberSummary] = []
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setObjectName("memberQuery")
        self.query.setPlaceholderText(self.tr("Phone, last 4 digits, card number, or scan the member code"))
        self.query.setMinimumHeight(48)
        self.query.setStyleSheet("font-size: 16pt;")
        layout.addWidget(self.query)
        self.error = error_label("memberLookupError")
        layout.addWidget(self.error)
        self.hint = QLabel()
        layout.addWidget(self.hint)
        self.matches = QListWidget()
        self.matches.setObjectName("memberMatches")
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setStyleSheet("QListWidget::item { min-height: 44px; font-size: 13pt; }")
        self.matches.itemActivated.connect(lambda _: self._choose_selected())
        layout.addWidget(self.matches, 1)
        self.matches.hide()  # shown only when several members match
        layout.addWidget(Keypad(self.query, decimal=False))
        buttons = QHBoxLayout()
        back = touch_button(self.tr("Back (Esc)"))
        back.clicked.connect(self.reject)
        register = touch_button(self.tr("New member (F2)"), name="registerButton")
        register.clicked.connect(self._register)
        find = touch_button(self.tr("Find (Enter)"), name="findButton")
        find.clicked.connect(self.submit)
        for b in (back, register, find):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.query.returnPressed.connect(self.submit)

    def submit(self) -> None:
        if self._matches and self.matches.currentRow() >= 0 and not self.query.isModified():
            self._choose_selected()
            return
        self.query.setModified(False)
        self.error.clear()
        try:
            found = self._members.lookup(self.query.text())
        except ServiceError as exc:
            self._show([])
            self.error.setText(user_message(exc))
            self.query.selectAll()
            return
        if len(found) == 1:
            self.chosen = found[0]
            self.accept()
            return
        self._show(found)

    def accept_scan(self, code: str) -> None:
        """A scan while the dialog is open: the member code on the phone, or a card."""
        self.query.setText(code.strip())
        self.submit()

    def _show(self, found: list[MemberSummary]) -> None:
        self._matches = found
        self.matches.clear()
        for m in found:
            item = QListWidgetItem(f"{m.name}    {m.masked_phone}    {m.level_name}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if found:
            self.hint.setText(self.tr("%n members match: choose with ↑ ↓ and press Enter.", "", len(found)))
            self.matches.setCurrentRow(0)
        else:
            self.hint.clear()

    def _choose_selected(self) -> None:
        row = self.matches.currentRow()
        if 0 <= row < len(self._matches):
            self.chosen = self._matches[row]
            self.accept()

    def _register(self) -> None:
        self.wants_registration = True
        self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_F2:
            self._register()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._matches:
            step = 1 if key == Qt.Key.Key_Down else -1
            row = max(0, min(len(self._matches) - 1, self.matches.currentRow() + step))
            self.matches.setCurrentRow(row)
            self.query.setModified(False)
            return
        super().keyPressEvent(event)
