"""Edit a member at the till: name, mobile, birthday and tags. (The level moves by spend
and top-up; no service lists the levels for a till screen to offer, so it is not here.)

Editing needs EDIT_MEMBERS; a cashier without it gets the supervisor override dialog and
the approval goes down to MemberService.edit, which audits it ("member.edit"). Only the
fields the cashier changed are sent, so the audit log says what changed. The mobile and
birthday are checked here first, so a typo never calls a supervisor over for nothing.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from app.services.auth import StaffMember
from app.services.errors import ServiceError
from app.services.members.members import MemberEdit, MemberService, MemberSummary, normalize_phone
from app.services.members.profile import MemberProfile
from ui.errors import user_message
from ui.members.common import error_label, touch_button
from ui.staff.guarded import run_as


class MemberEditDialog(QDialog):
    """``saved`` holds the member as stored after a successful save."""

    def __init__(self, members: MemberService, profile: MemberProfile,
                 actor: StaffMember | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit member"))
        self.resize(540, 440)
        self._members = members
        self._profile = profile
        self._actor = actor
        self.saved: MemberSummary | None = None
        m = profile.member
        layout = QVBoxLayout(self)
        card = QLabel(self.tr("Card %1").replace("%1", m.card_no))
        card.setObjectName("editCard")
        card.setStyleSheet("font-size: 13pt; color: #57606a;")
        layout.addWidget(card)
        form = QFormLayout()
        self.name = self._field("editName", self.tr("Name"), m.name)
        self.phone = self._field("editPhone", self.tr("11-digit mobile number"), m.phone)
        self.birthday = self._field("editBirthday", self.tr("YYYY-MM-DD"),
                                    profile.birthday.isoformat() if profile.birthday else "")
        self.tags = self._field("editTags", self.tr("Comma-separated, e.g. VIP,新客"),
                                ",".join(profile.tags))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow(self.tr("Birthday"), self.birthday)
        form.addRow(self.tr("Tags"), self.tags)
        layout.addLayout(form)
        self.error = error_label("editError")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        back = touch_button(self.tr("Back (Esc)"))
        back.clicked.connect(self.reject)
        self.save_button = touch_button(self.tr("Save (Enter)"), name="editSave")
        self.save_button.clicked.connect(self.submit)
        buttons.addWidget(back)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.name.setFocus()

    def _field(self, name: str, placeholder: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(44)
        return edit

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()  # from any field
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        self.error.clear()
        changes = self._changes()
        if changes is None:
            return
        if changes == MemberEdit():
            self.reject()  # nothing changed: nothing to approve or audit
            return
        member_id = self._profile.member.id
        try:
            saved = run_as(self, self._members.rules, self._actor,
                           lambda actor, ok: self._members.edit(member_id, changes, actor, ok))
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return
        if saved is None:
            self.error.setText(self.tr("Not saved: no supervisor approved the change."))
            return
        self.saved = saved
        self.accept()

    def _changes(self) -> MemberEdit | None:
        """What differs from the member as shown; None (with a message) when a field is wrong."""
        m, p = self._profile.member, self._profile
        try:
            phone = normalize_phone(self.phone.text())
        except ServiceError as exc:
            self._refuse(user_message(exc), self.phone)
            return None
        birthday_text = self.birthday.text().strip()
        if not birthday_text and p.birthday is not None:
            self._refuse(self.tr("A birthday cannot be removed, only changed."), self.birthday)
            return None
        try:
            birthday = date.fromisoformat(birthday_text) if birthday_text else None
        except ValueError:
            self._refuse(self.tr("The birthday must be a date like 1990-05-20."), self.birthday)
            return None
        name = self.name.text().strip()
        if not name:
            self._refuse(self.tr("Type the member's name (at most 40 characters)."), self.name)
            return None
        tags = ",".join(t.strip() for t in self.tags.text().split(",") if t.strip())
        return MemberEdit(
            name=name if name != m.name else None,
            phone=phone if phone != m.phone else None,
            birthday=birthday if birthday != p.birthday else None,
            tags=tags if tags != ",".join(p.tags) else None)

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.error.setText(message)
        field.setFocus()
        field.selectAll()
