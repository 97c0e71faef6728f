"""ReportService: the figures, tables, exports and daily summary a manager asks for.

Unfiltered figures come from the daily aggregate (refreshed on the way); filters
that pick sales (cashier, salesperson, member level, channel) or a category are
answered from the ledger itself. Both give the same sums for the same question.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import IO, Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock, to_local
from app.domain.receipt import ReceiptDocument
from app.services.context import TerminalContext
from app.services.errors import ServiceError
from app.services.reports.aggregate import AggregateSource, in_batches
from app.services.reports.figures import Dashboard, Names, PeriodFigures, figures_from
from app.services.reports.ledger import LedgerSource
from app.services.reports.measures import Period, ReportFilter
from app.services.reports.summary import build_daily_summary
from app.services.reports.tables import ReportTable, build_table, write_csv, write_xlsx


class BadPeriod(ServiceError):
    template = "The period ends before it starts. Choose a first day on or before the last day."


class ExportFailed(ServiceError):
    template = "The report could not be saved to {path}. Choose another folder and try again."


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """What report filters can pick from, as (value, text) pairs."""

    categories: list[tuple[str, str]]
    salespeople: list[tuple[str, str]]
    cashiers: list[tuple[str, str]]
    member_levels: list[tuple[str, str]]
    channels: list[tuple[str, str]]


class ReportService:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext, clock: Clock,
                 require_view: Callable[[object], None] | None = None) -> None:
        self._sessions, self._ctx, self._clock = sessions, context, clock
        # the permission check (PermissionService.require for VIEW_REPORTS) when wired
        self._require_view = require_view

    # periods --------------------------------------------------------------------
    def today(self) -> date:
        return to_local(self._clock.now(), self._ctx.tz).date()

    def today_period(self) -> Period:
        return Period(self.today(), self.today())

    def month_period(self) -> Period:
        today = self.today()
        return Period(today.replace(day=1), today)

    # figures --------------------------------------------------------------------
    def figures(self, period: Period, flt: ReportFilter = ReportFilter(), actor=None) -> PeriodFigures:
        self._check(actor, period)
        self._refresh(period)
        with self._sessions() as s:
            return self._figures(s.connection(), period, flt)

    def dashboard(self, period: Period, flt: ReportFilter = ReportFilter(), actor=None) -> Dashboard:
        self._check(actor, period)
        self._refresh(Period(period.previous().first, period.last))
        with self._sessions() as s:
            conn = s.connection()
            current = self._figures(conn, period, flt)
            previous = self._figures(conn, period.previous(), flt)
            return Dashboard(current, previous, Names.load(conn))

    def table(self, kind: str, period: Period, flt: ReportFilter = ReportFilter(),
              actor=None) -> ReportTable:
        self._check(actor, period)
        self._refresh(period)
        with self._sessions() as s:
            conn = s.connection()
            return build_table(kind, self._figures(conn, period, flt), Names.load(conn))

    def filter_options(self) -> FilterOptions:
        with self._sessions() as s:
            q = lambda sql: [tuple(r) for r in s.execute(text(sql)).all()]  # noqa: E731
            channels = {r[0] for r in q("SELECT DISTINCT key FROM report_daily WHERE dim = 'channel'")}
            return FilterOptions(
                q("SELECT code, code FROM category ORDER BY code"),
                q("SELECT id, name FROM salesperson ORDER BY code"),
                q("SELECT id, name FROM app_user WHERE active ORDER BY code"),
                q("SELECT id, name FROM member_level ORDER BY rank"),
                [(c, c) for c in sorted(channels | {"store"})])

    def rebuild_aggregate(self, period: Period) -> None:
        """Recompute the cached daily sums, e.g. after cost prices were corrected."""
        self._refresh(period, rebuild_all=True)

    def ledger_figures(self, period: Period, flt: ReportFilter = ReportFilter()) -> PeriodFigures:
        """The same figures computed from the ledger only (for checks and audits)."""
        with self._sessions() as s:
            conn = s.connection()
            rows = LedgerSource(conn, self._ctx.store_id, self._ctx.tz).day_rows(period, flt)
            fig = figures_from(rows, period)
            fig.new_members = self._new_members(conn, period)
            return fig

    # export and print --------------------------------------------------------------
    def export_csv(self, table: ReportTable, out: IO[str], titles: list[str] | None = None) -> int:
        return write_csv(table, out, titles)

    def export_xlsx(self, table: ReportTable, path: Path, titles: list[str] | None = None) -> int:
        try:
            return write_xlsx(table, path, titles)
        except OSError as exc:
            raise ExportFailed(path=str(path)) from exc

    def daily_summary(self, day: date, columns: int = 48, actor=None) -> ReceiptDocument:
        period = Period(day, day)
        self._check(actor, period)
        self._refresh(period)
        with self._sessions() as s:
            conn = s.connection()
            fig = self._figures(conn, period, ReportFilter())
            names = Names.load(conn)
        printed = to_local(self._clock.now(), self._ctx.tz).strftime("%Y-%m-%d %H:%M")
        return build_daily_summary(fig, names, self._ctx.store_name, printed, columns)

    def print_daily_summary(self, day: date, printer, columns: int = 48, actor=None) -> None:
        """Send the day's summary to a receipt printer (anything with print_document)."""
        printer.print_document(self.daily_summary(day, columns, actor))

    # inside ------------------------------------------------------------------------
    def _check(self, actor, period: Period) -> None:
        if self._require_view is not None:
            self._require_view(actor)
        if period.last < period.first:
            raise BadPeriod()

    def _aggregate(self, conn: Connection) -> AggregateSource:
        ledger = LedgerSource(conn, self._ctx.store_id, self._ctx.tz)
        return AggregateSource(conn, ledger, self._clock.now())

    def _refresh(self, period: Period, rebuild_all: bool = False) -> None:
        with self._sessions() as s:
            days = period.dates() if rebuild_all else self._aggregate(s.connection()).stale_days(period)
        for batch in in_batches(days):
            with self._sessions.begin() as s:
                self._aggregate(s.connection()).rebuild_days(batch)

    def _figures(self, conn: Connection, period: Period, flt: ReportFilter) -> PeriodFigures:
        if flt.on_sales or flt.category_code:
            rows = LedgerSource(conn, self._ctx.store_id, self._ctx.tz).day_rows(period, flt)
        else:
            rows = self._aggregate(conn).day_rows(period)
        fig = figures_from(rows, period)
        fig.new_members = self._new_members(conn, period)
        return fig

    def _new_members(self, conn: Connection, period: Period) -> int:
        start = datetime.combine(period.first, time(0), self._ctx.tz).astimezone(timezone.utc)
        end = datetime.combine(period.last + timedelta(days=1), time(0), self._ctx.tz)
        end = end.astimezone(timezone.utc)
        return conn.execute(text(
            "SELECT COUNT(*) FROM member WHERE store_id = :store AND created_at >= :start "
            "AND created_at < :end"), {"store": self._ctx.store_id,
                                       "start": _stored(start),
                                       "end": _stored(end)}).scalar_one()


def _stored(moment: datetime) -> str:
    """A UTC time as UTCDateTime stores it in SQLite, for comparisons in plain SQL."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
