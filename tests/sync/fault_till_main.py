"""A real till process for the crash tests: sells and pushes until it is killed.

    python -m tests.sync.fault_till_main DB URL TOKEN STORE TERMINAL SALES PUSH_EVERY BATCH

The database must already hold the store (tests.factories.make_store). Each sale
is a full checkout (scan, cash payment, outbox event in the same transaction).
"""
from __future__ import annotations

import sys

from app.db.engine import make_engine, make_session_factory
from app.domain.clock import SystemClock
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from app.sync.client import SyncClient, SyncError, make_http_session, make_retry
from tests.factories import CHIPS, COLA


def main(argv: list[str]) -> int:
    db, url, token, store, terminal, sales, push_every, batch = argv
    engine = make_engine(f"sqlite:///{db}")
    sessions = make_session_factory(engine)
    clock = SystemClock()
    ctx = load_context(sessions, store, terminal)
    checkout = CheckoutService(sessions, CatalogService(engine, ctx.store_id, clock), ctx, clock)
    checkout.start_sale(AuthService(sessions, ctx.store_id).login("1001", "1111"))
    client = SyncClient(sessions, url, token, store, terminal, clock,
                        http=make_http_session(make_retry(total=0)), timeout=(2.0, 20.0),
                        batch_size=int(batch))
    print("ready", flush=True)
    for n in range(1, int(sales) + 1):
        checkout.add_code(COLA)
        if n % 3 == 0:
            checkout.add_code(CHIPS)
        checkout.pay_cash("")
        print(f"sold {n}", flush=True)
        if n % int(push_every) == 0:
            try:
                result = client.push_once()
            except SyncError as exc:
                print(f"push failed {exc}", flush=True)
            else:
                print(f"pushed {result.accepted + result.duplicate}", flush=True)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
