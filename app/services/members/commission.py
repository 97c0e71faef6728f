"""Commission rules as data: a percent of net sales or a fixed amount per item, for all
goods, a category or a SKU, within dates. The most specific rule that is in force wins
(SKU over category over all; then the one that started last)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import CommissionRule
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.money import Money
from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.sync.outbox import add_event

KINDS = ("percent", "per_item")
SCOPES = ("all", "category", "sku")
_SPECIFICITY = {"sku": 2, "category": 1, "all": 0}
_EARLIEST = datetime.min


@dataclass(frozen=True, slots=True)
class RuleData:
    id: str
    name: str
    kind: str
    rate_bp: int = 0
    amount_fen: int = 0
    scope: str = "all"
    scope_ref: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    active: bool = True

    def in_force(self, at: datetime) -> bool:
        return self.active and (self.starts_at is None or self.starts_at <= at) and (
            self.ends_at is None or at < self.ends_at)

    def applies_to(self, sku: str, category_codes: Sequence[str]) -> bool:
        if self.scope == "sku":
            return sku == self.scope_ref
        if self.scope == "category":
            return self.scope_ref in category_codes
        return True


@dataclass(frozen=True, slots=True)
class CreditLine:
    sku: str
    category_codes: tuple[str, ...]
    amount_fen: int
    quantity_milli: int
    is_weighed: bool = False


def pick_rule(rules: Sequence[RuleData], line: CreditLine, at: datetime) -> RuleData | None:
    candidates = [r for r in rules if r.in_force(at) and r.applies_to(line.sku, line.category_codes)]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (_SPECIFICITY[r.scope],
                                          (r.starts_at or _EARLIEST).replace(tzinfo=None), r.id))


def commission_for(rule: RuleData | None, line: CreditLine) -> int:
    """Fen of commission on a sold line (weighed goods count as one item per line)."""
    if rule is None or line.amount_fen <= 0:
        return 0
    if rule.kind == "percent":
        return Money(line.amount_fen).times(Decimal(rule.rate_bp) / 10000).fen
    items = 1 if line.is_weighed else line.quantity_milli // 1000
    return rule.amount_fen * items


def reversal_for(original_commission: int, original_amount: int, returned_before: int,
                 returning: int) -> int:
    """Commission (positive) to take back for returning ``returning`` fen of a line, given
    what was returned before; cumulative, so a line returned in parts reverses exactly all."""
    if original_amount <= 0:
        return 0
    total_returned = min(returned_before + returning, original_amount)

    def share(amount: int) -> int:
        return int((Decimal(original_commission) * amount / original_amount)
                   .to_integral_value(rounding="ROUND_HALF_UP"))
    return share(total_returned) - share(min(returned_before, original_amount))


def load_rules(s: Session) -> list[RuleData]:
    return [_data(r) for r in s.scalars(select(CommissionRule).order_by(CommissionRule.name))]


def _data(r: CommissionRule) -> RuleData:
    return RuleData(r.id, r.name, r.kind, r.rate_bp, r.amount_fen, r.scope, r.scope_ref,
                    r.starts_at, r.ends_at, r.active)


def check_rule(rule: RuleData) -> None:
    if not rule.name.strip():
        raise InvalidInput("Give the commission rule a name.")
    if rule.kind not in KINDS or rule.scope not in SCOPES:
        raise InvalidInput("A commission rule is a percent or an amount per item, for all goods, "
                           "a category or a SKU.")
    if rule.kind == "percent" and not (0 < rule.rate_bp <= 10000):
        raise InvalidInput("A commission percent is more than 0% and at most 100%.")
    if rule.kind == "per_item" and rule.amount_fen <= 0:
        raise InvalidInput("A commission per item is more than ¥0.00.")
    if rule.scope != "all" and not rule.scope_ref.strip():
        raise InvalidInput("Name the category or SKU the rule is for.")
    if rule.starts_at and rule.ends_at and rule.ends_at <= rule.starts_at:
        raise InvalidInput("A rule must end after it starts.")


class CommissionService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def rules(self) -> list[RuleData]:
        with self._sessions() as s:
            return load_rules(s)

    def save(self, rule: RuleData, allowed: bool) -> RuleData:
        """Create (empty id) or change a rule. Changes apply to sales from now on."""
        if not allowed:
            raise NotAllowed("Only a manager can change commission rules. Ask a manager to log in.")
        check_rule(rule)
        now = self._clock.now()
        with self._sessions.begin() as s:
            row = s.get(CommissionRule, rule.id) if rule.id else None
            if rule.id and row is None:
                raise NotFound("That commission rule no longer exists. Reopen the list.")
            if row is None:
                row = CommissionRule(id=new_id())
                s.add(row)
            for name in ("name", "kind", "rate_bp", "amount_fen", "scope", "scope_ref",
                         "starts_at", "ends_at", "active"):
                setattr(row, name, getattr(rule, name))
            row.name, row.scope_ref, row.updated_at = rule.name.strip(), rule.scope_ref.strip(), now
            s.flush()
            saved = _data(row)
            add_event(s, "commission_rule.changed", row.id, _payload(saved), now)
            return saved


def _payload(r: RuleData) -> dict:
    return {"rule_id": r.id, "name": r.name, "kind": r.kind, "rate_bp": r.rate_bp,
            "amount_fen": r.amount_fen, "scope": r.scope, "scope_ref": r.scope_ref,
            "starts_at": r.starts_at.isoformat() if r.starts_at else None,
            "ends_at": r.ends_at.isoformat() if r.ends_at else None, "active": r.active}
