"""What the pricing engine returns: every line's price and how it came about.

Adjustment amounts are signed (negative takes money off, a 抹零 half-up may
add), so for every line ``amount == base_amount + sum(adjustments)`` and for
the cart ``total == subtotal + promotion_total + member_total + manual_total +
rounding == sum(line amounts)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Mapping, NamedTuple

from app.domain.money import Money
from app.domain.pricing.base_price import PriceCandidate
from app.domain.pricing.explain import Explanation, explain_line
from app.domain.pricing.inputs import PriceSource, RoundingMode
from app.domain.pricing.promotions import PromotionKind
from app.domain.quantity import Quantity


class AdjustmentSource(str, Enum):
    PROMOTION = "promotion"
    MEMBER = "member"      # the member level's discount (会员折扣)
    MANUAL = "manual"
    ROUNDING = "rounding"


class Level(str, Enum):
    ITEM = "item"     # worked out on this line's pieces
    ORDER = "order"   # a share of an order-level amount, spread by line amounts


class Adjustment(NamedTuple):
    """One change to a line's amount. A NamedTuple, not a dataclass: a big cart
    builds hundreds of these per pricing and tuples build several times faster."""

    source: AdjustmentSource
    level: Level
    amount: Money                       # signed: negative = money off
    promotion_id: str | None = None     # None for manual discounts and rounding
    label: str = ""                     # promotion name, level name, "手工折扣" or "抹零"
    kind: PromotionKind | None = None
    units: int = 0                      # pieces an item offer discounted on this line
    detail: str = ""                    # e.g. "9折", "满200减50", "2对"


@dataclass(frozen=True, slots=True)
class PricedLine:
    line_id: str
    sku: str
    name: str
    quantity: Quantity
    is_weighed: bool
    regular_price: Money
    base_price: Money                   # the unit price the line starts from
    base_source: PriceSource
    base_label: str
    price_candidates: tuple[PriceCandidate, ...]
    base_amount: Money                  # base_price x quantity, rounded once
    adjustments: tuple[Adjustment, ...]
    amount: Money                       # what the customer pays for the line
    tax_rate_bp: int
    tax: Money                          # VAT included in ``amount``
    floor_amount: Money                 # floor price x quantity (0 when none)

    @property
    def discount(self) -> Money:
        """Everything taken off the base amount (negative), rounding included."""
        return self.amount - self.base_amount

    @property
    def promotion_ids(self) -> tuple[str, ...]:
        return tuple(a.promotion_id for a in self.adjustments if a.promotion_id)


@dataclass(frozen=True, slots=True)
class AppliedPromotion:
    promotion_id: str
    name: str
    kind: PromotionKind
    level: Level
    amount: Money        # signed total over all lines
    uses: int            # groups / pairs / sets, or 1 for an order offer: record per member
    basis: Money | None  # eligible amount an order offer was measured on
    tier: str


@dataclass(frozen=True, slots=True)
class PricedCart:
    lines: tuple[PricedLine, ...]
    regular_subtotal: Money   # at regular prices, for "you saved"
    subtotal: Money           # at base prices (member/special/typed)
    promotion_total: Money
    manual_total: Money
    rounding: Money
    total: Money
    tax_total: Money
    tax_by_rate: Mapping[int, Money]
    applied_promotions: tuple[AppliedPromotion, ...]
    rounding_mode: RoundingMode
    rounding_blocked_by_floor: bool = False   # 抹零 skipped: every line at its floor
    member_total: Money = Money(0)            # the member level's discount (signed)

    def line(self, line_id: str) -> PricedLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(line_id)

    @property
    def promotion_uses(self) -> dict[str, int]:
        """Promotion id -> uses in this sale, to add to the member's usage counts."""
        return {p.promotion_id: p.uses for p in self.applied_promotions}

    @property
    def saved(self) -> Money:
        """What the customer saved against regular prices (positive)."""
        return self.regular_subtotal - self.total

    def explain(self, line: PricedLine | str) -> Explanation:
        """Why this line costs what it costs: structured steps with zh/en text."""
        priced = self.line(line) if isinstance(line, str) else line
        return explain_line(priced, {p.promotion_id: p for p in self.applied_promotions})
