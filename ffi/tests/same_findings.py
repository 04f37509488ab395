#!/usr/bin/env python3
"""The C library finds what the command line finds.

    same_findings.py VALIDATE_C LIENTHONG_CLI DIR...

For every `.xml` file under each DIR (recursively, so `fixtures/rules/<rule-id>/input.xml` files are
picked up as they are added), runs `VALIDATE_C --json FILE` (examples/c/validate.c over
liblienthong_ffi) and `LIENTHONG_CLI validate --format json FILE`, and requires the same findings,
field for field and in the same order, the same counts and the same exit status. Files that are
not claim documents are compared too: both must report the same parse finding. A `rules.toml` next
to a file is passed to both as `--rules`.
"""
import json
import pathlib
import subprocess
import sys


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    validate_c, cli, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = sorted({f for d in dirs for f in pathlib.Path(d).rglob("*.xml") if f.is_file()})
    failed = 0
    for f in files:
        extra = []
        rules = f.parent / "rules.toml"
        if rules.is_file():
            extra = ["--rules", str(rules)]
        c_rc, c_out, c_err = run([validate_c, *extra, "--json", str(f)])
        r_rc, r_out, r_err = run([cli, "validate", *extra, "--format", "json", str(f)])
        problems = []
        if c_rc not in (0, 1):
            problems.append(f"validate.c could not run (exit {c_rc}): {c_err.strip()}")
        if r_rc not in (0, 1):
            problems.append(f"lienthong could not run (exit {r_rc}): {r_err.strip()}")
        if not problems:
            lines = c_out.splitlines()
            c_issues = json.loads(lines[0])
            report = json.loads(r_out)
            r_issues = report["files"][0]["issues"]
            want = f"{report['summary']['errors']} errors, {report['summary']['warnings']} warnings"
            if lines[-1] != want:
                problems.append(f"summary line {lines[-1]!r}, the command line says {want!r}")
            if c_rc != r_rc:
                problems.append(f"exit {c_rc}, the command line exits {r_rc}")
            if c_issues != r_issues:
                c_rules = [i["rule"] for i in c_issues]
                r_rules = [i["rule"] for i in r_issues]
                problems.append(f"findings differ: C {c_rules} / command line {r_rules}")
        if problems:
            failed += 1
            print(f"DIFFERENT {f}")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"same      {f}: {len(c_issues)} finding(s)")
    print(f"{len(files)} file(s) compared, {failed} different")
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
