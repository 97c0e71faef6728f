"""Report rows straight from the sales ledger (sale, sale_line, payment, refunds, credits).

Every query returns rows per business day and key, so the daily aggregate is built
from exactly the same sums the filtered reports use. Refund tables belong to the
checkout area's migrations: when they are absent, returns are simply none.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timezone, tzinfo
from typing import Iterator

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from app.services.reports.measures import Measures, Period, ReportFilter, cost_of

DayRows = dict[tuple[str, str, str], Measures]  # (business_date, dim, key) -> sums

_SALE_RANGE = "s.store_id = :store AND s.business_date BETWEEN :first AND :last"
_REFUND_RANGE = "r.store_id = :store AND r.business_date BETWEEN :first AND :last"
_HAS_MEMBER = ("EXISTS (SELECT 1 FROM sales_credit c WHERE c.sale_id = s.id "
               "AND c.refund_id IS NULL AND c.member_id IS NOT NULL)")


def _sale_filter(flt: ReportFilter) -> str:
    parts = []
    if flt.cashier_id:
        parts.append("s.cashier_id = :cashier")
    if flt.channel:
        parts.append("s.channel = :channel")
    if flt.salesperson_id:
        parts.append("EXISTS (SELECT 1 FROM sales_credit c WHERE c.sale_id = s.id "
                     "AND c.refund_id IS NULL AND c.salesperson_id = :salesperson)")
    if flt.member_level_id:
        parts.append("EXISTS (SELECT 1 FROM sales_credit c JOIN member m ON m.id = c.member_id "
                     "WHERE c.sale_id = s.id AND c.refund_id IS NULL AND m.level_id = :level)")
    return "".join(f" AND {p}" for p in parts)


def _refund_filter(flt: ReportFilter) -> str:
    """Returns count where their sale would; a cashier's returns are the ones they took."""
    sale_part = _sale_filter(ReportFilter(salesperson_id=flt.salesperson_id,
                                          member_level_id=flt.member_level_id,
                                          channel=flt.channel))
    out = " AND r.cashier_id = :cashier" if flt.cashier_id else ""
    if sale_part:
        out += f" AND r.sale_id IN (SELECT s.id FROM sale s WHERE 1 = 1{sale_part})"
    return out


def _category_filter(column: str, flt: ReportFilter) -> str:
    if not flt.category_code:
        return ""
    return (f" AND {column} IN (SELECT p.id FROM product p JOIN category k ON k.id = p.category_id"
            " WHERE k.code = :category OR k.code LIKE :category_prefix)")


class LedgerSource:
    """Sums per business day straight from the ledger rows, with any filter."""

    def __init__(self, conn: Connection, store_id: str, tz: tzinfo) -> None:
        self.conn, self.store_id, self.tz = conn, store_id, tz
        self.has_refunds = inspect(conn).has_table("refund")

    def day_rows(self, period: Period, flt: ReportFilter = ReportFilter()) -> DayRows:
        params = {"store": self.store_id, "first": period.first.isoformat(),
                  "last": period.last.isoformat(), "cashier": flt.cashier_id,
                  "channel": flt.channel, "salesperson": flt.salesperson_id,
                  "level": flt.member_level_id, "category": flt.category_code,
                  "category_prefix": flt.category_code + "/%"}
        rows: DayRows = defaultdict(Measures)
        for collect in (self._sale_dims, self._hours, self._tenders, self._products,
                        self._salespeople, self._refunds):
            for day, dim, key, measures in collect(flt, params):
                rows[(day, dim, key)].add(measures)
        self._cost_totals(rows)
        return dict(rows)

    def _run(self, sql: str, params: dict) -> Iterator:
        return iter(self.conn.execute(text(sql), params).all())

    def _sale_dims(self, flt, params):
        for dim, key in (("total", "''"), ("cashier", "s.cashier_id"), ("channel", "s.channel")):
            sql = (f"SELECT s.business_date, {key}, COUNT(*), SUM(s.piece_count) * 1000, "
                   "SUM(s.total_fen), SUM(s.discount_fen), SUM(s.rounding_fen), "
                   f"SUM({_HAS_MEMBER}), SUM(CASE WHEN {_HAS_MEMBER} THEN s.total_fen ELSE 0 END) "
                   f"FROM sale s WHERE {_SALE_RANGE}{_sale_filter(flt)} GROUP BY 1, 2")
            for d, k, n, q, amount, disc, rnd, m_n, m_fen in self._run(sql, params):
                yield d, dim, k, Measures(orders=n, quantity_milli=q, amount_fen=amount,
                                          discount_fen=disc, rounding_fen=rnd,
                                          member_orders=m_n, member_fen=m_fen)

    def _hours(self, flt, params):
        sql = ("SELECT s.business_date, strftime('%Y-%m-%d %H', s.completed_at), COUNT(*), "
               f"SUM(s.total_fen) FROM sale s WHERE {_SALE_RANGE}{_sale_filter(flt)} GROUP BY 1, 2")
        for d, utc_hour, n, amount in self._run(sql, params):
            moment = datetime.strptime(utc_hour, "%Y-%m-%d %H").replace(tzinfo=timezone.utc)
            local = moment.astimezone(self.tz)
            yield d, "hour", f"{local.hour:02d}", Measures(orders=n, amount_fen=amount)

    def _tenders(self, flt, params):
        sql = ("SELECT s.business_date, p.tender, COUNT(DISTINCT s.id), SUM(p.amount_fen) "
               f"FROM payment p JOIN sale s ON s.id = p.sale_id WHERE {_SALE_RANGE}"
               f"{_sale_filter(flt)} GROUP BY 1, 2")
        for d, tender, n, amount in self._run(sql, params):
            yield d, "tender", tender, Measures(orders=n, amount_fen=amount)
        if self.has_refunds:
            sql = ("SELECT r.business_date, rp.tender, COUNT(DISTINCT r.id), SUM(rp.amount_fen) "
                   f"FROM refund_payment rp JOIN refund r ON r.id = rp.refund_id WHERE "
                   f"{_REFUND_RANGE}{_refund_filter(flt)} GROUP BY 1, 2")
            for d, tender, n, amount in self._run(sql, params):
                yield d, "tender", tender, Measures(returns_count=n, returns_fen=amount)

    def _products(self, flt, params):
        sql = ("SELECT s.business_date, l.product_id, COUNT(DISTINCT s.id), SUM(l.quantity_milli), "
               f"SUM(l.amount_fen) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
               f"WHERE {_SALE_RANGE}{_sale_filter(flt)}{_category_filter('l.product_id', flt)} "
               "GROUP BY 1, 2")
        for d, product, n, qty, amount in self._run(sql, params):
            yield d, "product", product, Measures(orders=n, quantity_milli=qty, amount_fen=amount)
        if self.has_refunds:
            sql = ("SELECT r.business_date, rl.product_id, SUM(rl.quantity_milli), "
                   "SUM(rl.amount_fen) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id "
                   f"WHERE {_REFUND_RANGE}{_refund_filter(flt)}"
                   f"{_category_filter('rl.product_id', flt)} GROUP BY 1, 2")
            for d, product, qty, amount in self._run(sql, params):
                yield d, "product", product, Measures(returns_quantity_milli=qty, returns_fen=amount)

    def _salespeople(self, flt, params):
        """Lines by the salesperson credited with them; lines nobody was credited with count
        under "" (also when the credit ledger has no row for a line at all)."""
        person = " AND c.salesperson_id = :salesperson" if flt.salesperson_id else ""
        sql = ("SELECT s.business_date, COALESCE(c.salesperson_id, ''), COUNT(DISTINCT s.id), "
               "SUM(l.quantity_milli), SUM(l.amount_fen), SUM(COALESCE(c.commission_fen, 0)) "
               "FROM sale_line l JOIN sale s ON s.id = l.sale_id LEFT JOIN sales_credit c "
               "ON c.sale_id = s.id AND c.sale_line_id = l.id AND c.refund_id IS NULL "
               f"WHERE {_SALE_RANGE}{_sale_filter(flt)}{_category_filter('l.product_id', flt)}"
               f"{person} GROUP BY 1, 2")
        for d, key, n, qty, amount, commission in self._run(sql, params):
            yield d, "salesperson", key, Measures(orders=n, quantity_milli=qty, amount_fen=amount,
                                                  commission_fen=commission)
        if not self.has_refunds:
            return
        sql = ("SELECT r.business_date, COALESCE(c.salesperson_id, ''), "
               "SUM(rl.quantity_milli), SUM(rl.amount_fen), "
               "SUM((SELECT COALESCE(SUM(b.commission_fen), 0) FROM sales_credit b "
               "WHERE b.refund_id = r.id AND b.refund_line_id = rl.id)) "
               "FROM refund_line rl JOIN refund r ON r.id = rl.refund_id LEFT JOIN sales_credit c "
               "ON c.sale_id = r.sale_id AND c.sale_line_id = rl.sale_line_id AND c.refund_id IS NULL "
               f"WHERE {_REFUND_RANGE}{_refund_filter(flt)}{_category_filter('rl.product_id', flt)}"
               f"{person} GROUP BY 1, 2")
        for d, key, qty, amount, commission in self._run(sql, params):
            yield d, "salesperson", key, Measures(returns_quantity_milli=qty, returns_fen=amount,
                                                  commission_fen=commission)

    def _refunds(self, flt, params):
        if not self.has_refunds:
            return
        channel = "COALESCE((SELECT s.channel FROM sale s WHERE s.id = r.sale_id), 'store')"
        for dim, key in (("total", "''"), ("cashier", "r.cashier_id"), ("channel", channel)):
            sql = (f"SELECT r.business_date, {key}, COUNT(*), SUM(r.total_fen) "
                   f"FROM refund r WHERE {_REFUND_RANGE}{_refund_filter(flt)} GROUP BY 1, 2")
            for d, k, n, amount in self._run(sql, params):
                yield d, dim, k, Measures(returns_count=n, returns_fen=amount)

    def _cost_totals(self, rows: DayRows) -> None:
        """Cost of goods per product and day at the cost price of that day; the day's total."""
        costs = CostBook.load(self.conn, self.store_id)
        for (day, dim, product), m in list(rows.items()):
            if dim != "product":
                continue
            unit = costs.unit_cost(product, _noon_utc(day, self.tz))
            m.cost_fen = cost_of(m.quantity_milli - m.returns_quantity_milli, unit)
            rows.setdefault((day, "total", ""), Measures()).cost_fen += m.cost_fen


def _noon_utc(day: str, tz: tzinfo) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(12), tz).astimezone(timezone.utc)


class CostBook:
    """Cost prices (price rows of type 'cost'); a store's own row wins over the chain's."""

    def __init__(self, rows) -> None:
        self._by_product: dict[str, list] = defaultdict(list)
        for product_id, store_id, amount, starts, ends in rows:
            self._by_product[product_id].append((store_id is not None, _utc(starts), _utc(ends),
                                                 amount))

    @classmethod
    def load(cls, conn: Connection, store_id: str) -> "CostBook":
        return cls(conn.execute(text(
            "SELECT product_id, store_id, amount_fen, starts_at, ends_at FROM price "
            "WHERE price_type = 'cost' AND (store_id IS NULL OR store_id = :store)"),
            {"store": store_id}).all())

    def unit_cost(self, product_id: str, at: datetime) -> int:
        valid = [(own, starts or datetime.min.replace(tzinfo=timezone.utc), amount)
                 for own, starts, ends, amount in self._by_product.get(product_id, ())
                 if (starts is None or starts <= at) and (ends is None or at < ends)]
        return max(valid)[2] if valid else 0


def _utc(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc)
