"""The daily summary as a receipt document, for the receipt printer and the PDF."""
from __future__ import annotations

from app.domain.money import Money
from app.domain.receipt import Cut, Feed, ReceiptDocument, Rule
from app.domain.textwidth import two_columns
from app.services.tenders import tender_name
from app.services.reports.figures import Names, PeriodFigures




def _yuan(fen: int) -> str:
    return Money(fen).plain()


def _pct(bp: int) -> str:
    return f"{bp / 100:.1f}%"


def build_daily_summary(fig: PeriodFigures, names: Names, store_name: str, printed_at: str,
                        columns: int = 48) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    t = fig.totals
    doc.text(store_name, "center", bold=True, double=True)
    doc.text("营业日报", "center", bold=True)
    doc.text(f"营业日: {fig.period.first.isoformat()}", "center")
    doc.add(Rule())
    for left, right in (
            ("销售额", _yuan(t.amount_fen)), ("退货", f"-{_yuan(t.returns_fen)}"),
            ("净销售额", _yuan(t.net_fen)), ("单数", str(t.orders)),
            ("客单价", _yuan(fig.average_basket_fen)), ("件数", str(t.quantity_milli // 1000)),
            ("优惠", _yuan(t.discount_fen)), ("抹零", _yuan(t.rounding_fen)),
            ("毛利", f"{_yuan(t.margin_fen)} ({_pct(fig.margin_bp)})"),
            ("会员销售占比", _pct(fig.member_share_bp)), ("新会员", str(fig.new_members))):
        doc.text(two_columns(left, right, columns))
    doc.add(Rule())
    doc.text("支付方式", bold=True)
    for tender, m in sorted(fig.dim("tender").items()):
        doc.text(two_columns(tender_name(tender), _yuan(m.net_fen), columns))
    doc.add(Rule())
    doc.text("热销商品", bold=True)
    for product_id, m in fig.top("product", 5):
        name = names.products.get(product_id, ("", product_id, ""))[1]
        doc.text(two_columns(name, _yuan(m.net_fen), columns))
    doc.add(Rule())
    doc.text(f"打印时间: {printed_at}")
    doc.add(Feed(2))
    doc.add(Cut())
    return doc
