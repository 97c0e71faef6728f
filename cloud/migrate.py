"""Bring the cloud database to the newest schema with its own Alembic scripts."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from cloud.db import Database

SCRIPTS = Path(__file__).resolve().parent / "alembic"
VERSION_TABLE = "cloud_alembic_version"


def alembic_config(url: str | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if url is not None:
        # ConfigParser treats % as interpolation; URLs carry %-escapes (e.g. options=-c...%3D).
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    with database.writer.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return ctx.get_current_revision()


def upgrade(database: Database) -> str:
    """Migrate to head in one transaction; returns the head revision."""
    cfg = alembic_config(database.url)
    with database.write() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return head_revision()
