"""Hand-computed examples for every promotion kind, stacking rule, price source,
manual discount and 抹零 mode."""
from decimal import Decimal

import pytest

from app.domain.money import Money
from app.domain.pricing import (
    BundleComponent, BundleRule, BuyGetFreeRule, FloorPriceError, ManualDiscount,
    ManualDiscountLimitError, MultiBuyRule, OpenPriceError, PercentTier, PriceSource, PricingLine,
    PromotionBook, ReduceTier, RoundingMode, Scope, SecondItemRule, SpecialPrice,
    SpendPercentRule, SpendReduceRule, price_cart,
)
from app.domain.quantity import Quantity

from tests.unit.test_pricing_support import NOW, amounts, context, item, promo, weighed

FULL_REDUCE = SpendReduceRule((ReduceTier(Money(10000), Money(2000)),
                               ReduceTier(Money(20000), Money(5000))))


# --- 满减 / 满折 -----------------------------------------------------------------
@pytest.mark.parametrize("prices,total", [
    ([6000, 3999], 9999),          # 99.99: below the first tier
    ([6000, 4000], 8000),          # 满100减20
    ([15000, 10000], 20000),       # 250 reaches 满200减50
])
def test_tiered_spend_reduce_takes_the_best_reached_tier(prices, total):
    lines = [item(f"L{i}", f"S{i}", p) for i, p in enumerate(prices)]
    assert price_cart(lines, context(), [promo("P", FULL_REDUCE)]).total == Money(total)


def test_tiered_spend_reduce_is_spread_by_line_amount_and_adds_up():
    lines = [item("A", "A", 6000), item("B", "B", 4000)]
    priced = price_cart(lines, context(), [promo("P", FULL_REDUCE, name="满100减20")])
    assert amounts(priced) == [4800, 3200]
    assert priced.promotion_total == Money(-2000)
    assert priced.applied_promotions[0].basis == Money(10000)
    assert priced.applied_promotions[0].tier == "满100.00减20.00"


def test_repeating_spend_reduce_counts_every_full_hundred():
    rule = SpendReduceRule((ReduceTier(Money(10000), Money(1000)),), repeat=True)
    priced = price_cart([item("A", "A", 35000)], context(), [promo("P", rule)])
    assert priced.total == Money(32000)  # 每满100减10 on 350 -> 3 x 10


def test_repeating_spend_reduce_respects_its_cap():
    rule = SpendReduceRule((ReduceTier(Money(10000), Money(1000)),), repeat=True, cap=Money(2000))
    assert price_cart([item("A", "A", 35000)], context(), [promo("P", rule)]).total == Money(33000)


def test_spend_percent_takes_the_best_tier_on_the_eligible_amount_only():
    rule = SpendPercentRule((PercentTier(Money(10000), Decimal(90)),
                             PercentTier(Money(30000), Decimal(80))))
    lines = [item("A", "A", 12345, brand="MON"), item("B", "B", 5000, brand="other")]
    priced = price_cart(lines, context(), [promo("P", rule, scope=Scope(brands=frozenset({"MON"})))])
    assert amounts(priced) == [11110, 5000]  # 10% of 123.45 = 12.345 -> 12.35 off (half up)


# --- item offers ------------------------------------------------------------------
def test_three_for_80_percent_discounts_one_complete_group_of_the_dearest():
    lines = [item("A", "A", 3000), item("B", "B", 2000), item("C", "C", 1000), item("D", "D", 500)]
    priced = price_cart(lines, context(), [promo("P", MultiBuyRule(3, Decimal(80)))])
    assert amounts(priced) == [2400, 1600, 800, 500]
    assert priced.total == Money(5300)


def test_three_for_80_percent_on_one_line_of_four_pieces():
    priced = price_cart([item("A", "A", 1000, 4)], context(),
                        [promo("P", MultiBuyRule(3, Decimal(80)))])
    assert priced.total == Money(3400)
    assert priced.lines[0].adjustments[0].units == 3


def test_every_unit_mode_discounts_all_pieces_once_n_is_reached():
    rule = MultiBuyRule(3, Decimal(80), every_unit=True)
    assert price_cart([item("A", "A", 1000, 4)], context(), [promo("P", rule)]).total == Money(3200)
    assert price_cart([item("A", "A", 1000, 2)], context(), [promo("P", rule)]).total == Money(2000)


def test_second_item_half_price_on_three_items_pairs_the_dearest():
    lines = [item("A", "A", 1000), item("B", "B", 3000), item("C", "C", 2000)]
    priced = price_cart(lines, context(), [promo("P", SecondItemRule())])
    assert amounts(priced) == [1000, 3000, 1000]  # pair (30, 20): the 20 is half; 10 stays full
    assert priced.promotion_uses == {"P": 1}


def test_second_item_half_price_on_one_line_of_three():
    priced = price_cart([item("A", "A", 999, 3)], context(), [promo("P", SecondItemRule())])
    assert priced.total == Money(2997 - 500)  # 9.99 / 2 = 4.995 -> 5.00 off (half up)


def test_buy_two_get_one_free_makes_the_cheapest_free():
    lines = [item("A", "A", 3000), item("B", "B", 1000), item("C", "C", 2000)]
    priced = price_cart(lines, context(), [promo("P", BuyGetFreeRule(2, 1))])
    assert amounts(priced) == [3000, 0, 2000]


def test_buy_two_get_one_free_repeats_per_group():
    priced = price_cart([item("A", "A", 1000, 7)], context(), [promo("P", BuyGetFreeRule(2, 1))])
    assert priced.total == Money(5000)  # 7 pieces: two groups of three, 2 free
    assert priced.promotion_uses == {"P": 2}


def test_bundle_a_plus_b_for_ten_yuan_splits_the_saving_by_price():
    rule = BundleRule((BundleComponent(frozenset({"A"})), BundleComponent(frozenset({"B"}))),
                      Money(1000))
    priced = price_cart([item("A", "A", 600), item("B", "B", 700)], context(),
                        [promo("P", rule, scope=Scope())])
    assert amounts(priced) == [462, 538]  # 3.00 off split 6:7 by largest remainder


def test_bundle_repeats_per_complete_set_only():
    rule = BundleRule((BundleComponent(frozenset({"A"})), BundleComponent(frozenset({"B"}))),
                      Money(1000))
    priced = price_cart([item("A", "A", 600, 3), item("B", "B", 700, 2)], context(),
                        [promo("P", rule)])
    assert priced.total == Money(2000 + 600)
    assert priced.promotion_uses == {"P": 2}


def test_bundle_never_raises_a_price():
    rule = BundleRule((BundleComponent(frozenset({"A"})), BundleComponent(frozenset({"B"}))),
                      Money(2000))
    priced = price_cart([item("A", "A", 600), item("B", "B", 700)], context(), [promo("P", rule)])
    assert priced.total == Money(1300) and not priced.applied_promotions


def test_weighed_items_count_for_spend_offers_not_for_piece_offers():
    lines = [weighed("F", "F", 1280, 1235), item("A", "A", 1000, 3)]
    priced = price_cart(lines, context(), [promo("M", MultiBuyRule(3, Decimal(80))),
                                           promo("R", SpendReduceRule((ReduceTier(Money(4000),
                                                                                  Money(500)),)))])
    assert priced.lines[0].base_amount == Money(1581)  # 1.235 kg x 12.80 = 15.808
    # 3件8折 on the pieces only: 30 -> 24; 满40减5 then on 15.81 + 24.00 = 39.81: not reached
    assert priced.total == Money(1581 + 2400)


# --- stacking and exclusivity -----------------------------------------------------------
def test_item_offers_apply_before_order_offers():
    lines = [item("A", "A", 5000, 3)]
    priced = price_cart(lines, context(), [promo("M", MultiBuyRule(3, Decimal(80))),
                                           promo("R", FULL_REDUCE)])
    assert priced.total == Money(10000)  # 150 -> 120 (3件8折) -> 满100减20 -> 100
    assert [p.promotion_id for p in priced.applied_promotions] == ["M", "R"]


def test_exclusive_competitors_get_the_customer_best_combination():
    # 5 x 10.00: 3件8折 on 3 (-6) then 第二件半价 on the last 2 (-5) beats either alone (-10, -6).
    priced = price_cart([item("A", "A", 1000, 5)], context(),
                        [promo("H", SecondItemRule()), promo("M", MultiBuyRule(3, Decimal(80)))])
    assert priced.total == Money(3900)


def test_single_exclusive_offer_wins_when_it_beats_the_combination():
    priced = price_cart([item("A", "A", 1000, 4)], context(),
                        [promo("H", SecondItemRule()), promo("M", MultiBuyRule(3, Decimal(80)))])
    assert priced.total == Money(3000)
    assert priced.promotion_uses == {"H": 2}


def test_an_item_offer_never_costs_the_customer_a_spend_threshold():
    # 3件9折 takes 150 to 135 and loses 满150减30; 满150减30 alone pays 120: the engine takes it.
    reduce = SpendReduceRule((ReduceTier(Money(15000), Money(3000)),))
    priced = price_cart([item("A", "A", 5000, 3)], context(),
                        [promo("M", MultiBuyRule(3, Decimal(90))), promo("R", reduce)])
    assert priced.total == Money(12000)
    assert priced.promotion_uses == {"R": 1}


def test_stackable_offers_add_on_top_of_the_exclusive_choice():
    rule = SpendPercentRule((PercentTier(Money(0), Decimal(95)),))
    priced = price_cart([item("A", "A", 5000, 3)], context(),
                        [promo("M", MultiBuyRule(3, Decimal(80))),
                         promo("S", rule, exclusive=False)])
    assert priced.total == Money(11400)  # 150 -> 120 -> 95%


def test_priority_breaks_ties_between_equal_exclusive_offers():
    low = promo("LOW", MultiBuyRule(2, Decimal(75)), priority=1)
    high = promo("HIGH", SecondItemRule(), priority=9)
    priced = price_cart([item("A", "A", 1000, 2)], context(), [low, high])
    assert priced.total == Money(1500) and priced.promotion_uses == {"HIGH": 1}


def test_offers_on_different_lines_do_not_compete():
    priced = price_cart([item("A", "A", 1000, 2), item("B", "B", 1000, 3)], context(),
                        [promo("H", SecondItemRule(), scope=Scope(skus=frozenset({"A"}))),
                         promo("G", BuyGetFreeRule(2, 1), scope=Scope(skus=frozenset({"B"})))])
    assert priced.total == Money(1500 + 2000)


# --- who, where, when ------------------------------------------------------------------
def test_members_only_store_and_validity_window_gate_a_promotion():
    rule = SecondItemRule()
    lines = [item("A", "A", 1000, 2)]
    assert price_cart(lines, context(), [promo("P", rule, members_only=True)]).total == Money(2000)
    assert price_cart(lines, context(member_id="m1"),
                      [promo("P", rule, members_only=True)]).total == Money(1500)
    assert price_cart(lines, context(), [promo("P", rule, stores=frozenset({"S2"}))]).total == Money(2000)
    assert price_cart(lines, context(), [promo("P", rule, starts_at=NOW)]).total == Money(1500)
    assert price_cart(lines, context(), [promo("P", rule, ends_at=NOW)]).total == Money(2000)


def test_per_member_limit_caps_uses_and_needs_a_member():
    lines = [item("A", "A", 1000, 4)]
    limited = [promo("P", BuyGetFreeRule(1, 1), per_member_limit=1)]
    assert price_cart(lines, context(), limited).total == Money(4000)
    assert price_cart(lines, context(member_id="m1"), limited).total == Money(3000)
    used_up = context(member_id="m1", member_usage={"P": 1})
    assert price_cart(lines, used_up, limited).total == Money(4000)


def test_excluded_categories_stay_out_of_an_all_items_offer():
    scope = Scope(all_items=True, exclude_categories=frozenset({"烟酒"}))
    lines = [item("A", "A", 10000, category_ids=("食品",)),
             item("T", "T", 6000, category_ids=("烟酒", "白酒"))]
    priced = price_cart(lines, context(), [promo("P", FULL_REDUCE, scope=scope)])
    assert amounts(priced) == [8000, 6000]  # 160 in the cart, but only 100 counts: 满100减20


# --- base prices -----------------------------------------------------------------------
def _priced_line(line: PricingLine, **ctx):
    return price_cart([line], context(**ctx)).lines[0]


def test_lowest_of_regular_member_and_special_price_wins_and_says_why():
    special = SpecialPrice(Money(850), NOW, NOW.replace(hour=12), "限时特价 双11")
    line = item("A", "A", 1000, member_prices={"gold": Money(800)}, special_prices=(special,))
    gold = _priced_line(line, member_level="gold")
    assert (gold.base_price, gold.base_source) == (Money(800), PriceSource.MEMBER)
    assert [c.source for c in gold.price_candidates] == [
        PriceSource.MEMBER, PriceSource.SPECIAL, PriceSource.REGULAR]
    silver = _priced_line(line, member_level="silver")
    assert (silver.base_price, silver.base_source) == (Money(850), PriceSource.SPECIAL)
    expired = item("A", "A", 1000, special_prices=(SpecialPrice(Money(850), NOW.replace(hour=1), NOW),))
    assert _priced_line(expired).base_source is PriceSource.REGULAR


def test_equal_member_price_is_reported_as_regular():
    line = item("A", "A", 1000, member_prices={"gold": Money(1000)})
    assert _priced_line(line, member_level="gold").base_source is PriceSource.REGULAR


def test_open_price_item_needs_a_price_not_below_the_floor():
    open_line = dict(open_price=True, floor_price=Money(500))
    with pytest.raises(OpenPriceError):
        _priced_line(item("X", "X", 0, **open_line))
    with pytest.raises(FloorPriceError):
        _priced_line(item("X", "X", 0, typed_price=Money(499), **open_line))
    overridden = _priced_line(item("X", "X", 0, typed_price=Money(499), floor_override=True,
                                   **open_line))
    assert overridden.amount == Money(499) and overridden.base_source is PriceSource.OPEN


def test_changed_price_is_excluded_from_item_offers():
    lines = [item("A", "A", 1000, 2, typed_price=Money(900))]
    priced = price_cart(lines, context(), [promo("P", SecondItemRule())])
    assert priced.total == Money(1800) and priced.lines[0].base_source is PriceSource.CHANGED


# --- manual discounts ------------------------------------------------------------------
def test_line_discount_within_the_limit_applies_after_item_offers():
    line = item("A", "A", 1000, 2, manual_discount=ManualDiscount.percent(10))
    priced = price_cart([line], context(), [promo("P", SecondItemRule())])
    assert priced.total == Money(1350)  # 20 -> 15 -> 9折
    assert priced.manual_total == Money(-150)


def test_line_discount_beyond_the_percent_limit_is_refused():
    line = item("A", "A", 1000, manual_discount=ManualDiscount.percent(25))
    with pytest.raises(ManualDiscountLimitError) as refused:
        price_cart([line], context())
    assert refused.value.limit_kind == "percent" and refused.value.limit == Decimal(20)
    assert "20%" in str(refused.value)


def test_amount_discount_counts_against_the_percent_limit_too():
    line = item("A", "A", 1000, manual_discount=ManualDiscount.amount(Money(300)))
    with pytest.raises(ManualDiscountLimitError) as refused:
        price_cart([line], context())
    assert refused.value.requested == Decimal("30.00")


def test_manual_discounts_beyond_the_amount_limit_are_refused():
    lines = [item("A", "A", 20000, manual_discount=ManualDiscount.percent(10)),
             item("B", "B", 20000)]
    with pytest.raises(ManualDiscountLimitError) as refused:
        price_cart(lines, context(manual_limit_amount=Money(3000)),
                   order_discount=ManualDiscount.amount(Money(1500)))
    assert refused.value.limit_kind == "amount" and refused.value.requested == Money(3500)


def test_line_discount_never_goes_below_the_floor():
    line = item("A", "A", 1000, floor_price=Money(900), manual_discount=ManualDiscount.percent(15))
    with pytest.raises(FloorPriceError) as refused:
        price_cart([line], context())
    assert refused.value.floor == Money(900) and refused.value.requested == Money(850)
    overridden = item("A", "A", 1000, floor_price=Money(900), floor_override=True,
                      manual_discount=ManualDiscount.percent(15))
    assert price_cart([overridden], context()).total == Money(850)


def test_order_discount_spreads_within_floors_and_adds_up():
    lines = [item("A", "A", 1000, floor_price=Money(1000)), item("B", "B", 3000)]
    priced = price_cart(lines, context(), order_discount=ManualDiscount.percent(10))
    assert amounts(priced) == [1000, 2600]  # A is at its floor, so B carries the whole 4.00
    with pytest.raises(FloorPriceError):
        price_cart(lines, context(manual_limit_percent=Decimal(100), manual_limit_amount=None),
                   order_discount=ManualDiscount.amount(Money(3500)))


# --- 抹零 and tax ----------------------------------------------------------------------
def test_rounding_down_to_the_yuan_is_kept_apart_and_spread():
    lines = [item("A", "A", 1000), item("B", "B", 236)]
    priced = price_cart(lines, context(rounding=RoundingMode.DOWN_YUAN))
    assert priced.total == Money(1200) and priced.rounding == Money(-36)
    assert sum(amounts(priced)) == 1200
    assert amounts(priced) == [971, 229]  # 36 fen split 1000:236


@pytest.mark.parametrize("price,total,rounding", [(1235, 1240, 5), (1234, 1230, -4)])
def test_rounding_half_up_to_the_jiao(price, total, rounding):
    priced = price_cart([item("A", "A", price)], context(rounding=RoundingMode.HALF_UP_JIAO))
    assert (priced.total, priced.rounding) == (Money(total), Money(rounding))


def test_rounding_down_is_skipped_when_every_line_is_at_its_floor():
    priced = price_cart([item("A", "A", 1236, floor_price=Money(1236))],
                        context(rounding=RoundingMode.DOWN_YUAN))
    assert priced.total == Money(1236) and priced.rounding_blocked_by_floor


def test_tax_per_line_and_per_rate_from_final_amounts():
    lines = [item("A", "A", 11300), item("B", "B", 10900, tax_rate_bp=900), item("C", "C", 500,
                                                                               tax_rate_bp=0)]
    priced = price_cart(lines, context())
    assert [line.tax for line in priced.lines] == [Money(1300), Money(900), Money(0)]
    assert priced.tax_by_rate == {0: Money(0), 900: Money(900), 1300: Money(1300)}
    assert priced.tax_total == Money(2200)


# --- explain ---------------------------------------------------------------------------
def test_explain_says_why_in_chinese_and_structured_form():
    line = item("A", "A", 1000, 2, member_prices={"gold": Money(900)})
    priced = price_cart([line], context(member_level="gold", rounding=RoundingMode.DOWN_YUAN),
                        [promo("P", SecondItemRule(), name="第二件半价")])
    why = priced.explain("A")
    assert why.amount == priced.lines[0].amount == Money(1300)
    assert "会员价(gold) ¥9.00 × 2件 = ¥18.00" in why.text_zh
    assert "促销【第二件半价】" in why.text_zh and "抹零分摊" in why.text_zh
    assert [s["code"] for s in why.as_dict()["steps"]] == [
        "base_price", "item_promotion", "rounding", "total"]
    assert "member price" in why.text_en


def test_book_is_reusable_across_carts():
    book = PromotionBook([promo("P", SecondItemRule())])
    for count, total in [(2, 1500), (3, 2500)]:
        assert price_cart([item("A", "A", 1000, count)], context(), book).total == Money(total)


def test_pricing_line_refuses_nonsense():
    with pytest.raises(ValueError):
        PricingLine("A", "A", Money(100), Quantity(0))
