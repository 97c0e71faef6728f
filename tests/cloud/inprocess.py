"""The cloud app served by uvicorn in a thread of the test process, on a fixed port.

Cheaper to start than a subprocess (no imports to redo), so a test can restart it
many times, and a server error's traceback lands in the test's own log. The
port stays the same across restarts, so a till pointed at it reconnects as it
would to a restarted production server. Crash-like kills use
tests.sync.fault_servers.KillableCloud (a real process and SIGKILL) instead.
"""
from __future__ import annotations

import threading
import time

import uvicorn

from cloud.app import create_app
from tests.cloud.harness import free_port

STARTUP_TIMEOUT_S = 15.0


class ThreadedCloud:
    def __init__(self, database_url: str, port: int | None = None, **app_kwargs) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._app_kwargs = app_kwargs
        self.server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.start()

    def start(self) -> None:
        """A fresh app (new engines, empty in-memory state) on the same port."""
        app = create_app(self.database_url, **self._app_kwargs)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, loop="asyncio",
                                log_level="warning", access_log=False,
                                timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, name="cloud-under-test",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"in-process cloud did not start on port {self.port}")
            time.sleep(0.01)

    def stop(self, abrupt: bool = False) -> None:
        """Stop serving; `abrupt` drops open connections instead of finishing them."""
        if self.server is None:
            return
        self.server.should_exit = True
        self.server.force_exit = abrupt
        self._thread.join(15)
        self.server = None

    def restart(self, abrupt: bool = False) -> None:
        self.stop(abrupt)
        self.start()

    @property
    def running(self) -> bool:
        return self.server is not None
