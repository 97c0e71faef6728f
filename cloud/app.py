"""The cloud channel backend as an ASGI app: `create_app(database_url)`."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from app.domain.clock import Clock, SystemClock
from cloud import migrate
from cloud.api import router
from cloud.channel_api import router as channel_router
from cloud.reports_api import router as reports_router
from cloud.staff_api import router as staff_router
from cloud.transfers_api import router as transfers_router
from cloud.transfer_requests import router as transfer_requests_router
from cloud.db import Database, default_database_url
from cloud.throttle import FailureLimiter, ThrottleMiddleware

log = logging.getLogger(__name__)
RETRY_AFTER_S = "1"


def create_app(database_url: str | None = None, *, clock: Clock | None = None,
               run_migrations: bool = False, enrol_limiter: FailureLimiter | None = None,
               admin_limiter: FailureLimiter | None = None) -> FastAPI:
    """The API; the limiters throttle wrong enrolment codes and admin tokens (see
    cloud.throttle), per process, 5 failures a minute unless given."""
    database = Database(database_url or default_database_url())
    if run_migrations:
        migrate.upgrade(database)
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        database.dispose()

    app = FastAPI(title="MON cloud channel backend", version="1", lifespan=lifespan)
    app.state.database = database
    app.state.clock = clock or SystemClock()
    app.include_router(router)
    app.include_router(channel_router)
    app.include_router(reports_router)
    app.include_router(transfers_router)
    app.include_router(transfer_requests_router)
    app.include_router(staff_router)  # HQ staff, roles
    app.add_exception_handler(OperationalError, _try_again)
    app.add_exception_handler(IntegrityError, _try_again)
    app.add_exception_handler(DataError, _unstorable)
    app.add_middleware(ThrottleMiddleware, enrol=enrol_limiter or FailureLimiter(),
                       admin=admin_limiter or FailureLimiter())

    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers: the URL comes from MON_CLOUD_DATABASE_URL."""
    return create_app()


async def _try_again(request: Request, exc: Exception) -> JSONResponse:
    """A lock timeout, deadlock or a race on a unique key: nothing was committed, so the
    client's retry is safe and will get a definite answer."""
    log.warning("transient database error on %s: %s", request.url.path, exc)
    return JSONResponse({"detail": "busy, try again"}, status_code=503,
                        headers={"Retry-After": RETRY_AFTER_S})


async def _unstorable(request: Request, exc: Exception) -> JSONResponse:
    """The database refused a value the request carried (PostgreSQL: a NUL character in
    text, a number out of range). Nothing was committed; retrying the same data will not
    help, so this is the caller's 422, not a server error."""
    log.info("refused data on %s: %s", request.url.path, str(exc).splitlines()[0][:200])
    return JSONResponse({"detail": "a value cannot be stored: text must not contain NUL "
                                   "characters and numbers must fit in 64 bits"},
                        status_code=422)
