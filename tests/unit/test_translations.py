"""Every interface sentence has its Chinese translation, with the same placeholders."""
import importlib.util
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "mon_pos_zh_CN.ts"
PLACEHOLDER = re.compile(r"%[1-9n]|\{[A-Za-z_][A-Za-z0-9_]*\}")


def _messages():
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        yield source, translation, forms


def test_every_message_is_translated_with_the_same_placeholders():
    problems = []
    for source, translation, forms in _messages():
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"not translated: {source!r}")
        for form in forms:
            if not form.strip():
                problems.append(f"empty translation: {source!r}")
            elif Counter(PLACEHOLDER.findall(form)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {source!r} -> {form!r}")
    assert problems == []


def test_service_error_sentences_are_collected_for_translation():
    """A new error sentence in app/ must reach ui/service_strings.py (run `make ts`)."""
    spec = importlib.util.spec_from_file_location("update_ts", ROOT / "resources/translations/update_ts.py")
    update_ts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_ts)
    assert (ROOT / "ui" / "service_strings.py").read_text(encoding="utf-8") == update_ts.render()
