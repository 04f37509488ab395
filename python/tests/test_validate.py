from __future__ import annotations

import json
from pathlib import Path

import pytest

import lienthong
from conftest import ROOT, run_cli_json


def test_valid_file(sample: Path) -> None:
    r = lienthong.validate(sample)
    assert r.ok and bool(r)
    assert r.hoso == 5
    assert r.errors == [] and r.error_count == 0
    assert r.path == str(sample)


def test_str_path_and_bytes_agree(sample: Path) -> None:
    a = lienthong.validate(str(sample))
    b = lienthong.validate(sample.read_bytes())
    c = lienthong.validate(bytearray(sample.read_bytes()))
    d = lienthong.validate(memoryview(sample.read_bytes()))
    assert a.issues == b.issues == c.issues == d.issues
    assert b.path == "<bytes>"


def test_broken_file_issue_fields(broken: Path) -> None:
    r = lienthong.validate(broken)
    assert not r.ok
    assert r.errors, r.issues
    e = r.errors[0]
    assert e.severity == "error"
    assert e.table == "XML2"
    assert e.path.startswith("HOSO[1]/XML2[1]")
    assert e.ma_lk and isinstance(e.ma_lk, str)
    assert e.message_vi and e.message_en
    assert isinstance(e.line, int)
    assert set(e.to_dict()) >= {
        "rule", "severity", "table", "ma_lk", "stt", "field", "path", "line", "column",
        "message_vi", "message_en", "hint",
    }
    assert len(r) == len(r.issues) == len(r.errors) + len(r.warnings)


def test_to_json_shape(broken: Path) -> None:
    r = lienthong.validate(broken)
    doc = json.loads(r.to_json())
    assert doc == r.to_dict()
    assert doc["summary"] == {"files": 1, "hoso": 3, "errors": r.error_count, "warnings": r.warning_count}
    assert doc["files"][0]["issues"] == [i.to_dict() for i in r.issues]
    assert json.loads(r.to_json(indent=2)) == doc


def test_same_json_as_cli(cli: str, broken: Path, sample: Path) -> None:
    for path in (broken, sample):
        assert lienthong.validate(path).to_dict() == run_cli_json(cli, path)


def test_pack_and_rules(cli: str, broken: Path, tmp_path: Path) -> None:
    r = lienthong.validate(broken, pack="4750")
    assert r.to_dict() == run_cli_json(cli, broken, "--pack", "4750")
    rule = lienthong.validate(broken).errors[0].rule
    off = lienthong.validate(broken, rules={rule: "off"})
    assert all(i.rule != rule for i in off.issues)
    toml = tmp_path / "rules.toml"
    toml.write_text(f'[severity]\n"{rule}" = "warning"\n', encoding="utf-8")
    warn = lienthong.validate(broken, rules=toml)
    assert warn.to_dict() == run_cli_json(cli, broken, "--rules", str(toml))
    assert any(i.rule == rule and i.severity == "warning" for i in warn.issues)
    assert lienthong.validate(broken, pack=3176).to_dict() == run_cli_json(cli, broken, "--pack", "3176")


def test_bad_pack_and_rules(sample: Path) -> None:
    with pytest.raises(lienthong.ConfigError):
        lienthong.validate(sample, pack="999")
    with pytest.raises(lienthong.ConfigError):
        lienthong.validate(sample, rules={"no.such.rule": "off"})
    with pytest.raises(lienthong.ConfigError):
        lienthong.validate(sample, rules={"field.required": "loud"})


def test_structural_error_is_a_finding() -> None:
    r = lienthong.validate(b"<GIAMDINHHS><THONGTINDONVI>")
    assert not r.ok
    assert r.issues[0].rule.startswith("parse.")
    assert r.issues[0].table == "GIAMDINHHS"


def test_rule_catalogue() -> None:
    cat = lienthong.rules()
    ids = {r["id"] for r in cat}
    assert "field.required" in ids
    assert all(r["severity"] in ("error", "warning") for r in cat)


def _fixture_cases() -> list[Path]:
    root = ROOT / "fixtures" / "rules"
    return sorted(root.glob("*/input.xml")) if root.is_dir() else []


@pytest.mark.parametrize("case", _fixture_cases(), ids=lambda p: p.parent.name)
def test_rule_fixture(case: Path) -> None:
    """fixtures/rules/<rule-id>/{input.xml,expected.json}: the findings equal expected.json."""
    expected = json.loads((case.parent / "expected.json").read_text(encoding="utf-8"))
    got = lienthong.validate(case).to_dict()
    if "files" in expected:
        exp_issues = expected["files"][0]["issues"]
    elif isinstance(expected, dict) and "issues" in expected:
        exp_issues = expected["issues"]
    else:
        exp_issues = expected
    assert got["files"][0]["issues"] == exp_issues


def _envelope_fixtures() -> list[Path]:
    root = ROOT / "fixtures"
    if not root.is_dir():
        return []
    out = []
    for p in sorted(root.rglob("*.xml")):
        head = p.read_bytes()[:4096]
        if b"<GIAMDINHHS" in head or b"CHI_TIEU_TRANG_THAI_KCB" in head or b"CHI_TIEU_GIAM_DINH_YKHOA" in head:
            out.append(p)
    return out


@pytest.mark.parametrize("path", _envelope_fixtures(), ids=lambda p: str(p.relative_to(ROOT)))
def test_fixture_matches_cli(cli: str, path: Path) -> None:
    """Every claim document under fixtures/ gives the same findings as the command line."""
    got = lienthong.validate(path).to_dict()
    want = run_cli_json(cli, path)
    assert got == want


def test_jobs_give_the_same_report(broken: Path) -> None:
    one = lienthong.validate(broken).to_dict()
    assert lienthong.validate(broken, jobs=2).to_dict() == one
    assert lienthong.validate(broken, jobs=0).to_dict() == one


def test_checkin_document(cli: str, tmp_path: Path) -> None:
    """Standalone check-in documents validate like on the command line."""
    rec = lienthong.build("XML0", {"stt": 1, "ma_lk": "LK1"}, check=False)
    assert rec.table == "XML0"
    doc = tmp_path / "checkin.xml"
    doc.write_bytes(
        b"<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB><TRANG_THAI_KCB><MA_LK>LK1</MA_LK>"
        b"<STT>1</STT></TRANG_THAI_KCB></DSACH_TRANG_THAI_KCB></CHI_TIEU_TRANG_THAI_KCB>"
    )
    got = lienthong.validate(doc)
    assert not got.ok and got.hoso == 1
    assert got.to_dict() == run_cli_json(cli, doc)
