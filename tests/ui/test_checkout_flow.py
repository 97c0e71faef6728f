"""The foundation slice as a cashier lives it: log in, scan, pay cash, get a receipt."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db.models import OutboxEvent, Sale, SaleLine, StockMovement
from tests.support.escpos_decode import decode
from tests.ui.conftest import log_in

COLA = "6928804557480"  # 可口可乐 330ml罐装, ¥3.50


def demo_codes(ctx, count):
    """Barcodes of the first piece-goods of the demo catalog, with names and prices."""
    with ctx.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT b.code, p.name, pr.amount_fen FROM barcode b JOIN product p ON p.id=b.product_id "
            "JOIN price pr ON pr.product_id=p.id AND pr.price_type='retail' "
            "ORDER BY p.sku_code LIMIT ?", (count,)).all()
    return rows


def scan(qtbot, widget, code):
    """A wedge scanner: the whole code in a burst, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


class with_modal:
    """Run `action(dialog)` once a modal dialog opens (its exec() blocks the test).

    If the action fails, the dialog is closed so the test ends, and the failure
    is raised when the `with` block exits.
    """

    def __init__(self, qtbot, action, timeout_ms=3000):
        self.action, self.timeout_ms, self.waited, self.error = action, timeout_ms, 0, None

    def __enter__(self):
        QTimer.singleShot(0, self._poll)
        return self

    def __exit__(self, *exc):
        if self.error is not None and exc[0] is None:
            raise self.error

    def _poll(self):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if self.waited < self.timeout_ms:
                self.waited += 20
                QTimer.singleShot(20, self._poll)
            return
        try:
            self.action(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised in __exit__
            self.error = exc
        if dialog.isVisible() and self.error is not None:
            dialog.reject()


def wait_for_file(qtbot, path: Path):
    qtbot.waitUntil(path.exists, timeout=5000)
    return path


def test_log_in_scan_three_items_pay_cash_and_print(qtbot, window, till):
    log_in(qtbot, window)
    products = demo_codes(till, 3)
    # scans land in the checkout whatever has the focus, here the totals panel
    window.checkout.total_label.setFocus()
    for code, _, _ in products:
        scan(qtbot, window.checkout.scan, code)
    cart = till.checkout.draft.cart
    assert [l.product.name for l in cart.lines] == [name for _, name, _ in products]
    total = sum(fen for _, _, fen in products)
    assert window.checkout.total_label.text() == f"¥{total // 100:,}.{total % 100:02d}"
    assert window.checkout.scan.text() == ""  # nothing leaked into the field

    given = (total // 10000 + 1) * 10000  # the next ¥100 note up
    change = given - total

    def pay_cash(dialog):
        qtbot.keyClicks(dialog.tendered, str(given // 100), delay=100)
        qtbot.wait(80)
        assert dialog.change.text() == f"Change: ¥{change // 100}.{change % 100:02d}"
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)

    with with_modal(qtbot, pay_cash):
        qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=3000)
    assert "S001-T01-20261125-0001" in window.preview.text.text()
    assert till.checkout.draft.cart.is_empty()
    with till.sessions() as s:
        sale = s.scalars(select(Sale)).one()
        assert (sale.total_fen, sale.paid_fen, sale.change_fen) == (total, given, change)
        lines = s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)).all()
        assert len(lines) == 3
        moves = s.scalars(select(StockMovement).where(StockMovement.ref_id == sale.id)).all()
        assert sorted(m.quantity_milli for m in moves) == [-1000, -1000, -1000]
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "sale.completed")).one()
        assert json.loads(event.payload)["receipt_no"] == sale.receipt_no == "S001-T01-20261125-0001"
    receipt = wait_for_file(qtbot, till.config.data_dir / "printer-sim" / "last.bin")
    printed = decode(receipt.read_bytes())
    assert "MON 社区超市（望京店）" in printed.text
    assert "S001-T01-20261125-0001" in printed.text
    for _, name, _ in products:
        assert name[:6] in printed.text
    assert "找零" in printed.text
    assert ("barcode", "CODE128", "S001-T01-20261125-0001") in printed.commands
