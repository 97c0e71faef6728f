"""A small, known store for service tests (the demo store is tested on its own)."""
from __future__ import annotations

from sqlalchemy import insert

from app.db.models import Store, TaxRate, Terminal, User
from app.domain.barcode import complete_ean13
from app.domain.ids import new_id
from app.services.auth import hash_pin
from app.services.catalog_load import CatalogLoader, ProductRecord

COLA = complete_ean13("690100000001")
WATER = complete_ean13("690100000002")
CHIPS = complete_ean13("690100000003")
TSHIRT_L = complete_ean13("690200000004")

PRODUCTS = [
    ProductRecord("D0001", "可口可乐 330ml罐装", "饮料/碳酸饮料", 1300, 350, (COLA,), "可口可乐",
                  "330ml", "罐", stock_milli=100_000),
    ProductRecord("D0002", "农夫山泉 饮用天然水 550ml", "饮料/饮用水", 1300, 200, (WATER,),
                  "农夫山泉", "550ml", "瓶", stock_milli=50_000),
    ProductRecord("S0001", "乐事 原味薯片 70g", "休闲零食/膨化食品", 1300, 790, (CHIPS,), "乐事",
                  "70g", "袋", stock_milli=30_000),
    ProductRecord("F0001", "红富士苹果", "生鲜/水果", 900, 1280, (), "", "", "kg", True, "1001",
                  stock_milli=35_000),
    ProductRecord("A0001", "男式纯棉圆领T恤 白色 L", "服装/T恤", 1300, 5900, (TSHIRT_L,), "MON",
                  "L", "件", stock_milli=10_000),
]


def make_store(engine, now, store_code="S001", terminal_code="T01") -> dict[str, str]:
    ids = {"store": new_id(), "terminal": new_id(), "cashier": new_id(), "manager": new_id()}
    with engine.begin() as conn:
        conn.execute(insert(Store).values(id=ids["store"], code=store_code, name="MON 测试店",
                                          address="北京市朝阳区", phone="010-0000",
                                          timezone="Asia/Shanghai", created_at=now))
        conn.execute(insert(Terminal).values(id=ids["terminal"], store_id=ids["store"],
                                             code=terminal_code, name="1号机"))
        conn.execute(insert(TaxRate), [dict(id=new_id(), code="VAT13", name="13%", rate_bp=1300),
                                       dict(id=new_id(), code="VAT9", name="9%", rate_bp=900)])
        conn.execute(insert(User), [
            dict(id=ids["cashier"], store_id=ids["store"], code="1001", name="张丽", role="cashier",
                 pin_hash=hash_pin("1111"), active=True, created_at=now),
            dict(id=ids["manager"], store_id=ids["store"], code="9001", name="李敏", role="manager",
                 pin_hash=hash_pin("9999"), active=True, created_at=now),
        ])
        CatalogLoader(conn, ids["store"], now).load(PRODUCTS)
    return ids
