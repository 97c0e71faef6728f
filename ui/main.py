"""`mon-pos`: start the till."""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

START = time.perf_counter()

from app.config import ConfigError, describe_settings, load_config  # noqa: E402

log = logging.getLogger("mon-pos")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mon-pos", description="MON POS till and back office")
    parser.add_argument("--data-dir", type=Path, help="folder for the database, logs and backups")
    parser.add_argument("--config", type=Path, help="settings file (TOML)")
    parser.add_argument("--language", choices=("system", "zh_CN", "en"))
    parser.add_argument("--printer", dest="printer_url", help="receipt printer URL, e.g. sim://")
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo store")
    parser.add_argument("--settings", action="store_true", help="list every setting and exit")
    parser.add_argument("--migrate-only", action="store_true",
                        help="create or upgrade the database (and demo store), then exit")
    parser.add_argument("--enrol", metavar="CODE",
                        help="enrol this till with the cloud (--cloud-url or the cloud_url setting) "
                             "using a one-time code from head office, then exit")
    parser.add_argument("--cloud-url", help="cloud address for --enrol")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="print ready_s once the checkout screen is usable, then exit (benchmarks)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.settings:
        print(describe_settings())
        return 0
    overrides = {"data_dir": args.data_dir, "language": args.language, "printer_url": args.printer_url,
                 "demo_data": False if args.no_demo else None}
    try:
        config = load_config(config_file=args.config, overrides=overrides)
    except ConfigError as exc:
        print(f"mon-pos: settings error: {exc}", file=sys.stderr)
        return 2
    from app.bootstrap import build, setup_logging
    log_file = setup_logging(config)
    if args.enrol:
        return _enrol(config, args.enrol, args.cloud_url or config.cloud_url)
    if args.migrate_only:
        ctx = build(config)
        print(f"database ready at {config.database_url} (revision {ctx.migration.to_revision})")
        ctx.close()
        return 0
    return _run_gui(config, log_file, args.exit_when_ready)


def _enrol(config, code: str, cloud_url: str) -> int:
    from app.bootstrap import build
    from app.sync.client import SyncError
    from app.sync.enrolment import enrol

    if not cloud_url:
        print("mon-pos: give the cloud address with --cloud-url or the cloud_url setting", file=sys.stderr)
        return 2
    ctx = build(config)
    try:
        credential = enrol(ctx.sessions, cloud_url, code, ctx.clock.now())
    except SyncError as exc:
        print(f"mon-pos: enrolment failed: {exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    print(f"enrolled as store {credential.store_code}, terminal {credential.terminal_code}")
    if (credential.store_code, credential.terminal_code) != (config.store_code, config.terminal_code):
        print(f"mon-pos: this till is set up as {config.store_code}/{config.terminal_code}; set "
              f"store_code and terminal_code to {credential.store_code}/{credential.terminal_code} "
              "so the cloud accepts its sales", file=sys.stderr)
        return 1
    return 0


def _run_gui(config, log_file: Path, exit_when_ready: bool) -> int:
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.bootstrap import build
    from drivers.scanner.wedge import WedgeDecoder
    from ui.errors import user_message
    from ui.fonts import install_fonts
    from ui.i18n import install_translator, resolve_language
    from ui.main_window import MainWindow
    from ui.screens.login import IdleWatcher
    from ui.scanner_filter import WedgeScannerFilter
    from ui.tasks import run_in_background

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MON POS")
    install_fonts(app)
    install_translator(app, resolve_language(config.language))
    try:
        ctx = build(config)
    except Exception as exc:  # shown as a sentence, details in the log
        log.exception("start-up failed")
        why = user_message(exc) if not isinstance(exc, RuntimeError) else str(exc)
        print(f"mon-pos: could not start: {why} (details in {log_file})", file=sys.stderr)
        if not exit_when_ready:
            QMessageBox.critical(None, "MON POS", app.translate(
                "Main", "MON POS could not start: %1\n\nDetails are in %2.").replace(
                "%1", why).replace("%2", str(log_file)))
        return 1
    decoder = WedgeDecoder(config.scanner_gap_ms, config.scanner_min_length,
                           config.scanner_prefix, config.scanner_suffix)
    scanner = WedgeScannerFilter(decoder, app)
    app.installEventFilter(scanner)
    window = MainWindow(ctx, scanner)
    idle = IdleWatcher(ctx.auth, ctx.clock, parent=window)
    app.installEventFilter(idle)
    idle.idle.connect(window.lock)
    window.show()
    if ctx.sync is not None:
        ctx.sync.start()
    # load the printer library while the cashier logs in, so the first receipt is quick
    run_in_background(lambda: __import__("escpos.printer"))
    if exit_when_ready:
        def report() -> None:
            print(f"ready_s={time.perf_counter() - START:.3f}", flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)  # a receipt being printed
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
