"""Checkout pricing: pure domain, no I/O.

    book = PromotionBook(load_promotions(json_text))        # once per promotion change
    priced = price_cart(lines, PriceContext(now=..., store_id=...), book,
                        order_discount=ManualDiscount.percent(5))
    priced.total, priced.lines[i].amount, priced.explain(line_id).text_zh
"""
from app.domain.pricing.base_price import BasePrice, PriceCandidate, choose_base_price
from app.domain.pricing.book import PromotionBook
from app.domain.pricing.codec import load_promotions, promotion_from_dict, promotion_to_dict
from app.domain.pricing.engine import price_cart
from app.domain.pricing.errors import (
    FloorPriceError, ManualDiscountLimitError, OpenPriceError, PricingError, PromotionDataError,
)
from app.domain.pricing.explain import Explanation, ExplainStep
from app.domain.pricing.inputs import (
    DEFAULT_TIER, ManualDiscount, PriceContext, PriceSource, PricingLine, RoundingMode, SpecialPrice,
    pricing_line_from_cart,
)
from app.domain.pricing.promotions import (
    BundleComponent, BundleRule, BuyGetFreeRule, MultiBuyRule, PercentTier, Promotion,
    PromotionKind, ReduceTier, Scope, SecondItemRule, SpendPercentRule, SpendReduceRule,
)
from app.domain.pricing.result import (
    Adjustment, AdjustmentSource, AppliedPromotion, Level, PricedCart, PricedLine,
)

__all__ = [
    "DEFAULT_TIER", "Adjustment", "AdjustmentSource", "AppliedPromotion", "BasePrice", "BundleComponent",
    "BundleRule", "BuyGetFreeRule", "Explanation", "ExplainStep", "FloorPriceError", "Level",
    "ManualDiscount", "ManualDiscountLimitError", "MultiBuyRule", "OpenPriceError",
    "PercentTier", "PriceCandidate", "PriceContext", "PriceSource", "PricedCart", "PricedLine",
    "PricingError", "PricingLine", "Promotion", "PromotionBook", "PromotionDataError",
    "PromotionKind", "ReduceTier", "RoundingMode", "Scope", "SecondItemRule", "SpecialPrice",
    "SpendPercentRule", "SpendReduceRule", "choose_base_price", "load_promotions",
    "price_cart", "pricing_line_from_cart", "promotion_from_dict", "promotion_to_dict",
]
