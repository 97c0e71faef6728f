"""The fast XLSX reader gives the importer exactly what openpyxl would, for the
workbooks stores bring: Excel-style shared strings, rich text, numbers as Excel stores
them, booleans, formulas, gaps between rows and cells, several sheets."""
from __future__ import annotations

import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from app.services.inventory import tabular
from app.services.inventory.tabular import TableFileError, read_rows


def _both(path):
    return list(read_rows(path)), list(tabular._read_xlsx_openpyxl(path))


def test_an_excel_style_workbook_reads_as_openpyxl_reads_it(tmp_path):
    book = Workbook()  # the normal writer: shared strings, a <dimension>, styles
    sheet = book.active
    sheet.title = "商品"
    sheet.append(["sku_code", "name", "retail_price", "barcodes", "weighed", "tax_rate"])
    sheet.append(["D0001", "可口可乐 330ml罐装", 3.5, 6901000000011, False, 13])
    sheet.append(["D0002", CellRichText(["农夫", TextBlock(InlineFont(b=True), "山泉")]), 2, None, True, 0.13])
    sheet["A6"] = "after a gap"
    sheet["D6"] = "=1+1"
    sheet["C7"] = 1e-7
    sheet["B8"] = datetime(2026, 11, 25)
    sheet["B8"].number_format = "General"
    book.create_sheet("其他").append(["not read"])
    path = tmp_path / "excel.xlsx"
    book.save(path)
    fast, slow = _both(path)
    assert fast[:7] == slow[:7]
    assert fast[2][1] == "农夫山泉" and fast[1][3] == 6901000000011 and fast[1][2] == 3.5
    assert not any(fast[3]) and not any(fast[4])  # rows 4 and 5 are empty: row numbers hold
    assert len(fast) == len(slow)


def test_a_write_only_workbook_without_dimensions_reads_the_same(tmp_path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["sku_code", "name", "retail_price"])
    for n in range(50):
        sheet.append([f"X{n:03d}", f"商品 {n}", n / 4])
    path = tmp_path / "streamed.xlsx"
    book.save(path)
    fast, slow = _both(path)
    assert fast == slow and fast[3] == ["X002", "商品 2", 0.5]


def test_a_workbook_missing_its_sheet_is_refused_clearly(tmp_path):
    path = tmp_path / "broken.xlsx"
    good = tmp_path / "good.xlsx"
    Workbook().save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if "worksheets/" not in item.filename:
                dst.writestr(item, src.read(item))
    with pytest.raises(TableFileError, match="not a readable Excel workbook|no worksheet"):
        list(read_rows(path))
