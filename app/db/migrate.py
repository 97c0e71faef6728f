"""Bring a terminal database to the newest schema, backing the file up first."""
from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from app.resources import migrations_path

log = logging.getLogger(__name__)


class MigrationError(RuntimeError):
    """The database could not be brought up to date; the backup is named."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig


def alembic_config(engine: Engine | None = None) -> "AlembicConfig":
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(migrations_path()))
    cfg.attributes["configure_logging"] = False
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    """The newest revision; several heads (parallel branches) read as one sorted, joined name."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return "+".join(sorted(heads))


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return "+".join(sorted(heads)) if heads else None


def upgrade(engine: Engine, db_path: Path | None = None, keep_backups: int = 10) -> MigrationResult:
    """Migrate to head. An existing, older SQLite file is copied aside first."""
    current = _stored_revision(engine)
    if current is not None and current == _declared_heads():
        return MigrationResult(current, current, None)  # the usual start: nothing to do
    unknown = set((current or "").split("+")) - _declared_revisions()[0] - {""}
    if unknown:
        raise MigrationError(f"this database was written by a newer MON POS (schema "
                             f"{', '.join(sorted(unknown))}); install that version or newer")
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    backup = None
    if current is not None and db_path is not None and db_path.exists():
        backup = _backup(db_path, current, keep_backups)
    from alembic import command

    cfg = alembic_config(engine)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    except Exception as exc:
        where = f"; the backup is {backup}" if backup else ""
        raise MigrationError(f"database upgrade from {current} to {head} failed: {exc}{where}") from exc
    log.info("database migrated from %s to %s", current, head)
    return MigrationResult(current, head, backup)


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=\s*(.+)$", re.MULTILINE)


def _declared_revisions() -> tuple[set[str], set[str]]:
    """(all revisions, heads) read straight from the version files, without importing
    Alembic (which costs half a second of every start)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_path() / "versions").glob("*.py"):
        for key, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            names = set(re.findall(r"['\"]([^'\"]+)['\"]", value))
            (revisions if key == "revision" else parents).update(names)
    return revisions, revisions - parents


def _declared_heads() -> str:
    return "+".join(sorted(_declared_revisions()[1]))


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first() if engine.dialect.name == "sqlite" else None
        if not exists:
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    return "+".join(sorted(rows)) if rows else None


def _backup(db_path: Path, revision: str, keep: int) -> Path:
    """Consistent copy through SQLite's backup API (safe with WAL), then prune old ones."""
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{revision}-{stamp}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    backups = sorted(folder.glob(f"{db_path.stem}-*.sqlite3"))
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)
    log.info("database backed up to %s before migrating", target)
    return target
