from __future__ import annotations

import errno
from pathlib import Path

import pytest

import lienthong


def test_hierarchy() -> None:
    for cls in (
        lienthong.FileError, lienthong.ParseError, lienthong.ValidationError,
        lienthong.SignatureError, lienthong.KeyFileError, lienthong.GatewayError,
        lienthong.ConfigError, lienthong.UnknownFieldError, lienthong.WriteError,
    ):
        assert issubclass(cls, lienthong.LienthongError)
    assert issubclass(lienthong.FileError, OSError)
    assert issubclass(lienthong.MissingFileError, FileNotFoundError)
    assert issubclass(lienthong.KeyFileError, lienthong.SignatureError)


@pytest.mark.parametrize("call", [lienthong.validate, lienthong.read, lienthong.verify])
def test_missing_file(tmp_path: Path, call: object) -> None:
    missing = tmp_path / "nope.xml"
    with pytest.raises(FileNotFoundError) as info:
        call(missing)  # type: ignore[operator]
    assert isinstance(info.value, lienthong.FileError)
    assert isinstance(info.value, lienthong.LienthongError)
    assert info.value.errno == errno.ENOENT
    assert info.value.filename == str(missing)


def test_directory_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(lienthong.FileError):
        lienthong.validate(tmp_path)


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        lienthong.validate(42)  # type: ignore[arg-type]


def test_parse_error_on_read() -> None:
    with pytest.raises(lienthong.ParseError) as info:
        lienthong.read(b"<NOT_AN_ENVELOPE/>")
    e = info.value
    assert e.code.startswith("parse.")
    assert e.line >= 1 and e.message_vi and e.message_en


def test_parse_error_mid_stream() -> None:
    data = lienthong.gen(hoso=3, seed=1)
    cut = data[: int(len(data) * 0.8)]
    got = []
    with pytest.raises(lienthong.ParseError) as info:
        for h in lienthong.read(cut):
            got.append(h)
    assert 1 <= len(got) < 3
    assert info.value.code == "parse.unexpected_eof"


def test_missing_rules_file(sample: Path, tmp_path: Path) -> None:
    with pytest.raises(lienthong.MissingFileError):
        lienthong.validate(sample, rules=tmp_path / "rules.toml")


def test_bad_rules_file(sample: Path, tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text('[severity]\n"no.such.rule" = "off"\n', encoding="utf-8")
    with pytest.raises(lienthong.ConfigError):
        lienthong.validate(sample, rules=bad)
