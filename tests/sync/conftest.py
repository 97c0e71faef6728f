from tests.cloud.fixtures import cloud_db, cloud_server, tenant  # noqa: F401
from tests.sync.tills import till  # noqa: F401
