"""Promotions to and from plain dicts / JSON, as the back office and sync send them.

Example::

    {"id": "P1", "name": "满100减20 满200减50", "kind": "spend_reduce",
     "starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-12-01T00:00:00+08:00",
     "stores": [], "members_only": false, "priority": 10, "exclusive": true,
     "per_member_limit": null,
     "scope": {"all": true, "exclude": {"categories": ["烟酒"]}},
     "rule": {"tiers": [{"threshold_fen": 10000, "off_fen": 2000},
                        {"threshold_fen": 20000, "off_fen": 5000}], "repeat": false}}
"""
from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable, Iterable, Mapping

from app.domain.money import Money
from app.domain.pricing.errors import PricingError, PromotionDataError
from app.domain.pricing.inputs import as_percent
from app.domain.pricing.promotions import (
    BundleComponent, BundleRule, BuyGetFreeRule, MultiBuyRule, PercentTier, Promotion,
    PromotionKind, ReduceTier, Rule, Scope, SecondItemRule, SpendPercentRule, SpendReduceRule,
)


def _fen(data: Mapping[str, Any], key: str) -> Money:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PromotionDataError(f"{key} must be an integer count of fen, got {value!r}")
    return Money(value)


def _percent(data: Mapping[str, Any], key: str) -> Decimal:
    try:
        return as_percent(data[key], key)
    except (KeyError, PricingError) as exc:
        raise PromotionDataError(f"{key}: {exc}") from exc


def _int(data: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PromotionDataError(f"{key} must be an integer, got {value!r}")
    return value


def _moment(text: Any, key: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError as exc:
        raise PromotionDataError(f"{key} is not an ISO 8601 datetime: {text!r}") from exc
    if moment.tzinfo is None:
        raise PromotionDataError(f"{key} needs a UTC offset: {text!r}")
    return moment


def _strings(values: Any) -> frozenset[str]:
    if values is None:
        return frozenset()
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise PromotionDataError(f"expected a list of strings, got {values!r}")
    return frozenset(str(v) for v in values)


def _scope(data: Mapping[str, Any] | None) -> Scope:
    data = data or {}
    exclude = data.get("exclude") or {}
    return Scope(all_items=bool(data.get("all", False)), skus=_strings(data.get("skus")),
                 categories=_strings(data.get("categories")), brands=_strings(data.get("brands")),
                 exclude_skus=_strings(exclude.get("skus")),
                 exclude_categories=_strings(exclude.get("categories")),
                 exclude_brands=_strings(exclude.get("brands")))


def _spend_reduce(rule: Mapping[str, Any]) -> SpendReduceRule:
    tiers = tuple(ReduceTier(_fen(t, "threshold_fen"), _fen(t, "off_fen"))
                  for t in rule.get("tiers", ()))
    cap = _fen(rule, "cap_fen") if rule.get("cap_fen") is not None else None
    return SpendReduceRule(tiers, bool(rule.get("repeat", False)), cap)


def _spend_percent(rule: Mapping[str, Any]) -> SpendPercentRule:
    return SpendPercentRule(tuple(PercentTier(_fen(t, "threshold_fen"), _percent(t, "pay_percent"))
                                  for t in rule.get("tiers", ())))


def _multi_buy(rule: Mapping[str, Any]) -> MultiBuyRule:
    return MultiBuyRule(_int(rule, "count"), _percent(rule, "pay_percent"),
                        bool(rule.get("every_unit", False)))


def _second_item(rule: Mapping[str, Any]) -> SecondItemRule:
    return SecondItemRule(_percent({"pay_percent": rule.get("pay_percent", 50)}, "pay_percent"))


def _buy_get_free(rule: Mapping[str, Any]) -> BuyGetFreeRule:
    return BuyGetFreeRule(_int(rule, "buy"), _int(rule, "free"))


def _bundle(rule: Mapping[str, Any]) -> BundleRule:
    components = tuple(BundleComponent(_strings(c.get("skus")), _int(c, "quantity", 1))
                       for c in rule.get("components", ()))
    return BundleRule(components, _fen(rule, "price_fen"))


_RULE_READERS: dict[PromotionKind, Callable[[Mapping[str, Any]], Rule]] = {
    PromotionKind.SPEND_REDUCE: _spend_reduce, PromotionKind.SPEND_PERCENT: _spend_percent,
    PromotionKind.MULTI_BUY_PERCENT: _multi_buy, PromotionKind.SECOND_ITEM_PERCENT: _second_item,
    PromotionKind.BUY_GET_FREE: _buy_get_free, PromotionKind.BUNDLE_PRICE: _bundle,
}


def promotion_from_dict(data: Mapping[str, Any]) -> Promotion:
    """Read one promotion; anything malformed raises PromotionDataError naming it."""
    try:
        kind = PromotionKind(data["kind"])
        rule = _RULE_READERS[kind](data.get("rule") or {})
        limit = data.get("per_member_limit")
        return Promotion(
            id=str(data["id"]), name=str(data.get("name", data["id"])), rule=rule,
            starts_at=_moment(data.get("starts_at"), "starts_at"),
            ends_at=_moment(data.get("ends_at"), "ends_at"), scope=_scope(data.get("scope")),
            stores=_strings(data.get("stores")), members_only=bool(data.get("members_only", False)),
            priority=_int(data, "priority", 0), exclusive=bool(data.get("exclusive", True)),
            per_member_limit=None if limit is None else _int(data, "per_member_limit"))
    except PromotionDataError as exc:
        raise PromotionDataError(f"promotion {data.get('id', '?')}: {exc}") from exc
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise PromotionDataError(f"promotion {data.get('id', '?')}: bad data ({exc!r})") from exc


def load_promotions(text: str) -> list[Promotion]:
    """A JSON list of promotion dicts."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PromotionDataError(f"promotions are not valid JSON: {exc}") from exc
    if not isinstance(items, list):
        raise PromotionDataError("promotions JSON must be a list")
    return [promotion_from_dict(item) for item in items]


def _scope_dict(scope: Scope) -> dict[str, Any]:
    return {"all": scope.all_items, "skus": sorted(scope.skus),
            "categories": sorted(scope.categories), "brands": sorted(scope.brands),
            "exclude": {"skus": sorted(scope.exclude_skus),
                        "categories": sorted(scope.exclude_categories),
                        "brands": sorted(scope.exclude_brands)}}


def _rule_dict(rule: Rule) -> dict[str, Any]:
    if isinstance(rule, SpendReduceRule):
        return {"tiers": [{"threshold_fen": t.threshold.fen, "off_fen": t.off.fen}
                          for t in rule.tiers],
                "repeat": rule.repeat, "cap_fen": rule.cap.fen if rule.cap else None}
    if isinstance(rule, SpendPercentRule):
        return {"tiers": [{"threshold_fen": t.threshold.fen, "pay_percent": str(t.pay_percent)}
                          for t in rule.tiers]}
    if isinstance(rule, MultiBuyRule):
        return {"count": rule.count, "pay_percent": str(rule.pay_percent),
                "every_unit": rule.every_unit}
    if isinstance(rule, SecondItemRule):
        return {"pay_percent": str(rule.pay_percent)}
    if isinstance(rule, BuyGetFreeRule):
        return {"buy": rule.buy, "free": rule.free}
    return {"components": [{"skus": sorted(c.skus), "quantity": c.quantity}
                           for c in rule.components], "price_fen": rule.price.fen}


def promotion_to_dict(promotion: Promotion) -> dict[str, Any]:
    """The dict ``promotion_from_dict`` reads back to an equal promotion."""
    return {"id": promotion.id, "name": promotion.name, "kind": promotion.kind.value,
            "starts_at": promotion.starts_at.isoformat(), "ends_at": promotion.ends_at.isoformat(),
            "stores": sorted(promotion.stores), "members_only": promotion.members_only,
            "priority": promotion.priority, "exclusive": promotion.exclusive,
            "per_member_limit": promotion.per_member_limit,
            "scope": _scope_dict(promotion.scope), "rule": _rule_dict(promotion.rule)}
