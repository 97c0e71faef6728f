"""The cloud schema comes from its own migrations, and `mon-cloud` administers it."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cloud import cli, migrate
from cloud.models import Base


def test_cloud_models_and_migrations_do_not_drift(cloud_db):
    with cloud_db.database.writer.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "version_table": migrate.VERSION_TABLE})
        assert compare_metadata(ctx, Base.metadata) == []


def test_migrate_is_idempotent(cloud_db):
    assert migrate.current_revision(cloud_db.database) == migrate.head_revision()
    migrate.upgrade(cloud_db.database)
    assert migrate.current_revision(cloud_db.database) == migrate.head_revision()


def test_the_cli_sets_up_a_store_on_a_fresh_sqlite_file(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'fresh' / 'cloud.sqlite3'}"

    def run(*args):
        code = cli.main(["--database-url", url, *args])
        out, err = capsys.readouterr()
        return code, out.strip(), err.strip()

    assert run("migrate")[0] == 0
    assert run("create-merchant", "好又多")[0] == 0
    assert run("create-store", "好又多", "HYD001", "一号店")[0] == 0
    code, enrol_code, _ = run("enrol-code", "HYD001", "T01", "--ttl-hours", "2")
    assert code == 0 and len(enrol_code) == 14 and enrol_code.count("-") == 2
    code, token, _ = run("create-admin", "好又多", "总部")
    assert code == 0 and token.startswith("ma_")
    assert run("revoke-terminal", "HYD001", "T01")[0] == 0
    assert run("prune-changes", "--days", "30") == (0, "0", "")
    code, _, err = run("create-store", "好又多", "HYD001", "重复")
    assert code == 2 and "taken" in err
    code, _, err = run("enrol-code", "NOPE", "T01")
    assert code == 2 and "no store" in err


def test_the_environment_names_the_database(monkeypatch, tmp_path):
    from cloud.db import default_database_url
    monkeypatch.setenv("MON_CLOUD_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert default_database_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("MON_CLOUD_DATABASE_URL")
    assert default_database_url().startswith("sqlite:///") and "mon-cloud" in default_database_url()
