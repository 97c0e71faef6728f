"""Report tables across stores: store ranking net of returns, sales by channel, sales by
tender. Each builder gives (rows, columns, totals); `by="store"` gives one row per
store and item, `by="all"` one row per item across the merchant's stores.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Connection

from cloud.reports_common import Period, divide_half_up, rank, share_bp, stores_of
from cloud.reports_queries import (
    TILL_CHANNEL, StoreTill, channels_by_store, tenders_by_store, till_by_store,
)

STORE_COLUMNS = ["rank", "store", "name", "orders", "sales_fen", "returns", "returns_fen",
                 "net_sales_fen", "average_basket_fen", "member_sales_fen", "member_share_bp"]
CHANNEL_COLUMNS = ["channel", "orders", "sales_fen", "returns_fen", "net_sales_fen", "share_bp"]
TENDER_COLUMNS = ["tender", "payments", "sales_fen", "refunds", "refunds_fen",
                  "refunds_pending_fen", "net_fen", "share_bp"]
Table = tuple[list[dict[str, Any]], list[str], dict[str, Any]]


def till_row(figures: StoreTill) -> dict[str, Any]:
    """Orders, sales, returns, net, average basket (sales / orders) and member share."""
    return dict(orders=figures.orders, sales_fen=figures.sales_fen, returns=figures.returns,
                returns_fen=figures.returns_fen, net_sales_fen=figures.net_sales_fen,
                average_basket_fen=divide_half_up(figures.sales_fen, figures.orders),
                member_sales_fen=figures.member_sales_fen,
                member_share_bp=share_bp(figures.member_sales_fen, figures.sales_fen))


def add_till(total: StoreTill, part: StoreTill) -> StoreTill:
    for name in ("orders", "sales_fen", "member_sales_fen", "returns", "returns_fen",
                 "units_sold_milli", "units_returned_milli"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


def store_ranking(conn: Connection, merchant_id: str, period: Period) -> Table:
    """Stores ranked by net sales (sales - refunds taken back at that store)."""
    names = stores_of(conn, merchant_id)
    per_store = till_by_store(conn, merchant_id, period)
    rows = [dict(store=names[sid][0], name=names[sid][1], **till_row(figures))
            for sid, figures in per_store.items()]
    total = StoreTill()
    for figures in per_store.values():
        add_till(total, figures)
    return rank(rows, "net_sales_fen", "store"), STORE_COLUMNS, till_row(total)


def _store_columns(by: str, columns: list[str]) -> list[str]:
    return ["store", "name", *columns] if by == "store" else columns


def _scope(by: str, names: dict[str, tuple[str, str]], store_id: str) -> tuple[str, ...]:
    return names[store_id] if by == "store" else ()


def _with_store(key: tuple[str, ...], row: dict[str, Any]) -> dict[str, Any]:
    return {"store": key[0], "name": key[1], **row} if key else row


def sales_by_channel(conn: Connection, merchant_id: str, period: Period, by: str) -> Table:
    """Till sales as channel "store" (net of returns) beside each online channel's
    fulfilled orders; share_bp is the channel's part of the net sales of its scope."""
    names = stores_of(conn, merchant_id)
    sums: dict[tuple, dict[str, int]] = defaultdict(
        lambda: dict(orders=0, sales_fen=0, returns_fen=0))
    for store_id, figures in till_by_store(conn, merchant_id, period).items():
        row = sums[(_scope(by, names, store_id), TILL_CHANNEL)]
        row["orders"] += figures.orders
        row["sales_fen"] += figures.sales_fen
        row["returns_fen"] += figures.returns_fen
    for (store_id, channel), figures in channels_by_store(conn, merchant_id, period).items():
        row = sums[(_scope(by, names, store_id), channel)]
        row["orders"] += figures.orders
        row["sales_fen"] += figures.sales_fen
    net_of_scope: dict[tuple, int] = defaultdict(int)
    for (scope, _), row in sums.items():
        row["net_sales_fen"] = row["sales_fen"] - row["returns_fen"]
        net_of_scope[scope] += row["net_sales_fen"]
    rows = [_with_store(scope, dict(channel=channel, **row,
                                    share_bp=share_bp(row["net_sales_fen"], net_of_scope[scope])))
            for (scope, channel), row in sums.items()]
    rows.sort(key=lambda r: (r.get("store", ""), -r["net_sales_fen"], r["channel"]))
    return rows, _store_columns(by, CHANNEL_COLUMNS), _totals(
        rows, ("orders", "sales_fen", "returns_fen", "net_sales_fen"))


def sales_by_tender(conn: Connection, merchant_id: str, period: Period, by: str) -> Table:
    """What each tender took in at the tills minus what refunds paid back with it
    (pending mobile refunds included, and shown apart)."""
    names = stores_of(conn, merchant_id)
    sums: dict[tuple, dict[str, int]] = defaultdict(lambda: dict(
        payments=0, sales_fen=0, refunds=0, refunds_fen=0, refunds_pending_fen=0))
    for (store_id, tender), figures in tenders_by_store(conn, merchant_id, period).items():
        row = sums[(_scope(by, names, store_id), tender)]
        for name in row:
            row[name] += getattr(figures, name)
    net_of_scope: dict[tuple, int] = defaultdict(int)
    for (scope, _), row in sums.items():
        row["net_fen"] = row["sales_fen"] - row["refunds_fen"]
        net_of_scope[scope] += row["net_fen"]
    rows = [_with_store(scope, dict(tender=tender, **row,
                                    share_bp=share_bp(row["net_fen"], net_of_scope[scope])))
            for (scope, tender), row in sums.items()]
    rows.sort(key=lambda r: (r.get("store", ""), -r["net_fen"], r["tender"]))
    return rows, _store_columns(by, TENDER_COLUMNS), _totals(
        rows, ("payments", "sales_fen", "refunds", "refunds_fen", "refunds_pending_fen",
               "net_fen"))


def _totals(rows: list[dict[str, Any]], names: tuple[str, ...]) -> dict[str, int]:
    return {name: sum(row[name] for row in rows) for name in names}
