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
    if response.status_code == 429:
        wait_s = response.headers.get("Retry-After", "60")
        raise SyncError(f"Too many wrong codes were tried from this till: try again in "
                        f"{wait_s} s, and check the code with head office.")
    if response.status_code != 200:
        raise SyncError("the enrolment code was refused: it is wrong, used or expired. "
                        "Ask head office for a new one.")
    answer = _enrolment_answer(response)
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


def _enrolment_answer(response: requests.Response) -> dict[str, str]:
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or not all(
            isinstance(answer.get(key), str) and answer[key] for key in ("store", "terminal", "token")):
        raise SyncError("the cloud accepted the code but its answer could not be read; "
                        "ask head office to check the terminal and issue a new code.")
    return answer
