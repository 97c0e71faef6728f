"""Enrolment, device tokens and tenant isolation, over HTTP against a real server."""
from datetime import datetime, timedelta, timezone

import requests
from sqlalchemy import select

from cloud import tenancy
from cloud.models import Sale, Terminal
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant, sale_event, unique


def _get(url, token=None, **kw):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(url, headers=headers, timeout=HTTP_TIMEOUT, **kw)


def test_an_enrolment_code_works_once_and_only_its_hash_is_kept(cloud_db, cloud_server):
    now = datetime.now(timezone.utc)
    store = unique("S")
    with cloud_db.database.write() as conn:
        merchant = unique("商户")
        tenancy.create_merchant(conn, merchant, now)
        tenancy.create_store(conn, merchant, store, "店", now)
        code = tenancy.issue_enrolment_code(conn, store, "T09", now)
    url = cloud_server.base_url + "/api/v1/enrol"
    first = requests.post(url, json={"code": code.lower().replace("-", "")}, timeout=HTTP_TIMEOUT)
    assert first.status_code == 200 and first.json()["terminal"] == "T09"
    again = requests.post(url, json={"code": code}, timeout=HTTP_TIMEOUT)
    assert again.status_code == 401
    with cloud_db.database.read() as conn:
        stored = conn.scalar(select(Terminal.token_hash).where(Terminal.code == "T09"))
    token = first.json()["token"]
    assert stored != token and len(stored) == 64 and token not in stored


def test_an_expired_code_is_refused(cloud_db, cloud_server):
    now = datetime.now(timezone.utc)
    store = unique("S")
    with cloud_db.database.write() as conn:
        merchant = unique("商户")
        tenancy.create_merchant(conn, merchant, now)
        tenancy.create_store(conn, merchant, store, "店", now)
        code = tenancy.issue_enrolment_code(conn, store, "T01", now, ttl=timedelta(seconds=-1))
    answer = requests.post(cloud_server.base_url + "/api/v1/enrol", json={"code": code},
                           timeout=HTTP_TIMEOUT)
    assert answer.status_code == 401


def test_requests_without_a_valid_token_get_401(tenant):
    url = tenant.base_url + "/api/v1/changes"
    assert _get(url).status_code == 401
    assert _get(url, "mt_not-a-token").status_code == 401
    assert _get(url, "ma_not-a-token").status_code == 401
    assert _get(url, tenant.token).status_code == 200


def test_a_revoked_terminal_gets_401(tenant):
    revoke = requests.post(
        f"{tenant.base_url}/api/v1/admin/terminals/{tenant.store}/{tenant.terminal}/revoke",
        headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert revoke.status_code == 200
    push = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                         json={"events": [sale_event(tenant, 1)]}, timeout=HTTP_TIMEOUT)
    assert push.status_code == 401 and "revoked" in push.json()["detail"]


def test_a_terminal_cannot_use_admin_endpoints(tenant):
    put = requests.put(tenant.base_url + "/api/v1/admin/products/X1", headers=tenant.headers(),
                       json={"name": "x", "price_fen": 1}, timeout=HTTP_TIMEOUT)
    assert put.status_code == 403
    assert _get(tenant.base_url + "/api/v1/quarantine", tenant.token).status_code == 403


def test_another_merchants_token_is_refused_with_403(cloud_db, cloud_server, tenant):
    other = make_tenant(cloud_db.database, cloud_server.base_url)
    push = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                         json={"events": [sale_event(tenant, 1)]}, timeout=HTTP_TIMEOUT)
    assert push.json()["accepted"] == 1
    with cloud_db.database.read() as conn:
        sale_id = conn.scalar(select(Sale.id).where(Sale.event_id == push.json()["results"][0]["id"]))
    stock_url = f"{tenant.base_url}/api/v1/stores/{tenant.store}/stock"
    sale_url = f"{tenant.base_url}/api/v1/sales/{sale_id}"
    assert _get(stock_url, tenant.token).status_code == 200
    assert _get(sale_url, tenant.token).status_code == 200
    for token in (other.token, other.admin_token):
        assert _get(stock_url, token).status_code == 403
        assert _get(sale_url, token).status_code == 403
    revoke = requests.post(
        f"{tenant.base_url}/api/v1/admin/terminals/{tenant.store}/{tenant.terminal}/revoke",
        headers=other.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert revoke.status_code == 403


def test_a_terminal_reads_its_merchants_other_stores(cloud_db, cloud_server, tenant):
    sibling = make_tenant(cloud_db.database, cloud_server.base_url, merchant=tenant.merchant)
    assert _get(f"{tenant.base_url}/api/v1/stores/{sibling.store}/stock",
                tenant.token).status_code == 200


def test_events_of_another_store_or_terminal_are_rejected(cloud_db, cloud_server, tenant):
    sibling = make_tenant(cloud_db.database, cloud_server.base_url, merchant=tenant.merchant)
    foreign_store = sale_event(sibling, 1)
    foreign_till = sale_event(tenant, 2, terminal="T99")
    own = sale_event(tenant, 3)
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": [foreign_store, foreign_till, own]},
                           timeout=HTTP_TIMEOUT).json()
    statuses = [r["status"] for r in answer["results"]]
    assert statuses == ["rejected", "rejected", "accepted"]
    assert "wrong store" in answer["results"][0]["reason"]
    assert "wrong terminal" in answer["results"][1]["reason"]
    stock = _get(f"{tenant.base_url}/api/v1/stores/{sibling.store}/stock", sibling.token).json()
    assert stock["on_hand_milli"] == {}
