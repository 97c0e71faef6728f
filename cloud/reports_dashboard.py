"""The merchant dashboard: headline figures of a period beside the previous period of the
same length (e.g. 1-7 December against 24-30 November)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from cloud.reports_common import Period, divide_half_up, share_bp
from cloud.reports_queries import (
    StoreTill, channels_by_store, commission, new_members, till_by_store,
)
from cloud.reports_tables import add_till

DASHBOARD_COLUMNS = ["figure", "value", "previous", "change", "change_bp"]
# In the order head office reads them; amounts in fen, units in thousandths.
FIGURES = (
    "net_sales_fen", "till_net_sales_fen", "sales_fen", "returns_fen", "orders",
    "average_basket_fen", "returns", "units_milli", "member_sales_fen", "member_share_bp",
    "channel_orders", "channel_sales_fen", "channel_share_bp", "new_members", "commission_fen",
    "stores_selling",
)


def headline(conn: Connection, merchant_id: str, period: Period) -> dict[str, int | None]:
    """Every figure of FIGURES for one period, across all the merchant's stores and channels."""
    per_store = till_by_store(conn, merchant_id, period, with_units=True)
    till = StoreTill()
    for figures in per_store.values():
        add_till(till, figures)
    channel_orders = channel_sales = 0
    for figures in channels_by_store(conn, merchant_id, period).values():
        channel_orders += figures.orders
        channel_sales += figures.sales_fen
    net = till.net_sales_fen + channel_sales
    return dict(
        net_sales_fen=net, till_net_sales_fen=till.net_sales_fen, sales_fen=till.sales_fen,
        returns_fen=till.returns_fen, orders=till.orders,
        average_basket_fen=divide_half_up(till.sales_fen, till.orders), returns=till.returns,
        units_milli=till.units_sold_milli - till.units_returned_milli,
        member_sales_fen=till.member_sales_fen,
        member_share_bp=share_bp(till.member_sales_fen, till.sales_fen),
        channel_orders=channel_orders, channel_sales_fen=channel_sales,
        channel_share_bp=share_bp(channel_sales, net),
        new_members=new_members(conn, merchant_id, period),
        commission_fen=commission(conn, merchant_id, period),
        stores_selling=sum(1 for figures in per_store.values() if figures.orders))


def dashboard(conn: Connection, merchant_id: str,
              period: Period) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(one row per figure with its previous value and the change, the two periods)."""
    previous = period.previous()
    now, before = headline(conn, merchant_id, period), headline(conn, merchant_id, previous)
    rows = []
    for name in FIGURES:
        value, earlier = now[name], before[name]
        change = None if value is None or earlier is None else value - earlier
        rows.append(dict(figure=name, value=value, previous=earlier, change=change,
                         change_bp=share_bp(change, earlier) if change is not None else None))
    return rows, {"period": period.as_dict(), "previous_period": previous.as_dict(),
                  "current": now, "previous": before}
