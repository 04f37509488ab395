"""The exceptions of Lienthong, all under :class:`LienthongError`.

Messages name rules, tables, elements and positions, never values from a file (patient data).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from ._lienthong import Issue

__all__ = [
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


class LienthongError(Exception):
    """Base class of every Lienthong exception."""


class FileError(LienthongError, OSError):
    """A file could not be read or written (also an :class:`OSError`)."""


class MissingFileError(FileError, FileNotFoundError):
    """The file does not exist (also a :class:`FileNotFoundError`)."""


class ParseError(LienthongError, ValueError):
    """The file is not a well-formed claim document; reading stopped at the first problem.

    ``code`` is a stable id (``parse.syntax``, ``parse.base64``...); ``line`` and ``column`` are
    in the outer file; ``hoso`` (1-based) and ``table`` say where, when inside a ``HOSO``.
    """

    code: str
    line: int
    column: int
    hoso: Optional[int]
    table: Optional[str]
    message_vi: str
    message_en: str

    def __init__(
        self,
        message: str,
        *,
        code: str = "parse.syntax",
        line: int = 0,
        column: int = 0,
        hoso: Optional[int] = None,
        table: Optional[str] = None,
        message_vi: str = "",
        message_en: str = "",
    ) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.hoso = hoso
        self.table = table
        self.message_vi = message_vi
        self.message_en = message_en or message


class ValidationError(LienthongError, ValueError):
    """A record did not pass its rules; ``issues`` holds every finding (errors and warnings)."""

    issues: list[Issue]

    def __init__(self, message: str, *, issues: Optional[list[Issue]] = None) -> None:
        super().__init__(message)
        self.issues = list(issues or [])

    @property
    def errors(self) -> list[Issue]:
        """The findings of severity ``error``."""
        return [i for i in self.issues if i.severity == "error"]


class UnknownFieldError(LienthongError, ValueError):
    """A builder was given a field name its table does not have."""


class ConfigError(LienthongError, ValueError):
    """A rule pack name or a rules file (severity overrides) could not be used."""


class WriteError(LienthongError, ValueError):
    """A record holds something that cannot be written as XML 1.0."""


class SignatureError(LienthongError):
    """Signing failed, or a file's signature is missing or malformed."""

    message_vi: str

    def __init__(self, message: str, *, message_vi: str = "") -> None:
        super().__init__(message)
        self.message_vi = message_vi


class KeyFileError(SignatureError):
    """The key file could not be used (wrong password, no private key, wrong certificate...)."""


class GatewayError(LienthongError):
    """The BHXH gateway refused or could not be reached (reserved for the gateway client)."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details
