"""Golden receipts: a sale receipt through a printer profile (header, footer, partial
cut), decoded back to what the customer reads, on 58 mm/GBK and 80 mm/GB18030 paper.
A change to any of these lines is a change customers see: update the golden text
only on purpose."""
from __future__ import annotations

import pytest

from app.domain.money import Money
from app.domain.receipt import ReceiptLine, SaleReceipt, build_sale_receipt
from drivers.printer.profile import PrintProfile, render_job
from tests.support.escpos_decode import decode

PROFILE = PrintProfile(header=("会员日 全场九五折",), footer=("扫码关注 有礼相送",), cut="partial")

HEAD = ["会员日 全场九五折", "蒙超市 人民路店", "人民路88号", "0471-1234567"]
INFO = ["小票号: S001-T01-20261125-0007", "日期: 2026-11-25 16:00:00", "收银员: 张三  机号: 01"]
TAIL = ["S001-T01-20261125-0007", "谢谢惠顾，欢迎再次光临", "扫码关注 有礼相送", "", ""]

GOLDEN = {
    (32, "gbk"): HEAD + ["-" * 32] + INFO + ["-" * 32] + [
        "品名/数量x单价              金额",
        "农夫山泉天然饮用水550ml",
        "  1 x 1.99                  1.99",
        "康师傅红烧牛肉面五连包",
        "  2 x 2.36                  4.72",
        "伊利纯牛奶250ml*16盒",
        "  3 x 2.73                  8.19",
        "-" * 32,
        "件数: 6              合计: 14.90",
        "现金                      100.00",
        "实收                      100.00",
        "找零                       85.10",
        "其中税额(13%)               1.71",
        "-" * 32,
    ] + TAIL,
    (48, "gb18030"): HEAD + ["-" * 48] + INFO + ["-" * 48] + [
        "品名                    数量      单价      金额",
        "农夫山泉天然饮用水55       1      1.99      1.99",
        "0ml",
        "康师傅红烧牛肉面五连       2      2.36      4.72",
        "包",
        "伊利纯牛奶250ml*16盒       3      2.73      8.19",
        "-" * 48,
        "件数: 6                              合计: 14.90",
        "现金                                      100.00",
        "实收                                      100.00",
        "找零                                       85.10",
        "其中税额(13%)                               1.71",
        "-" * 48,
    ] + TAIL,
}


def sale() -> SaleReceipt:
    names = ("农夫山泉天然饮用水550ml", "康师傅红烧牛肉面五连包", "伊利纯牛奶250ml*16盒")
    lines = tuple(ReceiptLine(name, str(n + 1), Money(199 + 37 * n), Money((199 + 37 * n) * (n + 1)))
                  for n, name in enumerate(names))
    return SaleReceipt(
        store_name="蒙超市 人民路店", receipt_no="S001-T01-20261125-0007", local_time="2026-11-25 16:00:00",
        cashier="张三", terminal="01", lines=lines, piece_count=6, total=Money(1490),
        tax_by_rate=((1300, Money(171)),), tenders=(("现金", Money(10000)),), tendered=Money(10000),
        change=Money(8510), store_address="人民路88号", store_phone="0471-1234567",
    )


@pytest.mark.parametrize("columns,encoding", list(GOLDEN))
def test_golden_receipt(columns, encoding):
    data = render_job(build_sale_receipt(sale(), columns), encoding, PROFILE)
    decoded = decode(data, encoding)
    assert decoded.lines == GOLDEN[(columns, encoding)]
    assert decoded.style_of("蒙超市").width == 2 and decoded.style_of("会员日").bold
    assert [c for c in decoded.commands if c[0] in ("barcode", "cut")] == [
        ("barcode", "CODE128", "S001-T01-20261125-0007"), ("cut", "partial")]
