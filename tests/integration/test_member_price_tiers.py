"""Member price tiers: a level names its price tier (金卡: "gold") and a product may carry
a price for that tier. A gold member pays the gold price, a silver member (tier "member")
the plain member price, a non-member the regular price; a tier without a price of its own
for a product falls back to the plain member price. The scanned price survives a held sale."""
from __future__ import annotations

from datetime import timezone

import pytest
from sqlalchemy import insert, select

from app.db.models import Price, Product
from app.db.models_members import ProductTierPrice
from app.domain.ids import new_id
from app.domain.money import Money
from app.services.catalog import CatalogService
from tests.factories import COLA, TSHIRT_L
from tests.integration.test_checkout_members import (  # noqa: F401
    GOLD_CHEN_JING, SILVER_CHEN_WEI, Shop, _line_id, program,
)


@pytest.fixture
def shop(program, engine, sessions, clock):  # noqa: F811
    """The cola: regular ¥3.50, member ¥3.20, gold ¥2.90. The T-shirt: no prices but retail."""
    with engine.begin() as conn:
        cola = conn.execute(select(Product.id).where(Product.sku_code == "D0001")).scalar_one()
        conn.execute(insert(Price).values(id=new_id(), product_id=cola, store_id=None,
                                          price_type="member", amount_fen=320))
        conn.execute(insert(ProductTierPrice).values(product_id=cola, tier="gold", price_fen=290,
                                                     updated_at=clock.now().astimezone(timezone.utc)))
    return Shop(program, engine, sessions, clock)


def _cola(shop):
    return shop.checkout.draft.priced.line(_line_id(shop.checkout, "D0001"))


def test_the_catalog_snapshot_carries_the_tier_prices(shop, engine, clock):
    product = CatalogService(engine, shop.ctx.store_id, clock).product_for_code(COLA)
    assert product.tier_prices == (("gold", Money(290)),)
    assert product.member_price == Money(320)


def test_a_non_member_pays_the_regular_price(shop):
    shop.checkout.add_code(COLA)
    assert _cola(shop).amount == Money(350)


def test_a_gold_member_gets_the_gold_tier_price_and_the_explanation_names_it(shop):
    shop.checkout.add_code(COLA)
    joined = shop.attach(GOLD_CHEN_JING)
    assert joined.level.price_tier == "gold"
    assert _cola(shop).amount == Money(290)
    why = shop.checkout.explain(_line_id(shop.checkout, "D0001"))
    assert "会员价(gold) ¥2.90" in why
    shop.checkout.members.detach()
    assert _cola(shop).amount == Money(350)


def test_a_silver_member_gets_the_plain_member_price(shop):
    shop.checkout.add_code(COLA)
    shop.attach(SILVER_CHEN_WEI)
    assert _cola(shop).amount == Money(320)
    assert "会员价(member) ¥3.20" in shop.checkout.explain(_line_id(shop.checkout, "D0001"))


def test_a_gold_member_falls_back_to_the_member_price_where_gold_has_none(shop, engine):
    with engine.begin() as conn:
        conn.execute(ProductTierPrice.__table__.delete())
    shop.start()
    shop.checkout.add_code(COLA)
    shop.checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)
    assert _cola(shop).amount == Money(320)  # member price; no level discount on top
    shirt = shop.checkout.draft.priced.line(_line_id(shop.checkout, "A0001"))
    assert shirt.amount == Money(5605)  # no member price at all: regular ¥59.00 at 95折


def test_a_held_sale_keeps_the_gold_price_on_recall(shop):
    shop.checkout.add_code(COLA)
    shop.attach(GOLD_CHEN_JING)
    held_id = shop.held.hold("gold").id
    shop.start()
    shop.held.recall(held_id)
    assert _cola(shop).amount == Money(290)
