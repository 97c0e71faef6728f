"""Reports on a year of sales: `python -m bench.reports`.

Builds (once, cached in .bench-cache/) a store with the demo catalog and about
500,000 sales over 365 days - baskets of 1-8 lines, weighed fruit, split tenders,
抹零, members, salespeople and ~1% returns - inserted with executemany, then prints
dashboard_month_ms and report_year_by_category_ms. `generate_sales` is also used by
tests to put sales behind the demo store.
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.domain.clock import FixedClock
from app.domain.ids import new_id
from app.services.context import load_context
from app.services.demo import load_demo
from app.services.reports import Period, ReportService
from bench.common import CACHE, median, report

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)
TENDERS = ("cash", "wechat", "alipay", "unionpay", "card")
_SQL = {
    "sale": "INSERT INTO sale (id, store_id, terminal_id, cashier_id, receipt_no, business_date, "
            "seq, channel, status, subtotal_fen, discount_fen, rounding_fen, total_fen, tax_fen, "
            "paid_fen, change_fen, piece_count, started_at, completed_at) VALUES "
            "(?,?,?,?,?,?,?,'store','completed',?,?,?,?,0,?,?,?,?,?)",
    "line": "INSERT INTO sale_line (id, sale_id, line_no, product_id, sku_code, barcode, name, "
            "unit, is_weighed, unit_price_fen, quantity_milli, amount_fen, tax_rate_bp, tax_fen) "
            "VALUES (?,?,?,?,?,'',?,?,?,?,?,?,0,0)",
    "payment": "INSERT INTO payment (id, sale_id, line_no, tender, amount_fen, tendered_fen, "
               "change_fen, reference, created_at) VALUES (?,?,?,?,?,?,0,'',?)",
    "credit": "INSERT INTO sales_credit (id, store_id, sale_id, sale_line_id, salesperson_id, "
              "member_id, quantity_milli, amount_fen, commission_fen, business_date, created_at) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "refund": "INSERT INTO refund (id, store_id, terminal_id, cashier_id, sale_id, refund_no, "
              "business_date, seq, total_fen, tax_fen, reason, without_receipt, created_at) "
              "VALUES (?,?,?,?,?,?,?,?,?,0,'',0,?)",
    "refund_line": "INSERT INTO refund_line (id, refund_id, line_no, sale_line_id, product_id, "
                   "sku_code, name, is_weighed, unit_price_fen, quantity_milli, amount_fen, "
                   "tax_rate_bp, tax_fen) VALUES (?,?,1,?,?,?,?,?,?,?,?,0,0)",
    "refund_payment": "INSERT INTO refund_payment (id, refund_id, line_no, tender, amount_fen, "
                      "reference, status) VALUES (?,?,1,?,?,'','done')",
}


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


class _Store:
    """What a generated sale refers to: the demo store's terminal, people and catalog."""

    def __init__(self, conn) -> None:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        self.store_id, self.terminal_id = q("SELECT s.id, t.id FROM store s JOIN terminal t "
                                            "ON t.store_id = s.id ORDER BY t.code")[0]
        self.cashiers = [r[0] for r in q("SELECT id FROM app_user")]
        self.people = [r[0] for r in q("SELECT id FROM salesperson")] or [None]
        self.members = [r[0] for r in q("SELECT id FROM member")] or [None]
        self.products = q("SELECT p.id, p.sku_code, p.name, p.unit, p.is_weighed, pr.amount_fen "
                          "FROM product p JOIN price pr ON pr.product_id = p.id "
                          "AND pr.price_type = 'retail' WHERE p.active")
        # a few products sell far more than the rest, as in a real store
        self.weights = [1.0 / (i + 1) ** 0.8 for i in range(len(self.products))]


def generate_sales(engine: Engine, days: int, per_day: int, end: date, seed: int = 7) -> int:
    """Insert `per_day` sales on each of `days` business days ending on `end`; returns count."""
    rng = random.Random(seed)
    with engine.begin() as conn:
        store = _Store(conn)
        raw = conn.connection.driver_connection
        next_seq = conn.execute(text("SELECT COALESCE(MAX(seq), 0) FROM sale")).scalar_one()
        for offset in range(days - 1, -1, -1):
            day = end - timedelta(days=offset)
            rows = {k: [] for k in _SQL}
            for _ in range(per_day):
                next_seq += 1
                _one_sale(rng, store, day, next_seq, rows)
            for kind, values in rows.items():
                if values:
                    raw.executemany(_SQL[kind], values)
    return days * per_day


def _one_sale(rng, store: _Store, day: date, seq: int, rows: dict) -> None:
    sale_id, cashier = new_id(), rng.choice(store.cashiers)
    local = datetime(day.year, day.month, day.day, 8, 0) + timedelta(seconds=rng.randrange(13 * 3600))
    at = _stamp(local - timedelta(hours=8))
    member = rng.choice(store.members) if rng.random() < 0.35 else None
    person = rng.choice(store.people) if rng.random() < 0.6 else None
    lines, pieces = [], 0
    for product in rng.choices(store.products, store.weights, k=rng.randint(1, 6)):
        pid, sku, name, unit, weighed, price = product
        qty = rng.randint(150, 2500) if weighed else 1000 * rng.choice((1, 1, 1, 2, 3))
        amount = (price * qty + 500) // 1000
        pieces += 1 if weighed else qty // 1000
        lines.append((new_id(), pid, sku, name, unit, weighed, price, qty, amount))
    subtotal = sum(l[-1] for l in lines)
    rounding = -(subtotal % 10) if rng.random() < 0.3 else 0  # 抹零 of the jiao's fen
    if rounding:
        last = lines[-1]
        lines[-1] = last[:-1] + (last[-1] + rounding,)
    total = subtotal + rounding
    _write_sale(rng, store, rows, sale_id, cashier, day, seq, subtotal, rounding, total, pieces, at,
                lines, member, person)


def _write_sale(rng, store, rows, sale_id, cashier, day, seq, subtotal, rounding, total, pieces,
                at, lines, member, person) -> None:
    d = day.isoformat()
    rows["sale"].append((sale_id, store.store_id, store.terminal_id, cashier,
                         f"B-{d}-{seq}", d, seq, subtotal, 0, rounding, total, total, 0, pieces,
                         at, at))
    for no, (lid, pid, sku, name, unit, weighed, price, qty, amount) in enumerate(lines, 1):
        rows["line"].append((lid, sale_id, no, pid, sku, name, unit, weighed, price, qty, amount))
        rows["credit"].append((new_id(), store.store_id, sale_id, lid, person, member, qty,
                               amount, amount // 100 if person else 0, d, at))
    split = total // 2 if total > 1 and rng.random() < 0.1 else 0
    tenders = [(rng.choice(TENDERS), total - split)] + ([("cash", split)] if split else [])
    for no, (tender, amount) in enumerate(tenders, 1):
        rows["payment"].append((new_id(), sale_id, no, tender, amount, amount, at))
    if rng.random() < 0.01:
        lid, pid, sku, name, _, weighed, price, qty, amount = lines[0]
        refund_id = new_id()
        rows["refund"].append((refund_id, store.store_id, store.terminal_id, cashier, sale_id,
                               f"R-{d}-{seq}", d, seq, amount, at))
        rows["refund_line"].append((new_id(), refund_id, lid, pid, sku, name, weighed, price, qty,
                                    amount))
        rows["refund_payment"].append((new_id(), refund_id, tenders[0][0], amount))


def _database(sales: int):
    CACHE.mkdir(exist_ok=True)
    per_day = sales // 365
    path = CACHE / f"reports-{sales}.sqlite3"
    if path.exists() and _sale_count(path) != 365 * per_day:
        path.unlink()  # an interrupted or older build: start again
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    with engine.connect() as conn:
        have = conn.execute(text("SELECT COUNT(*) FROM sale")).scalar_one()
    if not have:
        load_demo(engine, FixedClock(NOW))
        start = time.perf_counter()
        generate_sales(engine, 365, per_day, NOW.date())
        print(f"# built {365 * per_day} sales in {time.perf_counter() - start:.1f} s -> {path}",
              flush=True)
    return engine


def _sale_count(path) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
        except sqlite3.OperationalError:
            return -1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    engine = _database(args.sales)
    sessions = make_session_factory(engine)
    clock = FixedClock(NOW)
    with engine.connect() as conn:
        code = conn.execute(text("SELECT code FROM store")).scalar_one()
        terminal = conn.execute(text("SELECT code FROM terminal ORDER BY code")).scalars().first()
    reports = ReportService(sessions, load_context(sessions, code, terminal), clock)
    year = Period(NOW.date() - timedelta(days=364), NOW.date())
    start = time.perf_counter()
    reports.figures(year)  # builds what the aggregate lacks (nothing once cached)
    report("aggregate_refresh_s", time.perf_counter() - start, "info: first run builds a year")
    month = reports.month_period()
    report("dashboard_month_ms", _timed(lambda: reports.dashboard(month), args.runs), "300", 1)
    report("report_year_by_category_ms",
           _timed(lambda: reports.table("category", year), args.runs), "2000", 1)


def _timed(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


if __name__ == "__main__":
    main()
