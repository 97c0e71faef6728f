"""Importing from the back office shows every problem before anything is written and
imports in the background; shelf labels come out as a PDF sheet or on receipt paper."""
from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import text

from app.domain.barcode import complete_ean13
from app.services.inventory.labels import label_data, labels_document
from app.domain.receipt import BarcodeBlock, render_text
from ui.backoffice.import_dialog import ImportDialog
from ui.backoffice.labels import write_label_sheet
from ui.backoffice.window import BackOfficeWindow

NEW_CODE = complete_ean13("694000000001")


def product_names(ctx, like):
    with ctx.engine.connect() as conn:
        return conn.execute(text("SELECT name FROM product WHERE sku_code LIKE :s ORDER BY sku_code"),
                            {"s": like}).scalars().all()


def test_dry_run_lists_problems_then_a_fixed_file_imports_with_progress(qtbot, till, tmp_path):
    window = BackOfficeWindow(till, till.auth.login("9001", "9999"))
    qtbot.addWidget(window)
    dialog = ImportDialog(window.services, window)
    qtbot.addWidget(dialog)
    broken = tmp_path / "broken.csv"
    wrong_digit = NEW_CODE[:-1] + str((int(NEW_CODE[-1]) + 1) % 10)
    broken.write_text(f"sku_code,name,retail_price,barcodes\nZ0001,好丽友 派,-3.00,{wrong_digit}\n"
                      "Z0002,,abc,\n", encoding="utf-8")
    dialog.check(broken)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    cells = [(p.row, p.column) for p in dialog.problems.rows]
    assert cells == [(2, "retail_price"), (2, "barcodes"), (3, "name"), (3, "retail_price")]
    assert "Nothing has been imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert product_names(till, "Z%") == []
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(f"sku_code,name,retail_price,barcodes\nZ0001,好丽友 派,13.00,{NEW_CODE}\n"
                     "Z0002,好丽友 薯愿,8.50,\n", encoding="utf-8")
    dialog.check(fixed)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert dialog.import_button.isEnabled() and "2 new products" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert "Imported 2 products" in dialog.summary.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert product_names(till, "Z%") == ["好丽友 派", "好丽友 薯愿"]


def test_shelf_labels_as_pdf_sheet_and_on_receipt_paper(qtbot, till, tmp_path):
    with till.engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM product ORDER BY sku_code LIMIT 30")).scalars().all()
    labels = label_data(till.engine, ids)
    assert len(labels) == 30 and all(l.retail_fen > 0 for l in labels)
    pdf = tmp_path / "labels.pdf"
    write_label_sheet(pdf, labels)
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and content.count(b"/Type /Page\n") + content.count(b"/Type/Page\n") >= 2
    doc = labels_document(labels[:2])
    text_out = render_text(doc)
    assert labels[0].name in text_out and f"{labels[0].retail_fen // 100}." in text_out
    assert [b.data for b in doc.blocks if isinstance(b, BarcodeBlock)] == [l.barcode for l in labels[:2]]
