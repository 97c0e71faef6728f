"""HTTP API v1: enrolment, events up, changes down, head-office admin.

Every call but enrolment and health carries `Authorization: Bearer <token>`:
401 when the token is unknown or revoked, 403 when the caller may not touch
what it asked for (an admin call by a till, another merchant's store or sale).
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, StrictBool, StrictStr
from sqlalchemy import select

from app.domain.pricing.codec import PromotionDataError, promotion_from_dict, promotion_to_dict
from cloud import changes, changes_members, coupons, tenancy
from cloud.channel import stock_levels
from cloud.ingest import MAX_BATCH, ingest_batch
from cloud.models import QuarantinedEvent, Sale, SaleLine, Store
from cloud.payloads_common import Int64
from cloud.projections_members import member_balances
from cloud.tenancy import AuthError, Principal

router = APIRouter(prefix="/api/v1")
MAX_PRODUCTS_PER_CALL = 5000
# Bounds on numbers in the URL: past them a database integer overflows (a 500, not a 422).
MAX_CURSOR = 2**53  # versions and ids; also exact in a JSON reader's double
MAX_LIMIT = 100_000  # the change log clamps pages further; this only keeps sums in range
Sku = Path(min_length=1, max_length=32)


class EnrolIn(BaseModel):
    code: StrictStr = Field(min_length=4, max_length=40)


class ProductIn(BaseModel):
    """A head-office product; prices in integer fen (a float is refused)."""

    name: StrictStr = Field(min_length=1, max_length=200)
    price_fen: Int64 = Field(ge=0)
    barcodes: list[StrictStr] = Field(default_factory=list, max_length=20)
    unit: StrictStr = Field(default="个", max_length=16)
    tax_rate_bp: Int64 = Field(default=1300, ge=0, le=10000)
    is_weighed: StrictBool = False
    plu: StrictStr | None = Field(default=None, max_length=8)
    brand: StrictStr = Field(default="", max_length=100)
    spec: StrictStr = Field(default="", max_length=60)
    category: StrictStr = Field(default="", max_length=200)
    member_price_fen: Int64 | None = Field(default=None, ge=0)


class ProductWithSku(ProductIn):
    sku: StrictStr = Field(min_length=1, max_length=32)


def _db(request: Request):
    return request.app.state.database


def _now(request: Request):
    return request.app.state.clock.now()


def current_principal(request: Request) -> Principal:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    try:
        with _db(request).read() as conn:
            return tenancy.authenticate(conn, token.strip())
    except AuthError as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


def terminal_only(principal: Principal = Depends(current_principal)) -> Principal:
    if principal.is_admin:
        raise HTTPException(403, "only an enrolled terminal may push events")
    return principal


def admin_only(principal: Principal = Depends(current_principal)) -> Principal:
    if not principal.is_admin:
        raise HTTPException(403, "admin token required")
    return principal


@router.get("/health")
def health() -> dict[str, bool]:
    return {"ok": True}


@router.post("/enrol")
def enrol(body: EnrolIn, request: Request) -> dict[str, str]:
    try:
        with _db(request).write() as conn:
            result = tenancy.enrol(conn, body.code, _now(request))
    except AuthError as exc:
        raise HTTPException(401, str(exc)) from None
    return {"token": result.token, "store": result.store_code, "terminal": result.terminal_code}


@router.post("/events")
def push_events(request: Request, body: Any = Body(...),
                principal: Principal = Depends(terminal_only)) -> JSONResponse:
    events = body.get("events") if isinstance(body, dict) else None
    if not isinstance(events, list):
        raise HTTPException(422, "body must be {\"events\": [...]}")
    if len(events) > MAX_BATCH:
        raise HTTPException(413, f"at most {MAX_BATCH} events per batch")
    with _db(request).write() as conn:
        outcomes = ingest_batch(conn, principal, events, _now(request))
    counts = {"accepted": 0, "duplicate": 0, "rejected": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    return JSONResponse({"results": [o.as_dict() for o in outcomes], **counts})


@router.get("/changes")
def get_changes(request: Request, since: int = Query(0, ge=0, le=MAX_CURSOR),
                limit: int = Query(1000, ge=1, le=MAX_LIMIT),
                principal: Principal = Depends(current_principal)) -> Response:
    with _db(request).read() as conn:
        page = changes_members.only_for_store(
            changes.read_changes(conn, principal.merchant_id, since, limit), principal)
    # Rendered by hand from the stored JSON text: FastAPI's per-value encoder would
    # dominate the time of a 5,000-product page.
    return Response(changes.render_page(page), media_type="application/json")


@router.get("/snapshot")
def get_snapshot(request: Request, after: str = Query("", max_length=64),
                 limit: int = Query(1000, ge=1, le=MAX_LIMIT),
                 principal: Principal = Depends(current_principal)) -> Response:
    with _db(request).read() as conn:
        page = changes.read_snapshot(conn, principal.merchant_id, after, limit,
                                     store_id=None if principal.is_admin else principal.store_id)
    return Response(changes.render_page(page), media_type="application/json")


@router.get("/quarantine")
def get_quarantine(request: Request, after_id: int = Query(0, ge=0, le=MAX_CURSOR),
                   limit: int = Query(100, ge=1, le=1000),
                   principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    with _db(request).read() as conn:
        rows = conn.execute(
            select(QuarantinedEvent).where(QuarantinedEvent.merchant_id == principal.merchant_id,
                                           QuarantinedEvent.id > after_id)
            .order_by(QuarantinedEvent.id).limit(limit)
        ).all()
    return {"events": [dict(id=r.id, event_id=r.event_id, terminal_id=r.terminal_id, kind=r.kind,
                            reason=r.reason, raw=r.raw, received_at=r.received_at.isoformat())
                       for r in rows]}


@router.put("/admin/products/{sku}")
def put_product(body: ProductIn, request: Request, sku: str = Sku,
                principal: Principal = Depends(admin_only)) -> dict[str, int]:
    product = ProductWithSku(sku=sku, **body.model_dump())
    with _db(request).write() as conn:
        [version] = changes.upsert_products(conn, principal.merchant_id,
                                            [product.model_dump()], _now(request))
    return {"version": version}


@router.post("/admin/products")
def post_products(body: list[ProductWithSku], request: Request,
                  principal: Principal = Depends(admin_only)) -> dict[str, int]:
    """Bulk upsert (an import, a first catalog): up to 5,000 products in one call."""
    if len(body) > MAX_PRODUCTS_PER_CALL:
        raise HTTPException(413, f"at most {MAX_PRODUCTS_PER_CALL} products per call")
    with _db(request).write() as conn:
        versions = changes.upsert_products(conn, principal.merchant_id,
                                           [p.model_dump() for p in body], _now(request))
    return {"count": len(versions), "version": versions[-1] if versions else 0}


@router.delete("/admin/products/{sku}")
def remove_product(sku: str, request: Request,
                   principal: Principal = Depends(admin_only)) -> dict[str, int]:
    with _db(request).write() as conn:
        version = changes.delete_product(conn, principal.merchant_id, sku, _now(request))
    if version is None:
        raise HTTPException(404, f"no product {sku}")
    return {"version": version}


@router.post("/admin/terminals/{store_code}/{terminal_code}/revoke")
def revoke(store_code: str, terminal_code: str, request: Request,
           principal: Principal = Depends(admin_only)) -> dict[str, bool]:
    with _db(request).write() as conn:
        _store_of_merchant(conn, store_code, principal)
        try:
            tenancy.revoke_terminal(conn, store_code, terminal_code, _now(request))
        except tenancy.TenancyError as exc:
            raise HTTPException(404, str(exc)) from None
    return {"revoked": True}


@router.get("/stores/{store_code}/stock")
def store_stock(store_code: str, request: Request, sku: list[str] = Query(default=[]),
                principal: Principal = Depends(current_principal)) -> dict[str, Any]:
    """On hand per SKU (sum of the ledger), reserved by channel orders and available
    (on hand - reserved), in thousandths."""
    with _db(request).read() as conn:
        store_id = _store_of_merchant(conn, store_code, principal)
        return {"store": store_code, **stock_levels(conn, store_id, sku)}


@router.get("/sales/{sale_id}")
def get_sale(sale_id: str, request: Request,
             principal: Principal = Depends(current_principal)) -> dict[str, Any]:
    with _db(request).read() as conn:
        sale = conn.execute(select(Sale).where(Sale.id == sale_id)).one_or_none()
        if sale is None:
            raise HTTPException(404, "no such sale")
        if sale.merchant_id != principal.merchant_id:
            raise HTTPException(403, "that sale belongs to another merchant")
        lines = conn.execute(select(SaleLine).where(SaleLine.sale_id == sale_id)
                             .order_by(SaleLine.line_no)).all()
    return {"id": sale.id, "receipt_no": sale.receipt_no, "total_fen": sale.total_fen,
            "tax_fen": sale.tax_fen, "business_date": sale.business_date,
            "lines": [dict(line_no=l.line_no, sku_code=l.sku_code, quantity_milli=l.quantity_milli,
                           amount_fen=l.amount_fen) for l in lines]}


def _store_of_merchant(conn, store_code: str, principal: Principal) -> str:
    row = conn.execute(select(Store.id, Store.merchant_id).where(Store.code == store_code)).one_or_none()
    if row is None:
        raise HTTPException(404, f"no store {store_code}")
    if row.merchant_id != principal.merchant_id:
        raise HTTPException(403, "that store belongs to another merchant")
    return row.id


# --- head office: member levels, promotions, a member's balances (issue 7) ---------------
class MemberLevelIn(BaseModel):
    """A member level; money in integer fen, discount in basis points (10000 = none)."""

    name: StrictStr = Field(min_length=1, max_length=40)
    rank: Int64 = Field(ge=1, le=1000)
    price_tier: StrictStr = Field(default="member", min_length=1, max_length=16)
    discount_bp: Int64 = Field(default=10000, gt=0, le=10000)
    points_multiplier_pct: Int64 = Field(default=100, ge=0, le=10000)
    upgrade_spend_fen: Int64 | None = Field(default=None, ge=0)
    upgrade_topup_fen: Int64 | None = Field(default=None, ge=0)


class PromotionIn(BaseModel):
    """A promotion as the tills' pricing engine reads it (app.domain.pricing.codec)."""

    promotion: dict[str, Any]
    active: StrictBool = True


@router.put("/admin/member-levels/{code}")
def put_member_level(code: str, body: MemberLevelIn, request: Request,
                     principal: Principal = Depends(admin_only)) -> dict[str, int]:
    if not 1 <= len(code) <= 16:
        raise HTTPException(422, "a level code has 1 to 16 characters")
    with _db(request).write() as conn:
        version = changes_members.put_member_level(
            conn, principal.merchant_id, {"code": code, **body.model_dump()}, _now(request))
    return {"version": version}


@router.put("/admin/promotions/{promotion_id}")
def put_promotion(promotion_id: str, body: PromotionIn, request: Request,
                  principal: Principal = Depends(admin_only)) -> dict[str, int]:
    try:
        promotion = promotion_from_dict({**body.promotion, "id": promotion_id})
    except PromotionDataError as exc:
        raise HTTPException(422, str(exc)) from None
    document = {**promotion_to_dict(promotion), "active": body.active}
    with _db(request).write() as conn:
        version = changes_members.put_promotion(conn, principal.merchant_id, document,
                                                _now(request))
    return {"version": version}


@router.get("/admin/members/{member_id}")
def get_member(member_id: str, request: Request,
               principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    """A member as all stores see it, with balances summed from the cloud's ledgers."""
    with _db(request).read() as conn:
        found = changes_members.member_documents(conn, principal.merchant_id, [member_id])
        if member_id not in found:
            raise HTTPException(404, "no such member")
        return {**found[member_id], **member_balances(conn, member_id)}


@router.get("/admin/coupons/double-redemptions")
def get_double_redemptions(request: Request, limit: int = Query(500, ge=1, le=1000),
                           principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    """Coupons redeemed in more than one sale (two tills took the same coupon while
    offline), each with every redemption: store, sale, amount, time."""
    with _db(request).read() as conn:
        return {"coupons": coupons.double_redemptions(conn, principal.merchant_id, limit)}
