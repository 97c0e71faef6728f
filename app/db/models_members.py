"""Terminal tables of the members area, on the shared Base (imported at the end of app.db.models)."""
from __future__ import annotations

from app.db.models import Base  # noqa: F401
