"""Staff and roles travel to the other tills of their store through the cloud (issue 7):
a cashier created at till 1 signs in at till 2; a role change reaches till 2; a till's
own newer edit is not lost to an older cloud copy; another store never gets them."""
from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.db.models import User
from app.db.models_staff import StaffBadge
from app.services.audit import AuditLog
from app.services.auth import AuthService
from app.services.context import load_context
from app.services.errors import ServiceError
from app.services.permissions import (
    Permission, PermissionService, RoleSpec, StaffAdmin, seed_default_roles,
)
from tests.cloud import till_events as te
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.sync.tills import make_till


class StaffTill:
    """A till with its staff services, on its own database."""

    def __init__(self, till, engine, sessions, clock) -> None:
        self.till, self.sessions = till, sessions
        with engine.begin() as conn:
            seed_default_roles(conn, clock.now())
        ctx = load_context(sessions, till.tenant.store, till.tenant.terminal)
        self.audit = AuditLog(sessions, clock, ctx.store_id, ctx.terminal_id)
        self.auth = AuthService(sessions, ctx.store_id, self.audit, clock)
        self.perms = PermissionService(sessions, self.auth, self.audit, clock)
        self.admin = StaffAdmin(sessions, self.perms, self.audit, clock, ctx.store_id)

    def manager(self):
        return self.auth.login("9001", "9999")

    def push(self) -> None:
        result = self.till.client.push_once()
        assert result.rejected == 0

    def pull(self) -> None:
        self.till.client.pull_once()

    def user(self, code: str) -> User | None:
        with self.sessions() as s:
            user = s.scalar(select(User).where(User.code == code))
            if user is not None:
                s.expunge(user)
            return user


def _till_on_new_db(tmp_path, name, clock, tenant):
    path = tmp_path / f"{name}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    sessions = make_session_factory(engine)
    return engine, sessions, make_till(engine, sessions, clock, tenant)


@pytest.fixture
def till_1(till, engine, sessions, clock):
    return StaffTill(till, engine, sessions, clock)


@pytest.fixture
def till_2(cloud_db, cloud_server, till_1, tmp_path, clock):
    first = till_1.till.tenant
    tenant = make_tenant(cloud_db.database, cloud_server.base_url, store=first.store,
                         terminal="T02", merchant=first.merchant)
    engine, sessions, till = _till_on_new_db(tmp_path, "till-2", clock, tenant)
    yield StaffTill(till, engine, sessions, clock)
    till.client.close()
    engine.dispose()


@pytest.fixture
def other_store(cloud_db, cloud_server, till_1, tmp_path, clock):
    tenant = make_tenant(cloud_db.database, cloud_server.base_url,
                         merchant=till_1.till.tenant.merchant)
    engine, sessions, till = _till_on_new_db(tmp_path, "store-2", clock, tenant)
    yield StaffTill(till, engine, sessions, clock)
    till.client.close()
    engine.dispose()


def test_a_cashier_created_at_till_1_signs_in_at_till_2(till_1, till_2):
    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "cashier", pin="2468")
    till_1.admin.add_badge(till_1.manager(), "1002", "BADGE-1002")
    with pytest.raises(ServiceError):
        till_2.auth.login("1002", "2468")  # not there before the sync
    till_1.push()
    till_2.pull()

    member = till_2.auth.login("1002", "2468")
    assert (member.code, member.name, member.role) == ("1002", "王新", "cashier")
    assert till_2.auth.login_badge("BADGE-1002", "2468").code == "1002"
    with pytest.raises(ServiceError):
        till_2.auth.login("1002", "1111")  # the PIN is checked, not just the code
    assert till_2.user("1002").id == till_1.user("1002").id

    # a second pull of the same changes changes nothing
    till_2.pull()
    with till_2.sessions() as s:
        assert s.scalar(select(User.id).where(User.code == "1002")) == till_1.user("1002").id
        assert s.scalars(select(StaffBadge.badge_code)).all().count("BADGE-1002") == 1


def test_a_role_change_and_a_deactivation_reach_the_other_till(till_1, till_2):
    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "cashier", pin="2468")
    till_1.push()
    till_2.pull()
    assert Permission.REFUND not in till_2.perms.permissions_of("cashier")

    cashier = till_1.perms.role("cashier")
    till_1.perms.save_role(till_1.manager(), RoleSpec(
        "cashier", cashier.name, 500, cashier.permissions | {Permission.REFUND}))
    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "supervisor")  # PIN kept
    till_1.push()
    till_2.pull()

    assert Permission.REFUND in till_2.perms.permissions_of("cashier")
    assert till_2.perms.role("cashier").discount_limit_bp == 500
    assert till_2.auth.login("1002", "2468").role == "supervisor"

    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "supervisor", active=False)
    till_1.push()
    till_2.pull()
    with pytest.raises(ServiceError):
        till_2.auth.login("1002", "2468")


def test_a_newer_local_edit_is_not_lost_to_an_older_cloud_copy(till_1, till_2):
    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "cashier", pin="2468")
    till_1.push()
    till_2.pull()
    till_1.admin.save_staff(till_1.manager(), "1002", "王新一", "cashier")
    till_1.push()
    # till 2 edits the same cashier before it hears of till 1's edit, and has not sent it
    till_2.admin.save_staff(till_2.manager(), "1002", "王新二", "cashier", pin="1357")
    till_2.pull()
    assert till_2.user("1002").name == "王新二"
    assert till_2.auth.login("1002", "1357").name == "王新二"

    # once sent, till 2's edit is the newest everywhere
    till_2.push()
    till_1.pull()
    till_2.pull()
    assert till_1.user("1002").name == till_2.user("1002").name == "王新二"
    assert till_1.auth.login("1002", "1357").code == "1002"


def test_another_store_gets_no_staff_and_cannot_change_them(till_1, other_store, cloud_db):
    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "cashier", pin="2468")
    till_1.push()
    other_store.pull()
    assert other_store.user("1002") is None

    tenant = other_store.till.tenant
    answer = requests.get(f"{tenant.base_url}/api/v1/changes", params={"since": 0},
                          headers=tenant.headers(), timeout=HTTP_TIMEOUT).json()
    assert not [c for c in answer["changes"] if c["entity"] in ("staff", "role")]
    snapshot = requests.get(f"{tenant.base_url}/api/v1/snapshot", headers=tenant.headers(),
                            timeout=HTTP_TIMEOUT).json()
    assert not [c for c in snapshot["changes"] if c["entity"] in ("staff", "role")]

    # the other store's till sends an account with the same id: store 1's stays as it was
    user = till_1.user("1002")
    forged = te.event(tenant, 1, "staff.saved", {
        "user_id": user.id, "code": "1002", "name": "冒充", "role": "manager",
        "pin_hash": user.pin_hash, "active": True, "badges": []})
    pushed = requests.post(f"{tenant.base_url}/api/v1/events", headers=tenant.headers(),
                           json={"events": [forged]}, timeout=HTTP_TIMEOUT).json()
    assert pushed["accepted"] == 1
    till_1.pull()
    assert (till_1.user("1002").name, till_1.user("1002").role) == ("王新", "cashier")


def test_a_till_reloading_from_a_snapshot_gets_its_store_staff(till_1, till_2):
    till_1.admin.save_staff(till_1.manager(), "1002", "王新", "cashier", pin="2468")
    till_1.push()
    tenant = till_2.till.tenant
    snapshot = requests.get(f"{tenant.base_url}/api/v1/snapshot", headers=tenant.headers(),
                            params={"limit": 5000}, timeout=HTTP_TIMEOUT).json()
    staff = [c["data"] for c in snapshot["changes"] if c["entity"] == "staff"]
    assert [(d["code"], d["store"]) for d in staff] == [("1002", tenant.store)]
    assert staff[0]["pin_hash"].startswith("$argon2")
