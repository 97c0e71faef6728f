"""`mon-cloud`: run and administer the cloud channel backend.

    mon-cloud serve [--host 127.0.0.1] [--port 8700] [--workers 1] [--forwarded-allow-ips IPS]
    mon-cloud migrate
    mon-cloud create-merchant NAME
    mon-cloud create-store MERCHANT CODE NAME
    mon-cloud enrol-code STORE_CODE TERMINAL_CODE [--ttl-hours 24]
    mon-cloud revoke-terminal STORE_CODE TERMINAL_CODE
    mon-cloud create-admin MERCHANT NAME
    mon-cloud create-channel MERCHANT CHANNEL   (online_mall, mini_program, group_buy, social_shop)
    mon-cloud prune-changes [--days 30]

The database is --database-url, else MON_CLOUD_DATABASE_URL, else an embedded
SQLite file in the user data folder, so `mon-cloud serve` works on a fresh machine.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import timedelta
from typing import Callable, Sequence

from app.domain.clock import SystemClock
from cloud import changes, channel_codes, migrate, tenancy
from cloud.db import DATABASE_URL_ENV, Database, default_database_url

DEFAULT_PORT = 8700


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mon-cloud", description="MON cloud channel backend")
    parser.add_argument("--database-url", default=None,
                        help=f"SQLAlchemy URL (default: ${DATABASE_URL_ENV} or embedded SQLite)")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="migrate, then serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--no-access-log", action="store_true")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="reverse proxies whose X-Forwarded-For is trusted, so that "
                            "throttling of wrong codes and tokens sees the client's address")
    sub.add_parser("migrate", help="bring the database schema up to date")
    sub.add_parser("create-merchant").add_argument("name")
    store = sub.add_parser("create-store")
    for name in ("merchant", "code", "name"):
        store.add_argument(name)
    code = sub.add_parser("enrol-code", help="print a one-time enrolment code for a terminal")
    code.add_argument("store_code")
    code.add_argument("terminal_code")
    code.add_argument("--ttl-hours", type=float, default=24.0)
    revoke = sub.add_parser("revoke-terminal")
    revoke.add_argument("store_code")
    revoke.add_argument("terminal_code")
    admin = sub.add_parser("create-admin", help="print an admin token for a merchant")
    admin.add_argument("merchant")
    admin.add_argument("name")
    chan = sub.add_parser("create-channel", help="print an API token for a sales channel")
    chan.add_argument("merchant")
    chan.add_argument("channel")
    prune = sub.add_parser("prune-changes", help="drop change-log entries older than --days")
    prune.add_argument("--days", type=float, default=changes.DEFAULT_RETENTION.days)
    return parser


def _serve(url: str, args: argparse.Namespace) -> int:
    import uvicorn  # only the server needs it

    database = Database(url)
    try:
        migrate.upgrade(database)
    finally:
        database.dispose()
    # Workers are separate processes: they read the URL from the environment.
    os.environ[DATABASE_URL_ENV] = url
    uvicorn.run("cloud.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, access_log=not args.no_access_log, log_level="info",
                proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips)
    return 0


def _admin_command(args: argparse.Namespace) -> Callable:
    now = SystemClock().now()
    commands: dict[str, Callable] = {
        "create-merchant": lambda c: tenancy.create_merchant(c, args.name, now),
        "create-store": lambda c: tenancy.create_store(c, args.merchant, args.code, args.name, now),
        "enrol-code": lambda c: tenancy.issue_enrolment_code(
            c, args.store_code, args.terminal_code, now, timedelta(hours=args.ttl_hours)),
        "revoke-terminal": lambda c: tenancy.revoke_terminal(c, args.store_code,
                                                             args.terminal_code, now),
        "create-admin": lambda c: tenancy.create_admin(c, args.merchant, args.name, now),
        "create-channel": lambda c: channel_codes.create_channel(c, args.merchant, args.channel,
                                                                 now),
        "prune-changes": lambda c: changes.prune_changes(c, now - timedelta(days=args.days)),
    }
    return commands[args.command]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = args.database_url or default_database_url()
    if args.command == "serve":
        return _serve(url, args)
    database = Database(url)
    try:
        migrate.upgrade(database)  # every command works on a fresh machine
        if args.command == "migrate":
            print(f"cloud database at revision {migrate.head_revision()}")
            return 0
        with database.write() as conn:
            result = _admin_command(args)(conn)
    except tenancy.TenancyError as exc:
        print(f"mon-cloud: {exc}", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    if result is not None:
        print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
