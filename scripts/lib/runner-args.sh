# Arguments of a matrix runner (tests/README.md): parse_runner_args "$@" sets
# CASES, VECTORS, MOCK_BIN and OUT, and exits 2 when one is missing.
# shellcheck shell=bash

parse_runner_args() {
    CASES="" VECTORS="" MOCK_BIN="" OUT=""
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --cases) CASES="$2"; shift 2 ;;
            --vectors) VECTORS="$2"; shift 2 ;;
            --mock-bin) MOCK_BIN="$2"; shift 2 ;;
            --out) OUT="$2"; shift 2 ;;
            *) echo "run-matrix: unknown argument $1" >&2; exit 2 ;;
        esac
    done
    [[ -n "$CASES" && -n "$VECTORS" && -n "$MOCK_BIN" && -n "$OUT" ]] || {
        echo "run-matrix: --cases, --vectors, --mock-bin and --out are required" >&2
        exit 2
    }
}
