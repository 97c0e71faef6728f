"""The promotions in force, indexed by scope so a cart finds its offers fast.

Build a PromotionBook once when promotions change (sync, back office) and
reuse it for every cart: finding each line's candidate promotions is then a
few dict look-ups per line instead of testing every promotion's scope.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from app.domain.pricing.inputs import PriceContext, PricingLine
from app.domain.pricing.promotions import Promotion

# Enough uses that "no limit" never binds, without a special case in the offers.
UNLIMITED_USES = 1 << 30


@dataclass(frozen=True, slots=True)
class UsablePromotion:
    promotion: Promotion
    max_uses: int


class PromotionBook:
    def __init__(self, promotions: Iterable[Promotion]) -> None:
        # Priority order (high first, then id) is the order ties and stacking follow.
        self.promotions: tuple[Promotion, ...] = tuple(
            sorted(promotions, key=lambda p: (-p.priority, p.id)))
        ids = [p.id for p in self.promotions]
        if len(set(ids)) != len(ids):
            raise ValueError("promotion ids must be unique")
        self._everything: list[int] = []
        self._by_sku: dict[str, list[int]] = defaultdict(list)
        self._by_category: dict[str, list[int]] = defaultdict(list)
        self._by_brand: dict[str, list[int]] = defaultdict(list)
        for position, promotion in enumerate(self.promotions):
            scope = promotion.scope
            if scope.all_items:
                self._everything.append(position)
            for sku in scope.skus:
                self._by_sku[sku].append(position)
            for category in scope.categories:
                self._by_category[category].append(position)
            for brand in scope.brands:
                self._by_brand[brand].append(position)

    def usable(self, context: PriceContext) -> dict[int, UsablePromotion]:
        """Promotions valid now, here, for this customer, with uses left; by position."""
        usable: dict[int, UsablePromotion] = {}
        for position, promotion in enumerate(self.promotions):
            if not promotion.is_valid_at(context.now):
                continue
            if promotion.stores and context.store_id not in promotion.stores:
                continue
            if promotion.members_only and not context.is_member:
                continue
            max_uses = UNLIMITED_USES
            if promotion.per_member_limit is not None:
                if context.member_id is None:
                    continue
                max_uses = promotion.per_member_limit - context.member_usage.get(promotion.id, 0)
                if max_uses <= 0:
                    continue
            usable[position] = UsablePromotion(promotion, max_uses)
        return usable

    def eligible_lines(self, lines: Sequence[PricingLine],
                       usable: dict[int, UsablePromotion]) -> dict[int, list[int]]:
        """Position -> indexes of the lines each usable promotion reaches, in cart order.

        Lines with a typed price (无码/改价) are negotiated: item offers skip them,
        order offers (满减/满折) still count them.
        """
        eligible: dict[int, list[int]] = {position: [] for position in usable}
        everything = [p for p in self._everything if p in usable]
        # Per position: (may an item offer reach typed-price lines, does the scope exclude).
        rules = {position: (entry.promotion.is_order_level, entry.promotion.scope.has_exclusions)
                 for position, entry in usable.items()}
        for index, line in enumerate(lines):
            hits = set(everything)
            hits.update(self._by_sku.get(line.sku, ()))
            for category in line.category_ids:
                hits.update(self._by_category.get(category, ()))
            if line.brand is not None:
                hits.update(self._by_brand.get(line.brand, ()))
            typed = line.typed_price is not None or line.open_price
            for position in hits:
                rule = rules.get(position)
                if rule is None or (typed and not rule[0]):
                    continue
                if rule[1] and usable[position].promotion.scope.excludes(line):
                    continue
                eligible[position].append(index)
        # Lines were visited in cart order, so each list is already sorted.
        return eligible
