"""Run the Lienthong conformance suite on a vendor's files, from Python.

The suite's cases (``conformance/cases/<ID>/``: ``case.json``, ``input.json``,
``expected.xml``) are language-neutral. The vendor's system turns each ``input.json`` into
``VENDOR_DIR/<ID>.xml``; a case passes when that file parses, passes the rule pack without
errors, carries a valid signature when the case requires one, and matches ``expected.xml``
field for field (decimals compared as numbers; NGAYLAP and the signature are not compared).
This is the Python counterpart of ``lienthong conformance run``.

    python conformance_runner.py VENDOR_DIR [--cases conformance/cases]

Exit 0 when every case passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import lienthong

Diff = tuple[str, str, str, str]  # where, element, expected, actual


def _rows(table: Any) -> dict[str, dict[str, Any]]:
    """A table of ``Hoso.to_dict()`` as rows keyed by STT (or position)."""
    rows = table if isinstance(table, list) else [table]
    out: dict[str, dict[str, Any]] = {}
    for i, row in enumerate(rows, start=1):
        key = str(row.get("STT") or i)
        out[key] = row
    return out


def _compare_envelopes(expected: bytes, actual: bytes) -> list[Diff]:
    want = {h.ma_lk: h.to_dict() for h in lienthong.read(expected)}
    got = {h.ma_lk: h.to_dict() for h in lienthong.read(actual)}
    diffs: list[Diff] = []
    for ma_lk in sorted(set(want) | set(got), key=str):
        if ma_lk not in got:
            diffs.append((f"HOSO {ma_lk}", "", "present", "missing"))
            continue
        if ma_lk not in want:
            diffs.append((f"HOSO {ma_lk}", "", "absent", "unexpected"))
            continue
        w, g = want[ma_lk], got[ma_lk]
        for table in sorted(set(w) | set(g)):
            wr, gr = _rows(w.get(table) or []), _rows(g.get(table) or [])
            for stt in sorted(set(wr) | set(gr)):
                where = f"{ma_lk}/{table.upper()}[{stt}]"
                if stt not in gr or stt not in wr:
                    diffs.append((where, "", "row" if stt in wr else "none", "row" if stt in gr else "none"))
                    continue
                for el in sorted(set(wr[stt]) | set(gr[stt])):
                    a, b = wr[stt].get(el), gr[stt].get(el)
                    if a != b:
                        diffs.append((where, el.upper(), str(a), str(b)))
    return diffs


def _compare_documents(expected: bytes, actual: bytes) -> list[Diff]:
    """Check-in and XML12 documents: element by element, in order, signature left out."""

    def leaves(data: bytes) -> list[tuple[str, str]]:
        root = ET.fromstring(data)
        out: list[tuple[str, str]] = []
        for el in root.iter():
            if el.tag == "CHUKYDONVI":
                break
            if len(el) == 0:
                out.append((el.tag, (el.text or "").strip()))
        return out

    w, g = leaves(expected), leaves(actual)
    diffs: list[Diff] = []
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else ("", "")
        b = g[i] if i < len(g) else ("", "")
        if a != b:
            diffs.append((f"#{i + 1}", a[0] or b[0], a[1], b[1]))
    return diffs


def run_case(case_dir: Path, vendor_dir: Path) -> tuple[str, list[str]]:
    """One case: ``("pass" | "fail" | "skip" | "error", reasons)``."""
    meta = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    produced = vendor_dir / f"{meta['id']}.xml"
    if not produced.is_file():
        return "skip", [f"{produced.name} not found"]
    actual = produced.read_bytes()
    expected = (case_dir / "expected.xml").read_bytes()
    try:
        report = lienthong.validate(actual, pack=meta.get("pack"))
    except lienthong.ParseError as e:
        return "error", [f"parse: {e}"]
    reasons = [f"{i.rule} {i.path}: {i.message_en}" for i in report.errors]
    if meta.get("signature_required"):
        try:
            v = lienthong.verify(actual)
            if not (v.valid and v.covers_whole_document):
                reasons.append("signature invalid or partial")
        except lienthong.SignatureError as e:
            reasons.append(f"signature: {e}")
    is_envelope = b"<GIAMDINHHS" in expected[:512]
    diffs = (_compare_envelopes if is_envelope else _compare_documents)(expected, actual)
    reasons += [f"{w} {el}: expected {a!r}, got {b!r}" for w, el, a, b in diffs]
    return ("fail" if reasons else "pass"), reasons


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("vendor_dir", type=Path)
    ap.add_argument("--cases", type=Path, default=Path(__file__).resolve().parents[2] / "conformance" / "cases")
    args = ap.parse_args(argv)
    counts: dict[str, int] = {}
    for case_dir in sorted(p for p in args.cases.iterdir() if (p / "case.json").is_file()):
        status, reasons = run_case(case_dir, args.vendor_dir)
        counts[status] = counts.get(status, 0) + 1
        print(f"{status.upper():5} {case_dir.name}")
        for r in reasons[:20]:
            print(f"      {r}")
    total = sum(counts.values())
    print(f"{counts.get('pass', 0)}/{total} passed, {counts.get('fail', 0)} failed, "
          f"{counts.get('skip', 0)} skipped, {counts.get('error', 0)} errors")
    return 0 if counts.get("pass", 0) == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
