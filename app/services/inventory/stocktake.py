"""Stocktakes (盘点): book quantities frozen when counting starts, counts from several
devices adding up, a variance report, and posting the differences once."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_inventory import Stocktake, StocktakeCount
from app.domain.clock import Clock, to_local
from app.services.audit import AuditAction
from app.services.auth import StaffMember
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound, StateError
from app.services.inventory.common import Move, ResolvedCode, next_number, resolve_code, write_movements
from app.services.permissions import ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise
from app.sync.outbox import add_event

# Book quantity and cost of every active product in scope, frozen in one statement.
_FREEZE = """
    INSERT INTO stocktake_item (stocktake_id, product_id, book_milli, cost_fen)
    SELECT :take, p.id, COALESCE(b.on_hand_milli, 0),
           COALESCE((SELECT amount_fen FROM price WHERE product_id = p.id AND price_type = 'cost'
                      AND store_id IS NULL LIMIT 1), 0)
      FROM product p
      LEFT JOIN stock_balance b ON b.product_id = p.id AND b.store_id = :store
     WHERE p.active {scope}
"""
_SCOPE = ("AND p.category_id IN (SELECT id FROM category WHERE code IN ({codes}) OR {likes})")

_COUNTED = text("""
    SELECT i.product_id, p.sku_code, p.name, i.book_milli, i.cost_fen, c.counted, 1 AS was_counted
      FROM (SELECT product_id, SUM(quantity_milli) AS counted FROM stocktake_count
             WHERE stocktake_id = :take GROUP BY product_id) c
      JOIN stocktake_item i ON i.stocktake_id = :take AND i.product_id = c.product_id
      JOIN product p ON p.id = i.product_id
     ORDER BY p.sku_code
""")

_VARIANCE = text("""
    SELECT i.product_id, p.sku_code, p.name, i.book_milli, i.cost_fen,
           COALESCE(c.counted, 0) AS counted, c.product_id IS NOT NULL AS was_counted
      FROM stocktake_item i JOIN product p ON p.id = i.product_id
      LEFT JOIN (SELECT product_id, SUM(quantity_milli) AS counted FROM stocktake_count
                  WHERE stocktake_id = :take GROUP BY product_id) c ON c.product_id = i.product_id
     WHERE i.stocktake_id = :take
       AND (c.product_id IS NOT NULL OR i.book_milli != 0)
     ORDER BY p.sku_code
""")


@dataclass(frozen=True, slots=True)
class VarianceLine:
    product_id: str
    sku_code: str
    name: str
    book_milli: int
    counted_milli: int
    cost_fen: int
    was_counted: bool

    @property
    def difference_milli(self) -> int:
        return self.counted_milli - self.book_milli

    @property
    def value_fen(self) -> int:
        """Cost value of the difference, rounded half away from zero to whole fen."""
        product = self.difference_milli * self.cost_fen
        return (abs(product) + 500) // 1000 * (1 if product >= 0 else -1)


@dataclass(frozen=True, slots=True)
class VarianceReport:
    lines: list[VarianceLine]

    @property
    def differences(self) -> list[VarianceLine]:
        return [l for l in self.lines if l.difference_milli != 0]

    @property
    def total_value_fen(self) -> int:
        return sum(l.value_fen for l in self.lines)


@dataclass(frozen=True, slots=True)
class StocktakeView:
    id: str
    number: str
    status: str
    scope: tuple[str, ...]
    item_count: int


class StocktakeService:
    def __init__(self, sessions: sessionmaker[Session], terminal: TerminalContext, clock: Clock,
                 rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._t = terminal
        self._clock = clock
        self.rules = rules

    def start(self, category_codes: list[str] | None = None) -> str:
        """Freeze the book quantity of the whole store, or of some categories and their children."""
        codes = [c.strip() for c in (category_codes or []) if c.strip()]
        now = self._clock.now()
        with self._sessions.begin() as s:
            date = to_local(now, self._t.tz).date().isoformat()
            take = Stocktake(number=next_number(s, self._t.store_id, "ST", self._t.store_code, date),
                             store_id=self._t.store_id, scope="\n".join(codes), status="counting",
                             started_at=now)
            s.add(take)
            s.flush()
            scope, params = _scope_sql(codes)
            s.execute(text(_FREEZE.format(scope=scope)), {"take": take.id, "store": self._t.store_id, **params})
            return take.id

    def view(self, stocktake_id: str) -> StocktakeView:
        with self._sessions() as s:
            take = self._take(s, stocktake_id)
            count = s.execute(text("SELECT COUNT(*) FROM stocktake_item WHERE stocktake_id = :t"),
                              {"t": take.id}).scalar_one()
            return StocktakeView(take.id, take.number, take.status,
                                 tuple(c for c in take.scope.split("\n") if c), count)

    def open_stocktakes(self) -> list[StocktakeView]:
        """Counts in progress in this store, newest first: another device can join one."""
        with self._sessions() as s:
            ids = s.scalars(select(Stocktake.id).where(Stocktake.store_id == self._t.store_id,
                                                       Stocktake.status == "counting")
                            .order_by(Stocktake.started_at.desc())).all()
        return [self.view(i) for i in ids]

    def count(self, stocktake_id: str, code: str, quantity_milli: int | None = None,
              device: str = "") -> ResolvedCode:
        """A scan counts one (a pack barcode its pack size); a typed quantity counts that many.
        Counts from every device add up; a negative typed quantity corrects a miscount."""
        with self._sessions.begin() as s:
            take = self._take(s, stocktake_id)
            if take.status != "counting":
                raise StateError("Stocktake {number} is already posted; start a new one to count again.",
                                 number=take.number)
            found = resolve_code(s, code)
            in_scope = s.execute(text("SELECT 1 FROM stocktake_item WHERE stocktake_id = :t AND "
                                      "product_id = :p"), {"t": take.id, "p": found.product_id}).first()
            if in_scope is None:
                raise InvalidInput("{name} is not in this stocktake's categories. Set it aside for "
                                   "the count of its own category.", name=found.name)
            quantity = found.factor_milli if quantity_milli is None else quantity_milli
            if quantity == 0:
                raise InvalidInput("Type how many you counted (not zero).")
            s.add(StocktakeCount(stocktake_id=take.id, product_id=found.product_id,
                                 device=device or self._t.terminal_code, quantity_milli=quantity,
                                 created_at=self._clock.now()))
            return found

    def counted(self, stocktake_id: str, product_id: str) -> int:
        with self._sessions() as s:
            return int(s.execute(text("SELECT COALESCE(SUM(quantity_milli), 0) FROM stocktake_count "
                                      "WHERE stocktake_id = :t AND product_id = :p"),
                                 {"t": stocktake_id, "p": product_id}).scalar_one())

    def variance(self, stocktake_id: str, counted_only: bool = False) -> VarianceReport:
        """Counted against the frozen book; products in scope that nobody counted read as zero.
        `counted_only` lists just what was counted so far (cheap while scanning a big store)."""
        with self._sessions() as s:
            if counted_only:
                rows = s.execute(_COUNTED, {"take": stocktake_id}).all()
                return _report(rows)
            return _variance(s, stocktake_id)

    def post(self, stocktake_id: str, actor: StaffMember | None = None,
             approver: ManagerApproval | None = None) -> int:
        """Write the differences to the ledger once. Needs STOCK_ADJUSTMENT (or a
        supervisor's approval) when the till has staff rules; audited with the value.
        Returns how many products changed."""
        approval = authorise(self.rules, actor, Permission.STOCK_ADJUSTMENT, approver)
        now = self._clock.now()
        with self._sessions.begin() as s:
            # the status flips only if still counting: a second post (another device,
            # a double press) finds nothing to flip and writes nothing
            flipped = s.execute(update(Stocktake).where(Stocktake.id == stocktake_id,
                                                        Stocktake.status == "counting")
                                .values(status="posted", posted_at=now)
                                .execution_options(synchronize_session=False)).rowcount
            if flipped != 1:
                take = self._take(s, stocktake_id)
                raise StateError("Stocktake {number} is already posted.", number=take.number)
            take = self._take(s, stocktake_id)
            report = _variance(s, stocktake_id)  # after the flip: no count can slip in between
            moves = [Move(l.product_id, l.difference_milli, take.number) for l in report.differences]
            write_movements(s, store_id=self._t.store_id, kind="stocktake", moves=moves,
                            ref_type="stocktake", ref_id=take.id, now=now,
                            terminal_id=self._t.terminal_id)
            add_event(s, "stocktake.posted", take.id, {
                "number": take.number, "store": self._t.store_code,
                "value_fen": report.total_value_fen, "changed": len(moves)}, now)
            audit_action(self.rules, s, AuditAction.STOCKTAKE_POSTED, approval, subject=take.number,
                         details={"changed": len(moves), "value_fen": report.total_value_fen})
        return len(moves)

    @staticmethod
    def _take(s: Session, stocktake_id: str) -> Stocktake:
        take = s.get(Stocktake, stocktake_id)
        if take is None:
            raise NotFound("That stocktake no longer exists.")
        return take


def _variance(s: Session, stocktake_id: str) -> VarianceReport:
    return _report(s.execute(_VARIANCE, {"take": stocktake_id}).all())


def _report(rows) -> VarianceReport:
    return VarianceReport([VarianceLine(r.product_id, r.sku_code, r.name, r.book_milli,
                                        int(r.counted), r.cost_fen, bool(r.was_counted))
                           for r in rows])


def _scope_sql(codes: list[str]) -> tuple[str, dict[str, str]]:
    if not codes:
        return "", {}
    params = {f"c{i}": c for i, c in enumerate(codes)}
    params.update({f"l{i}": f"{c}/%" for i, c in enumerate(codes)})
    names = ", ".join(f":c{i}" for i in range(len(codes)))
    likes = " OR ".join(f"code LIKE :l{i}" for i in range(len(codes)))
    return _SCOPE.format(codes=names, likes=likes), params
