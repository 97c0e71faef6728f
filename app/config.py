"""Every setting declared once: name, type, default, description.

Sources, later ones winning: defaults < TOML file < MON_* environment < command line.
The TOML file lives in the user config directory (platformdirs) unless --config
names another; keys may be grouped in tables, e.g. [printer] url = "sim://"
is the setting printer_url.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

import platformdirs

APP_NAME = "mon-pos"
ENV_PREFIX = "MON_"


class ConfigError(ValueError):
    """A setting is unknown or malformed; the message names the key."""


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    description: str
    choices: tuple[str, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", Path, None, "Folder for the database, backups, logs and simulator output "
            "(default: the user data directory)."),
    Setting("database_url", str, "", "SQLAlchemy URL of the terminal database "
            "(default: monpos.sqlite3 in the data folder)."),
    Setting("language", str, "system", "Interface language.", ("system", "zh_CN", "en")),
    Setting("store_code", str, "S001", "Code of the store this terminal belongs to."),
    Setting("terminal_code", str, "T01", "Code of this terminal within the store."),
    Setting("store_timezone", str, "Asia/Shanghai", "Time zone for receipts and business dates."),
    Setting("demo_data", bool, True, "Load the demo store into an empty database on first start."),
    Setting("printer_url", str, "sim://?width=48", "Receipt printer URL, e.g. "
            "escpos+file:///dev/usb/lp0?width=48 or sim://."),
    Setting("scanner_gap_ms", int, 50, "Keyboard-wedge scanner: longest gap between keys of one scan."),
    Setting("scanner_min_length", int, 4, "Keyboard-wedge scanner: shortest code taken as a scan."),
    Setting("scanner_prefix", str, "", "Keyboard-wedge scanner: prefix the scanner sends first."),
    Setting("scanner_suffix", str, "", "Keyboard-wedge scanner: suffix the scanner sends before Enter."),
    Setting("log_level", str, "INFO", "Log level of the rotating log file.",
            ("DEBUG", "INFO", "WARNING", "ERROR")),
    Setting("backup_keep", int, 10, "How many database backups made before migrations to keep."),
    Setting("customer_window", bool, True, "Show the customer window on a second monitor when "
            "one is connected."),
    Setting("slideshow_dir", str, "", "Folder of pictures the customer window shows between sales."),
    Setting("payment_qr", str, "", "The store's payment QR content (收款码) the customer window shows "
            "while paying; empty shows the amount only."),
    Setting("cloud_url", str, "", "Address of the cloud channel backend, e.g. https://cloud.example.com "
            "(empty: this shop runs without a cloud)."),
    Setting("sync_interval_s", int, 30, "Seconds between sync rounds while all is well."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    data_dir: Path
    database_url: str
    language: str
    store_code: str
    terminal_code: str
    store_timezone: str
    demo_data: bool
    printer_url: str
    scanner_gap_ms: int
    scanner_min_length: int
    scanner_prefix: str
    scanner_suffix: str
    log_level: str
    backup_keep: int
    customer_window: bool
    slideshow_dir: str
    payment_qr: str
    cloud_url: str
    sync_interval_s: int
    config_file: Path | None = None

    @property
    def database_path(self) -> Path | None:
        if self.database_url.startswith("sqlite:///"):
            return Path(self.database_url[len("sqlite:///"):])
        return None


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_config(
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    env = os.environ if env is None else env
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    explicit_file = config_file or _env_path(env.get(f"{ENV_PREFIX}CONFIG"))
    path = explicit_file or default_config_file()
    if path.exists():
        values.update(_read_toml(path))
    elif explicit_file is not None:
        raise ConfigError(f"config file {path} does not exist")
    values.update(_read_env(env))
    for key, raw in (overrides or {}).items():
        if raw is not None:
            values[key] = _coerce(_setting(key, "command line"), raw, "command line")
    data_dir = Path(values["data_dir"] or default_data_dir()).expanduser()
    values["data_dir"] = data_dir
    if not values["database_url"]:
        values["database_url"] = f"sqlite:///{data_dir / 'monpos.sqlite3'}"
    return Config(**values, config_file=path if path.exists() else None)


def describe_settings() -> str:
    """Human-readable list of every setting, for --help-settings and the README."""
    lines = []
    for s in SETTINGS:
        choices = f" ({'|'.join(s.choices)})" if s.choices else ""
        lines.append(f"{s.name} [{s.type.__name__}{choices}] default={s.default!r}\n    "
                     f"{s.description}  env: {ENV_PREFIX}{s.name.upper()}")
    return "\n".join(lines)


def _env_path(raw: str | None) -> Path | None:
    return Path(raw).expanduser() if raw else None


def _setting(key: str, source: str) -> Setting:
    try:
        return _BY_NAME[key]
    except KeyError:
        raise ConfigError(f"unknown setting '{key}' in {source}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    values: dict[str, Any] = {}
    for key, raw in _flatten(data):
        values[key] = _coerce(_setting(key, str(path)), raw, str(path))
    return values


def _flatten(data: Mapping[str, Any], prefix: str = ""):
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{name}_")
        else:
            yield name, value


def _read_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for var, raw in env.items():
        if not var.startswith(ENV_PREFIX) or var in (f"{ENV_PREFIX}CONFIG",):
            continue
        key = var[len(ENV_PREFIX):].lower()
        if key.startswith("test_"):  # MON_TEST_* belong to the test suite
            continue
        values[key] = _coerce(_setting(key, f"environment variable {var}"), raw, f"environment variable {var}")
    return values


def _coerce(setting: Setting, raw: Any, source: str) -> Any:
    where = f"setting '{setting.name}' in {source}"
    try:
        value = _convert(setting.type, raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: expected {setting.type.__name__}, got {raw!r}") from None
    if setting.choices and value not in setting.choices:
        raise ConfigError(f"{where}: must be one of {', '.join(setting.choices)}, got {raw!r}")
    return value


def _convert(kind: type, raw: Any) -> Any:
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ValueError(raw)
    if kind is int:
        if isinstance(raw, bool) or isinstance(raw, float):
            raise TypeError(raw)
        return int(str(raw).strip())
    if kind is Path:
        return Path(str(raw)).expanduser()
    if not isinstance(raw, (str, int)) or isinstance(raw, bool):
        raise TypeError(raw)
    return str(raw)


assert {f.name for f in fields(Config)} - {"config_file"} == set(_BY_NAME), "Config and SETTINGS disagree"
