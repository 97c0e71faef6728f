"""`python -m bench.catalog --skus N`: a till database with the demo store plus N
synthetic SKUs (realistic Chinese names, valid EAN-13s, prices, stock, search
index), cached in .bench-cache/ so the other benchmarks reuse it."""
from __future__ import annotations

import argparse
import fcntl
import random
import sys
import time
from pathlib import Path
from typing import Iterator

from app.db import migrate
from app.db.engine import make_engine
from app.domain.barcode import complete_ean13
from app.domain.clock import SystemClock
from app.services.catalog_load import CatalogLoader, ProductRecord
from app.services.context import load_context
from app.db.engine import make_session_factory
from app.services.demo import load_demo
from bench.common import CACHE

BRANDS = ["康师傅", "统一", "农夫山泉", "伊利", "蒙牛", "光明", "旺旺", "三只松鼠", "良品铺子", "百草味",
          "金龙鱼", "福临门", "海天", "李锦记", "老干妈", "蓝月亮", "立白", "维达", "清风", "心相印",
          "舒肤佳", "海飞丝", "云南白药", "高露洁", "恰恰", "洽洽", "徐福记", "雀巢", "娃哈哈", "达利园",
          "好丽友", "盼盼", "思念", "三全", "湾仔码头", "安井", "双汇", "金锣", "雨润", "五粮液"]
KINDS = [("红烧牛肉面", "包"), ("冰红茶", "瓶"), ("饮用天然水", "瓶"), ("纯牛奶", "盒"), ("酸奶", "杯"),
         ("雪饼", "袋"), ("坚果礼盒", "盒"), ("牛肉干", "袋"), ("调和油", "桶"), ("生抽酱油", "瓶"),
         ("辣椒酱", "瓶"), ("洗衣液", "瓶"), ("抽纸", "提"), ("卷纸", "提"), ("沐浴露", "瓶"),
         ("洗发水", "瓶"), ("牙膏", "支"), ("瓜子", "袋"), ("速冻水饺", "袋"), ("火腿肠", "袋"),
         ("巧克力", "盒"), ("饼干", "盒"), ("面包", "袋"), ("果汁", "瓶"), ("咖啡", "盒")]
SPECS = ["100g", "150g", "250g", "500g", "1kg", "250ml", "330ml", "500ml", "1L", "1.8L", "5L",
         "3包", "6包", "12包", "24盒", "家庭装", "旅行装", "经典装", "促销装", "礼盒装"]
FLAVOURS = ["原味", "香辣", "五香", "麻辣", "草莓味", "香草味", "巧克力味", "柠檬味", "海盐", "黑椒",
            "番茄味", "无糖", "低脂", "加钙", "", "", "", ""]


def db_path(skus: int) -> Path:
    return CACHE / f"catalog-{skus}.sqlite3"


def synthetic_products(count: int, seed: int = 20261125) -> Iterator[ProductRecord]:
    rng = random.Random(seed)
    for n in range(count):
        brand = BRANDS[n % len(BRANDS)]
        kind, unit = KINDS[(n // len(BRANDS)) % len(KINDS)]
        flavour = FLAVOURS[rng.randrange(len(FLAVOURS))]
        spec = SPECS[rng.randrange(len(SPECS))]
        name = f"{brand} {flavour}{kind} {spec} #{n:07d}".replace("  ", " ")
        price = rng.randrange(150, 20000)
        body = f"69{n // 10_000_000 % 8 + 2}{n % 10_000_000:09d}"[:12].rjust(12, "0")
        yield ProductRecord(
            sku_code=f"B{n:08d}", name=name, category_path=f"商品/{kind}", tax_rate_bp=1300,
            price_fen=price, barcodes=(complete_ean13(body),), brand=brand, spec=spec, unit=unit,
            member_price_fen=price * 95 // 100 if n % 3 == 0 else None,
            cost_fen=price * 7 // 10, stock_milli=rng.randrange(0, 200) * 1000,
        )


def build(skus: int, force: bool = False) -> Path:
    """Build (or reuse) the cached database at the current schema; concurrent callers wait
    for one build."""
    path = db_path(skus)
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if force or not path.exists():
            _build(path, skus)
        engine = make_engine(f"sqlite:///{path}")
        migrate.upgrade(engine, None)  # a cache built by an older checkout: bring it forward
        engine.dispose()
        return path


def _build(path: Path, skus: int) -> Path:
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{tmp}")
    migrate.upgrade(engine, tmp)
    clock = SystemClock()
    load_demo(engine, clock)
    store_id = load_context(make_session_factory(engine), "S001", "T01").store_id
    started = time.perf_counter()
    with engine.begin() as conn:
        loaded = CatalogLoader(conn, store_id, clock.now()).load(synthetic_products(skus))
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO product_fts(product_fts) VALUES ('optimize')")
        conn.exec_driver_sql("ANALYZE")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    tmp.rename(path)
    print(f"# built {path} with {loaded} SKUs in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skus", type=int, default=1_000_000)
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    path = build(args.skus, args.force)
    print(f"catalog_db={path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
