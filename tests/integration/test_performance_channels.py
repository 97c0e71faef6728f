"""The till's salesperson performance puts the online orders credited to each salesperson
(by share code) per channel next to their till sales: only orders whose goods left the
store, placed on the report's business dates (store time, Asia/Shanghai)."""
from __future__ import annotations

import csv
import io
from datetime import date

from app.services.members.performance import ChannelFigures, PerformanceService
from app.services.members.sales import on_sale_completed
from app.sync.apply import apply_changes
from tests.integration.test_members_support import program, write_sale  # noqa: F401

COLA = "D0001"  # ¥3.50
NOV_25 = date(2026, 11, 25)


def _order(version: int, channel: str, status: str, paid_fen: int, placed_utc: str,
           salesperson_code: str = "SP1001") -> dict:
    order_id = f"00000000-0000-7000-8000-{version:012d}"
    data = {"id": order_id, "channel": channel, "external_id": f"X-{version}",
            "store": "S001", "status": status, "fulfilment": "pickup",
            "member": {"id": "m1", "phone": "13800138000", "name": "王芳"},
            "goods_fen": paid_fen, "discount_fen": 0, "delivery_fen": 0, "paid_fen": paid_fen,
            "share_code": "", "salesperson_code": salesperson_code,
            "pickup_code": f"{version:06d}", "carrier": "", "tracking_no": "", "reason": "",
            "address": "", "note": "", "created_at": placed_utc, "updated_at": placed_utc,
            "lines": [{"line_no": 1, "sku": COLA, "name": "可口可乐 330ml罐装",
                       "quantity_milli": 1000, "unit_price_fen": paid_fen,
                       "amount_fen": paid_fen}],
            "history": []}
    return {"version": version, "entity": "channel_order", "entity_id": order_id,
            "op": "upsert", "data": data}


def _sync_orders(engine, clock) -> None:
    changes = [
        _order(1, "mini_program", "picked_up", 1490, "2026-11-25T07:50:00+00:00"),
        _order(2, "mini_program", "completed", 2000, "2026-11-24T17:00:00+00:00"),  # 01:00 local
        _order(3, "group_buy", "shipped", 990, "2026-11-25T02:00:00+00:00"),
        _order(4, "mini_program", "ready", 5000, "2026-11-25T03:00:00+00:00"),  # not handed over
        _order(5, "mini_program", "cancelled", 700, "2026-11-25T03:00:00+00:00"),
        _order(6, "mini_program", "completed", 800, "2026-11-24T15:00:00+00:00"),  # 23:00 on 24th
        _order(7, "social_shop", "completed", 1200, "2026-11-25T04:00:00+00:00", "SP-GONE"),
    ]
    with engine.begin() as conn:
        apply_changes(conn, changes, clock.now())


def test_channel_orders_sit_next_to_till_sales_per_channel(program, engine, sessions, clock,
                                                            tmp_path):
    seller = program.salesperson_id("1001")
    with sessions.begin() as s:
        sale = write_sale(s, program, [(COLA, 3000, 1050)])
        on_sale_completed(s, sale.id, clock.now(), sale_salesperson_id=seller)
    _sync_orders(engine, clock)

    report = PerformanceService(sessions, program.ctx.tz)
    rows = report.report(NOV_25, NOV_25)
    mine = next(r for r in rows if r.code == "SP1001")
    assert (mine.sales_fen, mine.orders) == (1050, 1)  # till figures unchanged by channel orders
    # mini-program: 14.90 (picked up) + 20.00 (completed, 01:00 local); group buy: 9.90
    assert mine.channels == (ChannelFigures("group_buy", 1, 990),
                             ChannelFigures("mini_program", 2, 3490))
    assert all(r.channels == () for r in rows if r.code != "SP1001")
    # the 24th alone has only the order placed at 23:00 local time
    day_before = next(r for r in report.report(date(2026, 11, 24), date(2026, 11, 24))
                      if r.code == "SP1001")
    assert day_before.channels == (ChannelFigures("mini_program", 1, 800),)

    path = tmp_path / "perf.csv"
    report.export_csv(NOV_25, NOV_25, path)
    exported = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    sp1001 = next(r for r in exported if r["code"] == "SP1001")
    assert (sp1001["sales"], sp1001["group_buy_orders"], sp1001["group_buy_paid"],
            sp1001["mini_program_orders"], sp1001["mini_program_paid"]) == (
        "10.50", "1", "9.90", "2", "34.90")
