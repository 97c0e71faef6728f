"""Alembic environment for the cloud database (batch mode, so SQLite can alter tables)."""
from __future__ import annotations

from alembic import context

from cloud.db import Database
from cloud.models import Base

config = context.config
target_metadata = Base.metadata
# Own version table: the cloud schema may share a PostgreSQL database with others.
VERSION_TABLE = "cloud_alembic_version"


def _configure(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True, version_table=VERSION_TABLE)


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    database = Database(config.get_main_option("sqlalchemy.url"))
    try:
        with database.writer.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        database.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
