"""All member and salesperson services of a till, built once (AppContext.members)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock
from app.services.context import TerminalContext
from app.services.members.commission import CommissionService
from app.services.members.coupons import CouponService
from app.services.members.members import MemberService
from app.services.members.performance import PerformanceService
from app.services.members.profile import ProfileService
from app.services.members.salespeople import SalespersonService
from app.services.members.stored_value import StoredValueService
from app.services.members.tenders import MemberTenders

if TYPE_CHECKING:
    from app.services.staff_rules import StaffRules


@dataclass(frozen=True)
class MemberServices:
    members: MemberService
    profiles: ProfileService
    salespeople: SalespersonService
    stored_value: StoredValueService
    coupons: CouponService
    tenders: MemberTenders
    commission: CommissionService
    performance: PerformanceService

    @classmethod
    def build(cls, sessions: sessionmaker[Session], terminal: TerminalContext, clock: Clock,
              is_online: Callable[[], bool] = lambda: True,
              rules: "StaffRules | None" = None) -> "MemberServices":
        """``is_online`` says whether the cloud is reachable now; a shop without a cloud is
        its own master and passes the default (always online: no offline caps). ``rules``
        checks member edits (EDIT_MEMBERS); None for a till without staff rules."""
        return cls(
            members=MemberService(sessions, terminal, clock, rules),
            profiles=ProfileService(sessions, clock),
            salespeople=SalespersonService(sessions, terminal, clock),
            stored_value=StoredValueService(sessions, terminal, clock),
            coupons=CouponService(sessions, clock),
            tenders=MemberTenders(sessions, terminal, clock, is_online),
            commission=CommissionService(sessions, clock),
            performance=PerformanceService(sessions, terminal.tz),
        )
