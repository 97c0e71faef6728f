"""The member level's discount (会员折扣) in the pricing engine: on lines at the regular
price, after item offers, never below the floor, explained, and totals still add up."""
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.money import Money
from app.domain.pricing import (
    AdjustmentSource, PriceSource, SecondItemRule, SpendReduceRule, ReduceTier, price_cart,
)

from tests.unit.test_pricing_support import amounts, context, item, promo

GOLD = dict(member_level="member", level_discount_bp=9500, level_name="金卡会员")


def test_level_discount_takes_regular_priced_lines_only():
    lines = [item("A", "A", 5900), item("B", "B", 350, member_prices={"member": Money(300)})]
    priced = price_cart(lines, context(**GOLD))
    assert amounts(priced) == [5605, 300]  # member price and level discount never stack
    assert priced.lines[1].base_source is PriceSource.MEMBER
    assert priced.member_total == Money(-295)
    steps = priced.explain("A").steps
    assert [s.code for s in steps] == ["base_price", "member_discount", "total"]
    assert steps[1].zh == "会员折扣【金卡会员】9.5折 -¥2.95"


def test_without_a_member_nothing_changes():
    lines = [item("A", "A", 5900)]
    assert amounts(price_cart(lines, context())) == [5900]
    assert amounts(price_cart(lines, context(member_level="member"))) == [5900]


def test_level_discount_applies_after_item_offers_and_before_order_offers():
    lines = [item("A", "A", 1000, qty=2)]
    book = [promo("HALF", SecondItemRule()),
            promo("R", SpendReduceRule((ReduceTier(Money(1400), Money(100)),)), exclusive=False)]
    priced = price_cart(lines, context(**GOLD), book)
    # 20.00 - 5.00 (second half price) = 15.00; 95折 = 14.25; 满14减1 = 13.25
    assert amounts(priced) == [1325]
    sources = [a.source for a in priced.lines[0].adjustments]
    assert sources == [AdjustmentSource.PROMOTION, AdjustmentSource.MEMBER,
                       AdjustmentSource.PROMOTION]


def test_level_discount_stops_at_the_floor():
    lines = [item("A", "A", 1000, floor_price=Money(980))]
    priced = price_cart(lines, context(**GOLD))
    assert amounts(priced) == [980]
    assert priced.member_total == Money(-20)


@settings(max_examples=60, deadline=None)
@given(prices=st.lists(st.integers(1, 50_000), min_size=1, max_size=8),
       bp=st.integers(5000, 10000))
def test_totals_add_up_with_a_level_discount(prices, bp):
    lines = [item(f"L{i}", f"S{i}", p) for i, p in enumerate(prices)]
    priced = price_cart(lines, context(member_level="member", level_discount_bp=bp))
    assert priced.total == (priced.subtotal + priced.promotion_total + priced.member_total
                            + priced.manual_total + priced.rounding)
    assert priced.total.fen == sum(amounts(priced))
    assert all(0 <= a <= p for a, p in zip(amounts(priced), prices))
