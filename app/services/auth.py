"""Staff login: by user code and PIN or by staff badge; lockout; idle auto-lock.

PINs are argon2-hashed. After `max_failures` wrong PINs in a row a user is
locked for `lockout_minutes` (stored, so restarting the till does not undo
it). Idle auto-lock is a policy the UI asks about (`is_idle`); a quick user
switch is only an authentication, the UI keeps the sale on screen.
Every login, failure and lockout is written to the audit log when one is given.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import User
from app.db.models_staff import StaffBadge, StaffLoginState
from app.domain.clock import Clock, SystemClock
from app.domain.staff import PIN_HASHER
from app.services.errors import InvalidInput, NotAllowed

# Fast enough for a login at the till (~50 ms), far too slow to try all 10^6 PINs.
_hasher = PIN_HASHER
MIN_PIN_LENGTH = 4


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: str
    code: str
    name: str
    role: str


class WrongCredentials(NotAllowed):
    template = "Wrong user or PIN. Try again."


class StaffLocked(NotAllowed):
    template = ("{name} is locked after too many wrong PINs. Try again in {minutes} min, "
                "or ask a manager to unlock the account.")


def hash_pin(pin: str) -> str:
    if not pin.isdigit() or len(pin) < MIN_PIN_LENGTH:
        raise InvalidInput("A PIN has at least {n} digits.", n=MIN_PIN_LENGTH)
    return _hasher.hash(pin)


class AuthService:
    def __init__(self, sessions: sessionmaker[Session], store_id: str, audit=None,
                 clock: Clock | None = None, *, max_failures: int = 5, lockout_minutes: int = 5,
                 idle_lock_seconds: int = 300, badge_requires_pin: bool = False) -> None:
        self._sessions = sessions
        self._store_id = store_id
        self.audit = audit  # app.services.audit.AuditLog, optional so old wiring keeps working
        self._clock = clock or SystemClock()
        self.max_failures = max_failures
        self.lockout = timedelta(minutes=lockout_minutes)
        self.idle_lock = timedelta(seconds=idle_lock_seconds)
        self.badge_requires_pin = badge_requires_pin

    def active_staff(self) -> list[StaffMember]:
        with self._sessions() as s:
            rows = s.scalars(
                select(User).where(User.active.is_(True)).order_by(User.code)
            ).all()
            return [_member(u) for u in rows if u.store_id in (None, self._store_id)]

    # --- logging in ----------------------------------------------------------
    def login(self, user_code: str, pin: str, *, action: str = "login") -> StaffMember:
        """Log in by user code and PIN. `action` names the audit entry (login, login.switch)."""
        with self._sessions() as s:
            user = s.scalar(select(User).where(User.code == user_code.strip()))
            return self._authenticate(s, user, pin, user_code.strip(), action)

    def login_badge(self, badge: str, pin: str = "", *, action: str = "login") -> StaffMember:
        """Log in by scanning a staff badge; the PIN is asked only if the store wants it."""
        with self._sessions() as s:
            user = _user_for_badge(s, badge)
            check_pin = pin if self.badge_requires_pin or pin else None
            return self._authenticate(s, user, check_pin, badge.strip(), action)

    def verify(self, credential: str, pin: str, *, action: str = "login",
               note: dict | None = None) -> StaffMember:
        """A badge or a user code, with a PIN (a badge alone when the store allows it).
        `note` goes into the audit entry (e.g. the permission a supervisor approves)."""
        with self._sessions() as s:
            user = _user_for_badge(s, credential)
            if user is not None:
                check_pin = pin if self.badge_requires_pin or pin else None
                return self._authenticate(s, user, check_pin, credential.strip(), action, note)
            user = s.scalar(select(User).where(User.code == credential.strip()))
            return self._authenticate(s, user, pin, credential.strip(), action, note)

    def switch_user(self, credential: str, pin: str) -> StaffMember:
        """Quick switch: the next cashier authenticates; the sale on screen stays as it is."""
        return self.verify(credential, pin, action="login.switch")

    def identify_badge(self, badge: str) -> StaffMember | None:
        """Whose badge this is (to preselect them on the login screen); no authentication."""
        with self._sessions() as s:
            user = _user_for_badge(s, badge)
            return _member(user) if user is not None and user.active else None

    def logout(self, member: StaffMember) -> None:
        self._audit("logout", member, subject=member.code)

    # --- idle auto-lock --------------------------------------------------------
    def is_idle(self, last_activity: datetime) -> bool:
        """True when the till has been idle long enough to lock the screen."""
        return self._clock.now() - last_activity >= self.idle_lock

    def lock_remaining(self, user_code: str) -> timedelta:
        with self._sessions() as s:
            user = s.scalar(select(User).where(User.code == user_code))
            state = s.get(StaffLoginState, user.id) if user is not None else None
            return self._remaining(state)

    # --- internals ---------------------------------------------------------------
    def _authenticate(self, s: Session, user: User | None, pin: str | None, typed: str,
                      action: str, note: dict | None = None) -> StaffMember:
        if user is None or not user.active or (user.store_id not in (None, self._store_id)):
            self._audit("login.failed", None, subject=typed[:32], details={"reason": "unknown user"})
            raise WrongCredentials()
        state = s.get(StaffLoginState, user.id) or StaffLoginState(user_id=user.id, failed_count=0)
        remaining = self._remaining(state)
        if remaining:
            self._audit("login.locked", _member(user), subject=user.code)
            raise StaffLocked(name=user.name, minutes=_minutes(remaining))
        if pin is not None and not _verify(user.pin_hash, pin):
            self._record_failure(s, user, state)  # raises
        state.failed_count, state.locked_until = 0, None
        state.last_login_at = self._clock.now()
        if pin is not None and _hasher.check_needs_rehash(user.pin_hash):
            user.pin_hash = _hasher.hash(pin)
        s.add(state)
        member = _member(user)
        if self.audit is not None:
            self.audit.append(s, action, member, subject=user.code,
                              details={"by": "pin" if pin is not None else "badge", **(note or {})})
        s.commit()
        return member

    def _record_failure(self, s: Session, user: User, state: StaffLoginState) -> None:
        state.failed_count = (state.failed_count or 0) + 1
        locked = state.failed_count >= self.max_failures
        if locked:
            state.failed_count, state.locked_until = 0, self._clock.now() + self.lockout
        s.add(state)
        if self.audit is not None:
            self.audit.append(s, "login.failed", _member(user), subject=user.code,
                              details={"reason": "wrong PIN", "locked": locked})
        s.commit()
        if locked:
            raise StaffLocked(name=user.name, minutes=_minutes(self.lockout))
        raise WrongCredentials()

    def _remaining(self, state: StaffLoginState | None) -> timedelta:
        if state is None or state.locked_until is None:
            return timedelta(0)
        return max(timedelta(0), state.locked_until - self._clock.now())

    def _audit(self, action: str, member: StaffMember | None, **kwargs) -> None:
        if self.audit is not None:
            self.audit.record(action, member, **kwargs)


def _user_for_badge(s: Session, badge: str) -> User | None:
    row = s.scalar(select(StaffBadge).where(StaffBadge.badge_code == badge.strip()))
    return s.get(User, row.user_id) if row is not None else None


def _minutes(span: timedelta) -> int:
    return max(1, -(-int(span.total_seconds()) // 60))  # round up: "0 min" would be a lie


def _verify(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def _member(user: User) -> StaffMember:
    return StaffMember(user.id, user.code, user.name, user.role)
