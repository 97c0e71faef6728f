"""Building blocks of event payload models: bounded strict integers, short ids, and the
check that keeps a poison event from failing its whole batch.

Money is integer fen, quantities integer thousandths: StrictInt refuses a float
or a numeric string instead of rounding it. Every integer is also bounded to what a
64-bit column holds (Int64 and its names below): a larger one would make the
database refuse the batch's transaction (SQLite overflows, PostgreSQL raises), so
it must be refused here, for that event alone. Unknown fields are ignored, so a
till that starts sending more keeps being accepted.
"""
from __future__ import annotations

import math
from typing import Annotated, Any

from datetime import datetime, timezone

from pydantic import (
    AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, StrictStr,
)

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# Any integer a BIGINT column can hold; the names say what the number is.
Int64 = Annotated[StrictInt, Field(ge=INT64_MIN, le=INT64_MAX)]
Fen = Int64  # money in fen, signed (refunds and reversals are negative)
Milli = Int64  # quantities in thousandths
Points = Int64
Count = Annotated[StrictInt, Field(ge=0, le=INT64_MAX)]
Seq = Annotated[StrictInt, Field(ge=1, le=INT64_MAX)]
Bp = Annotated[StrictInt, Field(ge=0, le=10000)]  # basis points of a whole
SmallInt = Annotated[StrictInt, Field(ge=-2**31, le=2**31 - 1)]  # INTEGER columns



def _storable_moment(value: datetime) -> datetime:
    """A time the database can hold once turned to UTC (year 1 with a positive offset
    would overflow there, failing the batch)."""
    try:
        utc = value.astimezone(timezone.utc)
    except OverflowError:
        raise ValueError("time is out of range") from None
    if not 1900 <= utc.year <= 9998:
        raise ValueError("time is out of range (years 1900 to 9998)")
    return value


Moment = Annotated[AwareDatetime, AfterValidator(_storable_moment)]
Id = Annotated[StrictStr, Field(min_length=1, max_length=36)]
Code = Annotated[StrictStr, Field(max_length=64)]
Text = Annotated[StrictStr, Field(max_length=500)]
Day = Annotated[StrictStr, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


def find_poison(raw: Any) -> str | None:
    """Where and why a received document cannot be stored, or None.

    Looks at every value, including fields no model reads (the raw event is stored
    as JSON too): a NUL character in a text or key (PostgreSQL text and jsonb refuse
    it), an integer beyond 64 bits, a NaN or infinite number (not JSON). Walks with
    an explicit stack, so a deeply nested document cannot exhaust Python's stack.
    """
    stack: list[tuple[str, Any]] = [("", raw)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return f"{where or 'event'}: text contains a NUL character"
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            if not INT64_MIN <= value <= INT64_MAX:
                return f"{where or 'event'}: integer does not fit in 64 bits"
        elif isinstance(value, float):
            if not math.isfinite(value):
                return f"{where or 'event'}: number is not finite"
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and "\x00" in key:
                    return f"{where or 'event'}: a field name contains a NUL character"
                stack.append((f"{where}.{key}" if where else str(key), item))
        elif isinstance(value, (list, tuple)):
            stack.extend((f"{where}.{i}" if where else str(i), item)
                         for i, item in enumerate(value))
    return None


def storable(raw: Any) -> Any:
    """A copy of a refused document that any database can hold, for the quarantine:
    NUL characters become U+FFFD, out-of-range or non-finite numbers become text."""
    if isinstance(raw, str):
        return raw.replace("\x00", "\ufffd")
    if isinstance(raw, bool) or raw is None:
        return raw
    if isinstance(raw, int):
        return raw if INT64_MIN <= raw <= INT64_MAX else str(raw)
    if isinstance(raw, float):
        return raw if math.isfinite(raw) else str(raw)
    if isinstance(raw, dict):
        return {storable(str(k)): storable(v) for k, v in raw.items()}
    if isinstance(raw, (list, tuple)):
        return [storable(item) for item in raw]
    return str(raw)
