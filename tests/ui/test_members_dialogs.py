"""The member screens as a cashier uses them: find by last 4 digits, register, top up,
choose a salesperson, performance report and commission rules."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from app.services.members.wiring import MemberServices
from tests.ui.test_checkout_flow import with_modal
from ui.fonts import install_fonts
from ui.members.commission import CommissionRulesEditor
from ui.members.lookup import MemberLookupDialog
from ui.members.performance import PerformanceView
from ui.members.profile import MemberProfilePanel
from ui.members.registration import RegistrationDialog
from ui.members.salesperson import SalespersonChooser
from ui.members.topup import TopUpDialog


@pytest.fixture
def services(qapp, till):
    install_fonts(qapp)  # Chinese names render as on a till without CJK fonts
    return till.members  # the demo store comes with its demo members


def _type(qtbot, widget, text):
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_find_a_member_by_last_four_digits_and_show_the_profile(qtbot, services, till):
    dialog = MemberLookupDialog(services.members)
    qtbot.addWidget(dialog)

    def pick_second(d):
        _type(qtbot, d.query, "1234")
        assert d.matches.count() == 2 and d.isVisible()  # two phones end in 1234: a pick list
        assert "139****1234" in d.matches.item(0).text() and "陈伟" in d.matches.item(0).text()
        qtbot.keyClick(d.query, Qt.Key.Key_Down)
        d.grab().save("/tmp/members-picklist.png")
        qtbot.keyClick(d.query, Qt.Key.Key_Return)

    with with_modal(qtbot, pick_second):
        result = dialog.exec()
    assert result == dialog.DialogCode.Accepted
    assert dialog.chosen.name == "陈静"
    panel = MemberProfilePanel(till.terminal.tz)
    qtbot.addWidget(panel)
    panel.show_profile(services.profiles.profile(dialog.chosen.id))
    assert panel.title.text() == "陈静  138****1234"
    assert panel.level.text().startswith("金卡会员")
    assert panel.points.text() == "12,800"
    assert panel.stored_value.text() == "¥360.00 (principal ¥300.00, bonus ¥60.00)"
    assert panel.salesperson.text() == "张丽"
    assert panel.coupons.count() == 2
    panel.grab().save("/tmp/members-profile.png")


def test_unknown_last_digits_say_what_to_do(qtbot, services):
    dialog = MemberLookupDialog(services.members)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.query, "4321")
    assert dialog.isVisible() and dialog.chosen is None
    assert "register the customer" in dialog.error.text()
    dialog.grab().save("/tmp/members-lookup.png")


def test_register_a_member_then_find_them_by_last_four_digits(qtbot, services):
    people = services.salespeople.active()
    dialog = RegistrationDialog(services.members, people)
    qtbot.addWidget(dialog)

    def fill(d):
        qtbot.keyClicks(d.phone, "139 1234 5679")
        d.name.insert("王芳")  # Chinese arrives through the input method, not as key codes
        qtbot.keyClicks(d.birthday, "1992-03-04")
        d.salesperson.setCurrentIndex(d.salesperson.findData(people[0].id))
        qtbot.keyClick(d.birthday, Qt.Key.Key_Return)
        assert "agree" in d.error.text()  # consent first
        d.consent.setFocus()
        qtbot.keyClick(d.consent, Qt.Key.Key_Space)
        assert d.consent.isChecked()
        d.grab().save("/tmp/members-register.png")
        qtbot.keyClick(d.name, Qt.Key.Key_Return)

    with with_modal(qtbot, fill):
        result = dialog.exec()
    assert result == dialog.DialogCode.Accepted
    assert dialog.registered.name == "王芳" and dialog.registered.salesperson_id == people[0].id
    [found] = services.members.lookup("5679")
    assert found.id == dialog.registered.id and found.phone == "13912345679"


def test_top_up_shows_the_bonus_before_taking_the_money(qtbot, services, till):
    member = services.members.find_by_phone("18600001357")
    dialog = TopUpDialog(services.stored_value, member, till.auth.active_staff()[0].id)
    qtbot.addWidget(dialog)

    def top_up(d):
        qtbot.keyClicks(d.amount, "500")
        assert d.bonus.text() == "Bonus ¥80.00 · card gets ¥580.00"
        d.grab().save("/tmp/members-topup.png")
        qtbot.keyClick(d.amount, Qt.Key.Key_Return)

    with with_modal(qtbot, top_up):
        result = dialog.exec()
    assert result == dialog.DialogCode.Accepted
    assert dialog.result.balance.total.fen == 58_000
    assert dialog.result.new_level.code == "SILVER"


def test_choose_a_salesperson_by_scanning_the_badge(qtbot, services):
    dialog = SalespersonChooser(services.salespeople)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.scan, "29009999")
    assert "No salesperson" in dialog.error.text()
    dialog.scan.clear()
    _type(qtbot, dialog.scan, "29001002")
    assert dialog.chosen.name == "王强"
    dialog.grab().save("/tmp/members-salesperson.png")


def test_performance_report_runs_in_the_background_and_exports(qtbot, services, till, tmp_path):
    view = PerformanceView(services.performance, date(2026, 11, 25))
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=3000)
    assert [view.model.data(view.model.index(r, 1)) for r in range(3)] == ["张丽", "王强", "李敏"]
    view.grab().save("/tmp/members-performance.png")
    path = tmp_path / "perf.csv"
    view.export(str(path))
    qtbot.waitUntil(path.exists, timeout=3000)
    assert path.read_text(encoding="utf-8-sig").splitlines()[0].startswith("code,name,sales")


def test_commission_rules_editor_adds_a_rule_only_for_a_manager(qtbot, services, till):
    editor = CommissionRulesEditor(services.commission, allowed=True, tz=till.terminal.tz)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.list.count() == 2
    editor._new()
    editor.name.insert("饮料 每件0.20")
    editor.kind.setCurrentIndex(editor.kind.findData("per_item"))
    qtbot.keyClicks(editor.value, "0.20")
    editor.scope.setCurrentIndex(editor.scope.findData("category"))
    editor.scope_ref.insert("饮料")
    qtbot.mouseClick(editor.findChild(QPushButton, "ruleSave"), Qt.MouseButton.LeftButton)
    assert editor.error.text() == ""
    assert editor.list.count() == 3
    assert any(r.amount_fen == 20 and r.scope_ref == "饮料" for r in services.commission.rules())
    editor.grab().save("/tmp/members-commission.png")
    readonly = CommissionRulesEditor(services.commission, allowed=False, tz=till.terminal.tz)
    qtbot.addWidget(readonly)
    assert not readonly.findChild(QPushButton, "ruleSave").isEnabled()


def test_f2_in_the_lookup_registers_the_typed_phone_as_a_new_member(qtbot, services):
    from ui.members.till_actions import MemberActions
    steps = []

    def lookup_then_register(d):
        if not steps:  # first the lookup: the number is unknown, so register it
            steps.append("lookup")
            _type(qtbot, d.query, "13711112222")
            assert "Register the customer" in d.error.text()
            qtbot.keyClick(d.query, Qt.Key.Key_F2)
            QTimer.singleShot(0, lambda: with_modal(qtbot, lookup_then_register).__enter__())
            return
        steps.append("register")
        assert d.phone.text() == "13711112222"
        d.name.insert("吴磊")
        d.consent.setChecked(True)
        qtbot.keyClick(d.name, Qt.Key.Key_Return)

    with with_modal(qtbot, lookup_then_register):
        member = MemberActions(services).find_member()
    assert steps == ["lookup", "register"]
    assert member is not None and member.name == "吴磊"
    assert services.members.find_by_phone("13711112222").id == member.id
