"""Salesperson performance for a range of business dates, and its CSV export."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import Member, SalesCredit, Salesperson
from app.domain import channel_orders as order_rules
from app.domain.money import Money
from app.sync.models_channel import ChannelOrder
from app.services.errors import InvalidInput

MAX_RANGE_DAYS = 366
# a channel order counts once its goods left the store (and stays counted when completed)
CREDITED_STATES = (order_rules.PICKED_UP, order_rules.SHIPPED, order_rules.COMPLETED)


@dataclass(frozen=True, slots=True)
class ChannelFigures:
    """Fulfilled orders of one online channel credited to a salesperson by share code."""
    channel: str
    orders: int
    paid_fen: int  # what the customers paid online


@dataclass(frozen=True, slots=True)
class PerformanceRow:
    salesperson_id: str
    code: str
    name: str
    sales_fen: int  # sold, before returns
    orders: int
    units_milli: int
    returns_fen: int
    members_recruited: int
    members_served: int
    commission_fen: int  # net of reversals for returns
    channels: tuple[ChannelFigures, ...] = ()  # by channel name, next to the till figures

    @property
    def net_sales_fen(self) -> int:
        return self.sales_fen - self.returns_fen

    def channel(self, name: str) -> ChannelFigures:
        return next((c for c in self.channels if c.channel == name), ChannelFigures(name, 0, 0))


def performance(s: Session, start: date, end: date, tz: tzinfo) -> list[PerformanceRow]:
    """One row per active salesperson (and any with activity), business dates start..end."""
    if end < start or (end - start).days > MAX_RANGE_DAYS:
        raise InvalidInput("Choose a date range of at most a year, ending after it starts.")
    first, last = start.isoformat(), end.isoformat()
    is_sale = SalesCredit.refund_id.is_(None)
    rows = s.execute(
        select(SalesCredit.salesperson_id,
               func.sum(case((is_sale, SalesCredit.amount_fen), else_=0)),
               func.count(distinct(case((is_sale, SalesCredit.sale_id)))),
               func.sum(case((is_sale, SalesCredit.quantity_milli), else_=0)),
               -func.sum(case((is_sale, 0), else_=SalesCredit.amount_fen)),
               func.count(distinct(SalesCredit.member_id)),
               func.sum(SalesCredit.commission_fen))
        .where(SalesCredit.business_date >= first, SalesCredit.business_date <= last,
               SalesCredit.salesperson_id.is_not(None))
        .group_by(SalesCredit.salesperson_id)).all()
    by_id = {r[0]: r[1:] for r in rows}
    recruited = _recruited(s, start, end, tz)
    online = _channel_orders(s, start, end, tz)
    people = s.scalars(select(Salesperson).order_by(Salesperson.code)).all()
    result = []
    for p in people:
        active = p.id in by_id or p.id in recruited or p.code in online
        if not p.active and not active:
            continue
        sales, orders, units, returns, served, commission = by_id.get(p.id, (0, 0, 0, 0, 0, 0))
        result.append(PerformanceRow(p.id, p.code, p.name, sales or 0, orders or 0, units or 0,
                                     returns or 0, recruited.get(p.id, 0), served or 0,
                                     commission or 0, tuple(online.get(p.code, ()))))
    return result


def _day_bounds(start: date, end: date, tz: tzinfo) -> tuple[datetime, datetime]:
    return (datetime.combine(start, time(0), tzinfo=tz),
            datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz))


def _channel_orders(s: Session, start: date, end: date,
                    tz: tzinfo) -> dict[str, list[ChannelFigures]]:
    """salesperson code -> fulfilled channel orders placed in the range, per channel
    (the day an order was placed, as the cloud's salesperson report counts it)."""
    since, until = _day_bounds(start, end, tz)
    rows = s.execute(
        select(ChannelOrder.salesperson_code, ChannelOrder.channel, func.count(),
               func.sum(ChannelOrder.paid_fen))
        .where(ChannelOrder.status.in_(CREDITED_STATES), ChannelOrder.salesperson_code != "",
               ChannelOrder.placed_at >= since, ChannelOrder.placed_at < until)
        .group_by(ChannelOrder.salesperson_code, ChannelOrder.channel)
        .order_by(ChannelOrder.channel)).all()
    figures: dict[str, list[ChannelFigures]] = {}
    for code, channel, orders, paid in rows:
        figures.setdefault(code, []).append(ChannelFigures(channel, orders, paid or 0))
    return figures


def channels_of(rows: list[PerformanceRow]) -> list[str]:
    """The channels with orders in a report, in a stable order (for columns)."""
    return sorted({c.channel for r in rows for c in r.channels})


def _recruited(s: Session, start: date, end: date, tz: tzinfo) -> dict[str, int]:
    since, until = _day_bounds(start, end, tz)
    return dict(s.execute(select(Member.recruited_by_id, func.count())
                          .where(Member.created_at >= since, Member.created_at < until,
                                 Member.recruited_by_id.is_not(None))
                          .group_by(Member.recruited_by_id)).all())


CSV_HEADER = ("code", "name", "sales", "orders", "units", "returns", "net_sales",
              "members_recruited", "members_served", "commission")


def to_csv(rows: list[PerformanceRow]) -> str:
    """CSV text (amounts in yuan, units in pieces/kg); UTF-8 with BOM opens right in Excel."""
    out = io.StringIO()
    writer = csv.writer(out)
    channels = channels_of(rows)
    writer.writerow([*CSV_HEADER, *(f"{c}_{what}" for c in channels for what in ("orders", "paid"))])
    for r in rows:
        online = [v for c in channels
                  for v in (r.channel(c).orders, Money(r.channel(c).paid_fen).plain())]
        writer.writerow([r.code, r.name, Money(r.sales_fen).plain(), r.orders,
                         f"{r.units_milli / 1000:g}", Money(r.returns_fen).plain(),
                         Money(r.net_sales_fen).plain(), r.members_recruited, r.members_served,
                         Money(r.commission_fen).plain(), *online])
    return out.getvalue()


class PerformanceService:
    def __init__(self, sessions: sessionmaker[Session], tz: tzinfo) -> None:
        self._sessions = sessions
        self._tz = tz

    def report(self, start: date, end: date) -> list[PerformanceRow]:
        with self._sessions() as s:
            return performance(s, start, end, self._tz)

    def export_csv(self, start: date, end: date, path) -> int:
        """Write the report to ``path``; returns the number of salespeople in it."""
        rows = self.report(start, end)
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            fh.write(to_csv(rows))
        return len(rows)



