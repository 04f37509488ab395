"""Lienthong: validate, read, build and sign Vietnamese health-insurance claim files.

The claim files are the XML tables of QĐ 130/QĐ-BYT (as amended by QĐ 4750 and QĐ 3176) in the
``GIAMDINHHS`` envelope. The work is done by the Rust SDK; parsing, validation, writing and
signing release the GIL.

>>> import lienthong
>>> report = lienthong.validate(lienthong.gen(hoso=2, seed=7))
>>> report.ok, report.hoso
(True, 2)
"""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from . import _lienthong
from ._lienthong import (
    Gateway,
    Hoso,
    Outbox,
    Issue,
    Reader,
    Record,
    Report,
    Verification,
    __version__,
    fields,
    gen,
    read,
    rules,
    sign,
    validate,
    verify,
    write,
)
from .exceptions import (
    ConfigError,
    FileError,
    GatewayError,
    KeyFileError,
    LienthongError,
    MissingFileError,
    ParseError,
    SignatureError,
    UnknownFieldError,
    ValidationError,
    WriteError,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "__version__",
    "validate",
    "read",
    "write",
    "build",
    "gen",
    "sign",
    "verify",
    "rules",
    "fields",
    "to_dataframe",
    "to_datetime",
    "Report",
    "Issue",
    "Reader",
    "Hoso",
    "Record",
    "Verification",
    "Gateway",
    "Outbox",
    "LienthongError",
    "FileError",
    "MissingFileError",
    "ParseError",
    "ValidationError",
    "UnknownFieldError",
    "ConfigError",
    "WriteError",
    "SignatureError",
    "KeyFileError",
    "GatewayError",
]

#: A value :func:`build` accepts for a field.
FieldValue = Union[str, int, _decimal.Decimal, _dt.date, _dt.datetime, None]


def _kinds(table: str) -> dict[str, str]:
    return {f["name"]: f["kind"] for f in fields(table)}


def _wire(name: str, kind: Optional[str], value: Any) -> Optional[str]:
    """The wire text of one builder value."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"{name}: a bool is not a field value (use 0/1 or the code as str)")
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _decimal.Decimal):
        if not value.is_finite():
            raise ValueError(f"{name}: not a finite number")
        text = format(value, "f")
        return text
    if isinstance(value, float):
        raise TypeError(
            f"{name}: a float cannot carry an exact amount; use decimal.Decimal or str"
        )
    if isinstance(value, _dt.datetime):
        if kind == "date":
            return value.strftime("%Y%m%d")
        return value.strftime("%Y%m%d%H%M")
    if isinstance(value, _dt.date):
        if kind in ("datetime",):
            return value.strftime("%Y%m%d") + "0000"
        return value.strftime("%Y%m%d")
    raise TypeError(f"{name}: unsupported value type {type(value).__name__}")


def build(
    table: str,
    values: Optional[Mapping[str, FieldValue]] = None,
    /,
    *,
    check: bool = True,
    **kwargs: FieldValue,
) -> Record:
    """Builds one record of ``table`` (``"XML1"``... ``"XML15"``, ``"XML0"`` for check-in).

    Field names are the element names in either case (``ma_lk`` or ``MA_LK``). Values may be
    ``str`` (the exact wire text), ``int``, ``decimal.Decimal``, ``datetime.date`` or
    ``datetime.datetime``; ``None`` leaves the field absent. With ``check`` (the default) the
    record's rules run and any error raises :class:`ValidationError` carrying every issue.
    Unknown names raise :class:`UnknownFieldError`.
    """
    kinds = _kinds(table)
    merged: dict[str, FieldValue] = dict(values or {})
    merged.update(kwargs)
    pairs: list[tuple[str, str]] = []
    for name, value in merged.items():
        text = _wire(name, kinds.get(name.lower()), value)
        if text is not None:
            pairs.append((name, text))
    return _lienthong.build(table, pairs, check=check)


def to_datetime(value: Optional[str]) -> Union[_dt.datetime, _dt.date, None]:
    """Converts a wire date (``yyyyMMdd``) to ``datetime.date`` and a wire date-time
    (``yyyyMMddHHmm``) to ``datetime.datetime``. ``None`` and ``""`` give ``None``.

    Birth dates may be ``yyyy0000``/``yyyyMM00`` when the month or day is unknown; those (and
    any text that is not a date) raise ``ValueError``: keep the string when that can happen.
    """
    if not value:
        return None
    if len(value) == 8 and value.isdigit():
        return _dt.datetime.strptime(value, "%Y%m%d").date()
    if len(value) == 12 and value.isdigit():
        return _dt.datetime.strptime(value, "%Y%m%d%H%M")
    raise ValueError("not a yyyyMMdd date or yyyyMMddHHmm date-time")


def to_dataframe(
    hosos: Iterable[Hoso], table: str = "XML2", *, wire: bool = False
) -> pandas.DataFrame:
    """One row per record of ``table`` across ``hosos`` (requires pandas).

    Columns are the table's fields in the official order (lower case). Identifiers stay
    ``str``; amounts are ``decimal.Decimal`` (``object`` columns) unless ``wire=True``, which
    keeps every value as its exact text.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "lienthong.to_dataframe needs pandas: pip install 'lienthong[pandas]'"
        ) from e
    columns = [f["name"] for f in fields(table)]
    rows: list[dict[str, Any]] = []
    for h in hosos:
        for rec in h.table(table):
            rows.append(rec.to_dict(wire=wire))
    seen = set(columns)
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                columns.append(k)
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame

