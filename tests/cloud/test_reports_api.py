"""Head-office reports across stores from the cloud's sale projections (JSON and CSV)."""
from __future__ import annotations

import csv
import io

import requests

from tests.cloud.harness import HTTP_TIMEOUT, make_tenant, sale_event


def _push(tenant, events):
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": events}, timeout=HTTP_TIMEOUT)
    answer.raise_for_status()
    assert all(r["status"] == "accepted" for r in answer.json()["results"])


def _get(tenant, path, **params):
    return requests.get(tenant.base_url + "/api/v1/admin/reports/" + path, params=params,
                        headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)


def test_store_ranking_and_top_products_across_stores(cloud_db, cloud_server, tenant):
    second = make_tenant(cloud_db.database, cloud_server.base_url, merchant=tenant.merchant)
    # first store: 2 sales of 2 colas (7.00 each); second store: 1 sale of 10 colas (35.00)
    _push(tenant, [sale_event(tenant, 1), sale_event(tenant, 2)])
    _push(second, [sale_event(second, 1, [("D0001", 10_000), ("S0001", 1000)])])
    answer = _get(tenant, "stores", first="2026-11-25", last="2026-11-25")
    assert answer.status_code == 200
    body = answer.json()
    assert [(r["rank"], r["store"], r["orders"], r["sales_fen"]) for r in body["rows"]] == [
        (1, second.store, 1, 3850), (2, tenant.store, 2, 1400)]
    assert (body["totals"]["orders"], body["totals"]["sales_fen"]) == (3, 5250)
    assert body["totals"]["net_sales_fen"] == 5250 and body["totals"]["average_basket_fen"] == 1750
    products = _get(tenant, "products", first="2026-11-25", last="2026-11-25").json()["rows"]
    assert [(p["sku"], p["quantity_milli"], p["sales_fen"], p["stores"]) for p in products] == [
        ("D0001", 14_000, 4900, 2), ("S0001", 1000, 350, 1)]
    text = _get(tenant, "stores", first="2026-11-25", last="2026-11-25", format="csv").text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["rank", "store", "name", "orders", "sales_fen"]
    basket = rows[0].index("average_basket_fen")
    assert rows[1][:2] == ["1", second.store] and rows[2][basket] == "700"


def test_reports_need_an_admin_token_and_a_valid_period(cloud_server, tenant):
    url = tenant.base_url + "/api/v1/admin/reports/stores"
    till = requests.get(url, params={"first": "2026-11-25", "last": "2026-11-25"},
                        headers=tenant.headers(), timeout=HTTP_TIMEOUT)
    assert till.status_code == 403
    backwards = _get(tenant, "stores", first="2026-11-25", last="2026-11-01")
    assert backwards.status_code == 422
    other_period = _get(tenant, "stores", first="2025-01-01", last="2025-01-31").json()
    assert other_period["rows"] == []
    assert (other_period["totals"]["orders"], other_period["totals"]["sales_fen"]) == (0, 0)
    assert other_period["totals"]["average_basket_fen"] is None  # no orders, no basket
