"""Promotions as data: frozen dataclasses the back office sends as dicts/JSON.

Money in dicts is integer fen under keys ending in ``_fen`` (the storage rule);
percentages are the share the customer *pays* (``pay_percent`` 80 = 8折) given
as int or str, never float; datetimes are ISO 8601 with an offset.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Union

from app.domain.money import Money
from app.domain.pricing.arith import percent_of
from app.domain.pricing.errors import PromotionDataError

if TYPE_CHECKING:
    from app.domain.pricing.inputs import PricingLine


class PromotionKind(str, Enum):
    SPEND_REDUCE = "spend_reduce"              # 满减
    SPEND_PERCENT = "spend_percent"            # 满折
    MULTI_BUY_PERCENT = "multi_buy_percent"    # N件M折
    SECOND_ITEM_PERCENT = "second_item_percent"  # 第二件半价
    BUY_GET_FREE = "buy_get_free"              # 买赠 / 买一送一
    BUNDLE_PRICE = "bundle_price"              # 组合价 A+B=¥p

    @property
    def label_zh(self) -> str:
        return _KIND_ZH[self]

    @property
    def is_order_level(self) -> bool:
        """Order-level offers are measured on amounts after the item-level ones."""
        return self in (PromotionKind.SPEND_REDUCE, PromotionKind.SPEND_PERCENT)


_KIND_ZH = {PromotionKind.SPEND_REDUCE: "满减", PromotionKind.SPEND_PERCENT: "满折",
            PromotionKind.MULTI_BUY_PERCENT: "N件M折",
            PromotionKind.SECOND_ITEM_PERCENT: "第二件半价",
            PromotionKind.BUY_GET_FREE: "买赠", PromotionKind.BUNDLE_PRICE: "组合价"}


def _pay_percent(value: Decimal, what: str) -> Decimal:
    if not Decimal(0) <= value < Decimal(100):
        raise PromotionDataError(f"{what}: pay percent must be in [0, 100): {value}")
    return value


# --- rules -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReduceTier:
    threshold: Money
    off: Money


@dataclass(frozen=True, slots=True)
class SpendReduceRule:
    """满减: reach a threshold, get an amount off. Several tiers: the best reached
    tier counts. ``repeat`` makes it 每满X减Y (the tier counts once per full X);
    ``cap`` limits the total off."""

    tiers: tuple[ReduceTier, ...]
    repeat: bool = False
    cap: Money | None = None

    def __post_init__(self) -> None:
        if not self.tiers:
            raise PromotionDataError("满减 needs at least one tier")
        for tier in self.tiers:
            if tier.threshold.fen <= 0 or tier.off.fen <= 0:
                raise PromotionDataError("满减 tiers need a positive threshold and amount off")

    def discount_for(self, basis: int) -> tuple[int, str]:
        """Fen off an eligible amount, and the tier text; the best tier wins."""
        best, text = 0, ""
        for tier in self.tiers:
            if basis < tier.threshold.fen:
                continue
            times = basis // tier.threshold.fen if self.repeat else 1
            off = tier.off.fen * times
            if off > best:
                prefix = "每满" if self.repeat else "满"
                best, text = off, f"{prefix}{tier.threshold.plain()}减{tier.off.plain()}"
        if self.cap is not None:
            best = min(best, self.cap.fen)
        return min(best, basis), text


@dataclass(frozen=True, slots=True)
class PercentTier:
    threshold: Money
    pay_percent: Decimal


@dataclass(frozen=True, slots=True)
class SpendPercentRule:
    """满折: reach a threshold, pay a percentage of the eligible amount."""

    tiers: tuple[PercentTier, ...]

    def __post_init__(self) -> None:
        if not self.tiers:
            raise PromotionDataError("满折 needs at least one tier")
        for tier in self.tiers:
            _pay_percent(tier.pay_percent, "满折")
            if tier.threshold.fen < 0:
                raise PromotionDataError("满折 threshold must not be negative")

    def discount_for(self, basis: int) -> tuple[int, str]:
        best, text = 0, ""
        for tier in self.tiers:
            if basis < tier.threshold.fen or basis == 0:
                continue
            off = percent_of(basis, Decimal(100) - tier.pay_percent)
            if off > best:
                zhe = (tier.pay_percent / 10).normalize()
                best, text = off, f"满{tier.threshold.plain()}打{zhe:f}折"
        return best, text


@dataclass(frozen=True, slots=True)
class MultiBuyRule:
    """N件M折: each complete group of ``count`` pieces pays ``pay_percent``; the
    dearest pieces form the groups. ``every_unit``: once ``count`` is reached,
    every eligible piece pays ``pay_percent`` (满N件M折)."""

    count: int
    pay_percent: Decimal
    every_unit: bool = False

    def __post_init__(self) -> None:
        if self.count < 1:
            raise PromotionDataError("N件M折 needs N >= 1")
        _pay_percent(self.pay_percent, "N件M折")


@dataclass(frozen=True, slots=True)
class SecondItemRule:
    """第二件半价: pieces pair up dearest first; the cheaper of each pair pays
    ``pay_percent``."""

    pay_percent: Decimal = Decimal(50)

    def __post_init__(self) -> None:
        _pay_percent(self.pay_percent, "第二件")


@dataclass(frozen=True, slots=True)
class BuyGetFreeRule:
    """买X送Y: in each group of X+Y pieces (dearest first) the Y cheapest are free."""

    buy: int
    free: int

    def __post_init__(self) -> None:
        if self.buy < 1 or self.free < 1:
            raise PromotionDataError("买赠 needs buy >= 1 and free >= 1")


@dataclass(frozen=True, slots=True)
class BundleComponent:
    skus: frozenset[str]
    quantity: int = 1


@dataclass(frozen=True, slots=True)
class BundleRule:
    """组合价: one complete set (each component's quantity) sells for ``price``,
    repeated per complete set."""

    components: tuple[BundleComponent, ...]
    price: Money

    def __post_init__(self) -> None:
        if len(self.components) < 1 or self.price.fen < 0:
            raise PromotionDataError("组合价 needs components and a non-negative price")
        seen: set[str] = set()
        for component in self.components:
            if component.quantity < 1 or not component.skus:
                raise PromotionDataError("组合价 components need SKUs and a quantity >= 1")
            if seen & component.skus:
                raise PromotionDataError("组合价 components must not share SKUs")
            seen |= component.skus

    @property
    def skus(self) -> frozenset[str]:
        return frozenset().union(*(c.skus for c in self.components))


Rule = Union[SpendReduceRule, SpendPercentRule, MultiBuyRule, SecondItemRule,
             BuyGetFreeRule, BundleRule]
RULE_KINDS = {SpendReduceRule: PromotionKind.SPEND_REDUCE,
              SpendPercentRule: PromotionKind.SPEND_PERCENT,
              MultiBuyRule: PromotionKind.MULTI_BUY_PERCENT,
              SecondItemRule: PromotionKind.SECOND_ITEM_PERCENT,
              BuyGetFreeRule: PromotionKind.BUY_GET_FREE, BundleRule: PromotionKind.BUNDLE_PRICE}


# --- scope and promotion ----------------------------------------------------
@dataclass(frozen=True, slots=True)
class Scope:
    """Which lines a promotion reaches: everything, or listed SKUs / categories /
    brands, minus exclusions. Categories match any ancestor on the line."""

    all_items: bool = False
    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    exclude_skus: frozenset[str] = frozenset()
    exclude_categories: frozenset[str] = frozenset()
    exclude_brands: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.all_items or self.skus or self.categories or self.brands)

    @property
    def has_exclusions(self) -> bool:
        return bool(self.exclude_skus or self.exclude_categories or self.exclude_brands)

    def excludes(self, line: "PricingLine") -> bool:
        if line.sku in self.exclude_skus or (line.brand and line.brand in self.exclude_brands):
            return True
        return any(c in self.exclude_categories for c in line.category_ids)

    def matches(self, line: "PricingLine") -> bool:
        """Slow path for one line; the engine uses PromotionBook's index instead."""
        if self.excludes(line):
            return False
        return (self.all_items or line.sku in self.skus
                or (line.brand is not None and line.brand in self.brands)
                or any(c in self.categories for c in line.category_ids))


@dataclass(frozen=True, slots=True)
class Promotion:
    """A promotion valid in [starts_at, ends_at) at ``stores`` (empty = all stores).

    ``exclusive`` promotions compete for lines (the engine picks the combination
    best for the customer); stackable ones apply on top. ``priority`` orders the
    stackable ones and breaks ties. ``per_member_limit`` caps how often one
    member may use it (groups, pairs or sets for item offers; 1 per order for
    满减/满折) and makes it members-only, since usage cannot be counted otherwise.
    """

    id: str
    name: str
    rule: Rule
    starts_at: datetime
    ends_at: datetime
    scope: Scope = field(default_factory=Scope)
    stores: frozenset[str] = frozenset()
    members_only: bool = False
    priority: int = 0
    exclusive: bool = True
    per_member_limit: int | None = None

    def __post_init__(self) -> None:
        if type(self.rule) not in RULE_KINDS:
            raise PromotionDataError(f"promotion {self.id}: unknown rule {self.rule!r}")
        for moment in (self.starts_at, self.ends_at):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise PromotionDataError(f"promotion {self.id}: datetimes need an offset")
        if self.starts_at >= self.ends_at:
            raise PromotionDataError(f"promotion {self.id}: starts after it ends")
        if self.per_member_limit is not None and self.per_member_limit < 1:
            raise PromotionDataError(f"promotion {self.id}: per-member limit must be >= 1")
        if isinstance(self.rule, BundleRule) and self.scope.is_empty:
            # A bundle reaches exactly its components unless told otherwise.
            object.__setattr__(self, "scope", Scope(skus=self.rule.skus))
        if self.scope.is_empty:
            raise PromotionDataError(f"promotion {self.id}: empty scope")

    @property
    def kind(self) -> PromotionKind:
        return RULE_KINDS[type(self.rule)]

    @property
    def is_order_level(self) -> bool:
        return self.kind.is_order_level

    def is_valid_at(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at
