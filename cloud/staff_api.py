"""Head office edits staff and roles (issue 7): HTTP admin endpoints.

A staff member belongs to one store; saving them logs their document (with the argon2
hash of the PIN, hashed here as the till hashes it) for that store's tills only. A role
is saved for every store of the merchant, so all its tills get it. Another merchant's
store, staff or role answers 404, as if it did not exist. PIN hashes are never listed.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field, StrictBool, StrictStr
from sqlalchemy import select

from app.domain.ids import new_id
from app.domain.staff import PIN_HASHER, Permission
from cloud import changes, changes_members as log
from cloud.api import admin_only
from cloud.ingest import dialect_insert
from cloud.models import Store
from cloud.models_staff import CloudRole, CloudStaff
from cloud.projections_staff import staff_document
from cloud.tenancy import Principal

router = APIRouter(prefix="/api/v1/admin")
# The till's PIN hashing and permission names, shared through app.domain.
_hasher = PIN_HASHER
PERMISSIONS = frozenset(p.value for p in Permission)
Code = Annotated[str, Path(min_length=1, max_length=32)]
ShortText = Annotated[StrictStr, Field(min_length=1, max_length=32)]


class StaffIn(BaseModel):
    """A staff member; `pin` (4+ digits) is needed for a new one, optional after."""

    store: ShortText
    name: StrictStr = Field(min_length=1, max_length=60)
    role: ShortText
    pin: StrictStr | None = Field(default=None, pattern=r"^[0-9]{4,12}$")
    badges: list[Annotated[StrictStr, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list, max_length=20)
    active: StrictBool = True


class RoleIn(BaseModel):
    name: StrictStr = Field(min_length=1, max_length=60)
    permissions: list[StrictStr] = Field(default_factory=list, max_length=100)
    discount_limit_bp: int = Field(default=0, ge=0, le=10000)


def _db(request: Request):
    return request.app.state.database


def _now(request: Request):
    return request.app.state.clock.now()


def _store_id(conn, store_code: str, principal: Principal) -> str:
    store_id = conn.scalar(select(Store.id).where(Store.code == store_code,
                                                  Store.merchant_id == principal.merchant_id))
    if store_id is None:  # unknown, or another merchant's: the same answer
        raise HTTPException(404, f"no store {store_code}")
    return store_id


@router.put("/staff/{code}")
def put_staff(code: Code, body: StaffIn, request: Request,
              principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    now = _now(request)
    with _db(request).write() as conn:
        store_id = _store_id(conn, body.store, principal)
        current = conn.execute(select(CloudStaff.id, CloudStaff.pin_hash).where(
            CloudStaff.merchant_id == principal.merchant_id,
            CloudStaff.home_store_id == store_id, CloudStaff.code == code)
            .order_by(CloudStaff.updated_at.desc()).limit(1)).one_or_none()
        if current is None and body.pin is None:
            raise HTTPException(422, "a new staff member needs a PIN")
        row = dict(id=current.id if current else new_id(), merchant_id=principal.merchant_id,
                   home_store_id=store_id, code=code, name=body.name, role=body.role,
                   pin_hash=_hasher.hash(body.pin) if body.pin else current.pin_hash,
                   active=body.active, badges=list(dict.fromkeys(body.badges)),
                   updated_at=now)
        stmt = dialect_insert(conn, CloudStaff)
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
            c: stmt.excluded[c] for c in row if c not in ("id", "merchant_id",
                                                         "home_store_id")}), row)
        [version] = changes.append_changes(conn, principal.merchant_id, [(
            log.STAFF, row["id"], changes.UPSERT, staff_document(row, body.store))], now)
    return {"id": row["id"], "version": version}


@router.get("/staff")
def list_staff(request: Request, store: str = Query(min_length=1, max_length=32),
               principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    with _db(request).read() as conn:
        store_id = _store_id(conn, store, principal)
        rows = conn.execute(select(CloudStaff).where(
            CloudStaff.merchant_id == principal.merchant_id,
            CloudStaff.home_store_id == store_id).order_by(CloudStaff.code)).all()
    return {"store": store, "staff": [
        {"id": r.id, "code": r.code, "name": r.name, "role": r.role, "active": r.active,
         "badges": r.badges} for r in rows]}


@router.put("/roles/{code}")
def put_role(code: Code, body: RoleIn, request: Request,
             principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    unknown = sorted(set(body.permissions) - PERMISSIONS)
    if unknown:
        raise HTTPException(422, f"unknown permissions: {', '.join(unknown)[:200]}")
    now = _now(request)
    with _db(request).write() as conn:
        stores = conn.execute(select(Store.id, Store.code).where(
            Store.merchant_id == principal.merchant_id).order_by(Store.code)).all()
        entries = []
        for store in stores:  # roles are a store's own: one copy per store
            data = {"code": code, "name": body.name, "discount_limit_bp": body.discount_limit_bp,
                    "permissions": sorted(set(body.permissions)), "store": store.code}
            stmt = dialect_insert(conn, CloudRole)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=["merchant_id", "store_id", "code"],
                set_={"data": stmt.excluded.data, "updated_at": stmt.excluded.updated_at}),
                dict(merchant_id=principal.merchant_id, store_id=store.id, code=code,
                     data=data, updated_at=now))
            entries.append((log.ROLE, code, changes.UPSERT, data))
        versions = changes.append_changes(conn, principal.merchant_id, entries, now)
    return {"stores": len(stores), "version": versions[-1] if versions else 0}
