"""The schema comes only from Alembic, and the models agree with it."""
import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert, text

import app.db.migrate as migrate_mod
from app.db import migrate
from app.db.engine import make_engine
from app.db.models import Base, Store
from app.resources import migrations_path


def _include(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name.startswith("product_fts"))


def test_models_and_migrations_do_not_drift(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _include})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_drift_check_notices_a_model_change(engine):
    from sqlalchemy import Column, Integer
    Base.metadata.tables["store"].append_column(Column("extra_col", Integer))
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": _include})
            assert compare_metadata(ctx, Base.metadata) != []
    finally:
        table = Base.metadata.tables["store"]
        table._columns.remove(table.c.extra_col)


def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_upgrade_is_a_no_op_at_head(engine, db_path):
    result = migrate.upgrade(engine, db_path)
    assert result.backup is None and result.from_revision == result.to_revision


NEXT_REVISION = '''
from alembic import op
import sqlalchemy as sa
revision = "9999"
down_revision = {head}
branch_labels = None
depends_on = None
def upgrade():
    with op.batch_alter_table("store") as batch:
        batch.add_column(sa.Column("region", sa.String(40), nullable=True))
def downgrade():
    with op.batch_alter_table("store") as batch:
        batch.drop_column("region")
'''


def _heads_literal() -> str:
    heads = tuple(migrate.head_revision().split("+"))
    return repr(heads if len(heads) > 1 else heads[0])


def test_an_older_database_is_backed_up_then_migrated(tmp_path, monkeypatch, clock):
    db = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, db)
    with engine.begin() as conn:
        conn.execute(insert(Store).values(id="s1", code="S001", name="老店", created_at=clock.now()))
    # a newer release of the app ships one more revision
    scripts = tmp_path / "alembic"
    shutil.copytree(migrations_path(), scripts)
    (scripts / "versions" / "9999_next.py").write_text(NEXT_REVISION.format(head=_heads_literal()))
    monkeypatch.setattr(migrate_mod, "migrations_path", lambda: scripts)
    result = migrate.upgrade(engine, db)
    assert result.to_revision == "9999" and result.backup is not None
    with sqlite3.connect(result.backup) as old:
        assert old.execute("SELECT name FROM store").fetchall() == [("老店",)]
        assert "region" not in [r[1] for r in old.execute("PRAGMA table_info(store)")]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, region FROM store")).all() == [("老店", None)]
    engine.dispose()


def test_a_failed_migration_names_the_backup(tmp_path, monkeypatch):
    db = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, db)
    scripts = tmp_path / "alembic"
    shutil.copytree(migrations_path(), scripts)
    broken = NEXT_REVISION.format(head=_heads_literal()).replace('"store"', '"no_such_table"')
    (scripts / "versions" / "9999_next.py").write_text(broken)
    monkeypatch.setattr(migrate_mod, "migrations_path", lambda: scripts)
    with pytest.raises(migrate.MigrationError, match="backup"):
        migrate.upgrade(engine, db)
    monkeypatch.undo()
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_a_database_from_a_newer_release_is_refused_untouched(tmp_path, clock):
    db = tmp_path / "new.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, db)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('from_the_future')"))
    with pytest.raises(migrate.MigrationError, match="newer MON POS"):
        migrate.upgrade(engine, db)
    assert not (tmp_path / "backups").exists()
    engine.dispose()


def test_migrations_do_not_import_application_code():
    """A shipped migration must not change when the models do."""
    for script in (migrations_path() / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        assert "import app" not in source and "from app" not in source, script.name
