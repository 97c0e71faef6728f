"""Salesperson ranking across stores: till sales credited, channel orders attributed, members.

Till figures come from the sales-credit ledger (units from the sale lines each
salesperson is named on): a sale's credits count on the sale's business date, their
reversals on the return's business date, at the store where each was recorded. Channel
orders are attributed by salesperson code (share codes), with the commission they
earned when fulfilled (cloud.channel_commission, net of refunds), by order date;
a code maps to the salesperson enrolled with it when exactly one of the merchant's
salespeople has it, otherwise it stays a row of its own. Members recruited are
members registered in the period whose recruiter is the salesperson; members served
are the distinct members on the salesperson's credited till sales.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, distinct, func, select, union_all
from sqlalchemy.engine import Connection

from cloud import channel_commission
from cloud.channel_models import ChannelOrder, ChannelOrderLine
from cloud.models import Sale, SaleLine
from cloud.models_ledgers import CloudMember, CloudSalesperson, Refund, SalesCredit
from cloud.reports_common import Period, rank, stores_of
from cloud.reports_queries import channel_orders_in, refunds_in, sales_in

PEOPLE_COLUMNS = [
    "rank", "salesperson", "salesperson_name", "home_store", "net_sales_fen", "orders",
    "till_sales_fen", "till_returns_fen", "till_net_sales_fen", "till_orders",
    "till_units_milli", "returns",
    "commission_fen", "channel_orders", "channel_sales_fen", "channel_units_milli",
    "members_recruited", "members_served", "channel_customers", "salesperson_id"]
FIGURES = ("till_sales_fen", "till_returns_fen", "till_orders", "till_units_milli", "returns",
           "commission_fen",
           "members_served", "channel_orders", "channel_sales_fen", "channel_units_milli",
           "channel_customers", "members_recruited")


@dataclass(frozen=True)
class Person:
    salesperson_id: str | None
    code: str
    name: str
    home_store: str


def salesperson_ranking(conn: Connection, merchant_id: str, period: Period,
                        by: str) -> tuple[list[dict[str, Any]], list[str], dict[str, int]]:
    """Rows ranked by net sales (till net + channel); by="store" ranks within each store."""
    per_store = by == "store"
    stores = stores_of(conn, merchant_id)
    people = _Directory(conn, merchant_id, stores)
    sums: dict[tuple[str, str | None], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(FIGURES, 0))
    for key, figures in _credits(conn, merchant_id, period, per_store):
        sums[key].update(figures)
    for key, units in _till_units(conn, merchant_id, period, per_store):
        sums[key]["till_units_milli"] = units
    for (code, store_id), figures in _channel(conn, merchant_id, period, per_store):
        sums[(people.key_of_code(code), store_id)].update(figures)
    for (code, store_id), commission in channel_commission.commission_by_code(
            conn, merchant_id, channel_orders_made_in(merchant_id, period), per_store):
        sums[(people.key_of_code(code), store_id)]["commission_fen"] += commission
    for (person_id, store_id), count in _recruited(conn, merchant_id, period, per_store):
        sums[(person_id, store_id)]["members_recruited"] = count
    rows = [_row(people.person(key), figures, stores.get(store_id) if per_store else None)
            for (key, store_id), figures in sums.items()]
    totals = {name: sum(row[name] for row in rows)
              for name in ("net_sales_fen", "orders", "till_net_sales_fen", "commission_fen",
                           "channel_orders", "channel_sales_fen")}
    return _ranked(rows, per_store), (["store", "store_name", *PEOPLE_COLUMNS] if per_store
                                      else PEOPLE_COLUMNS), totals


def _row(person: Person, f: dict[str, int], store: tuple[str, str] | None) -> dict[str, Any]:
    till_net = f["till_sales_fen"] - f["till_returns_fen"]
    row = dict(salesperson=person.code, salesperson_name=person.name,
               home_store=person.home_store, salesperson_id=person.salesperson_id, **f,
               till_net_sales_fen=till_net, net_sales_fen=till_net + f["channel_sales_fen"],
               orders=f["till_orders"] + f["channel_orders"])
    if store is not None:
        row.update(store=store[0], store_name=store[1])
    return row


def _ranked(rows: list[dict[str, Any]], per_store: bool) -> list[dict[str, Any]]:
    if not per_store:
        return rank(rows, "net_sales_fen", "salesperson")
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["store"]].append(row)
    return [row for store in sorted(grouped)
            for row in rank(grouped[store], "net_sales_fen", "salesperson")]


class _Directory:
    """The merchant's salespeople by id, and which one a channel code names."""

    def __init__(self, conn: Connection, merchant_id: str,
                 stores: dict[str, tuple[str, str]]) -> None:
        self._by_id: dict[str, Person] = {}
        self._ids_of_code: dict[str, list[str]] = defaultdict(list)
        for pid, code, name, store_id in conn.execute(
                select(CloudSalesperson.id, CloudSalesperson.code, CloudSalesperson.name,
                       CloudSalesperson.store_id)
                .where(CloudSalesperson.merchant_id == merchant_id)):
            self._by_id[pid] = Person(pid, code, name, stores.get(store_id, ("", ""))[0])
            self._ids_of_code[code].append(pid)

    def key_of_code(self, code: str) -> str:
        ids = self._ids_of_code.get(code, [])
        return ids[0] if len(ids) == 1 else "code:" + code

    def person(self, key: str) -> Person:
        if key.startswith("code:"):
            return Person(None, key[len("code:"):], "", "")
        return self._by_id.get(key) or Person(key, "", "", "")


def _credits(conn: Connection, merchant_id: str, period: Period, per_store: bool):
    """((salesperson id, store id or None), till figures) from the sales-credit ledger."""
    columns = (SalesCredit.salesperson_id, SalesCredit.store_id, SalesCredit.sale_id,
               SalesCredit.refund_id, SalesCredit.member_id, SalesCredit.amount_fen,
               SalesCredit.commission_fen)
    credited = (SalesCredit.merchant_id == merchant_id, SalesCredit.salesperson_id.is_not(None))
    ledger = union_all(
        select(*columns).join(Sale, Sale.id == SalesCredit.sale_id)
        .where(sales_in(merchant_id, period), SalesCredit.refund_id.is_(None), *credited),
        select(*columns).join(Refund, Refund.id == SalesCredit.refund_id)
        .where(refunds_in(merchant_id, period), *credited)).subquery()
    c = ledger.c
    is_sale = c.refund_id.is_(None)
    keys = (c.salesperson_id, c.store_id) if per_store else (c.salesperson_id,)
    for row in conn.execute(select(
            *keys, func.sum(case((is_sale, c.amount_fen), else_=0)),
            func.sum(case((is_sale, 0), else_=c.amount_fen)),
            func.count(distinct(case((is_sale, c.sale_id)))), func.count(distinct(c.refund_id)),
            func.count(distinct(case((is_sale, c.member_id)))), func.sum(c.commission_fen))
            .group_by(*keys)):
        sold, reversed_, orders, returns, served, commission = row[len(keys):]
        yield (row[0], row[1] if per_store else None), dict(
            till_sales_fen=int(sold), till_returns_fen=-int(reversed_), till_orders=orders,
            returns=returns, members_served=served, commission_fen=int(commission))


def channel_orders_made_in(merchant_id: str, period: Period):
    """The merchant's channel orders placed in the period, whatever their state: a
    refunded order's credit and reversal both count, netting to nothing."""
    return and_(ChannelOrder.merchant_id == merchant_id,
                ChannelOrder.created_at >= period.since_utc,
                ChannelOrder.created_at < period.until_utc)


def _till_units(conn: Connection, merchant_id: str, period: Period, per_store: bool):
    """((salesperson id, store id or None), units sold) from the lines of the period's
    sales each salesperson is named on (sale_line.salesperson_id, as the till credited
    it); units sold, not net of returns, like the dashboard's units sold."""
    keys = ((SaleLine.salesperson_id, Sale.store_id) if per_store
            else (SaleLine.salesperson_id,))
    for row in conn.execute(
            select(*keys, func.sum(SaleLine.quantity_milli))
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(sales_in(merchant_id, period), SaleLine.salesperson_id.is_not(None))
            .group_by(*keys)):
        yield (row[0], row[1] if per_store else None), int(row[-1])


def _channel(conn: Connection, merchant_id: str, period: Period, per_store: bool):
    """((salesperson code, store id or None), channel figures) of fulfilled orders."""
    keys = ((ChannelOrder.salesperson_code, ChannelOrder.store_id) if per_store
            else (ChannelOrder.salesperson_code,))
    attributed = (channel_orders_in(merchant_id, period),
                  ChannelOrder.salesperson_code.is_not(None))
    units = dict((tuple(r[:-1]), int(r[-1])) for r in conn.execute(
        select(*keys, func.sum(ChannelOrderLine.quantity_milli))
        .join(ChannelOrderLine, ChannelOrderLine.order_id == ChannelOrder.id)
        .where(*attributed).group_by(*keys)))
    for row in conn.execute(select(*keys, func.count(), func.sum(ChannelOrder.paid_fen),
                                   func.count(distinct(ChannelOrder.member_id)))
                            .where(*attributed).group_by(*keys)):
        key = tuple(row[:len(keys)])
        orders, paid, customers = row[len(keys):]
        yield (key[0], key[1] if per_store else None), dict(
            channel_orders=orders, channel_sales_fen=int(paid),
            channel_units_milli=units.get(key, 0), channel_customers=customers)


def _recruited(conn: Connection, merchant_id: str, period: Period, per_store: bool):
    """((recruiter id, home store id or None), members registered in the period)."""
    keys = ((CloudMember.recruited_by_id, CloudMember.home_store_id) if per_store
            else (CloudMember.recruited_by_id,))
    for row in conn.execute(select(*keys, func.count()).where(
            CloudMember.merchant_id == merchant_id, CloudMember.recruited_by_id.is_not(None),
            CloudMember.created_at >= period.since_utc, CloudMember.created_at < period.until_utc)
            .group_by(*keys)):
        yield (row[0], row[1] if per_store else None), row[-1]
