"""Builders shared by the pricing tests (holds no tests itself)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from app.domain.money import Money
from app.domain.pricing import PriceContext, PricingLine, Promotion, Scope
from app.domain.quantity import Quantity

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)  # 16:00 in Shanghai


def item(line_id: str, sku: str, price_fen: int, qty: int = 1, **extra) -> PricingLine:
    extra.setdefault("tax_rate_bp", 1300)
    return PricingLine(line_id=line_id, sku=sku, unit_price=Money(price_fen),
                       quantity=Quantity.units(qty), **extra)


def weighed(line_id: str, sku: str, price_per_kg_fen: int, grams: int, **extra) -> PricingLine:
    extra.setdefault("tax_rate_bp", 900)
    return PricingLine(line_id=line_id, sku=sku, unit_price=Money(price_per_kg_fen),
                       quantity=Quantity(grams), is_weighed=True, **extra)


def promo(promotion_id: str, rule, **extra) -> Promotion:
    extra.setdefault("scope", Scope(all_items=True))
    extra.setdefault("starts_at", NOW - timedelta(days=1))
    extra.setdefault("ends_at", NOW + timedelta(days=1))
    return Promotion(id=promotion_id, name=extra.pop("name", promotion_id), rule=rule, **extra)


def context(**extra) -> PriceContext:
    extra.setdefault("manual_limit_percent", Decimal(20))
    extra.setdefault("manual_limit_amount", Money(5000))
    return PriceContext(now=NOW, store_id="S1", **extra)


def amounts(priced) -> list[int]:
    return [line.amount.fen for line in priced.lines]
