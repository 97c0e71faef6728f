from tests.cloud.fixtures import cloud_db, cloud_server  # noqa: F401
from tests.ui.conftest import scanner  # noqa: F401,E402
