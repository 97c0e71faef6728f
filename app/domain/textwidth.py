"""Display width of text on a receipt or a pole display: wide (CJK) characters take two columns."""
from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def truncate(text: str, columns: int) -> str:
    """Cut text to at most `columns` columns, never splitting a wide character."""
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > columns:
            break
        out.append(ch)
        used += w
    return "".join(out)


def wrap(text: str, columns: int) -> list[str]:
    """Break text into lines of at most `columns` columns."""
    lines: list[str] = []
    current, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > columns and current:
            lines.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += w
    if current or not lines:
        lines.append("".join(current))
    return lines


def pad_right(text: str, columns: int) -> str:
    return text + " " * max(0, columns - text_width(text))


def pad_left(text: str, columns: int) -> str:
    return " " * max(0, columns - text_width(text)) + text


def two_columns(left: str, right: str, columns: int) -> str:
    """Left text and right-aligned text on one line; the left side is cut to fit."""
    room = columns - text_width(right) - 1
    left = truncate(left, max(0, room))
    return left + " " * (columns - text_width(left) - text_width(right)) + right
