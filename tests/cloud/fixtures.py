"""Fixtures shared by tests/cloud and tests/sync (each conftest imports them)."""
from __future__ import annotations

import pytest

from tests.cloud.harness import CloudDatabase, CloudServer, Tenant, make_tenant


@pytest.fixture(scope="session")
def cloud_db(tmp_path_factory) -> CloudDatabase:
    db = CloudDatabase(tmp_path_factory.mktemp("cloud"))
    yield db
    db.drop()


@pytest.fixture(scope="session")
def cloud_server(cloud_db, tmp_path_factory) -> CloudServer:
    server = CloudServer(cloud_db.url, tmp_path_factory.mktemp("cloud-log") / "server.log")
    yield server
    server.close()


@pytest.fixture
def tenant(cloud_db, cloud_server) -> Tenant:
    return make_tenant(cloud_db.database, cloud_server.base_url)
