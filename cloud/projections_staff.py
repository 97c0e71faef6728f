"""Staff and roles saved at a store's till: kept per store, logged for the store's tills.

A till's token speaks for its store only, so its staff are that store's: a staff
row another store owns is left as it is (the upsert updates only rows whose home is
the sending store), and the document names the store so that only its tills get it.
"""
from __future__ import annotations

from cloud import changes_members as log
from cloud.event_schema import ValidEvent
from cloud.ingest import dialect_insert
from cloud.models_staff import CloudRole, CloudStaff
from cloud.payloads_staff import RoleSavedV1, StaffSavedV1
from cloud.projections import Projection


def project_staff(p: Projection, event: ValidEvent) -> None:
    staff: StaffSavedV1 = event.payload
    badges = list(dict.fromkeys(staff.badges))
    row = dict(id=staff.user_id, merchant_id=p.merchant_id, home_store_id=p.store_id,
               code=staff.code, name=staff.name, role=staff.role, pin_hash=staff.pin_hash,
               active=staff.active, badges=badges, updated_at=event.envelope.created_at)
    stmt = dialect_insert(p.conn, CloudStaff)
    written = p.conn.execute(stmt.on_conflict_do_update(
        index_elements=["id"],
        set_={c: stmt.excluded[c] for c in row if c not in ("id", "merchant_id",
                                                            "home_store_id")},
        where=(CloudStaff.merchant_id == p.merchant_id)
        & (CloudStaff.home_store_id == p.store_id)), row).rowcount
    if written:  # 0: the id is another store's staff member; theirs stays
        p.log.put(log.STAFF, staff.user_id, staff_document(row, p.principal.store_code))


def staff_document(row: dict, store_code: str) -> dict:
    return {"id": row["id"], "code": row["code"], "name": row["name"], "role": row["role"],
            "pin_hash": row["pin_hash"], "active": row["active"], "badges": row["badges"],
            "store": store_code}


def project_role(p: Projection, event: ValidEvent) -> None:
    role: RoleSavedV1 = event.payload
    data = {"code": role.code, "name": role.name, "discount_limit_bp": role.discount_limit_bp,
            "permissions": sorted(set(role.permissions)), "store": p.principal.store_code}
    p.upsert(CloudRole, dict(merchant_id=p.merchant_id, store_id=p.store_id, code=role.code,
                             data=data, updated_at=event.envelope.created_at),
             keys=["merchant_id", "store_id", "code"])
    # entity id: the role code; only this store's tills get it, so codes do not collide
    p.log.put(log.ROLE, role.code, data)


PROJECTORS = {"staff.saved": project_staff, "role.saved": project_role}
