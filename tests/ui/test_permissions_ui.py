"""A cashier refused by a service gets the supervisor prompt, and the approval goes down to
the service, which records it with the action."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services.audit import AuditFilter
from app.services.permissions import Permission
from tests.ui.conftest import log_in
from tests.ui.test_checkout_flow import with_modal


def manager_approves(qtbot, expected: str):
    def act(dialog):
        assert expected in dialog.findChild(QLabel, "overrideReason").text()
        # typed at a person's pace: a fast burst ending in Enter would read as a badge scan
        qtbot.keyClicks(dialog.credential, "9001", delay=120)
        qtbot.keyClicks(dialog.pin, "9999", delay=120)
        qtbot.wait(80)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    return act


def test_a_cashier_changes_a_device_setting_with_the_managers_approval(qtbot, window, till):
    log_in(qtbot, window)  # 张丽, a cashier: no DEVICE_SETTINGS
    with with_modal(qtbot, manager_approves(qtbot, "may not change device settings")):
        window.show_devices()  # opening the screen is approved once ...
    screen = window.devices_screen
    assert window.stack.currentWidget() is screen and screen.actor.code == "1001"
    row = screen.rows["display"]
    row.url.setText("sim://")
    with with_modal(qtbot, lambda dialog: dialog.reject()):  # ... each change again
        row.apply.click()
    assert "did not approve" in row.result.text()
    assert till.devices.settings.urls()["display"] == "none://"
    with with_modal(qtbot, manager_approves(qtbot, "may not change device settings")):
        row.apply.click()
    assert row.result.text().startswith("Saved")
    entry = till.audit.entries(AuditFilter(action_prefix="settings.changed"))[0]
    assert (entry.actor_code, entry.approver_code, entry.details["after"]) == ("1001", "9001", "sim://")


def test_a_cashier_adjusts_stock_in_the_back_office_with_a_supervisors_approval(qtbot, window, till):
    from ui.backoffice.stock_card import StockCardDialog
    from ui.menus import _inventory_window, open_guarded

    log_in(qtbot, window)
    with with_modal(qtbot, manager_approves(qtbot, "may not edit products")):
        office = open_guarded(window, Permission.EDIT_PRODUCTS, _inventory_window)
    assert office is not None and office.services.actor.code == "1001"
    cola = till.catalog.product_for_code("6928804557480").product_id
    before = office.services.stock.level(cola).on_hand_milli
    card = StockCardDialog(office.services, cola, office)
    qtbot.addWidget(card)
    card.reason.setCurrentIndex(card.reason.findData("damaged"))
    card.amount.setText("2")
    with with_modal(qtbot, manager_approves(qtbot, "may not adjust stock")):
        card.adjust()
    assert office.services.stock.level(cola).on_hand_milli == before - 2000
    entry = till.audit.entries(AuditFilter(action_prefix="stock.adjustment"))[0]
    assert (entry.actor_code, entry.approver_code) == ("1001", "9001")
    office.close()


def test_reports_opened_on_a_supervisors_approval_read_with_the_supervisors_permission(qtbot, window, till):
    from ui.menus import _reports_window, open_guarded

    log_in(qtbot, window)
    with with_modal(qtbot, manager_approves(qtbot, "may not see shift reports")):
        reports = open_guarded(window, Permission.VIEW_REPORTS, _reports_window)
    assert reports is not None and reports.actor.code == "9001"
    qtbot.waitUntil(lambda: not reports.dashboard.busy, timeout=10_000)
    assert reports.dashboard.board is not None  # the service let the supervisor's reading through
    reports.close()
