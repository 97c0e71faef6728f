"""Wires the database, services and devices from the settings."""
from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Config
from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.domain.clock import Clock, SystemClock
from app.services.audit import AuditLog
from app.services.auth import AuthService
from app.services.members.wiring import MemberServices
from app.services.permissions import PermissionService, StaffAdmin
from app.services.shifts import ShiftService
from app.services.staff_rules import StaffRules
from app.services.catalog import CatalogService
from app.services.channel_wiring import ChannelServices
from app.services.checkout import CheckoutService
from app.services.checkout_guard import CheckoutGuard
from app.services.context import TerminalContext, load_context
from app.services.demo import database_is_empty, load_demo
from app.services.receipts import ReceiptService
from app.sync.client import SyncClient
from app.sync.enrolment import load_credential
from app.sync.worker import SyncWorker
from app.services.devices import DeviceService, DeviceSettingsService, DrawerService

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    terminal: TerminalContext
    auth: AuthService
    catalog: CatalogService
    checkout: CheckoutService
    receipts: ReceiptService
    migration: migrate.MigrationResult
    audit: AuditLog
    perms: PermissionService
    shifts: ShiftService
    staff_admin: StaffAdmin
    members: MemberServices
    devices: DeviceService
    drawer: DrawerService
    rules: StaffRules | None = None  # permission checks + audit for back-office and device services
    sync: SyncWorker | None = None  # None until this till has enrolled with a cloud
    channel: ChannelServices | None = None  # channel orders, group-buy pickup, other stores

    def close(self) -> None:
        try:
            if self.sync is not None:
                self.sync.stop()
            self.devices.close()  # stops the print sender and the scanners, closes every device
        finally:
            self.engine.dispose()


def setup_logging(config: Config) -> Path:
    folder = config.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mon-pos.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(config.log_level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path


def build(config: Config, clock: Clock | None = None) -> AppContext:
    clock = clock or SystemClock()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(config.database_url)
    result = migrate.upgrade(engine, config.database_path, config.backup_keep)
    if config.demo_data and database_is_empty(engine):
        load_demo(engine, clock)
    sessions = make_session_factory(engine)
    terminal = load_context(sessions, config.store_code, config.terminal_code)
    catalog = CatalogService(engine, terminal.store_id, clock)
    audit = AuditLog(sessions, clock, terminal.store_id, terminal.terminal_id)
    auth = AuthService(sessions, terminal.store_id, audit, clock)
    perms = PermissionService(sessions, auth, audit, clock)
    rules = StaffRules(perms, audit)
    devices = DeviceService(sessions, clock, config.data_dir,
                            DeviceSettingsService(sessions, clock, {"printer": config.printer_url}, rules))
    devices.start()
    sync = make_sync_worker(sessions, clock, config.sync_interval_s)
    shifts = ShiftService(sessions, terminal, perms, audit, clock)
    members = MemberServices.build(sessions, terminal, clock, _cloud_reachable(sync), rules)
    ctx = AppContext(
        config=config, engine=engine, sessions=sessions, clock=clock, terminal=terminal,
        auth=auth, catalog=catalog,
        checkout=CheckoutService(sessions, catalog, terminal, clock,
                                 guard=CheckoutGuard(perms, audit, shifts), members=members),
        receipts=ReceiptService(sessions, terminal, devices.current_printer, devices.queue),
        migration=result, devices=devices,
        drawer=DrawerService(sessions, clock, lambda: devices.drawer, rules),
        audit=audit, perms=perms, shifts=shifts, rules=rules,
        staff_admin=StaffAdmin(sessions, perms, audit, clock, terminal.store_id),
        members=members,
        sync=sync,
        channel=ChannelServices.build(sessions, terminal, clock, catalog, devices),
    )
    ctx.receipts.guard = ctx.checkout.guard
    return ctx


def _cloud_reachable(sync: SyncWorker | None):
    """Offline caps on points and stored value apply only to a till that has a cloud."""
    if sync is None:
        return lambda: True
    return lambda: sync.status().online


def make_sync_worker(sessions: sessionmaker[Session], clock: Clock, interval_s: int) -> SyncWorker | None:
    """The sync worker of an enrolled till (not started: the UI starts it)."""
    credential = load_credential(sessions)
    if credential is None:
        return None
    client = SyncClient(sessions, credential.base_url, credential.token, credential.store_code,
                        credential.terminal_code, clock)
    return SyncWorker(client, sessions, clock, interval_s=interval_s)
