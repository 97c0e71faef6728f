"""Receipt documents rendered to ESC/POS, read back as a customer would."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from app.domain.money import Money
from app.domain.receipt import (
    BarcodeBlock, Cut, Feed, QRBlock, ReceiptDocument, ReceiptLine, Rule, SaleReceipt,
    build_sale_receipt, render_text,
)
from app.domain.textwidth import text_width
from drivers.printer.escpos_render import drawer_bytes, normalize_encoding, render_escpos
from tests.support.escpos_decode import decode

RECEIPT_NO = "S001-01-20261125-0042"


def sale_receipt(change_fen: int = 1250) -> SaleReceipt:
    lines = (
        ReceiptLine("农夫山泉天然水550ml", "2", Money(200), Money(400)),
        ReceiptLine("康师傅红烧牛肉面 经典五连包超值装", "1", Money(1650), Money(1650)),
        ReceiptLine("Apple 苹果 (kg)", "1.235", Money(1280), Money(1581)),
    )
    total = Money(3631)
    tendered = total + Money(change_fen)
    return SaleReceipt(
        store_name="蒙超市 人民路店",
        receipt_no=RECEIPT_NO,
        local_time="2026-11-25 16:00:00",
        cashier="张三",
        terminal="01",
        lines=lines,
        piece_count=4,
        total=total,
        tax_by_rate=((1300, Money(418)),),
        tenders=(("现金", tendered),),
        tendered=tendered,
        change=Money(change_fen),
        store_address="人民路88号",
    )


@pytest.mark.parametrize("columns", [32, 48])
def test_sale_receipt_reads_as_the_customer_sees_it(columns):
    doc = build_sale_receipt(sale_receipt(), columns)
    decoded = decode(render_escpos(doc, "gb18030"), "gb18030")
    text = decoded.text

    assert decoded.commands[:2] == [("init",), ("chinese", True)]
    assert decoded.lines[0] == "蒙超市 人民路店"
    title = decoded.styles[0]
    assert (title.align, title.bold, title.width, title.height) == ("center", True, 2, 2)
    assert f"小票号: {RECEIPT_NO}" in decoded.lines
    assert "收银员: 张三  机号: 01" in decoded.lines
    for name in ("农夫山泉天然水550ml", "Apple 苹果 (kg)"):
        assert name in text
    assert "康师傅红烧牛肉面" in text
    assert any(line.startswith("件数: 4") and line.endswith("合计: 36.31") for line in decoded.lines)
    assert decoded.style_of("合计: 36.31").bold
    assert any(line.startswith("找零") and line.endswith("12.50") for line in decoded.lines)
    assert any(line.startswith("现金") and line.endswith("48.81") for line in decoded.lines)
    assert "谢谢惠顾，欢迎再次光临" in decoded.lines
    assert decoded.style_of("谢谢惠顾").align == "center"
    assert ("barcode", "CODE128", RECEIPT_NO) in decoded.commands
    assert decoded.commands[-1] == ("cut", "full")


@pytest.mark.parametrize("columns", [32, 48])
def test_every_line_fits_the_paper_and_matches_the_preview(columns):
    doc = build_sale_receipt(sale_receipt(), columns)
    decoded = decode(render_escpos(doc), "gb18030")
    for line, style in zip(decoded.lines, decoded.styles):
        assert text_width(line) * style.width <= columns, line
    # The preview centres by padding; the printer centres by ESC a. Same words.
    preview = [line.strip() for line in render_text(doc).splitlines() if line.strip()]
    printed = [line.strip() for line in decoded.lines if line.strip()]
    assert [f"|||| {RECEIPT_NO} ||||" if line == RECEIPT_NO else line for line in printed] == preview


def test_no_change_line_without_change():
    doc = build_sale_receipt(sale_receipt(change_fen=0), 48)
    assert "找零" not in decode(render_escpos(doc)).text


def test_gbk_printer_gets_fullwidth_yuan_sign_and_question_marks():
    doc = ReceiptDocument(32)
    doc.text("单价 ¥12.50")
    doc.text("表情😀")
    wide = "合计" + " " * 22 + "¥12.50"  # exactly 32 columns with the narrow ¥
    doc.text(wide)
    data = render_escpos(doc, "gbk")
    assert "¥".encode("gb18030") not in data
    decoded = decode(data, "gbk")
    assert decoded.lines[0] == "单价 ￥12.50"
    assert decoded.lines[1] == "表情??"
    # ￥ is two columns: a space of the gap pays for it, so the line stays one line.
    assert decoded.lines[2] == "合计" + " " * 21 + "￥12.50"
    assert text_width(decoded.lines[2]) == 32


def test_gb18030_keeps_rare_characters_and_utf8_is_sent_as_is():
    doc = ReceiptDocument(48)
    doc.text("𠮷野家 ¥8.00 😀")
    assert decode(render_escpos(doc, "gb18030"), "gb18030").lines == ["𠮷野家 ¥8.00 😀"]
    utf8 = render_escpos(doc, "utf-8")
    assert b"\x1c&" not in utf8
    assert "𠮷野家".encode("utf-8") in utf8
    assert decode(utf8, "utf-8").lines == ["𠮷野家 ¥8.00 😀"]


def test_big5_printer_prints_traditional_text():
    doc = ReceiptDocument(32)
    doc.text("謝謝光臨")
    data = render_escpos(doc, "big5")
    assert "謝謝光臨".encode("big5") in data
    assert decode(data, "big5").lines == ["謝謝光臨"]


def test_control_characters_in_names_cannot_inject_commands():
    doc = ReceiptDocument(48)
    doc.text("坏\x1bp\x00\x19\x19名字\n")
    decoded = decode(render_escpos(doc))
    assert not decoded.find("drawer")
    assert decoded.lines == ["坏 p   名字"]


def test_blocks_render_as_native_commands():
    doc = ReceiptDocument(48)
    doc.add(Rule("="))
    doc.add(BarcodeBlock("6901234567892", "EAN13"))
    doc.add(BarcodeBlock("69012341", "EAN8"))
    doc.add(QRBlock("https://mon.example/r/42?店=1", size=5))
    doc.add(Feed(3))
    doc.add(Cut(partial=True))
    decoded = decode(render_escpos(doc))
    assert decoded.lines[0] == "=" * 48
    assert decoded.find("barcode") == [("barcode", "EAN13", "6901234567892"), ("barcode", "EAN8", "69012341")]
    assert decoded.find("qr") == [("qr", "https://mon.example/r/42?店=1")]
    assert ("qr_size", 5) in decoded.commands
    assert ("feed", 3) in decoded.commands
    assert decoded.commands[-1] == ("cut", "partial")


def test_unprintable_barcode_falls_back_to_text():
    doc = ReceiptDocument(32)
    doc.add(BarcodeBlock("12345", "EAN13"))  # too short for EAN-13
    doc.add(BarcodeBlock("会员卡-001", "CODE128"))  # CODE128 carries ASCII only
    decoded = decode(render_escpos(doc))
    assert not decoded.find("barcode")
    assert decoded.lines == ["12345", "会员卡-001"]


def test_long_code128_still_prints_on_58mm_paper():
    doc = ReceiptDocument(32)
    doc.add(BarcodeBlock(RECEIPT_NO))
    decoded = decode(render_escpos(doc))
    assert decoded.find("barcode") == [("barcode", "CODE128", RECEIPT_NO)]
    assert ("barcode_width", 1) in decoded.commands


def test_code128_escapes_a_literal_brace():
    doc = ReceiptDocument(48)
    doc.add(BarcodeBlock("A{1}"))
    assert decode(render_escpos(doc)).find("barcode") == [("barcode", "CODE128", "A{1}")]


def test_double_size_lines_wrap_at_half_the_columns():
    doc = ReceiptDocument(32)
    doc.text("一二三四五六七八九十", "center", double=True)  # 20 columns, 16 fit when doubled
    decoded = decode(render_escpos(doc))
    assert decoded.lines == ["一二三四五六七八", "九十"]


def test_drawer_pulse_and_encodings():
    assert decode(drawer_bytes(2)).find("drawer") == [("drawer", 2)]
    assert decode(drawer_bytes(5)).find("drawer") == [("drawer", 5)]
    with pytest.raises(ValueError):
        drawer_bytes(3)
    assert normalize_encoding("GBK") == "gbk"
    assert normalize_encoding("utf8") == "utf-8"
    with pytest.raises(ValueError, match="shift_jis"):
        normalize_encoding("shift_jis")


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ASCII = st.characters(min_codepoint=0x21, max_codepoint=0x7E)


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.one_of(CJK, ASCII), min_size=1, max_size=80), columns=st.sampled_from([32, 42, 48]))
def test_any_chinese_text_comes_back_whole(text, columns):
    doc = ReceiptDocument(columns)
    doc.text(text)
    decoded = decode(render_escpos(doc, "gb18030"), "gb18030")
    assert "".join(decoded.lines) == text
    assert all(text_width(line) <= columns for line in decoded.lines)
