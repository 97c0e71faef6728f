import pytest

from app.services.catalog import CatalogService
from app.services.context import load_context
from tests.factories import COLA, make_store


@pytest.fixture
def catalog(engine, sessions, clock):
    make_store(engine, clock.now())
    return CatalogService(engine, load_context(sessions, "S001", "T01").store_id, clock)


def names(hits):
    return [h.product.name for h in hits]


def test_pinyin_initials_find_the_chinese_name(catalog):
    assert names(catalog.search("kkkl")) == ["可口可乐 330ml罐装"]
    assert "农夫山泉 饮用天然水 550ml" in names(catalog.search("nfsq"))


def test_name_substring_and_several_words(catalog):
    assert names(catalog.search("可乐")) == ["可口可乐 330ml罐装"]
    assert names(catalog.search("T恤 白色")) == ["男式纯棉圆领T恤 白色 L"]
    assert names(catalog.search("苹果")) == ["红富士苹果"]


def test_barcode_and_code_prefixes(catalog):
    assert set(names(catalog.search(COLA[:9]))) == {
        "可口可乐 330ml罐装", "农夫山泉 饮用天然水 550ml", "乐事 原味薯片 70g"}
    assert names(catalog.search(COLA[:12])) == ["可口可乐 330ml罐装"]
    assert names(catalog.search(COLA)) == ["可口可乐 330ml罐装"]
    assert set(names(catalog.search("d000"))) == {"可口可乐 330ml罐装", "农夫山泉 饮用天然水 550ml"}
    assert names(catalog.search("1001")) == ["红富士苹果"]  # scale PLU


@pytest.mark.parametrize("query", ['"', "*", "OR AND NOT", "'); DROP TABLE product; --", "((", "^"])
def test_hostile_queries_return_results_or_nothing_never_errors(catalog, query):
    catalog.search(query)
    assert len(names(catalog.search("kkkl"))) == 1


def test_search_results_carry_prices(catalog):
    hit = catalog.search("kkkl")[0]
    assert hit.price_known and hit.product.unit_price.fen == 350


def test_a_dated_store_price_applies_only_while_it_runs(engine, sessions, clock):
    """The scan path compares price periods with the clock (UTC, as stored)."""
    from datetime import timedelta

    from sqlalchemy import insert, select

    from app.db.models import Price, Product
    from app.domain.ids import new_id
    ids = make_store(engine, clock.now())
    catalog = CatalogService(engine, ids["store"], clock)
    with engine.begin() as conn:
        cola = conn.execute(select(Product.id).where(Product.sku_code == "D0001")).scalar_one()
        conn.execute(insert(Price).values(
            id=new_id(), product_id=cola, store_id=ids["store"], price_type="retail", amount_fen=299,
            starts_at=clock.now() - timedelta(hours=1), ends_at=clock.now() + timedelta(hours=2)))
    assert catalog.product_for_code(COLA).unit_price.fen == 299
    clock.advance(hours=2, seconds=1)
    assert catalog.product_for_code(COLA).unit_price.fen == 350
