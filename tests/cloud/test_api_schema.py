"""Schemathesis against the cloud's own OpenAPI document: no input makes the server fail.

Every terminal and head-office operation gets generated requests (valid and
invalid) with a real token of the right kind; the only check is that the cloud
never answers 5xx. The server runs in-process (so the
enrolment guesses it makes throttle nobody else) on the session's cloud database,
seeded with a product and a
sale so the paths that read data have something to find.
"""
from __future__ import annotations

import os

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from cloud.app import create_app
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant, sale_event
from tests.cloud.inprocess import ThreadedCloud

# Channel endpoints take a channel's token, not a terminal's or head office's.
CHANNEL_PATHS = r"^/api/v1/channel/"
EXAMPLES_PER_OPERATION = int(os.environ.get("MON_TEST_SCHEMA_EXAMPLES", "12"))


@pytest.fixture(scope="module")
def schema_cloud(cloud_db):
    database = cloud_db.database  # SQLite, or PostgreSQL when MON_TEST_PG_URL is set
    server = ThreadedCloud(cloud_db.url)
    tenant = make_tenant(database, server.base_url)
    requests.put(f"{server.base_url}/api/v1/admin/products/D0001", json={
        "name": "可口可乐", "price_fen": 350, "barcodes": ["6901000000014"]},
        headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT).raise_for_status()
    requests.post(server.base_url + "/api/v1/events", json={"events": [sale_event(tenant, 1)]},
                  headers=tenant.headers(), timeout=HTTP_TIMEOUT).raise_for_status()
    yield server, tenant
    server.stop()


# The document the server serves at /openapi.json, built without a server (it is the
# same app); loaded at import so schemathesis makes one test per operation.
schema = schemathesis.openapi.from_dict(create_app("sqlite://").openapi()).exclude(
    path_regex=CHANNEL_PATHS)
# Inputs that fit the schema and inputs that break it: both must get a 2xx or 4xx.
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


def _is_admin_operation(path: str) -> bool:
    return "/admin/" in path or path.endswith("/quarantine")


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_cloud_fail(case, schema_cloud):
    server, tenant = schema_cloud
    headers = tenant.headers(admin=_is_admin_operation(case.path))
    case.call_and_validate(base_url=server.base_url, headers=headers,
                           checks=[not_a_server_error], timeout=HTTP_TIMEOUT)


def test_the_schema_covers_terminal_and_admin_operations(schema_cloud):
    """Guards the test above against silently testing nothing, and checks that the
    document tested is the one the server serves."""
    server, _ = schema_cloud
    served = requests.get(server.base_url + "/openapi.json", timeout=HTTP_TIMEOUT).json()
    assert served == create_app("sqlite://").openapi()
    paths = {op.ok().path for op in schema.get_all_operations()}
    for expected in ("/api/v1/events", "/api/v1/changes", "/api/v1/enrol",
                     "/api/v1/admin/products/{sku}", "/api/v1/stores/{store_code}/stock",
                     "/api/v1/admin/staff/{code}", "/api/v1/admin/staff",
                     "/api/v1/admin/roles/{code}"):
        assert expected in paths
    assert not any(p.startswith("/api/v1/channel/") for p in paths)
