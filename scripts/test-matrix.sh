#!/usr/bin/env bash
# The cross-language test matrix: every case of tests/cases in Rust, Python,
# Node, Kotlin and Swift, printed as one table (case x language) ending with
# "N passed, N failed". Builds the mock and the Rust runner; the other
# languages' packages are built by their own scripts (scripts/test-python.sh,
# scripts/test-node.sh, scripts/test-kotlin.sh, scripts/test-swift.sh), which
# scripts/test runs first. A language that is not ready fails its cells.
#
# Usage: scripts/test-matrix.sh [--langs rust,python,node,kotlin,swift]
set -euo pipefail
cd "$(dirname "$0")/.."

# The fault matrix (tests/cases/fault_*.json) is generated: the committed files
# must be exactly what the script writes.
python3 tests/cases/generate_faults.py --check >&2

echo "test-matrix: building the mock server and the Rust runner" >&2
cargo build -p headshotpro-mock -p headshotpro-matrix >&2

exec python3 tests/matrix.py "$@"
