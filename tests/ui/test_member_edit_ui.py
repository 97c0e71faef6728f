"""Editing the member on the sale at the till: a cashier without EDIT_MEMBERS gets a
supervisor to approve; a wrong mobile number is refused before anyone is called over."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from app.db.models_members import Member
from app.db.models_staff import AuditEntry
from ui.dialogs.manager_override import ManagerOverrideDialog
from tests.ui.conftest import log_in
from tests.ui.test_checkout_flow import scan, with_modal

CHEN_WEI_CARD = "6100000002"  # demo member 陈伟, 139****1234, 银卡会员


def _attach_chen_wei(qtbot, window):
    log_in(qtbot, window)  # 张丽, a cashier: may not edit members
    scan(qtbot, window.checkout.scan, CHEN_WEI_CARD)
    panel = window.checkout.member_side.panel
    assert panel.member.text() == "陈伟  139****1234  银卡会员"
    assert panel.edit_button.isVisible()
    return panel


def when_override_opens(action, tries=150):
    """Run `action(dialog)` once the supervisor dialog is the modal one (it opens over the
    edit dialog, which is modal already, so with_modal would pick the edit dialog)."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, ManagerOverrideDialog):
        action(dialog)
    elif tries:
        QTimer.singleShot(20, lambda: when_override_opens(action, tries - 1))


def _member(till) -> Member:
    with till.sessions() as s:
        return s.scalars(select(Member).where(Member.card_no == CHEN_WEI_CARD)).one()


def test_cashier_renames_a_member_with_a_supervisors_approval(qtbot, window, till):
    panel = _attach_chen_wei(qtbot, window)
    before = _member(till)
    seen = {}

    def supervisor_approves(override):
        seen["reason"] = override.findChild(QLabel, "overrideReason").text()
        override.grab().save("/tmp/member-edit-override.png")
        # typed as a person types (a burst would be taken for a badge scan)
        qtbot.keyClicks(override.credential, "9001", delay=120)
        qtbot.keyClicks(override.pin, "9999", delay=120)
        qtbot.mouseClick(override.approve_button, Qt.MouseButton.LeftButton)
        seen["error"] = override.error.text()
        if override.isVisible():
            override.reject()  # refused: end the test instead of hanging

    def edit(dialog):
        assert dialog.name.text() == "陈伟" and dialog.phone.text() == before.phone
        dialog.name.setText("陈伟明")  # typed through the input method (QTest types ASCII only)
        dialog.grab().save("/tmp/member-edit.png")
        when_override_opens(supervisor_approves)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.error.text()

    with with_modal(qtbot, edit):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)

    assert "may not edit members" in seen["reason"] and seen["error"] == ""
    assert panel.member.text() == "陈伟明  139****1234  银卡会员"  # the panel shows the new name
    assert window.checkout.message.text() == "Member 陈伟明 saved."
    after = _member(till)
    assert after.name == "陈伟明" and after.phone == before.phone
    with till.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "member.edit")).one()
    assert (entry.actor_code, entry.approver_code, entry.subject) == ("1001", "9001", CHEN_WEI_CARD)
    assert json.loads(entry.details) == {"name": "陈伟明", "permission": "edit_members"}  # only what changed


def test_a_wrong_mobile_number_is_refused_and_nothing_changes(qtbot, window, till):
    panel = _attach_chen_wei(qtbot, window)
    before = _member(till)

    def edit(dialog):
        dialog.phone.clear()
        qtbot.keyClicks(dialog.phone, "12345", delay=120)  # typed, not a scan burst
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
        # refused on the spot: no supervisor dialog over it, the edit dialog stays open
        assert QApplication.activeModalWidget() is dialog and dialog.isVisible()
        assert dialog.error.text().startswith("12345 is not a mobile number")
        dialog.grab().save("/tmp/member-edit-bad-phone.png")
        dialog.reject()

    with with_modal(qtbot, edit):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)

    after = _member(till)
    assert (after.name, after.phone, after.updated_at) == (before.name, before.phone,
                                                           before.updated_at)
    with till.sessions() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "member.edit")).all() == []
    assert panel.member.text() == "陈伟  139****1234  银卡会员"
