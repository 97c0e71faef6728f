"""Member price tiers of products: what a manager sets in the product editor.

A member level names its price tier (MemberLevel.price_tier). The plain tier "member"
is the product's member price (price table); every other tier keeps its prices in
product_tier_price, read by the catalog with the product and priced by the engine
(app.domain.pricing.base_price): the member's tier price, else the member price, else
the regular price, whichever applies lowest.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.db.models import Product
from app.db.models_members import MemberLevel, ProductTierPrice
from app.domain.clock import Clock
from app.domain.pricing import DEFAULT_TIER
from app.services.auth import StaffMember
from app.services.errors import InvalidInput, NotFound
from app.services.permissions import ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise

TIER_PRICE_EDIT = "product.tier_prices"  # audit action


@dataclass(frozen=True, slots=True)
class PriceTier:
    """A tier with its own prices and the levels that price with it."""

    code: str
    level_names: tuple[str, ...]

    @property
    def label(self) -> str:
        return "、".join(self.level_names) or self.code


class TierPriceService:
    """``rules`` None: a till without staff rules (tests), changes are not checked."""

    def __init__(self, engine: Engine, clock: Clock, rules: StaffRules | None = None) -> None:
        self._engine = engine
        self._clock = clock
        self.rules = rules

    def tiers(self) -> list[PriceTier]:
        """The tiers other than the plain member price, lowest level first."""
        with Session(self._engine) as s:
            rows = s.execute(select(MemberLevel.price_tier, MemberLevel.name)
                             .order_by(MemberLevel.rank)).all()
        names: dict[str, list[str]] = {}
        for tier, name in rows:
            if tier != DEFAULT_TIER:
                names.setdefault(tier, []).append(name)
        return [PriceTier(code, tuple(level_names)) for code, level_names in names.items()]

    def prices(self, product_id: str) -> dict[str, int]:
        with Session(self._engine) as s:
            return dict(s.execute(select(ProductTierPrice.tier, ProductTierPrice.price_fen)
                                  .where(ProductTierPrice.product_id == product_id)).all())

    def set_prices(self, product_ids: str | list[str], prices: Mapping[str, int | None],
                   actor: StaffMember | None = None,
                   approver: ManagerApproval | None = None) -> None:
        """Set (or with None, remove) tier prices of one product or several (variants);
        needs EDIT_PRODUCTS and is audited."""
        approval = authorise(self.rules, actor, Permission.EDIT_PRODUCTS, approver)
        ids = [product_ids] if isinstance(product_ids, str) else list(product_ids)
        _check(prices)
        now = self._clock.now()
        with Session(self._engine) as s, s.begin():
            for product_id in ids:
                product = s.get(Product, product_id)
                if product is None:
                    raise NotFound("This product no longer exists.")
                for tier, fen in prices.items():
                    s.execute(delete(ProductTierPrice).where(
                        ProductTierPrice.product_id == product_id, ProductTierPrice.tier == tier))
                    if fen is not None:
                        s.add(ProductTierPrice(product_id=product_id, tier=tier, price_fen=fen,
                                               updated_at=now))
                audit_action(self.rules, s, TIER_PRICE_EDIT, approval, subject=product.sku_code,
                             details={tier: fen for tier, fen in prices.items()})


def _check(prices: Mapping[str, int | None]) -> None:
    for tier, fen in prices.items():
        if not tier or tier == DEFAULT_TIER or len(tier) > 16:
            raise InvalidInput("{tier} is not a member price tier. The plain member price is "
                               "set as the product's member price.", tier=tier)
        if fen is not None and fen < 0:
            raise InvalidInput("A member tier price may not be negative.")
