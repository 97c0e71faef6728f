from pathlib import Path

import pytest

from app.config import ConfigError, describe_settings, load_config


def test_defaults_put_database_in_data_dir(tmp_path):
    cfg = load_config(env={}, overrides={"data_dir": tmp_path}, config_file=None)
    assert cfg.database_path == tmp_path / "monpos.sqlite3"
    assert cfg.printer_url.startswith("sim://")


def test_toml_then_env_then_command_line(tmp_path):
    toml = tmp_path / "config.toml"
    toml.write_text('language = "en"\nterminal_code = "T07"\n[printer]\nurl = "escpos+file:///dev/usb/lp0"\n'
                    "[scanner]\ngap_ms = 40\n", encoding="utf-8")
    cfg = load_config(config_file=toml, env={"MON_TERMINAL_CODE": "T09", "MON_DEMO_DATA": "no"},
                      overrides={"data_dir": tmp_path / "d", "language": "zh_CN"})
    assert cfg.printer_url == "escpos+file:///dev/usb/lp0"
    assert cfg.scanner_gap_ms == 40
    assert cfg.terminal_code == "T09"
    assert cfg.demo_data is False
    assert cfg.language == "zh_CN"
    assert cfg.config_file == toml


def test_unknown_key_is_named(tmp_path):
    toml = tmp_path / "c.toml"
    toml.write_text("printer_ur = 'sim://'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'printer_ur'"):
        load_config(config_file=toml, env={})


def test_malformed_values_name_the_key(tmp_path):
    with pytest.raises(ConfigError, match="scanner_gap_ms.*MON_SCANNER_GAP_MS"):
        load_config(env={"MON_SCANNER_GAP_MS": "fast"}, overrides={"data_dir": tmp_path})
    with pytest.raises(ConfigError, match="language.*must be one of"):
        load_config(env={"MON_LANGUAGE": "fr"}, overrides={"data_dir": tmp_path})
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_config(env={"MON_COLOUR": "red"}, overrides={"data_dir": tmp_path})


def test_broken_toml_and_missing_file_are_clear(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("language = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(config_file=bad, env={})
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(config_file=tmp_path / "missing.toml", env={})


def test_every_setting_is_described():
    text = describe_settings()
    assert "printer_url" in text and "MON_PRINTER_URL" in text
