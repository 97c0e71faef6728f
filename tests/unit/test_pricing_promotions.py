"""Promotions as data: loading from dicts/JSON, refusing bad data, scope and the index."""
import json
from decimal import Decimal

import pytest

from app.domain.money import Money
from app.domain.pricing import (
    BundleRule, MultiBuyRule, PromotionBook, PromotionDataError, PromotionKind, Scope,
    SpendReduceRule, load_promotions, promotion_from_dict, promotion_to_dict,
)
from app.domain.pricing.arith import allocate_capped, round_fen
from app.domain.pricing.finish import rounding_delta
from app.domain.pricing.inputs import RoundingMode

from tests.unit.test_pricing_support import context, item, promo

TIERED = {
    "id": "P1", "name": "满100减20 满200减50", "kind": "spend_reduce",
    "starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-12-01T00:00:00+08:00",
    "stores": [], "members_only": False, "priority": 10, "exclusive": True,
    "per_member_limit": None,
    "scope": {"all": True, "exclude": {"categories": ["烟酒"]}},
    "rule": {"tiers": [{"threshold_fen": 10000, "off_fen": 2000},
                       {"threshold_fen": 20000, "off_fen": 5000}], "repeat": False},
}
BUNDLE = {"id": "B1", "name": "A+B=¥10", "kind": "bundle_price",
          "starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-12-01T00:00:00+08:00",
          "rule": {"components": [{"skus": ["A"]}, {"skus": ["B"], "quantity": 1}],
                   "price_fen": 1000}}


def test_tiered_spend_reduce_loads_from_a_dict():
    promotion = promotion_from_dict(TIERED)
    assert promotion.kind is PromotionKind.SPEND_REDUCE and promotion.kind.label_zh == "满减"
    assert isinstance(promotion.rule, SpendReduceRule)
    assert promotion.rule.tiers[1].off == Money(5000)
    assert promotion.scope.all_items and promotion.scope.exclude_categories == {"烟酒"}
    assert promotion.is_order_level


def test_bundle_scope_defaults_to_its_components_and_round_trips():
    promotion = promotion_from_dict(BUNDLE)
    assert isinstance(promotion.rule, BundleRule)
    assert promotion.scope.skus == {"A", "B"}
    assert promotion_from_dict(promotion_to_dict(promotion)) == promotion


def test_load_promotions_reads_a_json_list():
    promotions = load_promotions(json.dumps([TIERED, BUNDLE], ensure_ascii=False))
    assert [p.id for p in promotions] == ["P1", "B1"]


@pytest.mark.parametrize("change", [
    {"kind": "nonsense"},
    {"starts_at": "2026-11-01T00:00:00"},                          # no offset
    {"ends_at": "2026-10-01T00:00:00+08:00"},                      # ends before it starts
    {"rule": {"tiers": [{"threshold_fen": 100.5, "off_fen": 20}]}},  # float money
    {"rule": {"tiers": []}},
    {"scope": {}},
    {"per_member_limit": 0},
])
def test_malformed_promotions_are_refused_with_their_id(change):
    with pytest.raises(PromotionDataError, match="P1"):
        promotion_from_dict({**TIERED, **change})


def test_percent_as_float_is_refused():
    data = {**TIERED, "kind": "multi_buy_percent", "rule": {"count": 3, "pay_percent": 80.0}}
    with pytest.raises(PromotionDataError):
        promotion_from_dict(data)
    data["rule"]["pay_percent"] = "80"
    assert promotion_from_dict(data).rule == MultiBuyRule(3, Decimal(80))


def test_not_json_is_refused():
    with pytest.raises(PromotionDataError):
        load_promotions("{not json")


def test_scope_matches_ancestor_categories_brands_and_exclusions():
    scope = Scope(categories=frozenset({"饮料"}), brands=frozenset({"MON"}),
                  exclude_skus=frozenset({"X"}))
    assert scope.matches(item("1", "C", 100, category_ids=("碳酸饮料", "饮料")))
    assert scope.matches(item("2", "T", 100, brand="MON"))
    assert not scope.matches(item("3", "X", 100, brand="MON"))
    assert not scope.matches(item("4", "Z", 100, category_ids=("零食",)))


def test_book_index_agrees_with_scope_matching():
    offers = [promo("ALL", MultiBuyRule(2, Decimal(90)),
                    scope=Scope(all_items=True, exclude_brands=frozenset({"乐事"}))),
              promo("CAT", MultiBuyRule(2, Decimal(90)), scope=Scope(categories=frozenset({"饮料"}))),
              promo("SKU", MultiBuyRule(2, Decimal(90)), scope=Scope(skus=frozenset({"B"})))]
    lines = [item("0", "A", 100, category_ids=("可乐", "饮料")), item("1", "B", 100, brand="乐事"),
             item("2", "C", 100), item("3", "D", 100, typed_price=Money(50))]
    book = PromotionBook(offers)
    usable = book.usable(context())
    eligible = book.eligible_lines(lines, usable)
    by_id = {usable[pos].promotion.id: indexes for pos, indexes in eligible.items()}
    assert by_id == {"ALL": [0, 2], "CAT": [0], "SKU": [1]}  # typed-price line 3: no item offers


def test_duplicate_promotion_ids_are_refused():
    with pytest.raises(ValueError):
        PromotionBook([promo("P", MultiBuyRule(2, Decimal(90)))] * 2)


def test_round_fen_rounds_half_up_once():
    assert [round_fen(n, 2) for n in (1, 3, 5)] == [1, 2, 3]
    assert round_fen(1, 3) == 0 and round_fen(2, 3) == 1


def test_allocate_capped_moves_the_excess_to_lines_with_room():
    assert allocate_capped(100, [1, 1], [10, 1000]) == [10, 90]
    assert allocate_capped(0, [5, 5], [0, 0]) == [0, 0]
    with pytest.raises(ValueError):
        allocate_capped(11, [1, 1], [5, 5])


@pytest.mark.parametrize("total,mode,delta", [
    (1236, RoundingMode.DOWN_YUAN, -36), (1236, RoundingMode.DOWN_JIAO, -6),
    (1250, RoundingMode.HALF_UP_YUAN, 50), (1249, RoundingMode.HALF_UP_YUAN, -49),
    (1235, RoundingMode.HALF_UP_JIAO, 5), (1236, RoundingMode.NONE, 0),
])
def test_rounding_delta(total, mode, delta):
    assert rounding_delta(total, mode) == delta
