"""Report figures against a hand-computed day: split tenders, 抹零, weighed goods, a return.

The day (Asia/Shanghai, 2026-11-25), costs: cola 2.00, chips 5.00, apples 8.00/kg, T-shirt 30.00
  A 10:05 cashier 张丽, member (level 金卡), salesperson 王芳: cola x2 (7.00) + chips (7.90)
    = 14.90, 抹零 to 14.00 (cola 6.58, chips 7.42); paid cash 10.00 + WeChat 4.00
  B 10:40 张丽, no member: apples 1.235 kg x 12.80 = 15.81, discount 0.81 -> 15.00; Alipay
  C 15:10 李敏, salesperson 赵强: T-shirt 59.00, cash 60.00 given, 1.00 change
  R 15:30 张丽 takes back the chips of A: 7.42 cash
The day before: D cola 3.50 cash.
"""
from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, insert, select, text

from app.db.models import Payment, Price, Product, Sale, SaleLine, User
from app.db.models_checkout import Refund, RefundLine, RefundPayment
from app.db.models_members import Member, MemberLevel, SalesCredit, Salesperson
from app.domain.ids import new_id
from app.domain.receipt import render_text
from app.services.context import load_context
from app.services.reports import Period, ReportFilter, ReportService
from app.services.reports.ledger import LedgerSource
from tests.factories import make_store

DAY = date(2026, 11, 25)
UTC = timezone.utc


def _at(hh, mm, day=DAY):
    """Local Shanghai time as UTC."""
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=UTC) - timedelta(hours=8)


class Day:
    """Writes ledger rows the way checkout and returns do, for a known day."""

    def __init__(self, conn, ids, products):
        self.conn, self.ids, self.p = conn, ids, products
        self.seq = 0

    def sale(self, when, cashier, lines, payments, *, discount=0, rounding=0, member=None,
             salesperson=None, day=DAY):
        self.seq += 1
        sale_id = new_id()
        total = sum(a for _, _, a in lines)
        self.conn.execute(insert(Sale).values(
            id=sale_id, store_id=self.ids["store"], terminal_id=self.ids["terminal"],
            cashier_id=cashier, receipt_no=f"S001-T01-{self.seq}", business_date=day.isoformat(),
            seq=self.seq, subtotal_fen=total + discount - rounding, discount_fen=discount,
            rounding_fen=rounding, total_fen=total, tax_fen=0,
            paid_fen=sum(g for _, _, g in payments), change_fen=sum(g - a for _, a, g in payments),
            piece_count=sum(1 if self.p[s].is_weighed else q // 1000 for s, q, _ in lines),
            started_at=when, completed_at=when))
        line_ids = []
        for no, (sku, qty, amount) in enumerate(lines, 1):
            line_ids.append(new_id())
            prod = self.p[sku]
            self.conn.execute(insert(SaleLine).values(
                id=line_ids[-1], sale_id=sale_id, line_no=no, product_id=prod.id, sku_code=sku,
                name=prod.name, unit=prod.unit, is_weighed=prod.is_weighed, unit_price_fen=0,
                quantity_milli=qty, amount_fen=amount, tax_rate_bp=0, tax_fen=0))
            self.conn.execute(insert(SalesCredit).values(
                id=new_id(), store_id=self.ids["store"], sale_id=sale_id, sale_line_id=line_ids[-1],
                salesperson_id=salesperson, member_id=member, quantity_milli=qty,
                amount_fen=amount, commission_fen=amount // 100, business_date=day.isoformat(),
                created_at=when))
        for no, (tender, amount, given) in enumerate(payments, 1):
            self.conn.execute(insert(Payment).values(
                id=new_id(), sale_id=sale_id, line_no=no, tender=tender, amount_fen=amount,
                tendered_fen=given, change_fen=given - amount, created_at=when))
        return sale_id, line_ids

    def refund(self, when, cashier, sale_id, line_id, sku, qty, amount, tender):
        refund_id, rline_id = new_id(), new_id()
        self.conn.execute(insert(Refund).values(
            id=refund_id, store_id=self.ids["store"], terminal_id=self.ids["terminal"],
            cashier_id=cashier, sale_id=sale_id, refund_no=f"R-{refund_id[:8]}",
            business_date=DAY.isoformat(), seq=1, total_fen=amount, tax_fen=0, created_at=when))
        self.conn.execute(insert(RefundLine).values(
            id=rline_id, refund_id=refund_id, line_no=1, sale_line_id=line_id,
            product_id=self.p[sku].id, sku_code=sku, name=self.p[sku].name, unit_price_fen=0,
            quantity_milli=qty, amount_fen=amount, tax_rate_bp=0, tax_fen=0))
        self.conn.execute(insert(RefundPayment).values(
            id=new_id(), refund_id=refund_id, line_no=1, tender=tender, amount_fen=amount))
        original = self.conn.execute(select(SalesCredit).where(
            SalesCredit.sale_line_id == line_id)).one()
        self.conn.execute(insert(SalesCredit).values(
            id=new_id(), store_id=self.ids["store"], sale_id=sale_id, sale_line_id=line_id,
            refund_id=refund_id, refund_line_id=rline_id, salesperson_id=original.salesperson_id,
            member_id=original.member_id, quantity_milli=-qty, amount_fen=-amount,
            commission_fen=-(amount // 100), business_date=DAY.isoformat(), created_at=when))


@pytest.fixture
def store(engine, sessions, clock):
    now = clock.now()
    ids = make_store(engine, now)
    with engine.begin() as conn:
        products = {p.sku_code: p for p in conn.execute(select(Product)).all()}
        costs = {"D0001": 200, "S0001": 500, "F0001": 800, "A0001": 3000}
        conn.execute(insert(Price), [dict(id=new_id(), product_id=products[s].id, store_id=None,
                                          price_type="cost", amount_fen=c)
                                     for s, c in costs.items()])
        ids.update(_people(conn, ids, now))
        day = Day(conn, ids, products)
        sale_a, lines_a = day.sale(_at(10, 5), ids["cashier"],
                                   [("D0001", 2000, 658), ("S0001", 1000, 742)],
                                   [("cash", 1000, 1000), ("wechat", 400, 400)],
                                   rounding=-90, member=ids["member"], salesperson=ids["sp1"])
        day.sale(_at(10, 40), ids["cashier"], [("F0001", 1235, 1500)], [("alipay", 1500, 1500)],
                 discount=81)
        day.sale(_at(15, 10), ids["manager"], [("A0001", 1000, 5900)], [("cash", 5900, 6000)],
                 salesperson=ids["sp2"])
        day.refund(_at(15, 30), ids["cashier"], sale_a, lines_a[1], "S0001", 1000, 742, "cash")
        yesterday = DAY - timedelta(days=1)
        day.sale(_at(9, 0, yesterday), ids["cashier"], [("D0001", 1000, 350)],
                 [("cash", 350, 500)], day=yesterday)
    ctx = load_context(sessions, "S001", "T01")
    return ids, ReportService(sessions, ctx, clock)


def _people(conn, ids, now):
    level = new_id()
    conn.execute(insert(MemberLevel).values(id=level, code="GOLD", name="金卡", rank=1))
    out = {"level": level, "member": new_id(), "sp1": new_id(), "sp2": new_id()}
    conn.execute(insert(Member).values(
        id=out["member"], store_id=ids["store"], phone="13800000001", phone_last4="0001",
        card_no="C1", name="陈会员", level_id=level, code_secret="x", consent_at=now,
        created_at=now - timedelta(hours=5), updated_at=now))
    for key, name in (("sp1", "王芳"), ("sp2", "赵强")):
        user = new_id()
        conn.execute(insert(User).values(id=user, store_id=ids["store"], code=key, name=name,
                                         role="salesperson", pin_hash="x", created_at=now))
        conn.execute(insert(Salesperson).values(id=out[key], user_id=user, code=key,
                                                badge=f"B{key}", name=name, created_at=now))
    return out


TODAY = Period(DAY, DAY)


def test_headline_figures_match_the_hand_computed_day(store):
    _, reports = store
    fig = reports.figures(TODAY)
    t = fig.totals
    assert (t.orders, t.amount_fen, t.returns_fen, t.net_fen) == (3, 8800, 742, 8058)
    assert fig.average_basket_fen == 2933
    assert t.quantity_milli == 5000  # 2 colas, chips, one weighed line, a T-shirt
    assert (t.discount_fen, t.rounding_fen) == (81, -90)
    assert t.cost_fen == 400 + 988 + 3000  # chips sold and returned cost nothing
    assert t.margin_fen == 8058 - 4388
    assert fig.member_share_bp == 1591  # 14.00 of 88.00
    assert fig.new_members == 1
    assert t.returns_count == 1


def test_breakdowns_by_hour_tender_product_category_salesperson_cashier(store):
    ids, reports = store
    fig = reports.figures(TODAY)
    hours = {h: (m.orders, m.amount_fen) for h, m in fig.dim("hour").items()}
    assert hours == {"10": (2, 2900), "15": (1, 5900)}
    tenders = {k: (m.amount_fen, m.returns_fen) for k, m in fig.dim("tender").items()}
    assert tenders == {"cash": (6900, 742), "wechat": (400, 0), "alipay": (1500, 0)}
    products = {reports_sku(fig, reports, p): (m.quantity_milli - m.returns_quantity_milli,
                                               m.net_fen, m.cost_fen)
                for p, m in fig.dim("product").items()}
    assert products == {"D0001": (2000, 658, 400), "S0001": (0, 0, 0),
                        "F0001": (1235, 1500, 988), "A0001": (1000, 5900, 3000)}
    table = reports.table("category", TODAY)
    assert [(r[0], r[4], r[5]) for r in table.rows] == [
        ("服装", 5900, 3000), ("生鲜", 1500, 988), ("饮料", 658, 400), ("休闲零食", 0, 0)]
    people = {k: (m.amount_fen, m.returns_fen, m.commission_fen)
              for k, m in fig.dim("salesperson").items()}
    assert people == {ids["sp1"]: (1400, 742, 6 + 7 - 7), ids["sp2"]: (5900, 0, 59), "": (1500, 0, 15)}
    cashiers = {k: (m.orders, m.amount_fen, m.returns_fen) for k, m in fig.dim("cashier").items()}
    assert cashiers == {ids["cashier"]: (2, 2900, 742), ids["manager"]: (1, 5900, 0)}


def reports_sku(fig, reports, product_id):
    with reports._sessions() as s:
        return s.scalar(select(Product.sku_code).where(Product.id == product_id))


def test_every_total_reconciles_with_the_sales_ledger(store, sessions):
    _, reports = store
    period = Period(DAY - timedelta(days=1), DAY)
    fig = reports.figures(period)
    with sessions() as s:
        sales = s.scalar(select(func.sum(Sale.total_fen)))
        paid = s.scalar(select(func.sum(Payment.amount_fen)))
        lines = s.scalar(select(func.sum(SaleLine.amount_fen)))
        refunds = s.scalar(select(func.sum(Refund.total_fen)))
        refunded_lines = s.scalar(select(func.sum(RefundLine.amount_fen)))
    t = fig.totals
    assert t.amount_fen == sales == paid == lines == 9150
    assert t.returns_fen == refunds == refunded_lines == 742
    for dim in ("tender", "product", "hour", "cashier", "channel", "salesperson"):
        assert sum(m.amount_fen for m in fig.dim(dim).values()) == sales, dim
    for dim in ("tender", "product", "cashier", "channel", "salesperson"):
        assert sum(m.returns_fen for m in fig.dim(dim).values()) == refunds, dim
    assert sum(m.cost_fen for m in fig.dim("product").values()) == t.cost_fen
    assert sum(m.amount_fen for m in fig.by_day.values()) == sales


def test_the_daily_aggregate_equals_the_ledger_and_follows_new_sales(store, engine, sessions):
    ids, reports = store
    period = Period(DAY - timedelta(days=1), DAY)
    assert reports.figures(period).by_dim == reports.ledger_figures(period).by_dim
    with engine.begin() as conn:  # a late sale on a day that is already aggregated
        products = {p.sku_code: p for p in conn.execute(select(Product)).all()}
        day = Day(conn, ids, products)
        day.seq = 100
        day.sale(_at(20, 0), ids["cashier"], [("D0001", 1000, 350)], [("cash", 350, 350)])
    fig = reports.figures(period)
    assert fig.totals.amount_fen == 9150 + 350
    assert fig.by_dim == reports.ledger_figures(period).by_dim
    with engine.begin() as conn:  # a corrupted cache is put right by a rebuild
        conn.execute(text("UPDATE report_daily SET amount_fen = amount_fen + 1"))
    reports.rebuild_aggregate(period)
    assert reports.figures(period).by_dim == reports.ledger_figures(period).by_dim


def test_filters_pick_sales_by_cashier_salesperson_member_level_channel_category(store):
    ids, reports = store
    by_cashier = reports.figures(TODAY, ReportFilter(cashier_id=ids["manager"])).totals
    assert (by_cashier.orders, by_cashier.amount_fen, by_cashier.returns_fen) == (1, 5900, 0)
    by_person = reports.figures(TODAY, ReportFilter(salesperson_id=ids["sp1"])).totals
    assert (by_person.orders, by_person.amount_fen, by_person.returns_fen) == (1, 1400, 742)
    gold = reports.figures(TODAY, ReportFilter(member_level_id=ids["level"])).totals
    assert (gold.orders, gold.amount_fen, gold.member_fen) == (1, 1400, 1400)
    online = reports.figures(TODAY, ReportFilter(channel="online")).totals
    assert (online.orders, online.amount_fen, online.returns_fen) == (0, 0, 0)
    drinks = reports.table("product", TODAY, ReportFilter(category_code="饮料"))
    assert [(r[0], r[7]) for r in drinks.rows] == [("D0001", 658)]


def test_dashboard_compares_with_the_previous_period(store):
    _, reports = store
    board = reports.dashboard(TODAY)
    assert board.previous.period == Period(DAY - timedelta(days=1), DAY - timedelta(days=1))
    assert board.previous.totals.amount_fen == 350
    assert board.change_bp(lambda f: f.totals.amount_fen) == (8800 - 350) * 10000 // 350


def test_tables_export_to_csv_and_xlsx(store, tmp_path):
    _, reports = store
    table = reports.table("tender", TODAY)
    out = io.StringIO()
    assert reports.export_csv(table, out) == 3
    assert out.getvalue().splitlines() == [
        "Tender,Orders,Sales,Returns,Net sales", "alipay,1,15.00,0.00,15.00",
        "cash,2,69.00,7.42,61.58", "wechat,1,4.00,0.00,4.00"]
    path = tmp_path / "products.xlsx"
    reports.export_xlsx(reports.table("product", TODAY), path, titles=None)
    sheet = load_workbook(path).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("SKU", "Product")
    apples = next(r for r in rows if r[0] == "F0001")
    assert apples[4] == 1.235 and apples[7] == 15.0


def test_daily_summary_is_a_receipt_with_the_day_figures(store):
    _, reports = store
    text_ = render_text(reports.daily_summary(DAY, columns=48))
    assert "营业日报" in text_ and "2026-11-25" in text_
    for expected in ("88.00", "-7.42", "80.58", "29.33", "-0.90", "36.70"):
        assert expected in text_, expected
    assert "现金" in text_ and "支付宝" in text_


def test_ledger_source_without_refund_tables_counts_no_returns(store, sessions):
    _, reports = store
    with sessions() as s:
        ledger = LedgerSource(s.connection(), reports._ctx.store_id, reports._ctx.tz)
        ledger.has_refunds = False  # as on a till whose checkout migrations are older
        rows = ledger.day_rows(TODAY)
    assert rows[(DAY.isoformat(), "total", "")].returns_fen == 0
    assert rows[(DAY.isoformat(), "total", "")].amount_fen == 8800


def test_reports_ask_the_permission_check_and_refuse_a_backwards_period(store, sessions, clock):
    from app.services.errors import NotAllowed
    from app.services.reports.service import BadPeriod

    ids, reports = store
    asked = []

    def require_view(actor):
        asked.append(actor)
        if actor != "manager":
            raise NotAllowed("{name} may not see reports. Ask a store manager.", name=actor)

    guarded = ReportService(sessions, reports._ctx, clock, require_view)
    assert guarded.figures(TODAY, actor="manager").totals.orders == 3
    with pytest.raises(NotAllowed):
        guarded.dashboard(TODAY, actor="cashier")
    with pytest.raises(BadPeriod):
        reports.figures(Period(DAY, DAY - timedelta(days=1)))
    assert asked == ["manager", "cashier"]
