"""The daily aggregate (report_daily): a cache of LedgerSource sums per business day.

A day's rows are rebuilt whenever its sale or refund count differs from the counts
it was built from (sales and refunds are append-only, so a count is a fingerprint);
`rebuild` recomputes any range on demand, e.g. after cost prices were corrected.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func, insert, literal, select, text
from sqlalchemy.engine import Connection

from app.db.models_reports import ReportDaily, ReportDayState
from app.services.reports.ledger import DayRows, LedgerSource
from app.services.reports.measures import MEASURE_NAMES, Measures, Period


# Raise when LedgerSource computes a sum differently: every built day is then rebuilt.
AGGREGATE_VERSION = 2


class AggregateSource:
    def __init__(self, conn: Connection, ledger: LedgerSource, now: datetime) -> None:
        self.conn, self.ledger, self.now = conn, ledger, now
        self.store_id = ledger.store_id

    def day_rows(self, period: Period) -> DayRows:
        """The stored sums: the whole-day rows per day, every other dimension summed over
        the period by SQLite (a year is ~150,000 rows; Python only sees a few hundred).
        Call `refresh` (or go through ReportService) first to bring them up to date."""
        sums = [func.sum(getattr(ReportDaily, n)) for n in MEASURE_NAMES]
        cols = [getattr(ReportDaily, n) for n in MEASURE_NAMES]
        in_period = (ReportDaily.store_id == self.store_id,
                     ReportDaily.business_date.between(period.first.isoformat(),
                                                       period.last.isoformat()))
        days = self.conn.execute(
            select(ReportDaily.business_date, ReportDaily.dim, ReportDaily.key, *cols)
            .where(*in_period, ReportDaily.dim == "total"))
        others = self.conn.execute(
            select(literal(""), ReportDaily.dim, ReportDaily.key, *sums)
            .where(*in_period, ReportDaily.dim != "total")
            .group_by(ReportDaily.dim, ReportDaily.key))
        return {(d, dim, key): Measures(*values) for d, dim, key, *values in [*days, *others]}

    def rebuild_days(self, days: list[str]) -> None:
        """Recompute the given days (sorted) from the ledger and store them."""
        if days:
            self._write(Period(date.fromisoformat(days[0]), date.fromisoformat(days[-1])),
                        set(days))

    def stale_days(self, period: Period) -> list[str]:
        args = {"store": self.store_id, "first": period.first.isoformat(),
                "last": period.last.isoformat()}
        counts = {d: [n, 0, AGGREGATE_VERSION] for d, n in self.conn.execute(text(
            "SELECT business_date, COUNT(*) FROM sale WHERE store_id = :store AND "
            "business_date BETWEEN :first AND :last GROUP BY 1"), args)}
        if self.ledger.has_refunds:
            for d, n in self.conn.execute(text(
                    "SELECT business_date, COUNT(*) FROM refund WHERE store_id = :store AND "
                    "business_date BETWEEN :first AND :last GROUP BY 1"), args):
                counts.setdefault(d, [0, 0, AGGREGATE_VERSION])[1] = n
        built = {d: [s, r, v] for d, s, r, v in self.conn.execute(
            select(ReportDayState.business_date, ReportDayState.sale_count,
                   ReportDayState.refund_count, ReportDayState.version)
            .where(ReportDayState.store_id == self.store_id,
                   ReportDayState.business_date.between(args["first"], args["last"])))}
        return sorted(d for d in counts.keys() | built.keys()
                      if counts.get(d, [0, 0, AGGREGATE_VERSION]) != built.get(d))

    def _write(self, period: Period, days: set[str]) -> None:
        rows = self.ledger.day_rows(period)
        counts = _day_counts(rows)
        where = (ReportDaily.store_id == self.store_id, ReportDaily.business_date.in_(days))
        self.conn.execute(delete(ReportDaily).where(*where))
        self.conn.execute(delete(ReportDayState).where(
            ReportDayState.store_id == self.store_id, ReportDayState.business_date.in_(days)))
        values = [dict(store_id=self.store_id, business_date=d, dim=dim, key=key,
                       **{n: getattr(m, n) for n in MEASURE_NAMES})
                  for (d, dim, key), m in rows.items() if d in days]
        if values:
            self.conn.execute(insert(ReportDaily), values)
        states = [dict(store_id=self.store_id, business_date=d, sale_count=s, refund_count=r,
                       version=AGGREGATE_VERSION, built_at=self.now) for d, (s, r) in counts.items() if d in days]
        if states:
            self.conn.execute(insert(ReportDayState), states)


def _day_counts(rows: DayRows) -> dict[str, tuple[int, int]]:
    """Sales and refunds per day as the unfiltered ledger rows saw them."""
    return {d: (m.orders, m.returns_count) for (d, dim, _), m in rows.items() if dim == "total"}


def in_batches(days: list[str], size: int = 7) -> list[list[str]]:
    """Stale days in small batches: each is rebuilt in its own short write transaction,
    so a first build over a year never holds the database from a checkout for long."""
    return [days[i:i + size] for i in range(0, len(days), size)]
