"""Staff login by user code and PIN (argon2-hashed)."""
from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import User
from app.services.errors import InvalidInput, NotAllowed

# Fast enough for a login at the till (~50 ms), far too slow to try all 10^6 PINs.
_hasher = PasswordHasher(time_cost=2, memory_cost=32 * 1024, parallelism=1)
MIN_PIN_LENGTH = 4


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: str
    code: str
    name: str
    role: str


def hash_pin(pin: str) -> str:
    if not pin.isdigit() or len(pin) < MIN_PIN_LENGTH:
        raise InvalidInput("A PIN has at least {n} digits.", n=MIN_PIN_LENGTH)
    return _hasher.hash(pin)


class AuthService:
    def __init__(self, sessions: sessionmaker[Session], store_id: str) -> None:
        self._sessions = sessions
        self._store_id = store_id

    def active_staff(self) -> list[StaffMember]:
        with self._sessions() as s:
            rows = s.scalars(
                select(User).where(User.active.is_(True)).order_by(User.code)
            ).all()
            return [_member(u) for u in rows if u.store_id in (None, self._store_id)]

    def login(self, user_code: str, pin: str) -> StaffMember:
        with self._sessions() as s:
            user = s.scalar(select(User).where(User.code == user_code.strip()))
            if user is None or not user.active or not _verify(user.pin_hash, pin):
                raise NotAllowed("Wrong user or PIN. Try again.")
            if _hasher.check_needs_rehash(user.pin_hash):
                user.pin_hash = _hasher.hash(pin)
                s.commit()
            return _member(user)


def _verify(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def _member(user: User) -> StaffMember:
    return StaffMember(user.id, user.code, user.name, user.role)
