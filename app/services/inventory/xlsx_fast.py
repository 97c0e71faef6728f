"""Reading the first sheet of an XLSX file as rows of values, fast.

openpyxl's read-only mode builds a cell object per cell and, when a file has no
<dimension> element (files written by openpyxl itself, many exporters), parses the
whole sheet once more just to size it: two thirds of a 100,000-row import went there.
This reader streams the sheet XML once with the C expat parser and yields the same
values openpyxl's `iter_rows(values_only=True)` gives for what an import can hold:
shared and inline strings, numbers (int when written without a point or exponent),
booleans, cached formula results and error codes. Date-formatted numbers stay numbers
(an import has no date columns). Anything it does not understand raises KeyError or
ValueError, and tabular.py falls back to openpyxl.
"""
from __future__ import annotations

import itertools
import posixpath
import zipfile
from typing import Iterator
from xml.etree import ElementTree

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_COLUMN_CACHE: dict[str, int] = {}
MAX_PAD = 256


def first_sheet(archive: zipfile.ZipFile) -> tuple[str, list[str]]:
    """(path of the first worksheet in the archive, the shared strings)."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    ns = _namespace(book.tag)
    first = book.find(f"{ns}sheets/{ns}sheet")
    if first is None:
        raise KeyError("workbook without sheets")
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r for r in rels.iter(f"{_PKG}Relationship")}
    sheet = _part(targets[first.get(_REL)].get("Target"))
    strings_rel = next((r for r in targets.values()
                        if (r.get("Type") or "").endswith("/sharedStrings")), None)
    strings = _shared_strings(archive, _part(strings_rel.get("Target"))) if strings_rel is not None else []
    archive.getinfo(sheet)  # KeyError when the part is missing
    return sheet, strings


def _part(target: str) -> str:
    """A relationship target as an archive member name."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def _namespace(tag: str) -> str:
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""


def _shared_strings(archive: zipfile.ZipFile, name: str) -> list[str]:
    out: list[str] = []
    with archive.open(name) as source:
        for _event, element in ElementTree.iterparse(source):
            if element.tag.endswith("}si"):
                out.append(_text_of(element, _namespace(element.tag)))
                element.clear()
    return out


def _text_of(element: ElementTree.Element, ns: str) -> str:
    """Plain or rich text (runs joined); phonetic hints (rPh) left out, as openpyxl does."""
    plain = element.find(f"{ns}t")
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for r in element.findall(f"{ns}r") for t in r.findall(f"{ns}t"))


def _column(ref: str) -> int:
    """'C12' -> 2 (zero-based column)."""
    letters = ref.rstrip("0123456789")
    index = _COLUMN_CACHE.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + (ord(ch) - 64)
        index -= 1
        if index < 0:
            raise ValueError(f"bad cell reference {ref!r}")
        _COLUMN_CACHE[letters] = index
    return index


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def sheet_rows(archive: zipfile.ZipFile, name: str, strings: list[str]) -> Iterator[list[object]]:
    """Rows in order from row 1; a row missing from the file comes out empty, so row
    numbers stay those the spreadsheet shows."""
    with archive.open(name) as source:
        events = ElementTree.iterparse(source)  # "end" events: each element complete
        _event, first = next(events)
        ns = _namespace(first.tag)  # every element of a sheet is in the sheet's namespace
        row_tag, cell_tag, value_tag, inline_tag = f"{ns}row", f"{ns}c", f"{ns}v", f"{ns}is"
        expected, width = 1, 0
        dimension_tag = f"{ns}dimension"
        for _event, element in itertools.chain([(_event, first)], events):
            if element.tag != row_tag:
                if element.tag == dimension_tag:  # like openpyxl, rows are as wide as the sheet
                    # (capped: some exporters claim all 16,384 columns)
                    width = min(MAX_PAD, _column(element.get("ref", "A1").rpartition(":")[2]) + 1)
                continue
            number = int(element.get("r") or expected)
            while expected < number:
                yield [None] * width
                expected += 1
            values = _row_values(element, strings, cell_tag, value_tag, inline_tag, ns)
            if len(values) < width:
                values.extend([None] * (width - len(values)))
            yield values
            expected = number + 1
            element.clear()  # its cells are read; the empty row element costs little


def _row_values(row: ElementTree.Element, strings: list[str], cell_tag: str, value_tag: str,
                inline_tag: str, ns: str) -> list[object]:
    values: list[object] = []
    for position, cell in enumerate(row):  # direct children: no walk through <v>, <is>, <t>
        if cell.tag != cell_tag:
            continue
        ref = cell.get("r")
        column = _column(ref) if ref else position
        kind = cell.get("t", "n")
        # one child is the common case (<v> or <is>); formulas add an <f> before the <v>
        child = cell[0] if len(cell) == 1 else cell.find(inline_tag if kind == "inlineStr" else value_tag)
        if child is None:
            value: object = None
        elif kind == "inlineStr":
            value = _text_of(child, ns) if child.tag == inline_tag else None
        else:
            text = child.text if child.tag == value_tag else None
            if not text:
                value = None
            elif kind == "s":
                value = strings[int(text)]
            elif kind == "n":
                value = _number(text)
            elif kind == "b":
                value = text.strip() in ("1", "true")
            else:  # str (formula result), e (error code), d (ISO date as written)
                value = text
        if column >= len(values):
            values.extend([None] * (column + 1 - len(values)))
        values[column] = value
    return values
