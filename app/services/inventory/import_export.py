"""Importing products and prices from CSV/XLSX: a dry run that lists every problem by
row and column before anything is written, then an all-or-nothing import with
progress. Exporting writes the same columns, so an export can be edited and imported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.domain.clock import Clock
from app.services.audit import AuditAction
from app.services.auth import StaffMember
from app.services.catalog_load import ProductRecord
from app.services.errors import InvalidInput
from app.services.inventory import validation as rules
from app.services.inventory.import_write import write_import
from app.services.inventory.tabular import read_rows, write_rows
from app.services.permissions import ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise

Progress = Callable[[int, int], None]

# column key -> headers accepted for it (English as exported, and the Chinese a store uses)
COLUMNS: dict[str, tuple[str, ...]] = {
    "sku_code": ("sku_code", "sku", "商品编码", "货号"),
    "name": ("name", "商品名称", "名称", "品名"),
    "retail_price": ("retail_price", "零售价", "售价"),
    "category": ("category", "分类", "类别"),
    "barcodes": ("barcodes", "barcode", "条码", "条形码"),
    "unit": ("unit", "单位"),
    "member_price": ("member_price", "会员价"),
    "cost_price": ("cost_price", "进价", "成本价"),
    "floor_price": ("floor_price", "最低价"),
    "tax_rate": ("tax_rate", "税率"),
    "brand": ("brand", "品牌"),
    "spec": ("spec", "规格"),
    "supplier": ("supplier", "供应商"),
    "weighed": ("weighed", "称重"),
    "plu": ("plu", "PLU"),
    "active": ("active", "启用"),
}
REQUIRED = ("sku_code", "name", "retail_price")
EXPORT_HEADER = list(COLUMNS)
_YES = {"1", "y", "yes", "true", "是", "√"}
_NO = {"", "0", "n", "no", "false", "否"}


@dataclass(frozen=True, slots=True)
class Problem:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str


@dataclass(frozen=True, slots=True)
class ImportRow:
    row_no: int
    record: ProductRecord
    floor_fen: int | None
    supplier_code: str
    active: bool


@dataclass
class DryRun:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    existing_skus: set[str] = field(default_factory=set)
    fingerprint: tuple[int, int] = (0, 0)  # size and mtime of the file that was checked

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.record.sku_code not in self.existing_skus)


class ImportRefused(InvalidInput):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("The file has {count} problems; nothing was imported. Fix them and try "
                         "again.", count=len(problems))
        self.problems = problems


class ProductImporter:
    def __init__(self, engine: Engine, store_id: str, clock: Clock,
                 rules: StaffRules | None = None) -> None:
        self._engine = engine
        self._store_id = store_id
        self._clock = clock
        self.rules = rules

    def dry_run(self, path: Path, progress: Progress | None = None) -> DryRun:
        """Read and check every row; nothing is written."""
        result = self._check_file(Path(path), progress)
        if result.rows:
            with self._engine.connect() as conn:
                _check_against_database(conn, result)
        return result

    def _check_file(self, path: Path, progress: Progress | None = None) -> DryRun:
        """Every check that needs only the file: columns, values, duplicates within it."""
        rows = list(read_rows(path))
        result = DryRun(fingerprint=_fingerprint(path))
        if not rows or not any(_text(v) for v in rows[0]):
            result.problems.append(Problem(1, "", "the file is empty: the first row must name the columns"))
            return result
        columns = _header(rows[0], result.problems)
        if result.problems:
            return result
        body = [(i, r) for i, r in enumerate(rows[1:], start=2) if any(_text(v) for v in r)]
        del rows  # a 100,000-row sheet: keep one copy in memory, not two
        for done, (row_no, values) in enumerate(body, start=1):
            parsed = _parse_row(row_no, columns, values, result.problems)
            if parsed is not None:
                result.rows.append(parsed)
            if progress and done % 5000 == 0:
                progress(done, len(body))
        _check_duplicates(result)
        if progress:
            progress(len(body), len(body))
        return result

    def run(self, path: Path, progress: Progress | None = None,
            checked: DryRun | None = None, actor: StaffMember | None = None,
            approver: ManagerApproval | None = None) -> DryRun:
        """Write every row in one transaction, or nothing. A dry run of the same, unchanged
        file is reused (only the catalog checks run again); otherwise the file is checked anew.
        Needs EDIT_PRODUCTS when the till has staff rules; the import is audited."""
        approval = authorise(self.rules, actor, Permission.EDIT_PRODUCTS, approver)
        if checked is None or not checked.ok or checked.fingerprint != _fingerprint(Path(path)):
            # The file's own checks now; the catalog's below, once, inside the transaction.
            checked = self._check_file(Path(path))
            if not checked.ok:
                raise ImportRefused(self.dry_run(path).problems)  # every problem, catalog's too
        with self._engine.begin() as conn:
            checked.problems.clear()
            _check_against_database(conn, checked)  # the catalog may have changed since
            if checked.problems:
                raise ImportRefused(checked.problems)
            write_import(conn, self._store_id, self._clock.now(), checked, progress)
            audit_action(self.rules, conn, AuditAction.PRODUCT_IMPORT, approval,
                         subject=Path(path).name, details={"rows": len(checked.rows),
                                                           "new": checked.new_count})
        return checked

    def export(self, path: Path, category_code: str | None = None) -> int:
        with self._engine.connect() as conn:
            return write_rows(Path(path), EXPORT_HEADER, _export_rows(conn, category_code))


def _fingerprint(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _header(values: list[object], problems: list[Problem]) -> dict[str, int]:
    by_alias = {alias.lower(): key for key, aliases in COLUMNS.items() for alias in aliases}
    columns: dict[str, int] = {}
    for index, value in enumerate(values):
        name = _text(value)
        if not name:
            continue
        key = by_alias.get(name.lower())
        if key is None:
            problems.append(Problem(1, name, f"unknown column '{name}'; the columns are: "
                                             + ", ".join(EXPORT_HEADER)))
        elif key in columns:
            problems.append(Problem(1, name, f"column '{name}' appears twice"))
        else:
            columns[key] = index
    for key in REQUIRED:
        if key not in columns:
            problems.append(Problem(1, key, f"column '{key}' is missing"))
    return columns


def _parse_row(row_no: int, columns: dict[str, int], values: list[object],
               problems: list[Problem]) -> ImportRow | None:
    found: list[Problem] = []

    def cell(key: str) -> str:
        index = columns.get(key)
        return _text(values[index]) if index is not None and index < len(values) else ""

    def money(key: str, required: bool = False) -> int | None:
        raw = cell(key)
        try:
            fen = _money_fen(raw) if raw else None
        except ValueError as exc:
            found.append(Problem(row_no, key, str(exc)))
            return None
        message = rules.price_problem(key.replace("_", " "), fen, required)
        if message:
            found.append(Problem(row_no, key, message))
        return fen

    sku = cell("sku_code")
    if message := rules.sku_problem(sku):
        found.append(Problem(row_no, "sku_code", message))
    name = cell("name")
    if not name:
        found.append(Problem(row_no, "name", "the name is missing"))
    elif len(name) > 200:
        found.append(Problem(row_no, "name", "the name is longer than 200 characters"))
    retail, member, cost, floor = (money("retail_price", True), money("member_price"),
                                   money("cost_price"), money("floor_price"))
    if retail is not None and floor is not None and retail < floor:
        found.append(Problem(row_no, "retail_price", "the retail price is below the floor price"))
    barcodes = []
    for code in _split_codes(cell("barcodes")):
        try:
            barcodes.append(rules.normalise_barcode(code))
        except ValueError as exc:
            found.append(Problem(row_no, "barcodes", str(exc)))
    weighed, active = _flag(cell("weighed"), False), _flag(cell("active"), True)
    if weighed is None:
        found.append(Problem(row_no, "weighed", "write yes or no"))
    if active is None:
        found.append(Problem(row_no, "active", "write yes or no"))
    plu = cell("plu") or None
    if message := rules.plu_problem(plu, bool(weighed)):
        found.append(Problem(row_no, "plu", message))
    tax = _tax_bp(cell("tax_rate"), row_no, found)
    problems.extend(found)
    if found:
        return None
    record = ProductRecord(
        sku_code=sku, name=name, category_path=cell("category"), tax_rate_bp=tax, price_fen=retail,
        barcodes=tuple(dict.fromkeys(barcodes)), brand=cell("brand"), spec=cell("spec"),
        unit=cell("unit") or "个", is_weighed=bool(weighed), plu=plu, member_price_fen=member,
        cost_fen=cost)
    return ImportRow(row_no, record, floor, cell("supplier"), bool(active))


def _check_duplicates(result: DryRun) -> None:
    first: dict[tuple[str, str], int] = {}
    for row in result.rows:
        rec = row.record
        keys = [("sku_code", rec.sku_code)] + [("barcodes", c) for c in rec.barcodes]
        keys += [("plu", rec.plu)] if rec.plu else []
        for column, value in keys:
            earlier = first.setdefault((column, value), row.row_no)
            if earlier != row.row_no:
                result.problems.append(Problem(row.row_no, column, f"{value} is already on row {earlier}"))


def _check_against_database(conn, result: DryRun) -> None:
    """Codes already in the catalog: an existing SKU is updated, but a barcode or PLU
    that belongs to a different product is a problem."""
    skus = [r.record.sku_code for r in result.rows]
    owner_of_sku = dict(_lookup(conn, "SELECT sku_code, id FROM product WHERE sku_code IN ({})", skus))
    result.existing_skus = set(owner_of_sku)
    codes = [(c, r) for r in result.rows for c in r.record.barcodes]
    owners = dict(_lookup(conn, "SELECT b.code, p.sku_code FROM barcode b JOIN product p "
                                "ON p.id = b.product_id WHERE b.code IN ({})", [c for c, _ in codes]))
    owners.update(_lookup(conn, "SELECT u.barcode, p.sku_code FROM pack_unit u JOIN product p "
                                "ON p.id = u.product_id WHERE u.barcode IN ({})", [c for c, _ in codes]))
    for code, row in codes:
        if owners.get(code, row.record.sku_code) != row.record.sku_code:
            result.problems.append(Problem(row.row_no, "barcodes",
                                           f"barcode {code} belongs to product {owners[code]}"))
    plus = [(r.record.plu, r) for r in result.rows if r.record.plu]
    plu_owner = dict(_lookup(conn, "SELECT plu, sku_code FROM product WHERE plu IN ({})", [p for p, _ in plus]))
    for plu, row in plus:
        if plu_owner.get(plu, row.record.sku_code) != row.record.sku_code:
            result.problems.append(Problem(row.row_no, "plu", f"PLU {plu} belongs to product {plu_owner[plu]}"))
    suppliers = {r.supplier_code for r in result.rows if r.supplier_code}
    known = {code for code, _ in _lookup(conn, "SELECT code, id FROM supplier WHERE code IN ({})", list(suppliers))}
    for row in result.rows:
        if row.supplier_code and row.supplier_code not in known:
            result.problems.append(Problem(row.row_no, "supplier", f"no supplier has the code "
                                           f"{row.supplier_code}; add the supplier first"))
    result.problems.sort(key=lambda p: (p.row, EXPORT_HEADER.index(p.column)
                                        if p.column in EXPORT_HEADER else -1))


def _lookup(conn, sql: str, keys: list[str], chunk: int = 900) -> Iterable[tuple[str, str]]:
    """Rows for keys, in chunks of IN (...). On the driver's cursor (same transaction):
    building a 900-parameter SQLAlchemy statement a hundred times cost more than the lookups."""
    cursor = conn.connection.driver_connection.cursor()
    try:
        for start in range(0, len(keys), chunk):
            part = keys[start:start + chunk]
            yield from cursor.execute(sql.format(", ".join("?" * len(part))), part).fetchall()
    finally:
        cursor.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a barcode or code Excel stored as a number
    return str(value).strip()


def _money_fen(raw: str) -> int:
    cleaned = raw.replace("¥", "").replace("￥", "").replace(",", "").replace("元", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"'{raw}' is not an amount in yuan, e.g. 3.50") from exc
    if not value.is_finite():
        raise ValueError(f"'{raw}' is not an amount in yuan, e.g. 3.50")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"'{raw}' has more than 2 decimals")
    return int(fen)


def _tax_bp(raw: str, row_no: int, found: list[Problem]) -> int:
    if not raw:
        return 1300
    try:
        value = Decimal(raw.rstrip("%").strip())
    except InvalidOperation:
        found.append(Problem(row_no, "tax_rate", f"'{raw}' is not a tax rate in percent, e.g. 13"))
        return 0
    if value < 1 and "%" not in raw and value != 0:
        value *= 100  # 0.13 written as a fraction
    if not 0 <= value <= 100 or value * 100 != (value * 100).to_integral_value():
        found.append(Problem(row_no, "tax_rate", f"'{raw}' is not a tax rate between 0 and 100%"))
        return 0
    return int(value * 100)


def _split_codes(raw: str) -> list[str]:
    for sep in (";", "；", ",", "，", "|", "/"):
        raw = raw.replace(sep, " ")
    return [c for c in raw.split() if c]


def _flag(raw: str, default: bool) -> bool | None:
    lowered = raw.strip().lower()
    if not lowered:
        return default
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    return None


_EXPORT_SQL = """
    SELECT p.sku_code, p.name, pr.amount_fen AS retail, c.code AS category,
           (SELECT group_concat(code, ';') FROM barcode WHERE product_id = p.id) AS barcodes,
           p.unit, pm.amount_fen AS member, pc.amount_fen AS cost, pf.amount_fen AS floor,
           t.rate_bp, p.brand, p.spec, s.code AS supplier, p.is_weighed, p.plu, p.active
      FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id
      LEFT JOIN category c ON c.id = p.category_id
      LEFT JOIN product_extra x ON x.product_id = p.id LEFT JOIN supplier s ON s.id = x.supplier_id
      LEFT JOIN price pr ON pr.product_id = p.id AND pr.price_type = 'retail' AND pr.store_id IS NULL
                        AND pr.starts_at IS NULL
      LEFT JOIN price pm ON pm.product_id = p.id AND pm.price_type = 'member' AND pm.store_id IS NULL
                        AND pm.starts_at IS NULL
      LEFT JOIN price pc ON pc.product_id = p.id AND pc.price_type = 'cost' AND pc.store_id IS NULL
                        AND pc.starts_at IS NULL
      LEFT JOIN price pf ON pf.product_id = p.id AND pf.price_type = 'floor' AND pf.store_id IS NULL
                        AND pf.starts_at IS NULL
     WHERE (:cat IS NULL OR c.code = :cat OR c.code LIKE :cat || '/%')
     ORDER BY p.sku_code
"""


def _export_rows(conn, category_code: str | None) -> Iterable[list[object]]:
    for r in conn.execute(text(_EXPORT_SQL), {"cat": category_code}):
        yield [r.sku_code, r.name, _yuan(r.retail), r.category or "", r.barcodes or "", r.unit,
               _yuan(r.member), _yuan(r.cost), _yuan(r.floor), f"{r.rate_bp / 100:g}", r.brand,
               r.spec, r.supplier or "", "yes" if r.is_weighed else "no", r.plu or "",
               "yes" if r.active else "no"]


def _yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"
