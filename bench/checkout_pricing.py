"""Checkout pricing benchmark: a 200-line supermarket cart with 20 active promotions.

    python -m bench.checkout_pricing [--runs 200]

Prints `price_200_lines_ms=<p95 over the runs> (budget <= 15 ms)`. The cart
and the PromotionBook are built once, as a till does (the book is rebuilt
only when promotions change); each run prices the whole cart from scratch:
base prices, the exclusive-promotion search, stacking, a member, a cashier's
line and order discounts, 抹零, tax and the result objects.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from app.domain.money import Money
from app.domain.pricing import (
    BundleComponent, BundleRule, BuyGetFreeRule, ManualDiscount, MultiBuyRule, PercentTier,
    PriceContext, PricingLine, Promotion, PromotionBook, ReduceTier, RoundingMode, Scope,
    SecondItemRule, SpecialPrice, SpendPercentRule, SpendReduceRule, price_cart,
)
from app.domain.quantity import Quantity

BUDGET_MS = 15.0
LINES = 200
NOW = datetime(2026, 11, 11, 12, 0, tzinfo=timezone.utc)
# (category path, brands): a line carries its category and the ancestors.
_CATEGORIES = [(("食品", "饮料"), ("农夫山泉", "可口可乐")), (("食品", "零食"), ("乐事", "旺旺")),
               (("食品", "乳品"), ("伊利", "蒙牛")), (("日化", "洗护"), ("海飞丝", "舒肤佳")),
               (("食品", "粮油"), ("金龙鱼", "福临门")), (("烟酒", "啤酒"), ("青岛", "雪花")),
               (("生鲜", "水果"), ("",)), (("生鲜", "蔬菜"), ("",))]


def _price_fen(i: int) -> int:
    return 150 + (i * 7919) % 9000


def _set_price(*parts: tuple[int, int]) -> Money:
    """A bundle price 15% under its (sku number, quantity) parts at regular prices."""
    return Money(sum(_price_fen(n) * q for n, q in parts) * 85 // 100)


def _line(i: int) -> PricingLine:
    categories, brands = _CATEGORIES[i % len(_CATEGORIES)]
    fresh = categories[0] == "生鲜"
    price = _price_fen(i)
    extra: dict = {}
    if i % 5 == 0:
        extra["member_prices"] = {"gold": Money(price * 9 // 10), "silver": Money(price * 95 // 100)}
    if i % 17 == 0:
        extra["special_prices"] = (SpecialPrice(Money(price * 85 // 100), NOW - timedelta(hours=2),
                                                NOW + timedelta(hours=2), "限时特价"),)
    if i % 40 == 3:
        extra["manual_discount"] = ManualDiscount.percent(5)
    return PricingLine(
        line_id=f"L{i:03d}", sku=f"SKU{i % 150:04d}", unit_price=Money(price),
        quantity=Quantity(250 + (i * 37) % 1500) if fresh else Quantity.units(1 + i % 4),
        tax_rate_bp=900 if fresh or categories[1] == "粮油" else 1300,
        category_ids=categories, brand=brands[i % len(brands)] or None, is_weighed=fresh,
        floor_price=Money(price // 2), name=f"商品{i}", **extra)


def _promo(pid: str, name: str, rule, scope: Scope | None = None, **extra) -> Promotion:
    return Promotion(id=pid, name=name, rule=rule, starts_at=NOW - timedelta(days=3),
                     ends_at=NOW + timedelta(days=3), scope=scope or Scope(), **extra)


def _skus(*numbers: int) -> frozenset[str]:
    return frozenset(f"SKU{n:04d}" for n in numbers)


def cat(*names: str) -> Scope:
    return Scope(categories=frozenset(names))


def brand(*names: str) -> Scope:
    return Scope(brands=frozenset(names))


def sample_promotions() -> list[Promotion]:
    """20 promotions of every kind, exclusive and stackable, overlapping as in a real store."""
    pct = Decimal
    return [
        _promo("R1", "满100减20 满200减50", SpendReduceRule((ReduceTier(Money(10000), Money(2000)),
               ReduceTier(Money(20000), Money(5000)))),
               Scope(all_items=True, exclude_categories=frozenset({"烟酒"})), priority=5),
        _promo("R2", "日化每满100减10", SpendReduceRule((ReduceTier(Money(10000), Money(1000)),),
               repeat=True, cap=Money(5000)), cat("日化"), exclusive=False),
        _promo("R3", "生鲜满50减5", SpendReduceRule((ReduceTier(Money(5000), Money(500)),)), cat("生鲜")),
        _promo("D1", "伊利满折95折", SpendPercentRule((PercentTier(Money(5000), pct(95)),)),
               brand("伊利"), exclusive=False),
        _promo("D2", "会员满300打98折", SpendPercentRule((PercentTier(Money(30000), pct(98)),)),
               Scope(all_items=True), members_only=True, exclusive=False, priority=1),
        _promo("M1", "饮料3件8折", MultiBuyRule(3, pct(80)), cat("饮料"), priority=3),
        _promo("M2", "零食2件9折", MultiBuyRule(2, pct(90)), cat("零食")),
        _promo("M3", "乳品满4件85折", MultiBuyRule(4, pct(85), every_unit=True), cat("乳品")),
        _promo("M4", "洗护3件7折", MultiBuyRule(3, pct(70)), cat("洗护"), per_member_limit=2),
        _promo("M5", "金龙鱼2件95折", MultiBuyRule(2, pct(95)), brand("金龙鱼"), exclusive=False),
        _promo("H1", "可口可乐第二件半价", SecondItemRule(), brand("可口可乐")),
        _promo("H2", "乐事第二件半价", SecondItemRule(), brand("乐事"), priority=2),
        _promo("H3", "粮油第二件8折", SecondItemRule(pct(80)), cat("粮油")),
        _promo("G1", "买二送一", BuyGetFreeRule(2, 1), Scope(skus=_skus(*range(0, 150, 8)))),
        _promo("G2", "蒙牛买一送一", BuyGetFreeRule(1, 1), brand("蒙牛"), members_only=True),
        _promo("G3", "啤酒买三送一", BuyGetFreeRule(3, 1), cat("啤酒")),
        _promo("B1", "早餐组合价", BundleRule((BundleComponent(_skus(2)),
                                             BundleComponent(_skus(10))), _set_price((2, 1), (10, 1)))),
        _promo("B2", "洗护套装价", BundleRule((BundleComponent(_skus(3, 11)),
                                             BundleComponent(_skus(19), 2)),
                                            _set_price((3, 1), (19, 2)))),
        _promo("B3", "零食大礼包", BundleRule((BundleComponent(_skus(1, 9, 17)),
                                             BundleComponent(_skus(25, 33))),
                                            _set_price((1, 1), (25, 1)))),
        _promo("S1", "饮料满10件9折", MultiBuyRule(10, pct(90), every_unit=True), cat("饮料")),
    ]


def sample_cart() -> list[PricingLine]:
    return [_line(i) for i in range(LINES)]


def sample_context() -> PriceContext:
    return PriceContext(now=NOW, store_id="S001", member_level="gold", member_id="M1",
                        member_usage={"M4": 1}, manual_limit_percent=Decimal(10),
                        manual_limit_amount=Money(100000), rounding=RoundingMode.DOWN_JIAO)


def measure(runs: int) -> list[float]:
    cart, context = sample_cart(), sample_context()
    book = PromotionBook(sample_promotions())
    order_discount = ManualDiscount.percent(2)
    price_cart(cart, context, book, order_discount)  # warm caches and imports
    timings = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        price_cart(cart, context, book, order_discount)
        timings.append((time.perf_counter_ns() - start) / 1e6)
    return timings


def price_200_lines_ms(runs: int = 200) -> float:
    """p95 in milliseconds of pricing the sample 200-line cart with 20 promotions."""
    timings = measure(runs)
    return statistics.quantiles(timings, n=20, method="inclusive")[18]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    value = price_200_lines_ms(args.runs)
    print(f"price_200_lines_ms={value:.2f} (budget <= {BUDGET_MS:g} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
