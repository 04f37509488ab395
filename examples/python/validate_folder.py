"""Validate every claim file in a folder and write the findings as a CSV that Excel opens.

Usage: python validate_folder.py FOLDER [-o findings.csv] [--pack 3176] [--rules rules.toml]

The CSV is UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly), one row per
finding, with bilingual column headers. A file that cannot be read becomes one row too. The exit
status is 1 when any file has an error, 0 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Optional

import lienthong

COLUMNS = [
    ("file", "Tệp / File"),
    ("rule", "Mã quy tắc / Rule"),
    ("severity", "Mức độ / Severity"),
    ("table", "Bảng / Table"),
    ("ma_lk", "Mã liên kết / MA_LK"),
    ("stt", "STT / Row"),
    ("field", "Trường / Field"),
    ("path", "Vị trí / Path"),
    ("line", "Dòng / Line"),
    ("column", "Cột / Column"),
    ("message_vi", "Nội dung lỗi"),
    ("message_en", "Message"),
    ("hint", "Gợi ý sửa"),
    ("hint_en", "Hint"),
]

SEVERITY_VI = {"error": "Lỗi / error", "warning": "Cảnh báo / warning"}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("folder", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=Path("findings.csv"))
    ap.add_argument("--pack", default=None, help="130, 4750 or 3176 (default: by each HOSO's dates)")
    ap.add_argument("--rules", type=Path, default=None, help="TOML file of severity overrides")
    ap.add_argument("--pattern", default="*.xml", help="file name pattern (default *.xml)")
    args = ap.parse_args(argv)

    files = sorted(p for p in args.folder.rglob(args.pattern) if p.is_file())
    errors = warnings = 0
    with args.output.open("w", encoding="utf-8-sig", newline="") as out:
        w = csv.writer(out, dialect="excel")
        w.writerow([label for _, label in COLUMNS])
        for path in files:
            name = str(path.relative_to(args.folder))
            try:
                report = lienthong.validate(path, pack=args.pack, rules=args.rules)
            except lienthong.LienthongError as e:
                w.writerow([name, "file.unreadable", SEVERITY_VI["error"]] + [""] * 7 + [str(e), str(e), "", ""])
                errors += 1
                continue
            for issue in report.issues:
                row = issue.to_dict()
                row["file"] = name
                row["severity"] = SEVERITY_VI.get(issue.severity, issue.severity)
                w.writerow(["" if row.get(k) is None else row[k] for k, _ in COLUMNS])
            errors += report.error_count
            warnings += report.warning_count
            print(f"{name}: {report.hoso} HOSO, {report.error_count} lỗi/errors, "
                  f"{report.warning_count} cảnh báo/warnings")
    print(f"{len(files)} tệp/files, {errors} lỗi/errors, {warnings} cảnh báo/warnings -> {args.output}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
