"""Period figures from per-day sums: headline numbers and the series behind each chart."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.services.reports.ledger import DayRows
from app.services.reports.measures import Measures, Period

NO_SALESPERSON = ""  # key of lines no salesperson was credited with


@dataclass(frozen=True, slots=True)
class Names:
    """Display names of the keys reports group by."""

    products: dict[str, tuple[str, str, str]]  # id -> (sku, name, category path)
    people: dict[str, str]  # salesperson id -> name
    users: dict[str, str]  # cashier id -> name

    @classmethod
    def load(cls, conn: Connection) -> "Names":
        products = {pid: (sku, name, code or "") for pid, sku, name, code in conn.execute(text(
            "SELECT p.id, p.sku_code, p.name, k.code FROM product p "
            "LEFT JOIN category k ON k.id = p.category_id"))}
        people = dict(conn.execute(text("SELECT id, name FROM salesperson")).all())
        users = dict(conn.execute(text("SELECT id, name FROM app_user")).all())
        return cls(products, people, users)


@dataclass(slots=True)
class PeriodFigures:
    period: Period
    totals: Measures
    by_dim: dict[str, dict[str, Measures]]
    by_day: dict[str, Measures]
    new_members: int = 0

    # headline figures ------------------------------------------------------
    @property
    def average_basket_fen(self) -> int:
        t = self.totals
        return (t.amount_fen + t.orders // 2) // t.orders if t.orders else 0

    @property
    def member_share_bp(self) -> int:
        """Members' part of sales, in basis points (10000 = all)."""
        t = self.totals
        return (t.member_fen * 10000 + t.amount_fen // 2) // t.amount_fen if t.amount_fen > 0 else 0

    @property
    def margin_bp(self) -> int:
        net = self.totals.net_fen
        return (self.totals.margin_fen * 10000) // net if net > 0 else 0

    def dim(self, name: str) -> dict[str, Measures]:
        return self.by_dim.get(name, {})

    def by_category(self, names: Names, depth: int = 1) -> dict[str, Measures]:
        """Products rolled up to their category path cut at `depth` levels (0 = full path)."""
        out: dict[str, Measures] = defaultdict(Measures)
        for product_id, m in self.dim("product").items():
            path = names.products.get(product_id, ("", "", ""))[2]
            key = "/".join(path.split("/")[:depth]) if depth else path
            out[key].add(m)
        return dict(out)

    def top(self, dim: str, n: int = 10, names: Names | None = None) -> list[tuple[str, Measures]]:
        rows = self.by_category(names) if dim == "category" and names else self.dim(dim)
        return sorted(rows.items(), key=lambda kv: (-kv[1].net_fen, kv[0]))[:n]


def figures_from(rows: DayRows, period: Period) -> PeriodFigures:
    by_dim: dict[str, dict[str, Measures]] = defaultdict(lambda: defaultdict(Measures))
    by_day: dict[str, Measures] = defaultdict(Measures)
    for (day, dim, key), m in rows.items():
        by_dim[dim][key].add(m)
        if dim == "total":
            by_day[day].add(m)
    totals = by_dim["total"].get("", Measures())
    return PeriodFigures(period, totals, {k: dict(v) for k, v in by_dim.items()}, dict(by_day))


@dataclass(slots=True)
class Dashboard:
    current: PeriodFigures
    previous: PeriodFigures
    names: Names = field(repr=False)

    def change_bp(self, value_of) -> int | None:
        """Change against the previous period in basis points; None when it had nothing."""
        now, before = value_of(self.current), value_of(self.previous)
        return (now - before) * 10000 // before if before else None
