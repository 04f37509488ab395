#!/usr/bin/env bash
# The Python package: builds and installs it into a fresh venv with `pip install ./python`
# (maturin, release profile), checks the stubs (stubtest) and types (mypy --strict on the
# package, tests and examples), runs pytest (with pandas when it installs) and the example.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${LIENTHONG_PY_VENV:-$root/python/.venv-ci}
python=${PYTHON:-python3}

rm -rf "$venv"
"$python" -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet pytest mypy
# pandas is optional; its test is skipped when it cannot be installed.
"$py" -m pip install --quiet pandas pandas-stubs || echo "pandas not installed: its test is skipped"

echo "-- pip install ./python"
# CI builds the extension with the dev profile (the SDK's dev build is already there from
# `cargo test`, and the release profile's LTO is slow on 2 cores); set
# LIENTHONG_PY_PROFILE=release for an optimized build (as `pip install ./python` does by default).
export MATURIN_PEP517_ARGS="--profile ${LIENTHONG_PY_PROFILE:-dev}"
"$py" -m pip install --quiet ./python

# The tests compare with the command line; use the release binary when it is there.
target=${CARGO_TARGET_DIR:-$root/target}
if [[ -x $target/release/lienthong ]]; then
  export LIENTHONG_CLI=$target/release/lienthong
else
  cargo build --quiet -p lienthong-cli
  export LIENTHONG_CLI=$target/debug/lienthong
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# stubtest imports the installed package: run it outside the source tree, where `lienthong/`
# has no native module.
echo "-- stubtest"
(cd "$tmp" && "$py" -m mypy.stubtest lienthong._lienthong --allowlist "$root/python/stubtest-allowlist.txt")
echo "-- mypy --strict"
cd "$root/python"
"$py" -m mypy --strict -p lienthong
"$py" -m mypy --strict ../examples/python tests bench
echo "-- pytest"
(cd tests && "$py" -m pytest -q -p no:cacheprovider .)
echo "-- example: validate_folder.py"
cd "$tmp"
mkdir "$tmp/exports"
"$py" -c "import lienthong, sys; open(sys.argv[1], 'wb').write(lienthong.gen(hoso=20, seed=1))" "$tmp/exports/good.xml"
"$LIENTHONG_CLI" gen --hoso 5 --seed 2 -o "$tmp/exports/second.xml"
printf '<GIAMDINHHS><THONGTINDONVI>' > "$tmp/exports/broken.xml"
status=0
"$py" "$root/examples/python/validate_folder.py" "$tmp/exports" -o "$tmp/findings.csv" || status=$?
[[ $status == 1 ]] || { echo "validate_folder.py: expected exit 1 (broken.xml), got $status"; exit 1; }
head -c 3 "$tmp/findings.csv" | od -An -tx1 | grep -q "ef bb bf" || { echo "no UTF-8 BOM"; exit 1; }
grep -q "Mã quy tắc / Rule" "$tmp/findings.csv"
grep -q "broken.xml" "$tmp/findings.csv"
echo "python package: all checks passed"
