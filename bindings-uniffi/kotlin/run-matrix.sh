#!/usr/bin/env bash
# The Kotlin runner of the cross-language matrix (tests/README.md):
#   bindings-uniffi/kotlin/run-matrix.sh --cases DIR --vectors DIR --mock-bin FILE --out FILE
# Expects the cdylib and generated Kotlin to exist (scripts/generate-uniffi.sh);
# runs com.headshotpro.matrix.MatrixRun through Maven's `matrix` profile.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
source "$REPO/scripts/lib/runner-args.sh"
parse_runner_args "$@"
abs() { realpath -m "$1"; }
exec mvn -B -q -f "$HERE/pom.xml" -Pmatrix test \
    -Dhp.lib.dir="${HP_LIB_DIR:-$REPO/target/debug}" -Dhp.generated.dir="$HERE/generated" \
    -Dhp.mock.bin="$(abs "$MOCK_BIN")" -Dmatrix.cases="$(abs "$CASES")" \
    -Dmatrix.vectors="$(abs "$VECTORS")" -Dmatrix.out="$(abs "$OUT")"
