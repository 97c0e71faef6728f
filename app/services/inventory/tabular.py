"""Reading and writing tables as CSV or XLSX (openpyxl): the file formats a store
manager's spreadsheet tools produce, including Excel's GBK CSV on Chinese Windows."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Iterable, Iterator
from xml.etree import ElementTree

from app.services.errors import InvalidInput
from app.services.inventory import xlsx_fast

# Excel on Chinese Windows saves "CSV" in the ANSI code page (GBK); GB18030 reads it
# and every other Chinese file of that family.
_TEXT_ENCODINGS = ("utf-8-sig", "gb18030")


class TableFileError(InvalidInput):
    pass


def read_rows(path: Path) -> Iterator[list[object]]:
    """Rows of the first sheet (XLSX) or of a CSV/TSV file, header row first."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise TableFileError("{name} is not a CSV or XLSX file. Save it from your spreadsheet as "
                         "CSV or Excel workbook (.xlsx).", name=path.name)


def decode_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Excel's "Unicode text"
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableFileError("{name} is not readable text (neither UTF-8 nor GBK). Save it again as "
                         "'CSV UTF-8' or as an Excel workbook (.xlsx).", name=name)


def _read_csv(path: Path) -> Iterator[list[object]]:
    text = decode_text(path.read_bytes(), path.name)
    if "\x00" in text:
        raise TableFileError("{name} is not a text table. Save it again as CSV or .xlsx.", name=path.name)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    for row in csv.reader(io.StringIO(text), dialect):
        yield list(row)


def _read_xlsx(path: Path) -> Iterator[list[object]]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise TableFileError("{name} is not a readable Excel workbook. Open it in Excel and save "
                             "it again as .xlsx.", name=path.name) from exc
    try:
        sheet, strings = xlsx_fast.first_sheet(archive)
    except (KeyError, ValueError, ElementTree.ParseError):
        archive.close()  # an unusual layout: openpyxl knows more variants
        return _read_xlsx_openpyxl(path)
    return _closing(archive, xlsx_fast.sheet_rows(archive, sheet, strings))


def _closing(archive: zipfile.ZipFile, rows: Iterator[list[object]]) -> Iterator[list[object]]:
    try:
        yield from rows
    except (KeyError, ValueError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
        raise TableFileError("{name} is not a readable Excel workbook. Open it in Excel and save "
                             "it again as .xlsx.", name=Path(archive.filename or "").name) from exc
    finally:
        archive.close()


def _read_xlsx_openpyxl(path: Path) -> Iterator[list[object]]:
    from openpyxl import load_workbook  # imported here: the till never needs it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableFileError("{name} is not a readable Excel workbook. Open it in Excel and save "
                             "it again as .xlsx.", name=path.name) from exc
    try:
        if not book.worksheets:
            raise TableFileError("{name} has no worksheet to read. Open it in Excel and save it "
                                 "again as .xlsx.", name=path.name)
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def write_rows(path: Path, header: list[str], rows: Iterable[list[object]]) -> int:
    """Write a CSV (UTF-8 with BOM, so Excel shows Chinese) or an XLSX; returns the row count."""
    count = 0
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
            count += 1
        book.save(path)
        return count
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
