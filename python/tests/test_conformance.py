"""The conformance cases, read from Python: the references pass, and one changed field fails
exactly its case."""

from __future__ import annotations

import base64
import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "conformance" / "cases"


def _runner() -> ModuleType:
    path = ROOT / "examples" / "python" / "conformance_runner.py"
    spec = importlib.util.spec_from_file_location("conformance_runner", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["conformance_runner"] = mod
    spec.loader.exec_module(mod)
    return mod


KEYS = ROOT / "conformance" / "tests" / "keys"


def _vendor_dir(tmp: Path) -> Path:
    """What a conforming vendor produces: each reference, signed where the case asks for it."""
    import json

    import lienthong

    for case in CASES.iterdir():
        if not (case / "expected.xml").is_file():
            continue
        out = tmp / f"{case.name}.xml"
        meta = json.loads((case / "case.json").read_text(encoding="utf-8"))
        if meta.get("signature_required"):
            signed = lienthong.sign(
                case / "expected.xml", KEYS / "vendor.key.pem", cert_path=KEYS / "vendor.crt.pem"
            )
            out.write_bytes(signed)
        else:
            shutil.copy(case / "expected.xml", out)
    return tmp


def test_the_references_pass_every_case(tmp_path: Path) -> None:
    runner = _runner()
    vendor = _vendor_dir(tmp_path)
    cases = sorted(p for p in CASES.iterdir() if (p / "case.json").is_file())
    assert len(cases) >= 40
    for case in cases:
        status, reasons = runner.run_case(case, vendor)
        assert status == "pass", (case.name, reasons)


def _change_in_xml1(data: bytes, element: str) -> bytes:
    """The envelope with one element of its first XML1 changed (inside the base64)."""
    text = data.decode("utf-8")
    m = re.search(r"<LOAIHOSO>XML1</LOAIHOSO>\s*<NOIDUNGFILE>([^<]+)</NOIDUNGFILE>", text)
    assert m is not None
    xml1 = base64.b64decode(m.group(1)).decode("utf-8")
    changed, n = re.subn(rf"<{element}>([^<]*)</{element}>", rf"<{element}>\g<1>9</{element}>", xml1, count=1)
    assert n == 1, element
    encoded = base64.b64encode(changed.encode("utf-8")).decode("ascii")
    return (text[: m.start(1)] + encoded + text[m.end(1) :]).encode("utf-8")


def test_one_changed_field_fails_exactly_its_case(tmp_path: Path) -> None:
    runner = _runner()
    vendor = _vendor_dir(tmp_path)
    target = next(
        p
        for p in sorted(CASES.iterdir())
        if (p / "expected.xml").is_file()
        and b"<GIAMDINHHS" in (p / "expected.xml").read_bytes()[:512]
        and b"<CHUKYDONVI/>" in (p / "expected.xml").read_bytes()
    )
    produced = vendor / f"{target.name}.xml"
    produced.write_bytes(_change_in_xml1(produced.read_bytes(), "MA_BN"))
    failed: list[tuple[str, list[str]]] = []
    for case in sorted(p for p in CASES.iterdir() if (p / "case.json").is_file()):
        status, reasons = runner.run_case(case, vendor)
        if status != "pass":
            failed.append((case.name, reasons))
    assert [f[0] for f in failed] == [target.name], failed
    assert any("MA_BN" in r for r in failed[0][1]), failed
