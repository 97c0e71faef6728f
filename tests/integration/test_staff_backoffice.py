"""The staff back office (Qt, offscreen): a manager edits a role, adds staff, reads and
exports the audit log, and checks the chain."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QPushButton

from app.services.errors import NotAllowed
from app.services.permissions import Permission
from tests.integration.test_staff_helpers import make_world
from ui.staff.window import StaffBackOffice


@pytest.fixture
def office(qtbot, engine, sessions, clock):
    w = make_world(engine, sessions, clock)
    widget = StaffBackOffice(w.admin, w.perms, clock, w.ctx.tz)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.start(w.manager)
    return widget, w


def click(qtbot, parent, name):
    qtbot.mouseClick(parent.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_a_manager_gives_cashiers_the_refund_permission(qtbot, office):
    widget, w = office
    roles = widget.roles
    widget.setCurrentWidget(roles)
    item = next(roles.list.item(i) for i in range(roles.list.count())
                if roles.list.item(i).text() == "Cashier (cashier)")
    roles.list.setCurrentItem(item)
    refund = roles.findChild(QCheckBox, "perm_refund")
    assert not refund.isChecked()
    with pytest.raises(NotAllowed):
        w.perms.require(w.cashier, Permission.REFUND)
    # on the box itself: a wide check box only reacts on its indicator and text
    qtbot.mouseClick(refund, Qt.MouseButton.LeftButton, pos=QPoint(8, refund.height() // 2))
    assert refund.isChecked()
    click(qtbot, roles, "roleSave")
    assert roles.message.text() == "Role Cashier saved."
    assert w.perms.require(w.cashier, Permission.REFUND).approver is None


def test_a_manager_adds_a_cashier_with_a_badge(qtbot, office):
    widget, w = office
    staff = widget.staff
    widget.setCurrentWidget(staff)
    click(qtbot, staff, "staffNew")
    qtbot.keyClicks(staff.code, "1005")
    staff.name.setText("周洁")  # typed through the IME
    staff.role.setCurrentIndex(staff.role.findData("cashier"))
    qtbot.keyClicks(staff.pin, "5678")
    click(qtbot, staff, "staffSave")
    assert staff.message.text() == "周洁 saved."
    qtbot.keyClicks(staff.badge, "STAFF-1005-A")
    qtbot.keyClick(staff.badge, Qt.Key.Key_Return)  # a scanner ends with Enter
    assert staff.message.text() == "Badge added."
    assert w.auth.login_badge("STAFF-1005-A").name == "周洁"
    codes = [staff.table.item(r, 0).text() for r in range(staff.table.rowCount())]
    assert "1005" in codes


def test_the_audit_log_filters_exports_and_checks_itself(qtbot, office, tmp_path):
    widget, w = office
    log = widget.audit
    widget.setCurrentWidget(log)
    with pytest.raises(NotAllowed):
        w.auth.login("1001", "0000")
    log.action.setCurrentIndex(log.action.findData("login"))
    click(qtbot, log, "auditSearch")
    actions = [log.table.item(r, 2).text() for r in range(log.table.rowCount())]
    assert actions == ["login.failed"]
    assert log.table.item(0, 3).text() == "1001"
    target = tmp_path / "audit.csv"
    log.export(str(target))
    assert log.message.text() == f"1 entries exported to {target}"
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][2] == "login.failed" and rows[1][3] == "1001"
    click(qtbot, log, "auditVerify")
    assert log.message.text().startswith("The audit log is intact")


def test_someone_without_view_audit_is_told_so(qtbot, office):
    widget, w = office
    widget.audit.start(w.supervisor, w.audit._clock.now())
    assert widget.audit.message.text() == "赵刚 may not see the audit log. Ask a store manager."
    assert widget.audit.table.rowCount() == 0
