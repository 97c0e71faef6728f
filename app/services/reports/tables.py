"""Report tables behind each chart, and their CSV / XLSX export.

Cells are plain values (text, int); money columns hold fen and are written out as
yuan with two decimals, so a spreadsheet sums them exactly.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO

from app.services.reports.figures import NO_SALESPERSON, Names, PeriodFigures
from app.services.reports.measures import Measures

# Column kinds: text, count, milli (quantity in thousandths), fen (money), bp (percent)
Column = tuple[str, str]

TABLES = ("day", "hour", "tender", "category", "product", "salesperson", "cashier", "channel")


@dataclass(frozen=True, slots=True)
class ReportTable:
    kind: str
    columns: tuple[Column, ...]
    rows: list[tuple]

    def column_total(self, title: str) -> int:
        i = [c[0] for c in self.columns].index(title)
        return sum(row[i] for row in self.rows)


_MONEY = (("Sales", "fen"), ("Returns", "fen"), ("Net sales", "fen"))


def _money(m: Measures) -> tuple:
    return (m.amount_fen, m.returns_fen, m.net_fen)


def build_table(kind: str, fig: PeriodFigures, names: Names) -> ReportTable:
    if kind == "day":
        cols = (("Day", "text"), ("Orders", "count"), *_MONEY, ("Discounts", "fen"),
                ("Rounding", "fen"), ("Gross margin", "fen"))
        rows = [(d, m.orders, *_money(m), m.discount_fen, m.rounding_fen, m.margin_fen)
                for d, m in sorted(fig.by_day.items())]
    elif kind == "hour":
        cols = (("Hour", "text"), ("Orders", "count"), ("Sales", "fen"))
        rows = [(f"{h}:00", m.orders, m.amount_fen) for h, m in sorted(fig.dim("hour").items())]
    elif kind == "tender":
        cols = (("Tender", "text"), ("Orders", "count"), *_MONEY)
        rows = [(t, m.orders, *_money(m)) for t, m in sorted(fig.dim("tender").items())]
    elif kind == "category":
        cols = (("Category", "text"), ("Quantity", "milli"), *_MONEY, ("Cost", "fen"),
                ("Gross margin", "fen"))
        rows = [(c or "-", m.quantity_milli - m.returns_quantity_milli, *_money(m), m.cost_fen,
                 m.margin_fen) for c, m in fig.top("category", 10**6, names)]
    elif kind == "product":
        cols = (("SKU", "text"), ("Product", "text"), ("Category", "text"), ("Orders", "count"),
                ("Quantity", "milli"), *_MONEY, ("Cost", "fen"), ("Gross margin", "fen"))
        rows = [(*names.products.get(p, (p, p, "")), m.orders,
                 m.quantity_milli - m.returns_quantity_milli, *_money(m), m.cost_fen, m.margin_fen)
                for p, m in fig.top("product", 10**6)]
    elif kind == "salesperson":
        cols = (("Salesperson", "text"), ("Orders", "count"), *_MONEY, ("Commission", "fen"))
        rows = [(names.people.get(p, "-") if p != NO_SALESPERSON else "-", m.orders, *_money(m),
                 m.commission_fen) for p, m in fig.top("salesperson", 10**6)]
    elif kind == "cashier":
        cols = (("Cashier", "text"), ("Orders", "count"), *_MONEY)
        rows = [(names.users.get(c, c), m.orders, *_money(m)) for c, m in fig.top("cashier", 10**6)]
    elif kind == "channel":
        cols = (("Channel", "text"), ("Orders", "count"), *_MONEY)
        rows = [(c, m.orders, *_money(m)) for c, m in fig.top("channel", 10**6)]
    else:
        raise ValueError(kind)
    return ReportTable(kind, cols, rows)


def cell_value(value, kind: str):
    """A cell for a file: money as yuan, quantities as units, the rest as they are."""
    if kind == "fen":
        return Decimal(value).scaleb(-2)
    if kind == "milli":
        return Decimal(value).scaleb(-3).normalize() if value % 1000 else value // 1000
    return value


def write_csv(table: ReportTable, out: IO[str], titles: list[str] | None = None) -> int:
    writer = csv.writer(out)
    writer.writerow(titles or [c[0] for c in table.columns])
    for row in table.rows:
        writer.writerow([f"{cell_value(v, k):.2f}" if k == "fen" else cell_value(v, k)
                         for v, (_, k) in zip(row, table.columns)])
    return len(table.rows)


def write_xlsx(table: ReportTable, path: Path, titles: list[str] | None = None) -> int:
    from openpyxl import Workbook  # imported on use: only exports need it

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.kind)
    sheet.append(titles or [c[0] for c in table.columns])
    for row in table.rows:
        sheet.append([cell_value(v, k) for v, (_, k) in zip(row, table.columns)])
    book.save(path)
    return len(table.rows)
