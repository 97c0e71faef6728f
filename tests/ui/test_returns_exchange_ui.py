"""Exchange at the till: returned goods pay for the new ones, both recorded together."""
from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db.models import Payment, Sale
from app.db.models_checkout import Refund, RefundPayment
from tests.ui.conftest import log_in
from tests.ui.test_checkout_engine_ui import WATER, focus_window
from tests.ui.test_checkout_flow import COLA, scan, with_modal


def test_an_exchange_for_something_cheaper_gives_the_difference_back(qtbot, window, till):
    log_in(qtbot, window, "9001", "9999")  # refunds need the permission: the store manager has it
    co = till.checkout
    line = co.add_code(COLA)
    co.set_quantity(line.line_id, "2")
    first = co.pay_cash("")
    window.checkout.refresh()
    scan(qtbot, window.checkout.scan, WATER)  # the customer takes a water instead of a cola
    water = co.draft.total

    def exchange_one(dialog):
        focus_window(qtbot, dialog)
        dialog.accept_scan(first.receipt_no)
        dialog.refund_to.setCurrentIndex(dialog.refund_to.findData("exchange"))
        dialog.set_return_quantity(0, "1")
        qtbot.keyClick(dialog, Qt.Key.Key_F12)

    with with_modal(qtbot, exchange_one):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F8)
    back = 350 - water.fen
    assert window.checkout.message.text() == f"Exchange done: give back ¥{back // 100}.{back % 100:02d} in cash."
    assert co.draft.cart.is_empty()  # the new sale is done: the next customer's starts
    with till.sessions() as s:
        sale = s.scalars(select(Sale).where(Sale.id != first.sale_id)).one()
        refund = s.scalars(select(Refund)).one()
        assert refund.exchange_sale_id == sale.id and refund.total_fen == 350
        assert [(p.tender, p.amount_fen) for p in s.scalars(
            select(Payment).where(Payment.sale_id == sale.id))] == [("exchange", water.fen)]
        assert sorted((p.tender, p.amount_fen) for p in s.scalars(select(RefundPayment))) == [
            ("cash", back), ("exchange", water.fen)]
