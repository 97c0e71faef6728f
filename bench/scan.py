"""`python -m bench.scan --skus N`: barcode -> priced cart line through the checkout
service, and product search (name, code, pinyin initials), on an N-SKU catalog."""
from __future__ import annotations

import argparse
import random
import sys
import time

from app.db.engine import make_engine, make_session_factory
from app.domain.clock import SystemClock
from app.services.auth import AuthService, StaffMember
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from bench.catalog import BRANDS, KINDS, build
from bench.common import percentile, report



def sample_barcodes(engine, count: int, rng: random.Random) -> list[str]:
    with engine.connect() as conn:
        top = conn.exec_driver_sql("SELECT MAX(rowid) FROM barcode").scalar_one()
        rowids = [rng.randrange(1, top + 1) for _ in range(count)]
        codes = []
        for rowid in rowids:
            code = conn.exec_driver_sql("SELECT code FROM barcode WHERE rowid = ?", (rowid,)).scalar()
            if code:
                codes.append(code)
    return codes


def search_queries(rng: random.Random, count: int) -> list[str]:
    """What cashiers type: name fragments, pinyin initials, code and barcode prefixes."""
    from app.domain.search_text import pinyin_forms
    queries = []
    for i in range(count):
        brand = rng.choice(BRANDS)
        kind, _ = rng.choice(KINDS)
        pick = i % 5
        if pick == 0:
            queries.append(kind[:2])
        elif pick == 1:
            queries.append(pinyin_forms(brand)[1])
        elif pick == 2:
            queries.append(f"{brand} {kind[:2]}")
        elif pick == 3:
            queries.append(f"B{rng.randrange(0, 10**6):08d}"[:7])  # SKU code prefix
        else:
            queries.append(f"692000{rng.randrange(0, 1000):03d}")  # barcode prefix
    return queries


def time_scans(checkout: CheckoutService, cashier: StaffMember, codes: list[str],
               lines_per_sale: int) -> list[float]:
    """Each scan adds a line and re-prices the whole cart (promotions), so the cart size
    matters: a new sale starts every `lines_per_sale` scans."""
    samples = []
    checkout.cancel_sale()
    checkout.start_sale(cashier)
    for i, code in enumerate(codes):
        if i and i % lines_per_sale == 0:
            checkout.cancel_sale()
        started = time.perf_counter()
        checkout.add_code(code)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_searches(catalog: CatalogService, queries: list[str]) -> tuple[list[float], int]:
    samples, empty = [], 0
    for query in queries:
        started = time.perf_counter()
        hits = catalog.search(query, limit=50)
        samples.append((time.perf_counter() - started) * 1000)
        empty += not hits
    return samples, empty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skus", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=20_000)
    parser.add_argument("--searches", type=int, default=2_000)
    parser.add_argument("--lines-per-sale", type=int, default=30,
                        help="cart size the scans build up to (a big supermarket basket: 30)")
    args = parser.parse_args(argv)
    path = build(args.skus)
    engine = make_engine(f"sqlite:///{path}")
    sessions = make_session_factory(engine)
    clock = SystemClock()
    ctx = load_context(sessions, "S001", "T01")
    catalog = CatalogService(engine, ctx.store_id, clock)
    checkout = CheckoutService(sessions, catalog, ctx, clock)
    rng = random.Random(7)
    codes = sample_barcodes(engine, args.scans, rng)
    cashier = AuthService(sessions, ctx.store_id).login("1001", "1111")  # demo cashier
    time_scans(checkout, cashier, codes[:500], args.lines_per_sale)  # warm caches, as after start
    scans = time_scans(checkout, cashier, codes, args.lines_per_sale)
    queries = search_queries(rng, args.searches)
    time_searches(catalog, queries[:100])
    searches, empty = time_searches(catalog, queries)
    print(f"# {len(scans)} scans (median {percentile(scans, 50):.3f} ms), {len(searches)} searches "
          f"(median {percentile(searches, 50):.3f} ms, {empty} without hits) on {args.skus} SKUs",
          file=sys.stderr)
    report("scan_p99_ms", percentile(scans, 99), "<= 1 ms")
    report("search_p95_ms", percentile(searches, 95), "<= 20 ms")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
