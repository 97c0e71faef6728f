"""Head office manages staff and roles through the cloud's admin API (issue 7): a
cashier HQ creates signs in at their store's till; a role HQ changes reaches the till;
another merchant's admin neither sees nor changes them; no PIN hash is ever listed."""
from __future__ import annotations

import pytest
import requests

from app.services.errors import ServiceError
from app.services.permissions import Permission
from cloud.staff_api import PERMISSIONS
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.sync.test_staff_sync import StaffTill


@pytest.fixture
def till_1(till, engine, sessions, clock):
    return StaffTill(till, engine, sessions, clock)


def _put(tenant, path, body, admin_token=None):
    headers = {"Authorization": f"Bearer {admin_token or tenant.admin_token}"}
    return requests.put(f"{tenant.base_url}/api/v1/admin/{path}", json=body, headers=headers,
                        timeout=HTTP_TIMEOUT)


def _list(tenant, admin_token=None):
    headers = {"Authorization": f"Bearer {admin_token or tenant.admin_token}"}
    return requests.get(f"{tenant.base_url}/api/v1/admin/staff", params={"store": tenant.store},
                        headers=headers, timeout=HTTP_TIMEOUT)


def test_a_cashier_created_by_head_office_signs_in_at_the_till(till_1):
    tenant = till_1.till.tenant
    answer = _put(tenant, "staff/2001", {"store": tenant.store, "name": "李总部",
                                         "role": "cashier", "pin": "8642",
                                         "badges": ["BADGE-2001"]})
    assert answer.status_code == 200, answer.text
    with pytest.raises(ServiceError):
        till_1.auth.login("2001", "8642")
    till_1.pull()
    member = till_1.auth.login("2001", "8642")
    assert (member.name, member.role) == ("李总部", "cashier")
    with pytest.raises(ServiceError):
        till_1.auth.login("2001", "1111")

    # a later edit without a PIN keeps the PIN; a deactivation locks them out
    assert _put(tenant, "staff/2001", {"store": tenant.store, "name": "李总部",
                                       "role": "supervisor"}).status_code == 200
    till_1.pull()
    assert till_1.auth.login("2001", "8642").role == "supervisor"
    assert _put(tenant, "staff/2001", {"store": tenant.store, "name": "李总部",
                                       "role": "supervisor", "active": False}).ok
    till_1.pull()
    with pytest.raises(ServiceError):
        till_1.auth.login("2001", "8642")


def test_a_new_staff_member_needs_a_pin_and_a_known_store(till_1):
    tenant = till_1.till.tenant
    assert _put(tenant, "staff/2002", {"store": tenant.store, "name": "无密码",
                                       "role": "cashier"}).status_code == 422
    assert _put(tenant, "staff/2002", {"store": "NOPE", "name": "无店", "role": "cashier",
                                       "pin": "1234"}).status_code == 404


def test_a_role_change_from_head_office_reaches_the_till(till_1):
    tenant = till_1.till.tenant
    assert Permission.REFUND not in till_1.perms.permissions_of("cashier")
    answer = _put(tenant, "roles/cashier", {"name": "收银员", "discount_limit_bp": 800,
                                            "permissions": ["refund", "void_line"]})
    assert answer.status_code == 200, answer.text
    till_1.pull()
    assert till_1.perms.permissions_of("cashier") >= {Permission.REFUND, Permission.VOID_LINE}
    assert till_1.perms.role("cashier").discount_limit_bp == 800

    refused = _put(tenant, "roles/cashier", {"name": "收银员", "permissions": ["fly"]})
    assert refused.status_code == 422


def test_the_listing_never_shows_pin_hashes(till_1):
    tenant = till_1.till.tenant
    _put(tenant, "staff/2003", {"store": tenant.store, "name": "张", "role": "cashier",
                                "pin": "5555"}).raise_for_status()
    listed = _list(tenant)
    assert listed.status_code == 200
    assert [s["code"] for s in listed.json()["staff"]] == ["2003"]
    assert "argon2" not in listed.text and "pin" not in listed.text


def test_another_merchants_admin_can_neither_see_nor_change_them(till_1, cloud_db,
                                                                 cloud_server):
    tenant = till_1.till.tenant
    _put(tenant, "staff/2004", {"store": tenant.store, "name": "赵", "role": "cashier",
                                "pin": "2468"}).raise_for_status()
    stranger = make_tenant(cloud_db.database, cloud_server.base_url).admin_token
    assert _list(tenant, stranger).status_code == 404
    assert _put(tenant, "staff/2004", {"store": tenant.store, "name": "冒充",
                                       "role": "manager", "pin": "0000"},
                stranger).status_code == 404
    _put(tenant, "roles/cashier", {"name": "他人", "permissions": ["refund"]},
         stranger).raise_for_status()  # their own stores only
    till_1.pull()
    assert till_1.auth.login("2004", "2468").name == "赵"
    assert Permission.REFUND not in till_1.perms.permissions_of("cashier")


def test_the_cloud_knows_the_tills_permission_names():
    assert PERMISSIONS == {p.value for p in Permission}
