# Helpers for scripts/test: run a suite, time it, remember its outcome.
# shellcheck shell=bash

SUITE_NAMES=()
SUITE_RESULTS=()
SUITE_SECONDS=()

# suite NAME CMD...: runs CMD, prints a banner before and the outcome after.
suite() {
    local name=$1
    shift
    local started=$SECONDS
    printf '\n\033[1m==> %s: %s\033[0m\n' "$name" "$*"
    if "$@"; then
        SUITE_RESULTS+=(passed)
    else
        SUITE_RESULTS+=(failed)
    fi
    SUITE_NAMES+=("$name")
    SUITE_SECONDS+=($((SECONDS - started)))
    printf '==> %s %s in %ss\n' "$name" "${SUITE_RESULTS[-1]}" "${SUITE_SECONDS[-1]}"
}

# suite_summary: one line per suite, then "N passed, N failed"; exit status.
suite_summary() {
    local passed=0 failed=0 i
    printf '\nsuite     result  seconds\n'
    for i in "${!SUITE_NAMES[@]}"; do
        printf '%-9s %-7s %s\n' "${SUITE_NAMES[$i]}" "${SUITE_RESULTS[$i]}" "${SUITE_SECONDS[$i]}"
        if [[ ${SUITE_RESULTS[$i]} == passed ]]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
        fi
    done
    printf 'suites: %d passed, %d failed\n' "$passed" "$failed"
    [[ $failed -eq 0 ]]
}
