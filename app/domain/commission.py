"""Commission rules as data, pure: a percent of net sales or a fixed amount per item, for
all goods, a category or a SKU, within dates. The most specific rule in force wins (SKU
over category over all; then the one that started last). The till and the cloud (for
channel orders) both credit with these functions, so a sale earns the same everywhere."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Sequence

from app.domain.money import Money

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
