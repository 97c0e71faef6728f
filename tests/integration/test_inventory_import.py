"""Importing products from the files store managers really have: broken ones are
refused with every problem by row and column and nothing written; good ones (also
Excel's GBK CSV) go in whole, with progress."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.db.models import OutboxEvent, Price, Product
from app.domain.barcode import complete_ean13
from app.services.catalog import CatalogService
from app.services.inventory.import_export import ImportRefused, ProductImporter
from app.services.inventory.tabular import TableFileError
from tests.factories import COLA, make_store

HEADER = "sku_code,name,retail_price,category,barcodes,member_price,cost_price,floor_price,tax_rate\n"
GOOD_1 = complete_ean13("693000000001")
GOOD_2 = complete_ean13("693000000002")


@pytest.fixture
def importer(engine, clock):
    ids = make_store(engine, clock.now())
    return ProductImporter(engine, ids["store"], clock)


def product_count(engine):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Product)).scalar_one()


def write(tmp_path: Path, name: str, content: str, encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def test_a_good_csv_imports_new_and_updates_existing_products(importer, engine, tmp_path, clock):
    path = write(tmp_path, "goods.csv", HEADER
                 + f"N0001,康师傅 红烧牛肉面 五连包,12.50,方便食品/方便面,{GOOD_1},11.90,9.00,10.00,13\n"
                 + f"D0001,可口可乐 330ml罐装,3.80,饮料/碳酸饮料,{COLA};{GOOD_2},,2.10,,13%\n")
    seen = []
    result = importer.run(path, progress=lambda done, total: seen.append((done, total)))
    assert (len(result.rows), result.new_count) == (2, 1)
    assert seen[-1] == (2, 2)
    catalog = CatalogService(engine, importer._store_id, clock)
    assert catalog.product_for_code(GOOD_1).name == "康师傅 红烧牛肉面 五连包"
    assert catalog.product_for_code(GOOD_2).unit_price.fen == 380  # new barcode on an old product
    assert [h.product.sku_code for h in catalog.search("hsnrm")] == ["N0001"]
    with engine.connect() as conn:
        floor = conn.execute(select(Price.amount_fen).join(Product, Product.id == Price.product_id)
                             .where(Product.sku_code == "N0001", Price.price_type == "floor")).scalar_one()
        events = conn.execute(select(OutboxEvent.kind).where(
            OutboxEvent.kind == "backoffice.products_imported")).all()
    assert floor == 1000 and len(events) == 1


def test_wrong_columns_are_named_and_nothing_is_written(importer, engine, tmp_path):
    before = product_count(engine)
    path = write(tmp_path, "wrong.csv", "code,title,price\nX1,Thing,1.00\n")
    dry = importer.dry_run(path)
    messages = [(p.row, p.column, p.message) for p in dry.problems]
    assert (1, "code", messages[0][2]) == messages[0] and "unknown column 'code'" in messages[0][2]
    assert {(1, "sku_code"), (1, "name"), (1, "retail_price")} <= {(r, c) for r, c, _ in messages}
    with pytest.raises(ImportRefused):
        importer.run(path)
    assert product_count(engine) == before


def test_every_broken_row_is_listed_by_row_and_column(importer, engine, tmp_path):
    before = product_count(engine)
    path = write(tmp_path, "broken.csv", HEADER
                 + f"N0001,好商品,5.00,零食,{GOOD_1},,,,\n"
                 + "N0002,坏条码,5.00,零食,6930000000019,,,,\n"        # wrong check digit
                 + "N0001,重复编码,5.00,零食,,,,,\n"                    # same SKU as row 2
                 + "N0003,负价格,-1.00,零食,,,,,\n"                     # negative price
                 + f"N0004,别人的条码,5.00,零食,{COLA},,,,\n"          # barcode of 可口可乐
                 + f"N0005,同一文件重复条码,5.00,零食,{GOOD_1},,,,\n"  # same barcode as row 2
                 + "N0006,,abc,零食,,,,,101\n")                         # no name, bad price, bad tax
    dry = importer.dry_run(path)
    found = {(p.row, p.column) for p in dry.problems}
    assert found == {(3, "barcodes"), (4, "sku_code"), (5, "retail_price"), (6, "barcodes"),
                     (7, "barcodes"), (8, "name"), (8, "retail_price"), (8, "tax_rate")}
    texts = " | ".join(p.message for p in dry.problems)
    assert "check digit" in texts and "already on row 2" in texts and "cannot be negative" in texts
    assert "belongs to product D0001" in texts
    with pytest.raises(ImportRefused) as refused:
        importer.run(path)
    assert "nothing was imported" in refused.value.message
    assert product_count(engine) == before


def test_excel_gbk_csv_is_read_as_chinese(importer, engine, tmp_path):
    path = write(tmp_path, "excel.csv", "商品编码,商品名称,零售价,分类\r\nG0001,旺旺雪饼 84g,6.80,休闲零食\r\n",
                 encoding="gbk")
    result = importer.run(path)
    assert [r.record.name for r in result.rows] == ["旺旺雪饼 84g"]
    with engine.connect() as conn:
        assert conn.execute(select(Product.name).where(Product.sku_code == "G0001")).scalar_one() == "旺旺雪饼 84g"


def test_a_file_in_no_known_encoding_is_refused_clearly(importer, engine, tmp_path):
    before = product_count(engine)
    path = tmp_path / "garbage.csv"
    path.write_bytes(HEADER.encode() + b"X1,\x81\x20\xff\xfe\x80,1.00\n")
    with pytest.raises(TableFileError, match="neither UTF-8 nor GBK"):
        importer.dry_run(path)
    assert product_count(engine) == before


def test_a_fake_xlsx_is_refused_clearly(importer, tmp_path):
    path = write(tmp_path, "products.xlsx", "this is not a workbook")
    with pytest.raises(TableFileError, match="not a readable Excel workbook"):
        importer.dry_run(path)


def test_xlsx_import_with_numbers_as_excel_stores_them_and_export_round_trip(importer, engine, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["sku_code", "name", "retail_price", "barcodes", "weighed", "plu", "unit"])
    sheet.append(["X0001", "散装花生", 12.8, None, "是", 2001, "kg"])
    sheet.append([10002, "洗洁精 1.29kg", 9.9, int(GOOD_2), "no", None, "瓶"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    result = importer.run(path)
    assert [(r.record.sku_code, r.record.price_fen, r.record.barcodes, r.record.is_weighed)
            for r in result.rows] == [("X0001", 1280, (), True), ("10002", 990, (GOOD_2,), False)]
    exported = tmp_path / "out.xlsx"
    assert importer.export(exported) == product_count(engine)
    again = importer.dry_run(exported)
    assert again.ok and again.new_count == 0


def test_an_import_after_a_dry_run_rechecks_the_catalog(importer, engine, tmp_path, clock):
    path = write(tmp_path, "new.csv", HEADER + f"N0009,新品,1.00,零食,{GOOD_1},,,,\n")
    checked = importer.dry_run(path)
    assert checked.ok
    # meanwhile someone gives that barcode to another product
    other = write(tmp_path, "other.csv", HEADER + f"N0010,另一个,1.00,零食,{GOOD_1},,,,\n")
    importer.run(other)
    with pytest.raises(ImportRefused) as refused:
        importer.run(path, checked=checked)
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "barcodes")]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Product).where(
            Product.sku_code == "N0009")).scalar_one() == 0
