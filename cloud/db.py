"""Engines for the cloud database: embedded SQLite by default, PostgreSQL in production.

On SQLite every writing transaction starts with BEGIN IMMEDIATE: a deferred
transaction that reads and then writes fails at once with "database is locked"
when another writer got there first (SQLite cannot wait in that case), while an
immediate one waits for the busy timeout. Reads use a second engine with plain
deferred transactions so they never hold the write lock.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import platformdirs
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

APP_NAME = "mon-cloud"
DATABASE_URL_ENV = "MON_CLOUD_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_database_url() -> str:
    """MON_CLOUD_DATABASE_URL, else cloud.sqlite3 in the user data folder."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'cloud.sqlite3'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _make_sqlite_engine(url: str, immediate: bool) -> Engine:
    path = url[len("sqlite:///"):]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None hands transaction control to the listeners below.
    engine = create_engine(url, connect_args={"check_same_thread": False,
                                              "isolation_level": None,
                                              "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


class Database:
    """A writer and a reader engine (the same one on PostgreSQL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite"):
            self.writer = _make_sqlite_engine(url, immediate=True)
            self.reader = _make_sqlite_engine(url, immediate=False)
        else:
            self.writer = create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
            self.reader = self.writer

    @property
    def dialect(self) -> str:
        return self.writer.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.writer.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.begin() as conn:
            yield conn

    def dispose(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()
