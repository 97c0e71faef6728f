"""Sales and refunds: headers, lines, tenders, and the stock they move."""
from __future__ import annotations

from cloud.event_schema import SaleCompletedV1, ValidEvent
from cloud.models import Sale, SaleLine, StockMovement
from cloud.models_ledgers import Refund, RefundLine, RefundPayment, SalePayment
from cloud.payloads_store import RefundCompletedV1


def project_sale(p, event: ValidEvent) -> None:
    sale: SaleCompletedV1 = event.payload
    principal = p.principal
    p.append(Sale, dict(
        id=sale.sale_id, event_id=event.envelope.id, merchant_id=principal.merchant_id,
        store_id=principal.store_id, terminal_id=principal.terminal_id,
        receipt_no=sale.receipt_no, business_date=sale.business_date,
        cashier_id=sale.cashier_id, completed_at=sale.completed_at, total_fen=sale.total_fen,
        tax_fen=sale.tax_fen, paid_fen=sale.paid_fen, change_fen=sale.change_fen,
        member_id=sale.member_id, salesperson_id=sale.salesperson_id))
    for line in sale.lines:
        p.append(SaleLine, dict(
            sale_id=sale.sale_id, line_no=line.line_no, sku_code=line.sku_code,
            barcode=line.barcode, name=line.name, unit_price_fen=line.unit_price_fen,
            quantity_milli=line.quantity_milli, amount_fen=line.amount_fen,
            tax_rate_bp=line.tax_rate_bp, tax_fen=line.tax_fen,
            salesperson_id=line.salesperson_id))
        p.append(StockMovement, dict(
            merchant_id=principal.merchant_id, store_id=principal.store_id,
            sku_code=line.sku_code, quantity_milli=-line.quantity_milli, kind="sale",
            event_id=event.envelope.id, created_at=sale.completed_at))
    for number, pay in enumerate(sale.payments, start=1):
        p.append(SalePayment, dict(
            sale_id=sale.sale_id, line_no=number, tender=pay.tender, amount_fen=pay.amount_fen,
            change_fen=pay.change_fen, reference=pay.reference))


def project_refund(p, event: ValidEvent) -> None:
    """A refund and its lines and tenders; returned goods come back into the store's stock."""
    refund: RefundCompletedV1 = event.payload
    principal = p.principal
    p.append(Refund, dict(
        id=refund.refund_id, event_id=event.envelope.id, merchant_id=principal.merchant_id,
        store_id=principal.store_id, terminal_id=principal.terminal_id,
        refund_no=refund.refund_no, sale_id=refund.sale_id, business_date=refund.business_date,
        cashier_id=refund.cashier_id, created_at=refund.created_at, total_fen=refund.total_fen,
        tax_fen=refund.tax_fen, without_receipt=refund.without_receipt, reason=refund.reason))
    for line in refund.lines:
        p.append(RefundLine, dict(
            refund_id=refund.refund_id, line_no=line.line_no, sale_line_id=line.sale_line_id,
            sku_code=line.sku_code, name=line.name, quantity_milli=line.quantity_milli,
            amount_fen=line.amount_fen, tax_rate_bp=line.tax_rate_bp, tax_fen=line.tax_fen))
        p.append(StockMovement, dict(
            merchant_id=principal.merchant_id, store_id=principal.store_id,
            sku_code=line.sku_code, quantity_milli=line.quantity_milli, kind="return",
            event_id=event.envelope.id, created_at=refund.created_at))
    for number, pay in enumerate(refund.payments, start=1):
        p.append(RefundPayment, dict(
            refund_id=refund.refund_id, line_no=number, tender=pay.tender,
            amount_fen=pay.amount_fen, reference=pay.reference, status=pay.status))


PROJECTORS = {"sale.completed": project_sale, "refund.completed": project_refund}
