"""Enrol this till with the cloud once, with a one-time code, and keep the device token."""
from __future__ import annotations

from datetime import datetime

import requests
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from app.sync.client import DEFAULT_TIMEOUT, SyncError
from app.sync.models import SyncCredential


def enrol(sessions: sessionmaker[Session], base_url: str, code: str, now: datetime,
          http: requests.Session | None = None) -> SyncCredential:
    """Spend the code; the token the cloud returns once is stored in the terminal database.

    Not retried automatically: the code works only once, so a lost reply means
    asking head office for a new code rather than guessing.
    """
    http = http or requests.Session()
    try:
        response = http.post(base_url.rstrip("/") + "/api/v1/enrol", json={"code": code},
                             timeout=DEFAULT_TIMEOUT)
    except requests.RequestException as exc:
        raise SyncError(f"cloud unreachable: {exc}") from exc
    if response.status_code != 200:
        raise SyncError("the enrolment code was refused: it is wrong, used or expired. "
                        "Ask head office for a new one.")
    answer = response.json()
    credential = SyncCredential(id=1, base_url=base_url, store_code=answer["store"],
                                terminal_code=answer["terminal"], token=answer["token"],
                                enrolled_at=now)
    with sessions.begin() as session:
        session.execute(delete(SyncCredential))
        session.add(credential)
    return credential


def load_credential(sessions: sessionmaker[Session]) -> SyncCredential | None:
    with sessions() as session:
        return session.scalar(select(SyncCredential).where(SyncCredential.id == 1))
