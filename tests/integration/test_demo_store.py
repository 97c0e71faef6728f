"""The demo store that `make run` loads: realistic, valid, deterministic."""
import csv

from sqlalchemy import func, select

from app.db.models import Barcode, Product, StockMovement, User
from app.domain.barcode import has_valid_check_digit
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.context import load_context
from app.services.demo import demo_dir, load_demo


def test_demo_store_loads_with_valid_chinese_barcodes(engine, sessions, clock):
    count = load_demo(engine, clock)
    assert count >= 300
    with sessions() as s:
        codes = s.scalars(select(Barcode.code)).all()
        assert codes and all(has_valid_check_digit(c) and 690 <= int(c[:3]) <= 699 for c in codes)
        weighed = s.scalar(select(func.count()).select_from(Product).where(Product.is_weighed))
        assert weighed >= 10
        assert s.scalar(select(func.count()).select_from(StockMovement)) >= 300
        assert {u.role for u in s.scalars(select(User))} == {"cashier", "manager"}
    ctx = load_context(sessions, "S001", "T01")
    auth = AuthService(sessions, ctx.store_id)
    assert auth.login("1001", "1111").name and auth.login("9001", "9999").role == "manager"
    catalog = CatalogService(engine, ctx.store_id, clock)
    assert any("可口可乐" in h.product.name for h in catalog.search("kkkl"))
    assert any("T恤" in h.product.name for h in catalog.search("T恤"))


def test_demo_catalog_file_is_deterministic_and_unique():
    rows = list(csv.DictReader((demo_dir() / "products.csv").open(encoding="utf-8")))
    assert len({r["sku_code"] for r in rows}) == len(rows)
    barcodes = [r["barcode"] for r in rows if r["barcode"]]
    assert len(set(barcodes)) == len(barcodes)
    assert {r["tax_rate_bp"] for r in rows} == {"900", "1300"}
    import subprocess, sys, hashlib, shutil, tempfile, pathlib
    with tempfile.TemporaryDirectory() as tmp:
        script = pathlib.Path(tmp) / "make_products.py"
        shutil.copy(demo_dir() / "make_products.py", script)
        subprocess.run([sys.executable, str(script)], check=True, cwd=tmp, timeout=60)
        regenerated = pathlib.Path(tmp) / "products.csv"
        assert hashlib.sha256(regenerated.read_bytes()).digest() == \
            hashlib.sha256((demo_dir() / "products.csv").read_bytes()).digest()
