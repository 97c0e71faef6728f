"""A member's sale at the till, as the cashier lives it: find the member by the last 4
digits, sell with member prices, pay part with points and part with stored value, redeem
a coupon, credit the exclusive salesperson, and check the receipt."""
from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db.models import Payment, Sale
from app.db.models_members import CouponRedemption, Member, PointsMove, SalesCredit, Salesperson
from app.domain.receipt import render_text
from tests.support.escpos_decode import decode
from tests.ui.conftest import log_in
from tests.ui.test_checkout_engine_ui import focus_window
from tests.ui.test_checkout_flow import scan, wait_for_file, with_modal

ZERO_COKE = "6928804557626"  # 可口可乐 零度 330ml罐装: ¥3.50, member ¥3.20, gold tier ¥3.00
TSHIRT_S = "6975821111010"   # 男式纯棉圆领T恤 白色 S: ¥49.00, member ¥45.00


def _find_chen_jing(qtbot):
    def pick(dialog):
        qtbot.keyClicks(dialog.query, "1234", delay=120)  # typed by a person, not scanned
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        assert dialog.matches.count() == 2  # 陈伟 and 陈静 both end in 1234
        qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    return pick


def test_member_sale_with_points_stored_value_coupon_and_exclusive_salesperson(qtbot, window, till):
    log_in(qtbot, window, code="9001", pin="9999")  # the manager is at the till, not 张丽
    screen = window.checkout
    with with_modal(qtbot, _find_chen_jing(qtbot)):
        qtbot.keyClick(screen.scan, Qt.Key.Key_F1)
    panel = screen.member_side.panel
    assert panel.member.text() == "陈静  138****1234  金卡会员"
    assert panel.balances.text() == "Points 12,800 · Stored value ¥360.00 · Coupons 2"
    for code in (TSHIRT_S, TSHIRT_S, TSHIRT_S, ZERO_COKE):
        scan(qtbot, screen.scan, code)
    assert screen.total_label.text() == "¥138.00"  # 3 x ¥45.00 member + ¥3.00 gold tier
    assert screen.saved_label.text() == "Saved: ¥12.50"
    screen.grab().save("/tmp/member-checkout.png")

    def pay(dialog):
        focus_window(qtbot, dialog)
        assert "Member 陈静: 12,800 points (up to ¥69.00 on this order)" in dialog.member_info.text()
        qtbot.keyClick(dialog, Qt.Key.Key_F6)  # coupon: choose 满100减10 from the member's list
        assert dialog.mode == "coupon" and dialog.coupons.list.count() == 2
        row = next(i for i in range(dialog.coupons.list.count())
                   if "满100减10" in dialog.coupons.list.item(i).text())
        dialog.coupons.list.setCurrentRow(row)
        dialog.grab().save("/tmp/member-payment-coupon.png")
        qtbot.keyClick(dialog.coupons.code, Qt.Key.Key_Return)
        assert dialog.error.text() == ""
        assert dialog.due_label.text() == "Total due: ¥128.00"
        qtbot.keyClick(dialog, Qt.Key.Key_F4)  # points for ¥20.00
        dialog.tendered.setText("20")
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
        assert dialog.error.text() == ""
        assert dialog.due_label.text() == "Total due: ¥108.00"
        qtbot.keyClick(dialog, Qt.Key.Key_F5)  # the rest from stored value
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)

    focus_window(qtbot, window)  # the offscreen platform does not give activation back
    with with_modal(qtbot, pay):
        qtbot.keyClick(screen.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=3000)
    assert panel.member.text() == "No member on this sale (F1)"  # the next customer starts fresh

    with till.sessions() as s:
        sale = s.scalars(select(Sale)).one()
        member = s.scalars(select(Member).where(Member.phone == "13800001234")).one()
        exclusive = s.get(Salesperson, member.salesperson_id)
        assert exclusive.name == "张丽" and sale.member_id == member.id
        assert {c.salesperson_id for c in s.scalars(
            select(SalesCredit).where(SalesCredit.sale_id == sale.id))} == {exclusive.id}
        assert [(p.tender, p.amount_fen) for p in s.scalars(
            select(Payment).where(Payment.sale_id == sale.id).order_by(Payment.line_no))] == [
            ("coupon", 1000), ("points", 2000), ("stored_value", 10800)]
        assert s.scalars(select(CouponRedemption)).one().sale_id == sale.id
        earned = s.scalar(select(PointsMove.points).where(PointsMove.ref_id == sale.id,
                                                          PointsMove.kind == "earn"))
        # ¥108.00 not paid by points or coupon: 108 x 1.5 (gold) x 2 (her birthday month)
        assert earned == 324
        receipt = render_text(till.receipts.document(sale.id))
    for text in ("会员: 陈静 138****1234 金卡会员", "本单积分: +324  积分余额: 11,124",
                 "储值余额: ¥252.00", "优惠券", "积分抵现", "储值卡", "导购: 张丽 (SP1001)",
                 "扫码添加专属导购", "收银员: 李敏"):
        assert text in receipt, text
    printed = decode(wait_for_file(qtbot, till.config.data_dir / "printer-sim" / "last.bin")
                     .read_bytes())
    assert ("qr", "MONSP:SP1001") in printed.commands
    assert "导购: 张丽" in printed.text


def test_scanning_a_member_card_and_a_salesperson_badge_at_the_till(qtbot, window, till):
    log_in(qtbot, window)
    screen = window.checkout
    scan(qtbot, screen.scan, "6100000002")  # 陈伟's member card
    assert screen.member_side.panel.member.text() == "陈伟  139****1234  银卡会员"
    scan(qtbot, screen.scan, "29001002")  # 王强's badge: salesperson of the sale
    assert screen.member_side.panel.salesperson.text() == "Salesperson: 王强 (SP1002)"
    assert screen.checkout.draft.cart.is_empty()  # neither scan added an item
