"""Text for product search: per-character name tokens, pinyin and initials,
and turning what a cashier types into an FTS5 query."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_ASCII_RUN = re.compile(r"[0-9a-z]+")
MAX_QUERY_TERMS = 6


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalnum()


def name_tokens(name: str) -> str:
    """'可口可乐 330ml罐装' -> '可 口 可 乐 330ml 罐 装' (one token per Chinese character)."""
    tokens: list[str] = []
    run: list[str] = []
    for ch in unicodedata.normalize("NFKC", name).lower():
        if ch.isascii() and ch.isalnum():
            run.append(ch)
            continue
        if run:
            tokens.append("".join(run))
            run = []
        if _is_cjk(ch):
            tokens.append(ch)
    if run:
        tokens.append("".join(run))
    return " ".join(tokens)


def pinyin_forms(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, ASCII kept: '可口可乐' -> ('kekoukele', 'kkkl')."""
    forms = [_word_forms(w) for w in re.split(r"\s+", name.strip()) if w]
    return "".join(f for f, _ in forms), "".join(i for _, i in forms)


@lru_cache(maxsize=200_000)
def _word_forms(word: str) -> tuple[str, str]:
    # Catalog names reuse the same words (brands, kinds, sizes): converting each
    # word once makes loading a million products minutes faster.
    # imported here: its dictionaries take a second to load, and a till that
    # only searches never needs them (the index is built when products load)
    text = unicodedata.normalize("NFKC", word).lower()
    if text.isascii():  # '330ml', '#000123': already their own pinyin; pypinyin is slow on them
        return _compact(text), _compact(text)
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(text, errors="default"))
    initials = "".join(
        part if part.isascii() else ""
        for part in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    )
    return _compact(full), _compact(initials)


def initials_tokens(name: str) -> str:
    """Initials and full pinyin of the whole name and of each later word, for prefix search."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    forms: list[str] = []
    whole = pinyin_forms(name)
    forms.extend(f for f in (whole[1], whole[0]) if f)
    for word in words[1:]:
        full, initials = _word_forms(word)
        forms.extend(f for f in (initials, full) if f)
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return " ".join(seen)


def _compact(text: str) -> str:
    return "".join(_ASCII_RUN.findall(text))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for what was typed, or None if nothing searchable.

    ASCII terms match code, initials or name words by prefix; Chinese terms
    match consecutive characters of the name. All terms must match.
    """
    terms = [t for t in re.split(r"\s+", unicodedata.normalize("NFKC", text).lower()) if t]
    clauses: list[str] = []
    for term in terms[:MAX_QUERY_TERMS]:
        tokens = name_tokens(term).split()
        if not tokens:
            continue
        if len(tokens) == 1 and tokens[0].isascii():
            tok = tokens[0]
            clauses.append(f"({{codes initials name_tokens}} : {tok}*)")
        else:
            phrase = " ".join(tokens)
            clauses.append(f'(name_tokens : "{phrase}")')
    if not clauses:
        return None
    return " AND ".join(clauses)
