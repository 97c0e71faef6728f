"""The change log: serial versions, paging, tombstones, snapshot after pruning."""
import threading
from datetime import datetime, timedelta, timezone

import requests

from cloud import changes
from tests.cloud.harness import HTTP_TIMEOUT


def _put(tenant, sku, price_fen, **extra):
    answer = requests.put(f"{tenant.base_url}/api/v1/admin/products/{sku}",
                          headers=tenant.headers(admin=True),
                          json={"name": f"商品{sku}", "price_fen": price_fen, **extra},
                          timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()["version"]


def _changes(tenant, since, limit=1000):
    answer = requests.get(f"{tenant.base_url}/api/v1/changes", headers=tenant.headers(),
                          params={"since": since, "limit": limit}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _all_versions(tenant, limit):
    versions, since = [], 0
    for _ in range(1000):
        page = _changes(tenant, since, limit)
        versions += [c["version"] for c in page["changes"]]
        since = page["next"]
        if not page["has_more"]:
            return versions
    raise AssertionError("paging did not end")


def test_changes_page_in_version_order(tenant):
    for i in range(7):
        _put(tenant, f"P{i:03d}", 100 + i)
    first = _changes(tenant, 0, limit=3)
    assert [c["version"] for c in first["changes"]] == [1, 2, 3]
    assert first["has_more"] and first["next"] == 3 and first["head"] == 7
    assert first["changes"][0] == {"version": 1, "entity": "product", "entity_id": "P000",
                                   "op": "upsert", "data": first["changes"][0]["data"]}
    assert first["changes"][0]["data"]["price_fen"] == 100
    assert _all_versions(tenant, 3) == list(range(1, 8))
    last = _changes(tenant, 7)
    assert last["changes"] == [] and not last["has_more"] and last["next"] == 7


def test_an_update_and_a_delete_are_logged(tenant):
    _put(tenant, "P1", 100)
    _put(tenant, "P1", 120, barcodes=["6901234567892"])
    gone = requests.delete(f"{tenant.base_url}/api/v1/admin/products/P1",
                           headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert gone.json() == {"version": 3}
    log = _changes(tenant, 0)["changes"]
    assert [(c["op"], c["data"] and c["data"]["price_fen"]) for c in log] == [
        ("upsert", 100), ("upsert", 120), ("delete", None)]


def test_prices_must_be_integer_fen(tenant):
    answer = requests.put(f"{tenant.base_url}/api/v1/admin/products/P1",
                          headers=tenant.headers(admin=True),
                          json={"name": "x", "price_fen": 3.5}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 422


def test_concurrent_writers_leave_no_gap_for_a_reader(tenant):
    """Writers in parallel while a reader pages: the reader ends with every version."""
    writers, per_writer = 4, 15
    done = threading.Event()
    seen: list[int] = []

    def write(n):
        for i in range(per_writer):
            _put(tenant, f"W{n}-{i}", i)

    def read():
        since = 0
        for _ in range(10_000):
            page = _changes(tenant, since, limit=7)
            seen.extend(c["version"] for c in page["changes"])
            since = page["next"]
            if done.is_set() and not page["has_more"] and since == writers * per_writer:
                return

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    reader = threading.Thread(target=read)
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    done.set()
    reader.join(60)
    assert not reader.is_alive()
    assert seen == list(range(1, writers * per_writer + 1))


def test_bulk_upsert_of_products(tenant):
    products = [{"sku": f"B{i:05d}", "name": f"商品{i}", "price_fen": i} for i in range(1, 2501)]
    answer = requests.post(f"{tenant.base_url}/api/v1/admin/products",
                           headers=tenant.headers(admin=True), json=products,
                           timeout=HTTP_TIMEOUT)
    assert answer.json() == {"count": 2500, "version": 2500}
    assert len(_all_versions(tenant, 1000)) == 2500


def test_a_cursor_older_than_the_retention_gets_a_snapshot(cloud_db, tenant):
    for sku in ("A", "B", "C"):
        _put(tenant, sku, 100)
    requests.delete(f"{tenant.base_url}/api/v1/admin/products/B",
                    headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    with cloud_db.database.write() as conn:
        # Everything older than an hour from now: this merchant's whole log.
        changes.prune_changes(conn, datetime.now(timezone.utc) + timedelta(hours=1),
                              tenant.merchant_id)
    answer = _changes(tenant, 2)
    assert answer["snapshot"] is True and answer["version"] == 4
    assert _changes(tenant, 4)["snapshot"] is False  # an up-to-date till carries on
    pages, after = [], ""
    for _ in range(10):
        page = requests.get(f"{tenant.base_url}/api/v1/snapshot", headers=tenant.headers(),
                            params={"after": after, "limit": 2}, timeout=HTTP_TIMEOUT).json()
        pages.append(page["changes"])
        after = page["after"]
        if not page["has_more"]:
            break
    assert [[(c["entity_id"], c["op"]) for c in p] for p in pages] == [
        [("A", "upsert"), ("B", "delete")], [("C", "upsert")]]


def test_a_cursor_ahead_of_the_cloud_gets_a_snapshot(tenant):
    _put(tenant, "A", 1)
    assert _changes(tenant, 99)["snapshot"] is True
