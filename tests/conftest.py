"""Shared fixtures: a fixed clock, real migrated SQLite files, a small catalog."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A developer's own settings and data must never leak into the tests.
_ISOLATED_HOME = tempfile.mkdtemp(prefix="mon-pos-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_ISOLATED_HOME, _var.lower())
for _var in [v for v in os.environ if v.startswith("MON_") and not v.startswith("MON_TEST_")]:
    del os.environ[_var]

from app.db import migrate  # noqa: E402
from app.db.engine import make_engine, make_session_factory  # noqa: E402
from app.domain.clock import FixedClock  # noqa: E402


@pytest.fixture
def clock() -> FixedClock:
    # 16:00 in Shanghai
    return FixedClock(datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "till.sqlite3"


@pytest.fixture
def engine(db_path: Path):
    eng = make_engine(f"sqlite:///{db_path}")
    migrate.upgrade(eng, db_path)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine):
    return make_session_factory(engine)
