"""What every head-office report shares: the period asked for, ratios in integer fen or
basis points, store names, and the JSON-or-CSV answer.

A period is a range of business dates, both ends included. Sales and refunds carry
the till's business date; rows the cloud only knows by a UTC time (channel orders,
members) are counted by their local day in BUSINESS_TZ, because the cloud's store
table has no time zone of its own (the till's default is Asia/Shanghai).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import HTTPException
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.domain.money import MONEY_ROUNDING
from cloud.models import Store

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")
MAX_PERIOD_DAYS = 366
BASIS_POINTS = 10_000


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def first_text(self) -> str:
        return self.first.isoformat()

    @property
    def last_text(self) -> str:
        return self.last.isoformat()

    @property
    def since_utc(self) -> datetime:
        """Start of the first day in BUSINESS_TZ, as UTC (for rows dated by a time)."""
        return _utc_midnight(self.first)

    @property
    def until_utc(self) -> datetime:
        """Start of the day after the last one in BUSINESS_TZ, as UTC (excluded)."""
        return _utc_midnight(self.last + timedelta(days=1))

    def previous(self) -> "Period":
        """The period of the same length that ends the day before this one starts."""
        last = self.first - timedelta(days=1)
        return Period(last - timedelta(days=self.days - 1), last)

    def as_dict(self) -> dict[str, str]:
        return {"first": self.first_text, "last": self.last_text}


def _utc_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=BUSINESS_TZ).astimezone(timezone.utc)


def parse_period(first: str, last: str) -> Period:
    """The period from query text; HTTP 422 with a sentence saying what to send instead."""
    try:
        period = Period(date.fromisoformat(first), date.fromisoformat(last))
    except ValueError:
        raise HTTPException(422, "Give the period as two dates like 2026-11-25: "
                                 "first=YYYY-MM-DD&last=YYYY-MM-DD.") from None
    if period.last < period.first:
        raise HTTPException(422, f"The period ends ({period.last_text}) before it starts "
                                 f"({period.first_text}): last must be on or after first.")
    if period.days > MAX_PERIOD_DAYS:
        raise HTTPException(422, f"The period has {period.days} days: choose at most "
                                 f"{MAX_PERIOD_DAYS} days and ask again for earlier ones.")
    return period


def divide_half_up(numerator: int, denominator: int) -> int | None:
    """numerator / denominator rounded by the money rule; None when there is nothing to divide by."""
    if not denominator:
        return None
    return int((Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1),
                                                                    rounding=MONEY_ROUNDING))


def share_bp(part: int, whole: int) -> int | None:
    """part of whole in basis points (10000 = all of it); None when whole is zero."""
    return divide_half_up(part * BASIS_POINTS, whole)


def stores_of(conn: Connection, merchant_id: str) -> dict[str, tuple[str, str]]:
    """store id -> (code, name) for one merchant's stores (a small table)."""
    return {sid: (code, name) for sid, code, name in conn.execute(
        select(Store.id, Store.code, Store.name).where(Store.merchant_id == merchant_id))}


def rank(rows: list[dict[str, Any]], key: str, tie: str) -> list[dict[str, Any]]:
    """Sort rows by `key` descending (then `tie` ascending) and number them from 1."""
    rows.sort(key=lambda r: (-(r[key] or 0), r[tie] or ""))
    for number, row in enumerate(rows, start=1):
        row["rank"] = number
    return rows


def answer(rows: list[dict[str, Any]], columns: list[str], fmt: str,
           extra: dict[str, Any]) -> Any:
    """JSON {**extra, rows} or CSV of the rows (header = columns; None is an empty cell)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8")
    return {**extra, "rows": [{c: row.get(c) for c in columns} for row in rows]}
