"""Device and admin tokens, one-time enrolment codes: only their sha256 is stored.

A token is 32 random bytes, so a plain sha256 (no salt, no slow hash) is enough:
nobody can guess a preimage, and a fast hash keeps per-request auth cheap.
"""
from __future__ import annotations

import hashlib
import secrets

TERMINAL_TOKEN_PREFIX = "mt_"
ADMIN_TOKEN_PREFIX = "ma_"
# Crockford-like alphabet without 0/O/1/I/L, so a code read aloud or typed is unambiguous.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # ~59 bits: safe for a code that lives hours and works once


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token(prefix: str) -> tuple[str, str]:
    """(token to hand out once, hash to store)."""
    token = prefix + secrets.token_urlsafe(32)
    return token, hash_secret(token)


def new_enrolment_code() -> tuple[str, str]:
    """(code like 'ABCD-EFGH-JKMN', hash of its normalised form)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    code = "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))
    return code, hash_secret(normalise_code(code))


def normalise_code(code: str) -> str:
    """Accept the code with or without dashes, spaces or lower case."""
    return "".join(ch for ch in code.upper() if ch.isalnum())
