"""Checkout benchmark: pricing a big cart, and completing sales on a 1M-SKU till database.

    python -m bench.checkout [--skus 1000000] [--sales 2000] [--lines 5]

Prints
  price_200_lines_ms   p95 of pricing a 200-line cart with 20 promotions (bench.checkout_pricing)
  complete_sale_per_s  sales completed per second by the checkout service (commit of the sale,
                       its lines and pricing snapshots, payment, stock ledger and outbox event)
  complete_sale_p99_ms p99 of one completion
  raw_sql_sale_per_s   the same rows written by plain sqlite3 with the same pragmas, for the ratio

The cached catalog (bench.catalog) is copied to a scratch file first, so the
sales written here never change the cache the other benchmarks share. Each
sale scans ``--lines`` random products (not timed: that is bench.scan) and is
paid in cash; only the completion is timed.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app.db import migrate
from app.db.engine import WAL_CHECKPOINT_PAGES, make_engine, make_session_factory
from app.domain.clock import SystemClock
from app.domain.money import Money
from app.domain.pricing import (
    MultiBuyRule, Promotion, ReduceTier, Scope, SecondItemRule, SpendReduceRule,
)
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.checkout_settings import save_promotions
from app.services.context import load_context
from bench import catalog as catalog_bench
from bench.checkout_pricing import BUDGET_MS, price_200_lines_ms
from bench.common import CACHE, percentile, report

BRANDS = ["康师傅", "统一", "农夫山泉", "伊利", "蒙牛", "旺旺", "金龙鱼", "海天", "立白", "维达"]


def scratch_copy(skus: int) -> Path:
    source = catalog_bench.build(skus)
    target = CACHE / f"checkout-work-{skus}.sqlite3"
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    # write the copy out now: its gigabytes of dirty pages would otherwise be flushed while
    # the sales are timed, and every commit's fsync would wait behind them
    with open(target, "rb+") as copy:
        os.fsync(copy.fileno())
    return target


def promotions(now) -> list[Promotion]:
    """20 promotions over the synthetic catalog's brands, as a busy store runs them."""
    start, end = now - timedelta(days=1), now + timedelta(days=30)
    offers = [Promotion(id="ALL", name="满100减10", rule=SpendReduceRule(
        (ReduceTier(Money(10000), Money(1000)),)), starts_at=start, ends_at=end,
        scope=Scope(all_items=True), exclusive=False)]
    for i, brand in enumerate(BRANDS):
        offers.append(Promotion(id=f"H{i}", name=f"{brand}第二件半价", rule=SecondItemRule(),
                                starts_at=start, ends_at=end, scope=Scope(brands=frozenset({brand}))))
        if len(offers) < 20:
            offers.append(Promotion(id=f"M{i}", name=f"{brand}3件8折",
                                    rule=MultiBuyRule(3, Decimal(80)), starts_at=start,
                                    ends_at=end, scope=Scope(brands=frozenset({brand}))))
    return offers[:20]


def sample_barcodes(path: Path, count: int, seed: int = 7) -> list[str]:
    with sqlite3.connect(path) as conn:
        top = conn.execute("SELECT MAX(rowid) FROM barcode").fetchone()[0]
        rng = random.Random(seed)
        codes = []
        for rowid in rng.sample(range(1, top + 1), count * 2):
            row = conn.execute("SELECT code FROM barcode WHERE rowid = ?", (rowid,)).fetchone()
            if row:
                codes.append(row[0])
        return codes[:count]


def service_sales(path: Path, sales: int, lines: int) -> list[float]:
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, None)
    sessions = make_session_factory(engine)
    clock = SystemClock()
    save_promotions(sessions, promotions(clock.now()), clock.now())
    ctx = load_context(sessions, "S001", "T01")
    checkout = CheckoutService(sessions, CatalogService(engine, ctx.store_id, clock), ctx, clock)
    cashier = AuthService(sessions, ctx.store_id).login("1001", "1111")
    checkout.start_sale(cashier)
    codes = sample_barcodes(path, 500)
    rng = random.Random(11)
    timings = []
    for _ in range(sales):
        for code in rng.sample(codes, lines):
            checkout.add_code(code)
        start = time.perf_counter()
        checkout.pay_cash("")
        timings.append(time.perf_counter() - start)
    engine.dispose()
    return timings


_RAW = {
    "counter": "INSERT INTO receipt_counter (terminal_id, business_date, last_seq) VALUES (?, ?, 1) "
               "ON CONFLICT (terminal_id, business_date) DO UPDATE SET last_seq = last_seq + 1 "
               "RETURNING last_seq",
    "sale": "INSERT INTO sale (id, store_id, terminal_id, cashier_id, receipt_no, business_date, "
            "seq, channel, status, subtotal_fen, discount_fen, rounding_fen, total_fen, tax_fen, "
            "paid_fen, change_fen, piece_count, started_at, completed_at) "
            "VALUES (?,?,?,?,?,?,?,'store','completed',?,?,0,?,?,?,0,?,?,?)",
    "line": "INSERT INTO sale_line (id, sale_id, line_no, product_id, sku_code, barcode, name, "
            "unit, is_weighed, unit_price_fen, quantity_milli, amount_fen, tax_rate_bp, tax_fen) "
            "VALUES (?,?,?,?,?,?,?,?,0,?,1000,?,1300,?)",
    "detail": "INSERT INTO sale_line_detail (sale_line_id, sale_id, regular_price_fen, "
              "base_price_fen, price_source, base_amount_fen, promotion_fen, manual_fen, "
              "rounding_fen, promotion_ids, adjustments) VALUES (?,?,?,?,'regular',?,0,0,0,'','[]')",
    "payment": "INSERT INTO payment (id, sale_id, line_no, tender, amount_fen, tendered_fen, "
               "change_fen, reference, created_at) VALUES (?,?,1,'cash',?,?,0,'',?)",
    "stock": "INSERT INTO stock_movement (id, store_id, product_id, quantity_milli, kind, ref_type, "
             "ref_id, terminal_id, note, created_at) VALUES (?,?,?,-1000,'sale','sale',?,?,'',?)",
    "outbox": "INSERT INTO outbox_event (id, kind, aggregate_id, schema_version, payload, "
              "created_at, attempts, last_error) VALUES (?, 'sale.completed', ?, 1, ?, ?, 0, '')",
}


def raw_sales(path: Path, sales: int, lines: int) -> list[float]:
    """The same rows by hand: no pricing, no ORM, one transaction per sale."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000",
                   f"wal_autocheckpoint={WAL_CHECKPOINT_PAGES}"):
        conn.execute(f"PRAGMA {pragma}")
    store, terminal = conn.execute("SELECT store_id, id FROM terminal LIMIT 1").fetchone()
    cashier = conn.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    products = conn.execute("SELECT p.id, p.sku_code, b.code, p.name FROM barcode b JOIN product p "
                            "ON p.id = b.product_id LIMIT 500").fetchall()
    rng = random.Random(13)
    timings = []
    for n in range(sales):
        chosen = rng.sample(products, lines)
        start = time.perf_counter()
        now = time.strftime("%Y-%m-%d %H:%M:%S")
        sale_id = str(uuid.uuid4())
        conn.execute("BEGIN")
        seq = conn.execute(_RAW["counter"], (terminal, "2099-01-01")).fetchone()[0]
        conn.execute(_RAW["sale"], (sale_id, store, terminal, cashier, f"RAW-{n}-{sale_id[:8]}",
                                    "2099-01-01", seq, 1000 * lines, 0, 1000 * lines, 115 * lines,
                                    1000 * lines, lines, now, now))
        ids = [str(uuid.uuid4()) for _ in chosen]
        conn.executemany(_RAW["line"], [(lid, sale_id, i, p[0], p[1], p[2], p[3], "个", 1000, 1000,
                                         115) for i, (lid, p) in enumerate(zip(ids, chosen), 1)])
        conn.executemany(_RAW["detail"], [(lid, sale_id, 1000, 1000, 1000) for lid in ids])
        conn.execute(_RAW["payment"], (str(uuid.uuid4()), sale_id, 1000 * lines, 1000 * lines, now))
        conn.executemany(_RAW["stock"], [(str(uuid.uuid4()), store, p[0], sale_id, terminal, now)
                                         for p in chosen])
        conn.execute(_RAW["outbox"], (str(uuid.uuid4()), sale_id, '{"lines": []}', now))
        conn.execute("COMMIT")
        timings.append(time.perf_counter() - start)
    conn.close()
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=1_000_000)
    parser.add_argument("--sales", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"price_200_lines_ms={price_200_lines_ms():.2f} (budget <= {BUDGET_MS:g} ms)", flush=True)
    path = scratch_copy(args.skus)
    try:
        service = service_sales(path, args.sales, args.lines)
        raw = raw_sales(path, args.sales, args.lines)
    finally:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
    service_rate = len(service) / sum(service)
    raw_rate = len(raw) / sum(raw)
    report("complete_sale_per_s", service_rate, ">= 1000 /s", 0)
    report("complete_sale_p99_ms", percentile(service, 99) * 1000, "<= 5 ms", 2)
    report("raw_sql_sale_per_s", raw_rate, f"service >= 1/5 of it; ratio {service_rate / raw_rate:.2f}", 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
