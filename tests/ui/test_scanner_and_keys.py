"""Scanner timing, function keys, dialogs and language, as the cashier meets them."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import log_in
from tests.ui.test_checkout_flow import COLA, scan, with_modal


def test_human_typing_is_typing_and_a_burst_is_a_scan(qtbot, window, scanner):
    scans = []
    scanner.scanned.connect(scans.append)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "6928", delay=120)  # a person, ~8 keys a second
    qtbot.wait(100)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "6928" and scans == []
    field.clear()
    qtbot.keyClicks(field, "6928804557480")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["6928804557480"] and field.text() == ""
    qtbot.keyClicks(field, "ab")  # too short for a scan, even when fast
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["6928804557480"] and field.text() == "ab"


def test_staff_badge_scan_selects_the_user_on_the_login_screen(qtbot, window):
    window.login.user.setCurrentIndex(0)
    scan(qtbot, window.login.pin, "9001")
    assert window.login.user.currentData() == "9001"
    scan(qtbot, window.login.pin, "7777")
    assert "7777" in window.login.error.text()


def test_wrong_pin_is_refused_with_a_sentence(qtbot, window):
    qtbot.keyClicks(window.login.pin, "0000", delay=120)
    qtbot.wait(80)
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login
    assert window.login.error.text() == "Wrong user or PIN. Try again."


def test_unknown_and_misread_codes_show_an_error_and_change_nothing(qtbot, window, till):
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    scan(qtbot, window.checkout.scan, "6928804557481")  # one digit misread
    assert "did not read correctly" in window.checkout.message.text()
    scan(qtbot, window.checkout.scan, "6901234567892")
    assert "No product has the code 6901234567892" in window.checkout.message.text()
    assert len(till.checkout.draft.cart) == 1
    scan(qtbot, window.checkout.scan, COLA)
    assert window.checkout.message.text() == ""
    assert till.checkout.draft.cart.lines[0].quantity.milli == 2000


def test_typed_code_with_quantity_then_change_and_remove_lines(qtbot, window, till):
    log_in(qtbot, window)
    qtbot.keyClicks(window.checkout.scan, "3*D00001", delay=80)
    qtbot.wait(80)
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_Return)
    line = till.checkout.draft.cart.lines[0]
    assert line.quantity.milli == 3000 and window.checkout.total_label.text() == "¥10.50"

    def type_five(dialog):
        dialog.edit.setText("5")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    with with_modal(qtbot, type_five):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F2)
    assert till.checkout.draft.cart.lines[0].quantity.milli == 5000
    assert window.checkout.total_label.text() == "¥17.50"
    window.activateWindow()  # the offscreen platform does not hand activation back itself
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F4)
    assert till.checkout.draft.cart.is_empty() and window.checkout.total_label.text() == "¥0.00"


def test_weighed_item_asks_for_the_weight(qtbot, window, till):
    log_in(qtbot, window)

    def weigh(dialog):
        dialog.edit.setText("1.235")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    with with_modal(qtbot, weigh):
        scan(qtbot, window.checkout.scan, "1001")  # scale PLU of a loose fruit
    line = till.checkout.draft.cart.lines[0]
    assert line.product.is_weighed and line.quantity.milli == 1235
    assert line.amount.fen == round(line.product.unit_price.fen * 1.235 + 1e-9)


def test_search_by_pinyin_initials_adds_the_chosen_product(qtbot, window, till):
    log_in(qtbot, window)

    def search(dialog):
        qtbot.keyClicks(dialog.query, "kkkl", delay=80)
        # results of the shorter prefixes typed on the way may show first
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and all(
            "可口可乐" in h.product.name for h in dialog.model.hits), timeout=3000)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    with with_modal(qtbot, search):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F3)
    assert "可口可乐" in till.checkout.draft.cart.lines[0].product.name


def test_chinese_interface_from_the_translation_file(qtbot, qapp, till, scanner, tmp_path):
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "mon_pos_zh_CN.ts"
    qm = tmp_path / "zh.qm"
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        from ui.main_window import MainWindow
        win = MainWindow(till, scanner)
        qtbot.addWidget(win)
        log_in(qtbot, win)
        assert win.checkout.buttons["pay"].text() == "现金结算\nF12"
        assert win.cashier_status.text() == "收银员：张丽"
        scan(qtbot, win.checkout.scan, "6901234567892")
        assert win.checkout.message.text().startswith("没有编码为 6901234567892 的商品")
    finally:
        qapp.removeTranslator(translator)


def test_a_loose_item_takes_its_weight_from_the_scale(qtbot, window, till):
    till.devices.apply("scale", "sim://?grams=1235", till.auth.login("9001", "9999"))
    log_in(qtbot, window)

    def take_the_weight(dialog):
        qtbot.waitUntil(lambda: dialog.edit.text() == "1.235", timeout=3000)
        assert "scale" in dialog.scale_status.text().lower()
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    with with_modal(qtbot, take_the_weight):
        scan(qtbot, window.checkout.scan, "1001")
    line = till.checkout.draft.cart.lines[0]
    assert line.product.is_weighed and line.quantity.milli == 1235


def test_a_scale_that_does_not_answer_leaves_typing_possible(qtbot, window, till):
    till.devices.apply("scale", "sim://?grams=800", till.auth.login("9001", "9999"))
    till.devices.scale.answering = False
    log_in(qtbot, window)

    def type_it(dialog):
        qtbot.waitUntil(lambda: "did not answer" in dialog.scale_status.text(), timeout=3000)
        assert dialog.edit.text() == ""  # never a made-up zero
        dialog.edit.setText("0.5")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    with with_modal(qtbot, type_it):
        scan(qtbot, window.checkout.scan, "1001")
    assert till.checkout.draft.cart.lines[0].quantity.milli == 500


def test_the_pole_display_shows_each_item_and_the_running_total(qtbot, window, till):
    till.devices.apply("display", "sim://", till.auth.login("9001", "9999"))
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    scan(qtbot, window.checkout.scan, COLA)
    qtbot.waitUntil(lambda: "7.00" in " ".join(till.devices.display.lines), timeout=3000)
    assert "可口可乐" in till.devices.display.lines[0]


def test_opening_the_drawer_without_a_sale_needs_the_permission_and_is_logged(qtbot, window, till):
    from ui.menus import open_drawer_without_sale

    log_in(qtbot, window)  # a cashier: may not open the drawer without a sale

    def no_supervisor(dialog):
        dialog.reject()
    with with_modal(qtbot, no_supervisor):
        assert open_drawer_without_sale(window) is False
    # the drawer service refused and logged the attempt; the drawer stayed shut
    assert [(k.actor, k.allowed, k.opened) for k in till.drawer.kicks()] == [("1001", False, False)]
    window.logout()
    log_in(qtbot, window, "9001", "9999")  # the store manager may
    assert open_drawer_without_sale(window) is True
    assert [(k.actor, k.opened) for k in till.drawer.kicks()][0] == ("9001", True)
    assert any(e.action == "drawer.open" and e.actor_code == "9001" for e in till.audit.entries())


def test_the_customer_window_follows_the_sale(qtbot, window, till):
    from ui.customer_display import CustomerDisplayWindow

    customer = CustomerDisplayWindow(till.terminal.store_name)
    qtbot.addWidget(customer)
    window.attach_customer_window(customer)
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    scan(qtbot, window.checkout.scan, COLA)
    assert customer.pages.currentWidget() is customer.sale_page
    assert customer.line_name.text() == "可口可乐 330ml罐装"
    assert "¥7.00" in customer.total.text() and "2" in customer.items.text()

    def pay(dialog):
        assert customer.pages.currentWidget() is customer.payment_page
        assert "¥7.00" in customer.pay_total.text()
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
    with with_modal(qtbot, pay):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F12)
    assert customer.pages.currentWidget() is customer.thanks_page
