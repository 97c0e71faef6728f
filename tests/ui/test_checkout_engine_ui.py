"""The checkout engine as the cashier meets it: a promotion and a split payment,
holding and recalling sales, and a partial return."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db.models import Payment, Sale
from app.db.models_checkout import Refund, RefundLine
from app.domain.pricing import Promotion, Scope, SecondItemRule
from app.domain.receipt import render_text
from app.services.checkout_settings import save_promotions
from app.services.held_sales import HeldSales
from tests.ui.conftest import log_in
from tests.ui.test_checkout_flow import COLA, scan, with_modal

WATER = "6921168132164"


def cola_offer(till):
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    save_promotions(till.sessions, [Promotion(
        id="P-COLA", name="可口可乐第二件半价", rule=SecondItemRule(), starts_at=start,
        ends_at=start + timedelta(days=60), scope=Scope(skus=frozenset({"D00001"})))],
        till.clock.now())
    till.checkout.reload()


def focus_window(qtbot, window):
    window.activateWindow()  # the offscreen platform does not hand activation around itself
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def test_a_sale_with_a_promotion_paid_by_card_and_cash(qtbot, window, till):
    cola_offer(till)
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    scan(qtbot, window.checkout.scan, COLA)
    assert window.checkout.total_label.text() == "¥5.25"
    assert window.checkout.saved_label.text() == "Saved: ¥1.75"
    discount_cell = window.checkout.model.index(0, 5).data()
    assert discount_cell == "-1.75"

    def split(dialog):
        focus_window(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_F2)  # bank card
        assert dialog.mode == "card" and dialog.reference.isVisible()
        dialog.tendered.setText("3")
        dialog.reference.setText("CARD778899")
        qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
        assert dialog.due_label.text() == "Total due: ¥2.25"
        assert dialog.tenders.count() == 1
        qtbot.keyClick(dialog, Qt.Key.Key_F1)  # the rest in cash
        dialog.tendered.setText("10")
        assert dialog.change.text() == "Change: ¥7.75"
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)

    with with_modal(qtbot, split):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=3000)
    with till.sessions() as s:
        sale = s.scalars(select(Sale)).one()
        receipt = render_text(till.receipts.document(sale.id))
        assert "可口可乐第二件半价" in receipt and "银行卡 ...8899" in receipt and "找零" in receipt
        assert (sale.total_fen, sale.discount_fen, sale.change_fen) == (525, 175, 775)
        assert [(p.tender, p.amount_fen) for p in s.scalars(
            select(Payment).order_by(Payment.line_no))] == [("card", 300), ("cash", 225)]


def test_card_cannot_exceed_what_is_due(qtbot, window, till):
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)

    def too_much(dialog):
        focus_window(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_F2)
        dialog.tendered.setText("50")
        dialog.reference.setText("1234")
        qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
        assert "Only cash gives change" in dialog.error.text()
        assert dialog.tenders.count() == 0
        dialog.reject()

    with with_modal(qtbot, too_much):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F12)
    assert till.checkout.draft.tenders == []


def test_hold_two_sales_and_recall_one(qtbot, window, till):
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F7)
    assert till.checkout.draft.cart.is_empty()
    assert "held" in window.checkout.message.text()
    scan(qtbot, window.checkout.scan, WATER)
    scan(qtbot, window.checkout.scan, WATER)
    water_total = window.checkout.total_label.text()
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F7)
    # both survive a restart: a new service over the same database sees them
    assert len(HeldSales(till.sessions, till.checkout, till.terminal, till.clock).list()) == 2

    def recall_second(dialog):
        focus_window(qtbot, dialog)
        assert dialog.list.count() == 2
        dialog.list.setCurrentRow(1)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    with with_modal(qtbot, recall_second):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F7)
    assert window.checkout.total_label.text() == water_total
    assert [l.quantity.milli for l in till.checkout.draft.cart.lines] == [2000]
    assert len(window.checkout.held.list()) == 1


def test_partial_return_by_receipt_number(qtbot, window, till):
    log_in(qtbot, window, "9001", "9999")  # refunds need the permission: the store manager has it
    co = till.checkout
    line = co.add_code(COLA)
    co.set_quantity(line.line_id, "3")
    done = co.pay_cash("")
    window.checkout.refresh()

    def return_one(dialog):
        focus_window(qtbot, dialog)
        dialog.receipt.setText(done.receipt_no)
        qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "3"
        dialog.set_return_quantity(0, "1")
        assert dialog.total.text() == "Refund: ¥3.50"
        qtbot.keyClick(dialog, Qt.Key.Key_F12)

    with with_modal(qtbot, return_one):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F8)
    assert window.checkout.message.text().startswith("Refund RS001-T01-20261125-0001")
    with till.sessions() as s:
        refund = s.scalars(select(Refund)).one()
        assert refund.total_fen == 350 and refund.sale_id == done.sale_id
        assert s.scalars(select(RefundLine)).one().quantity_milli == 1000

    def return_too_many(dialog):
        focus_window(qtbot, dialog)
        dialog.accept_scan(done.receipt_no)  # the receipt's barcode
        assert dialog.table.item(0, 2).text() == "2"
        dialog.set_return_quantity(0, "3")
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
        assert "Only 2 of" in dialog.error.text()
        dialog.reject()

    focus_window(qtbot, window)
    with with_modal(qtbot, return_too_many):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F8)


def test_mobile_payment_by_scanning_the_customers_code(qtbot, window, till):
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)

    def pay_by_wechat(dialog):
        focus_window(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_F3)
        assert dialog.code.isVisible()
        dialog.accept_scan("134567890123451234")  # what the main window forwards from the scanner

    with with_modal(qtbot, pay_by_wechat):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F12)
    with till.sessions() as s:
        assert [(p.tender, p.amount_fen) for p in s.scalars(select(Payment))] == [("wechat", 350)]


def test_waiting_for_the_customer_to_confirm_then_paid(qtbot, window, till):
    from ui.dialogs.mobile_wait import MobileWaitDialog
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    outcome = till.checkout.pay_mobile("28123456789012340002")  # Alipay: confirm in the app
    assert outcome.attempt.status == "paying"
    dialog = MobileWaitDialog(till.checkout, outcome.attempt, window, poll_ms=50)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "confirming" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible(),
                    timeout=5000)
    assert dialog.outcome.completed is not None and dialog.outcome.completed.total.fen == 350


def test_escape_while_waiting_reverses_the_payment(qtbot, window, till):
    from ui.dialogs.mobile_wait import MobileWaitDialog
    log_in(qtbot, window)
    scan(qtbot, window.checkout.scan, COLA)
    outcome = till.checkout.pay_mobile("134567890123450005")  # no answer, nothing moved
    dialog = MobileWaitDialog(till.checkout, outcome.attempt, window, poll_ms=60_000)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No answer" in dialog.status.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.outcome.attempt.status == "reversed"
    assert till.checkout.draft.open_attempts == {} and till.checkout.draft.tenders == []
