"""Find, register and edit members at the till.

A member is found by full phone, by the last 4 digits (a pick list), by card number or
by the dynamic member code their phone shows: "88" + card number + a 6-digit
time-based code (TOTP, RFC 6238, via pyotp) from a per-member secret, so the till
verifies it offline and a screenshot stops working within minutes.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass
from datetime import date, datetime

import pyotp
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import Member, MemberLevel, Salesperson
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.services.context import TerminalContext
from app.services.auth import StaffMember
from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.services.members.levels import entry_level
from app.services.members.program import ProgramSettings, load_program
from app.services.members.salespeople import bind_in_session
from app.services.permissions import ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise
from app.sync.outbox import add_event

PHONE_RE = re.compile(r"1[3-9]\d{9}")
CARD_RE = re.compile(r"\d{10}")
CODE_PREFIX = "88"
DYNAMIC_CODE_RE = re.compile(CODE_PREFIX + r"(\d{10})(\d{6})")
PICK_LIST_LIMIT = 30
MAX_TAGS_LENGTH = 200
MEMBER_EDIT = "member.edit"  # audit action


@dataclass(frozen=True, slots=True)
class MemberSummary:
    id: str
    name: str
    phone: str
    card_no: str
    level_code: str
    level_name: str
    price_tier: str
    salesperson_id: str | None

    @property
    def masked_phone(self) -> str:
        return f"{self.phone[:3]}****{self.phone[-4:]}"


@dataclass(frozen=True, slots=True)
class Registration:
    phone: str
    name: str
    birthday: date | None
    consent: bool
    salesperson_id: str | None = None  # recruiter, also bound as exclusive salesperson


@dataclass(frozen=True, slots=True)
class MemberEdit:
    name: str | None = None
    phone: str | None = None
    birthday: date | None = None
    tags: str | None = None
    level_code: str | None = None


def normalize_phone(text: str) -> str:
    phone = re.sub(r"[\s-]", "", text or "").removeprefix("+86")
    if not PHONE_RE.fullmatch(phone):
        raise InvalidInput("{phone} is not a mobile number: type the 11 digits starting with 1, "
                           "e.g. 13812345678.", phone=text)
    return phone


def dynamic_code(secret: str, card_no: str, at: datetime, settings: ProgramSettings) -> str:
    """The code the member's phone shows at ``at`` (what a member app would compute)."""
    return CODE_PREFIX + card_no + pyotp.TOTP(secret, interval=settings.code_interval_s).at(at)


class MemberService:
    """``rules`` None: a till built without staff rules (tests), edits are not checked."""

    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext, clock: Clock,
                 rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._ctx = context
        self._clock = clock
        self.rules = rules

    # --- lookup -----------------------------------------------------------
    def lookup(self, text: str) -> list[MemberSummary]:
        """What the cashier typed or scanned: dynamic code, phone, card or last 4 digits."""
        raw = re.sub(r"\s", "", text or "")
        if DYNAMIC_CODE_RE.fullmatch(raw):
            return [self.find_by_code(raw)]
        if len(raw) == 11:
            return [self.find_by_phone(raw)]
        if CARD_RE.fullmatch(raw):
            return [self.find_by_card(raw)]
        if re.fullmatch(r"\d{4}", raw):
            found = self.find_by_last4(raw)
            if not found:
                raise NotFound("No member's phone number ends in {digits}. Ask for the full "
                               "number or register the customer.", digits=raw)
            return found
        raise InvalidInput("Type a full phone number, its last 4 digits or a card number, or "
                           "scan the member code.")

    def find_by_phone(self, phone_text: str) -> MemberSummary:
        phone = normalize_phone(phone_text)
        with self._sessions() as s:
            member = s.scalar(select(Member).where(Member.phone == phone, Member.active.is_(True)))
            if member is None:
                raise NotFound("No member has the phone number {phone}. Register the customer "
                               "as a new member.", phone=phone)
            return summary(s, member)

    def find_by_last4(self, digits: str) -> list[MemberSummary]:
        if not re.fullmatch(r"\d{4}", digits or ""):
            raise InvalidInput("Type exactly the last 4 digits of the phone number.")
        with self._sessions() as s:
            rows = s.scalars(select(Member).where(Member.phone_last4 == digits,
                                                  Member.active.is_(True))
                             .order_by(Member.name, Member.phone).limit(PICK_LIST_LIMIT)).all()
            return [summary(s, m) for m in rows]

    def find_by_card(self, card_no: str) -> MemberSummary:
        with self._sessions() as s:
            member = s.scalar(select(Member).where(Member.card_no == card_no.strip(),
                                                   Member.active.is_(True)))
            if member is None:
                raise NotFound("No member has the card number {card}. Check the card or look "
                               "the member up by phone.", card=card_no)
            return summary(s, member)

    def find_by_code(self, scanned: str) -> MemberSummary:
        match = DYNAMIC_CODE_RE.fullmatch(scanned.strip())
        if not match:
            raise InvalidInput("That is not a member code. Ask the member to show the code again.")
        card_no, otp = match.groups()
        with self._sessions() as s:
            member = s.scalar(select(Member).where(Member.card_no == card_no,
                                                   Member.active.is_(True)))
            settings = load_program(s, self._ctx.store_id)
            totp = pyotp.TOTP(member.code_secret if member else pyotp.random_base32(),
                              interval=settings.code_interval_s)
            if member is None or not totp.verify(otp, for_time=self._clock.now(),
                                                 valid_window=settings.code_valid_steps):
                raise NotAllowed("The member code has expired. Ask the member to refresh the code "
                                 "on their phone and scan it again.")
            return summary(s, member)

    def current_code(self, member_id: str) -> str:
        with self._sessions() as s:
            member = _get(s, member_id)
            return dynamic_code(member.code_secret, member.card_no, self._clock.now(),
                                load_program(s, self._ctx.store_id))

    # --- registration and edits -------------------------------------------
    def register(self, reg: Registration) -> MemberSummary:
        phone = normalize_phone(reg.phone)
        name = (reg.name or "").strip()
        if not name or len(name) > 40:
            raise InvalidInput("Type the member's name (at most 40 characters).")
        if not reg.consent:
            raise InvalidInput("The customer must agree to the member terms before registering.")
        now = self._clock.now()
        _check_birthday(reg.birthday, now)
        with self._sessions.begin() as s:
            if s.scalar(select(Member.id).where(Member.phone == phone)):
                raise InvalidInput("{phone} is already a member. Look the member up instead.",
                                   phone=phone)
            if reg.salesperson_id and s.get(Salesperson, reg.salesperson_id) is None:
                raise NotFound("That salesperson is not set up on this till. Choose another.")
            member = Member(
                id=new_id(), store_id=self._ctx.store_id, phone=phone, phone_last4=phone[-4:],
                card_no=_new_card_no(s), name=name, birthday=reg.birthday,
                level_id=entry_level(s).id, code_secret=pyotp.random_base32(), tags="",
                consent_at=now, recruited_by_id=reg.salesperson_id, created_at=now, updated_at=now)
            s.add(member)
            s.flush()
            add_event(s, "member.created", member.id, _member_payload(s, member), now)
            if reg.salesperson_id:
                bind_in_session(s, self._ctx.store_id, member, reg.salesperson_id, "registration",
                                None, now, allowed=False)
            return summary(s, member)

    def edit(self, member_id: str, changes: MemberEdit, actor: StaffMember | None = None,
             approver: ManagerApproval | None = None) -> MemberSummary:
        """Needs EDIT_MEMBERS (or a supervisor's approval); audited with what changed."""
        approval = authorise(self.rules, actor, Permission.EDIT_MEMBERS, approver)
        now = self._clock.now()
        with self._sessions.begin() as s:
            member = _get(s, member_id)
            _apply_edit(s, member, changes, now)
            member.updated_at = now
            audit_action(self.rules, s, MEMBER_EDIT, approval, subject=member.card_no,
                         details={k: str(v) for k, v in asdict(changes).items() if v is not None})
            add_event(s, "member.changed", member.id, _member_payload(s, member), now)
            return summary(s, member)


def _apply_edit(s: Session, member: Member, changes: MemberEdit, now: datetime) -> None:
    if changes.name is not None:
        if not changes.name.strip() or len(changes.name.strip()) > 40:
            raise InvalidInput("Type the member's name (at most 40 characters).")
        member.name = changes.name.strip()
    if changes.phone is not None:
        phone = normalize_phone(changes.phone)
        if phone != member.phone and s.scalar(select(Member.id).where(Member.phone == phone)):
            raise InvalidInput("{phone} already belongs to another member.", phone=phone)
        member.phone, member.phone_last4 = phone, phone[-4:]
    if changes.birthday is not None:
        _check_birthday(changes.birthday, now)
        member.birthday = changes.birthday
    if changes.tags is not None:
        member.tags = ",".join(t.strip() for t in changes.tags.split(",") if t.strip())[:MAX_TAGS_LENGTH]
    if changes.level_code is not None:
        level = s.scalar(select(MemberLevel).where(MemberLevel.code == changes.level_code))
        if level is None:
            raise NotFound("There is no member level {code}.", code=changes.level_code)
        member.level_id = level.id


def _check_birthday(birthday: date | None, now: datetime) -> None:
    if birthday is not None and not (date(1900, 1, 1) <= birthday <= now.date()):
        raise InvalidInput("The birthday must be a date in the past, e.g. 1990-05-20.")


def _new_card_no(s: Session) -> str:
    for _ in range(20):  # 9 * 10^9 numbers: a clash is rare, twenty in a row impossible
        card = str(secrets.randbelow(9 * 10**9) + 10**9)
        if s.scalar(select(Member.id).where(Member.card_no == card)) is None:
            return card
    raise RuntimeError("could not find a free card number")


def _get(s: Session, member_id: str) -> Member:
    member = s.get(Member, member_id)
    if member is None:
        raise NotFound("That member no longer exists on this till. Look the member up again.")
    return member


def summary(s: Session, member: Member) -> MemberSummary:
    level = s.get(MemberLevel, member.level_id)
    return MemberSummary(member.id, member.name, member.phone, member.card_no, level.code,
                         level.name, level.price_tier, member.salesperson_id)


def _member_payload(s: Session, member: Member) -> dict:
    level = s.get(MemberLevel, member.level_id)
    return {"member_id": member.id, "store_id": member.store_id, "phone": member.phone,
            "card_no": member.card_no, "name": member.name,
            "birthday": member.birthday.isoformat() if member.birthday else None,
            "level": level.code, "tags": member.tags, "consent_at": member.consent_at.isoformat(),
            "recruited_by_id": member.recruited_by_id,
            # the member app needs the secret to show the dynamic code
            "code_secret": member.code_secret}
